import { readHeading } from '../headings.ts';
import type { LineIndex } from '../text.ts';
import { trimmedCell } from './pipeRows.ts';
import type { RawCell, TableBlock } from './types.ts';

/**
 * A page's table as some sites and crawlers write it out: each cell's text on a line (or two or
 * three, where a label wraps), and a line holding only a pipe between one cell and the next,
 *
 *     规章
 *     |
 *     0
 *     |
 *     商业
 *     企业
 *     |
 *
 * The pipe lines say where cells end; nothing says where rows do (the binder goes by labels, as
 * for cell-per-line text). The text just before the first pipe line and just after the last is a
 * cell too, where it is one short line.
 */

/** Pipe lines a run needs to be a table. */
const MIN_SEPARATORS = 6;
/** The most lines one cell's text may take, and the longest such line (a label of the templates fits). */
const MAX_CELL_LINES = 3;
const MAX_CELL_LINE = 80;

/** How many cell ends a line of pipes alone makes (`|`; `||||` where a site writes a merged cell's empty ones), or 0. */
const separatorCount = (line: string) => {
	const t = line.trim();
	return t !== '' && /^[|｜]+$/.test(t) ? t.length : 0;
};
const isSeparator = (line: string) => separatorCount(line) > 0;

export function findPipeLineBlocks(index: LineIndex, claimed: Uint8Array): TableBlock[] {
	const lines = index.lines;
	const blocks: TableBlock[] = [];
	let n = 0;
	while (n < lines.length) {
		if (claimed[n] || !isSeparator(lines[n])) {
			n++;
			continue;
		}
		// A run: separators with one cell's text between each two, or nothing (an empty cell: two
		// pipes in a row, as a row's end and the next row's start, or the pipes of a merged cell).
		const cells: RawCell[] = [];
		let separators = separatorCount(lines[n]);
		let lastSeparator = n;
		let m = n + 1;
		// (No fix writes into one: which side of the pipes a number would stand on is the site's.)
		const empty = (at: number) => cells.push({ text: '', range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, row: -1, unwritable: true });
		for (let k = 1; k < separators; k++) empty(n);
		for (;;) {
			if (m < lines.length && !claimed[m] && isSeparator(lines[m])) {
				const count = separatorCount(lines[m]);
				for (let k = 0; k < count; k++) empty(m);
				separators += count;
				lastSeparator = m++;
				continue;
			}
			const cell = cellLines(index, m, claimed);
			if (!cell || cell.next >= lines.length || !isSeparator(lines[cell.next]) || claimed[cell.next]) break;
			cells.push(cellOf(index, m, cell.next - 1));
			const count = separatorCount(lines[cell.next]);
			for (let k = 1; k < count; k++) empty(cell.next);
			separators += count;
			lastSeparator = cell.next;
			m = cell.next + 1;
		}
		if (separators < MIN_SEPARATORS || cells.every((c) => c.text === '')) {
			n = lastSeparator + 1;
			continue;
		}
		let first = n;
		const before = first - 1;
		if (before >= 0 && !claimed[before] && edgeCell(lines[before], before)) {
			cells.unshift(cellOf(index, before, before));
			first = before;
		}
		let last = lastSeparator;
		const after = lastSeparator + 1;
		if (after < lines.length && !claimed[after] && edgeCell(lines[after], after) && !(after + 1 < lines.length && isSeparator(lines[after + 1]))) {
			cells.push(cellOf(index, after, after));
			last = after;
		}
		blocks.push({ layout: 'cell-per-line', firstLine: first, lastLine: last, cells, rowsReliable: false });
		n = last + 1;
	}
	return blocks;
}

/** The lines of one cell's text from line `from`: 1 to 3 short lines (a row label alone may look like a heading: 一、本年新收…); where the next separator would stand. */
function cellLines(index: LineIndex, from: number, claimed: Uint8Array): { next: number } | undefined {
	let n = from;
	while (n < index.lineCount && n - from < MAX_CELL_LINES && !isSeparator(index.lines[n])) {
		const line = index.lines[n];
		// (A line holding a pipe of its own is a row of cells closed by pipes, another layout: `0 | ||`.)
		if (claimed[n] || line.trim() === '' || line.length > MAX_CELL_LINE || /[|｜]/.test(line)) return undefined;
		n++;
	}
	if (n === from) return undefined;
	// A label wrapped over lines has no sentence in it and no heading: three lines of text between
	// two tables (三、收到和处理… / 该部分以表格形式报告。/ (本列数据…)) are no cell.
	if (n - from > 1) for (let k = from; k < n; k++) if (/[。；：:！？]/.test(index.lines[k]) || readHeading(index.lines[k], k)) return undefined;
	return { next: n };
}

/** A line just outside a run that is its first or last cell: short, not a heading, not a sentence. */
function edgeCell(line: string, lineNo: number): boolean {
	const t = line.trim();
	return t !== '' && t.length <= MAX_CELL_LINE && !/[。；！？|｜]/.test(t) && !readHeading(line, lineNo);
}

/** One cell from its text's lines, joined without a separator (a wrapped label). */
function cellOf(index: LineIndex, a: number, b: number): RawCell {
	const parts = [];
	for (let n = a; n <= b; n++) parts.push(trimmedCell(index.lines[n], n, 0, index.lines[n].length, -1));
	return { text: parts.map((p) => p.text).join(''), range: { start: parts[0].range.start, end: parts[parts.length - 1].range.end }, row: -1 };
}
