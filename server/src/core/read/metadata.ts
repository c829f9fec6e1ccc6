import type { Heading, ReportMetadata } from '../model.ts';
import type { LineIndex } from './text.ts';
import { foldDigits } from './normalize.ts';

const REPORT_NAME = /政府信息公开(?:工作)?年度报告|政务公开工作年度报告|信息公开年报/;
/** "…2023年度政府信息公开工作年度报告": the year and the name before it. The name is looked for only behind a match, never tried at every position of the text. */
const YEAR_REPORT = /((?:19|20)\d{2})\s*年度?\s*政府信息公开(?:工作)?年度报告/g;
const NAME_BEFORE = /[\u4e00-\u9fa5（）()]{2,40}$/;

function agencyAndYear(text: string): { agency: string; year: number } | undefined {
	YEAR_REPORT.lastIndex = 0;
	for (let m = YEAR_REPORT.exec(text); m; m = YEAR_REPORT.exec(text)) {
		const name = NAME_BEFORE.exec(text.slice(Math.max(0, m.index - 80), m.index).trimEnd());
		// (…区管委会办公室关于做好2023年度…年度报告编制工作的通知: the notice's author, not the report's.)
		if (name && !/关于(?:做好)?$|做好$/.test(name[0])) return { agency: name[0], year: Number(m[1]) };
	}
	return undefined;
}
const LEADING_VERBS = /^(?:现将|现|特?制定|编制|发布|公布|制定了|形成|关于)+/;

/** A page's breadcrumb, which names the report too (首页 > 信息公开 > 年报; 首页/ 政府信息公开 / 年报 / 正文): no title. */
function isBreadcrumb(line: string): boolean {
	return /当前位置|您的位置|首页|^[>＞»›]/.test(line) || (line.match(/\s[/>＞»›]\s/g)?.length ?? 0) >= 2;
}

/** A site's column name above the title (政府信息公开, 政府信息公开年报): no part of the agency's name. */
const COLUMN_NAME = /^(?:政府信息公开|信息公开|政务公开|政府信息公开年报|政府信息公开年度报告|年度报告|年报|正文)$/;

/** Words a sentence naming the report puts before the agency's name (关于做好…, 特编制…, 向社会公布…). */
const BEFORE_NAME = /^.*(?:关于做好|做好|编制了?|公布|发布|印发|现将|形成了?|制定了?)/;

/** A line of a web page's furniture that can stand right above a title (字号：大 中 小, 打印 关闭, 分享到). */
function isChromeLine(line: string): boolean {
	return /^(?:[【[]?\s*(?:打印|关闭|收藏|分享到?|字号|字体|大|中|小|微信|微博|QQ空间)\s*[】\]]?\s*)+$/.test(line);
}

/** Title, agency and report year, where the report states them. */
export function readMetadata(index: LineIndex, headings: Heading[]): ReportMetadata {
	const meta: ReportMetadata = {};
	const firstHeadingLine = headings.find((h) => h.level === 1)?.line ?? Math.min(index.lineCount, 10);
	const lines = index.lines;

	// The title: a short line naming the report before the first section, with the agency line above it.
	for (let n = 0; n < Math.min(firstHeadingLine, 12); n++) {
		const t = lines[n].trim();
		// A page's breadcrumb (当前位置：首页 > 信息公开 > 政府信息公开年度报告) names the report too; it is no title.
		if (t.length === 0 || t.length > 60 || !REPORT_NAME.test(t) || /[。，,]/.test(t) || isBreadcrumb(t)) continue;
		let start = n;
		const above = n > 0 ? lines[n - 1].trim() : '';
		if (above.length > 0 && above.length <= 40 && !/[。，,：:>＞»›|/]/.test(above) && !REPORT_NAME.test(above) && !isChromeLine(above) && !COLUMN_NAME.test(above)) start = n - 1;
		const text = lines.slice(start, n + 1).map((l) => l.trim()).join('');
		const digits = foldDigits(text);
		const s = lines[start].length - lines[start].trimStart().length;
		meta.title = { text, range: { start: { line: start, character: s }, end: { line: n, character: lines[n].trimEnd().length } } };
		const m = /((?:19|20)\d{2})\s*年/.exec(digits);
		if (m) [meta.year, meta.yearSource] = [Number(m[1]), 'title'];
		const agency = digits.replace(/(?:19|20)\d{2}\s*年度?/, '').replace(REPORT_NAME, '').replace(/^关于/, '').trim();
		if (agency.length >= 2) meta.agency = agency;
		break;
	}

	// (Full-width digits as ASCII: ２０２３年 is a year.)
	const head = foldDigits(index.text.slice(0, 20000));
	const whole = foldDigits(index.text);
	if (meta.year === undefined) {
		const period = /统计期限[^。\n]{0,8}?((?:19|20)\d{2})\s*年/.exec(whole) ?? /[（(]\s*((?:19|20)\d{2})\s*年度\s*[）)]/.exec(whole);
		if (period) [meta.year, meta.yearSource] = [Number(period[1]), 'period'];
	}
	const named = agencyAndYear(whole);
	if (named) {
		if (meta.agency === undefined) meta.agency = named.agency.replace(BEFORE_NAME, '').replace(LEADING_VERBS, '') || undefined;
		if (meta.year === undefined) [meta.year, meta.yearSource] = [named.year, 'named'];
	}
	if (meta.agency === undefined) {
		// 由…编制, or the contact sentence every report closes with (如对本报告有疑问，请与…联系).
		const by = /由([\u4e00-\u9fa5（）()]{2,40}?)(?:负责)?编制/.exec(head) ?? /请与([\u4e00-\u9fa5（）()]{2,40}?)(?:办公室)?联系/.exec(whole);
		if (by) meta.agency = by[1];
	}
	if (meta.agency === undefined) {
		// (Not 我区: a 自治区 speaks so too, and a city's district is no township.)
		const self = /[我本](?:镇|乡(?!镇)|街道|县|旗)/.exec(head);
		if (self) meta.selfReference = self[0];
	}
	if (meta.year === undefined) {
		meta.year = mostFrequentYear(head);
		if (meta.year !== undefined) meta.yearSource = 'frequent';
	}
	return meta;
}

function mostFrequentYear(text: string): number | undefined {
	const counts = new Map<number, number>();
	for (const m of text.matchAll(/((?:19|20)\d{2})\s*年/g)) {
		const y = Number(m[1]);
		if (y >= 2007 && y <= 2100) counts.set(y, (counts.get(y) ?? 0) + 1);
	}
	let best: number | undefined;
	let bestCount = 0;
	for (const [y, c] of counts) if (c > bestCount || (c === bestCount && best !== undefined && y > best)) [best, bestCount] = [y, c];
	return best;
}
