import { message, type Finding, type Lang } from '../../check/findings.ts';
import { targetAt } from '../../features/locate.ts';
import { columnName, rowName, tableName } from '../../features/names.ts';
import type { ReportModel } from '../../model.ts';
import type { Range } from '../text.ts';
import { readDocx } from './docx.ts';
import { readHtml } from './html.ts';
import { readPdf } from './pdf.ts';
import { DEFAULT_LIMITS, placeAt, type DocumentFormat, type DocumentLimits, type DocumentProblem, type DocumentRendering, type DocumentResult } from './render.ts';

/**
 * Reports where they live: Word drafts, published PDFs and saved web pages, read into the
 * pipe-row text the text pipeline parses, with every line traced back to the source. Bytes in,
 * data out: no file system, no network, no code of the document run.
 */

export { DEFAULT_LIMITS, placeAt, type DocumentFormat, type DocumentLimits, type DocumentProblem, type DocumentRendering, type DocumentResult, type SourcePlace } from './render.ts';
export { readDocx } from './docx.ts';
export { readHtml } from './html.ts';
export { readPdf } from './pdf.ts';

const FORMATS: Record<string, DocumentFormat> = { '.docx': 'docx', '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.shtml': 'html', '.xhtml': 'html' };

/** File name endings read as documents. */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/** The document format a file name says, or undefined for a text report. */
export function documentFormatOf(fileName: string): DocumentFormat | undefined {
	const m = /\.[^./\\]+$/.exec(fileName.toLowerCase());
	return m ? FORMATS[m[0]] : undefined;
}

/** Reads a document of the given format; never throws: a fault comes back as one problem. */
export async function readDocument(bytes: Uint8Array, format: DocumentFormat, limits: DocumentLimits = DEFAULT_LIMITS): Promise<DocumentResult> {
	try {
		if (format === 'docx') return readDocx(bytes, limits);
		if (format === 'html') return readHtml(bytes, limits);
		return await readPdf(bytes, limits);
	} catch (e) {
		const reason = (e as Error)?.message ?? String(e);
		return { problem: { code: 'document.unreadable', message: { zh: `文档已损坏或格式不受支持（${reason}）`, en: `the document is corrupt or of an unsupported kind (${reason})` } } };
	}
}

/** The one finding a document that cannot be read gets, at the start of the file. */
export function problemFinding(problem: DocumentProblem, lang: Lang): Finding {
	const range: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
	return { code: problem.code, severity: 'error', message: message(problem.code, lang, { reason: problem.message[lang] }), range, ...(problem.page ? { data: { page: problem.page } } : {}) };
}

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

export function locateInDocument(rendering: DocumentRendering, model: ReportModel, range: Range, lang: Lang): DocumentLocation {
	const place = placeAt(rendering, range.start);
	const out: DocumentLocation = {};
	if (place?.page !== undefined) out.page = place.page;
	const target = targetAt(model, range.start);
	if (target && (target.kind === 'cell' || target.kind === 'row' || target.kind === 'table')) {
		out.table = tableName(target.table, lang);
		if (target.kind !== 'table') out.row = rowName(target.row, lang);
		if (target.kind === 'cell') out.column = columnName(target.table, target.cell.column, lang);
	} else if (place?.table !== undefined) out.table = lang === 'zh' ? `第 ${place.table} 个表格` : `table ${place.table}`;
	if (!out.table) {
		if (place?.paragraph !== undefined) out.paragraph = place.paragraph;
		if (place?.sourceLine !== undefined) out.sourceLine = place.sourceLine;
	}
	return out;
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
