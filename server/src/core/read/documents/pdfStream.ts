import { cellLine, joinWrapped, type GridTable } from './render.ts';
import type { TextItem } from './pdfLayout.ts';

/**
 * Tables drawn without rulings, rebuilt from where their text sits. A row is a line holding
 * numbers, its columns the x clusters of those numbers and of the header's words over them (a
 * column left blank on a page still has its header; a sub-table with other columns starts at its
 * own header). Label columns are where label pieces start, a piece being text set without a gap
 * (narrow columns stand only their padding apart). In each label column the pieces one line
 * under the other make a cell; a row's padding, an ordinal (（三 2.) or two rows' numbers start
 * another. A cell with nothing to its right is a row's own label (the row is there even when all
 * its cells are blank); one with cells to its right is a group label (三、本年度办理结果), written
 * in the row where it starts. Header lines (down to the lowest header word over the numbers)
 * make one header row, the words set over several columns (申请人情况) a row of their own.
 */

export interface Segment {
	text: string;
	left: number;
	right: number;
	y: number;
	size: number;
	/**
	 * The segment cut wherever its items do not touch: a cell's text is set without gaps, while
	 * narrow label columns stand only their padding apart (（三 | 1.属于国家, 3 points at 16).
	 */
	parts: Part[];
}

export interface Part {
	text: string;
	left: number;
	right: number;
	/** Its own baseline: a visual line joins baselines a few points apart (a cell's padding). */
	y: number;
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

/** A number, bare or with its unit as a 2019-format table prints some (2笔, 984361元, 2059.2090万元). */
const NUMBER = /^[-−]?[\d０-９][\d０-９,，.．]*(%|[件条笔元个次项篇]|万元|亿元)?$/;

/** A line's items cut into segments wherever the gap is wider than a character. */
export function segmentsOf(items: TextItem[], y: number): Segment[] {
	const out: Segment[] = [];
	for (const it of items) {
		const last = out[out.length - 1];
		const text = it.text;
		if (last && it.x - last.right <= it.size * 0.3) {
			const part = last.parts[last.parts.length - 1];
			if (it.x - part.right > Math.max(1, it.size * 0.12)) last.parts.push({ text, left: it.x, right: it.x + it.width, y: it.y });
			else {
				part.text = it.x - part.right > it.size * 0.25 ? joinWrapped(part.text, text.trim()) : part.text + text;
				part.right = Math.max(part.right, it.x + it.width);
			}
			last.text = it.x - last.right > it.size * 0.25 ? joinWrapped(last.text, text.trim()) : last.text + text;
			last.right = Math.max(last.right, it.x + it.width);
			last.size = Math.max(last.size, it.size);
		} else out.push({ text, left: it.x, right: it.x + it.width, y, size: it.size, parts: [{ text, left: it.x, right: it.x + it.width, y: it.y }] });
	}
	for (const s of out) {
		s.text = s.text.trim();
		s.parts = s.parts.map((p) => ({ ...p, text: p.text.trim() })).filter((p) => p.text !== '');
	}
	// Numbers of two narrow columns a few points apart (259 1653, in one item or two) are two cells.
	return out.flatMap((s) => numbersApart(s)).filter((s) => s.text !== '');
}

function numbersApart(s: Segment): Segment[] {
	const words = s.parts.flatMap((p) => {
		const unit = (p.right - p.left) / Math.max(1, p.text.length);
		return [...p.text.matchAll(/\S+/g)].map((m) => ({ text: m[0], left: p.left + m.index * unit, right: p.left + (m.index + m[0].length) * unit, y: p.y }));
	});
	if (words.length < 2 || !words.every((w) => NUMBER.test(w.text))) return [s];
	return words.map((w) => ({ text: w.text, left: w.left, right: w.right, y: s.y, size: s.size, parts: [w] }));
}

const isNumber = (s: Segment) => NUMBER.test(s.text.replace(/\s+/g, ''));

/** A row line: numbers after a label, or numbers only (Table 3's one row). */
function isValueLine(l: StreamLine): boolean {
	const numbers = l.segments.filter(isNumber).length;
	return l.segments.length >= 2 && numbers >= 1 && (numbers === l.segments.length || !isNumber(l.segments[0]) || numbers >= 2);
}

/**
 * A table set without rulings and with little padding (a web page's default table: cells 3
 * points apart, left-aligned) sets a cell's text almost against the next cell's, so one segment
 * holds a label and a number (行政规范性文件¦564) or several header words (本年制发件数¦本年废止件数).
 * A part that does not touch the one before it and starts where the numbers of a column start on
 * two other lines at least (or, a number, ends or stands centred where they do) opens a cell of
 * its own: the column is there, whatever the gap.
 */
function splitAtNumberColumns(lines: StreamLine[], bodyLeft: number, bodyRight: number): void {
	const numbers = lines.flatMap((l, k) => (l.segments.length >= 2 ? l.segments.filter((s) => s.parts.length === 1 && isNumber(s)).map((s) => ({ k, left: s.left, right: s.right, mid: (s.left + s.right) / 2 })) : []));
	if (numbers.length < 2) return;
	// Only the numbers of the same table count: none past a line of prose or a heading.
	const barrier = lines.map((l, k) => isProse(l, bodyLeft, bodyRight, lines[k + 1]));
	const reach = (k: number) => {
		let lo = k;
		while (lo > 0 && !barrier[lo - 1]) lo--;
		let hi = k;
		while (hi + 1 < lines.length && !barrier[hi + 1]) hi++;
		return [lo, hi];
	};
	lines.forEach((l, k) => {
		if (!l.segments.some((s) => s.parts.length >= 2)) return;
		const [lo, hi] = reach(k);
		const near = numbers.filter((n) => n.k !== k && n.k >= lo && n.k <= hi);
		const aligned = (edge: 'left' | 'right' | 'mid', x: number) => new Set(near.filter((n) => Math.abs(n[edge] - x) <= 1).map((n) => n.k)).size >= 2;
		l.segments = l.segments.flatMap((s) => {
			if (s.parts.length < 2) return [s];
			const groups: Part[][] = [[s.parts[0]]];
			for (const p of s.parts.slice(1)) {
				const num = NUMBER.test(p.text.replace(/\s+/g, ''));
				const opens = aligned('left', p.left) || (num && (aligned('right', p.right) || aligned('mid', (p.left + p.right) / 2)));
				if (opens) groups.push([p]);
				else groups[groups.length - 1].push(p);
			}
			if (groups.length === 1) return [s];
			return groups.map((ps) => {
				let text = '';
				let right = -Infinity;
				for (const p of ps) {
					text = p.left - right > s.size * 0.25 ? joinWrapped(text, p.text) : text + p.text;
					right = p.right;
				}
				return { text, left: ps[0].left, right: Math.max(...ps.map((p) => p.right)), y: s.y, size: s.size, parts: ps };
			});
		});
	});
}

export function streamTables(lines: StreamLine[], bodyLeft: number, bodyRight: number, tableIndex: () => number, page: number): StreamTable[] {
	splitAtNumberColumns(lines, bodyLeft, bodyRight);
	const value = lines.map(isValueLine);
	// A lone number between rows is a row whose other cells are blank (a table that leaves zeros blank).
	const single = lines.map((l) => l.segments.length === 1 && isNumber(l.segments[0]));
	const near = (k: number, step: number) => {
		for (let j = k + step, n = 0; j >= 0 && j < lines.length && n < 8; j += step, n++) {
			if (Math.abs(lines[j].y - lines[j - step].y) > lines[k].size * 3) return false;
			if (value[j]) return true;
			// (Rows one after the other each with a lone number, their labels wrapped around it:
			// the run leads on to the next row of several numbers.)
			if (single[j]) n = 0;
		}
		return false;
	};
	const lone = lines.map((_, k) => !value[k] && single[k] && near(k, -1) && near(k, 1));
	lone.forEach((v, k) => {
		if (v) value[k] = true;
	});
	const spacing = rowSpacing(lines, value);
	const taken = new Set<number>();
	const out: StreamTable[] = [];
	for (let i = 0; i < lines.length; i++) {
		if (!value[i] || taken.has(i)) continue;
		// The run of lines around this row that belong to a table.
		let first = i;
		while (first > 0 && !taken.has(first - 1) && belongsAbove(lines, value, first - 1, bodyLeft, bodyRight, spacing)) first--;
		let last = i;
		for (let j = i + 1; j < lines.length; j++) {
			if (value[j]) {
				if (gap(lines[j - 1], lines[j]) > lines[j].size * 4) break;
				last = j;
				continue;
			}
			if (!continuesTable(lines, value, j, last, bodyLeft, bodyRight, spacing)) break;
		}
		// Wrapped lines after the last row that sit in its label column.
		while (last + 1 < lines.length && !value[last + 1] && wrapsLabel(lines, value, last + 1, first, last) && gap(lines[last], lines[last + 1]) < lines[last].size * 1.8) last++;
		const span = Array.from({ length: last - first + 1 }, (_, k) => first + k);
		const pitch = rowPitch(lines, value, span);
		for (const block of splitBlocks(lines, value, span, pitch)) {
			const table = buildTable(lines, value, block, tableIndex, page, pitch);
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
function isProse(l: StreamLine, bodyLeft: number, bodyRight: number, next?: StreamLine, nextIsRow = next !== undefined && isValueLine(next)): boolean {
	if (l.segments.length !== 1) return false;
	// (In the table's own type, a group label may stand a padded row's height above the row.)
	const aboveRow = next !== undefined && nextIsRow && l.y - next.y < l.size * (l.size <= next.size + 0.1 ? 2 : 1.6);
	if (HEADING_START.test(l.segments[0].text) && Math.abs(l.left - bodyLeft) < l.size * 2.5) return !aboveRow;
	return l.right >= bodyRight - l.size * 1.5 && l.left <= bodyLeft + l.size * 2.5;
}

/**
 * How far apart the page's rows stand: the closest two rows' numbers (Infinity with fewer than
 * two rows). A table set with tall rows (LibreOffice's paragraph spacing in cells: 28.6 pt between
 * rows of 8 pt type) leaves a gap that wide between one row's wrapped label and the next row's.
 */
function rowSpacing(lines: StreamLine[], value: boolean[]): number {
	const rows = lines.filter((_, k) => value[k]);
	const pitches = rows.slice(1).map((l, i) => numberBaseline(rows[i]) - numberBaseline(l)).filter((d, i) => d > Math.max(rows[i].size, rows[i + 1].size) * 0.8);
	return pitches.length ? Math.min(...pitches) : Infinity;
}

/**
 * The widest gap above a line of a table: three lines of its type, or, for a line in the type of
 * the row next to it, as far as the rows stand apart (up to five lines: wider is no table's
 * padding). A heading in its own type (四、政府信息公开行政复议… in 12 pt over a table in 14.3 pt)
 * is no label wrapped in a tall row.
 */
function reach(l: StreamLine, row: StreamLine, spacing: number): number {
	const size = l.size;
	return Math.abs(size - row.size) > 0.5 ? size * 3 : Math.max(size * 3, Math.min(spacing + 1, size * 5));
}

/** A line above a table's first row that is its header or its title. */
function belongsAbove(lines: StreamLine[], value: boolean[], k: number, bodyLeft: number, bodyRight: number, spacing = Infinity): boolean {
	const l = lines[k];
	const below = lines[k + 1];
	if (isProse(l, bodyLeft, bodyRight, below, value[k + 1]) || gap(l, below) > reach(l, below, spacing)) return false;
	// A lone line set further above the table than its lines stand apart, in larger type or by
	// more than two lines, is a caption (填报单位…), not a header line.
	const further = lines[k + 2];
	if (l.segments.length === 1 && further && gap(l, below) > gap(below, further) * 1.5 && (gap(l, below) > l.size * 2 || l.size > below.size + 0.5)) return false;
	// A short line at the body's left edge is a heading or the last line of a paragraph, unless it wraps a header cell.
	if (l.segments.length === 1 && Math.abs(l.left - bodyLeft) < l.size * 0.5 && !value[k + 1] && below.segments.length < 2 && !wrapsDown(lines, k)) return false;
	if (l.segments.length === 1 && Math.abs(l.left - bodyLeft) < l.size * 0.5 && /[。；]$/.test(l.segments[0].text)) return false;
	return true;
}

/**
 * A short line at the body's left edge whose text goes on, a line lower, in a table line that
 * starts at the same place: the first lines of a header cell wrapped beside other header cells
 * (（本列数据的勾稽关系 / 为：第一项加第二项之 / 和，等于第三项加第四 … 自然人 商业企).
 */
function wrapsDown(lines: StreamLine[], k: number): boolean {
	const l = lines[k];
	if (/[。；：:]$/.test(l.segments[0].text)) return false;
	let prev = l;
	for (let j = k + 1; j < lines.length && j <= k + 4; j++) {
		const m = lines[j];
		if (prev.y - m.y > l.size * 2.2) return false;
		const s = m.segments.find((x) => Math.abs(x.left - l.left) <= 2.5);
		if (s) {
			if (m.segments.length >= 2) return true;
			prev = m;
		}
	}
	return false;
}

/** A line between rows: a wrapped label, or the title or header of the next sub-table. */
function continuesTable(lines: StreamLine[], value: boolean[], j: number, last: number, bodyLeft: number, bodyRight: number, spacing = Infinity): boolean {
	const l = lines[j];
	if (isProse(l, bodyLeft, bodyRight, lines[j + 1], value[j + 1])) return false;
	if (gap(lines[j - 1], l) > reach(l, lines[last], spacing)) return false;
	// It must lead to another row soon, else the table ended.
	for (let k = j + 1; k < lines.length && k <= j + 12; k++) {
		if (value[k]) return gap(lines[k - 1], lines[k]) < reach(lines[k], lines[k], spacing) || k === last;
		if (isProse(lines[k], bodyLeft, bodyRight, lines[k + 1], value[k + 1])) return false;
	}
	return false;
}

/** Whether every segment of a line starts where a label of the rows starts (a wrapped label, not a title). */
function wrapsLabel(lines: StreamLine[], value: boolean[], k: number, from: number, to: number): boolean {
	// Where labels start: on the rows, and on the lines set around them (a label wrapped above its row's numbers).
	// (Not where the numbers of a column start, on two rows or more: a word there is a header's,
	// 信息内容 | 本年处理决定数量 over a sub-table's one column of left-aligned numbers.)
	const numberLefts = new Map<number, Set<number>>();
	for (let r = from; r <= to; r++) if (value[r]) for (const s of lines[r].segments) if (isNumber(s)) numberLefts.set(r, new Set([...(numberLefts.get(r) ?? []), s.left]));
	const inNumberColumn = (x: number) => [...numberLefts.values()].filter((ls) => [...ls].some((l) => Math.abs(l - x) <= 1)).length >= 2;
	const lefts: number[] = [];
	for (let r = from; r <= to; r++) {
		const nearRow = value[r] || (r + 1 <= to && value[r + 1] && lines[r].y - lines[r + 1].y < lines[r].size * 1.6);
		if (nearRow) for (const s of lines[r].segments) if (!isNumber(s) && !inNumberColumn(s.left)) lefts.push(s.left);
	}
	return lines[k].segments.every((s) => !isNumber(s) && !inNumberColumn(s.left) && lefts.some((x) => Math.abs(x - s.left) <= 2.5));
}

/** A row's baseline, from its numbers (a visual line joins baselines a few points apart: a cell's padding). */
function numberBaseline(l: StreamLine): number {
	const ys = l.segments.filter(isNumber).flatMap((s) => s.parts.map((p) => p.y)).sort((a, b) => a - b);
	return ys.length ? ys[Math.floor(ys.length / 2)] : l.y;
}

/**
 * The spacing of two rows of one line each: the closest two rows' numbers stand (a cell's own
 * lines stand closer, by the rows' padding). Infinity with fewer than two rows.
 */
function rowPitch(lines: StreamLine[], value: boolean[], span: number[]): number {
	const ys = span.filter((k) => value[k]).map((k) => numberBaseline(lines[k]));
	const size = Math.max(...span.map((k) => lines[k].size));
	const pitches = ys.slice(1).map((y, i) => ys[i] - y).filter((d) => d > size * 0.8);
	return pitches.length ? Math.min(...pitches) : Infinity;
}

/** Cuts a table's lines where a sub-table's title or header starts. */
function splitBlocks(lines: StreamLine[], value: boolean[], span: number[], pitch: number): number[][] {
	const blocks: number[][] = [[]];
	const from = span[0];
	const to = span[span.length - 1];
	let seenRow = false;
	for (const k of span) {
		if (value[k]) seenRow = true;
		else if (seenRow && !wrapsLabel(lines, value, k, from, to)) {
			// The lines between the last row and this header that stand a row's height below the
			// text above them, not a line's, are the new sub-table's title (第二十条第（五）项 over
			// 信息内容 | 本年处理决定数量), not the last label's wrapped end.
			const prev = blocks[blocks.length - 1];
			let cut = prev.length;
			while (cut > 0 && !value[prev[cut - 1]]) cut--;
			let titleFrom = prev.length;
			for (let j = cut; j < prev.length; j++) {
				if (!wrapsLineAbove(lines, prev[j], pitch)) {
					titleFrom = j;
					break;
				}
			}
			blocks.push(prev.splice(titleFrom));
			seenRow = false;
		}
		blocks[blocks.length - 1].push(k);
	}
	return blocks.filter((b) => b.some((k) => value[k]));
}

/**
 * Whether a line sits a cell's line spacing under text in its column (a wrapped label's next
 * line), not a row's pitch: with no pitch known, it is taken to.
 */
function wrapsLineAbove(lines: StreamLine[], k: number, pitch: number): boolean {
	if (!Number.isFinite(pitch)) return true;
	const l = lines[k];
	const tol = Math.max(1, l.size * 0.06);
	for (let j = k - 1; j >= 0 && lines[j].y - l.y < pitch * 2; j--) {
		const above = lines[j].segments.flatMap((s) => s.parts).filter((p) => l.segments.some((s) => Math.abs(s.left - p.left) <= 2.5));
		if (above.length === 0) continue;
		const own = l.segments[0].parts[0]?.y ?? l.y;
		return Math.min(...above.map((p) => p.y)) - own < pitch - tol;
	}
	return false;
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

/** A label that opens a row of its own (一、 （三 2. 3．), never the wrapped rest of another. */
export const ORDINAL_START = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+|\d+[.．、](?!\d))/;

/** A piece of label text on one line, in one label column. */
interface Piece {
	text: string;
	left: number;
	y: number;
	col: number;
}

/** A label cell: the pieces of one column set one line under the other (its wrapped lines). */
interface Run {
	col: number;
	pieces: Piece[];
	top: number;
	bottom: number;
	left: number;
}

/**
 * The line spacing inside a cell: the smallest spacing of consecutive label pieces in a column
 * (rows stand further apart, by their cells' padding).
 */
function leadingOf(pieces: Piece[], size: number, pitch: number): number | undefined {
	const counts = new Map<number, number>();
	// A cell's lines stand closer than two rows of one line each, by the rows' padding: a spacing
	// as wide as the rows' own (rowPitch) is a row's, not a wrapped line's (rows of one line each,
	// titles between them, have no line spacing to find).
	const tol = Math.max(1, size * 0.06);
	const byCol = new Map<number, Piece[]>();
	for (const p of pieces) byCol.set(p.col, [...(byCol.get(p.col) ?? []), p]);
	for (const col of byCol.values()) {
		const ys = [...new Set(col.map((p) => p.y))].sort((a, b) => b - a);
		for (let i = 1; i < ys.length; i++) {
			const d = Math.round((ys[i - 1] - ys[i]) * 2) / 2;
			if (d > size * 0.8 && d < size * 2.2 && d < pitch - tol) counts.set(d, (counts.get(d) ?? 0) + 1);
		}
	}
	// Rows whose one line stands level with their numbers are told apart by those numbers, so the
	// closest spacing is the line spacing even where only one label wraps.
	return counts.size ? Math.min(...counts.keys()) : undefined;
}

/**
 * Label cells from where their pieces sit: in each column, a piece one line under the one
 * before goes on with it; a wider gap (a row's padding), a piece that opens with an ordinal, or
 * two one-line labels each level with a row's numbers start a new cell.
 */
function labelRuns(pieces: Piece[], valueYs: number[], size: number, pitch: number): Run[] {
	const leading = leadingOf(pieces, size, pitch);
	const tol = Math.max(1, size * 0.06);
	const onRow = (y: number) => valueYs.findIndex((v) => Math.abs(v - y) <= 1);
	const runs: Run[] = [];
	const byCol = new Map<number, Piece[]>();
	for (const p of pieces) byCol.set(p.col, [...(byCol.get(p.col) ?? []), p]);
	for (const [col, ps] of byCol) {
		ps.sort((a, b) => b.y - a.y || a.left - b.left);
		let run: Run | undefined;
		for (const p of ps) {
			if (run) {
				const prev = run.pieces[run.pieces.length - 1];
				const d = prev.y - p.y;
				const sameLine = d <= tol;
				const [a, b] = [onRow(prev.y), onRow(p.y)];
				const goesOn = sameLine || (leading !== undefined && Math.abs(d - leading) <= tol && !(a >= 0 && b >= 0 && a !== b) && !ORDINAL_START.test(p.text));
				if (goesOn) {
					run.pieces.push(p);
					run.bottom = p.y;
					run.left = Math.min(run.left, p.left);
					continue;
				}
			}
			run = { col, pieces: [p], top: p.y, bottom: p.y, left: p.left };
			runs.push(run);
		}
	}
	return runs;
}

/**
 * Whether the numbers of rowsAt[i] are the rest of the row above's, set lower: a cell centred by
 * its own paragraphs (LibreOffice prints （二）部分公开's total 3 a line above its 3 0 0 0 0 0, the
 * label wrapped over four lines around both). So when they fill only columns the line above
 * leaves empty, stand nearer it than the next row, and the row's label goes on past them: label
 * lines between the two and just below, in the rightmost label column there, none level with
 * these numbers and none opening with an ordinal (a new row's label set above its numbers).
 */
function setBelowItsRow(lines: StreamLine[], rowsAt: number[], i: number, pieces: Piece[], size: number, columnOf: (s: Segment) => number): boolean {
	const [up, k, next] = [rowsAt[i - 1], rowsAt[i], rowsAt[i + 1]];
	const columns = (j: number) => new Set(lines[j].segments.map(columnOf).filter((c) => c >= 0));
	const above = columns(up);
	const own = columns(k);
	if (own.size === 0 || [...own].some((c) => above.has(c))) return false;
	const [upY, y] = [numberBaseline(lines[up]), numberBaseline(lines[k])];
	if (next !== undefined && y - numberBaseline(lines[next]) <= upY - y) return false;
	const tol = Math.max(1, size * 0.06);
	const near = pieces.filter((p) => p.y < upY + size && p.y > y - size * 2.2);
	if (near.length === 0) return false;
	const col = Math.max(...near.map((p) => p.col));
	const label = near.filter((p) => p.col === col);
	// (The label's first line may sit a little under the numbers above: its own line, not between.)
	const between = label.filter((p) => p.y < upY - size * 0.5 && p.y > y + tol);
	const below = label.filter((p) => p.y < y - tol);
	if (between.length === 0 || below.length === 0) return false;
	return !label.some((p) => Math.abs(p.y - y) <= tol) && ![...between, ...below].some((p) => ORDINAL_START.test(p.text));
}

function buildTable(lines: StreamLine[], value: boolean[], block: number[], tableIndex: () => number, page: number, pitch = Infinity): StreamTable | undefined {
	const rowsAt = block.filter((k) => value[k]);
	const size = Math.max(...block.map((k) => lines[k].size));
	const numbers = rowsAt.flatMap((k) => lines[k].segments.filter(isNumber));
	const centers = clusterCenters(numbers.map((s) => (s.left + s.right) / 2), Math.max(4, size * 0.9));
	if (centers.length === 0) return undefined;
	const stepOf = (cs: number[]) => (cs.length > 1 ? Math.min(...cs.slice(1).map((c, i) => c - cs[i])) / 2 : size * 3);
	// A column none of whose cells on this page holds a number (blank zeros) is known by its header
	// word: one right of every label, over no other column's numbers, and not the header's leftmost
	// word (the label column's own, 信息内容, centred over short labels). With one number column,
	// only words of a line of several column words count (not a title over it).
	const firstLine = rowsAt[0];
	const labelRight = Math.max(...block.filter((k) => k >= firstLine).flatMap((k) => lines[k].segments.filter((s) => !isNumber(s) && (s.left + s.right) / 2 < centers[0]).map((s) => s.right)));
	const step0 = stepOf(centers);
	const numberCenters = [...centers];
	const headerSegments = block.filter((k) => k < firstLine).flatMap((k) => lines[k].segments.filter((s) => !isNumber(s)));
	const leftmost = Math.min(...headerSegments.map((s) => s.left));
	const columnWords = block
		.filter((k) => k < firstLine && (numberCenters.length > 1 || lines[k].segments.filter((s) => s.left > labelRight - 1).length > 1))
		.flatMap((k) => lines[k].segments)
		.filter((s) => !isNumber(s) && s.left > labelRight - 1 && s.left > leftmost + 1 && !(centers.length > 2 && s.right - s.left > step0 * 3) && !numberCenters.some((c) => s.left < c && c < s.right));
	const wordColumns = clusterCenters(columnWords.map((s) => (s.left + s.right) / 2), Math.min(size * 0.9, step0));
	const wordStep = wordColumns.length > 1 ? Math.min(...wordColumns.slice(1).map((c, i) => c - wordColumns[i])) / 2 : step0;
	for (const c of wordColumns) if (numberCenters.every((n) => Math.abs(n - c) > Math.min(step0, wordStep))) centers.push(c);
	// A row's value that is not a bare number (2059.2090万元), right of the numbers and far from their columns, is a column too.
	for (const k of rowsAt)
		for (const seg of lines[k].segments) {
			const mid = (seg.left + seg.right) / 2;
			if (!isNumber(seg) && mid > numberCenters[0] && centers.every((c) => Math.abs(c - mid) > step0)) centers.push(mid);
		}
	centers.sort((a, b) => a - b);
	const halfStep = stepOf(centers);
	const valueLeft = centers[0] - halfStep;
	const columnOf = (s: Segment) => {
		const c = (s.left + s.right) / 2;
		let best = 0;
		for (let i = 1; i < centers.length; i++) if (Math.abs(centers[i] - c) < Math.abs(centers[best] - c)) best = i;
		return best;
	};
	const inLabels = (s: Segment) => (s.left + s.right) / 2 < valueLeft && !(isNumber(s) && centers.length > 0 && Math.abs((s.left + s.right) / 2 - centers[0]) < halfStep);
	// A part starts a label column only where parts of other lines start too: the gap in 计 1 次) is
	// the digit's autospace, not a column's padding.
	const partLefts = block.flatMap((k) => lines[k].segments.filter(inLabels).flatMap((s) => s.parts.map((p) => ({ left: p.left, line: k }))));
	const startsColumn = (left: number, line: number) => partLefts.some((o) => o.line !== line && Math.abs(o.left - left) <= 2.5);
	const labelParts = (k: number) =>
		lines[k].segments.filter(inLabels).flatMap((s) => {
			const out: Array<{ text: string; left: number; y: number }> = [];
			s.parts.forEach((p, i) => {
				const last = out[out.length - 1];
				if (i > 0 && last && !startsColumn(p.left, k)) last.text = joinWrapped(last.text, p.text);
				else out.push({ text: p.text, left: p.left, y: p.y });
			});
			return out;
		});
	// Label sub-columns: where label pieces start, clustered.
	const labelLefts = clusterCenters(
		block.flatMap((k) => labelParts(k).map((p) => p.left)),
		2.5,
	);
	const labelColumnOf = (left: number) => {
		let best = 0;
		for (let i = 1; i < labelLefts.length; i++) if (Math.abs(labelLefts[i] - left) < Math.abs(labelLefts[best] - left)) best = i;
		return best;
	};

	// The header: the lines above the first row down to the lowest header word over the numbers
	// (the label column's header may run lower or higher). Without such words there is none: the
	// lines above are the first row's label (its numbers set lower), or a label's end overleaf.
	const firstRow = rowsAt[0];
	const headerWords = block.filter((k) => k < firstRow).flatMap((k) => lines[k].segments.filter((s) => !inLabels(s) && !isNumber(s)).map(() => lines[k].y));
	const headerBottom = headerWords.length ? Math.min(...headerWords) : undefined;
	const isHeader = (k: number) => k < firstRow && headerBottom !== undefined && lines[k].y > headerBottom - size * 0.3;
	const headerLines = block.filter(isHeader);
	const bodyLines = block.filter((k) => !isHeader(k));

	interface RowCells {
		labels: string[][];
		values: string[][];
		header: boolean;
	}
	const newRow = (header: boolean): RowCells => ({ labels: labelLefts.map(() => []), values: centers.map(() => []), header });
	const rows: RowCells[] = [];
	// Header lines: one header row; a lone centred title line, and a line of words each over
	// several columns (申请人情况, 法人或其他组织 over their columns' own words), are rows of their own.
	let header: RowCells | undefined;
	const spansColumns = (seg: Segment) => !inLabels(seg) && centers.length > 2 && seg.right - seg.left > halfStep * 3;
	for (const k of headerLines) {
		const l = lines[k];
		const over = l.segments.filter(spansColumns);
		if (over.length > 0) {
			// Before the header row of the columns' own words, which goes on below it.
			const row = newRow(true);
			for (const seg of over) row.values[columnOf(seg)].push(seg.text);
			rows.splice(header ? rows.indexOf(header) : rows.length, 0, row);
		}
		const own = l.segments.filter((seg) => !spansColumns(seg));
		if (own.length === 0) continue;
		// (In the label column too, when the line under it stands a row's pitch lower, not a line's:
		// 第二十条第（五）项 over 信息内容 | 本年处理决定数量, a sub-table's title row and its header.)
		const title = own.length === 1 && over.length === 0 && headerLines.length > 1 && k === headerLines[0] && (!inLabels(own[0]) || !wrapsLineAbove(lines, headerLines[1], pitch));
		if (title || !header) {
			header = newRow(true);
			rows.push(header);
		}
		for (const s of own) {
			if (!inLabels(s)) header.values[columnOf(s)].push(s.text);
			else for (const p of s.parts) header.labels[labelColumnOf(p.left)].push(p.text);
		}
		if (title) header = undefined;
	}

	// The body: a row per line of numbers and per label cell that reaches the numbers' side
	// (a row of blank cells has a label but no numbers); a label cell with cells to its right
	// is a group label, written in the row where it starts.
	const valueYs = rowsAt.map((k) => lines[k].y);
	const allPieces: Piece[] = bodyLines.flatMap((k) => labelParts(k).map((p) => ({ ...p, col: labelColumnOf(p.left) })));
	// A column of short words each level with a row's numbers (单位: 条, 件) holds values, not labels.
	const onValueLine = (p: Piece) => valueYs.some((v) => Math.abs(v - p.y) <= 1);
	const firstCol = Math.min(...allPieces.map((p) => p.col));
	const valueLike = new Set(
		[...new Set(allPieces.map((p) => p.col))].filter((c) => {
			const ps = allPieces.filter((p) => p.col === c);
			return c !== firstCol && ps.length >= 2 && ps.every((p) => p.text.length <= 3) && ps.filter(onValueLine).length >= ps.length * 0.8;
		}),
	);
	const pieces = allPieces.filter((p) => !valueLike.has(p.col));
	const rowLines = rowsAt.filter((_, i) => i === 0 || !setBelowItsRow(lines, rowsAt, i, pieces, size, (s) => (inLabels(s) ? -1 : columnOf(s))));
	// (Whether a piece is level with a row's numbers, by their own baseline: a visual line's y is its highest item's.)
	const runs = labelRuns(pieces, rowLines.map((k) => numberBaseline(lines[k])), size, Math.min(pitch, rowPitch(lines, value, block)));
	const reach = size * 0.6;
	const overlaps = (a: Run, b: Run) => b.top >= a.bottom - reach && b.bottom <= a.top + reach;
	const isLeaf = (r: Run) => !runs.some((o) => o !== r && o.left > r.left + 2.5 && overlaps(r, o));
	interface BodyRow {
		top: number;
		line?: number;
		leaf?: Run;
		groups: Run[];
	}
	const body: BodyRow[] = rowLines.map((k) => ({ top: lines[k].y, line: k, groups: [] }));
	const leaves = runs.filter(isLeaf);
	const groups = runs.filter((r) => !isLeaf(r));
	for (const leaf of leaves) {
		const inside = body.filter((r) => r.line !== undefined && !r.leaf && lines[r.line].y <= leaf.top + reach && lines[r.line].y >= leaf.bottom - reach);
		if (inside.length === 0) {
			body.push({ top: leaf.top, leaf, groups: [] });
			continue;
		}
		// One cell beside two rows' numbers: its lines go to the nearer row.
		for (const r of inside) {
			const y = lines[r.line!].y;
			const own = leaf.pieces.filter((p) => inside.every((o) => Math.abs(lines[o.line!].y - p.y) >= Math.abs(y - p.y)));
			if (own.length === 0) continue;
			r.leaf = { ...leaf, pieces: own, top: own[0].y, bottom: own[own.length - 1].y };
			r.top = Math.max(r.top, own[0].y);
		}
	}
	body.sort((a, b) => b.top - a.top);
	for (const g of groups) {
		let j = 0;
		for (let i = 0; i < body.length; i++) if (body[i].top >= g.top - size * 0.5) j = i;
		body[j]?.groups.push(g);
	}
	const bodyRows = body.map((b) => {
		const r = newRow(false);
		for (const run of [...b.groups, ...(b.leaf ? [b.leaf] : [])]) for (const p of run.pieces) r.labels[run.col].push(p.text);
		const y = b.line !== undefined ? lines[b.line].y : b.top;
		for (const p of allPieces) if (valueLike.has(p.col) && Math.abs(y - p.y) <= 1) r.labels[p.col].push(p.text);
		rows.push(r);
		return r;
	});
	// Words over the numbers go to the row whose numbers are nearest, or to a row of a label only
	// whose lines they stand beside (a row cut by a page break: overleaf the label's rest and its
	// total, centred in the cell, which is no row of numbers of its own).
	const withNumbers = body.map((b, i) => [b, bodyRows[i]] as const).filter(([b]) => b.line !== undefined);
	const labelOnly = body.map((b, i) => [b, bodyRows[i]] as const).filter(([b]) => b.line === undefined && b.leaf !== undefined && b.leaf.pieces.length > 1);
	for (const k of bodyLines) {
		const segs = lines[k].segments.filter((s) => !inLabels(s));
		if (segs.length === 0 || withNumbers.length === 0) continue;
		const beside = labelOnly.find(([b]) => lines[k].y <= b.leaf!.top + reach && lines[k].y >= b.leaf!.bottom - reach);
		let target = withNumbers[0];
		for (const w of withNumbers) if (Math.abs(lines[w[0].line!].y - lines[k].y) < Math.abs(lines[target[0].line!].y - lines[k].y)) target = w;
		for (const s of segs) (beside ?? target)[1].values[columnOf(s)].push(s.text);
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
	return { grid, xs: [...labelLefts, ...centers], top: lines[block[0]].y + size, bottom: lines[block[block.length - 1]].y, lines: block };
}
