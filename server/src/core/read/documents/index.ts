import { message, type Finding, type Lang } from '../../check/findings.ts';
import { targetAt } from '../../features/locate.ts';
import { columnName, rowName, tableName } from '../../features/names.ts';
import type { ReportModel } from '../../model.ts';
import type { Range } from '../text.ts';
import type { DocumentLocation } from './location.ts';
import { readDocx } from './docx.ts';
import { readHtml } from './html.ts';
import { readPdf } from './pdf.ts';
import { DEFAULT_LIMITS, placeAt, type DocumentFormat, type DocumentLimits, type DocumentProblem, type DocumentRendering, type DocumentResult } from './render.ts';

/**
 * Reports where they live: Word drafts, published PDFs and saved web pages, read into the
 * pipe-row text the text pipeline parses, with every line traced back to the source. Bytes in,
 * data out: no file system, no network, no code of the document run.
 */

export { describeLocation, type DocumentLocation } from './location.ts';
export { DOCUMENT_EXTENSIONS, documentFormatOf } from './formats.ts';
export { DEFAULT_LIMITS, placeAt, type DocumentFormat, type DocumentLimits, type DocumentProblem, type DocumentRendering, type DocumentResult, type SourcePlace } from './render.ts';
export { readDocx } from './docx.ts';
export { readHtml } from './html.ts';
export { readPdf } from './pdf.ts';

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

