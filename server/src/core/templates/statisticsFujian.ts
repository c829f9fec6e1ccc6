import { sum } from './ruleBuilders.ts';
import type { BalanceRule, ColumnDef, RowDef, TableDef } from './types.ts';

/**
 * The Fujian-style 附表 of the 2016–2018 reports (平潭综合实验区 and other Fujian agencies):
 * 指标名称 | 计量单位 | 本年度 | 历年累计, or 指标名称 | 计量单位 | 年末统计 with one count. Its rows
 * differ between agencies (网上 or 电子邮件申请, 信函、传真 or 传真 alone), so every row is
 * optional and only the sums the table states (其中 1. 2. 3.) are checked, where all their rows
 * are present. A new local wording is one alias.
 */

const row = (key: string, label: string, en: string, aliases: string[] = [], extra: Partial<RowDef> = {}): RowDef => ({ key, label, en, aliases, optional: true, ...extra });

const ROWS: RowDef[] = [
	row('F1', '主动公开文件数', 'items disclosed proactively', ['主动公开信息数']),
	row('F1.1', '其中：1.政府网站公开数', 'on the government website', ['1.网站公开', '其中：1.网站公开', '1.政府网站公开数']),
	row('F1.2', '2.政府公报公开数', 'in the gazette', ['2.政府公报公开']),
	row('F2', '受理政府信息公开申请总数', 'requests received', ['受理依申请公开信息总数']),
	row('F2.1', '其中：1.当面申请数', 'in person', ['1.当面申请数', '1.当面申请书', '其中：1.当面申请书']),
	row('F2.2', '2.网上申请数', 'online', ['2.网络申请数']),
	row('F2.3', '3.信函、传真申请数', 'by letter or fax', ['3.信函申请数']),
	row('F2.4', '2.传真申请数', 'by fax'),
	row('F2.5', '3.电子邮件申请数', 'by e-mail'),
	row('F3', '对申请的答复总数', 'replies'),
	row('F3.1', '其中：1.同意公开答复数', 'disclosed', ['1.同意公开答复数', '1同意公开答复数']),
	row('F3.2', '2.同意部分公开答复数', 'partly disclosed'),
	row('F3.3', '3.不予公开答复数', 'refused'),
	row('F3.4', '4.其他类型答复数', 'other replies'),
	row('F4', '政府信息公开收费减免金额', 'fees waived (yuan)', [], { allowDecimals: true }),
	row('F5', '接受行政申诉、举报数', 'complaints', ['接受行政诉讼、举报数']),
	row('F6', '行政复议数', 'administrative reviews'),
	row('F7', '行政诉讼数', 'lawsuits'),
];

const UNIT: ColumnDef = { key: 'unit', label: '计量单位', en: 'unit', kind: 'text', aliases: ['单位'] };

function fujianTable(id: string, anchor: string, columns: ColumnDef[], years: string[]): TableDef {
	return {
		id,
		title: { zh: '政府信息公开工作统计表（福建样式）', en: 'Statistics of government information disclosure (Fujian style)' },
		section: 'appendix',
		anchors: [anchor],
		headers: ['指标名称', '计量单位', '单位', ...years],
		columns: [UNIT, ...columns],
		rows: ROWS,
		allowUnknownRows: true,
		required: false,
	};
}

const YEARS = ['2015年度', '2016年度', '2017年度', '2018年度', '2015年', '2016年', '2017年', '2018年', '本年度'];

/** 本年度 | 历年累计: the year's count and the running total. */
export const FUJIAN_CUMULATIVE = fujianTable('statistics.fujian', '历年累计', [
	{ key: 'value', label: '本年度', en: 'this year' },
	{ key: 'cumulative', label: '历年累计', en: 'cumulative' },
], YEARS);

/** 年末统计: one count. */
export const FUJIAN_YEAR_END = fujianTable('statistics.fujian-year-end', '年末统计', [{ key: 'value', label: '年末统计', en: 'year-end count' }], YEARS);

// 主动公开文件数 is not the sum of its 其中 rows: 网站 and 公报 are two channels among others
// (微信, 报纸), and one item may go out by several. Requests and replies are partitions.
const SUMS: Array<[string, string, string[]]> = [
	['requests', 'F2', ['F2.1', 'F2.2', 'F2.3']],
	['requests-by-fax-and-mail', 'F2', ['F2.1', 'F2.4', 'F2.5']],
	['replies', 'F3', ['F3.1', 'F3.2', 'F3.3', 'F3.4']],
];

function rulesOf(table: TableDef): BalanceRule[] {
	const columns = table.columns.filter((c) => c.kind !== 'text').map((c) => c.key);
	return columns.flatMap((column) => SUMS.map(([id, target, terms]) => sum(table.id, `${id}.${column}`, 'balance.stat-sum', { row: target, column }, terms.map((r) => ({ row: r, column })))));
}

export const FUJIAN_TABLES = [FUJIAN_CUMULATIVE, FUJIAN_YEAR_END];
export const FUJIAN_RULES: BalanceRule[] = FUJIAN_TABLES.flatMap(rulesOf);
/** Labels only these tables print. */
export const FUJIAN_SIGNATURES = ['指标名称', '历年累计', '年末统计', '主动公开文件数', '受理政府信息公开申请总数', '受理依申请公开信息总数', '对申请的答复总数'];
