import { parseCellValue } from '../read/cellValue.ts';
import type { RawCell, TableBlock } from '../read/layout/types.ts';
import { rangeUnion, type Range } from '../read/text.ts';
import type { BoundRow, BoundTable } from '../model.ts';
import { diagnoseWith } from '../check/locate.ts';
import type { BalanceRule, RowDef, TableDef } from '../templates/index.ts';

/**
 * Plain `pdftotext` (no -layout) writes every cell on a line of its own in the order the page
 * draws them: row by row, left to right, for the numbers; but a row label that wraps over several
 * lines is drawn as a block of its own, and comes out before, after or far from its numbers
 * (（二）部分公开 printed above the numbers of （一）予以公开, or a column of nine labels after the
 * numbers they name). Labels then say nothing about which numbers are a row's, while the numbers
 * keep the table's order. Where a table's numbers are exactly as many as its rows have cells, they
 * are placed row by row in that order; the placing stands only when the table's sums vouch for it
 * (every rule holds, or the failing ones meet in one cell), since sums are what a misplacing
 * breaks. The cells stay inferred: what their rules find is lowered to a warning, and nothing is fixed.
 */

/** A table's share of a block's token stream: its numbers in order, and the labels the aligner gave its rows. */
export interface TableStream<Def extends TableDef | undefined = TableDef | undefined> {
	/** Undefined for numbers before any table's evidence in their block: they continue the share before them. */
	def: Def;
	values: RawCell[];
	labels: Map<string, RawCell[]>;
	/** Where the table's anchor (its title, or a header only it prints) stood. */
	anchor?: Range;
}

/** Value tokens on lines laid out in columns (cells apart by runs of spaces), up to which share the text keeps no columns. */
const LAID_OUT = 0.2;

/**
 * Whether the block is text that keeps no columns (plain pdftotext: a cell a line, or a row's
 * numbers one space apart), not text laid out as on the page (pdftotext -layout), whose rows
 * stand beside their labels.
 */
export function keepsNoColumns(block: TableBlock, isValue: (text: string) => boolean): boolean {
	const byLine = new Map<number, RawCell[]>();
	for (const c of block.cells) {
		const line = byLine.get(c.range.start.line);
		if (line) line.push(c);
		else byLine.set(c.range.start.line, [c]);
	}
	let values = 0;
	let laidOut = 0;
	for (const cells of byLine.values()) {
		const gapped = cells.some((c, k) => k > 0 && c.range.start.character - cells[k - 1].range.end.character >= 2);
		for (const c of cells) {
			if (!isValue(c.text)) continue;
			values++;
			if (gapped) laidOut++;
		}
	}
	return values > 0 && laidOut <= LAID_OUT * values;
}

/**
 * The shares of one table that follow each other across blocks (a table the extraction cut where
 * a line looked like prose) make one stream; a share of another table between them ends it.
 */
export function joinStreams(streams: Array<TableStream | undefined>): Array<TableStream<TableDef>> {
	const out: Array<TableStream<TableDef>> = [];
	let last: TableStream<TableDef> | undefined;
	for (const s of streams) {
		// (A block of another layout between two shares parts them.)
		if (!s) {
			last = undefined;
			continue;
		}
		if (!s.def) {
			last?.values.push(...s.values);
			continue;
		}
		if (last && last.def === s.def) {
			last.values.push(...s.values);
			for (const [key, label] of s.labels) if (!last.labels.has(key)) last.labels.set(key, label);
			last.anchor ??= s.anchor;
		} else out.push((last = { def: s.def, values: [...s.values], labels: new Map(s.labels), anchor: s.anchor }));
	}
	return out;
}

/** Whether the aligner read every row of the table, each with its label and a number in every column. */
function readWhole(parts: BoundTable[]): boolean {
	if (parts.length !== 1) return false;
	const [table] = parts;
	if (table.unreadable || table.inferred) return false;
	const width = valueColumns(table.def).length;
	return table.def.rows.every((r) => r.kind === 'group' || r.optional || (table.byKey.get(r.key)?.valueCount === width && table.byKey.get(r.key)!.extraCells.length === 0));
}

/**
 * The table read from its numbers' order, when the aligner could not read it whole and the
 * numbers fill its rows exactly and its sums vouch for the placing; undefined otherwise.
 */
export function readInOrder(stream: TableStream<TableDef>, parts: BoundTable[], rules: readonly BalanceRule[]): BoundTable | undefined {
	if (readWhole(parts)) return undefined;
	const columns = valueColumns(stream.def);
	// A table of one row has only the order to go by anyway (and judgeValueOrder weighs it).
	if (columns.length === 0 || stream.def.unlabeledRow) return undefined;
	const rows = rowsFilled(stream.def, stream.values.length, columns.length);
	// Sums are what vouch for the order: a table of one row has no sum across rows to vouch for it.
	if (!rows || rows.length < 2) return undefined;
	// Every token a number or a placeholder for none (—): a word among them is no cell of this table.
	if (stream.values.some((v) => { const value = parseCellValue(v.text); return value.kind !== 'number' && !value.notes.includes('placeholder'); })) return undefined;
	const table = build(stream, rows, columns);
	const d = diagnoseWith(rules, table);
	// Nor has a table with no rule to weigh.
	if (d.evaluations.length === 0) return undefined;
	const failing = d.failing.length;
	if (failing > 0 && d.repairs.length !== 1) return undefined;
	const zh = `的行标签与数值被分开提取，${stream.values.length} 个数值恰好按原文顺序逐行填满 ${rows.length} 行，${failing === 0 ? '各项合计均相符' : '除一个单元格外各项合计均相符'}；数值按其顺序推定`;
	const en = `row labels were extracted apart from the numbers; its ${stream.values.length} numbers fill its ${rows.length} rows exactly in the order of the text, and ${failing === 0 ? 'every sum holds' : 'every sum holds but those through one cell'}, so the numbers were placed by their order`;
	table.inferredWhy = { zh, en };
	return table;
}

function valueColumns(def: TableDef): TableDef['columns'] {
	return def.columns.filter((c) => c.kind !== 'text');
}

/** The template's rows whose cells the numbers fill exactly: the required rows, or all of them; one way only. */
function rowsFilled(def: TableDef, count: number, width: number): RowDef[] | undefined {
	const all = def.rows.filter((r) => r.kind !== 'group');
	const required = all.filter((r) => !r.optional);
	const fits = [required, ...(required.length < all.length ? [all] : [])].filter((rows) => rows.length * width === count);
	return fits.length === 1 && fits[0].length > 0 ? fits[0] : undefined;
}

function build(stream: TableStream<TableDef>, rows: RowDef[], columns: TableDef['columns']): BoundTable {
	const first = stream.values[0].range;
	const table = emptyOrderRead(stream.def, stream.anchor ? span(stream.anchor, first) : first, stream.anchor);
	rows.forEach((def, i) => {
		const values = stream.values.slice(i * columns.length, (i + 1) * columns.length);
		const label = stream.labels.get(def.key) ?? [];
		const labelRange = label.length > 0 ? span(label[0].range, label[label.length - 1].range) : values[0].range;
		const row: BoundRow = {
			def,
			known: true,
			labelText: label.map((c) => c.text).join(''),
			labelRange: label.length > 0 ? label[0].range : labelRange,
			cells: new Map(),
			valueCount: columns.length,
			extraCells: [],
			range: span(values[0].range, values[values.length - 1].range),
		};
		columns.forEach((column, k) => {
			const cell = values[k];
			row.cells.set(column.key, { row: def.key, column: column.key, text: cell.text, range: cell.range, value: parseCellValue(cell.text), inferred: true, placedInOrder: true });
		});
		table.rows.push(row);
		table.byKey.set(def.key, row);
		table.range = span(table.range, row.range);
	});
	return table;
}

/** A table of the text extracted from a PDF, read from its numbers' order (or its rows' sums), with no rows yet: its cells inferred, its findings lowered, never fixed. */
export function emptyOrderRead(def: TableDef, range: Range, anchor: Range | undefined): BoundTable {
	return { def, layout: 'pdf-text', range, anchorRange: anchor, rows: [], byKey: new Map(), headers: [], duplicateRows: [], inferred: true, readInOrder: true };
}

const span = rangeUnion;
