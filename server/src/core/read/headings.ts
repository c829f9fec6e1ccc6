import type { Range } from './text.ts';

/** A numbered heading line: 一、 (level 1), （一） (level 2), 1. / 1、 / （1） (level 3). */
export interface HeadingLine {
	level: 1 | 2 | 3;
	/** The ordinal as written, e.g. "一、", "(二)", "3、". */
	ordinal: string;
	/** The ordinal's number (一 → 1). */
	number: number;
	/** The heading's name: the text after the ordinal up to the first sentence end, trimmed. */
	title: string;
	/** Range of ordinal + title (what a reader sees as the heading). */
	range: Range;
	/** Range of the title alone (what a wording fix replaces). */
	titleRange: Range;
	/** A Markdown heading (`## 总体情况`) without an ordinal: a section only if its title names one. */
	unnumbered?: boolean;
	/** Whether the heading line is followed on the same line by body text. */
	inline: boolean;
}

const CN = '一二三四五六七八九十';

function chineseOrdinalValue(s: string): number {
	if (s === '十') return 10;
	if (s.length === 1) return CN.indexOf(s) + 1;
	if (s[0] === '十') return 10 + CN.indexOf(s[1]) + 1;
	if (s.length === 2 && s[1] === '十') return (CN.indexOf(s[0]) + 1) * 10;
	return (CN.indexOf(s[0]) + 1) * 10 + CN.indexOf(s[2]) + 1;
}

// Leading white space (form feeds of pdftotext included), Word artefacts such as [bookmark: _GoBack],
// and the Markdown that PDF/OCR-to-Markdown tools write (`## `, `> `, `**`) may stand before the ordinal.
const PREFIX = /^(?:[\s\u3000]|\[bookmark:[^\]]*\]|#{1,6}(?=[\s\u3000]|[一二三四五六七八九十（(第\d])|>(?=[\s\u3000])|\*\*|__)*/;
const MARKDOWN_HEADING = /^[\s\u3000]*#{1,6}[\s\u3000]*/;
const LEVELS: Array<{ level: 1 | 2 | 3; re: RegExp; value: (m: RegExpExecArray) => number }> = [
	// (A space before the 、 — "一 、总体情况", from PDF text and hand-typed reports — is common.)
	{ level: 1, re: /^([一二三四五六七八九十]{1,3})[\s\u3000]*[、,，.．]/, value: (m) => chineseOrdinalValue(m[1]) },
	// A colon for the 、 (一：总体情况) only on a line that holds nothing else: "一：本机关未收取…。" is a list item.
	{ level: 1, re: /^([一二三四五六七八九十]{1,3})[\s\u3000]*[:：](?=[^。；;：:！!？?]{2,40}$)/, value: (m) => chineseOrdinalValue(m[1]) },
	// 一 总体情况: a space for the 、 (PDF exports, hand-typed reports); a CJK title must follow.
	{ level: 1, re: /^([一二三四五六七八九十]{1,3})[\s\u3000]+(?=[\u4e00-\u9fa5])/, value: (m) => chineseOrdinalValue(m[1]) },
	{ level: 1, re: /^第([一二三四五六七八九十]{1,3})部分[、,，.．:：\s\u3000]*/, value: (m) => chineseOrdinalValue(m[1]) },
	{ level: 2, re: /^[（(]([一二三四五六七八九十]{1,3})[）)][、.．]?/, value: (m) => chineseOrdinalValue(m[1]) },
	{ level: 3, re: /^(\d{1,2})[.．、](?!\d)/, value: (m) => Number(m[1]) },
	{ level: 3, re: /^[（(](\d{1,2})[）)][、.．]?/, value: (m) => Number(m[1]) },
];

/** Longest title a heading may have before the line reads as a paragraph instead. */
const MAX_TITLE = 40;

/**
 * Reads a line as a heading, or returns null. A numbered line is a heading when its first
 * sentence is short: "（一）主动公开" and "1.加大主动公开力度。严格对照…" are, a long numbered
 * paragraph is not. Lines in tables (with | or a leading TAB) are never headings.
 */
export function readHeading(line: string, lineNo: number): HeadingLine | null {
	if (line.length === 0 || line.charCodeAt(0) === 9 || line.includes('|') || line.includes('｜')) return null;
	const prefix = PREFIX.exec(line)![0].length;
	const rest = line.slice(prefix);
	// An appendix (附表：政府信息公开情况统计) stands beside the numbered sections, not inside the last one.
	const appendix = /^附[表件]\s*[\d一二三四五六七八九十]*\s*[:：]?/.exec(rest);
	if (appendix && rest.trimEnd().length <= MAX_TITLE) {
		const end = prefix + rest.trimEnd().length;
		const title = rest.slice(appendix[0].length).trim() || rest.trim();
		const range = { start: { line: lineNo, character: prefix }, end: { line: lineNo, character: end } };
		return { level: 1, ordinal: '', number: 0, title, range, titleRange: range, inline: false };
	}
	for (const { level, re, value } of LEVELS) {
		const m = re.exec(rest);
		if (!m) continue;
		const afterOrdinal = prefix + m[0].length;
		const body = line.slice(afterOrdinal);
		const stop = body.search(/[。；;：:！!？?]|\*\*|__/);
		let titleText = (stop === -1 ? body : body.slice(0, stop)).trimEnd();
		const lead = titleText.length - titleText.trimStart().length;
		titleText = titleText.trim();
		if (titleText.length === 0 || titleText.length > MAX_TITLE) return null;
		// A level-3 "heading" that runs on as a long sentence with commas is a list item of prose.
		if (stop === -1 && level === 3 && /[，,]/.test(titleText) && titleText.length > 20) return null;
		const start = prefix;
		const end = afterOrdinal + lead + titleText.length;
		return {
			level,
			ordinal: line.slice(prefix, afterOrdinal).trimEnd(),
			number: value(m),
			title: titleText,
			range: { start: { line: lineNo, character: start }, end: { line: lineNo, character: end } },
			titleRange: { start: { line: lineNo, character: afterOrdinal + lead }, end: { line: lineNo, character: end } },
			inline: stop !== -1 && body.slice(stop).replace(/^(?:\*\*|__|[。；;：:！!？?])/, '').trim().length > 0,
		};
	}
	return unnumberedMarkdownHeading(line, lineNo) ?? bulletedHeading(line, lineNo);
}

/**
 * `- 总体情况`, `• 总体情况`: a page's list that turned the section's number into a bullet. Only a
 * short line that reads as a section's title (…情况, …事项, 概述), not any list item of the prose.
 */
const BULLET = /^[\s\u3000]*[-•·●▪■◆*][\s\u3000]*/;
const SECTION_TITLE_END = /(?:情况|事项|概述|概况|措施)$/;
const MAX_BULLETED_TITLE = 24;

function bulletedHeading(line: string, lineNo: number): HeadingLine | null {
	const m = BULLET.exec(line);
	if (!m) return null;
	const title = line.slice(m[0].length).trimEnd();
	if (title.length < 2 || title.length > MAX_BULLETED_TITLE || /[。；;！!？?，,：:、|]/.test(title) || !SECTION_TITLE_END.test(title)) return null;
	const range = { start: { line: lineNo, character: m[0].length }, end: { line: lineNo, character: m[0].length + title.length } };
	return { level: 1, ordinal: '', number: 0, title, range, titleRange: range, inline: false, unnumbered: true };
}

/** `## 总体情况`: a Markdown heading with no ordinal, short enough to be a heading. */
function unnumberedMarkdownHeading(line: string, lineNo: number): HeadingLine | null {
	const m = MARKDOWN_HEADING.exec(line);
	if (!m) return null;
	const text = line.slice(m[0].length).replace(/^(?:\*\*|__)/, '');
	const lead = line.length - m[0].length - text.length;
	const title = text.replace(/(?:\*\*|__)?[\s\u3000#]*$/, '');
	if (title.length === 0 || title.length > MAX_TITLE || /[。；;！!？?]/.test(title)) return null;
	const start = m[0].length + lead;
	const range = { start: { line: lineNo, character: start }, end: { line: lineNo, character: start + title.length } };
	return { level: 1, ordinal: '', number: 0, title, range, titleRange: range, inline: false, unnumbered: true };
}
