import type { TemplateId } from './types.ts';

/**
 * What a table's figures cannot be, though no sum is broken: a cell that must be at least an
 * expression of the cells in its row. One entry per bound; the check reads them all.
 */
export interface LowerBound {
	id: string;
	table: string;
	/** The rows it holds for (every row of the table when absent). */
	rows?: string[];
	/** The column that must be at least… */
	column: string;
	/** …the sum of these columns, less the sum of those. */
	plus: string[];
	minus: string[];
	why: { zh: string; en: string };
}

export const LOWER_BOUNDS: Record<TemplateId, LowerBound[]> = {
	'2021': [
		{
			id: 'active.rules.in-force',
			table: 'active.rules',
			column: 'inForce',
			plus: ['issued'],
			minus: ['repealed'],
			why: { zh: '本年制发且未废止的文件仍然有效', en: 'what was issued this year and not repealed is still in force' },
		},
	],
	'2019': [
		{
			id: 'active.rules.total-published',
			table: 'active.rules',
			column: 'totalPublished',
			plus: ['newlyPublished'],
			minus: [],
			why: { zh: '本年新公开的文件计入对外公开总数量', en: 'what was published this year counts in the total published' },
		},
	],
	'2008': [],
};

/**
 * Agencies that have no power to make 规章 (《立法法》: only the State Council's departments,
 * provinces and cities with districts do): townships, streets, counties and their departments.
 * Matched against the agency's name as the title gives it.
 */
export const NO_RULE_MAKING: RegExp[] = [
	/(?:乡|镇|街道)(?:人民政府|办事处|党委|政府)?(?:办公室|党政办公室|党政办)?$/,
	/[县旗](?:人民政府|政府)?$/,
	/[县旗](?:人民政府)?[\u4e00-\u9fa5]{1,12}(?:局|委员会|委|办公室|办|中心|所)$/,
	/(?:^|[省市])[\u4e00-\u9fa5]{1,4}(?<!自治|新|实验|开发|示范|高新|保税|经济|试验|社|园|景|片|辖|地)区(?:人民政府|政府)?(?:[\u4e00-\u9fa5]{1,12}(?:局|委员会|委|办公室|办|中心))?$/,
];
