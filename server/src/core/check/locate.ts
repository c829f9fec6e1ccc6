import { cellKey, derivedCells, derivedOf, evaluate, instancesOf, roundSum, ruleInstances, termValue, type Evaluation, type Overrides, type RuleInstance } from './balance.ts';
import type { BoundCell, BoundTable, ReportModel } from '../model.ts';
import type { BalanceRule } from '../templates/index.ts';

/**
 * Locates a wrong cell from a table's balance rules. The tables are redundant: almost every cell
 * is in a row rule and a column rule, so one mistyped cell makes exactly the rules through it
 * fail, and it is the one cell those rules share. Putting back the value one failing rule asks
 * for must make every rule hold; a cell where that is so is a repair. One repair is a located
 * error (certain enough to fix on save); several are alternatives the user picks from. Two
 * mistakes are located the same way when exactly one pair of cells explains every failure.
 */

/** One cell changed to one value. */
export interface Repair {
	cell: BoundCell;
	value: number;
	/** The cell's value now (a blank input reads as 0). */
	actual: number;
}

export interface TableDiagnosis {
	table: BoundTable;
	derived: Set<string>;
	/** Every rule instance of the table with its evaluation, in template order. */
	evaluations: Evaluation[];
	/** The rules that fail (a blank total is not a failure: it has its own fill-in fix). */
	failing: Evaluation[];
	/** Single-cell repairs after which no rule of the table fails; empty when none fails. */
	repairs: Repair[];
}

/**
 * The wrong cells the rules locate: the one single-cell repair when there is exactly one; when
 * no single cell explains the failures, the one pair of cells that does (two mistakes in
 * different rows and columns), if exactly one pair does. Otherwise nothing is located.
 */
export function locatedRepairs(d: TableDiagnosis, overrides: Overrides = new Map()): Repair[] | undefined {
	if (d.repairs.length === 1) return d.repairs;
	if (d.repairs.length > 1 || d.failing.length === 0) return undefined;
	const pairs = pairRepairs(d, overrides);
	return pairs.length === 1 ? pairs[0] : undefined;
}

/**
 * Pairs of cells that together explain every failure: each failing rule goes through one of
 * them, each value is solved from a failing rule that goes through it alone, and with both
 * changed no rule fails.
 */
function pairRepairs(d: TableDiagnosis, overrides: Overrides): Repair[][] {
	const failing = d.failing.map((e) => e.instance);
	const out: Repair[][] = [];
	const seen = new Set<string>();
	const firstCells = new Map<string, BoundCell>();
	for (const inst of failing) for (const c of uniqueCells(inst)) firstCells.set(cellKey(c), c);
	for (const c1 of firstCells.values()) {
		const rest = failing.filter((i) => coefficient(i, c1) === 0);
		if (rest.length === 0) continue;
		for (const c2 of uniqueCells(rest[0])) {
			const pairKey = [cellKey(c1), cellKey(c2)].sort().join('\u0001');
			if (seen.has(pairKey) || !rest.every((i) => coefficient(i, c2) !== 0)) continue;
			seen.add(pairKey);
			const alone1 = failing.find((i) => coefficient(i, c1) !== 0 && coefficient(i, c2) === 0);
			if (!alone1) continue;
			const r1 = solve(d, overrides, alone1, c1);
			const r2 = solve(d, overrides, rest[0], c2);
			if (!r1 || !r2) continue;
			const tried = new Map(overrides);
			tried.set(cellKey(c1), r1.value);
			tried.set(cellKey(c2), r2.value);
			const fails = d.evaluations.some((e) => (coefficient(e.instance, c1) !== 0 || coefficient(e.instance, c2) !== 0) && evaluate(e.instance, d.derived, tried).status === 'mismatch');
			if (!fails) out.push([r1, r2]);
		}
	}
	return out;
}

/** Whether a repair on its own leaves a rule failing that holds now (a pair's half can, where the two mistakes cancel out). */
export function breaksAlone(d: TableDiagnosis, repair: Repair, overrides: Overrides = new Map()): boolean {
	const held = new Set(d.evaluations.filter((e) => e.status === 'ok').map((e) => e.instance));
	return breaks(d, overrides, repair, (inst) => held.has(inst));
}

/** Whether a rule goes through a cell. */
export function goesThrough(inst: RuleInstance, cell: BoundCell): boolean {
	return coefficient(inst, cell) !== 0;
}

export function diagnoseTable(model: ReportModel, table: BoundTable, overrides: Overrides = new Map()): TableDiagnosis {
	return diagnoseWith(model.template.rules, table, overrides);
}

/** diagnoseTable with the given rules (for a reader that weighs a reading before the model is whole). */
export function diagnoseWith(rules: readonly BalanceRule[], table: BoundTable, overrides: Overrides = new Map()): TableDiagnosis {
	const derived = derivedOf(rules, table);
	// In a table said unreadable, a rule that rests on a guessed cell is no evidence for locating a
	// cell: only the rules whose verdict holds however the guess went are weighed (see guessedEvaluations).
	const evaluations = instancesOf(rules, table)
		.filter((inst) => !table.unreadable || !inst.inferred)
		.map((inst) => evaluate(inst, derived, overrides));
	const failing = evaluations.filter((e) => e.status === 'mismatch');
	const d: TableDiagnosis = { table, derived, evaluations, failing, repairs: [] };
	if (failing.length === 0) return d;
	const first = failing[0].instance;
	for (const cell of uniqueCells(first)) {
		if (!failing.every((e) => coefficient(e.instance, cell) !== 0)) continue;
		const repair = solve(d, overrides, first, cell);
		if (repair && !breaks(d, overrides, repair, () => true)) d.repairs.push(repair);
	}
	return d;
}

/** In a table said unreadable, the rules that rest on guessed cells, evaluated apart (reported lowered, never located or fixed). */
export function guessedEvaluations(model: ReportModel, table: BoundTable): Evaluation[] {
	if (!table.unreadable) return [];
	const derived = derivedCells(model, table);
	// A rule over a number whose column is unknown tests only where the reader happened to put it: no guess worth showing.
	const cellsOf = (inst: RuleInstance) => [...(inst.target ? [inst.target] : []), ...inst.terms, ...inst.right];
	const placedAnywhere = (inst: RuleInstance) => cellsOf(inst).some((c) => c.columnUnknown);
	// Nor a rule down a column (a column's total, an identity): in a table said unreadable, which
	// column a number stands in is the guess itself. Only a row's own sum over all its numbers is
	// shown, as its notice says — a sum over some of them (行政复议's four items and its 总计 among
	// the fifteen cells of Table 4) is as much a guess as a column's. (A table of one value column
	// has no column to guess.)
	const valueColumns = table.def.columns.filter((c) => c.kind !== 'text');
	const oneColumn = valueColumns.length === 1;
	const wholeRow = (inst: RuleInstance) => {
		const cells = cellsOf(inst);
		const columns = new Set(cells.map((c) => c.column));
		return cells.every((c) => c.row === cells[0].row) && valueColumns.every((c) => columns.has(c.key));
	};
	// And the numbers must be known to be one row's: side by side on one line, as the page prints a
	// row. Where each number is a line of its own (plain pdftotext), the reader dealt them to rows by
	// their order, and a row's "sum" may take numbers of the rows around it.
	const oneLine = (inst: RuleInstance) => cellsOf(inst).every((c, _, all) => c.range.start.line === all[0].range.start.line);
	return ruleInstances(model, table)
		.filter((inst) => inst.inferred && !placedAnywhere(inst) && (oneColumn || (wholeRow(inst) && oneLine(inst))))
		.map((inst) => evaluate(inst, derived));
}

/**
 * The single-cell changes that make one failing rule hold without making a rule fail that holds
 * now: what can be offered when no one cell explains every failure (two mistakes, say).
 */
export function ruleRepairs(d: TableDiagnosis, failing: Evaluation, overrides: Overrides = new Map()): Repair[] {
	const out: Repair[] = [];
	for (const cell of uniqueCells(failing.instance)) {
		const repair = solve(d, overrides, failing.instance, cell);
		if (!repair) continue;
		const held = new Set(d.evaluations.filter((e) => e.status !== 'mismatch').map((e) => e.instance));
		if (!breaks(d, overrides, repair, (inst) => held.has(inst) || inst === failing.instance)) out.push(repair);
	}
	return out;
}

/** The cell's value that makes `inst` hold, if the cell may be changed and the value is a count or amount. */
function solve(d: TableDiagnosis, overrides: Overrides, inst: RuleInstance, cell: BoundCell): Repair | undefined {
	if (cell.inferred && !cell.placedInOrder) return undefined;
	const coef = coefficient(inst, cell);
	const actual = termValue(cell, d.derived, overrides);
	if (coef === 0 || actual === undefined) return undefined;
	// A rule through the cell that rests on guessed cells cannot vouch for the repair.
	if (d.evaluations.some((e) => e.instance.inferred && coefficient(e.instance, cell) !== 0)) return undefined;
	const residual = residualOf(inst, d.derived, overrides);
	if (residual === undefined) return undefined;
	const value = roundSum(actual - residual / coef);
	if (!Number.isFinite(value) || value < 0 || Math.abs(value - actual) < 1e-9) return undefined;
	return { cell, value, actual };
}

/** Whether the repair leaves a rule failing among those `counts` selects (and that go through the cell). */
function breaks(d: TableDiagnosis, overrides: Overrides, repair: Repair, counts: (inst: RuleInstance) => boolean): boolean {
	const tried = new Map(overrides);
	tried.set(cellKey(repair.cell), repair.value);
	for (const e of d.evaluations) {
		if (!counts(e.instance) || coefficient(e.instance, repair.cell) === 0) continue;
		if (evaluate(e.instance, d.derived, tried).status === 'mismatch') return true;
	}
	return false;
}

/** The rule as Σ coefficient × value = 0: a sum's target +1 and its terms −1; an equation's left +1, right −1. */
function coefficient(inst: RuleInstance, cell: BoundCell): number {
	// The same cell as cellKey tells it (row and column keys hold no NUL), without building keys.
	const { row, column } = cell;
	let c = 0;
	if (inst.target && inst.target.row === row && inst.target.column === column) c += 1;
	for (const t of inst.terms) if (t.row === row && t.column === column) c += inst.rule.kind === 'sum' ? -1 : 1;
	for (const t of inst.right) if (t.row === row && t.column === column) c -= 1;
	return c;
}

function residualOf(inst: RuleInstance, derived: Set<string>, overrides: Overrides): number | undefined {
	const ev = evaluate(inst, derived, overrides);
	if (ev.status !== 'mismatch' && ev.status !== 'ok') return undefined;
	// Sum: actual total − Σ terms; equation: left − right. Both are Σ coefficient × value.
	return inst.rule.kind === 'sum' ? ev.actual - ev.expected : ev.expected - ev.actual;
}

/** The rule's cells, each once, target first. */
export function uniqueCells(inst: RuleInstance): BoundCell[] {
	const seen = new Set<string>();
	const out: BoundCell[] = [];
	for (const c of [...(inst.target ? [inst.target] : []), ...inst.terms, ...inst.right]) {
		const k = cellKey(c);
		if (seen.has(k)) continue;
		seen.add(k);
		out.push(c);
	}
	return out;
}
