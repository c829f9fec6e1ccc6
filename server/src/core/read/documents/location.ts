import type { Lang } from '../../check/findings.ts';

/**
 * A finding's place in a source document, and its one-line description. Kept apart from the
 * readers so that a consumer of locations (the CLI's report) does not load pdf.js and the others.
 */

/** Where a finding sits in the source document: page, table, row and column by their labels. */
export interface DocumentLocation {
	page?: number;
	/** Table title (as the template names it), else the document's n-th table. */
	table?: string;
	row?: string;
	column?: string;
	/** DOCX: the body paragraph; HTML: the source line. */
	paragraph?: number;
	sourceLine?: number;
}

/** A location in one line of words: 第 3 页 · 表二 · （七）总计 · 自然人. */
export function describeLocation(loc: DocumentLocation, lang: Lang): string {
	const parts: string[] = [];
	if (loc.page !== undefined) parts.push(lang === 'zh' ? `第 ${loc.page} 页` : `page ${loc.page}`);
	if (loc.table) parts.push(loc.table);
	if (loc.row) parts.push(loc.row);
	if (loc.column) parts.push(loc.column);
	if (loc.paragraph !== undefined) parts.push(lang === 'zh' ? `第 ${loc.paragraph} 段` : `paragraph ${loc.paragraph}`);
	if (loc.sourceLine !== undefined) parts.push(lang === 'zh' ? `源码第 ${loc.sourceLine} 行` : `source line ${loc.sourceLine}`);
	return parts.join(' · ');
}
