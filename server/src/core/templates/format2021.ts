import { columnTotals } from './ruleBuilders.ts';
import type { TableDef, TemplateDef } from './types.ts';
import { activeTable, ALL_APPLICANT, APPEALS_RULES, APPEALS_TABLE, requestRules, requestsTable, UNIFIED_SECTIONS } from './unifiedFormat.ts';

/** 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号: reports for 2021 onward. */

const DECISIONS = [{ key: 'decisions', label: '本年处理决定数量', en: 'decisions this year', aliases: ['本年决定处理数量'] }];

const ACTIVE_TABLES: TableDef[] = [
	activeTable(
		'一',
		'active.rules',
		{ zh: '规章和规范性文件', en: 'rules and normative documents' },
		[
			{ key: 'issued', label: '本年制发件数', en: 'issued this year' },
			{ key: 'repealed', label: '本年废止件数', en: 'repealed this year' },
			{ key: 'inForce', label: '现行有效件数', en: 'in force' },
		],
		[
			{ key: 'regulations', label: '规章', en: 'regulations' },
			{ key: 'normativeDocuments', label: '行政规范性文件', en: 'normative documents', aliases: ['规范性文件'] },
		],
	),
	activeTable('五', 'active.licensing', { zh: '行政许可', en: 'licensing' }, DECISIONS, [{ key: 'licensing', label: '行政许可', en: 'administrative licensing' }]),
	activeTable('六', 'active.enforcement', { zh: '行政处罚和行政强制', en: 'penalties and coercive measures' }, DECISIONS, [
		{ key: 'penalties', label: '行政处罚', en: 'administrative penalties' },
		{ key: 'coercion', label: '行政强制', en: 'administrative coercion' },
	]),
	activeTable(
		'八',
		'active.fees',
		{ zh: '行政事业性收费', en: 'administrative fees' },
		[{ key: 'amount', label: '本年收费金额（单位：万元）', en: 'fees this year (10,000 yuan)', allowDecimals: true, aliases: ['本年收费金额'] }],
		[{ key: 'fees', label: '行政事业性收费', en: 'administrative fees' }],
	),
];

const OTHER_RESULT_ROWS = ['R3.6.1', 'R3.6.2', 'R3.6.3'];

export const FORMAT_2021: TemplateDef = {
	id: '2021',
	name: { zh: '2021年格式（国办公开办函〔2021〕30号）', en: '2021 format (Guobangongkaibanhan [2021] No. 30)' },
	source: '国办公开办函〔2021〕30号',
	years: [2021, 9999],
	signatures: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年决定处理数量', '本年收费金额', '申请人无正当理由逾期不补正', '申请人逾期未按收费通知要求缴纳费用'],
	sections: UNIFIED_SECTIONS,
	sectionSeverity: 'error',
	mandatedWording: true,
	tables: [
		...ACTIVE_TABLES,
		requestsTable([
			{ key: 'R3.6', label: '（六）其他处理', en: 'handled otherwise', kind: 'group' },
			// Beijing's tables add a subtotal of the three rows below; it must not be counted again in （七）总计.
			{ key: 'R3.6.0', label: '0.其他处理总计', en: 'subtotal handled otherwise', kind: 'subtotal', optional: true },
			{ key: 'R3.6.1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: 'applicant did not complete the request in time' },
			{ key: 'R3.6.2', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: 'applicant did not pay the fee in time' },
			{ key: 'R3.6.3', label: '3.其他', en: 'other', aliases: ['其他'] },
		]),
		APPEALS_TABLE,
	],
	rules: [
		...requestRules(OTHER_RESULT_ROWS, ['R3.6.0'], columnTotals('requests', ALL_APPLICANT, OTHER_RESULT_ROWS, 'R3.6.0', 'balance.subtotal', 'other-subtotal')),
		...APPEALS_RULES,
	],
};
