import type { DocumentFormat } from './render.ts';

/** Which files are documents, by name alone: kept apart from the readers so that asking loads none of them. */

const FORMATS: Record<string, DocumentFormat> = { '.docx': 'docx', '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.shtml': 'html', '.xhtml': 'html' };

/** File name endings read as documents. */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/** The document format a file name says, or undefined for a text report. */
export function documentFormatOf(fileName: string): DocumentFormat | undefined {
	const m = /\.[^./\\]+$/.exec(fileName.toLowerCase());
	return m ? FORMATS[m[0]] : undefined;
}
