import { HEADING_START, ORDINAL_START, segmentsOf, streamTables, type StreamLine } from './pdfStream.ts';
import { cellLine, joinWrapped, type Block, type GridTable } from './render.ts';

/**
 * Rebuilds a PDF page's reading order from positions alone: ruled tables from the lines drawn
 * around their cells (a cell is what the rulings enclose; a missing ruling between two slots
 * means a merged cell), text placed in the cell under its centre, wrapped labels joined; the
 * text outside tables as lines, then paragraphs. Coordinates are PDF user space: y grows upward.
 */

export interface TextItem {
	text: string;
	x: number;
	/** Baseline. */
	y: number;
	width: number;
	/** Font size. */
	size: number;
}

export interface Ruling {
	/** 'h': y fixed, from a to b in x; 'v': x fixed, from a to b in y. */
	dir: 'h' | 'v';
	at: number;
	a: number;
	b: number;
}

export interface PageContent {
	page: number;
	width: number;
	height: number;
	items: TextItem[];
	rulings: Ruling[];
}

const TOL = 2;

/** A table found on a page, with the x of its column rulings (to continue it on the next page). */
export interface PageTable {
	grid: GridTable;
	xs: number[];
	top: number;
	bottom: number;
	/** Per grid row, per grid column: whether a cell covers the slot (for merged cells cut by a page break). */
}

export interface PageLayout {
	/** Blocks in reading order; tables carry their column rulings. */
	blocks: Array<{ kind: 'lines'; lines: ProseLine[] } | { kind: 'table'; table: PageTable }>;
}

export interface ProseLine {
	text: string;
	left: number;
	right: number;
	y: number;
	size: number;
	page: number;
}

/** Groups rulings that touch into table frames. */
function frames(rulings: Ruling[]): Ruling[][] {
	const parent = rulings.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	const touches = (h: Ruling, v: Ruling) => h.a - TOL <= v.at && v.at <= h.b + TOL && v.a - TOL <= h.at && h.at <= v.b + TOL;
	const hs = rulings.map((r, i) => [r, i] as const).filter(([r]) => r.dir === 'h');
	const vs = rulings.map((r, i) => [r, i] as const).filter(([r]) => r.dir === 'v');
	for (const [h, i] of hs) for (const [v, j] of vs) if (touches(h, v)) parent[find(i)] = find(j);
	// A border drawn a cell at a time continues the ruling before it on the same line, though no
	// ruling crosses it there (the bottom of a cell spanning three columns of a Chromium table).
	for (const line of [hs, vs]) {
		const levels = clusters(line.map(([r]) => r.at));
		const level = (r: Ruling) => levels.findIndex((l) => r.at - l <= TOL);
		const sorted = line.map(([r, i]) => ({ r, i, level: level(r) })).sort((p, q) => p.level - q.level || p.r.a - q.r.a);
		// An interval merge along each line: a segment continues the run when it starts before the run's end.
		let run = sorted[0];
		let reach = run?.r.b ?? 0;
		for (let k = 1; k < sorted.length; k++) {
			const q = sorted[k];
			if (q.level === run.level && q.r.a <= reach + TOL) {
				parent[find(run.i)] = find(q.i);
				reach = Math.max(reach, q.r.b);
			} else [run, reach] = [q, q.r.b];
		}
	}
	const groups = new Map<number, Ruling[]>();
	rulings.forEach((r, i) => {
		const g = find(i);
		if (!groups.has(g)) groups.set(g, []);
		groups.get(g)!.push(r);
	});
	return [...groups.values()].filter((g) => g.filter((r) => r.dir === 'h').length >= 2 && g.filter((r) => r.dir === 'v').length >= 2);
}

/** Distinct values, within the tolerance, ascending. */
function clusters(values: number[]): number[] {
	const sorted = [...values].sort((a, b) => a - b);
	const out: number[] = [];
	for (const v of sorted) if (out.length === 0 || v - out[out.length - 1] > TOL) out.push(v);
	return out;
}

/** A grid line of a table: where its rulings stand, from the first to the last of them. */
interface GridLine {
	at: number;
	last: number;
}

/**
 * The grid lines of a frame's rulings, ascending: rulings each within the tolerance of the one
 * before are one line, however far the run reaches. A browser draws every cell's own border, so
 * where the cells of two rows meet a line at staggered places (规章 | 13 | <colspan=2>13 over
 * 行政许可 | <colspan=2>0 | 0) it draws four rulings within a point or two (339.4 340.1 340.9
 * 341.6): one line between two cells, not a column no glyph fits in.
 */
function gridLines(values: number[]): GridLine[] {
	const sorted = [...values].sort((a, b) => a - b);
	const out: GridLine[] = [];
	for (const v of sorted) {
		const line = out[out.length - 1];
		if (line && v - line.last <= TOL) line.last = v;
		else out.push({ at: v, last: v });
	}
	return out;
}

function covers(rulings: Ruling[], dir: 'h' | 'v', line: GridLine, mid: number): boolean {
	return rulings.some((r) => r.dir === dir && r.at >= line.at - TOL && r.at <= line.last + TOL && r.a - TOL <= mid && mid <= r.b + TOL);
}

interface Placed {
	item: TextItem;
	cx: number;
	cy: number;
}

function center(item: TextItem): Placed {
	return { item, cx: item.x + item.width / 2, cy: item.y + item.size * 0.3 };
}

/**
 * pdf.js joins text that sits close on a line into one item, across a cell border too (126 430
 * in two narrow cells): an item that crosses a column ruling is cut at its spaces, each word at
 * the share of the item's width its characters take.
 */
function splitAcross(p: Placed, xs: number[]): Placed[] {
	const { item } = p;
	const crosses = xs.some((x) => x > item.x + TOL && x < item.x + item.width - TOL);
	if (!crosses || !/\S\s+\S/.test(item.text)) return [p];
	const unit = item.width / Math.max(1, item.text.length);
	const out: Placed[] = [];
	for (const m of item.text.matchAll(/\S+/g)) {
		const word: TextItem = { text: m[0], x: item.x + m.index * unit, y: item.y, width: m[0].length * unit, size: item.size };
		out.push(center(word));
	}
	return out;
}

/** Text items joined into visual lines: top to bottom, left to right. */
export function visualLines(items: TextItem[]): Array<{ items: TextItem[]; y: number; size: number }> {
	const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
	const lines: Array<{ items: TextItem[]; y: number; size: number }> = [];
	for (const it of sorted) {
		const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(1, Math.min(l.size, it.size) * 0.45));
		if (line) {
			line.items.push(it);
			line.size = Math.max(line.size, it.size);
		} else lines.push({ items: [it], y: it.y, size: it.size });
	}
	for (const l of lines) l.items.sort((a, b) => a.x - b.x);
	return lines.sort((a, b) => b.y - a.y);
}

/** One visual line's text: neighbours joined, a space where Latin words have a gap. */
export function lineText(items: TextItem[]): string {
	let out = '';
	let end = -Infinity;
	for (const it of items) {
		const gap = it.x - end;
		if (out !== '' && gap > it.size * 0.25 && !/\s$/.test(out)) out = joinWrapped(out, it.text.trimStart());
		else out += it.text;
		end = it.x + it.width;
	}
	return out;
}

export function layoutPage(page: PageContent, tableIndex: () => number): PageLayout {
	const tables: PageTable[] = [];
	const inTable = new Set<TextItem>();
	const placed = page.items.map(center);
	for (const frame of frames(page.rulings)) {
		const columnLines = gridLines(frame.filter((r) => r.dir === 'v').map((r) => r.at));
		const rowLines = gridLines(frame.filter((r) => r.dir === 'h').map((r) => r.at)).reverse();
		const xs = columnLines.map((l) => l.at);
		const ys = rowLines.map((l) => l.at);
		if (xs.length < 2 || ys.length < 2) continue;
		const rows = ys.length - 1;
		const cols = xs.length - 1;
		const top = ys[0];
		const bottom = ys[ys.length - 1];
		// Slots joined where no ruling separates them: union-find over the grid.
		const parent = Array.from({ length: rows * cols }, (_, i) => i);
		const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
		for (let r = 0; r < rows; r++) {
			for (let c = 0; c < cols; c++) {
				const ymid = (ys[r] + ys[r + 1]) / 2;
				const xmid = (xs[c] + xs[c + 1]) / 2;
				if (c + 1 < cols && !covers(frame, 'v', columnLines[c + 1], ymid)) parent[find(r * cols + c)] = find(r * cols + c + 1);
				if (r + 1 < rows && !covers(frame, 'h', rowLines[r + 1], xmid)) parent[find(r * cols + c)] = find((r + 1) * cols + c);
			}
		}
		const cells = new Map<number, { r0: number; c0: number; r1: number; c1: number; items: TextItem[] }>();
		for (let r = 0; r < rows; r++)
			for (let c = 0; c < cols; c++) {
				const g = find(r * cols + c);
				const cell = cells.get(g);
				if (!cell) cells.set(g, { r0: r, c0: c, r1: r, c1: c, items: [] });
				else {
					cell.r0 = Math.min(cell.r0, r);
					cell.c0 = Math.min(cell.c0, c);
					cell.r1 = Math.max(cell.r1, r);
					cell.c1 = Math.max(cell.c1, c);
				}
			}
		for (const whole of placed) {
			if (whole.cx < xs[0] - TOL || whole.cx > xs[cols] + TOL || whole.cy > top + TOL || whole.cy < bottom - TOL) continue;
			inTable.add(whole.item);
			for (const p of splitAcross(whole, xs)) {
			let c = 0;
			while (c < cols - 1 && p.cx > xs[c + 1]) c++;
			let r = 0;
			while (r < rows - 1 && p.cy < ys[r + 1]) r++;
			cells.get(find(r * cols + c))!.items.push(p.item);
			}
		}
		const index = tableIndex();
		const grid: GridTable = { rows: Array.from({ length: rows }, () => []), place: { table: index, page: page.page } };
		for (const cell of cells.values()) {
			const text = closeAutospace(cellLine(visualLines(cell.items).map((l) => lineText(l.items))));
			const colSpan = cell.c1 - cell.c0 + 1;
			grid.rows[cell.r0].push({ column: cell.c0, cell: { text, rowSpan: cell.r1 - cell.r0 + 1, colSpan, place: { table: index, page: page.page, row: cell.r0 + 1, column: cell.c0 + 1 } } });
			// A number merged down over rows of their own counts once, in its first row: the rows
			// below hold a blank there, as in HTML and Word.
			if (NUMERIC.test(text) && /\d/.test(text)) for (let r = cell.r0 + 1; r <= cell.r1; r++) grid.rows[r].push({ column: cell.c0, cell: { text: '', rowSpan: 1, colSpan, place: { table: index, page: page.page, row: r + 1, column: cell.c0 + 1 } } });
		}
		for (const row of grid.rows) row.sort((a, b) => a.column - b.column);
		tables.push({ grid, xs, top, bottom });
	}
	// What the rulings did not take: tables set out without lines, then prose.
	const rest = visualLines(page.items.filter((i) => !inTable.has(i)));
	const streamLines: StreamLine[] = rest.map((l) => {
		const segments = segmentsOf(l.items, l.y);
		return { segments, y: l.y, size: l.size, left: l.items[0].x, right: Math.max(...l.items.map((i) => i.x + i.width)) };
	});
	const bodyLeft = streamLines.length ? Math.min(...streamLines.map((l) => l.left)) : 0;
	const bodyRight = streamLines.length ? Math.max(...streamLines.map((l) => l.right)) : 0;
	const taken = new Set<number>();
	for (const t of streamTables(streamLines, bodyLeft, bodyRight, tableIndex, page.page)) {
		for (const k of t.lines) taken.add(k);
		tables.push({ grid: t.grid, xs: t.xs, top: t.top, bottom: t.bottom });
	}
	tables.sort((a, b) => b.top - a.top);
	const prose = rest
		.filter((_, k) => !taken.has(k))
		.map((l) => ({
			text: lineText(l.items),
			left: l.items[0].x,
			right: Math.max(...l.items.map((i) => i.x + i.width)),
			y: l.y,
			size: l.size,
			page: page.page,
		}));
	const ys = [...prose.map((l) => l.y), ...tables.flatMap((t) => [t.top, t.bottom])];
	const lowest = Math.min(...ys);
	const highest = Math.max(...ys);
	const kept = prose.filter((l) => !isPageNumber(l, page, highest, lowest));
	const blocks: PageLayout['blocks'] = [];
	let t = 0;
	for (const line of kept) {
		while (t < tables.length && tables[t].top > line.y) blocks.push({ kind: 'table', table: tables[t++] });
		const last = blocks[blocks.length - 1];
		if (last?.kind === 'lines') last.lines.push(line);
		else blocks.push({ kind: 'lines', lines: [line] });
	}
	while (t < tables.length) blocks.push({ kind: 'table', table: tables[t++] });
	return { blocks };
}

const PAGE_NUMBER = /^[\s\-—–_·•]*(第\s*)?[\d一二三四五六七八九十]+\s*(页)?\s*([/／]\s*\d+|共\s*\d+\s*页)?[\s\-—–_·•]*$|^[\s\-—–]*(page\s*)?\d+(\s*of\s*\d+)?[\s\-—–]*$/i;

/**
 * A page number: a line that is only a number (- 3 -, 第3页 共9页, 3/9) and is the page's first or
 * last line of text, in its top or bottom fifth.
 */
function isPageNumber(line: ProseLine, page: PageContent, top: number, bottom: number): boolean {
	if (!PAGE_NUMBER.test(line.text.trim())) return false;
	const atEdge = (line.y <= bottom + 0.5 && line.y < page.height * 0.2) || (line.y >= top - 0.5 && line.y > page.height * 0.8);
	return atEdge;
}

/**
 * Joins the pages' blocks into the document's: lines into paragraphs (a line that reaches the
 * right margin goes on with the next unless the next is indented), a table cut by a page break
 * continued when the next page opens with a table of the same columns (its repeated header
 * rows dropped, a merged label cut by the break not written twice).
 */
export function documentBlocks(pages: PageLayout[]): Block[] {
	const out: Block[] = [];
	let open: PageTable | undefined;
	let lines: ProseLine[] = [];
	const flushLines = () => {
		out.push(...paragraphs(lines));
		lines = [];
	};
	for (const page of pages) {
		// A row's label that opens the page above the table it belongs to (see cutRowLabel).
		let cut: { lines: ProseLine[]; column: number } | undefined;
		page.blocks.forEach((b, i) => {
			if (b.kind === 'lines') {
				const next = page.blocks[i + 1];
				const column = i === 0 && open && lines.length === 0 && next?.kind === 'table' ? cutRowLabel(b.lines, next.table) : undefined;
				if (column !== undefined) {
					cut = { lines: b.lines, column };
					return;
				}
				lines.push(...b.lines);
				open = undefined;
				return;
			}
			const union = (i === 0 || (i === 1 && cut)) && open && lines.length === 0 ? unionColumns(open.xs, b.table.xs) : undefined;
			if (open && union) {
				// Both parts onto the columns of the two together: each part draws only the rulings its own rows need.
				const mapped = remapColumns(open.grid, columnMapping(open.xs, union)!);
				open.grid.rows = mapped.rows;
				open.xs = union;
				const part = remapColumns(b.table.grid, columnMapping(b.table.xs, union)!);
				if (cut) liftMergedNumbers(part, columnMapping(b.table.xs, union)![cut.column], cut.lines);
				continueTable(open.grid, part);
				return;
			}
			if (cut) liftMergedNumbers(b.table.grid, cut.column, cut.lines);
			flushLines();
			out.push({ kind: 'table', table: b.table.grid });
			open = b.table;
		});
		// A table still open at the page's end may go on overleaf only if nothing follows it.
		const last = page.blocks[page.blocks.length - 1];
		if (last?.kind !== 'table') open = undefined;
	}
	flushLines();
	return out;
}

/**
 * Where each column ruling of a continued part sits among the first part's, when every one of
 * them is one of the first part's (a part whose rows merge more cells draws fewer rulings).
 */
function columnMapping(next: number[], first: number[]): number[] | undefined {
	// (Two columns of a part may fall on one of the union's, which keeps one of columns closer than 4 points.)
	if (next.length === 0) return undefined;
	if (Math.abs(next[0] - first[0]) > TOL * 2 || Math.abs(next[next.length - 1] - first[first.length - 1]) > TOL * 2) return undefined;
	const out: number[] = [];
	for (const x of next) {
		const i = first.findIndex((f) => Math.abs(f - x) <= TOL * 2);
		if (i < 0) return undefined;
		out.push(i);
	}
	return out;
}

/** The column rulings of two parts of one table, when they share their outer edges. */
function unionColumns(a: number[], b: number[]): number[] | undefined {
	if (a.length < 2 || b.length < 2) return undefined;
	if (Math.abs(a[0] - b[0]) > TOL * 2 || Math.abs(a[a.length - 1] - b[b.length - 1]) > TOL * 2) return undefined;
	const out: number[] = [];
	for (const x of [...a, ...b].sort((p, q) => p - q)) if (out.length === 0 || x - out[out.length - 1] > TOL * 2) out.push(x);
	return out;
}

function remapColumns(t: GridTable, mapping: number[]): GridTable {
	return {
		place: t.place,
		rows: t.rows.map((row) =>
			row.map(({ column, cell }) => {
				const from = mapping[column];
				const to = mapping[Math.min(column + cell.colSpan, mapping.length - 1)];
				return { column: from, cell: { ...cell, colSpan: Math.max(1, to - from) } };
			}),
		),
	};
}

const NUMERIC = /^[\d\s.,，-]+$/;

function continueTable(into: GridTable, next: GridTable): void {
	const rowsText = (t: GridTable) => t.rows.map((r) => r.map((c) => c.cell.text).join('|'));
	const head = rowsText(into);
	const tail = rowsText(next);
	let repeated = 0;
	while (repeated < tail.length && repeated < head.length && tail[repeated] === head[repeated] && tail[repeated] !== '') repeated++;
	// A repeated header whose cell lost its last line to the row below (the line sat under the header's ruling).
	const remainders: string[] = [];
	while (repeated < tail.length && repeated < head.length && tail[repeated] !== '') {
		const a = into.rows[repeated];
		const b = next.rows[repeated];
		if (a.length !== b.length || !a.every((c, i) => c.cell.text.startsWith(b[i].cell.text) && b[i].cell.text.length >= Math.min(4, c.cell.text.length))) break;
		a.forEach((c, i) => {
			if (c.cell.text !== b[i].cell.text) remainders.push(c.cell.text.slice(b[i].cell.text.length));
		});
		repeated++;
	}
	// A header repeated overleaf but read otherwise than the first part's (a borderless page's
	// header words fall into other cells): the part's rows down to the last one before its first
	// number that sets words where the first part has numbers are that header, not a cut label's rest.
	const numberColumns = new Set(into.rows.flatMap((r) => r.filter((c) => NUMERIC.test(c.cell.text) && /\d/.test(c.cell.text)).map((c) => c.column)));
	const hasNumber = (r: GridTable['rows'][number]) => r.some((c) => NUMERIC.test(c.cell.text) && /\d/.test(c.cell.text));
	const setsWords = (r: GridTable['rows'][number]) => r.some((c) => numberColumns.has(c.column) && c.cell.text !== '' && !NUMERIC.test(c.cell.text));
	for (let k = repeated; k < next.rows.length && !hasNumber(next.rows[k]); k++) if (setsWords(next.rows[k])) repeated = k + 1;
	const rows = next.rows.slice(repeated);
	if (rows.length > 0 && remainders.length > 0) {
		for (const rest of remainders) {
			const cell = rows[0].find((c) => c.cell.text.includes(rest));
			if (cell) cell.cell.text = cell.cell.text.replace(rest, '');
		}
	}
	if (rows.length === 0) return;
	const above = lastCellsByColumn(into);
	const first = rows[0];
	// (A label that opens with its ordinal is a row of its own, its cells blank.)
	// (A table without rulings gives a group label no span: its end goes on from the last cell of its column.)
	const latest = latestByColumn(into);
	const splitRow = first.some((c) => c.cell.text === '') && first.every((c) => !NUMERIC.test(c.cell.text) && !ORDINAL_START.test(c.cell.text) && (above.has(c.column) || (c.cell.text !== '' && latest.has(c.column))));
	if (splitRow) {
		// A row cut by the page break: its label's last line overleaf, its numbers on the page before.
		for (const c of first) {
			const cell = above.get(c.column) ?? latest.get(c.column)!;
			cell.text = joinWrapped(cell.text, c.cell.text);
			// A label merged further down goes on from the cell above, now one row taller for each row it spans past this one.
			if (above.has(c.column)) cell.rowSpan += c.cell.rowSpan - 1;
		}
		rows.shift();
		if (rows.length > 0) into.rows.push(...rows);
		return;
	}
	if (fillCutCells(into, first)) {
		rows.shift();
		if (rows.length > 0) into.rows.push(...rows);
		return;
	}
	// A label merged down across the break: one cell, written once, where its text is.
	rows[0] = first.filter((c) => {
		const up = above.get(c.column);
		if (!up || NUMERIC.test(up.text) || NUMERIC.test(c.cell.text) || c.cell.colSpan !== up.colSpan) return true;
		if (c.cell.text === '' && up.text !== '') {
			up.rowSpan += c.cell.rowSpan;
			return false;
		}
		if (up.text === '' && c.cell.text !== '') {
			up.text = c.cell.text;
			up.rowSpan += c.cell.rowSpan;
			return false;
		}
		return true;
	});
	into.rows.push(...rows);
}

/**
 * A page that opens with text standing in one column of the table under it, a table going on
 * from the page before, whose first row holds numbers merged down over rows: the text is the
 * label of a row the break cut off its rulings (Chromium draws a row's borders on the page it
 * starts on, and prints the merged numbers centred over all the rows they cover, beside a later
 * row's label). The column the label stands in, if so.
 */
function cutRowLabel(lines: ProseLine[], table: PageTable): number | undefined {
	const first = table.grid.rows[0];
	if (!first?.some((c) => c.cell.rowSpan > 1 && NUMERIC.test(c.cell.text) && /\d/.test(c.cell.text))) return undefined;
	if (lines.some((l) => NUMERIC.test(l.text))) return undefined;
	const { xs } = table;
	for (let c = 0; c + 1 < xs.length; c++) if (lines.every((l) => l.left >= xs[c] - TOL && l.right <= xs[c + 1] + TOL)) return c;
	return undefined;
}

/**
 * The cut row's label as the part's first row, and the numbers merged down from it (over the
 * rows below) counted once, in it: the rows below hold a blank there, as a merge reads in HTML
 * and Word (see gridFromSpans).
 */
function liftMergedNumbers(part: GridTable, column: number, lines: ProseLine[]): void {
	const first = part.rows[0];
	const label = first.find((c) => c.column === column)?.cell ?? first[0].cell;
	const text = closeAutospace(cellLine(lines.map((l) => l.text)));
	const row: GridTable['rows'][number] = [{ column, cell: { text, rowSpan: 1, colSpan: label.colSpan, place: label.place } }];
	for (const c of first) {
		if (c.cell.rowSpan < 2 || !NUMERIC.test(c.cell.text) || !/\d/.test(c.cell.text)) continue;
		row.push({ column: c.column, cell: { ...c.cell, rowSpan: c.cell.rowSpan + 1 } });
		c.cell = { ...c.cell, text: '', rowSpan: 1 };
	}
	row.sort((a, b) => a.column - b.column);
	part.rows.unshift(row);
}

/**
 * A row cut by the page break after its label's first line and most of its numbers: overleaf,
 * the label's rest (if any) under the label and numbers only under cells the row left blank (a
 * total pushed down its cell by empty paragraphs). Those are that row's.
 */
function fillCutCells(into: GridTable, first: GridTable['rows'][number]): boolean {
	const last = into.rows[into.rows.length - 1];
	if (!last || first.length === 0) return false;
	const isLabel = (text: string) => text !== '' && !NUMERIC.test(text);
	const byColumn = new Map(last.map((c) => [c.column, c.cell]));
	const filled = first.filter((c) => c.cell.text !== '');
	const numbers = filled.filter((c) => NUMERIC.test(c.cell.text));
	const words = filled.filter((c) => !NUMERIC.test(c.cell.text));
	if (numbers.length === 0) return false;
	if (!numbers.every((c) => byColumn.get(c.column)?.text === '' && byColumn.get(c.column)?.colSpan === c.cell.colSpan)) return false;
	if (!words.every((c) => isLabel(byColumn.get(c.column)?.text ?? '') && !ORDINAL_START.test(c.cell.text))) return false;
	// The row above has its label and numbers: only its blanks are taken.
	if (!last.some((c) => isLabel(c.cell.text)) || !last.some((c) => NUMERIC.test(c.cell.text))) return false;
	for (const c of numbers) byColumn.get(c.column)!.text = c.cell.text;
	for (const c of words) {
		const label = byColumn.get(c.column)!;
		label.text = joinWrapped(label.text, c.cell.text);
	}
	return true;
}

/** The last cell of each column of a grid. */
function latestByColumn(t: GridTable): Map<number, GridTable['rows'][number][number]['cell']> {
	const out = new Map<number, GridTable['rows'][number][number]['cell']>();
	for (const row of t.rows) for (const c of row) out.set(c.column, c.cell);
	return out;
}

/** The cells reaching the last row of a grid, by their column. */
function lastCellsByColumn(t: GridTable): Map<number, GridTable['rows'][number][number]['cell']> {
	const out = new Map<number, GridTable['rows'][number][number]['cell']>();
	const last = t.rows.length - 1;
	t.rows.forEach((row, r) => {
		for (const c of row) if (r + c.cell.rowSpan - 1 >= last) out.set(c.column, c.cell);
	});
	return out;
}


/** The value most lines share, to the nearest point. */
function mode(values: number[]): number {
	const counts = new Map<number, number>();
	for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
	let best = values[0];
	let n = 0;
	for (const [v, c] of counts) if (c > n || (c === n && v < best)) [best, n] = [v, c];
	return best;
}

/**
 * The space a PDF sets between Chinese text and digits (LibreOffice's and Word's autospace,
 * 2024 年) is typography, not text: 2024年 is what was typed.
 */
export function closeAutospace(s: string): string {
	return s.replace(/([\u3400-\u9fff（）。，、：；“”])[ \u00a0]+(?=[0-9])/g, '$1').replace(/([0-9%])[ \u00a0]+(?=[\u3400-\u9fff（）。，、：；“”])/g, '$1');
}

function paragraphs(lines: ProseLine[]): Block[] {
	if (lines.length === 0) return [];
	const out: Block[] = [];
	// Margins of the whole document: a page with one short line must not make it a full line.
	const left = mode(lines.map((l) => l.left));
	const rights = lines.map((l) => l.right).sort((a, b) => a - b);
	const right = rights[Math.floor(rights.length * 0.95)] ?? rights[rights.length - 1];
	let text = '';
	let first: ProseLine | undefined;
	let prev: ProseLine | undefined;
	const flush = () => {
		if (first && text.trim() !== '') out.push({ kind: 'paragraph', text: text.trim(), place: { page: first.page } });
		text = '';
		first = undefined;
	};
	const bodySize = mode(lines.map((l) => l.size));
	const large = (l: ProseLine) => l.size >= bodySize * 1.25;
	for (const l of lines) {
		if (prev) {
			const reachedRight = prev.right >= right - prev.size * 1.5;
			const indented = l.left > left + l.size * 0.8;
			const samePageGap = prev.page === l.page ? prev.y - l.y : prev.size * 1.5;
			const gapOk = samePageGap < Math.max(prev.size, l.size) * 2.2;
			// A title set in large type over two lines is one line of text.
			const title = large(prev) && large(l) && Math.abs(prev.size - l.size) < 0.5 && gapOk && prev.page === l.page && !HEADING_START.test(l.text);
			if (!title && (!(reachedRight && !indented && gapOk) || HEADING_START.test(l.text))) flush();
		}
		if (!first) first = l;
		text = joinWrapped(text, closeAutospace(l.text.trim()));
		prev = l;
	}
	flush();
	return out;
}
