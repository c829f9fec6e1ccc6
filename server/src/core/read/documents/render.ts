import type { Position } from '../text.ts';

/**
 * What every document reader produces: the report as text in the pipe-row layout (one line a
 * paragraph, one line a table row, cells joined by " | ", a merged cell written once where it
 * starts) and a map from each rendered line and cell back to where it sits in the source. The
 * text pipeline then parses that text, so a document's model is the text route's model, cell for
 * cell, and every finding can be traced back to a page, a table, a row and a column.
 */

export type DocumentFormat = 'docx' | 'html' | 'pdf';

/** Where a block or a cell sits in the source document. */
export interface SourcePlace {
	/** 1-based page (PDF). */
	page?: number;
	/** 1-based line of the source text (HTML). */
	sourceLine?: number;
	/** 1-based paragraph of the document body (DOCX). */
	paragraph?: number;
	/** 1-based table of the document, and the 1-based row and column of the grid. */
	table?: number;
	row?: number;
	column?: number;
}

export interface GridCell {
	text: string;
	rowSpan: number;
	colSpan: number;
	place: SourcePlace;
	/** For the blank a number merged down over rows leaves in a row below it: that number's cell. */
	mergedFrom?: GridCell;
}

/** A table as a grid: each row lists the cells that start in it, at their grid column. */
export interface GridTable {
	rows: Array<Array<{ column: number; cell: GridCell }>>;
	place: SourcePlace;
}

export type Block = { kind: 'paragraph'; text: string; place: SourcePlace } | { kind: 'table'; table: GridTable };

/** A rendered line and where it came from; the cells of a row line with their character spans. */
export interface LineSource {
	place: SourcePlace;
	cells?: Array<{ start: number; end: number; place: SourcePlace }>;
}

export interface DocumentRendering {
	format: DocumentFormat;
	text: string;
	/** One entry per rendered line (blank separator lines included). */
	lines: LineSource[];
	/** Pages of the source, where the format has pages. */
	pages?: number;
}

/** A fault that stops a document from being read: one clear finding, never a throw. */
export interface DocumentProblem {
	code: 'document.unreadable' | 'document.scanned' | 'document.encrypted' | 'document.too-large';
	/** What went wrong, in plain words (Chinese and English). */
	message: { zh: string; en: string };
	page?: number;
}

export type DocumentResult = { rendering: DocumentRendering } | { problem: DocumentProblem };

/** Limits each reader keeps to, so a huge or hostile document cannot hang or exhaust the process. */
export interface DocumentLimits {
	maxBytes: number;
	maxPages: number;
	/** Uncompressed size a .docx may expand to (a zip bomb stops here). */
	maxExpandedBytes: number;
	/** Text characters a document may render to. */
	maxChars: number;
}

export const DEFAULT_LIMITS: DocumentLimits = {
	maxBytes: 100 * 1024 * 1024,
	maxPages: 500,
	maxExpandedBytes: 200 * 1024 * 1024,
	maxChars: 20 * 1024 * 1024,
};

/** A cell's text as one line: its inner breaks closed up (CJK) or made spaces (Latin), pipes kept out. */
export function cellLine(parts: string[]): string {
	let out = '';
	for (const raw of parts) {
		// Spaces between CJK characters in one cell are layout (WPS writes 大量反复 申请), not words.
		const p = raw
			.replace(/[|｜]/g, '¦')
			.replace(/\s+/g, ' ')
			.trim()
			.replace(new RegExp(`(${CJK_OR_FULLWIDTH.source}) (?=${CJK_OR_FULLWIDTH.source})`, 'g'), '$1');
		if (p === '') continue;
		out = joinWrapped(out, p);
	}
	return out;
}

const CJK_OR_FULLWIDTH = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Joins two pieces of one wrapped line: no space beside CJK text, one space between Latin words. */
export function joinWrapped(a: string, b: string): string {
	if (a === '') return b;
	if (b === '') return a;
	const last = a[a.length - 1];
	const first = b[0];
	if (CJK_OR_FULLWIDTH.test(last) || CJK_OR_FULLWIDTH.test(first)) return a + b;
	// A number wrapped in a narrow cell (100 / 7 is 1007).
	if (/\d$/.test(a) && /^\d/.test(b)) return a + b;
	return `${a} ${b}`;
}

/** Renders blocks in reading order; each table is set off by blank lines, as the skeleton writes them. */
export function renderBlocks(format: DocumentFormat, blocks: Block[], pages?: number): DocumentRendering {
	const out: string[] = [];
	const lines: LineSource[] = [];
	const blank = (place: SourcePlace) => {
		if (out.length > 0 && out[out.length - 1] !== '') {
			out.push('');
			lines.push({ place });
		}
	};
	for (const block of blocks) {
		if (block.kind === 'paragraph') {
			const text = block.text.replace(/[\r\n\u2028\u2029]+/g, ' ');
			if (text.trim() === '') continue;
			out.push(text);
			lines.push({ place: block.place });
			continue;
		}
		if (block.table.rows.every((r) => r.length === 0)) continue;
		blank(block.table.place);
		for (const row of withoutEmptyLabelSlots(block.table).rows) {
			if (row.length === 0) continue;
			let line = '';
			const cells: NonNullable<LineSource['cells']> = [];
			for (const { cell } of row) {
				if (line !== '') line += ' ';
				const text = cell.text === '' ? ' ' : cell.text;
				cells.push({ start: line.length, end: line.length + text.length, place: cell.place });
				line += text + ' |';
			}
			out.push(line);
			lines.push({ place: row[0].cell.place, cells });
		}
		out.push('');
		lines.push({ place: block.table.place });
	}
	while (out.length > 0 && out[out.length - 1] === '') {
		out.pop();
		lines.pop();
	}
	return { format, text: out.join('\n') + '\n', lines, pages };
}

/** A cell that holds one number. */
export const NUMERIC = /^[-−]?\d[\d,，.]*%?$/;

/**
 * A grid whose rows leave a label slot empty where other rows have a label there (（六）其他处理
 * drawn over one of the two label columns, the second left blank): the empty slot is no cell of
 * the form, so it is not written. Unit columns (件, 条) and number columns keep their blanks.
 */
export function withoutEmptyLabelSlots(t: GridTable): GridTable {
	const labels = new Map<number, number>();
	const numbers = new Map<number, number>();
	for (const row of t.rows)
		for (const { column, cell } of row) {
			const text = cell.text.trim();
			if (NUMERIC.test(text)) numbers.set(column, (numbers.get(column) ?? 0) + 1);
			else if (text.length >= 4) labels.set(column, (labels.get(column) ?? 0) + 1);
		}
	const isLabel = (c: number) => (labels.get(c) ?? 0) >= 2 && !((numbers.get(c) ?? 0) >= 2);
	const isValue = (c: number) => (numbers.get(c) ?? 0) >= 2;
	return {
		place: t.place,
		rows: t.rows.map((row) =>
			row.filter(({ column, cell }, i) => {
				if (cell.text.trim() !== '' || !isLabel(column)) return true;
				const left = row.slice(0, i).some((c) => c.cell.text.trim() !== '' && !NUMERIC.test(c.cell.text.trim()));
				const right = row[i + 1];
				return !(left && right && isValue(right.column));
			}),
		),
	};
}

/** Where a position of the rendered text came from: the cell under it, else its line. */
export function placeAt(rendering: DocumentRendering, p: Position): SourcePlace | undefined {
	const line = rendering.lines[p.line];
	if (!line) return undefined;
	if (line.cells) {
		for (const c of line.cells) if (p.character >= c.start && p.character <= c.end) return c.place;
		// Between cells (a pipe): the nearest cell before it.
		const before = line.cells.filter((c) => c.start <= p.character);
		if (before.length > 0) return before[before.length - 1].place;
	}
	return line.place;
}

/** Builds a grid from rows of spanning cells (HTML rowspan/colspan, DOCX gridSpan/vMerge resolved). */
export function gridFromSpans(rows: Array<Array<Omit<GridCell, 'place'> & { place: Omit<SourcePlace, 'row' | 'column'> }>>, tablePlace: SourcePlace, maxRows = 2000, maxColumns = 200): GridTable {
	// Slots a cell from a row above still covers, by row then column.
	const covered: Array<Set<number>> = [];
	// Number cells that span rows below their own, by the rows they reach into.
	const spanning: Array<Array<{ column: number; cell: GridCell }>> = [];
	const out: GridTable['rows'] = [];
	for (let r = 0; r < rows.length && r < maxRows; r++) {
		const taken = (covered[r] ??= new Set());
		const line: GridTable['rows'][number] = [];
		let column = 0;
		for (const cell of rows[r]) {
			while (taken.has(column)) column++;
			if (column >= maxColumns) break;
			const rowSpan = Math.max(1, Math.min(cell.rowSpan, rows.length - r, maxRows));
			const colSpan = Math.max(1, Math.min(cell.colSpan, maxColumns - column));
			const placed = { ...cell, rowSpan, colSpan, place: { ...cell.place, row: r + 1, column: column + 1 } };
			line.push({ column, cell: placed });
			for (let dr = 0; dr < rowSpan; dr++) {
				const set = (covered[r + dr] ??= new Set());
				for (let dc = 0; dc < colSpan; dc++) set.add(column + dc);
				if (dr > 0 && NUMERIC.test(cell.text.trim())) (spanning[r + dr] ??= []).push({ column, cell: placed });
			}
			column += colSpan;
		}
		// A number merged down over rows of their own (（六）其他处理's three rows under one 0) counts once,
		// in its first row: the rows below it hold a blank there (0), not a row with its numbers missing.
		if (line.length > 0)
			for (const s of spanning[r] ?? []) line.push({ column: s.column, cell: { text: '', rowSpan: 1, colSpan: s.cell.colSpan, place: { ...s.cell.place, row: r + 1 }, mergedFrom: s.cell } });
		line.sort((a, b) => a.column - b.column);
		out.push(line);
	}
	return { rows: out, place: tablePlace };
}
