import { cellAt } from '../balance.ts';
import type { BoundCell, BoundTable, ReportModel } from '../../model.ts';
import { LOWER_BOUNDS, NO_RULE_MAKING } from '../../templates/plausibility.ts';
import { cellName } from '../../features/names.ts';
import { CODES, message, type Finding, type Lang } from '../findings.ts';

/** Figures that no sum contradicts but that cannot all be true (a reviewer's second look). */
export function plausibilityFindings(model: ReportModel, lang: Lang): Finding[] {
	return [...lowerBounds(model, lang), ...rulesWithoutPower(model, lang), ...appealsWithoutRequests(model, lang)];
}

const read = (c: BoundCell | undefined): number | undefined => (c && !c.inferred && c.value.kind === 'number' && c.value.value !== null ? c.value.value : undefined);

function lowerBounds(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	for (const bound of LOWER_BOUNDS[model.template.id]) {
		const table = model.tables.find((t) => t.def.id === bound.table);
		if (!table) continue;
		for (const row of bound.rows ?? table.def.rows.map((r) => r.key)) {
			const cell = cellAt(table, { row, column: bound.column });
			const value = read(cell);
			const plus = bound.plus.map((column) => read(cellAt(table, { row, column })));
			const minus = bound.minus.map((column) => read(cellAt(table, { row, column })));
			if (value === undefined || [...plus, ...minus].some((v) => v === undefined)) continue;
			const least = plus.reduce((a, b) => a! + b!, 0)! - minus.reduce((a, b) => a! + b!, 0)!;
			if (value >= least) continue;
			const formula = [plus.join(' + '), ...minus.map((v) => `− ${v}`)].join(' ');
			out.push({
				code: 'plausibility.lower-bound',
				severity: CODES['plausibility.lower-bound'].severity,
				message: message('plausibility.lower-bound', lang, { cell: cellName(model, cell!, lang), actual: value, least, formula, why: bound.why[lang] }),
				range: cell!.range,
				data: { bound: bound.id, least },
			});
		}
	}
	return out;
}

function rulesWithoutPower(model: ReportModel, lang: Lang): Finding[] {
	const agency = model.metadata.agency?.replace(/\s/g, '') ?? model.metadata.selfReference;
	if (!agency || !NO_RULE_MAKING.some((re) => re.test(agency.replace(/^[我本]/, '')))) return [];
	const table = model.tables.find((t) => t.def.id === 'active.rules');
	const row = table?.byKey.get('regulations');
	if (!row) return [];
	const counted = [...row.cells.values()].filter((c) => (read(c) ?? 0) > 0);
	if (counted.length === 0) return [];
	return [
		{
			code: 'plausibility.rules-power',
			severity: CODES['plausibility.rules-power'].severity,
			message: message('plausibility.rules-power', lang, { agency }),
			range: counted[0].range,
			related: counted.slice(1).map((c) => ({ range: c.range, message: `${cellName(model, c, lang)} = ${c.value.value}` })),
		},
	];
}

function total(table: BoundTable | undefined, row: string, column: string): number | undefined {
	return table && read(cellAt(table, { row, column }));
}

/** Reviews and lawsuits about disclosure come from applications: cases with none at all, this year or carried over, are worth a look. */
function appealsWithoutRequests(model: ReportModel, lang: Lang): Finding[] {
	const appeals = model.tables.find((t) => t.def.id === 'appeals');
	const requests = model.tables.find((t) => t.def.id === 'requests');
	if (!appeals || !requests) return [];
	const cases = ['review.total', 'suit.total', 'suitAfterReview.total'].map((c) => total(appeals, 'cases', c));
	const received = ['R1', 'R2'].map((r) => total(requests, r, 'total'));
	if (cases.some((v) => v === undefined) || received.some((v) => v === undefined)) return [];
	const n = cases.reduce((a, b) => a! + b!, 0)!;
	if (n === 0 || received.some((v) => v! > 0)) return [];
	const cell = ['review.total', 'suit.total', 'suitAfterReview.total'].map((c) => cellAt(appeals, { row: 'cases', column: c })).find((c) => (read(c) ?? 0) > 0);
	// Negative counts can make the sum non-zero with no positive total to point at (cell.negative reports them).
	if (!cell) return [];
	return [
		{
			code: 'plausibility.appeals-without-requests',
			severity: CODES['plausibility.appeals-without-requests'].severity,
			message: message('plausibility.appeals-without-requests', lang, { cases: n }),
			range: cell.range,
		},
	];
}
