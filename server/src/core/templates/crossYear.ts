import type { CellRef, TemplateId } from './types.ts';
import { APPLICANT_COLUMNS } from './unifiedFormat.ts';

/**
 * Rules between a report and the same agency's report for the year before, as data:
 * `current target = Σ sign × term`, each term read from the previous or the current report.
 */
export interface CrossYearRule {
	id: string;
	code: 'year.carry-over' | 'year.stock';
	/** The formats the previous and the current report must both follow. */
	formats: Array<[TemplateId, TemplateId]>;
	table: string;
	target: CellRef;
	terms: Array<CellRef & { report: 'previous' | 'current'; sign: 1 | -1 }>;
}

const UNIFIED: Array<[TemplateId, TemplateId]> = [
	['2019', '2019'],
	['2019', '2021'],
	['2021', '2021'],
];

export const CROSS_YEAR_RULES: CrossYearRule[] = [
	// 上年结转 this year is 结转下年度继续办理 of last year's report, column by column (held in every real pair seen).
	...APPLICANT_COLUMNS.map((c): CrossYearRule => ({
		id: `carry-over.${c.key}`,
		code: 'year.carry-over',
		formats: UNIFIED,
		table: 'requests',
		target: { row: 'R2', column: c.key },
		terms: [{ report: 'previous', row: 'R4', column: c.key, sign: 1 }],
	})),
	// 现行有效件数 follows from last year's plus this year's 制发 minus 废止 (clean-up campaigns break it: a warning).
	...['regulations', 'normativeDocuments'].map((row): CrossYearRule => ({
		id: `in-force.${row}`,
		code: 'year.stock',
		formats: [['2021', '2021']],
		table: 'active.rules',
		target: { row, column: 'inForce' },
		terms: [
			{ report: 'previous', row, column: 'inForce', sign: 1 },
			{ report: 'current', row, column: 'issued', sign: 1 },
			{ report: 'current', row, column: 'repealed', sign: -1 },
		],
	})),
	// The 2019 format's chains: 上一年项目数量 carries last year's count plus its change; 对外公开总数量 grows by this year's newly published.
	...([
		['active.licensing', 'licensing'],
		['active.licensing', 'otherServices'],
		['active.enforcement', 'penalties'],
		['active.enforcement', 'coercion'],
		['active.fees', 'fees'],
	] as const).map(([table, row]): CrossYearRule => ({
		id: `previous-count.${row}`,
		code: 'year.stock',
		formats: [['2019', '2019']],
		table,
		target: { row, column: 'previousCount' },
		terms: [
			{ report: 'previous', row, column: 'previousCount', sign: 1 },
			{ report: 'previous', row, column: 'change', sign: 1 },
		],
	})),
	...['regulations', 'normativeDocuments'].map((row): CrossYearRule => ({
		id: `total-published.${row}`,
		code: 'year.stock',
		formats: [['2019', '2019']],
		table: 'active.rules',
		target: { row, column: 'totalPublished' },
		terms: [
			{ report: 'previous', row, column: 'totalPublished', sign: 1 },
			{ report: 'current', row, column: 'newlyPublished', sign: 1 },
		],
	})),
];
