import { isPlaceholderCell } from '../cellValue.ts';
import type { LineIndex } from '../text.ts';
import { trimmedCell } from './pipeRows.ts';
import type { RawCell } from './types.ts';

/**
 * A table copied out of Word, Excel or a web page into plain text: one row a line, its cells
 * apart by TABs (`规章⇥0⇥0⇥0`; a cell merged down from the row above left empty: `⇥2.重复申请⇥0⇥…`).
 * Unlike the tab cells of an export (one cell a line, each after a TAB), a row holds cells on
 * both sides of a TAB.
 */

/** Longest cell of a row; a longer run of text beside a tab is prose that holds one. */
const MAX_CELL = 80;
/** A sentence's punctuation: no cell of a table ends a clause. */
const SENTENCE = /[。；]|[，,]\s*$/;
/** A number, a number with its unit, or the unit alone (a 统计表's 单位 column). */
const NUMBER = /^(?:[\d０-９][\d０-９.,，]*\s*(?:%|件|条|个|次|人次|元|万元|笔|项|份)?|件|条|个|次|人次|元|万元|笔|项|份)$/;
/** A value cell: a number or a placeholder for none (—, _, /, 无). */
const isValue = (text: string) => NUMBER.test(text) || isPlaceholderCell(text);

export function isTabRow(line: string): boolean {
	const first = line.indexOf('\t');
	if (first < 0) return false;
	const cells = line.split('\t');
	const filled = cells.filter((c) => c.trim() !== '');
	if (filled.length < 2 || filled.some((c) => c.trim().length > MAX_CELL || SENTENCE.test(c))) return false;
	// Two cells: a label and its number (or unit); a header or a row of words has more.
	if (filled.length === 2 && !isValue(filled[1].trim())) return false;
	// A line that opens with its tab is an export's tab cell unless another cell follows on it.
	return first > 0 ? cells[0].trim() !== '' : true;
}

/**
 * A label and TABs with nothing after them (`3.其他⇥⇥⇥⇥⇥⇥⇥`): a row of blank cells among tab rows,
 * though alone it would be a line that ends in tabs.
 */
export function isBlankTabRow(line: string): boolean {
	const first = line.indexOf('\t');
	if (first < 0) return false;
	if (first > 0) return line.slice(0, first).trim() !== '' && line.slice(0, first).trim().length <= MAX_CELL && line.slice(first).trim() === '';
	// Cells merged down from the rows above left empty before the label (⇥⇥2.申请人逾期…⇥⇥⇥): two TABs at least, one cell of words.
	const filled = line.split('\t').filter((c) => c.trim() !== '');
	return filled.length === 1 && filled[0].trim().length <= MAX_CELL && !isValue(filled[0].trim()) && (line.match(/\t/g)?.length ?? 0) >= 2;
}

/** The cells of the block's lines, a row a line; a TAB at a line's end closes an empty last cell. */
export function tabRowCells(index: LineIndex, first: number, last: number): RawCell[] {
	const cells: RawCell[] = [];
	let row = 0;
	for (let n = first; n <= last; n++) {
		const line = index.lines[n];
		if (!isTabRow(line) && !isBlankTabRow(line)) continue;
		let start = 0;
		const lineCells: RawCell[] = [];
		for (let i = 0; i <= line.length; i++) {
			if (i === line.length || line.charCodeAt(i) === 9) {
				lineCells.push(trimmedCell(line, n, start, i, row));
				start = i + 1;
			}
		}
		cells.push(...lineCells);
		row++;
	}
	return cells;
}
