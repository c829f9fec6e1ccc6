import type { TableDef, TemplateDef } from './types.ts';
import { APPEALS_RULES, APPEALS_TABLE, requestRules, requestsTable, UNIFIED_SECTIONS } from './unifiedFormat.ts';

/** 《政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号: reports for 2019 and 2020. */

const PROJECT_COLUMNS = [
	{ key: 'previousCount', label: '上一年项目数量', en: 'items last year' },
	{ key: 'change', label: '本年增/减', en: 'change this year', allowNegative: true, aliases: ['本年增减'] },
	{ key: 'decisions', label: '处理决定数量', en: 'decisions', aliases: ['本年处理决定数量'] },
];

const ACTIVE_TABLES: TableDef[] = [
	{
		id: 'active.rules',
		title: { zh: '第二十条第（一）项 规章和规范性文件', en: 'Art. 20(1): rules and normative documents' },
		section: 'active',
		anchors: ['第二十条第(一)项'],
		headers: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
		columns: [
			{ key: 'newlyMade', label: '本年新制作数量', en: 'made this year' },
			{ key: 'newlyPublished', label: '本年新公开数量', en: 'published this year' },
			{ key: 'totalPublished', label: '对外公开总数量', en: 'published in total' },
		],
		rows: [
			{ key: 'regulations', label: '规章', en: 'regulations' },
			{ key: 'normativeDocuments', label: '规范性文件', en: 'normative documents', aliases: ['行政规范性文件'] },
		],
		required: true,
	},
	{
		id: 'active.licensing',
		title: { zh: '第二十条第（五）项 行政许可和其他对外管理服务事项', en: 'Art. 20(5): licensing and other services' },
		section: 'active',
		anchors: ['第二十条第(五)项'],
		headers: ['信息内容', ...PROJECT_COLUMNS.map((c) => c.label)],
		columns: PROJECT_COLUMNS,
		rows: [
			{ key: 'licensing', label: '行政许可', en: 'administrative licensing' },
			{ key: 'otherServices', label: '其他对外管理服务事项', en: 'other external management services' },
		],
		required: true,
	},
	{
		id: 'active.enforcement',
		title: { zh: '第二十条第（六）项 行政处罚和行政强制', en: 'Art. 20(6): penalties and coercive measures' },
		section: 'active',
		anchors: ['第二十条第(六)项'],
		headers: ['信息内容', ...PROJECT_COLUMNS.map((c) => c.label)],
		columns: PROJECT_COLUMNS,
		rows: [
			{ key: 'penalties', label: '行政处罚', en: 'administrative penalties' },
			{ key: 'coercion', label: '行政强制', en: 'administrative coercion' },
		],
		required: true,
	},
	{
		id: 'active.fees',
		title: { zh: '第二十条第（八）项 行政事业性收费', en: 'Art. 20(8): administrative fees' },
		section: 'active',
		anchors: ['第二十条第(八)项'],
		headers: ['信息内容', '上一年项目数量', '本年增/减'],
		columns: PROJECT_COLUMNS.slice(0, 2),
		rows: [{ key: 'fees', label: '行政事业性收费', en: 'administrative fees' }],
		required: true,
	},
	{
		id: 'active.procurement',
		title: { zh: '第二十条第（九）项 政府集中采购', en: 'Art. 20(9): centralised procurement' },
		section: 'active',
		anchors: ['第二十条第(九)项'],
		headers: ['信息内容', '采购项目数量', '采购总金额'],
		columns: [
			{ key: 'projects', label: '采购项目数量', en: 'procurement projects' },
			{ key: 'amount', label: '采购总金额', en: 'total amount', allowDecimals: true },
		],
		rows: [{ key: 'procurement', label: '政府集中采购', en: 'centralised procurement' }],
		required: true,
	},
];

export const FORMAT_2019: TemplateDef = {
	id: '2019',
	name: { zh: '2019年试行格式（国办公开办函〔2019〕60号）', en: '2019 trial format (Guobangongkaibanhan [2019] No. 60)' },
	source: '国办公开办函〔2019〕60号',
	years: [2019, 2020],
	signatures: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '第二十条第(九)项', '政府集中采购', '其他对外管理服务事项'],
	sections: UNIFIED_SECTIONS,
	sectionSeverity: 'error',
	tables: [...ACTIVE_TABLES, requestsTable([{ key: 'R3.6', label: '（六）其他处理', en: 'handled otherwise' }]), APPEALS_TABLE],
	rules: [...requestRules(['R3.6']), ...APPEALS_RULES],
};
