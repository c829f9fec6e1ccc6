import { datesIn, placeholdersIn, statisticsPeriodIn, type DateMention } from '../../read/dates.ts';
import { matchesOf, type Range } from '../../read/text.ts';
import { foldDigits } from '../../read/normalize.ts';
import { sentencePieces, sentencePosition, sentenceRange } from '../../bind/claims/find.ts';
import type { ReportModel, Sentence } from '../../model.ts';
import { sectionAt, sectionSpans, type SectionSpans } from './sectionAt.ts';
import { CODES, message, type Code, type Finding, type Lang } from '../findings.ts';

/**
 * Years and dates against the report year: the 统计期限, placeholders left from a template,
 * improvement plans that do not speak of the next year, statements and 截至 dates that carry
 * last year's (or the wrong) year — the slips of a report copied from last year's.
 * Every rule is narrow: a sentence that compares years or looks back binds nothing.
 */
export function dateFindings(model: ReportModel, lang: Lang): Finding[] {
	const year = model.metadata.year;
	const out: Finding[] = [...placeholders(model, lang)];
	if (year === undefined) return out;
	out.push(...period(model, year, lang), ...yearColumns(model, year, lang));
	let prose: Prose | undefined;
	for (const s of model.sentences) {
		if (!s.text.includes('年')) continue;
		prose ??= proseOf(model);
		out.push(...planYear(prose, s, year, lang), ...statementYear(prose, s, year, lang));
		if (!COMPARING.test(s.text)) out.push(...asOf(s, year, lang));
	}
	return out;
}

/** Words that make a sentence speak of several years on purpose. */
const COMPARING = /同比|较上年|较去年|比上年|比去年|上一年|上年度|去年|以来|历年|连续|分别|至今|先后|相比|对比/;
/** 2023年，我局将… / 2023年我委计划…: a plan for the year named. */
const PLAN = /^[\s（(一二三四五六七八九十、)）.\d]*((?:19|20)\d{2})\s*年(?:度)?\s*[，,]?\s*(?:[我本][\u4e00-\u9fa5]{0,8}?)?(?:将|计划|拟|准备|要|继续)/;
/** 2022年，我局收到…: a statement of the year's work at the start of a sentence. */
const STATEMENT = /^[\s（(一二三四五六七八九十、)）.\d]*((?:19|20)\d{2})\s*年(?:度)?\s*[，,]?\s*[我本](?:局|委|办|厅|部|院|署|会|中心|单位|部门|机关|区|县|市|镇|乡|街道|政府)[\u4e00-\u9fa5]{0,6}?(?:收到|受理|共|主动公开|公开|发布|办理|制定|印发|开展|完成|累计)/;
/**
 * 2022年制作、获取政府信息总数425条 / 2022年，在主动公开的61条政府信息中: the year's counts with no
 * subject, opening the clause. A clause that also names another year compares them.
 */
const BARE_STATEMENT = /^[\s（(一二三四五六七八九十、)）.\d]*((?:19|20)\d{2})\s*年(?:度)?\s*[，,]?\s*(?:全年)?共?(?:制作、获取|制作和获取|制作、获得|新收|收到(?:政府信息公开|依申请公开)申请|受理(?:政府信息公开|依申请公开)申请|在主动公开的\d+条)/;
const ANY_YEAR = /(?:19|20)\d{2}\s*年/g;
const WORK_SECTIONS = new Set(['overview', 'active', 'requests', 'appeals']);

function finding(code: Code, lang: Lang, range: Range, params: Record<string, string | number>, data?: Record<string, unknown>): Finding {
	return { code, severity: CODES[code].severity, message: message(code, lang, params), range, data };
}

const at = (s: Sentence, d: { start: number; end: number }): Range => sentenceRange(s, d.start, d.end);
const placeOf = (s: Sentence, offset: number) => {
	const p = sentencePosition(s, offset);
	return { line: p.line, start: p.character };
};

function placeholders(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	for (const s of model.sentences) for (const p of placeholdersIn(s.text)) out.push(finding('date.placeholder', lang, at(s, p), { text: p.text }));
	if (model.metadata.title) {
		const t = model.metadata.title;
		if (t.range.start.line === t.range.end.line) {
			const line = model.index.lines[t.range.start.line];
			for (const p of placeholdersIn(line)) {
				const r: Range = { start: { line: t.range.start.line, character: p.start }, end: { line: t.range.start.line, character: p.end } };
				if (!out.some((f) => f.range.start.line === r.start.line && f.range.start.character === r.start.character)) out.push(finding('date.placeholder', lang, r, { text: p.text }));
			}
		}
	}
	return out;
}

function period(model: ReportModel, year: number, lang: Lang): Finding[] {
	for (const s of model.sentences) {
		const p = statisticsPeriodIn(s.text);
		if (!p) continue;
		const wrong = [p.from, p.to].filter((d): d is DateMention => d !== undefined && d.year !== year);
		return wrong.map((d) => finding('date.period', lang, at(s, { start: d.start, end: d.start + 4 }), { found: d.year, year }, { expected: year }));
	}
	return [];
}

/**
 * The pre-2019 统计表 heads its year's column with the year (2017年度 | 历年累计): last year's
 * there is the table copied. The year must be the cell right before the 历年累计 column (on its
 * line, or the line before where an extraction puts each header cell on a line of its own), in
 * the table's header, so that a title or a note naming another year is no header.
 */
function yearColumns(model: ReportModel, year: number, lang: Lang): Finding[] {
	const out: Finding[] = [];
	for (const t of model.tables) {
		if (!t.def.columns.some((c) => c.key === 'cumulative')) continue;
		// (Full-width digits read as ASCII, one unit for one: offsets stay the text's.)
		const lines = { at: (n: number) => foldDigits(model.index.lines[n]) };
		const firstRow = Math.min(t.range.start.line, ...t.rows.map((r) => r.labelRange.start.line));
		let found: Range | undefined;
		for (let n = Math.max(0, firstRow - HEADER_LINES); n <= firstRow && !found; n++) {
			const line = lines.at(n);
			const k = line.indexOf(CUMULATIVE_HEADER);
			if (k < 0) continue;
			const before = line.slice(Math.max(0, k - 24), k);
			const m = YEAR_HEADER.exec(before);
			if (m) {
				const character = k - before.length + m.index + m[0].indexOf(m[1]);
				if (Number(m[1]) === year - 1) found = { start: { line: n, character }, end: { line: n, character: character + 4 } };
				break;
			}
			if (before.trim() !== '') break;
			let p = n - 1;
			while (p >= 0 && lines.at(p).trim() === '') p--;
			const own = p >= 0 ? YEAR_CELL.exec(lines.at(p)) : null;
			if (own && Number(own[1]) === year - 1) {
				const character = own.index + own[0].indexOf(own[1]);
				found = { start: { line: p, character }, end: { line: p, character: character + 4 } };
			}
			break;
		}
		if (found) out.push(finding('date.statement-year', lang, found, { found: year - 1, year }, { expected: year }));
	}
	return out;
}
/** The column that follows the year's own column in the 统计表's header, and how far above the first row the header may stand. */
const CUMULATIVE_HEADER = '历年累计';
const HEADER_LINES = 8;
const YEAR_HEADER = /(?:^|[^\d])((?:19|20)\d{2})\s*年度?[\s|\t│┃]*$/;
const YEAR_CELL = /^[\s|\t│┃]*((?:19|20)\d{2})\s*年度?[\s|\t│┃]*$/;

/**
 * Where a statement may begin inside a sentence: its start, and right after each heading that
 * stands inside it (web text runs a heading and its first sentence together: 五、存在的主要问题及改进情况2020年我局将…).
 */
function clauseStarts(prose: Prose, s: Sentence): number[] {
	const starts = [0];
	// On each line the sentence runs over (a PDF's wrapped lines, a wrap's), where a heading ends inside it.
	for (const piece of sentencePieces(s)) {
		for (const end of prose.headingEnds.get(piece.line) ?? []) {
			const at = piece.at + end - piece.character;
			if (at > piece.at && at < piece.end) starts.push(at);
		}
	}
	// A sub-heading no heading was read for, run straight into a year ((一)主动公开政府信息的数量2024年制作…).
	for (const m of matchesOf(SUBHEADING_BEFORE_YEAR, s.text)) if (!starts.includes(m.index + m[0].length)) starts.push(m.index + m[0].length);
	return starts;
}
const SUBHEADING_BEFORE_YEAR = /[（(][一二三四五六七八九十]{1,2}[)）][\u4e00-\u9fa5、]{2,20}?(?=(?:19|20)\d{2}\s*年)/g;

/**
 * What the sentence rules look up, made once a report by dateFindings and passed along (not
 * cached in WeakMaps beside the model: a WeakMap's values outlive a scavenge, and a folder's
 * worth of them held the CLI's memory up).
 */
interface Prose {
	spans: SectionSpans;
	/** Where headings end, by line, in the headings' order. */
	headingEnds: Map<number, number[]>;
}

function proseOf(model: ReportModel): Prose {
	const headingEnds = new Map<number, number[]>();
	for (const h of model.headings) {
		const ends = headingEnds.get(h.range.end.line);
		if (ends) ends.push(h.range.end.character);
		else headingEnds.set(h.range.end.line, [h.range.end.character]);
	}
	return { spans: sectionSpans(model.sections), headingEnds };
}

function planYear(prose: Prose, s: Sentence, year: number, lang: Lang): Finding[] {
	for (const from of clauseStarts(prose, s)) {
		const clause = s.text.slice(from);
		const m = PLAN.exec(clause);
		if (!m || COMPARING.test(clause) || sectionAt(prose.spans, placeOf(s, from)) !== 'problems') continue;
		const found = Number(m[1]);
		if (found > year) continue;
		const start = from + m[0].indexOf(m[1]);
		return [finding('date.plan-year', lang, at(s, { start, end: start + 4 }), { found, expected: year + 1 }, { expected: year + 1 })];
	}
	return [];
}

function statementYear(prose: Prose, s: Sentence, year: number, lang: Lang): Finding[] {
	for (const from of clauseStarts(prose, s)) {
		const clause = s.text.slice(from);
		const m = STATEMENT.exec(clause) ?? bareStatement(clause);
		if (!m || Number(m[1]) !== year - 1 || COMPARING.test(clause)) continue;
		const section = sectionAt(prose.spans, placeOf(s, from));
		if (section === undefined || !WORK_SECTIONS.has(section)) continue;
		const start = from + m[0].indexOf(m[1]);
		return [finding('date.statement-year', lang, at(s, { start, end: start + 4 }), { found: year - 1, year }, { expected: year })];
	}
	return [];
}

function bareStatement(clause: string): RegExpExecArray | null {
	const m = BARE_STATEMENT.exec(clause);
	if (!m) return null;
	const sentence = clause.slice(0, clause.search(/[。；！？;]|$/));
	return matchesOf(ANY_YEAR, sentence).length === 1 ? m : null;
}

/**
 * A figure stated 截至 a date: last year's date is a copy, a date in January of the report year
 * is the drafting date with the old year (reports are written in the January after), and a date
 * well after the period is after the report is due (31 January).
 */
function asOf(s: Sentence, year: number, lang: Lang): Finding[] {
	const out: Finding[] = [];
	if (!s.text.includes('截')) return out;
	for (const d of datesIn(s.text)) {
		if (!d.asOf) continue;
		let reason: 'last-year' | 'drafting' | 'after' | undefined;
		if (d.year === year - 1 && d.month !== undefined) reason = 'last-year';
		else if (d.year === year && d.month === 1) reason = 'drafting';
		else if (d.year > year + 1 || (d.year === year + 1 && d.month !== undefined && d.month > 3)) reason = 'after';
		if (!reason) continue;
		out.push(finding('date.as-of', lang, at(s, d), { text: d.text, year, reason: AS_OF_REASONS[reason][lang] }, { reason }));
	}
	return out;
}

const AS_OF_REASONS = {
	'last-year': { zh: '是上一年度的日期', en: 'is a date of the year before' },
	drafting: { zh: '在统计期限之初，像是把编制报告时（次年 1 月）的年份写成了本年', en: 'is at the very start of the period, as if the drafting date (the January after) kept the report year' },
	after: { zh: '晚于报告应当公布的时间（次年 1 月 31 日前）', en: 'is after the date by which the report is due (31 January of the next year)' },
};
