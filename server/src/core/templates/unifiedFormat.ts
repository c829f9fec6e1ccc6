import { columnEquations, columnTotals, rowTotals } from './ruleBuilders.ts';
import type { BalanceRule, ColumnDef, Localized, RowDef, SectionDef, TableDef } from './types.ts';

/**
 * What the 2019 (试行, 国办公开办函〔2019〕60号) and 2021 (国办公开办函〔2021〕30号) formats share:
 * the six mandated sections, the columns and most rows of Table 2, and all of Table 3.
 */

export const UNIFIED_SECTIONS: SectionDef[] = [
	{ key: 'overview', title: '一、总体情况', en: 'I. Overview', keywords: [['总体情况', 3], ['总体', 2], ['概述', 2], ['概况', 2]], variants: ['概述', '基本情况', '工作概况', '总体工作情况', '政府信息公开工作总体情况'], required: true, subItems: ['主动公开', '依申请', '收到和处理', '行政复议', '行政诉讼', '信息管理', '平台', '监督保障'], levels: [1] },
	{ key: 'active', title: '二、主动公开政府信息情况', en: 'II. Proactive disclosure', keywords: [['主动公开', 3]], variants: ['行政机关主动公开政府信息情况', '主动公开政府信息的情况'], required: true, levels: [1] },
	{ key: 'requests', title: '三、收到和处理政府信息公开申请情况', en: 'III. Requests received and handled', keywords: [['收到和处理', 3], ['依申请', 3], ['申请', 1]], variants: ['行政机关收到和处理政府信息公开申请情况', '依申请公开政府信息情况', '依申请公开情况'], required: true, levels: [1] },
	{ key: 'appeals', title: '四、政府信息公开行政复议、行政诉讼情况', en: 'IV. Administrative reviews and lawsuits', keywords: [['复议', 3], ['诉讼', 3]], variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '政府信息公开行政复议和行政诉讼情况'], required: true, levels: [1] },
	{ key: 'problems', title: '五、存在的主要问题及改进情况', en: 'V. Main problems and improvements', keywords: [['问题', 3], ['改进', 2], ['不足', 2]], variants: ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及整改措施', '存在不足及改进措施'], required: true, levels: [1] },
	{ key: 'other', title: '六、其他需要报告的事项', en: 'VI. Other matters to report', keywords: [['其他需要报告', 4], ['其他', 2], ['信息处理费', 3]], variants: ['其他需要报告事项', '需要说明的其他事项', '信息处理费收取情况', '政府信息公开信息处理费收取情况'], required: true, levels: [1] },
];

const ITEM_NUMBER: Record<string, number> = { 一: 1, 五: 5, 六: 6, 八: 8, 九: 9 };

/** A block of Table 1 (二、主动公开政府信息情况): 第二十条第（item）项, a 信息内容 header, its columns and rows. */
export function activeTable(item: '一' | '五' | '六' | '八' | '九', id: string, subject: Localized, columns: ColumnDef[], rows: RowDef[]): TableDef {
	return {
		id,
		title: { zh: `第二十条第（${item}）项 ${subject.zh}`, en: `Art. 20(${ITEM_NUMBER[item]}): ${subject.en}` },
		section: 'active',
		anchors: [`第二十条第(${item})项`],
		headers: ['信息内容'],
		columns,
		rows,
		required: true,
	};
}

export const APPLICANT_COLUMNS: ColumnDef[] = [
	{ key: 'natural', label: '自然人', en: 'natural persons' },
	{ key: 'commercial', label: '商业企业', en: 'businesses' },
	{ key: 'research', label: '科研机构', en: 'research institutions' },
	{ key: 'publicInterest', label: '社会公益组织', en: 'public-interest organisations' },
	{ key: 'legal', label: '法律服务机构', en: 'legal service providers' },
	{ key: 'other', label: '其他', en: 'other organisations' },
	{ key: 'total', label: '总计', en: 'total' },
];
const APPLICANT_PARTS = APPLICANT_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);
const ALL_APPLICANT = APPLICANT_COLUMNS.map((c) => c.key);

const REQUEST_HEADERS = [
	'(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
	'申请人情况',
	'法人或其他组织',
	...APPLICANT_COLUMNS.map((c) => c.label),
];

/** Rows up to and including 不予处理 are the same in both formats. */
const REQUEST_ROWS_HEAD: RowDef[] = [
	{ key: 'R1', label: '一、本年新收政府信息公开申请数量', en: 'new requests this year' },
	{ key: 'R2', label: '二、上年结转政府信息公开申请数量', en: 'carried over from last year' },
	{ key: 'R3', label: '三、本年度办理结果', en: 'results this year', kind: 'group' },
	{ key: 'R3.1', label: '（一）予以公开', en: 'disclosed' },
	{ key: 'R3.2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', en: 'partly disclosed', aliases: ['（二）部分公开'] },
	{ key: 'R3.3', label: '（三）不予公开', en: 'not disclosed', kind: 'group' },
	{ key: 'R3.3.1', label: '1.属于国家秘密', en: 'state secret' },
	{ key: 'R3.3.2', label: '2.其他法律行政法规禁止公开', en: 'prohibited by other laws' },
	{ key: 'R3.3.3', label: '3.危及“三安全一稳定”', en: 'endangers the "three securities and one stability"' },
	{ key: 'R3.3.4', label: '4.保护第三方合法权益', en: "protects a third party's rights" },
	{ key: 'R3.3.5', label: '5.属于三类内部事务信息', en: 'internal affairs' },
	{ key: 'R3.3.6', label: '6.属于四类过程性信息', en: 'process information' },
	{ key: 'R3.3.7', label: '7.属于行政执法案卷', en: 'enforcement files' },
	{ key: 'R3.3.8', label: '8.属于行政查询事项', en: 'administrative enquiry matters' },
	{ key: 'R3.4', label: '（四）无法提供', en: 'cannot be provided', kind: 'group' },
	{ key: 'R3.4.1', label: '1.本机关不掌握相关政府信息', en: 'not held by this agency' },
	{ key: 'R3.4.2', label: '2.没有现成信息需要另行制作', en: 'would have to be produced' },
	{ key: 'R3.4.3', label: '3.补正后申请内容仍不明确', en: 'still unclear after correction' },
	{ key: 'R3.5', label: '（五）不予处理', en: 'not processed', kind: 'group' },
	{ key: 'R3.5.1', label: '1.信访举报投诉类申请', en: 'petitions and complaints' },
	{ key: 'R3.5.2', label: '2.重复申请', en: 'repeated requests' },
	{ key: 'R3.5.3', label: '3.要求提供公开出版物', en: 'asks for publications' },
	{ key: 'R3.5.4', label: '4.无正当理由大量反复申请', en: 'many repeated requests without reason' },
	{ key: 'R3.5.5', label: '5.要求行政机关确认或重新出具已获取信息', en: 'asks to confirm or reissue information already obtained' },
];

const REQUEST_ROWS_TAIL: RowDef[] = [
	{ key: 'R3.7', label: '（七）总计', en: 'total of results' },
	{ key: 'R4', label: '四、结转下年度继续办理', en: 'carried over to next year' },
];

/** Result rows whose sum is （七）总计, by format. */
const RESULT_ROWS_HEAD = ['R3.1', 'R3.2', 'R3.3.1', 'R3.3.2', 'R3.3.3', 'R3.3.4', 'R3.3.5', 'R3.3.6', 'R3.3.7', 'R3.3.8', 'R3.4.1', 'R3.4.2', 'R3.4.3', 'R3.5.1', 'R3.5.2', 'R3.5.3', 'R3.5.4', 'R3.5.5'];

export function requestsTable(otherRows: RowDef[]): TableDef {
	return {
		id: 'requests',
		title: { zh: '收到和处理政府信息公开申请情况', en: 'Requests received and handled' },
		section: 'requests',
		anchors: ['(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)'],
		headers: REQUEST_HEADERS,
		columns: APPLICANT_COLUMNS,
		rows: [...REQUEST_ROWS_HEAD, ...otherRows, ...REQUEST_ROWS_TAIL],
		allowUnknownRows: true,
		required: true,
	};
}

/**
 * The balance rules of Table 2, given the format's 其他处理 result rows, rows that only subtotal
 * others (they have row totals but are not results), and the rules for those subtotals.
 */
export function requestRules(otherResultRows: string[], subtotalRows: string[] = [], extra: BalanceRule[] = []): BalanceRule[] {
	const dataRows = ['R1', 'R2', ...RESULT_ROWS_HEAD, ...subtotalRows, ...otherResultRows, 'R3.7', 'R4'];
	return [
		...rowTotals('requests', dataRows, APPLICANT_PARTS, 'total'),
		...extra,
		...columnTotals('requests', ALL_APPLICANT, [...RESULT_ROWS_HEAD, ...otherResultRows], 'R3.7', 'balance.column-total', 'results-total'),
		...columnEquations('requests', ALL_APPLICANT, ['R1', 'R2'], ['R3.7', 'R4'], 'balance.identity', 'identity'),
	];
}

export { APPLICANT_PARTS, ALL_APPLICANT };

const OUTCOMES: Array<[string, string, string, string[]]> = [
	['upheld', '结果维持', 'upheld', ['结果', '维持']],
	['corrected', '结果纠正', 'corrected', ['纠正']],
	['other', '其他结果', 'other result', ['其他', '结果']],
	['pending', '尚未审结', 'pending', ['尚未', '审结']],
	['total', '总计', 'total', []],
];
const GROUPS: Array<[string, string, string]> = [
	['review', '行政复议', 'administrative review'],
	['suit', '未经复议直接起诉', 'lawsuit without prior review'],
	['suitAfterReview', '复议后起诉', 'lawsuit after review'],
];

/** Table 3: one row of 15 numbers; its header cells are often cut ("结果 | 结果 | 其他 | 尚未"), so columns go by position. */
export const APPEALS_TABLE: TableDef = {
	id: 'appeals',
	title: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative reviews and lawsuits' },
	section: 'appeals',
	anchors: ['行政复议'],
	headers: ['行政诉讼', ...GROUPS.map((g) => g[1]), ...OUTCOMES.flatMap((o) => [o[1], ...o[3]])],
	columns: GROUPS.flatMap(([g, gLabel, gEn]) =>
		OUTCOMES.map(([o, oLabel, oEn]) => ({ key: `${g}.${o}`, label: `${gLabel}·${oLabel}`, en: `${gEn}: ${oEn}`, group: { zh: gLabel, en: gEn, header: oLabel } })),
	),
	rows: [{ key: 'cases', label: '行政复议、行政诉讼案件数', en: 'cases' }],
	unlabeledRow: 'cases',
	required: true,
};

export const APPEALS_RULES: BalanceRule[] = GROUPS.map(([g]) => ({
	kind: 'sum',
	id: `appeals.group-total.${g}`,
	code: 'balance.group-total',
	table: 'appeals',
	target: { row: 'cases', column: `${g}.total` },
	terms: ['upheld', 'corrected', 'other', 'pending'].map((o) => ({ row: 'cases', column: `${g}.${o}` })),
}));
