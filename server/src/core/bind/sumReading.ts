import { parseCellValue } from '../read/cellValue.ts';
import { comparePositions, rangeUnion } from '../read/text.ts';
import type { BoundCell, BoundRow, BoundTable } from '../model.ts';
import { diagnoseWith, type TableDiagnosis } from '../check/locate.ts';
import { cellKey, roundSum } from '../check/balance.ts';
import type { BalanceRule, RowDef, TableDef } from '../templates/index.ts';
import { emptyOrderRead, type TableStream } from './orderReading.ts';

/**
 * Plain `pdftotext` of a table whose page leaves input cells blank where they are zero writes each
 * row's numbers in the page's order but drops its blanks, and may put the row labels anywhere:
 * neither the labels nor the count of numbers say where one row's numbers end. The rows' own sums
 * do: a row's last number is its total, the sum of the numbers before it (a row of one number is
 * a total over blank items; a row of none is empty). Cutting the table's numbers, in order, into
 * its rows so that every row adds up but one at most, the cut is taken where every such cut tells
 * the same story — the table balances, or the same one cell is wrong — and where the table's rules
 * over its totals (which the cut places, the column of each total being known) agree: they all
 * hold, or their failures meet in that one cell, or the one row that fails has its total vouched.
 * Each row's total is then placed (by the sums, a reading lowered and never fixed); its items keep
 * an unknown column. The table stays said unreadable: the items' columns are still unknown.
 */

/** Distinct likeliest cuts, beyond which there is no telling which one the page had. */
const MAX_CUTS = 16;

/** A row's share of the numbers: values[start, end). */
interface Run {
	start: number;
	end: number;
}

interface Cut {
	/** Rows that do not add up. */
	fails: number;
	/** What the cut says of each row: its run, or that the row is empty or all zeros (where its run does not matter). */
	key: string;
	runs: Run[];
}

/** The table read from its rows' sums, or undefined where the sums do not tell one reading. */
export function readBySums(stream: TableStream<TableDef>, parts: BoundTable[], rules: readonly BalanceRule[]): BoundTable | undefined {
	const def = stream.def;
	if (parts.length > 0 && !parts.some((t) => t.unreadable)) return undefined;
	const columns = def.columns.filter((c) => c.kind !== 'text');
	const width = columns.length;
	if (width < 2 || def.unlabeledRow) return undefined;
	const last = columns[width - 1];
	const rows = def.rows.filter((r) => r.kind !== 'group' && (!r.optional || stream.labels.has(r.key)));
	if (rows.length < 2 || !rows.every((r) => addsUpItsRow(r, columns, rules, def))) return undefined;
	const values: number[] = [];
	for (const v of stream.values) {
		const value = parseCellValue(v.text);
		if (value.kind !== 'number') return undefined;
		values.push(value.value!);
	}
	if (values.length === 0) return undefined;
	const cuts = cutsOf(values, rows.map((r) => labelPlace(stream, r.key)), width);
	if (!cuts || cuts.length === 0) return undefined;
	let verdict: string | undefined;
	let chosen: BoundTable | undefined;
	for (const cut of cuts) {
		const table = build(stream, parts, rows, columns, cut.runs);
		const d = diagnoseWith(rules, table);
		const says = verdictOf(d, cut, last.key);
		if (says === undefined || (verdict !== undefined && says !== verdict)) return undefined;
		verdict = says;
		chosen ??= table;
	}
	if (!chosen) return undefined;
	const count = stream.values.length;
	chosen.inferredWhy = {
		zh: `的行标签与数值被分开提取，且空白单元格未留下；${count} 个数值按原文顺序、以各行“总计等于各项之和”切分到 ${rows.length} 行，只有这一种切分方式说得通；各行总计据此推定，各项所在的列无法确定`,
		en: `row labels were extracted apart from the numbers and blank cells were dropped; its ${count} numbers were cut into its ${rows.length} rows in the order of the text by each row's sum (its total the sum of its items), and only that cut makes sense: each row's total was placed so, its items' columns cannot be known`,
	};
	return chosen;
}

/** How many of the stream's numbers come before the row's label, where a label of it was read. */
function labelPlace(stream: TableStream<TableDef>, key: string): number | undefined {
	const label = stream.labels.get(key)?.[0];
	if (!label) return undefined;
	let count = 0;
	for (const v of stream.values) if (comparePositions(v.range.start, label.range.start) < 0) count++;
	return count;
}

/** Whether the row has the sum that makes its last column the total of all the others. */
function addsUpItsRow(row: RowDef, columns: TableDef['columns'], rules: readonly BalanceRule[], def: TableDef): boolean {
	const last = columns[columns.length - 1].key;
	return rules.some((r) => {
		if (r.kind !== 'sum' || r.table !== def.id || r.target.row !== row.key || r.target.column !== last) return false;
		const items = new Set(r.terms.filter((t) => t.row === row.key).map((t) => t.column));
		return r.terms.length === columns.length - 1 && items.size === columns.length - 1 && columns.every((c) => c.key === last || items.has(c.key));
	});
}

/** Whether a row's run of numbers adds up: none, a lone 0, or a last number that is the sum of the others. */
function addsUp(values: number[], start: number, end: number): boolean {
	if (end === start) return true;
	let sum = 0;
	for (let i = start; i < end - 1; i++) sum += values[i];
	return Math.abs(roundSum(sum) - values[end - 1]) < 1e-9;
}

/**
 * The cuts of the numbers into the rows that are likeliest: fewest rows that do not add up (one at
 * most), then each row's numbers nearest its label (`at[r]`: how many numbers come before row r's
 * label in the text; none where no label was read). Distinct in what they say; undefined when
 * there are too many to tell apart.
 */
function cutsOf(values: number[], labelAt: Array<number | undefined>, width: number): Cut[] | undefined {
	const n = values.length;
	const rowCount = labelAt.length;
	if (n > rowCount * width) return undefined;
	// Cost of a suffix: rows that fail × BIG + the numbers' distance from their labels.
	const BIG = (n + 1) * (rowCount + 1);
	const INF = Number.POSITIVE_INFINITY;
	const stepCost = (row: number, at: number, end: number) => (addsUp(values, at, end) ? 0 : BIG) + Math.abs(at - (labelAt[row] ?? at));
	// best[row][at]: the least cost of cutting values[at..] into rows row.. with one failing row at most.
	const best: Float64Array[] = [];
	for (let r = 0; r <= rowCount; r++) best.push(new Float64Array(n + 1).fill(INF));
	best[rowCount][n] = 0;
	for (let r = rowCount - 1; r >= 0; r--) {
		for (let at = n; at >= 0; at--) {
			let least = INF;
			for (let end = at; end <= Math.min(n, at + width); end++) {
				const rest = best[r + 1][end];
				if (rest === INF) continue;
				const cost = stepCost(r, at, end) + rest;
				if (cost < 2 * BIG && cost < least) least = cost;
			}
			best[r][at] = least;
		}
	}
	if (best[0][0] === INF) return [];
	// A row whose numbers are all zeros says the same wherever its run starts and ends.
	const zeroRun = (s: number, e: number) => {
		for (let i = s; i < e; i++) if (values[i] !== 0) return false;
		return true;
	};
	const out: Cut[] = [];
	const seen = new Set<string>();
	let visits = 0;
	const walk = (r: number, at: number, budget: number, runs: Run[], fails: number, key: string): boolean => {
		if (++visits > MAX_VISITS) return false;
		if (r === rowCount) {
			if (at !== n || seen.has(key)) return true;
			seen.add(key);
			out.push({ fails, key, runs: [...runs] });
			return out.length <= MAX_CUTS;
		}
		for (let end = at; end <= Math.min(n, at + width); end++) {
			const rest = best[r + 1][end];
			if (rest === INF) continue;
			const step = stepCost(r, at, end);
			if (step + rest !== budget) continue;
			runs.push({ start: at, end });
			const ok = walk(r + 1, end, rest, runs, fails + (step >= BIG ? 1 : 0), key + (zeroRun(at, end) ? 'z;' : `${at}-${end};`));
			runs.pop();
			if (!ok) return false;
		}
		return true;
	};
	return walk(0, 0, best[0][0], [], 0, '') ? out : undefined;
}

/** Steps of the walk over the likeliest cuts, beyond which they are too many to tell apart. */
const MAX_VISITS = 20_000;

/**
 * What a cut says, when its rules agree with it: 'ok' (everything holds), the one cell they locate
 * and its value, or the one row that does not add up over totals that the other rules vouch for.
 * Undefined when the rules do not agree (the cut is no reading of this table).
 */
function verdictOf(d: TableDiagnosis, cut: Cut, totalKey: string): string | undefined {
	if (d.failing.length === 0) return cut.fails === 0 ? 'ok' : undefined;
	if (d.repairs.length === 1) return `cell ${cellKey(d.repairs[0].cell)} ${d.repairs[0].value}`;
	// The one failing rule is a row's own sum, over a total the rules down the totals' column hold with.
	if (d.failing.length === 1 && cut.fails === 1) {
		const inst = d.failing[0].instance;
		if (inst.target && inst.target.column === totalKey && inst.terms.every((t) => t.row === inst.target!.row)) return `row ${inst.target.row}`;
	}
	return undefined;
}

function build(stream: TableStream<TableDef>, parts: BoundTable[], rows: RowDef[], columns: TableDef['columns'], runs: Run[]): BoundTable {
	const first = stream.values[0].range;
	// (The table the aligner read knows where its title stood; the stream only where its first evidence did.)
	const anchor = parts.length > 0 ? parts.find((p) => p.anchorRange)?.anchorRange : stream.anchor;
	let range = anchor ? span(anchor, first) : first;
	if (parts[0]) range = span(parts[0].range, range);
	const table = emptyOrderRead(stream.def, range, anchor);
	// The items' columns are still not known: the table is said unreadable, as before.
	table.unreadable = parts.find((p) => p.unreadable)?.unreadable ?? {
		zh: '行标签与数值被分开提取，且空白单元格未留下，各项所在的列无法确定',
		en: 'row labels were extracted apart from the numbers and blank cells were dropped, so which column each item is in cannot be known',
	};
	const totalKey = columns[columns.length - 1].key;
	rows.forEach((def, i) => {
		const run = runs[i];
		const cells = stream.values.slice(run.start, run.end);
		const labelCells = stream.labels.get(def.key);
		const partRow = parts.flatMap((p) => p.rows).find((r) => r.def.key === def.key && r.known);
		const labelRange = labelCells?.[0].range ?? partRow?.labelRange ?? (cells[0] ?? stream.values[Math.min(run.start, stream.values.length - 1)]).range;
		const row: BoundRow = {
			def,
			known: true,
			labelText: labelCells?.map((c) => c.text).join('') ?? partRow?.labelText ?? def.label,
			labelRange,
			cells: new Map(),
			valueCount: columns.length,
			extraCells: [],
			range: cells.length > 0 ? span(cells[0].range, cells[cells.length - 1].range) : labelRange,
		};
		const at = (cells[cells.length - 1] ?? { range: labelRange }).range.end;
		const blank = (column: string, unknown: boolean): BoundCell => ({ row: def.key, column, text: '', range: { start: at, end: at }, value: parseCellValue(''), inferred: unknown, ...(unknown ? { columnUnknown: true } : {}) });
		const total = cells[cells.length - 1];
		columns.forEach((column, k) => {
			if (column.key === totalKey) {
				row.cells.set(column.key, total ? { row: def.key, column: column.key, text: total.text, range: total.range, value: parseCellValue(total.text), inferred: true, placedInOrder: true } : blank(column.key, false));
				return;
			}
			const item = cells.length > 1 && k < cells.length - 1 ? cells[k] : undefined;
			// An empty row's items are blank, wherever its columns stood: nothing of it is unknown.
			if (!total) row.cells.set(column.key, blank(column.key, false));
			else row.cells.set(column.key, item ? { row: def.key, column: column.key, text: item.text, range: item.range, value: parseCellValue(item.text), inferred: true, columnUnknown: true } : blank(column.key, true));
		});
		table.rows.push(row);
		table.byKey.set(def.key, row);
		table.range = span(table.range, row.range);
	});
	return table;
}

const span = rangeUnion;
