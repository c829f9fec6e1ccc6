import { cellAt } from '../balance.ts';
import { formatValue } from '../cellValue.ts';
import { CODES, message, type Finding, type Lang } from '../findings.ts';
import type { ReportModel } from '../model.ts';
import { columnName, rowName } from '../names.ts';
import { normalizeLabel } from '../normalize.ts';
import { CROSS_YEAR_RULES } from '../templates/crossYear.ts';

/** Whether two reports are by the same agency: equal names, or one the other with its place prefix dropped. */
export function sameAgency(a: Pick<ReportModel, 'metadata'>, b: Pick<ReportModel, 'metadata'>): boolean {
	const x = a.metadata.agency && normalizeLabel(a.metadata.agency);
	const y = b.metadata.agency && normalizeLabel(b.metadata.agency);
	if (!x || !y) return false;
	if (x === y) return true;
	const [short, long] = x.length < y.length ? [x, y] : [y, x];
	return short.length >= 6 && long.endsWith(short);
}

/** Pairs each report with the same agency's report for the year before, where both are given. */
export function pairByYear<T extends { model: Pick<ReportModel, 'metadata'> }>(reports: T[]): Array<{ current: T; previous: T }> {
	const pairs: Array<{ current: T; previous: T }> = [];
	for (const current of reports) {
		const year = current.model.metadata.year;
		if (year === undefined) continue;
		const previous = reports.find((p) => p !== current && p.model.metadata.year === year - 1 && sameAgency(p.model, current.model));
		if (previous) pairs.push({ current, previous });
	}
	return pairs;
}

/** This year against last year: carry-over (an error) and stock chains (warnings), on this year's cells. */
export function crossYearFindings(current: ReportModel, previous: ReportModel, previousFile: string, lang: Lang = 'zh'): Finding[] {
	const out: Finding[] = [];
	for (const rule of CROSS_YEAR_RULES) {
		if (!rule.formats.some(([p, c]) => p === previous.template.id && c === current.template.id)) continue;
		const curTable = current.tables.find((t) => t.def.id === rule.table);
		const prevTable = previous.tables.find((t) => t.def.id === rule.table);
		if (!curTable || !prevTable) continue;
		const target = cellAt(curTable, rule.target);
		const terms = rule.terms.map((t) => ({ term: t, cell: cellAt(t.report === 'current' ? curTable : prevTable, t) }));
		if (!target || target.value.kind !== 'number' || target.inferred) continue;
		if (terms.some(({ cell }) => !cell || cell.value.kind === 'invalid' || cell.inferred)) continue;
		const expected = terms.reduce((a, { term, cell }) => a + term.sign * (cell!.value.value ?? 0), 0);
		const actual = target.value.value!;
		if (Math.abs(expected - actual) < 1e-9) continue;
		const row = curTable.byKey.get(rule.target.row)!;
		const formula = terms.map(({ term, cell }, i) => `${i === 0 ? '' : term.sign > 0 ? ' + ' : ' − '}${cell!.value.value ?? 0}`).join('');
		out.push({
			code: rule.code,
			severity: CODES[rule.code].severity,
			message: message(rule.code, lang, {
				column: columnName(curTable, rule.target.column, lang),
				row: rowName(row, lang),
				expected: formatValue(expected),
				actual: formatValue(actual),
				formula,
				previousYear: previous.metadata.year ?? '',
			}),
			range: target.range,
			related: terms.map(({ term, cell }) => ({
				range: cell!.range,
				message: `${term.report === 'previous' ? `${previous.metadata.year}` : `${current.metadata.year}`} · ${columnName(curTable, term.column, lang)} = ${cell!.value.value ?? 0}`,
				...(term.report === 'previous' ? { file: previousFile } : {}),
			})),
			data: { rule: rule.id, expected, actual },
		});
	}
	return out;
}
