import { parseCellValue } from '../read/cellValue.ts';
import { alignBlock, joinStrays, judgeReadable, judgeShortRows, markOrderRead, pinRowTotals, placeSparseRows, wasAligned } from './align.ts';
import { joinStreams, readInOrder, type TableStream } from './orderReading.ts';
import { readBySums } from './sumReading.ts';
import { labelsOf, type TemplateLabels } from './labels.ts';
import { fillMergedDownRows } from './mergedDown.ts';
import { markUnreadable } from './unreadable.ts';
import { judgeValueOrder } from './valueOrder.ts';
import type { RawCell, TableBlock } from '../read/layout/types.ts';
import type { BoundRow, BoundTable } from '../model.ts';
import { normalizeLabel } from '../read/normalize.ts';
import type { ColumnDef, RowDef, TableDef, TemplateDef } from '../templates/index.ts';
import { rangeUnion, type Range } from '../read/text.ts';

/**
 * Binds the cells of a document's table blocks to a template's tables, rows and columns.
 *
 * Labels drive the binding, not physical rows, because one layout (cell-per-line) does not
 * reliably show where a row ends: a row label starts a row and the value cells after it fill the
 * template's columns in order. Where the layout does show rows, a row also ends with its line
 * (pipe rows) or its blank line (tab cells), so a short row is seen as short.
 */
export function bindTables(template: TemplateDef, blocks: TableBlock[], labels: TemplateLabels = labelsOf(template)): BoundTable[] {
	return new Binder(labels).run(blocks);
}

interface Pending {
	row: BoundRow;
	columns: ColumnDef[];
	next: number;
	physRow: number;
	reliable: boolean;
}

/** Lines from a table's last cell within which a row it does not know may still be its own. */
const MAX_UNKNOWN_ROW_GAP = 3;

/** A block's physical rows: how many cells each has and whether any holds text, and for each cell how many of its row's cells are it and those after it. */
interface PhysicalRows {
	size(row: number): number;
	filled(row: number): boolean;
	cellsLeft: Int32Array;
}

/** Rows numbered from 0 up no further than this many past the cells' count are counted in arrays (every layout numbers them so); others in maps. */
const DENSE_ROWS_SLACK = 64;

function physicalRows(cells: RawCell[]): PhysicalRows {
	const cellsLeft = new Int32Array(cells.length);
	let dense = true;
	let maxRow = 0;
	for (const c of cells) {
		if (!(Number.isInteger(c.row) && c.row >= 0 && c.row < cells.length + DENSE_ROWS_SLACK)) dense = false;
		else if (c.row > maxRow) maxRow = c.row;
	}
	if (dense) {
		const sizes = new Int32Array(maxRow + 1);
		const filled = new Uint8Array(maxRow + 1);
		// Counted from the end: a cell's count so far is its row's cells from it on.
		for (let k = cells.length - 1; k >= 0; k--) {
			const c = cells[k];
			cellsLeft[k] = ++sizes[c.row];
			if (c.text !== '') filled[c.row] = 1;
		}
		return { size: (row) => (row >= 0 && row <= maxRow ? sizes[row] : 0), filled: (row) => row >= 0 && row <= maxRow && filled[row] === 1, cellsLeft };
	}
	const sizes = new Map<number, number>();
	const filled = new Set<number>();
	for (let k = cells.length - 1; k >= 0; k--) {
		const c = cells[k];
		const n = (sizes.get(c.row) ?? 0) + 1;
		sizes.set(c.row, n);
		cellsLeft[k] = n;
		if (c.text !== '') filled.add(c.row);
	}
	return { size: (row) => sizes.get(row) ?? 0, filled: (row) => filled.has(row), cellsLeft };
}

class Binder {
	private readonly tables: BoundTable[] = [];
	private current: BoundTable | undefined;
	private pending: Pending | undefined;
	/** After a row is full, further cells of the same physical row are its extras, not a new row. */
	private overflow: { row: BoundRow; physRow: number } | undefined;
	private lastIndex = -1;
	private block!: TableBlock;
	/** The block's physical rows, where its layout shows them. */
	private blockRows: PhysicalRows | undefined;
	/** Cells of the current cell's physical row from it on, where the layout shows rows (0 where it does not). */
	private cellsLeftInRow = 0;
	/** The tables' shares of the token streams of text that keeps no columns, in order; undefined between blocks of other layouts. */
	private streams: Array<TableStream | undefined> = [];

	/** `regions`: whether to weigh a broken run of pipe tables against its token-stream reading (not when reading its members alone). */
	constructor(private readonly labels: TemplateLabels, private readonly regions = true) {}

	run(blocks: TableBlock[]): BoundTable[] {
		const skip = new Set<TableBlock>();
		for (const block of blocks) {
			if (skip.has(block)) continue;
			if (block.region && this.regions) {
				const region = block.region;
				const members = blocks.filter((b) => b.firstLine >= region.firstLine && b.lastLine <= region.lastLine);
				const aligned = alignBlock(region, this.labels).tables;
				if (defects(aligned) < defects(new Binder(this.labels, false).run(members))) {
					this.finishRow();
					this.overflow = undefined;
					this.current = undefined;
					for (const t of aligned) this.addAligned(t);
					for (const m of members) skip.add(m);
					continue;
				}
			}
			if (block.layout === 'pdf-text' || block.aligned) {
				this.finishRow();
				this.overflow = undefined;
				this.current = undefined;
				const { tables, streams } = alignBlock(block, this.labels);
				for (const t of tables) {
					if (block.layout === 'pdf-text') judgeValueOrder(t, block, this.labels);
					this.addAligned(t);
				}
				this.streams.push(...(streams ?? [undefined]));
				continue;
			}
			this.streams.push(undefined);
			this.block = block;
			this.blockRows = block.rowsReliable ? physicalRows(block.cells) : undefined;
			block.cells.forEach((cell, k) => {
				this.cellsLeftInRow = this.blockRows ? this.blockRows.cellsLeft[k] : 0;
				this.take(cell);
			});
			this.finishRow();
			this.overflow = undefined;
		}
		this.readInOrder();
		this.joinParts();
		for (const t of this.tables) {
			if (wasAligned(t)) {
				if (t.layout === 'pdf-text' && !t.unreadable) placeSparseRows(t, this.labels.template.rules);
				judgeReadable(t, true);
			} else if (t.layout !== 'glued') {
				fillMergedDownRows(t);
				judgeShortRows(t);
			}
			pinRowTotals(t, this.labels.template.rules);
		}
		// An anchor with no rows (行政复议 named in the prose of squashed web text) is no table when the table is read elsewhere.
		// So is the anchor of an optional table when another table of its section was read (the
		// national 统计表 named in the prose of a report whose 附表 is the Fujian one).
		const read = this.tables.filter((t) => t.rows.length > 0);
		const readDefs = new Set(read.map((t) => t.def));
		const readSections = new Set(read.map((t) => t.def.section));
		return this.tables.filter((t) => t.rows.length > 0 || (t.anchorRange && !readDefs.has(t.def) && (t.def.required || !readSections.has(t.def.section))));
	}

	/**
	 * A table the reader cut into parts (text between its rows it did not take as the table's:
	 * a wrapped label's last line, a page's chrome) is one table: a part that goes on, in the
	 * template's order, from the rows of the last part of the same table, with none of its rows
	 * again, continues it, as a part read by the aligner does (addAligned). Else each part would
	 * lack the other's rows, reported missing one by one while they are printed. Template rows
	 * between the two parts stood in the text that cut them: the table is then said unreadable
	 * once, its rows never reported missing on a guess.
	 */
	private joinParts(): void {
		const order = (t: BoundTable) => t.rows.map((r) => t.def.rows.indexOf(r.def as RowDef)).filter((i) => i >= 0);
		for (let i = 1; i < this.tables.length; i++) {
			const part = this.tables[i];
			if (wasAligned(part) || part.rows.length === 0) continue;
			const j = this.tables.slice(0, i).map((t) => t.def).lastIndexOf(part.def);
			if (j < 0) continue;
			const into = this.tables[j];
			if (into.layout !== part.layout || into.rows.length === 0 || isComplete(into)) continue;
			const [before, after] = [order(into), order(part)];
			if (before.length === 0 || after.length === 0 || Math.min(...after) <= Math.max(...before)) continue;
			if (part.rows.some((r) => r.known && into.byKey.has(r.def.key))) continue;
			// Rows of the template between the two parts: where the text the reader did not take stands.
			const between = into.def.rows.slice(Math.max(...before) + 1, Math.min(...after)).filter((r) => r.kind !== 'group' && !r.optional);
			for (const r of part.rows) {
				into.rows.push(r);
				if (r.known) into.byKey.set(r.def.key, r);
			}
			into.headers.push(...part.headers);
			into.duplicateRows.push(...part.duplicateRows);
			into.range = union(into.range, part.range);
			into.inferred ||= part.inferred;
			into.unreadable ??= part.unreadable;
			if (into.unreadable) for (const r of into.rows) for (const c of r.cells.values()) c.inferred = true;
			// Rows lost there are not missing: the reader is not sure of them, and says so once.
			if (between.length > 0 && !into.unreadable)
				markUnreadable(into, {
					zh: `表格被其间未能读作表格的文字分成了几段，段间的 ${between.length} 行（如“${between[0].label.slice(0, 24)}”）未能读出`,
					en: `the table was cut into parts by text between them that could not be read as the table's, and the ${between.length} row(s) there (e.g. "${between[0].en}") could not be read`,
				});
			this.tables.splice(i, 1);
			i--;
		}
	}

	/** Tables whose numbers the aligner could not place by their labels, placed by their order (orderReading.ts) or their rows' sums (sumReading.ts) where that stands. */
	private readInOrder(): void {
		for (const stream of joinStreams(this.streams)) {
			const parts = this.tables.filter((t) => t.def === stream.def);
			if (parts.some((t) => t.layout !== 'pdf-text')) continue;
			const rules = this.labels.template.rules;
			const read = readInOrder(stream, parts, rules) ?? readBySums(stream, parts, rules);
			if (!read) continue;
			const at = parts.length > 0 ? this.tables.indexOf(parts[0]) : this.tables.length;
			const rest = this.tables.filter((t) => t.def !== stream.def);
			this.tables.length = 0;
			this.tables.push(...rest.slice(0, at), read, ...rest.slice(at));
			markOrderRead(read);
		}
	}

	/** A table read by the aligner: it continues an earlier part of the same table (split by a heading or a page) when their rows do not overlap. */
	private addAligned(table: BoundTable): void {
		const earlier = [...this.tables].reverse().find((t) => t.def === table.def);
		if (earlier && table.rows.every((r) => !earlier.byKey.has(r.def.key))) {
			for (const r of table.rows) {
				earlier.rows.push(r);
				earlier.byKey.set(r.def.key, r);
			}
			earlier.range = union(earlier.range, table.range);
			earlier.inferred ||= table.inferred;
			earlier.unreadable ??= table.unreadable;
			joinStrays(earlier, table);
			if (earlier.unreadable) for (const r of earlier.rows) for (const c of r.cells.values()) c.inferred = true;
			return;
		}
		this.tables.push(table);
	}

	private take(cell: RawCell): void {
		if (this.pending) {
			const p = this.pending;
			if (p.reliable && cell.row !== p.physRow) this.finishRow();
			// Blanks right after the label, more cells than the row has columns: the label's cell
			// spanning several (pandoc repeats a merged cell as empty ones), not values.
			else if (cell.text === '' && p.next === 0 && this.block.rowsReliable && this.cellsLeftInRow > p.columns.length) return;
			else if (this.isValue(cell, true)) {
				this.assign(p, cell);
				return;
			} else this.finishRow();
		}
		if (this.overflow) {
			if (this.block.rowsReliable && cell.row === this.overflow.physRow && this.isValue(cell, true)) {
				if (cell.text !== '') this.overflow.row.extraCells.push({ text: cell.text, range: cell.range });
				extend(this.overflow.row, cell.range);
				return;
			}
			this.overflow = undefined;
		}
		if (cell.text === '') {
			// A row of nothing but blanks, as wide as the table, under a table whose one row has no label: that row, left blank.
			const table = this.current;
			if (table?.def.unlabeledRow && !table.byKey.has(table.def.unlabeledRow) && this.block.rowsReliable && !this.blockRows?.filled(cell.row) && (this.blockRows?.size(cell.row) ?? 0) >= table.def.columns.length) {
				this.startRow(table.def.rows.find((r) => r.key === table.def.unlabeledRow)!, true, cell, true);
				this.assign(this.pending!, cell);
			}
			return;
		}
		const norm = normalizeLabel(cell.text);

		const anchored = this.labels.anchorOf(norm);
		if (anchored) {
			this.startTable(anchored, cell, true);
			return;
		}
		if (this.current && this.labels.isHeaderOf(this.current.def, norm) && !this.rowAfterHeaders(cell.text)) {
			this.current.headers.push({ text: cell.text, range: cell.range });
			extendTable(this.current, cell.range);
			return;
		}

		// A header only one table prints starts that table when its anchor stood outside the block
		// (行政复议行政诉讼 on a line of its own above a Markdown table of 维持 | 纠正 | …).
		const headerOf = this.labels.headerTableOf(norm);
		if (headerOf && headerOf !== this.current?.def && !this.tables.some((t) => t.def === headerOf && t.rows.length > 0)) {
			this.startTable(headerOf, cell, false);
			this.current!.headers.push({ text: cell.text, range: cell.range });
			return;
		}

		const match = this.matchRow(cell.text);
		if (match && (this.current?.def === match.table || opensTable(match, this.tables))) {
			if (!this.current || this.current.def !== match.table) this.startTable(match.table, cell, false);
			if (match.row.kind === 'group') {
				extendTable(this.current!, cell.range);
				this.lastIndex = Math.max(this.lastIndex, match.index);
				return;
			}
			this.lastIndex = match.index;
			this.startRow(match.row, true, cell);
			return;
		}

		const table = this.current;
		if (!table) return;
		if (parseCellValue(cell.text).kind === 'number' && table.def.unlabeledRow && !table.byKey.has(table.def.unlabeledRow)) {
			const def = table.def.rows.find((r) => r.key === table.def.unlabeledRow)!;
			this.startRow(def, true, cell, true);
			this.assign(this.pending!, cell);
			return;
		}
		// A row the template does not know goes on the table only right below it: a pipe row further down (a site's links) is not the table's.
		if (table.def.allowUnknownRows && cell.range.start.line - table.range.end.line <= MAX_UNKNOWN_ROW_GAP && !this.labels.isAnyHeader(norm) && norm.length >= 2 && !this.isValue(cell, false)) {
			this.startRow({ key: `?${norm}`, label: cell.text, en: cell.text }, false, cell);
		}
	}

	/**
	 * In squashed web text, a word that is both a column header and a short row label (其他 for
	 * 3.其他) is the row once the table's rows have begun: the header words all stand before them.
	 */
	private rowAfterHeaders(text: string): boolean {
		if (this.block.layout !== 'glued' || !this.current || this.current.rows.length === 0) return false;
		return this.labels.matchRow(text, this.current.def).some((m) => m.exact && m.index > this.lastIndex && !this.current!.byKey.has(m.row.key));
	}

	/** Prefers the next unbound row after the last one bound: the same label can occur twice (2008's 被依法纠错数). */
	private matchRow(text: string) {
		const inCurrent = this.current ? this.labels.matchRow(text, this.current.def) : [];
		const candidates = inCurrent.length > 0 ? inCurrent : this.labels.matchRow(text);
		if (candidates.length === 0) return undefined;
		const sameTable = (c: (typeof candidates)[0]) => this.current?.def === c.table;
		const unbound = (c: (typeof candidates)[0]) => !(sameTable(c) && this.current!.byKey.has(c.row.key));
		return (
			candidates.find((c) => sameTable(c) && unbound(c) && c.index > this.lastIndex) ??
			candidates.find((c) => unbound(c)) ??
			candidates[0]
		);
	}

	/** Whether a cell can be a value: a number, a blank, a dash, or (inside a shown row) any text that is no label. */
	private isValue(cell: RawCell, inRow: boolean): boolean {
		const v = parseCellValue(cell.text);
		if (v.kind !== 'invalid') return true;
		const norm = normalizeLabel(cell.text);
		if (this.labels.anchorOf(norm) || this.labels.isAnyHeader(norm) || this.labels.matchRow(cell.text).length > 0) return false;
		if (inRow && this.block.rowsReliable) return true;
		return /\d/.test(cell.text) && cell.text.length <= 12;
	}

	private startTable(def: TableDef, cell: RawCell, isAnchor: boolean): void {
		this.finishRow();
		const cur = this.current;
		// A repeated anchor inside an unfinished table (a header repeated after a page break) continues it.
		if (cur && cur.def === def && !isComplete(cur)) {
			extendTable(cur, cell.range);
			return;
		}
		const table: BoundTable = {
			def,
			layout: this.block.layout,
			range: cell.range,
			anchorRange: isAnchor ? cell.range : undefined,
			rows: [],
			byKey: new Map(),
			headers: [],
			duplicateRows: [],
			inferred: false,
		};
		this.tables.push(table);
		this.current = table;
		this.lastIndex = -1;
	}

	private startRow(def: RowDef, known: boolean, cell: RawCell, unlabeled = false): BoundRow {
		this.finishRow();
		const table = this.current!;
		const row: BoundRow = {
			def,
			known,
			labelText: unlabeled ? '' : cell.text,
			labelRange: cell.range,
			cells: new Map(),
			valueCount: 0,
			extraCells: [],
			range: cell.range,
		};
		if (known && table.byKey.has(def.key)) table.duplicateRows.push(row);
		else {
			table.rows.push(row);
			if (known) table.byKey.set(def.key, row);
		}
		extendTable(table, cell.range);
		this.pending = { row, columns: table.def.columns, next: 0, physRow: cell.row, reliable: this.block.rowsReliable };
		return row;
	}

	private assign(p: Pending, cell: RawCell): void {
		const value = parseCellValue(cell.text);
		while (p.next < p.columns.length && p.columns[p.next].kind === 'text' && value.kind === 'number') p.next++;
		const column = p.columns[p.next];
		if (!column) return;
		p.next++;
		if (column.kind !== 'text') p.row.valueCount++;
		p.row.cells.set(column.key, {
			row: p.row.def.key,
			column: column.key,
			text: cell.text,
			range: cell.range,
			value,
			inferred: cell.inferred === true,
			...(cell.unwritable ? { unwritable: true } : {}),
		});
		if (cell.inferred) this.current!.inferred = true;
		extend(p.row, cell.range);
		extendTable(this.current!, cell.range);
		if (p.next >= p.columns.length) {
			this.pending = undefined;
			this.overflow = { row: p.row, physRow: p.physRow };
		}
	}

	private finishRow(): void {
		const p = this.pending;
		if (!p) return;
		this.pending = undefined;
		if (!p.row.known && p.row.valueCount === 0) {
			const t = this.current!;
			t.rows.splice(t.rows.indexOf(p.row), 1);
		}
	}
}

/**
 * How many things a reading would report about its tables: rows whose values do not fill their
 * columns, template rows not found, rows read twice; a table read without confidence is said
 * once. Of two readings of the same text, the one with fewer is the better.
 */
function defects(tables: BoundTable[]): number {
	let d = 0;
	for (const t of tables) {
		if (t.unreadable) {
			d += 1;
			continue;
		}
		const width = t.def.columns.filter((c) => c.kind !== 'text').length;
		for (const r of t.rows) if (!r.known || r.valueCount + r.extraCells.length !== width) d++;
		d += t.def.rows.filter((r) => r.kind !== 'group' && !r.optional && !t.byKey.has(r.key)).length;
		d += t.duplicateRows.length;
	}
	return d;
}

function isComplete(table: BoundTable): boolean {
	const dataRows = table.def.rows.filter((r) => r.kind !== 'group' && !r.optional);
	const last = dataRows[dataRows.length - 1];
	return last !== undefined && table.byKey.has(last.key);
}

function extend(row: BoundRow, r: Range): void {
	row.range = union(row.range, r);
}

function extendTable(table: BoundTable, r: Range): void {
	table.range = union(table.range, r);
}

const union = rangeUnion;

/**
 * Whether a row label outside the table being read starts its own table: always, for a table not
 * yet read; for one already read, only a label that is the template's, not a near miss (其他结, a
 * piece of 其他结果 that a box-drawn rule cut off, is no 3.其他).
 */
function opensTable(match: { table: TableDef; exact: boolean }, tables: BoundTable[]): boolean {
	return match.exact || !tables.some((t) => t.def === match.table && t.rows.length > 0);
}
