import type { TableDef, TemplateDef } from './types.ts';
import { activeTable, APPEALS_RULES, APPEALS_TABLE, requestRules, requestsTable, UNIFIED_SECTIONS } from './unifiedFormat.ts';

/** 《政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号: reports for 2019 and 2020. */

const PROJECT_COLUMNS = [
	{ key: 'previousCount', label: '上一年项目数量', en: 'items last year' },
	{ key: 'change', label: '本年增/减', en: 'change this year', allowNegative: true, aliases: ['本年增减'] },
	{ key: 'decisions', label: '处理决定数量', en: 'decisions', aliases: ['本年处理决定数量'] },
];

const ACTIVE_TABLES: TableDef[] = [
	activeTable(
		'一',
		'active.rules',
		{ zh: '规章和规范性文件', en: 'rules and normative documents' },
		[
			{ key: 'newlyMade', label: '本年新制作数量', en: 'made this year' },
			{ key: 'newlyPublished', label: '本年新公开数量', en: 'published this year' },
			{ key: 'totalPublished', label: '对外公开总数量', en: 'published in total' },
		],
		[
			{ key: 'regulations', label: '规章', en: 'regulations' },
			{ key: 'normativeDocuments', label: '规范性文件', en: 'normative documents', aliases: ['行政规范性文件'] },
		],
	),
	activeTable('五', 'active.licensing', { zh: '行政许可和其他对外管理服务事项', en: 'licensing and other services' }, PROJECT_COLUMNS, [
		{ key: 'licensing', label: '行政许可', en: 'administrative licensing' },
		{ key: 'otherServices', label: '其他对外管理服务事项', en: 'other external management services' },
	]),
	activeTable('六', 'active.enforcement', { zh: '行政处罚和行政强制', en: 'penalties and coercive measures' }, PROJECT_COLUMNS, [
		{ key: 'penalties', label: '行政处罚', en: 'administrative penalties' },
		{ key: 'coercion', label: '行政强制', en: 'administrative coercion' },
	]),
	activeTable('八', 'active.fees', { zh: '行政事业性收费', en: 'administrative fees' }, PROJECT_COLUMNS.slice(0, 2), [{ key: 'fees', label: '行政事业性收费', en: 'administrative fees' }]),
	activeTable(
		'九',
		'active.procurement',
		{ zh: '政府集中采购', en: 'centralised procurement' },
		[
			{ key: 'projects', label: '采购项目数量', en: 'procurement projects' },
			{ key: 'amount', label: '采购总金额', en: 'total amount', allowDecimals: true },
		],
		[{ key: 'procurement', label: '政府集中采购', en: 'centralised procurement' }],
	),
];

export const FORMAT_2019: TemplateDef = {
	id: '2019',
	name: { zh: '2019年试行格式（国办公开办函〔2019〕60号）', en: '2019 trial format (Guobangongkaibanhan [2019] No. 60)' },
	source: '国办公开办函〔2019〕60号',
	years: [2019, 2020],
	signatures: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '第二十条第(九)项', '政府集中采购', '其他对外管理服务事项'],
	sections: UNIFIED_SECTIONS,
	sectionSeverity: 'error',
	mandatedWording: true,
	tables: [...ACTIVE_TABLES, requestsTable([{ key: 'R3.6', label: '（六）其他处理', en: 'handled otherwise' }]), APPEALS_TABLE],
	rules: [...requestRules(['R3.6']), ...APPEALS_RULES],
};
