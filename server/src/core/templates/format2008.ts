import { sum } from './ruleBuilders.ts';
import { FUJIAN_RULES, FUJIAN_SIGNATURES, FUJIAN_TABLES } from './statisticsFujian.ts';
import type { BalanceRule, RowDef, TemplateDef } from './types.ts';

/**
 * Reports for 2008–2018 (政府信息公开条例, 国务院令第492号): no national format fixed the
 * sections, and the 附表 统计表 varied by province. This is the national-style
 * 《政府信息公开情况统计表》 used for the 2016–2018 reports; rows a province added are kept as
 * unknown rows, and only the sums the table itself states ("其中", "=") are checked.
 */

// Provinces printed the table with rows of their own and without others: a row may be absent without a finding.
const row = (key: string, label: string, en: string, extra: Partial<RowDef> = {}): RowDef => ({ key, label, en, optional: true, ...extra });
const group = (key: string, label: string, en: string): RowDef => ({ key, label, en, kind: 'group' });

const STATISTICS_ROWS: RowDef[] = [
	group('S1', '一、主动公开情况', 'proactive disclosure'),
	row('S1.1', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', 'items disclosed proactively', { aliases: ['（一）主动公开政府信息数'] }),
	row('S1.1.1', '其中：主动公开规范性文件数', 'of which normative documents'),
	row('S1.1.2', '制发规范性文件总数', 'normative documents issued'),
	row('S1.2', '（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）', 'items in key areas', { aliases: ['（二）重点领域公开政府信息数'] }),
	group('S1.3', '（三）通过不同渠道和方式公开政府信息的情况', 'by channel'),
	row('S1.3.1', '1.政府公报公开政府信息数', 'government gazette'),
	row('S1.3.2', '2.政府网站公开政府信息数', 'government website'),
	row('S1.3.3', '3.政务微博公开政府信息数', 'Weibo'),
	row('S1.3.4', '4.政务微信公开政府信息数', 'WeChat'),
	row('S1.3.5', '5.其他方式公开政府信息数', 'other channels'),
	group('S2', '二、回应解读情况', 'responses and explanations'),
	row('S2.1', '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', 'hot topics responded to', { aliases: ['（一）回应公众关注热点或重大舆情数'] }),
	group('S2.2', '（二）通过不同渠道和方式回应解读的情况', 'by channel'),
	row('S2.2.1', '1.参加或举办新闻发布会总次数', 'press conferences'),
	row('S2.2.1.1', '其中：主要负责同志参加新闻发布会次数', 'of which attended by the head'),
	row('S2.2.2', '2.政府网站在线访谈次数', 'online interviews'),
	row('S2.2.2.1', '其中：主要负责同志参加政府网站在线访谈次数', 'of which attended by the head'),
	row('S2.2.3', '3.政策解读稿件发布数', 'policy explanations'),
	row('S2.2.4', '4.微博微信回应事件数', 'responses on Weibo/WeChat'),
	row('S2.2.5', '5.其他方式回应事件数', 'responses by other means'),
	group('S3', '三、依申请公开情况', 'disclosure on request'),
	row('S3.1', '（一）收到申请数', 'requests received'),
	row('S3.1.1', '1.当面申请数', 'in person'),
	row('S3.1.2', '2.传真申请数', 'by fax'),
	row('S3.1.3', '3.网络申请数', 'online', { aliases: ['3.网上申请数'] }),
	row('S3.1.4', '4.信函申请数', 'by letter'),
	row('S3.2', '（二）申请办结数', 'requests concluded'),
	row('S3.2.1', '1.按时办结数', 'on time'),
	row('S3.2.2', '2.延期办结数', 'extended'),
	row('S3.3', '（三）申请答复数', 'replies'),
	row('S3.3.1', '1.属于已主动公开范围数', 'already disclosed'),
	row('S3.3.2', '2.同意公开答复数', 'disclosed'),
	row('S3.3.3', '3.同意部分公开答复数', 'partly disclosed'),
	row('S3.3.4', '4.不同意公开答复数', 'refused'),
	row('S3.3.4.1', '其中：涉及国家秘密', 'state secret'),
	row('S3.3.4.2', '涉及商业秘密', 'trade secret'),
	row('S3.3.4.3', '涉及个人隐私', 'privacy'),
	row('S3.3.4.4', '危及国家安全、公共安全、经济安全和社会稳定', 'endangers security or stability'),
	row('S3.3.4.5', '不是《条例》所指政府信息', 'not government information'),
	row('S3.3.4.6', '法律法规规定的其他情形', 'other legal grounds'),
	row('S3.3.5', '5.不属于本行政机关公开数', 'not this agency'),
	row('S3.3.6', '6.申请信息不存在数', 'does not exist'),
	row('S3.3.7', '7.告知作出更改补充数', 'asked to amend'),
	row('S3.3.8', '8.告知通过其他途径办理数', 'referred elsewhere'),
	row('S4', '四、行政复议数量', 'administrative reviews'),
	row('S4.1', '（一）维持具体行政行为数', 'upheld'),
	row('S4.2', '（二）被依法纠错数', 'corrected'),
	row('S4.3', '（三）其他情形数', 'other'),
	row('S5', '五、行政诉讼数量', 'lawsuits'),
	row('S5.1', '（一）维持具体行政行为或者驳回原告诉讼请求数', 'upheld or dismissed'),
	row('S5.2', '（二）被依法纠错数', 'corrected'),
	row('S5.3', '（三）其他情形数', 'other'),
	row('S6', '六、举报投诉数量', 'complaints'),
	row('S7', '七、依申请公开信息收取的费用', 'fees charged (yuan)', { allowDecimals: true }),
	group('S8', '八、机构建设和保障经费情况', 'organisation and funding'),
	row('S8.1', '（一）政府信息公开工作专门机构数', 'dedicated units'),
	row('S8.2', '（二）设置政府信息公开查阅点数', 'reading points'),
	row('S8.3', '（三）从事政府信息公开工作人员数', 'staff'),
	row('S8.3.1', '1.专职人员数（不包括政府公报及政府网站工作人员数）', 'full-time', { aliases: ['1.专职人员数'] }),
	row('S8.3.2', '2.兼职人员数', 'part-time'),
	row('S8.4', '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', 'dedicated funding (yuan)', { aliases: ['（四）政府信息公开专项经费'], allowDecimals: true }),
	group('S9', '九、政府信息公开会议和培训情况', 'meetings and training'),
	row('S9.1', '（一）召开政府信息公开工作会议或专题会议数', 'meetings'),
	row('S9.2', '（二）举办各类培训班数', 'training courses'),
	row('S9.3', '（三）接受培训人员数', 'people trained'),
];

const V = 'value';
const cells = (...rows: string[]) => rows.map((r) => ({ row: r, column: V }));

const STATISTICS_RULES: BalanceRule[] = [
	sum('statistics', 'requests-received', 'balance.stat-sum', { row: 'S3.1', column: V }, cells('S3.1.1', 'S3.1.2', 'S3.1.3', 'S3.1.4')),
	sum('statistics', 'requests-concluded', 'balance.stat-sum', { row: 'S3.2', column: V }, cells('S3.2.1', 'S3.2.2')),
	sum('statistics', 'refusals', 'balance.stat-sum', { row: 'S3.3.4', column: V }, cells('S3.3.4.1', 'S3.3.4.2', 'S3.3.4.3', 'S3.3.4.4', 'S3.3.4.5', 'S3.3.4.6')),
	sum('statistics', 'replies', 'balance.stat-sum', { row: 'S3.3', column: V }, cells('S3.3.1', 'S3.3.2', 'S3.3.3', 'S3.3.4', 'S3.3.5', 'S3.3.6', 'S3.3.7', 'S3.3.8')),
	sum('statistics', 'reviews', 'balance.stat-sum', { row: 'S4', column: V }, cells('S4.1', 'S4.2', 'S4.3')),
	sum('statistics', 'lawsuits', 'balance.stat-sum', { row: 'S5', column: V }, cells('S5.1', 'S5.2', 'S5.3')),
	sum('statistics', 'staff', 'balance.stat-sum', { row: 'S8.3', column: V }, cells('S8.3.1', 'S8.3.2')),
];

export const FORMAT_2008: TemplateDef = {
	id: '2008',
	name: { zh: '2019年以前的年报格式（条例第三十二条及统计表）', en: 'pre-2019 format (2008 Regulations, art. 32, and statistics table)' },
	source: '《中华人民共和国政府信息公开条例》（国务院令第492号）第三十二条',
	years: [2008, 2018],
	signatures: ['统计指标', '收到申请数', '申请答复数', '申请办结数', '主动公开政府信息数', '行政复议数量', '行政诉讼数量', '举报投诉数量', ...FUJIAN_SIGNATURES],
	sections: [
		{ key: 'overview', title: '一、概述', en: 'Overview', keywords: [['概述', 3], ['总体情况', 3], ['概况', 2]], variants: ['总体情况', '基本情况', '引言'], required: false, levels: [1] },
		{ key: 'active', title: '主动公开政府信息的情况', en: 'Proactive disclosure', keywords: [['主动公开', 3]], required: true, levels: [1] },
		{ key: 'requests', title: '依申请公开政府信息和不予公开政府信息的情况', en: 'Disclosure on request and refusals', keywords: [['依申请', 3], ['申请', 1], ['不予公开', 2]], variants: ['依申请公开情况', '政府信息依申请公开工作情况', '依申请公开政府信息情况'], required: true, levels: [1] },
		{ key: 'fees', title: '政府信息公开的收费及减免情况', en: 'Fees and waivers', keywords: [['收费', 3], ['减免', 3]], required: true, levels: [1, 2] },
		{ key: 'appeals', title: '因政府信息公开申请行政复议、提起行政诉讼的情况', en: 'Administrative reviews and lawsuits', keywords: [['复议', 3], ['诉讼', 3]], variants: ['行政复议和诉讼情况', '行政复议、行政诉讼情况'], required: true, levels: [1] },
		{ key: 'problems', title: '政府信息公开工作存在的主要问题及改进情况', en: 'Main problems and improvements', keywords: [['问题', 3], ['不足', 3], ['改进', 2]], variants: ['存在的主要问题及改进情况', '存在不足及改进措施', '存在的问题及改进措施'], required: true, levels: [1] },
		{ key: 'other', title: '其他需要报告的事项', en: 'Other matters to report', keywords: [['其他需要报告', 4], ['其他', 2]], variants: ['需要说明的其他事项', '其他事项'], required: true, levels: [1] },
	],
	sectionSeverity: 'warning',
	tables: [
		{
			id: 'statistics',
			title: { zh: '政府信息公开情况统计表', en: 'Statistics of government information disclosure' },
			section: 'appendix',
			anchors: ['统计指标', '政府信息公开情况统计表'],
			headers: ['统计指标', '单位', '统计数'],
			columns: [
				{ key: 'unit', label: '单位', en: 'unit', kind: 'text' },
				{ key: V, label: '统计数', en: 'count' },
			],
			rows: STATISTICS_ROWS,
			allowUnknownRows: true,
			required: false,
		},
		...FUJIAN_TABLES,
	],
	rules: [...STATISTICS_RULES, ...FUJIAN_RULES],
};
