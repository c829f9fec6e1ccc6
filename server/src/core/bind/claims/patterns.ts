import type { CellRef, TemplateId } from '../../templates/index.ts';

/**
 * The numeric claims reports make in their prose, and the table cells each one speaks of, as data.
 * `N` in a pattern stands for the number (digits or Chinese numerals). A claim binds to the sum
 * of its cells in the report's format; a format without such a cell leaves the claim unbound.
 * Patterns are deliberately narrow: a false warning costs more than a missed one.
 */
export interface ClaimPattern {
	id: string;
	/** What the claim is about, for messages and hovers. */
	subject: { zh: string; en: string };
	/** Words one of which a sentence must contain for the patterns to be tried at all (a cheap filter). */
	keywords: string[];
	patterns: string[];
	/**
	 * Whether a count followed by its share (…条，占53%) is a part rather than the whole: reports
	 * split the year's disclosures by department or township with shares, while a count of
	 * requests with its share (予以公开…258件，占33.9%) is still the whole of its row.
	 */
	shareIsPart?: boolean;
	/** A count over the years (历年累计): a sentence that compares years may still make it. */
	acrossYears?: boolean;
	/** Words the sentence must contain for a match to be a claim (the subject named, not only the verb). */
	topic?: RegExp;
	/** Words that make the sentence about something else (a mailbox's or a hotline's cases). */
	offTopic?: RegExp;
	/**
	 * Per format, other cells the same words may count, with which the claim agrees too: 受理…申请
	 * 749件 may count the year's new requests with those carried over (713 + 36).
	 */
	alsoCounts?: Partial<Record<TemplateId, ClaimCells>>;
	/** Per format, the cells (or, where a format has variant tables, each variant's cells: the first present binds). */
	cells: Partial<Record<TemplateId, ClaimCells | ClaimCells[]>>;
}

export interface ClaimCells {
	table: string;
	refs: CellRef[];
}

// (A space on either side of the number: PDF text spaces digits off from Chinese, 收到行政复议 1 起.)
const NUM = '[ \\u00a0]?(?<n>\\d+|[零〇一二两三四五六七八九十百千]+)[ \\u00a0]?';
const AMOUNT = '(?:共|共计|合计|总计|为|达|计)?';
const UNIT = '(?:件次|件|起|个|份)';

const total = (row: string) => ({ table: 'requests', refs: [{ row, column: 'total' }] });
/** A row of the pre-2019 统计表: the national one, or Fujian's (本年度 | 历年累计, or 年末统计). */
const stat = (row: string, fujianRow?: string): ClaimCells[] => [
	{ table: 'statistics', refs: [{ row, column: 'value' }] },
	...(fujianRow ? ['statistics.fujian', 'statistics.fujian-year-end'].map((table) => ({ table, refs: [{ row: fujianRow, column: 'value' }] })) : []),
];
/** The applicant columns of Table 2 that are 法人或其他组织. */
const ORGANISATIONS = ['commercial', 'research', 'publicInterest', 'legal', 'other'];
/** Table 2's cells of the given rows in the given applicant columns. */
const applicants = (rows: string | string[], columns: string[]): ClaimCells => ({ table: 'requests', refs: [rows].flat().flatMap((row) => columns.map((column) => ({ row, column }))) });
const newAndCarriedOver: ClaimCells = { table: 'requests', refs: [{ row: 'R1', column: 'total' }, { row: 'R2', column: 'total' }] };
/** The totals of every item under the given group rows of Table 2 (R3.3 → R3.3.1 … R3.3.8). */
const GROUP_ITEMS: Record<string, number> = { 'R3.3': 8, 'R3.4': 3 };
const groupTotals = (groups: string[]) => ({ table: 'requests', refs: groups.flatMap((g) => Array.from({ length: GROUP_ITEMS[g] }, (_, i) => ({ row: `${g}.${i + 1}`, column: 'total' }))) });

export const CLAIM_PATTERNS: ClaimPattern[] = [
	{
		id: 'active.disclosed',
		subject: { zh: '主动公开政府信息', en: 'items disclosed proactively' },
		keywords: ['主动公开'],
		patterns: [`主动公开(?:政府)?信息(?:数量|数)?${AMOUNT}${NUM}条`],
		shareIsPart: true,
		// The 2019 and 2021 tables count no such total; the pre-2019 statistics table does.
		cells: { '2008': stat('S1.1', 'F1') },
	},
	{
		id: 'active.cumulative',
		subject: { zh: '历年累计主动公开政府信息', en: 'items disclosed proactively over the years' },
		keywords: ['累计'],
		patterns: [`历年累计主动公开(?:政府)?信息(?:数)?系?${AMOUNT}${NUM}条`, `共?(?:主动)?公开(?:政府信息|文件)累计${NUM}(?:份|条)`],
		acrossYears: true,
		// Only Fujian's 统计表 counts the years' total (本年度 | 历年累计).
		cells: { '2008': { table: 'statistics.fujian', refs: [{ row: 'F1', column: 'cumulative' }] } },
	},
	{
		id: 'requests.new',
		keywords: ['申请'],
		subject: { zh: '本年新收政府信息公开申请', en: 'new requests this year' },
		patterns: [
			`(?:收到|接到|受理|新收)了?(?:各类)?(?:政府信息公开|依申请公开|信息公开)?(?:政府信息)?(?:申请|依申请件|依申请)${AMOUNT}(?:\\d+人次?)?${NUM}(?:${UNIT}|条)`,
			`(?:收到|接到|受理|新收)了?${AMOUNT}${NUM}${UNIT}(?:政府信息公开|依申请公开)申请`,
			// The pre-2019 wording: 受理依申请公开11件, 受理的14件依申请公开 (依申请公开 names the request itself).
			`(?:收到|接到|受理|新收)了?依申请公开${AMOUNT}${NUM}(?:${UNIT}|条)`,
			`(?:收到|接到|受理|新收)的${NUM}${UNIT}依申请公开(?!信息)`,
		],
		cells: { '2021': total('R1'), '2019': total('R1'), '2008': stat('S3.1', 'F2') },
		alsoCounts: { '2021': newAndCarriedOver, '2019': newAndCarriedOver },
	},
	{
		id: 'requests.natural',
		keywords: ['自然人'],
		subject: { zh: '自然人提出的申请', en: 'requests from natural persons' },
		// (公民、法人和其他组织 / 自然人、法人 name every applicant, not one kind.)
		patterns: [`(?<!公民[、和及与或])自然人(?![、和及与或]法人)(?:提出|提交)?的?(?:政府信息公开)?(?:申请)?${AMOUNT}${NUM}(?:件|条|份)`],
		topic: /申请/,
		cells: { '2021': applicants('R1', ['natural']), '2019': applicants('R1', ['natural']) },
		alsoCounts: { '2021': applicants(['R1', 'R2'], ['natural']), '2019': applicants(['R1', 'R2'], ['natural']) },
	},
	{
		id: 'requests.organisations',
		keywords: ['法人'],
		subject: { zh: '法人或其他组织提出的申请', en: 'requests from legal persons and other organisations' },
		patterns: [`(?<![、和及与或])法人(?:或|和|及|、)?(?:其他组织)?(?:提出|提交)?的?(?:政府信息公开)?(?:申请)?${AMOUNT}${NUM}(?:件|条|份)`],
		topic: /申请/,
		cells: { '2021': applicants('R1', ORGANISATIONS), '2019': applicants('R1', ORGANISATIONS) },
		alsoCounts: { '2021': applicants(['R1', 'R2'], ORGANISATIONS), '2019': applicants(['R1', 'R2'], ORGANISATIONS) },
	},
	{
		id: 'requests.concluded',
		keywords: ['办结'],
		subject: { zh: '本年度办结的申请', en: 'requests concluded this year' },
		// (受理并办结3件 names those accepted and concluded, not all the year's results.)
		patterns: [`(?<![并和及与、])办结了?(?:政府信息公开|依申请公开|政府信息依申请公开)?(?:的)?(?:申请|依申请)?${AMOUNT}${NUM}件`],
		topic: /申请/,
		offTopic: /信箱|热线|12345|建议|提案|信访|留言|咨询|投诉|举报/,
		cells: { '2021': total('R3.7'), '2019': total('R3.7'), '2008': stat('S3.2') },
	},
	{
		id: 'requests.carried-over',
		keywords: ['上年结转'],
		subject: { zh: '上年结转政府信息公开申请', en: 'requests carried over from last year' },
		patterns: [`上年结转的?(?:政府信息公开)?(?:申请)?${AMOUNT}${NUM}件`],
		cells: { '2021': total('R2'), '2019': total('R2') },
	},
	{
		id: 'requests.carried-forward',
		keywords: ['结转'],
		subject: { zh: '结转下年度继续办理的申请', en: 'requests carried forward to next year' },
		patterns: [`结转(?:至|到)?下(?:一)?年度?(?:继续办理)?的?(?:申请)?${AMOUNT}${NUM}件`],
		cells: { '2021': total('R4'), '2019': total('R4') },
	},
	{
		id: 'requests.disclosed',
		keywords: ['予以公开'],
		subject: { zh: '予以公开的申请', en: 'requests disclosed' },
		patterns: [`予以公开${AMOUNT}${NUM}件`],
		cells: { '2021': total('R3.1'), '2019': total('R3.1') },
	},
	{
		id: 'requests.partly-disclosed',
		keywords: ['部分公开'],
		subject: { zh: '部分公开的申请', en: 'requests partly disclosed' },
		patterns: [`(?<!不予|予以|予以公开(?:和|及|与|、|以及))部分公开${AMOUNT}${NUM}件`],
		cells: { '2021': total('R3.2'), '2019': total('R3.2') },
	},
	{
		id: 'requests.disclosed-or-partly',
		keywords: ['部分公开'],
		subject: { zh: '予以公开和部分公开的申请', en: 'requests disclosed in full or in part' },
		patterns: [`予以公开(?:和|及|与|、|以及)部分公开(?:的)?(?:申请)?${AMOUNT}${NUM}件`],
		cells: { '2021': { table: 'requests', refs: [{ row: 'R3.1', column: 'total' }, { row: 'R3.2', column: 'total' }] }, '2019': { table: 'requests', refs: [{ row: 'R3.1', column: 'total' }, { row: 'R3.2', column: 'total' }] } },
	},
	{
		id: 'requests.refused-or-unavailable',
		keywords: ['无法提供'],
		subject: { zh: '不予公开和无法提供的申请', en: 'requests refused or not available' },
		patterns: [`不予公开(?:和|及|与|、|以及)无法提供(?:的)?(?:申请)?${AMOUNT}${NUM}件`],
		cells: { '2021': groupTotals(['R3.3', 'R3.4']), '2019': groupTotals(['R3.3', 'R3.4']) },
	},
	{
		id: 'requests.unavailable',
		keywords: ['无法提供'],
		subject: { zh: '无法提供的申请', en: 'requests not available' },
		patterns: [`(?<!不予公开(?:和|及|与|、|以及))无法提供${AMOUNT}${NUM}件`],
		cells: { '2021': groupTotals(['R3.4']), '2019': groupTotals(['R3.4']) },
	},
	{
		id: 'appeals.review',
		keywords: ['行政复议'],
		subject: { zh: '行政复议案件', en: 'administrative reviews' },
		patterns: [`(?:收到|发生|被申请|提起|涉及)了?(?:政府信息公开)?行政复议(?:案件|申请)?${AMOUNT}${NUM}(?:件|起)`, `行政复议(?:案件)?(?:共|共计|合计)${NUM}(?:件|起)`],
		cells: { '2021': { table: 'appeals', refs: [{ row: 'cases', column: 'review.total' }] }, '2019': { table: 'appeals', refs: [{ row: 'cases', column: 'review.total' }] }, '2008': stat('S4', 'F6') },
	},
	{
		id: 'appeals.lawsuit',
		keywords: ['行政诉讼'],
		subject: { zh: '行政诉讼案件', en: 'lawsuits' },
		patterns: [`(?:收到|发生|被提起|提起|涉及)了?(?:政府信息公开)?行政诉讼(?:案件)?${AMOUNT}${NUM}(?:件|起)`, `行政诉讼(?:案件)?(?:共|共计|合计)${NUM}(?:件|起)`],
		cells: {
			'2021': { table: 'appeals', refs: [{ row: 'cases', column: 'suit.total' }, { row: 'cases', column: 'suitAfterReview.total' }] },
			'2019': { table: 'appeals', refs: [{ row: 'cases', column: 'suit.total' }, { row: 'cases', column: 'suitAfterReview.total' }] },
			'2008': stat('S5', 'F7'),
		},
	},
	{
		id: 'active.normative-issued',
		keywords: ['规范性文件'],
		subject: { zh: '本年制发的行政规范性文件', en: 'normative documents issued this year' },
		patterns: [`(?:制发|印发|出台|制定|发布)了?(?:行政)?规范性文件${AMOUNT}${NUM}(?:件|份|个)`, `(?:制发|印发|出台|制定|发布)了?${NUM}(?:件|份|个)(?:行政)?规范性文件`],
		cells: {
			'2021': { table: 'active.rules', refs: [{ row: 'normativeDocuments', column: 'issued' }] },
			'2019': { table: 'active.rules', refs: [{ row: 'normativeDocuments', column: 'newlyMade' }] },
		},
	},
	{
		id: 'active.normative-in-force',
		keywords: ['现行有效'],
		subject: { zh: '现行有效的行政规范性文件', en: 'normative documents in force' },
		patterns: [`现行有效的?(?:行政)?规范性文件${AMOUNT}${NUM}(?:件|份|个)`],
		cells: { '2021': { table: 'active.rules', refs: [{ row: 'normativeDocuments', column: 'inForce' }] } },
	},
	{
		id: 'active.licensing',
		keywords: ['行政许可'],
		subject: { zh: '本年行政许可处理决定', en: 'licensing decisions this year' },
		patterns: [`(?<!受理|申请|公开)行政许可(?:决定)?${AMOUNT}${NUM}件`],
		cells: { '2021': { table: 'active.licensing', refs: [{ row: 'licensing', column: 'decisions' }] }, '2019': { table: 'active.licensing', refs: [{ row: 'licensing', column: 'decisions' }] } },
	},
	{
		id: 'active.penalties',
		keywords: ['行政处罚'],
		subject: { zh: '本年行政处罚处理决定', en: 'penalty decisions this year' },
		patterns: [`(?<!受理|申请|公开)行政处罚(?:决定)?${AMOUNT}${NUM}件`],
		cells: { '2021': { table: 'active.enforcement', refs: [{ row: 'penalties', column: 'decisions' }] }, '2019': { table: 'active.enforcement', refs: [{ row: 'penalties', column: 'decisions' }] } },
	},
	{
		id: 'active.coercion',
		keywords: ['行政强制'],
		subject: { zh: '本年行政强制处理决定', en: 'coercion decisions this year' },
		patterns: [`(?<!受理|申请|公开)行政强制(?:决定|措施)?${AMOUNT}${NUM}件`],
		cells: { '2021': { table: 'active.enforcement', refs: [{ row: 'coercion', column: 'decisions' }] }, '2019': { table: 'active.enforcement', refs: [{ row: 'coercion', column: 'decisions' }] } },
	},
];

/**
 * Statements that there were none ("无因信息公开答复引发的行政复议、行政诉讼", "全年未收到行政诉讼案件"):
 * a claim of 0 for each kind of case they name.
 */
export const ZERO_CASES = {
	pattern: /(?:无|未发生|未收到|未有|没有|未出现)(?<between>[^，。；,;：:\d]{0,24}?)(?<what>行政复议(?:和|及|、|或)?(?:行政诉讼)?|行政诉讼(?:和|及|、|或)?(?:行政复议)?)(?:案件|的情况|情况|事项)?(?=[，。；,;]|$)/g,
	/** Words that make the statement about one outcome rather than about the cases at all. */
	narrowing: /纠正|纠错|败诉|撤销|维持|确认违法|不服/,
};

/**
 * Statements that no request came in ("2018年，未收到公民提出的公开政府信息申请"): a claim of 0 new
 * requests. The request must end the clause, so that 未收到…申请引起的行政复议 is about appeals.
 */
export const ZERO_REQUESTS = {
	pattern: /(?:未收到|没有收到|未接到|没有接到|未受理|没有受理)(?<between>[^，。；,;：:\d]{0,12}?)(?:政府信息公开|依申请公开|信息公开|公开政府信息)(?:的)?申请(?:件|事项)?(?=[，。；,;]|$)/g,
	/** Words that make the statement about one channel, kind or subject of requests, not all of them. */
	narrowing: /当面|网上|网络|信函|传真|邮寄|邮件|电话|来信|来访|涉及|关于|有关|复议|诉讼|重复|补正|逾期|第三方/,
};

/** Claims about outcomes that the table can contradict. */
export const OUTCOME_CLAIMS = [
	{ id: 'all-upheld', pattern: /均(?:获|被|予以)?维持|全部(?:获|被|予以)?维持|均为维持/, subject: { zh: '均获维持', en: 'all upheld' }, contradictedBy: ['corrected', 'other', 'pending'] },
	{ id: 'no-losses', pattern: /零败诉|无败诉|未(?:发生|出现)?败诉|无一(?:例|起|件)?败诉/, subject: { zh: '零败诉', en: 'no lost cases' }, contradictedBy: ['corrected'] },
	{ id: 'no-corrections', pattern: /零纠错|无纠错|未被纠错|未被纠正|无一(?:例|起|件)?被(?:纠错|纠正|撤销)/, subject: { zh: '零纠错', en: 'nothing corrected' }, contradictedBy: ['corrected'] },
];

/**
 * Claims that every request of the year was answered ("均已按时办结"), which the requests still
 * open at the year's end (四、结转下年度继续办理) contradict. The sentence must speak of requests.
 */
export const COMPLETION_CLAIMS = [
	{ id: 'all-completed', topic: /申请/, pattern: /(?:均|全部|已全部|均已|全部已|均已按时|均按时|全部按时|均按期|全部按期)(?:依法)?(?:予以)?办结/, subject: { zh: '全部办结', en: 'all completed' }, contradictedBy: { table: 'requests', row: 'R4', column: 'total' } },
];
