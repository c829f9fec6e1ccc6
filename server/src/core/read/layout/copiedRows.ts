import { joinWrapped } from '../documents/render.ts';
import { readHeading } from '../headings.ts';
import type { LineIndex, Position } from '../text.ts';
import { trimmedCell } from './pipeRows.ts';
import type { RawCell, TableBlock } from './types.ts';

/**
 * A page's table as a browser copies it to plain text (Ctrl+A, Ctrl+C; `innerText`) when its
 * cells hold paragraphs: each cell's text on lines of its own, a line holding only a TAB between
 * one cell and the next, and a run of empty lines where a row ends:
 *
 *     规章
 *
 *     ⇥
 *
 *     0
 *                      (two empty lines or more: the row ends)
 *
 *     行政规范性文件
 *
 * The TAB lines say where cells end, empty lines not followed by a TAB where rows do (one empty
 * line stands around each TAB); lines with no empty line between them are one cell's. A row that
 * is a section's heading (三、收到和处理…, between two tables) is no table's: the block ends before it.
 */

/** TAB lines a run needs to be a table, and the most lines between two of the same run. */
const MIN_TAB_LINES = 2;
const MAX_GAP = 16;

const isTabLine = (line: string) => line.length > 0 && line.includes('\t') && line.trim() === '';

export function findCopiedRowBlocks(index: LineIndex): TableBlock[] {
	const lines = index.lines;
	const tabs: number[] = [];
	// The TAB stands between empty lines: an export's tab cells (⇥60, a blank cell ⇥) stand line after line.
	for (let n = 1; n + 1 < lines.length; n++) if (lines[n].charCodeAt(0) === 9 && isTabLine(lines[n]) && lines[n - 1] === '' && lines[n + 1] === '') tabs.push(n);
	if (tabs.length < MIN_TAB_LINES) return [];
	const blocks: TableBlock[] = [];
	let from = 0;
	for (let k = 1; k <= tabs.length; k++) {
		if (k < tabs.length && tabs[k] - tabs[k - 1] <= MAX_GAP) continue;
		if (k - from >= MIN_TAB_LINES) blocks.push(...readRun(index, tabs[from], tabs[k - 1]));
		from = k;
	}
	return blocks;
}

/** The block from the cell before the run's first TAB line to the cell after its last. */
function readRun(index: LineIndex, firstTab: number, lastTab: number): TableBlock[] {
	const lines = index.lines;
	let first = firstTab - 1;
	while (first >= 0 && lines[first].trim() === '') first--;
	let last = lastTab + 1;
	while (last < lines.length && lines[last].trim() === '') last++;
	if (first < 0 || last >= lines.length || isTabLine(lines[first]) || isTabLine(lines[last])) return [];
	const cells: RawCell[] = [];
	let row = 0;
	let rowCells = 0;
	let cell: RawCell | undefined;
	let blanks = 0;
	let afterTab = false;
	const flush = () => {
		if (cell) {
			cells.push(cell);
			rowCells++;
		}
		cell = undefined;
	};
	const endOf = (n: number): Position => ({ line: n, character: lines[n].length });
	for (let n = first; n <= last; n++) {
		const line = lines[n];
		if (isTabLine(line)) {
			// Empty cells, with no text of their own to write into: before a TAB with no cell before
			// it in its row (or right after another), between the TABs of one line (`⇥ ⇥ ⇥`, cells
			// holding a no-break space), and after the line's last TAB when a space stands there.
			const empty = () => {
				cells.push({ text: '', range: { start: endOf(n), end: endOf(n) }, row, unwritable: true });
				rowCells++;
			};
			const pieces = line.split('\t');
			if (!cell && (afterTab || rowCells === 0 || pieces[0] !== '')) empty();
			flush();
			for (let k = 1; k < pieces.length - 1; k++) empty();
			afterTab = pieces[pieces.length - 1] === '';
			if (!afterTab) empty();
			blanks = 0;
			continue;
		}
		if (line.trim() === '') {
			blanks++;
			continue;
		}
		// After a TAB, more than the one empty line around it says the row's last cell was empty.
		if (afterTab && blanks > 1) {
			cells.push({ text: '', range: { start: endOf(n - blanks - 1), end: endOf(n - blanks - 1) }, row, unwritable: true });
			row++;
			rowCells = 0;
			afterTab = false;
		}
		const piece = trimmedCell(line, n, 0, line.length, row);
		// One empty line between a cell's paragraphs (商业 / 企业); more, or after a number or a heading, a row's end.
		const joins = cell !== undefined && !afterTab && (blanks === 0 || (blanks === 1 && continuesCell(cell.text, piece.text)));
		if (!joins && !afterTab && blanks >= 1) {
			flush();
			if (rowCells > 0 || afterTab) row++;
			rowCells = 0;
			afterTab = false;
		}
		if (cell && joins) cell = { ...cell, text: joinWrapped(cell.text, piece.text), range: { start: cell.range.start, end: piece.range.end } };
		else {
			flush();
			cell = { ...piece, row };
		}
		afterTab = false;
		blanks = 0;
	}
	flush();
	return splitAtHeadings(cells);
}

/** Whether a paragraph goes on the cell before it: words after words, not a number, not a section's heading. */
function continuesCell(before: string, next: string): boolean {
	return !NUMBER.test(before) && !NUMBER.test(next) && readHeading(before, 0)?.level !== 1 && readHeading(next, 0)?.level !== 1;
}

const NUMBER = /^[\d０-９][\d０-９.,，%]*$/;

/** The run's cells as blocks, cut at the rows that are a section's heading (one cell, read as a level-1 heading). */
function splitAtHeadings(cells: RawCell[]): TableBlock[] {
	const rows = new Map<number, RawCell[]>();
	for (const c of cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
	const blocks: TableBlock[] = [];
	let part: RawCell[] = [];
	const close = () => {
		if (part.some((c, k) => k > 0 && c.row === part[k - 1].row && c.text !== '')) {
			blocks.push({ layout: 'tab-rows', firstLine: part[0].range.start.line, lastLine: part[part.length - 1].range.end.line, cells: part, rowsReliable: true });
		}
		part = [];
	};
	for (const row of rows.values()) {
		if (row.length === 1 && readHeading(row[0].text, 0)?.level === 1) {
			close();
			continue;
		}
		part.push(...row);
	}
	close();
	return blocks;
}
