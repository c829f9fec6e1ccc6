/**
 * The dates and years a report's prose states: full dates (2023年12月31日), years (2023年,
 * 2023年度), the 统计期限 sentence, 截至 dates and placeholders left from a template (20××年).
 * Pure: a string in, mentions with offsets into it out.
 */

export interface DateMention {
	/** Where the mention starts and ends in the string searched. */
	start: number;
	end: number;
	text: string;
	year: number;
	month?: number;
	day?: number;
	/** 截至/截止 directly before it: the date a figure is stated as of. */
	asOf: boolean;
}

export interface Placeholder {
	start: number;
	end: number;
	text: string;
}

export interface StatisticsPeriod {
	start: number;
	end: number;
	text: string;
	from: DateMention;
	to?: DateMention;
}

const DATE = /((?:19|20)\d{2})\s*年(?:\s*度)?(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/g;
/** 截至 right before a date (looked for behind each date, not tried at every position). */
const AS_OF_BEFORE = /(?:截至|截止)到?\s*$/;
/** Characters a placeholder year needs: a cheap test before the placeholder pattern. */
const PLACEHOLDER_MARK = /[xX×＊*○□]/;
/** A year with its last digits left as a template's blank: 20××年, 201x年, 202X年度, 二〇××年. */
const PLACEHOLDER = /(?:(?:19|20)\d?[xX×＊*○□]{1,2}|二[〇零]\s*[xX×＊*○□]{2}|[xX×]{4})\s*年/g;
const PERIOD = /统计期限[^。\n]{0,40}/;

export function datesIn(text: string): DateMention[] {
	const out: DateMention[] = [];
	for (const m of text.matchAll(DATE)) {
		const month = m[2] === undefined ? undefined : Number(m[2]);
		const day = m[3] === undefined ? undefined : Number(m[3]);
		if (month !== undefined && (month < 1 || month > 12)) continue;
		if (day !== undefined && (day < 1 || day > 31)) continue;
		const asOf = AS_OF_BEFORE.test(text.slice(Math.max(0, m.index! - 6), m.index!));
		out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], year: Number(m[1]), month, day, asOf });
	}
	return out;
}

export function placeholdersIn(text: string): Placeholder[] {
	if (!PLACEHOLDER_MARK.test(text)) return [];
	return [...text.matchAll(PLACEHOLDER)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

/** The 统计期限 statement (自2023年1月1日起至2023年12月31日止), where the string has one. */
export function statisticsPeriodIn(text: string): StatisticsPeriod | undefined {
	const m = PERIOD.exec(text);
	if (!m) return undefined;
	const dates = datesIn(m[0]);
	if (dates.length === 0) return undefined;
	const shift = (d: DateMention): DateMention => ({ ...d, start: d.start + m.index, end: d.end + m.index });
	return { start: m.index, end: m.index + m[0].length, text: m[0], from: shift(dates[0]), to: dates[1] && shift(dates[1]) };
}
