import type { TableBlock } from './layout/types.ts';
import type { Artifact } from '../model.ts';
import { isMarkedPageNumber } from './pageNumbers.ts';
import { isSiteNavigation } from './siteNavigation.ts';
import { matchesOf, type LineIndex } from './text.ts';
import type { ReadingReuse } from '../reuse.ts';

/** Lines that web pages add around a report body. */
const WEB_CHROME: RegExp[] = [
	// The QR code's caption, as sites word it (扫一扫在手机上打开页面, 扫一扫在手机上查看当前页面, 扫一扫在手机打开当前页).
	/扫一扫在手机上?(?:打开|查看|浏览|阅读)/,
	/ICP备\s*\d+/,
	/公网安备/,
	/政府网站标识码/,
	/^\s*当前位置[:：]/,
	/^\s*(?:主办|承办|技术支持|网站地图)[:：]/,
	/^\s*[【[]?\s*(?:打印本页|关闭窗口|打印|关闭|收藏|分享到)\s*[】\]]?\s*(?:[【[]?\s*(?:打印本页|关闭窗口|打印|关闭|收藏)\s*[】\]]?\s*)*$/,
	/^\s*字号[:：]\s*[大中小\s]+$/,
	/^\s*(?:浏览次数|访问量|点击数)[:：]\s*\d+\s*$/,
	// Share buttons (微信 微博 QQ空间), a download box (附件下载), the page's own date line.
	/^\s*(?:分享到[:：]?\s*)?(?:微信|微博|QQ空间|QQ好友|朋友圈|新浪微博|腾讯微博|抖音)(?:[\s\u3000、|/]+(?:微信|微博|QQ空间|QQ好友|朋友圈|新浪微博|腾讯微博|抖音))+\s*$/,
	/^\s*(?:附件下载|相关附件|附件列表)[:：]?\s*$/,
	/^\s*[-•]?\s*(?:发布时间|发布日期)[:：]\s*(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+(?:信息)?来源[:：]\s*\S{0,40})?\s*$/,
	// The page's source and date line, with what follows it there (来源:河西镇 时间:2024-01-19 10:11 点击率:39 打印】【关闭).
	/^\s*[-•]?\s*(?:信息)?来源[:：]\s*\S{1,30}\s+(?:发布)?(?:时间|日期)[:：]/,
	/^\s*[-•]?\s*(?:发布时间|发布日期|日期|时间)[:：]\s*(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?.{0,60}(?:来源|发布机构|字体|字号|点击|浏览|打印|分享)/,
	// Font size and sharing controls (字号: 〖大 小〗, 字体大小:A+ A A- 分享: 打印, 【字体:大).
	/^\s*[【[〖(（]?\s*(?:字体|字号)(?:大小)?[:：].{0,40}$/,
	/^\s*(?:分享|分享到|我要收藏|文章分享|收藏本页|相关解读|相关文件|相关链接)[:：]?\s*$/,
	// A breadcrumb not opened by 当前位置 (您当前的位置:首页, 首页/ 政府信息公开 / … / 正文, > 政府信息公开 > 年报).
	/^\s*(?:您当前的位置|您当前所在位置|您的位置|当前所在位置|所在位置)[:：]/,
	/^\s*首页\s*[/>＞»›]/,
	/^\s*[>＞»›]\s*[^>＞»›。，]{1,20}(?:\s*[>＞»›]\s*[^>＞»›。，]{1,20})+\s*$/,
	/^\s*[-•]?\s*(?:浏览次数|访问量|点击数|点击率|阅读次数|阅读量)[:：]\s*\d*\s*$/,
	// Accessibility switches and the site's links (昌江区政府网 | 市政府门户网站 | 网站无障碍 | 关怀版).
	/^(?=[^。，；]{0,80}$).*(?:关怀版|无障碍浏览|网站无障碍|长者模式)/,
	/^\s*无障碍(?:\s+无障碍)*\s*$/,
];
const PAGE_NUMBER = /^\s*(?:[-—–－]\s*[\d０-９]{1,3}\s*[-—–－]|[\d０-９]{1,3}|第\s*[\d０-９]{1,3}\s*页(?:\s*[,，]?\s*共\s*[\d０-９]{1,3}\s*页)?|[\d０-９]{1,3}\s*\/\s*[\d０-９]{1,3})\s*$/;
const ATTACHMENT = /^\s*\S.{0,80}\.(?:docx?|pdf|wps|xlsx?)\s*$/i;
const BOOKMARK = /\[bookmark:[^\]\n]*\]\s*/g;

/**
 * Conversion and web-page artefacts, each with the range that removes it. Tables are left alone
 * (a lone number inside a table is a cell, not a page number) but for a page's footer in a form no
 * cell takes (— 3 —, 第3页).
 */
export function findArtifacts(index: LineIndex, blocks: TableBlock[], reuse?: ReadingReuse): Artifact[] {
	// 1: a line of a table whose cells the lines mark (tabs, pipes, markup); 2: of a table of PDF text.
	const inTable = new Uint8Array(index.lineCount);
	for (const b of blocks) for (let n = b.firstLine; n <= b.lastLine; n++) inTable[n] = b.layout === 'pdf-text' ? 2 : 1;
	// Text from a PDF (pdftotext) marks its page breaks with form feeds: a page number stands beside one.
	const pageBreaks = index.text.includes('\f');
	let markedPageNumbers: number | undefined;
	const out: Artifact[] = [];
	for (let n = 0; n < index.lineCount; n++) {
		const line = index.lines[n];
		if (line.length === 0) continue;
		if (line.includes('[bookmark:')) {
			for (const m of matchesOf(BOOKMARK, line)) {
				const r = { start: { line: n, character: m.index! }, end: { line: n, character: m.index! + m[0].length } };
				const tag = m[0].trimEnd();
				out.push({ kind: 'bookmark', text: tag, range: { start: r.start, end: { line: n, character: m.index! + tag.length } }, deleteRange: r });
			}
			continue;
		}
		if (inTable[n]) {
			// A footer a page break left inside a table: the readers stepped over it. A table of PDF
			// text separates its cells by spaces alone (— 3 — may be a row's three), so there it must
			// end its page, or the document number its pages so elsewhere too.
			// (Any other line of a table is left to the site-furniture test below.)
			if (isMarkedPageNumber(line) && (inTable[n] === 1 || (pageBreaks ? footerOfPage(index, n) : (markedPageNumbers ??= countMarkedPageNumbers(index)) >= 2))) {
				const s = line.length - line.trimStart().length;
				out.push({ kind: 'page-number', text: line.trim(), range: { start: { line: n, character: s }, end: { line: n, character: line.trimEnd().length } }, deleteRange: index.linesWithBreak(n, n) });
				continue;
			}
		}
		// (Of the line alone, so an open document's unchanged lines are not tested again.)
		const look = reuse && line.length <= 200 ? reuse.get('artifact-line', line, () => lineLook(line)) : lineLook(line);
		if (look === 'passed') continue;
		let kind: Artifact['kind'] | undefined;
		// A site's furniture is none the less so where a reader took it into a block (a pipe row of links, a line beside a table).
		if (look === 'chrome') kind = 'web-chrome';
		else if (inTable[n]) continue;
		else if (PAGE_NUMBER.test(line) && (pageBreaks ? footerOfPage(index, n) : isolated(index, n) && !amongNumbers(index, n))) kind = 'page-number';
		else if (ATTACHMENT.test(line) && !/[。，,]/.test(line)) kind = 'attachment-link';
		if (!kind) continue;
		const s = line.length - line.trimStart().length;
		out.push({ kind, text: line.trim(), range: { start: { line: n, character: s }, end: { line: n, character: line.trimEnd().length } }, deleteRange: index.linesWithBreak(n, n) });
	}
	return out;
}

function countMarkedPageNumbers(index: LineIndex): number {
	let count = 0;
	for (const line of index.lines) if (line.length <= 40 && isMarkedPageNumber(line)) count++;
	return count;
}

/** 'passed': too long to be furniture, or a piece of a tag that goes on, so never an artefact. */
type LineLook = 'passed' | 'chrome' | 'other';

function lineLook(line: string): LineLook {
	if (line.length > 200 || cutsTag(line)) return 'passed';
	return WEB_CHROME.some((re) => re.test(line)) || isSiteNavigation(line) ? 'chrome' : 'other';
}

/**
 * A line holding part of an HTML tag that goes on over the line before or after (pandoc's gfm
 * wraps `<a href=…` / `title="闽ICP备…">…</a>`): deleting it would leave the tag broken.
 */
function cutsTag(line: string): boolean {
	return (line.includes('<') && TAG_OPEN_AT_END.test(line)) || (line.includes('=') && ATTRIBUTES_GO_ON.test(line));
}

/** A tag opened and not closed on the line (`<a href="…"`), or a line that goes on with a tag's attributes (`title="…">`); a breadcrumb's `首页 > 公开` is neither. */
const TAG_OPEN_AT_END = /<\/?[a-zA-Z][^<>]*$/;
const ATTRIBUTES_GO_ON = /^\s*[a-zA-Z][\w-]*=["'][^<>]*["']\s*\/?>/;

/**
 * A page number stands apart from prose: after a sentence's end (the last non-blank line before it
 * ends one, or there is none), not before a number. A bare number after a label or a TAB line is a
 * table's cell the reader did not take (a page's table copied), not a page number: deleting it
 * would delete data.
 */
function isolated(index: LineIndex, n: number): boolean {
	let p = n - 1;
	while (p >= 0 && index.lines[p].trim() === '') p--;
	const prev = p >= 0 ? index.lines[p].trim() : '';
	const next = n + 1 < index.lineCount ? index.lines[n + 1].trim() : '';
	const prevEndsSentence = /[。；！？]$/.test(prev) || (p < 0 && prev === '');
	return prevEndsSentence && (next === '' || !/^\d/.test(next));
}

const DASHED_PAGE_NUMBER = /^\s*(?:[-—–－]\s*[\d０-９]{1,3}\s*[-—–－]|第\s*[\d０-９]{1,3}\s*页.*)\s*$/;

/**
 * The page footer of text from a PDF (pdftotext): among the last few non-blank lines before a form
 * feed (or the end), the dashed number (— 7 —) when there is one — pdftotext may put a table's
 * last cells (0, 11) after it — and otherwise the last line, if it is a bare number.
 */
function footerOfPage(index: LineIndex, n: number): boolean {
	let k = n + 1;
	while (k < index.lineCount && blank(index, k)) k++;
	const lastOfPage = (m: number) => m >= index.lineCount || index.lines[m].startsWith('\f');
	const tail: number[] = [n];
	for (let m = k; !lastOfPage(m) && tail.length <= 4; m++) if (!blank(index, m)) tail.push(m);
	if (tail.length > 4 || !lastOfPage(tail.length > 1 ? nextNonBlank(index, tail[tail.length - 1]) : k)) return false;
	// Up to 4 lines before the page's end; the dashed form wins over bare numbers.
	let first = n;
	for (let seen = 0, m = n - 1; m >= 0 && seen < 4; m--) {
		if (blank(index, m)) continue;
		if (!PAGE_NUMBER.test(index.lines[m])) break;
		first = m;
		seen++;
	}
	const block: number[] = [];
	for (let m = first; m <= tail[tail.length - 1]; m++) if (!blank(index, m)) block.push(m);
	const dashed = block.filter((m) => DASHED_PAGE_NUMBER.test(index.lines[m]));
	if (dashed.length > 0) return dashed.includes(n);
	return n === block[block.length - 1] && !amongNumbers(index, n);
}

/** A blank line; a form feed alone on its line is a page break, not blank. */
function blank(index: LineIndex, n: number): boolean {
	return index.lines[n].trim() === '' && !index.lines[n].includes('\f');
}

function nextNonBlank(index: LineIndex, n: number): number {
	let k = n + 1;
	while (k < index.lineCount && blank(index, k)) k++;
	return k;
}

/** A bare number with other bare numbers around it is a column of table cells (one a line), not a page number. */
function amongNumbers(index: LineIndex, n: number): boolean {
	let numbers = 0;
	const bare = (k: number) => /^\s*\d{1,6}\s*$/.test(index.lines[k]);
	// The four nearest non-blank lines each side, on its own page only: the cells a page starts with
	// are not beside the number that ends the page before.
	for (let k = n - 1, seen = 0; k >= 0 && seen < 4 && !index.lines[k + 1].startsWith('\f'); k--) {
		if (index.lines[k].trim() === '') continue;
		seen++;
		if (bare(k)) numbers++;
	}
	for (let k = n + 1, seen = 0; k < index.lineCount && seen < 4 && !index.lines[k].startsWith('\f'); k++) {
		if (index.lines[k].trim() === '') continue;
		seen++;
		if (bare(k)) numbers++;
	}
	return numbers >= 2;
}
