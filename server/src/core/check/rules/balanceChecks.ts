import { cellKey, formulaOf, isEmptyTotal, type Evaluation, type RuleInstance } from '../balance.ts';
import { breaksAlone, diagnoseTable, goesThrough, guessedEvaluations, locatedRepairs, ruleRepairs, type Repair, type TableDiagnosis } from '../locate.ts';
import { comparePositions } from '../../read/text.ts';
import { formatValue } from '../../read/cellValue.ts';
import { CODES, formatMessage, LOCATED_TEXTS, message, RULE_NAMES, type Finding, type Fix, type Lang, type Severity } from '../findings.ts';
import type { BoundCell, BoundTable, ReportModel } from '../../model.ts';
import { columnName, rowName } from '../../features/names.ts';

/**
 * Balance (勾稽关系) findings: wrong totals, blank totals and identities that fail. Where the
 * failing rules of a table locate one wrong cell (see locate.ts), that is one finding on that
 * cell with its certain fix; otherwise one finding per failing rule, with the single-cell repairs
 * to choose from and none preferred.
 */
export function balanceFindings(model: ReportModel, lang: Lang): Finding[] {
	const all: Finding[] = [];
	for (const table of model.tables) {
		const found = tableBalanceFindings(model, table, lang);
		const swap = table.readInOrder || found.length === 0 ? undefined : swapThatBalances(model, table);
		if (swap) {
			all.push(...found.map((f) => extractionSwap(f, swap, lang)));
			continue;
		}
		all.push(...(table.readInOrder ? found.map(readInOrder) : table.blanksLost ? found.map(withoutFix) : found));
	}
	return all;
}

/**
 * In text extracted from a PDF, two numbers next to each other can come out in each other's
 * place (a cell printed a little lower is read after its neighbour: `0 0 0 1 0 1` for
 * `0 0 0 1 1 0`). Where no one cell put right makes every rule hold but exchanging two
 * neighbouring numbers does, that is the likelier truth than two wrong cells: the pair.
 */
function swapThatBalances(model: ReportModel, table: BoundTable): [BoundCell, BoundCell] | undefined {
	if (table.layout !== 'pdf-text') return undefined;
	const cells = table.rows
		.flatMap((r) => [...r.cells.values()])
		.filter((c) => c.value.kind === 'number')
		.sort((a, b) => comparePositions(a.range.start, b.range.start));
	// Where one cell put right makes every rule hold, that one wrong cell is the reading (a typo is likelier than a swap).
	const d = diagnoseTable(model, table);
	if (d.failing.length === 0 || d.repairs.length > 0) return undefined;
	for (let i = 0; i + 1 < cells.length; i++) {
		const [a, b] = [cells[i], cells[i + 1]];
		if (a.value.value === b.value.value) continue;
		const swapped = new Map([
			[cellKey(a), b.value.value!],
			[cellKey(b), a.value.value!],
		]);
		if (diagnoseTable(model, table, swapped).failing.length === 0) return [a, b];
	}
	return undefined;
}

/**
 * A finding the swap explains: a note (information), never fixed, saying which two numbers may
 * have changed places — the likelier truth is the extraction's, not the report's.
 */
function extractionSwap(f: Finding, [a, b]: [BoundCell, BoundCell], lang: Lang): Finding {
	const lowered = { ...readInOrder(f), severity: f.severity === 'hint' ? 'hint' : 'information' } as Finding;
	return { ...lowered, message: lowered.message + formatMessage(LOCATED_TEXTS.swapped[lang], { a: a.text, b: b.text }) };
}

/**
 * A table whose numbers were placed by their order alone (its sums vouching for the placing) is
 * read by an inference: what its rules find is lowered to a warning, and nothing is fixed.
 */
function readInOrder(f: Finding): Finding {
	const { fix: _fix, alternatives: _alternatives, ...rest } = f;
	return { ...rest, severity: f.severity === 'error' ? 'warning' : f.severity, data: { ...f.data, inferred: true } };
}

/** A table whose blanks' places are the reader's: what it finds stands, but nothing is written to it. */
function withoutFix(f: Finding): Finding {
	const { fix: _fix, alternatives: _alternatives, ...rest } = f;
	return rest;
}

function tableBalanceFindings(model: ReportModel, table: BoundTable, lang: Lang): Finding[] {
	const out: Finding[] = [];
	const diagnosis = diagnoseTable(model, table);
	out.push(...blankTotalFindings(model, diagnosis.evaluations, lang));
	// A table said unreadable: what its guessed cells show, lowered, beside what is certain.
	const guessed = guessedEvaluations(model, table);
	out.push(...blankTotalFindings(model, guessed, lang));
	for (const ev of guessed) if (ev.status === 'mismatch') out.push(ruleFinding(model, ev, lang));
	const located = locatedRepairs(diagnosis);
	if (located) {
		for (const repair of located) out.push(locatedFinding(model, diagnosis, repair, located, lang));
		return out;
	}
	for (const ev of diagnosis.failing) {
		const repairs = ev.instance.inferred || table.unreadable ? [] : diagnosis.repairs.length > 1 ? diagnosis.repairs : ruleRepairs(diagnosis, ev);
		const finding = ruleFinding(model, ev, lang);
		if (diagnosis.repairs.length > 1 && !table.unreadable) finding.message += ' ' + formatMessage(LOCATED_TEXTS.choices[lang], { count: diagnosis.repairs.length });
		if (repairs.length > 0) finding.alternatives = repairs.map((r) => repairFix(r, lang, ev.instance));
		out.push(finding);
	}
	return out;
}

/** A blank total, once per cell, with its fill-in fix (the sum of its items). */
function blankTotalFindings(model: ReportModel, evaluations: Evaluation[], lang: Lang): Finding[] {
	const out: Finding[] = [];
	const reported = new Set<BoundCell>();
	for (const ev of evaluations) {
		if (ev.status !== 'blank-target') continue;
		const inst = ev.instance;
		const target = inst.target!;
		if (reported.has(target)) continue;
		if (isEmptyTotal(ev)) continue;
		reported.add(target);
		const newText = formatValue(ev.expected);
		out.push({
			code: 'cell.blank-total',
			severity: lowered(CODES['cell.blank-total'].severity, inst.inferred),
			message: message('cell.blank-total', lang, { ...namesOf(model, inst, lang), expected: newText, formula: formulaOf(inst.terms) }),
			range: target.range,
			related: inst.terms.map((c) => related(inst.table, c, lang)),
			fix: inst.inferred || inst.table.unreadable ? undefined : { title: lang === 'zh' ? `填入合计 ${newText}` : `Fill in the total ${newText}`, edits: [{ range: target.range, newText }] },
			data: { rule: inst.rule.id, expected: ev.expected, inferred: inst.inferred },
		});
	}
	return out;
}

/** The finding of one failing rule, on its total (a sum) or on its last right-hand cell (an equation), without a fix. */
function ruleFinding(model: ReportModel, ev: Evaluation, lang: Lang): Finding {
	if (ev.status !== 'mismatch') throw new Error('ruleFinding needs a failing rule');
	const inst = ev.instance;
	const table = inst.table;
	const names = namesOf(model, inst, lang);
	const severity = lowered(CODES[inst.rule.code].severity, inst.inferred);
	if (inst.rule.kind === 'equation') {
		return {
			code: inst.rule.code,
			severity,
			message: message(inst.rule.code, lang, {
				column: names.column,
				left: formatValue(ev.expected),
				right: formatValue(ev.actual),
				leftFormula: formulaOf(inst.terms),
				rightFormula: formulaOf(inst.right),
				difference: formatValue(Math.abs(ev.expected - ev.actual)),
			}),
			range: inst.right[inst.right.length - 1].range,
			related: [...inst.terms, ...inst.right].map((c) => related(table, c, lang)),
			data: { rule: inst.rule.id, left: ev.expected, right: ev.actual, inferred: inst.inferred },
		};
	}
	const unknown = !inst.inferred && inst.terms.some((c) => c.columnUnknown) ? LOCATED_TEXTS.columnsUnknown[lang] : '';
	const row = table.byKey.get(inst.target!.row);
	if (!inst.inferred && row?.totalVouched && inst.terms.every((t) => t.row === row.def.key)) {
		// The total is right (the rules over totals say so): the finding is on the row's items.
		const numbers = inst.terms.filter((c) => c.value.kind === 'number');
		const range = numbers.length > 0 ? { start: numbers[0].range.start, end: numbers[numbers.length - 1].range.end } : inst.target!.range;
		return {
			code: inst.rule.code,
			severity,
			message: formatMessage(LOCATED_TEXTS.itemsWrong[lang], { row: names.row, expected: formatValue(ev.expected), actual: formatValue(ev.actual), formula: formulaOf(inst.terms) }) + unknown,
			range,
			related: numbers.map((c) => related(table, c, lang)),
			data: { rule: inst.rule.id, expected: ev.expected, actual: ev.actual, inferred: false },
		};
	}
	return {
		code: inst.rule.code,
		severity,
		message: message(inst.rule.code, lang, { ...names, expected: formatValue(ev.expected), actual: formatValue(ev.actual), formula: formulaOf(inst.terms) }) + unknown,
		range: inst.target!.range,
		related: inst.terms.filter((c) => !(c.columnUnknown && c.value.kind !== 'number')).map((c) => related(table, c, lang)),
		data: { rule: inst.rule.id, expected: ev.expected, actual: ev.actual, inferred: inst.inferred },
	};
}

/**
 * The one finding of a located error: on the located cell, with the code of the failing rule
 * whose total it is (else of the first failing rule through it), saying which rules located it,
 * with related entries for those rules after the items of its own rule. Of a located pair, a
 * half whose fix alone would break a rule that holds (the two mistakes cancel there) fixes both.
 */
function locatedFinding(model: ReportModel, d: TableDiagnosis, repair: Repair, located: Repair[], lang: Lang): Finding {
	const key = cellKey(repair.cell);
	const through = d.failing.filter((e) => goesThrough(e.instance, repair.cell));
	const own = through.find((e) => e.instance.target && cellKey(e.instance.target) === key) ?? through.find((e) => e.instance.rule.kind === 'sum') ?? through[0];
	const inst = own.instance;
	const table = inst.table;
	const expected = formatValue(repair.value);
	const rules = listOf(through.map((e) => ruleName(model, e.instance, lang)), lang);
	let reason = formatMessage((through.length > 1 ? LOCATED_TEXTS.crossing : LOCATED_TEXTS.single)[lang], { rules });
	const others = located.filter((r) => r !== repair);
	for (const other of others) reason += (lang === 'zh' ? '' : ' ') + formatMessage(LOCATED_TEXTS.pair[lang], { other: cellLabel(table, other.cell, lang) });
	const isTotal = inst.target !== undefined && cellKey(inst.target) === key;
	const head = isTotal ? ruleFinding(model, own, lang).message : formatMessage(LOCATED_TEXTS.cell[lang], { ...cellNames(table, repair.cell, lang), expected, actual: formatValue(repair.actual) });
	const ownRelated = (inst.rule.kind === 'sum' ? inst.terms : [...inst.terms, ...inst.right]).map((c) => related(table, c, lang));
	const ruleRelated = through.map((e) => ({ range: anchorOf(e.instance).range, message: `${ruleName(model, e.instance, lang)}：${formulaLine(e)}` }));
	const otherRelated = others.map((r) => ({ range: r.cell.range, message: `${cellLabel(table, r.cell, lang)} → ${formatValue(r.value)}` }));
	const fix = repairFix(repair, lang, inst);
	// A table said unreadable is never fixed, even where its certain rules locate the cell.
	const fixable = !table.unreadable;
	if (others.length > 0 && breaksAlone(d, repair)) {
		fix.edits = located.map((r) => ({ range: r.cell.range, newText: formatValue(r.value) })).sort((a, b) => comparePositions(a.range.start, b.range.start));
		fix.title += lang === 'zh' ? `（并改正另一处）` : ' (and the other wrong cell)';
	}
	return {
		code: inst.rule.code,
		severity: CODES[inst.rule.code].severity,
		message: `${head} ${reason}`,
		range: repair.cell.range,
		related: [...ownRelated, ...ruleRelated, ...otherRelated],
		...(fixable ? { fix } : {}),
		data: { rule: inst.rule.id, expected: repair.value, actual: repair.actual, inferred: false, located: true, rules: through.map((e) => e.instance.rule.id) },
	};
}

/** A fix that writes one repair; "将总计改为 65" when the cell is the total of the finding's rule. */
function repairFix(repair: Repair, lang: Lang, inst: RuleInstance): Fix {
	const value = formatValue(repair.value);
	const isTotal = inst.target !== undefined && cellKey(inst.target) === cellKey(repair.cell);
	const { row, column } = cellNames(inst.table, repair.cell, lang);
	const title = isTotal ? (lang === 'zh' ? `将总计改为 ${value}` : `Change the total to ${value}`) : lang === 'zh' ? `将“${row}”的“${column}”改为 ${value}` : `Change "${row}" / "${column}" to ${value}`;
	return { title, edits: [{ range: repair.cell.range, newText: value }] };
}

function ruleName(model: ReportModel, inst: RuleInstance, lang: Lang): string {
	return formatMessage(RULE_NAMES[inst.rule.code][lang], namesOf(model, inst, lang));
}

/** "60 + 4 + 0 = 64 ≠ 65": the rule with the numbers the table holds. */
function formulaLine(ev: Evaluation): string {
	if (ev.status !== 'mismatch') return '';
	const inst = ev.instance;
	if (inst.rule.kind === 'sum') return `${formulaOf(inst.terms)} = ${formatValue(ev.expected)} ≠ ${formatValue(ev.actual)}`;
	return `${formulaOf(inst.terms)} = ${formatValue(ev.expected)} ≠ ${formulaOf(inst.right)} = ${formatValue(ev.actual)}`;
}

function anchorOf(inst: RuleInstance): BoundCell {
	return inst.target ?? inst.right[inst.right.length - 1];
}

function listOf(items: string[], lang: Lang): string {
	if (lang === 'zh') return items.join('、');
	return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function cellLabel(table: BoundTable, cell: BoundCell, lang: Lang): string {
	const { row, column } = cellNames(table, cell, lang);
	return `${row} · ${column}`;
}

function cellNames(table: BoundTable, cell: BoundCell, lang: Lang): { row: string; column: string } {
	const row = table.byKey.get(cell.row);
	return { row: row ? rowName(row, lang) : cell.row, column: columnName(table, cell.column, lang) };
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
	const column = c.columnUnknown ? (lang === 'zh' ? '（列不明）' : '(column unknown)') : columnName(table, c.column, lang);
	return { range: c.range, message: `${row ? rowName(row, lang) : c.row} · ${column} = ${value}` };
}
