import { isPlaceholderCell } from '../cellValue.ts';
import { readHeading } from '../headings.ts';
import { INVISIBLE } from '../normalize.ts';
import { isWhitespace, type LineIndex } from '../text.ts';
import type { RawCell, TableBlock } from './types.ts';
import type { ReadingReuse } from '../../reuse.ts';

/**
 * Text extracted from a PDF (`pdftotext -layout`, or plain `pdftotext`) shows no cell borders:
 * cells are separated by runs of spaces or by line ends, a label wraps over two or three lines
 * inside its column (often around the line that holds the row's numbers), narrow header cells
 * break one or two characters a line, and page footers and form feeds cut a table where the page
 * ends. This layout's only job is where tokens end: every run of non-space characters is one
 * token. Which tokens make a row's label and which values belong to it is left to the aligner
 * (bind/align.ts), which reads the token stream against the template's row order.
 */

/** Page footers: "—4—", "- 4 -", "第4页", "4/9". */
const PAGE_FOOTER = /^(?:[-—–－]\s*[\d０-９]{1,3}\s*[-—–－]|第\s*[\d０-９]{1,3}\s*页(?:\s*[,，]?\s*共\s*[\d０-９]{1,3}\s*页)?|(?:[-—–－]\s*)?[\d０-９]{1,3}\s*\/\s*[\d０-９]{1,3}(?:\s*[-—–－])?)$/;
const SENTENCE_END = /[。；！？]/;
const DATE_LINE = /^(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?$/;
/** A token this long that is not a template label is prose, not a cell (the longest cell labels wrap in a column). */
const LONG_TOKEN = 22;
/** A row label's ordinal: 一、 （一） (1) 1. */
const ORDINAL_START = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])/;
/** A line of flowing text at least this long, with no column gap, is a paragraph's. */
const PROSE_LINE = 20;
/** How far (in lines) a label may stand from the first number of its table. */
const START_WINDOW = 14;
/** The most lines a header band broken a character a line may take (15 columns, 4 characters each, blank lines between). */
const MAX_HEADER_BAND = 160;
/** Fewest value tokens a block must hold: a table has at least a row of numbers. */
const MIN_VALUES = 2;

type LineKind = 'blank' | 'footer' | 'prose' | 'heading' | 'table';

interface Token {
	text: string;
	start: number;
	end: number;
}

/** Runs of non-space characters of a line (spaces as \\s has them: a form feed, a page break, is one). */
export function lineTokens(line: string): Token[] {
	const out: Token[] = [];
	let start = -1;
	for (let i = 0; i <= line.length; i++) {
		const space = i === line.length || isWhitespace(line.charCodeAt(i));
		if (!space) {
			if (start < 0) start = i;
		} else if (start >= 0) {
			out.push({ text: line.slice(start, i), start, end: i });
			start = -1;
		}
	}
	return out;
}

/** A value token: a number (units and thousands separators allowed) or a placeholder for none. */
export function isValueToken(raw: string): boolean {
	const text = raw.replace(INVISIBLE, '');
	// (A separator between digits only: 0, is a number and its comma. A dash or two, an underscore,
	// a slash is "none"; a longer run is a rule line under a table's header, as pandoc draws it.)
	return /^[+-]?[0-9０-９](?:[0-9０-９]|[,，.．](?=[0-9０-９]))*(?:[件条个次人篇项起份笔]|人次|万元|元)?$/.test(text) || isPlaceholderCell(text);
}

export interface LabelTests {
	/** The text is a template label (anchor, header or row label) of some format. */
	isLabel: (text: string) => boolean;
	/** The text starts a row label of some format (a label cut by a line break). */
	startsLabel: (text: string) => boolean;
	/** The text is a piece of a long table title or header note (one wrapped in its cell). */
	pieceOfLabel?: (text: string) => boolean;
}

/**
 * Blocks of PDF-extracted table text among the lines no other layout claimed: runs of short
 * tokens and numbers that hold a template label and some values, up to the next prose line or
 * section heading. Page footers inside a block are skipped (a table split across pages).
 */
export function findPdfTextBlocks(index: LineIndex, claimed: Uint8Array, tests: LabelTests, reuse?: ReadingReuse): TableBlock[] {
	const lines = index.lines;
	// Pages are told by their form feeds: text without one has no page numbering and no page's first or last line.
	const pageBreaks = index.text.includes('\f');
	const pages = pageBreaks ? pageNumbering(lines) : { bare: new Set<number>() };
	const margins = runningMargins(lines, pageBreaks);
	// Each line's tokens, read once: the line's kind, its label evidence and the block's cells all ask.
	const tokenized: Token[][] = [];
	const tokensOf = (n: number): Token[] => (tokenized[n] ??= lineTokens(lines[n]));
	// Without page numbers to tell, a line's kind is the line's alone (and the tests'): an open
	// document's unchanged lines are not read again.
	const kindKey = reuse && pages.bare.size === 0 ? `pdf-line-kind|${testsKey(tests)}` : undefined;
	const kinds: LineKind[] = lines.map((line, n) =>
		claimed[n] ? 'prose' : margins.has(n) ? 'footer' : kindKey && line.length <= MAX_REUSED_LINE ? reuse!.get(kindKey, line, () => kindOf(line, n, tests, pages, tokensOf)) : kindOf(line, n, tests, pages, tokensOf),
	);
	const blocks: TableBlock[] = [];
	let n = 0;
	while (n < lines.length) {
		if (kinds[n] !== 'table' || !hasLabelEvidence(tokensOf(n), tests)) {
			n++;
			continue;
		}
		// A section's heading may open a table's first line (二、主动公开政府信息情况 第二十条第（一）项 …,
		// text that gave each section a line): the heading is the section's, and another heading
		// opening a line ends the table there.
		// So does one after a line's last number (… 2笔 984361元 三、收到和处理政府信息公开申请情况 …): it ends the table.
		const opening = headingBefore(n, tests, tokensOf);
		let last = n;
		let m = n;
		let closing = -1;
		while (m < lines.length && (kinds[m] === 'table' || kinds[m] === 'blank' || kinds[m] === 'footer')) {
			if (m > n && kinds[m] === 'table' && headingBefore(m, tests, tokensOf) > 0) break;
			if (kinds[m] === 'table') last = m;
			if (kinds[m] === 'table' && (closing = headingAfterValues(m, tests, tokensOf)) >= 0) break;
			m++;
		}
		const cells = blockCells(n, last, kinds, tokensOf, opening, closing);
		const values = cells.filter((c) => isValueToken(c.text)).length;
		const firstValue = cells.find((c) => isValueToken(c.text));
		if (values < MIN_VALUES || !firstValue) {
			n = last + 1;
			continue;
		}
		// Label evidence far above the first number (a header band, a note) does not start the block:
		// a later line may. (Header cells broken a character or two a line, as plain pdftotext
		// breaks narrow columns, are one cell of the band, not lines of it.)
		if (wordLinesBetween(kinds, n, firstValue.range.start.line, tokensOf) > START_WINDOW || firstValue.range.start.line - n > MAX_HEADER_BAND) {
			n++;
			continue;
		}
		blocks.push({ layout: 'pdf-text', firstLine: n, lastLine: last, cells, rowsReliable: false, ...(opening > 0 || closing >= 0 ? { span: { start: opening, end: closing >= 0 ? closing : lines[last].length } } : {}) });
		n = last + 1;
	}
	return blocks;
}

/** Longer lines are read each time. */
const MAX_REUSED_LINE = 4000;

/** A key for each set of label tests (the parser has one), as readings under other tests differ. */
function testsKey(tests: LabelTests): number {
	let key = TESTS_KEYS.get(tests.isLabel);
	if (key === undefined) TESTS_KEYS.set(tests.isLabel, (key = TESTS_KEYS_USED++));
	return key;
}
const TESTS_KEYS = new WeakMap<LabelTests['isLabel'], number>();
let TESTS_KEYS_USED = 0;

/** Table lines between two lines that hold more than a fragment (a token of three characters or more). */
function wordLinesBetween(kinds: LineKind[], from: number, to: number, tokensOf: (n: number) => Token[]): number {
	let count = 0;
	for (let n = from + 1; n < to; n++) if (kinds[n] === 'table' && tokensOf(n).some((t) => t.text.length > 2)) count++;
	return count;
}

function kindOf(line: string, n: number, tests: LabelTests, pages: PageNumbering, tokensOf: (n: number) => Token[]): LineKind {
	// The cheap tests first: most lines of a report are prose.
	if (line.includes('\t') || line.includes('|') || line.includes('｜')) return line.trim() === '' ? 'blank' : 'prose';
	if (SENTENCE_END.test(line)) return 'prose';
	const tokens = tokensOf(n);
	if (tokens.length === 0) return 'blank';
	// A date alone on its line (2017 年 1 月 13 日, the report's signature) is no row of numbers.
	if (DATE_LINE.test(tokens.map((t) => t.text).join(''))) return 'prose';
	if (tokens.length <= 8 && isFooter(line.replace(/[\f]/g, '').trim(), n, pages)) return 'footer';
	const hasValue = tokens.some((t) => isValueToken(t.text));
	for (const t of tokens) if (t.text.length >= LONG_TOKEN && !tests.isLabel(t.text) && !tests.startsLabel(t.text)) return 'prose';
	// A paragraph's line runs the page's width with single spaces at most (around numbers and Latin
	// words) and commas in it; a table line breaks at its column gaps (of spaces, or of the NBSPs or
	// ideographic spaces a page or an editor pads with).
	const trimmed = line.trim();
	// (A header band's line is many short words: 第二项之和，等于 自然人 商业企 科研机 …)
	const words = tokens.filter((t) => !isValueToken(t.text));
	const meanWord = words.reduce((a, t) => a + t.text.length, 0) / Math.max(1, words.length);
	if (trimmed.length >= PROSE_LINE && meanWord >= 6 && !COLUMN_GAP.test(trimmed) && /[，、（]/.test(trimmed) && !tests.isLabel(trimmed) && !tests.startsLabel(trimmed) && !words.some((t) => ORDINAL_START.test(t.text) && (tests.isLabel(t.text) || tests.startsLabel(t.text))) && !tests.pieceOfLabel?.(trimmed) && !words.some((t) => tests.pieceOfLabel?.(t.text))) return 'prose';
	if (!hasValue) {
		const text = tokens.map((t) => t.text).join('');
		const h = readHeading(text, n);
		// (Not a group label cut beside a row label: 三、本 （一）予以公开.)
		const besideRowLabel = tokens.slice(1).some((t) => tests.isLabel(t.text) || tests.startsLabel(t.text));
		if (h && h.level === 1 && !tests.isLabel(text) && !tests.startsLabel(text) && !besideRowLabel) return 'heading';
	}
	return 'table';
}

const COLUMN_GAP = /\S[ \u00a0\u3000]{2,}\S/;

/** A page footer line's text ("— 4 —", "第4页"). */
export function isPageFooter(text: string): boolean {
	return PAGE_FOOTER.test(text.replace(/\f/g, '').trim());
}

/** A report's title as a page header prints it: short, no sentence in it, ending with the report's name. */
const TITLE_LINE = /^[^。；！？，]{4,60}(?:年度报告|工作年报|年报)$/;
/** A line with anything but spaces and page breaks in it. */
const HAS_TEXT = /[^\s\f]/;
/** A line with words in it (a line of numbers alone is a table's row, however often it recurs). */
const WORDS = /[\u4e00-\u9fffA-Za-z]/;

/**
 * Lines a PDF prints on every page, which the extraction writes where a page starts or ends (a
 * running header with the report's title, a footer with the agency's name and the page number):
 * the first line of a page that is the report's title, and any first or last line of a page that
 * other pages share, numbers aside. They are page furniture inside a table, not a line that ends it.
 */
function runningMargins(lines: string[], pageBreaks: boolean): Set<number> {
	const firsts = new Map<string, Set<number>>();
	const lasts = new Map<string, Set<number>>();
	const out = new Set<number>();
	const add = (m: Map<string, Set<number>>, n: number) => {
		const text = lines[n].replace(/\f/g, '').trim();
		if (text.length < 4 || !WORDS.test(text)) return;
		const key = text.replace(/\d+/g, '#').replace(/\s+/g, ' ');
		const at = m.get(key);
		if (at) at.add(n);
		else m.set(key, new Set([n]));
	};
	let previous = -1;
	// After a page break, until the page's first line with text.
	let awaitingFirst = false;
	for (let n = 0; pageBreaks && n < lines.length; n++) {
		const line = lines[n];
		if (line.includes('\f')) {
			// The page that ends here: its last line (not again for an empty page after it).
			if (previous >= 0) add(lasts, previous);
			previous = -1;
			awaitingFirst = true;
		}
		if (!HAS_TEXT.test(line)) continue;
		previous = n;
		if (!awaitingFirst) continue;
		awaitingFirst = false;
		add(firsts, n);
		if (TITLE_LINE.test(line.replace(/[\s\f]+/g, ''))) out.add(n);
	}
	for (const m of [firsts, lasts]) for (const at of m.values()) if (at.size >= 2) for (const n of at) out.add(n);
	// Text pasted from a PDF viewer keeps no page breaks, but the title a page header repeats is
	// still there: every repeat of a title line after its first is page furniture.
	const titles = new Set<string>();
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n];
		if (line.length > 80 || !line.includes('报')) continue;
		const key = line.replace(/[\s\f]+/g, '');
		if (!TITLE_LINE.test(key)) continue;
		if (titles.has(key)) out.add(n);
		else titles.add(key);
	}
	return out;
}

interface PageNumbering {
	/** Lines that are a page's bare number (see pageNumbering). */
	bare: Set<number>;
}

/**
 * A bare number that ends a page is its page number only where the pages' numbers run on with the
 * pages (the same offset on two pages at least, and on most of the pages that end in a number),
 * and the document marks no page numbers otherwise (— 4 —, 第4页): the last cell of a table at the
 * foot of a page (a 0, or a 3 on page 3 of a document with no page numbers) is not.
 */
function pageNumbering(lines: string[]): PageNumbering {
	const candidates: Array<{ line: number; offset: number }> = [];
	let page = 1;
	let last = -1;
	let marked = false;
	const endPage = () => {
		if (last >= 0) {
			const text = lines[last].replace(/\f/g, '').trim();
			if (/^\d{1,3}$/.test(text) && Number(text) > 0) candidates.push({ line: last, offset: Number(text) - page });
		}
		last = -1;
	};
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n];
		if (!marked && line.length < 40) {
			const text = line.replace(/\f/g, '').trim();
			if (PAGE_FOOTER.test(text) && !/^\d/.test(text)) marked = true;
		}
		const breaks = line.includes('\f');
		if (breaks && line.charCodeAt(0) === 12) {
			endPage();
			page++;
		}
		if (HAS_TEXT.test(line)) last = n;
		if (breaks) {
			for (let k = 1; k < line.length; k++) {
				if (line.charCodeAt(k) !== 12) continue;
				endPage();
				page++;
			}
		}
	}
	// (The text's end is no page's end unless a page break follows it: pdftotext ends every page with one.)
	const bare = new Set<number>();
	if (marked || candidates.length < 2) return { bare };
	const counts = new Map<number, number>();
	for (const c of candidates) counts.set(c.offset, (counts.get(c.offset) ?? 0) + 1);
	const [offset, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
	if (count < 2 || count * 2 < candidates.length) return { bare };
	for (const c of candidates) if (c.offset === offset) bare.add(c.line);
	return { bare };
}

/** A page number: a footer pattern, or a bare number that is its page's (see pageNumbering). */
function isFooter(text: string, n: number, pages: PageNumbering): boolean {
	return PAGE_FOOTER.test(text) || pages.bare.has(n);
}

function hasLabelEvidence(tokens: Token[], tests: LabelTests): boolean {
	const texts = tokens.map((t) => t.text);
	if (texts.some((t) => tests.isLabel(t) || tests.startsLabel(t))) return true;
	const joined = texts.filter((t) => !isValueToken(t)).join('');
	return joined.length >= 2 && (tests.isLabel(joined) || tests.startsLabel(joined));
}

/**
 * Where the table starts on a line opened by a section's heading (a level-one heading that is no
 * label of a table, with the table's text after it): the next token's start; 0 where none opens it.
 */
const MIN_TITLE = 4;

function headingBefore(n: number, tests: LabelTests, tokensOf: (n: number) => Token[]): number {
	const tokens = tokensOf(n);
	if (tokens.length < 2 || isValueToken(tokens[0].text) || tests.isLabel(tokens[0].text) || tests.startsLabel(tokens[0].text)) return 0;
	// (Not a group label cut beside its rows, 三、本 （一）予以公开: a heading's title is words.)
	const h = readHeading(tokens[0].text, n);
	return h && h.level === 1 && h.title.length >= MIN_TITLE ? tokens[1].start : 0;
}

/** Where a section's heading starts after a line's last number (the table's end), or -1. */
function headingAfterValues(n: number, tests: LabelTests, tokensOf: (n: number) => Token[]): number {
	const tokens = tokensOf(n);
	for (let k = 1; k < tokens.length; k++) {
		if (!isValueToken(tokens[k - 1].text) || isValueToken(tokens[k].text) || tests.isLabel(tokens[k].text) || tests.startsLabel(tokens[k].text)) continue;
		const h = readHeading(tokens[k].text, n);
		if (h && h.level === 1 && h.title.length >= MIN_TITLE) return tokens[k].start;
	}
	return -1;
}

function blockCells(first: number, last: number, kinds: LineKind[], tokensOf: (n: number) => Token[], firstFrom = 0, lastTo = -1): RawCell[] {
	const cells: RawCell[] = [];
	for (let n = first; n <= last; n++) {
		if (kinds[n] !== 'table') continue;
		for (const t of tokensOf(n)) {
			if (n === first && t.start < firstFrom) continue;
			if (n === last && lastTo >= 0 && t.start >= lastTo) break;
			cells.push({ text: t.text, range: { start: { line: n, character: t.start }, end: { line: n, character: t.end } }, row: -1 });
		}
	}
	return cells;
}
