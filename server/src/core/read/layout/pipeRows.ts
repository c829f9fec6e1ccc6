import type { Range } from '../text.ts';
import type { RawCell } from './types.ts';
import { INLINE_TAGS } from '../markup.ts';

const PIPE = /[|｜]/;

export function hasPipe(line: string): boolean {
	return PIPE.test(line);
}

export function isMarkdownSeparator(line: string): boolean {
	return /^\s*[|｜]?\s*:?-{3,}:?\s*([|｜]\s*:?-{3,}:?\s*)*[|｜]?\s*$/.test(line);
}

/**
 * Splits one line at its pipes into cells with exact ranges. In a Markdown-style block a leading
 * pipe opens the row; elsewhere it closes an empty first cell. The empty text after the last pipe
 * is no cell.
 */
export function splitPipeLine(line: string, lineNo: number, row: number, leadingOpens = true): RawCell[] {
	const cells: RawCell[] = [];
	let start = 0;
	const segments: Array<[number, number]> = [];
	for (let i = 0; i <= line.length; i++) {
		if (i === line.length || line[i] === '|' || line[i] === '｜') {
			segments.push([start, i]);
			start = i + 1;
		}
	}
	const leadingPipe = leadingOpens && /^\s*[|｜]/.test(line);
	const from = leadingPipe ? 1 : 0;
	let to = segments.length;
	// The empty text after the last pipe closes the row ("a | b |"); after " | " an HTML row's
	// last cell was empty ("3.其他 |  | … | "): a blank cell the template's column count may need.
	const emptyLastCell = !leadingOpens && / $/.test(line) && / [|｜] +$/.test(line);
	if (to > from && line.slice(segments[to - 1][0]).trim() === '' && !emptyLastCell) to--;
	for (let s = from; s < to; s++) {
		const [a, b] = segments[s];
		cells.push(trimmedCell(line, lineNo, a, b, row));
	}
	return cells;
}

/** The cell between a and b, trimmed; an empty cell sits just after its opening separator. */
export function trimmedCell(line: string, lineNo: number, a: number, b: number, row: number): RawCell {
	let s = a;
	let e = b;
	while (s < e && isSpace(line.charCodeAt(s))) s++;
	while (e > s && isSpace(line.charCodeAt(e - 1))) e--;
	// Inline HTML a converter left around a cell's text (<span style="…">181</span>, pandoc's gfm):
	// the cell is the text inside, so its value reads and a fix rewrites only that.
	// Word's runs leave empty elements on either side too (`0</span><span style="…"></span>`): tags
	// are taken off both ends, opening or closing, until text stands there.
	if (line.includes('<', s) || line.includes('>', s)) {
		for (let m; s < e && (m = OPEN_TAG.exec(line.slice(s, e)) ?? CLOSE_TAG_AT_START.exec(line.slice(s, e))); ) {
			s += m[0].length;
			while (s < e && isSpace(line.charCodeAt(s))) s++;
		}
		for (let m; e > s && (m = CLOSE_TAG.exec(line.slice(s, e)) ?? OPEN_TAG_AT_END.exec(line.slice(s, e))); ) {
			e -= m[0].length;
			while (e > s && isSpace(line.charCodeAt(e - 1))) e--;
		}
	}
	if (s === e) {
		// Put an empty cell's insertion point after one space, if there is one, so a filled-in
		// number keeps the table's " | " spacing.
		const at = a < b && isSpace(line.charCodeAt(a)) ? a + 1 : a;
		s = e = at;
	}
	const range: Range = { start: { line: lineNo, character: s }, end: { line: lineNo, character: e } };
	return { text: line.slice(s, e), range, row };
}

const OPEN_TAG = new RegExp(`^<(?:${INLINE_TAGS})(?:\\s[^<>]*)?>`, 'i');
const CLOSE_TAG = new RegExp(`<\\/(?:${INLINE_TAGS})\\s*>$`, 'i');
const CLOSE_TAG_AT_START = new RegExp(`^<\\/(?:${INLINE_TAGS})\\s*>`, 'i');
const OPEN_TAG_AT_END = new RegExp(`<(?:${INLINE_TAGS})(?:\\s[^<>]*)?\\/?>$`, 'i');

export function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}
