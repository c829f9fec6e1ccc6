import type { BoundCell, BoundTable, ReportModel } from '../model.ts';
import type { BalanceRule, CellRef } from '../templates/index.ts';

/**
 * Evaluates the template's balance rules on a report's bound tables. Checks, fixes and hovers
 * all read the same evaluation, so they cannot disagree about what a total should be.
 */

/** A rule applied to one table instance, with its cells resolved. */
export interface RuleInstance {
	rule: BalanceRule;
	table: BoundTable;
	/** Sum: the total; equation: undefined. */
	target?: BoundCell;
	/** Sum: the parts; equation: the left side. */
	terms: BoundCell[];
	/** Equation only: the right side. */
	right: BoundCell[];
	inferred: boolean;
}

export type Evaluation =
	| { status: 'ok'; instance: RuleInstance; expected: number; actual: number }
	| { status: 'mismatch'; instance: RuleInstance; expected: number; actual: number }
	| { status: 'blank-target'; instance: RuleInstance; expected: number }
	| { status: 'unverifiable'; instance: RuleInstance };

export function cellAt(table: BoundTable, ref: CellRef): BoundCell | undefined {
	return table.byKey.get(ref.row)?.cells.get(ref.column);
}

export function cellKey(c: { row: string; column: string }): string {
	return `${c.row}\u0000${c.column}`;
}

/** The rules that apply to a table instance: those whose every cell is present in it. */
export function ruleInstances(model: ReportModel, table: BoundTable): RuleInstance[] {
	return instancesOf(model.template.rules, table);
}

/** The given rules applied to a table instance (for a reader that weighs readings before the model is whole). */
export function instancesOf(rules: readonly BalanceRule[], table: BoundTable): RuleInstance[] {
	const out: RuleInstance[] = [];
	for (const rule of rules) {
		if (rule.table !== table.def.id) continue;
		if (rule.kind === 'sum') {
			const target = cellAt(table, rule.target);
			const terms = rule.terms.map((r) => cellAt(table, r));
			if (!target || terms.some((t) => !t)) continue;
			const cells = [target, ...(terms as BoundCell[])];
			out.push({ rule, table, target, terms: terms as BoundCell[], right: [], inferred: restsOnGuess(rule, table, cells) });
		} else {
			const left = rule.left.map((r) => cellAt(table, r));
			const right = rule.right.map((r) => cellAt(table, r));
			if (left.some((t) => !t) || right.some((t) => !t)) continue;
			const cells = [...(left as BoundCell[]), ...(right as BoundCell[])];
			out.push({ rule, table, terms: left as BoundCell[], right: right as BoundCell[], inferred: restsOnGuess(rule, table, cells) });
		}
	}
	return out;
}

/**
 * Whether a rule's verdict depends on a guess. A cell whose column is unknown (a row's number
 * whose blank neighbours the extraction dropped) does not make it one when the rule adds up
 * every such cell of its row: the sum is the same wherever the number stood.
 */
function restsOnGuess(rule: BalanceRule, table: BoundTable, cells: BoundCell[]): boolean {
	for (const c of cells) {
		if (!c.inferred || c.placedInOrder) continue;
		if (!c.columnUnknown || rule.kind !== 'sum') return true;
		const row = table.byKey.get(c.row);
		if (!row) return true;
		const items = new Set(rule.terms.filter((t) => t.row === c.row).map((t) => t.column));
		for (const other of row.cells.values()) if (other.columnUnknown && !items.has(other.column)) return true;
	}
	return false;
}

/** The cells of a table that some sum rule computes (totals); blank ones are not read as 0. */
export function derivedCells(model: ReportModel, table: BoundTable): Set<string> {
	return derivedOf(model.template.rules, table);
}

/**
 * A blank total whose items are all blank (a row left empty, as reports that leave zeros blank
 * print it) is no missing figure: it is none, and counts as 0 in the rules that add it up.
 */
export function derivedOf(rules: readonly BalanceRule[], table: BoundTable): Set<string> {
	const out = new Set<string>();
	const sums = rules.filter((r): r is Extract<BalanceRule, { kind: 'sum' }> => r.table === table.def.id && r.kind === 'sum');
	for (const rule of sums) out.add(cellKey(rule.target));
	const blank = (ref: CellRef) => {
		const c = cellAt(table, ref);
		return c !== undefined && c.value.kind === 'blank' && !c.value.notes.includes('placeholder');
	};
	// Empty totals of empty totals (a group's total over empty rows) too: until nothing changes.
	for (let changed = true; changed; ) {
		changed = false;
		for (const rule of sums) {
			const key = cellKey(rule.target);
			if (!out.has(key) || !blank(rule.target)) continue;
			if (!rule.terms.every((t) => blank(t) && !out.has(cellKey(t)))) continue;
			// Every sum that computes this cell must find its items empty.
			if (sums.some((o) => cellKey(o.target) === key && !o.terms.every((t) => blank(t) && !out.has(cellKey(t))))) continue;
			out.delete(key);
			changed = true;
		}
	}
	return out;
}

/**
 * Values that stand in for what cells hold, by cellKey: a repair being tried, or the totals a
 * fix-all has already written. Evaluating with them is evaluating the table as it would read.
 */
export type Overrides = ReadonlyMap<string, number>;

const NONE: Overrides = new Map();

/** A term's value: a blank input counts as 0; a blank total or an unreadable cell has no value. */
export function termValue(cell: BoundCell, derived: Set<string>, overrides: Overrides = NONE): number | undefined {
	// (No key is built to look up where nothing overrides: most evaluations have no overrides.)
	const over = overrides.size === 0 ? undefined : overrides.get(cellKey(cell));
	if (over !== undefined) return over;
	if (cell.value.kind === 'number') return cell.value.value!;
	if (cell.value.kind === 'blank' && !derived.has(cellKey(cell))) return 0;
	return undefined;
}

export function sumOf(cells: BoundCell[], derived: Set<string>, overrides: Overrides = NONE): number | undefined {
	let total = 0;
	for (const c of cells) {
		const v = termValue(c, derived, overrides);
		if (v === undefined) return undefined;
		total += v;
	}
	return roundSum(total);
}

/** Sums of decimal amounts (万元) are rounded to the cent's precision of the inputs. */
export function roundSum(n: number): number {
	return Math.round(n * 1e6) / 1e6;
}

export function evaluate(instance: RuleInstance, derived: Set<string>, overrides: Overrides = NONE): Evaluation {
	if (instance.rule.kind === 'sum') {
		const expected = sumOf(instance.terms, derived, overrides);
		if (expected === undefined) return { status: 'unverifiable', instance };
		const target = instance.target!;
		const over = overrides.size === 0 ? undefined : overrides.get(cellKey(target));
		if (over === undefined && target.value.kind === 'blank') return { status: 'blank-target', instance, expected };
		if (over === undefined && target.value.kind !== 'number') return { status: 'unverifiable', instance };
		const actual = over ?? target.value.value!;
		return { status: Math.abs(actual - expected) < 1e-9 ? 'ok' : 'mismatch', instance, expected, actual };
	}
	const left = sumOf(instance.terms, derived, overrides);
	const right = sumOf(instance.right, derived, overrides);
	if (left === undefined || right === undefined) return { status: 'unverifiable', instance };
	return { status: Math.abs(left - right) < 1e-9 ? 'ok' : 'mismatch', instance, expected: left, actual: right };
}

/**
 * A blank total that misses nothing: it says none (—, /, 无) over items that add up to none, or
 * its whole row is empty. No finding asks for it and no fix writes it.
 */
export function isEmptyTotal(ev: Evaluation): boolean {
	if (ev.status !== 'blank-target' || ev.expected !== 0) return false;
	const target = ev.instance.target!;
	return target.value.notes.includes('placeholder') || ev.instance.terms.every((c) => c.value.kind === 'blank');
}

/** "60 + 4 + 0 + 0 + 1 + 0", blanks shown as 0. */
export function formulaOf(cells: BoundCell[]): string {
	// A blank whose column is unknown is no cell of the text: only the row's numbers are shown.
	const shown = cells.filter((c) => !(c.columnUnknown && c.value.kind !== 'number'));
	if (shown.length === 0) return '0';
	return shown.map((c) => (c.value.kind === 'number' ? String(c.value.value) : '0')).join(' + ');
}
