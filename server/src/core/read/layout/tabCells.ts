import { isMarkedPageNumber } from '../pageNumbers.ts';
import type { LineIndex } from '../text.ts';
import { isSpace, trimmedCell } from './pipeRows.ts';
import type { RawCell } from './types.ts';

/**
 * Cells of a tab-cells block: every line that starts with a TAB holds one cell (more, if it has
 * more tabs); a line without a tab right after a label cell continues that cell (`商业` / `企业`);
 * blank lines separate rows.
 */
export function tabCells(index: LineIndex, first: number, last: number): RawCell[] {
	const cells: RawCell[] = [];
	let row = 0;
	let rowHasCells = false;
	for (let n = first; n <= last; n++) {
		const line = index.lines[n];
		if (line.trim() === '' && !line.includes('\t')) {
			if (rowHasCells) row++;
			rowHasCells = false;
			continue;
		}
		if (line.charCodeAt(0) !== 9) {
			// A page's footer between two cells (the page broke inside the row) is no part of either.
			if (isMarkedPageNumber(line)) continue;
			const prev = cells[cells.length - 1];
			if (prev) extendCell(prev, line, n);
			continue;
		}
		let start = 1;
		for (let i = 1; i <= line.length; i++) {
			if (i === line.length || line.charCodeAt(i) === 9) {
				cells.push(trimmedCell(line, n, start, i, row));
				start = i + 1;
			}
		}
		rowHasCells = true;
	}
	return cells;
}

function extendCell(cell: RawCell, line: string, lineNo: number): void {
	let s = 0;
	let e = line.length;
	while (s < e && isSpace(line.charCodeAt(s))) s++;
	while (e > s && isSpace(line.charCodeAt(e - 1))) e--;
	if (s === e) return;
	cell.text += line.slice(s, e);
	cell.range = { start: cell.range.start, end: { line: lineNo, character: e } };
}
