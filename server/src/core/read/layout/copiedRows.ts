import { isPlaceholderCell } from '../cellValue.ts';
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

/** TAB lines a run needs to be a table, and the most lines of text between two of the same run. */
const MIN_TAB_LINES = 2;
const MAX_GAP = 8;

/** A line of TABs with nothing, or numbers, between them (never words: ⇥一、总体情况 is a heading indented with a TAB). */
const cellsAreNumbers = (line: string) => line.split('\t').every((c) => c.trim() === '' || isValue(c.trim()));

const isTabLine = (line: string) => line.length > 0 && line.includes('\t') && line.trim() === '';

export function findCopiedRowBlocks(index: LineIndex): TableBlock[] {
	const lines = index.lines;
	const tabs: number[] = [];
	// A line opening with a TAB between empty lines (`⇥`, or `⇥0⇥0⇥0` where the numbers' cells hold
	// no paragraph), after a cell's text: an export's tab cells (⇥60, a blank cell ⇥) stand line
	// after line, each opening with its TAB.
	for (let n = 1; n + 1 < lines.length; n++) {
		const line = lines[n];
		if (line.charCodeAt(0) !== 9 || lines[n - 1] !== '' || lines[n + 1] !== '') continue;
		let p = n - 2;
		while (p >= 0 && isBlank(lines[p])) p--;
		if (p >= 0 && (lines[p].charCodeAt(0) !== 9 || isTabLine(lines[p])) && cellsAreNumbers(line)) tabs.push(n);
	}
	if (tabs.length < MIN_TAB_LINES) return [];
	// Lines of text between two TAB lines of one run: a row's labels may run to several paragraphs
	// (rows with no numbers of their own: 2.申请人逾期… / 3.其他), empty lines do not count.
	const textLines = (a: number, b: number) => {
		let k = 0;
		for (let n = a + 1; n < b && k <= MAX_GAP; n++) if (!isBlank(lines[n])) k++;
		return k;
	};
	const blocks: TableBlock[] = [];
	let from = 0;
	for (let k = 1; k <= tabs.length; k++) {
		if (k < tabs.length && textLines(tabs[k - 1], tabs[k]) <= MAX_GAP) continue;
		if (k - from >= MIN_TAB_LINES) blocks.push(...readRun(index, tabs[from], tabs[k - 1]));
		from = k;
	}
	return blocks;
}

/** The block from the cell before the run's first TAB line to the cell after its last. */
function readRun(index: LineIndex, firstTab: number, lastTab: number): TableBlock[] {
	const lines = index.lines;
	let first = firstTab - 1;
	while (first >= 0 && isBlank(lines[first])) first--;
	let last = lastTab + 1;
	while (last < lines.length && isBlank(lines[last])) last++;
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
	const empty = (at: Position) => {
		cells.push({ text: '', range: { start: at, end: at }, row, unwritable: true });
		rowCells++;
	};
	const tab = (at: Position, emptyBefore: boolean) => {
		// A TAB with no cell before it in its row, or right after another, or after a no-break space: an empty cell, with no text of its own to write into.
		if (!cell && (afterTab || rowCells === 0 || emptyBefore)) empty(at);
		flush();
		afterTab = true;
	};
	let widest = 0;
	const text = (piece: RawCell, n: number) => {
		// A paragraph holding only a no-break space is a cell only right after a TAB; elsewhere it is an empty paragraph of the cell before.
		if (piece.text === '' && !afterTab) return;
		// After a TAB, more than the one empty line around it says the row's last cell was empty —
		// unless a number follows in a row still short of the table's widest (a cell's leading <br>s).
		if (afterTab && blanks > 1 && !(isValue(piece.text) && rowCells < widest)) {
			empty({ line: n - blanks - 1, character: lines[n - blanks - 1].length });
			widest = Math.max(widest, rowCells);
			row++;
			rowCells = 0;
			afterTab = false;
		}
		// A cell's paragraphs go on: lines with no empty line between (a heading never), one empty line
		// between words (商业 / 企业), and anything after a paragraph holding only a no-break space.
		// A cell that opens with a paragraph of only a no-break space and then empty ones
		// (<p>&nbsp;</p><p><br/></p><p><br/></p><p>0</p>) is still that cell when a number follows in a
		// row short of the table's widest: the empty lines are its paragraphs, not the row's end.
		const joins =
			cell !== undefined &&
			!afterTab &&
			((cell.text === '' && blanks <= 1) ||
				(cell.text === '' && isValue(piece.text) && rowCells < widest) ||
				(blanks === 0 && !isHeading(piece.text) && !isHeading(cell.text)) ||
				(blanks === 1 && continuesCell(cell.text, piece.text)));
		// Text after text with no TAB between, and not one cell's: the next row.
		if (!joins && !afterTab && (blanks >= 1 || cell !== undefined)) {
			flush();
			widest = Math.max(widest, rowCells);
			if (rowCells > 0) row++;
			rowCells = 0;
		}
		if (cell && joins) cell = cell.text === '' ? { ...piece, row, unwritable: piece.text === '' } : { ...cell, text: joinWrapped(cell.text, piece.text), range: { start: cell.range.start, end: piece.range.end } };
		else {
			flush();
			cell = { ...piece, row, ...(piece.text === '' ? { unwritable: true } : {}) };
		}
		afterTab = false;
	};
	for (let n = first; n <= last; n++) {
		const line = lines[n];
		if (isBlank(line)) {
			blanks++;
			continue;
		}
		// The line's TABs end cells; the text between them (a row copied whole: ⇥2⇥0⇥0) is cells.
		const segments = line.split('\t');
		let offset = 0;
		for (let k = 0; k < segments.length; k++) {
			const seg = segments[k];
			if (k > 0) tab({ line: n, character: offset - 1 }, segments[k - 1].includes('\u00a0') && segments[k - 1].trim() === '');
			const piece = trimmedCell(line, n, offset, offset + seg.length, row);
			if (piece.text !== '') text(piece, n);
			// A paragraph holding only a no-break space is a cell's empty paragraph; between or after TABs, an empty cell.
			else if (seg.includes('\u00a0') && segments.length === 1) text(piece, n);
			else if (seg.includes('\u00a0') && k === segments.length - 1) {
				empty({ line: n, character: line.length });
				afterTab = false;
			}
			offset += seg.length + 1;
		}
		blanks = 0;
	}
	flush();
	return splitAtHeadings(cells);
}

/** An empty line (a no-break space is a cell's empty paragraph, not an empty line). */
const isBlank = (line: string) => line.trim() === '' && !line.includes('\t') && !line.includes('\u00a0');

const isHeading = (text: string) => readHeading(text, 0)?.level === 1;

/** Whether a paragraph goes on the cell before it: words after words, not a number, not a section's heading. */
function continuesCell(before: string, next: string): boolean {
	return !isValue(before) && !isValue(next) && readHeading(before, 0)?.level !== 1 && readHeading(next, 0)?.level !== 1;
}

const DIGITS = /^[\d０-９][\d０-９.,，%]*$/;
/** A number, or a placeholder for none (—, _, /, 无): a value cell, never words that go on. */
const isValue = (text: string) => DIGITS.test(text) || isPlaceholderCell(text);

/** The run's cells as blocks, cut at the rows that are a section's heading (one cell, read as a level-1 heading). */
function splitAtHeadings(cells: RawCell[]): TableBlock[] {
	const rows = new Map<number, RawCell[]>();
	for (const c of cells) {
		const row = rows.get(c.row);
		if (row) row.push(c);
		else rows.set(c.row, [c]);
	}
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
		for (const c of row) part.push(c);
	}
	close();
	return blocks;
}
