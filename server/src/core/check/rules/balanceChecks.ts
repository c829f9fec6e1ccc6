import { derivedCells, evaluate, formulaOf, ruleInstances, type RuleInstance } from '../balance.ts';
import { formatValue } from '../../read/cellValue.ts';
import { CODES, message, type Finding, type Lang, type Severity } from '../findings.ts';
import type { BoundCell, BoundTable, ReportModel } from '../../model.ts';
import { columnName, rowName } from '../../features/names.ts';

/** Balance (勾稽关系) findings: wrong totals, blank totals and identities that fail. */
export function balanceFindings(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	for (const table of model.tables) {
		const derived = derivedCells(model, table);
		const blankReported = new Set<BoundCell>();
		for (const inst of ruleInstances(model, table)) {
			const ev = evaluate(inst, derived);
			if (ev.status === 'ok' || ev.status === 'unverifiable') continue;
			const names = namesOf(model, inst, lang);
			if (inst.rule.kind === 'equation') {
				if (ev.status !== 'mismatch') continue;
				const anchor = inst.right[inst.right.length - 1];
				out.push({
					code: inst.rule.code,
					severity: lowered(CODES[inst.rule.code].severity, inst.inferred),
					message: message(inst.rule.code, lang, {
						column: names.column,
						left: formatValue(ev.expected),
						right: formatValue(ev.actual),
						leftFormula: formulaOf(inst.terms),
						rightFormula: formulaOf(inst.right),
						difference: formatValue(Math.abs(ev.expected - ev.actual)),
					}),
					range: anchor.range,
					related: [...inst.terms, ...inst.right].map((c) => related(table, c, lang)),
					data: { rule: inst.rule.id, left: ev.expected, right: ev.actual, inferred: inst.inferred },
				});
				continue;
			}
			const target = inst.target!;
			const fixable = !inst.inferred;
			const newText = formatValue(ev.expected);
			if (ev.status === 'blank-target') {
				if (blankReported.has(target)) continue;
				blankReported.add(target);
				out.push({
					code: 'cell.blank-total',
					severity: lowered(CODES['cell.blank-total'].severity, inst.inferred),
					message: message('cell.blank-total', lang, { ...names, expected: newText, formula: formulaOf(inst.terms) }),
					range: target.range,
					related: inst.terms.map((c) => related(table, c, lang)),
					fix: fixable ? { title: lang === 'zh' ? `填入合计 ${newText}` : `Fill in the total ${newText}`, edits: [{ range: target.range, newText }] } : undefined,
					data: { rule: inst.rule.id, expected: ev.expected, inferred: inst.inferred },
				});
				continue;
			}
			out.push({
				code: inst.rule.code,
				severity: lowered(CODES[inst.rule.code].severity, inst.inferred),
				message: message(inst.rule.code, lang, { ...names, expected: newText, actual: formatValue(ev.actual), formula: formulaOf(inst.terms) }),
				range: target.range,
				related: inst.terms.map((c) => related(table, c, lang)),
				fix: fixable ? { title: lang === 'zh' ? `将总计改为 ${newText}` : `Change the total to ${newText}`, edits: [{ range: target.range, newText }] } : undefined,
				data: { rule: inst.rule.id, expected: ev.expected, actual: ev.actual, inferred: inst.inferred },
			});
		}
	}
	return out;
}

/** Guessed cells lower a finding's severity: the arithmetic is only as sure as the split. */
export function lowered(severity: Severity, inferred: boolean): Severity {
	if (!inferred) return severity;
	return severity === 'error' || severity === 'warning' ? 'information' : severity;
}

function namesOf(model: ReportModel, inst: RuleInstance, lang: Lang) {
	const table = inst.table;
	const cell = inst.target ?? inst.right[0];
	const row = table.byKey.get(cell.row)!;
	const column = columnName(table, cell.column, lang);
	const group = table.def.columns.find((c) => c.key === cell.column)?.group?.[lang] ?? column;
	return { row: rowName(row, lang), column, group, table: table.def.title[lang], template: model.template.name[lang] };
}

function related(table: BoundTable, c: BoundCell, lang: Lang) {
	const row = table.byKey.get(c.row);
	const value = c.value.kind === 'number' ? String(c.value.value) : lang === 'zh' ? '（空）' : '(blank)';
	return { range: c.range, message: `${row ? rowName(row, lang) : c.row} · ${columnName(table, c.column, lang)} = ${value}` };
}
