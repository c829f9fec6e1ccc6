import { cellKey, derivedCells, evaluate, formulaOf, ruleInstances, type Evaluation, type RuleInstance } from '../check/balance.ts';
import { formatValue } from '../read/cellValue.ts';
import type { Lang } from '../check/findings.ts';
import type { BoundCell, BoundTable, ReportModel } from '../model.ts';
import { columnName, rowName } from './names.ts';

/** How one cell takes part in a table's balance rules: the totals it is, and those it feeds. */
export interface CellRole {
	/** Rules whose target is this cell. */
	asTotal: Evaluation[];
	/** Rules that read this cell as a term (or a side of an equation). */
	asTerm: Evaluation[];
}

export function cellRole(model: ReportModel, table: BoundTable, cell: BoundCell): CellRole {
	const derived = derivedCells(model, table);
	const key = cellKey(cell);
	const role: CellRole = { asTotal: [], asTerm: [] };
	for (const inst of ruleInstances(model, table)) {
		if (inst.target && cellKey(inst.target) === key) role.asTotal.push(evaluate(inst, derived));
		else if ([...inst.terms, ...inst.right].some((c) => cellKey(c) === key)) role.asTerm.push(evaluate(inst, derived));
	}
	return role;
}

/** The name of a cell in a formula: its column when the sum runs along its row, else its row. */
export function cellLabel(table: BoundTable, cell: BoundCell, lang: Lang): string {
	const row = table.byKey.get(cell.row);
	return `${row ? rowName(row, lang) : cell.row} · ${columnName(table, cell.column, lang)}`;
}

function targetLabel(inst: RuleInstance, lang: Lang): string {
	const t = inst.target!;
	const table = inst.table;
	if (inst.terms.every((c) => c.row === t.row)) return columnName(table, t.column, lang);
	const row = table.byKey.get(t.row);
	const rowLabel = row ? rowName(row, lang) : t.row;
	if (inst.terms.every((c) => c.column === t.column)) return rowLabel;
	return `${rowLabel} · ${columnName(table, t.column, lang)}`;
}

/**
 * "总计 = 60 + 4 + 0 + 0 + 1 + 0 = 65" for a sum, "60 + 1 = 60 + 1 = 61" for an equation: the rule
 * written with the numbers the table actually holds.
 */
export function formulaText(ev: Evaluation, lang: Lang): string {
	const inst = ev.instance;
	if (inst.rule.kind === 'sum') {
		const head = `${targetLabel(inst, lang)} = ${formulaOf(inst.terms)}`;
		return 'expected' in ev ? `${head} = ${formatValue(ev.expected)}` : head;
	}
	const left = formulaOf(inst.terms);
	const right = formulaOf(inst.right);
	if (!('actual' in ev)) return `${left} = ${right}`;
	return ev.status === 'ok' ? `${left} = ${right} = ${formatValue(ev.actual)}` : `${left} = ${formatValue(ev.expected)} ≠ ${right} = ${formatValue(ev.actual)}`;
}

/** A short verdict: balances, or what the table holds against what it should. */
export function verdictText(ev: Evaluation, lang: Lang): string {
	const zh = lang === 'zh';
	switch (ev.status) {
		case 'ok':
			return zh ? '✓ 平衡' : '✓ balances';
		case 'mismatch':
			if (ev.instance.rule.kind === 'equation') return zh ? `✗ 不平衡，相差 ${formatValue(Math.abs(ev.expected - ev.actual))}` : `✗ does not balance, off by ${formatValue(Math.abs(ev.expected - ev.actual))}`;
			return zh ? `✗ 表中为 ${formatValue(ev.actual)}，应为 ${formatValue(ev.expected)}` : `✗ the table has ${formatValue(ev.actual)}, it should be ${formatValue(ev.expected)}`;
		case 'blank-target':
			return zh ? `✗ 未填写，应为 ${formatValue(ev.expected)}` : `✗ not filled in, it should be ${formatValue(ev.expected)}`;
		default:
			return zh ? '无法核对（有单元格不是数字）' : 'cannot be checked (a cell is not a number)';
	}
}

/** Balance state of one table: how many rules fail, out of how many could be checked. */
export function tableBalance(model: ReportModel, table: BoundTable): { checked: number; failing: number } {
	const derived = derivedCells(model, table);
	let checked = 0;
	let failing = 0;
	for (const inst of ruleInstances(model, table)) {
		const ev = evaluate(inst, derived);
		if (ev.status === 'unverifiable') continue;
		checked++;
		if (ev.status !== 'ok') failing++;
	}
	return { checked, failing };
}

export { tableFixEdits } from '../check/fix.ts';
