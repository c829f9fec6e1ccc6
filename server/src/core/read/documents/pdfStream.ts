import { cellLine, joinWrapped, type GridTable } from './render.ts';
import type { TextItem } from './pdfLayout.ts';

/**
 * Tables drawn without rulings, rebuilt from where their text sits: a row is a line holding
 * numbers, its columns the x clusters of those numbers (a sub-table with other columns starts at
 * its own header), label lines that wrap around a row's numbers are joined to the nearest row,
 * and label sub-columns (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密) come from where the
 * labels start. Header lines above a block's first row make one header row.
 */

export interface Segment {
	text: string;
	left: number;
	right: number;
	y: number;
	size: number;
}

export interface StreamLine {
	segments: Segment[];
	y: number;
	size: number;
	left: number;
	right: number;
}

export interface StreamTable {
	grid: GridTable;
	/** Centres of the number columns, to continue the table on the next page. */
	xs: number[];
	top: number;
	bottom: number;
	/** Indexes of the lines it took. */
	lines: number[];
}

/** A line that opens a heading (一、 （一） 第一部分): never part of a table, and it starts a paragraph. */
export const HEADING_START = /^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;

const NUMBER = /^[-−]?[\d０-９][\d０-９,，.．]*%?$/;

/** A line's items cut into segments wherever the gap is wider than a character. */
export function segmentsOf(items: TextItem[], y: number): Segment[] {
	const out: Segment[] = [];
	for (const it of items) {
		const last = out[out.length - 1];
		const text = it.text;
		if (last && it.x - last.right <= it.size * 0.3) {
			last.text = it.x - last.right > it.size * 0.25 ? joinWrapped(last.text, text.trim()) : last.text + text;
			last.right = Math.max(last.right, it.x + it.width);
			last.size = Math.max(last.size, it.size);
		} else out.push({ text, left: it.x, right: it.x + it.width, y, size: it.size });
	}
	for (const s of out) s.text = s.text.trim();
	return out.filter((s) => s.text !== '');
}

const isNumber = (s: Segment) => NUMBER.test(s.text.replace(/\s+/g, ''));

/** A row line: numbers after a label, or numbers only (Table 3's one row). */
function isValueLine(l: StreamLine): boolean {
	const numbers = l.segments.filter(isNumber).length;
	return l.segments.length >= 2 && numbers >= 1 && (numbers === l.segments.length || !isNumber(l.segments[0]) || numbers >= 2);
}

export function streamTables(lines: StreamLine[], bodyLeft: number, bodyRight: number, tableIndex: () => number, page: number): StreamTable[] {
	const value = lines.map(isValueLine);
	const taken = new Set<number>();
	const out: StreamTable[] = [];
	for (let i = 0; i < lines.length; i++) {
		if (!value[i] || taken.has(i)) continue;
		// The run of lines around this row that belong to a table.
		let first = i;
		while (first > 0 && !taken.has(first - 1) && belongsAbove(lines, value, first - 1, bodyLeft, bodyRight)) first--;
		let last = i;
		for (let j = i + 1; j < lines.length; j++) {
			if (value[j]) {
				if (gap(lines[j - 1], lines[j]) > lines[j].size * 4) break;
				last = j;
				continue;
			}
			if (!continuesTable(lines, value, j, last, bodyLeft, bodyRight)) break;
		}
		// Wrapped lines after the last row that sit in its label column.
		while (last + 1 < lines.length && !value[last + 1] && wrapsLabel(lines, value, last + 1, first, last) && gap(lines[last], lines[last + 1]) < lines[last].size * 1.8) last++;
		const span = Array.from({ length: last - first + 1 }, (_, k) => first + k);
		for (const block of splitBlocks(lines, value, span)) {
			const table = buildTable(lines, value, block, tableIndex, page);
			if (table) out.push(table);
		}
		for (const k of span) taken.add(k);
		i = last;
	}
	return out;
}

function gap(a: StreamLine, b: StreamLine): number {
	return a.y - b.y;
}

/** A prose line: a full line of text, or a heading (not a row label wrapped above its row's numbers). */
function isProse(l: StreamLine, bodyLeft: number, bodyRight: number, next?: StreamLine): boolean {
	if (l.segments.length !== 1) return false;
	const aboveRow = next !== undefined && isValueLine(next) && l.y - next.y < l.size * 1.6;
	if (HEADING_START.test(l.segments[0].text) && Math.abs(l.left - bodyLeft) < l.size * 2.5) return !aboveRow;
	return l.right >= bodyRight - l.size * 1.5 && l.left <= bodyLeft + l.size * 2.5;
}

/** A line above a table's first row that is its header or its title. */
function belongsAbove(lines: StreamLine[], value: boolean[], k: number, bodyLeft: number, bodyRight: number): boolean {
	const l = lines[k];
	const below = lines[k + 1];
	if (isProse(l, bodyLeft, bodyRight, below) || gap(l, below) > l.size * 3) return false;
	// A short line at the body's left edge is a heading or the last line of a paragraph, unless it wraps a header cell.
	if (l.segments.length === 1 && Math.abs(l.left - bodyLeft) < l.size * 0.5 && !value[k + 1] && below.segments.length < 2) return false;
	if (l.segments.length === 1 && Math.abs(l.left - bodyLeft) < l.size * 0.5 && /[。；]$/.test(l.segments[0].text)) return false;
	return true;
}

/** A line between rows: a wrapped label, or the title or header of the next sub-table. */
function continuesTable(lines: StreamLine[], value: boolean[], j: number, last: number, bodyLeft: number, bodyRight: number): boolean {
	const l = lines[j];
	if (isProse(l, bodyLeft, bodyRight, lines[j + 1])) return false;
	if (gap(lines[j - 1], l) > l.size * 3) return false;
	// It must lead to another row soon, else the table ended.
	for (let k = j + 1; k < lines.length && k <= j + 6; k++) {
		if (value[k]) return gap(lines[k - 1], lines[k]) < lines[k].size * 3 || k === last;
		if (isProse(lines[k], bodyLeft, bodyRight, lines[k + 1])) return false;
	}
	return false;
}

/** Whether every segment of a line starts where a label of the rows starts (a wrapped label, not a title). */
function wrapsLabel(lines: StreamLine[], value: boolean[], k: number, from: number, to: number): boolean {
	const lefts: number[] = [];
	for (let r = from; r <= to; r++) if (value[r]) for (const s of lines[r].segments) if (!isNumber(s)) lefts.push(s.left);
	return lines[k].segments.every((s) => !isNumber(s) && lefts.some((x) => Math.abs(x - s.left) <= 2.5));
}

/** Cuts a table's lines where a sub-table's title or header starts. */
function splitBlocks(lines: StreamLine[], value: boolean[], span: number[]): number[][] {
	const blocks: number[][] = [[]];
	const from = span[0];
	const to = span[span.length - 1];
	let seenRow = false;
	for (const k of span) {
		if (value[k]) seenRow = true;
		else if (seenRow && !wrapsLabel(lines, value, k, from, to)) {
			blocks.push([]);
			seenRow = false;
		}
		blocks[blocks.length - 1].push(k);
	}
	return blocks.filter((b) => b.some((k) => value[k]));
}

function clusterCenters(values: number[], tol: number): number[] {
	const sorted = [...values].sort((a, b) => a - b);
	const groups: number[][] = [];
	for (const v of sorted) {
		const g = groups[groups.length - 1];
		if (g && v - g[g.length - 1] <= tol) g.push(v);
		else groups.push([v]);
	}
	return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

function buildTable(lines: StreamLine[], value: boolean[], block: number[], tableIndex: () => number, page: number): StreamTable | undefined {
	const rowsAt = block.filter((k) => value[k]);
	const size = Math.max(...block.map((k) => lines[k].size));
	const numbers = rowsAt.flatMap((k) => lines[k].segments.filter(isNumber));
	const centers = clusterCenters(numbers.map((s) => (s.left + s.right) / 2), Math.max(4, size * 0.9));
	if (centers.length === 0) return undefined;
	const halfStep = centers.length > 1 ? Math.min(...centers.slice(1).map((c, i) => c - centers[i])) / 2 : size * 3;
	const valueLeft = centers[0] - halfStep;
	const columnOf = (s: Segment) => {
		const c = (s.left + s.right) / 2;
		let best = 0;
		for (let i = 1; i < centers.length; i++) if (Math.abs(centers[i] - c) < Math.abs(centers[best] - c)) best = i;
		return best;
	};
	// Label sub-columns: where labels start, clustered.
	const labelSegs = block.flatMap((k) => lines[k].segments.filter((s) => s.right <= valueLeft + 1 || ((s.left + s.right) / 2 < valueLeft && !isNumber(s))));
	const labelLefts = clusterCenters(labelSegs.map((s) => s.left), 2.5);
	const labelColumnOf = (s: Segment) => {
		let best = 0;
		for (let i = 1; i < labelLefts.length; i++) if (Math.abs(labelLefts[i] - s.left) < Math.abs(labelLefts[best] - s.left)) best = i;
		return best;
	};
	const inLabels = (s: Segment) => (s.left + s.right) / 2 < valueLeft && !(isNumber(s) && centers.length > 0 && Math.abs((s.left + s.right) / 2 - centers[0]) < halfStep);

	interface RowCells {
		labels: string[][];
		values: string[][];
		y: number;
		header: boolean;
	}
	const newRow = (y: number, header: boolean): RowCells => ({ labels: labelLefts.map(() => []), values: centers.map(() => []), y, header });
	const rows: RowCells[] = [];
	const firstRow = rowsAt[0];
	// Header lines above the first row: one header row (a lone centred title line is its own row).
	const headerLines = block.filter((k) => k < firstRow);
	let header: RowCells | undefined;
	for (const k of headerLines) {
		const l = lines[k];
		const title = l.segments.length === 1 && !inLabels(l.segments[0]) && headerLines.length > 1 && k === headerLines[0];
		if (title || !header) {
			header = newRow(l.y, true);
			rows.push(header);
		}
		for (const s of l.segments) (inLabels(s) ? header.labels[labelColumnOf(s)] : header.values[columnOf(s)]).push(s.text);
		if (title) header = undefined;
	}
	const valueRows = rowsAt.map((k) => {
		const r = newRow(lines[k].y, false);
		rows.push(r);
		return r;
	});
	for (const k of block) {
		if (k < firstRow) continue;
		const l = lines[k];
		let target = valueRows[0];
		for (const r of valueRows) if (Math.abs(r.y - l.y) < Math.abs(target.y - l.y)) target = r;
		for (const s of l.segments) (inLabels(s) ? target.labels[labelColumnOf(s)] : target.values[columnOf(s)]).push(s.text);
	}
	const index = tableIndex();
	const grid: GridTable = { rows: [], place: { table: index, page } };
	rows.forEach((r, n) => {
		const cells: GridTable['rows'][number] = [];
		const place = (column: number) => ({ table: index, page, row: n + 1, column: column + 1 });
		r.labels.forEach((parts, c) => {
			if (parts.length > 0) cells.push({ column: c, cell: { text: cellLine(parts), rowSpan: 1, colSpan: 1, place: place(c) } });
		});
		const valueCells = r.values.map((parts, c) => ({ column: labelLefts.length + c, cell: { text: cellLine(parts), rowSpan: 1, colSpan: 1, place: place(labelLefts.length + c) } }));
		// A header row keeps only the cells it has; a row keeps every number column, blank ones too.
		cells.push(...(r.header ? valueCells.filter((c) => c.cell.text !== '') : valueCells));
		grid.rows.push(cells);
	});
	return { grid, xs: centers, top: lines[block[0]].y + size, bottom: lines[block[block.length - 1]].y, lines: block };
}
