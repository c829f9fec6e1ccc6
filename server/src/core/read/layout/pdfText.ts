import { readHeading } from '../headings.ts';
import { INVISIBLE } from '../normalize.ts';
import type { LineIndex } from '../text.ts';
import type { RawCell, TableBlock } from './types.ts';

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
const PAGE_FOOTER = /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:[,，]?共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;
const SENTENCE_END = /[。；！？]/;
/** A token this long that is not a template label is prose, not a cell (the longest cell labels wrap in a column). */
const LONG_TOKEN = 22;
/** A row label's ordinal: 一、 （一） (1) 1. */
const ORDINAL_START = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])/;
/** A line of flowing text at least this long, with no column gap, is a paragraph's. */
const PROSE_LINE = 20;
/** How far (in lines) a label may stand from the first number of its table. */
const START_WINDOW = 14;
/** Fewest value tokens a block must hold: a table has at least a row of numbers. */
const MIN_VALUES = 2;

type LineKind = 'blank' | 'footer' | 'prose' | 'heading' | 'table';

interface Token {
	text: string;
	start: number;
	end: number;
}

/** Runs of non-space characters of a line; a form feed (page break) counts as a space. */
export function lineTokens(line: string): Token[] {
	const out: Token[] = [];
	for (const m of line.matchAll(/[^\s\u3000\u00a0\f]+/g)) out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
	return out;
}

/** A value token: a number (units and thousands separators allowed) or a placeholder for none. */
export function isValueToken(raw: string): boolean {
	const text = raw.replace(INVISIBLE, '');
	return /^[+-]?[0-9０-９][0-9０-９,，.．]*(?:[件条个次人篇项起份笔]|人次|万元|元)?$/.test(text) || /^(?:[—–－―-]+|[/／]|无)$/.test(text);
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
export function findPdfTextBlocks(index: LineIndex, claimed: Uint8Array, tests: LabelTests): TableBlock[] {
	const lines = index.lines;
	const pages = pageNumbering(lines);
	const margins = runningMargins(lines);
	const kinds: LineKind[] = lines.map((line, n) => (claimed[n] ? 'prose' : margins.has(n) ? 'footer' : kindOf(line, n, lines, tests, pages)));
	const blocks: TableBlock[] = [];
	let n = 0;
	while (n < lines.length) {
		if (kinds[n] !== 'table' || !hasLabelEvidence(lines[n], tests)) {
			n++;
			continue;
		}
		let last = n;
		let m = n;
		while (m < lines.length && (kinds[m] === 'table' || kinds[m] === 'blank' || kinds[m] === 'footer')) {
			if (kinds[m] === 'table') last = m;
			m++;
		}
		const cells = blockCells(index, n, last, kinds);
		const values = cells.filter((c) => isValueToken(c.text)).length;
		const firstValue = cells.find((c) => isValueToken(c.text));
		if (values < MIN_VALUES || !firstValue) {
			n = last + 1;
			continue;
		}
		// Label evidence far above the first number (a header band, a note) does not start the block: a later line may.
		if (firstValue.range.start.line - n > START_WINDOW) {
			n++;
			continue;
		}
		blocks.push({ layout: 'pdf-text', firstLine: n, lastLine: last, cells, rowsReliable: false });
		n = last + 1;
	}
	return blocks;
}

function kindOf(line: string, n: number, lines: string[], tests: LabelTests, pages: PageNumbering): LineKind {
	// The cheap tests first: most lines of a report are prose.
	if (line.includes('\t') || line.includes('|') || line.includes('｜')) return line.trim() === '' ? 'blank' : 'prose';
	if (SENTENCE_END.test(line)) return 'prose';
	const tokens = lineTokens(line);
	if (tokens.length === 0) return 'blank';
	if (tokens.length <= 3 && isFooter(line.replace(/[\f]/g, '').trim(), n, lines, pages)) return 'footer';
	const hasValue = tokens.some((t) => isValueToken(t.text));
	for (const t of tokens) if (t.text.length >= LONG_TOKEN && !tests.isLabel(t.text) && !tests.startsLabel(t.text)) return 'prose';
	// A paragraph's line runs the page's width with single spaces at most (around numbers and Latin
	// words) and commas in it; a table line breaks at its column gaps.
	const trimmed = line.trim();
	// (A header band's line is many short words: 第二项之和，等于 自然人 商业企 科研机 …)
	const words = tokens.filter((t) => !isValueToken(t.text));
	const meanWord = words.reduce((a, t) => a + t.text.length, 0) / Math.max(1, words.length);
	if (trimmed.length >= PROSE_LINE && meanWord >= 6 && !/\S {2,}\S/.test(trimmed) && /[，、（]/.test(trimmed) && !tests.isLabel(trimmed) && !tests.startsLabel(trimmed) && !words.some((t) => ORDINAL_START.test(t.text) && (tests.isLabel(t.text) || tests.startsLabel(t.text))) && !tests.pieceOfLabel?.(trimmed)) return 'prose';
	if (!hasValue) {
		const text = tokens.map((t) => t.text).join('');
		const h = readHeading(text, n);
		// (Not a group label cut beside a row label: 三、本 （一）予以公开.)
		const besideRowLabel = tokens.slice(1).some((t) => tests.isLabel(t.text) || tests.startsLabel(t.text));
		if (h && h.level === 1 && !tests.isLabel(text) && !tests.startsLabel(text) && !besideRowLabel) return 'heading';
	}
	return 'table';
}

/** A page footer line's text ("— 4 —", "第4页"). */
export function isPageFooter(text: string): boolean {
	return PAGE_FOOTER.test(text.replace(/\f/g, '').trim());
}

/** A report's title as a page header prints it: short, no sentence in it, ending with the report's name. */
const TITLE_LINE = /^[^。；！？，]{4,60}(?:年度报告|工作年报|年报)$/;

/**
 * Lines a PDF prints on every page, which the extraction writes where a page starts or ends (a
 * running header with the report's title, a footer with the agency's name): the first line of a
 * page that is the report's title, and any first or last line of a page that several pages share.
 * They are page furniture inside a table, not a line that ends it.
 */
function runningMargins(lines: string[]): Set<number> {
	const firsts = new Map<string, number[]>();
	const lasts = new Map<string, number[]>();
	const out = new Set<number>();
	const add = (m: Map<string, number[]>, text: string, n: number) => {
		const list = m.get(text);
		if (list) list.push(n);
		else m.set(text, [n]);
	};
	let previous = -1;
	for (let n = 0; n < lines.length; n++) {
		if (!lines[n].startsWith('\f')) {
			if (lines[n].trim() !== '') previous = n;
			continue;
		}
		if (previous >= 0) add(lasts, lines[previous].trim(), previous);
		let k = n;
		while (k < lines.length && lines[k].replace(/\f/g, '').trim() === '') k++;
		if (k >= lines.length) break;
		const text = lines[k].replace(/\f/g, '').trim();
		add(firsts, text, k);
		if (TITLE_LINE.test(text.replace(/\s+/g, ''))) out.add(k);
	}
	for (const m of [firsts, lasts]) for (const [text, at] of m) if (at.length >= 2 && text.length >= 4 && !isValueToken(text)) for (const n of at) out.add(n);
	return out;
}

interface PageNumbering {
	/** Per line, how many page breaks come before it. */
	breaksBefore: Uint16Array;
	/** The document marks its page numbers (— 4 —, 第4页): a bare number is then no page number. */
	marked: boolean;
}

function pageNumbering(lines: string[]): PageNumbering {
	const breaksBefore = new Uint16Array(lines.length);
	let breaks = 0;
	let marked = false;
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n];
		if (line.startsWith('\f')) breaks++;
		breaksBefore[n] = breaks;
		if (!marked && line.length < 24 && PAGE_FOOTER.test(line.replace(/\f/g, '').trim()) && !/^\d/.test(line.replace(/\f/g, '').trim())) marked = true;
		for (let k = 1; k < line.length; k++) if (line.charCodeAt(k) === 12) breaks++;
	}
	return { breaksBefore, marked };
}

/**
 * A page number: a footer pattern, or a bare number that is the last thing before a page break
 * and is that page's number (give or take an unnumbered cover page): the last cell of a table at
 * the foot of a page (a 0 before the break) is not.
 */
function isFooter(text: string, n: number, lines: string[], pages: PageNumbering): boolean {
	if (PAGE_FOOTER.test(text)) return true;
	if (!/^\d{1,3}$/.test(text) || pages.marked) return false;
	const page = pages.breaksBefore[n] + 1;
	if (Number(text) < Math.max(1, page - 2) || Number(text) > page) return false;
	for (let k = n + 1; k < lines.length; k++) {
		if (lines[k].trim() === '' && !lines[k].includes('\f')) continue;
		return lines[k].startsWith('\f');
	}
	return true;
}

function hasLabelEvidence(line: string, tests: LabelTests): boolean {
	const tokens = lineTokens(line).map((t) => t.text);
	if (tokens.some((t) => tests.isLabel(t) || tests.startsLabel(t))) return true;
	const joined = tokens.filter((t) => !isValueToken(t)).join('');
	return joined.length >= 2 && (tests.isLabel(joined) || tests.startsLabel(joined));
}

function blockCells(index: LineIndex, first: number, last: number, kinds: LineKind[]): RawCell[] {
	const cells: RawCell[] = [];
	for (let n = first; n <= last; n++) {
		if (kinds[n] !== 'table') continue;
		for (const t of lineTokens(index.lines[n])) {
			cells.push({ text: t.text, range: { start: { line: n, character: t.start }, end: { line: n, character: t.end } }, row: -1 });
		}
	}
	return cells;
}
