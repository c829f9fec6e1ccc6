import { readHeading } from '../headings.ts';
import { isMarkedPageNumber } from '../pageNumbers.ts';
import { isSiteNavigation } from '../siteNavigation.ts';
import type { LineIndex } from '../text.ts';
import { hasPipe, isMarkdownSeparator, splitPipeLine } from './pipeRows.ts';
import { findBrokenMarkdown } from './brokenMarkdown.ts';
import { findBoxDrawnBlocks } from './boxDrawn.ts';
import { findCopiedRowBlocks } from './copiedRows.ts';
import { findHtmlTableBlocks } from './htmlTable.ts';
import { findPdfTextBlocks } from './pdfText.ts';
import { findPipeLineBlocks } from './pipeLines.ts';
import { tabCells } from './tabCells.ts';
import { isBlankTabRow, isTabRow, tabRowCells } from './tabRows.ts';
import type { RawCell, TableBlock } from './types.ts';
import type { ReadingReuse } from '../../reuse.ts';

type LineKind = 'tab' | 'tabrow' | 'tabblank' | 'pipe' | 'blank' | 'text';

/** A cell longer than this is prose that happens to hold a pipe (`我为群众办实事|食用农产品…` on a web page's one line). */
const MAX_PIPE_CELL = 300;

function kindOf(line: string): LineKind {
	// (A line with one TAB, at its start, is an export's tab cell: the common case, kept cheap.)
	const tab = line.indexOf('\t');
	if (tab >= 0 && !(tab === 0 && line.indexOf('\t', 1) < 0) && !hasPipe(line)) {
		if (isTabRow(line)) return 'tabrow';
		if (isBlankTabRow(line)) return 'tabblank';
	}
	// A pipe row some exports indent with a tab is still a pipe row (\t| a | b |, \t一、… | 0 | 0).
	if (line.charCodeAt(0) === 9 && !/^\t+\s*[|｜].*[|｜]\s*$/.test(line) && !isPipeRow(line.replace(/^\t+/, ''))) return 'tab';
	if (isPipeRow(line)) return 'pipe';
	if (line.trim() === '') return 'blank';
	return 'text';
}

function isPipeRow(line: string): boolean {
	return hasPipe(line) && !hasProseCell(line) && hasPipe(outsideTags(line)) && !isSiteNavigation(line);
}

/**
 * A tab-indented line that is the document's own text, not a table's cell (a drafter who indents
 * every paragraph with a tab): a sentence, or a heading that is no label of a table.
 */
function indentedText(line: string, lineNo: number, isLabel: (text: string) => boolean): boolean {
	const text = line.trim();
	if (text.length >= MIN_INDENTED_SENTENCE && /[。！？]/.test(text)) return true;
	const h = readHeading(text, lineNo);
	return !!h && h.level <= 2 && h.title.length >= 4 && !isLabel(text);
}
const MIN_INDENTED_SENTENCE = 20;

/**
 * A line without a tab continues the cell above it when that cell is a label that wrapped:
 * short, no sentence end, not a heading, and right under a tab line.
 */
function continuesCell(line: string, lineNo: number, previousCellText: string): boolean {
	const t = line.trim();
	if (t.length === 0 || t.length > 24 || /[。；！？]/.test(t)) return false;
	if (readHeading(line, lineNo)) return false;
	return !/^[\d.,，\s]+$/.test(previousCellText) && previousCellText.length > 0;
}

/**
 * Finds the runs of table lines in a document (tab-prefixed or piped lines, with the blank and
 * continuation lines inside them) and splits each run into cells according to its layout.
 */
export function findTableBlocks(
	index: LineIndex,
	isLabel: (text: string) => boolean = () => false,
	startsLabel: (text: string) => boolean = () => false,
	pieceOfLabel: (text: string) => boolean = () => false,
	reuse?: ReadingReuse,
): TableBlock[] {
	const claimed = new Uint8Array(index.lineCount);
	// Layouts whose lines no other reader should take: <table> markup, a page's table as a browser
	// copies it, and cells between lines of a lone pipe.
	const whole = [...findHtmlTableBlocks(index), ...findCopiedRowBlocks(index)];
	for (const b of whole) for (let n = b.firstLine; n <= b.lastLine; n++) claimed[n] = 1;
	const pipeLines = findPipeLineBlocks(index, claimed);
	for (const b of pipeLines) for (let n = b.firstLine; n <= b.lastLine; n++) claimed[n] = 1;
	whole.push(...pipeLines);
	const blocks = [...findCellBlocks(index, isLabel, claimed), ...findBoxDrawnBlocks(index), ...whole].sort((a, b) => a.firstLine - b.firstLine);
	findBrokenMarkdown(index, blocks, isLabel, startsLabel);
	for (const b of blocks) for (let n = b.firstLine; n <= (b.region ?? b).lastLine; n++) claimed[n] = 1;
	const pdf = findPdfTextBlocks(index, claimed, { isLabel, startsLabel, pieceOfLabel }, reuse);
	return pdf.length === 0 ? blocks : [...blocks, ...pdf].sort((a, b) => a.firstLine - b.firstLine);
}

/** Blocks whose layout marks cells (tabs, pipes). */
function findCellBlocks(index: LineIndex, isLabel: (text: string) => boolean, inMarkup: Uint8Array): TableBlock[] {
	const blocks: TableBlock[] = [];
	const lines = index.lines;
	// A line of <table> markup is no line of cells, whatever pipes or tabs it holds.
	const kindAt = (m: number): LineKind => {
		if (inMarkup[m]) return 'text';
		const kind = kindOf(lines[m]);
		return kind === 'tab' && indentedText(lines[m], m, isLabel) ? 'text' : kind;
	};
	let n = 0;
	while (n < lines.length) {
		const kind = kindAt(n);
		if (kind !== 'tab' && kind !== 'pipe' && kind !== 'tabrow') {
			n++;
			continue;
		}
		let first = n;
		// A row of blank cells opens the table (三、依申请公开情况⇥⇥).
		while (kind === 'tabrow' && first > 0 && kindAt(first - 1) === 'tabblank' && (blocks.length === 0 || blocks[blocks.length - 1].lastLine < first - 1)) first--;
		let last = n;
		let m = n + 1;
		while (m < lines.length) {
			const k = kindAt(m);
			if (k === kind || (kind === 'tabrow' && k === 'tabblank')) {
				last = m++;
				continue;
			}
			// A page's footer where the page broke inside the table: the table goes on after it.
			if (k === 'blank' || (k === 'text' && isMarkedPageNumber(lines[m]))) {
				m++;
				continue;
			}
			if (kind === 'tab' && k === 'text' && last === m - 1) {
				const lastLine = lines[last];
				if (continuesCell(lines[m], m, lastLine.slice(lastLine.lastIndexOf('\t') + 1).trim())) {
					last = m++;
					continue;
				}
			}
			// A label broken by a line break inside a piped cell: its first part stands alone on a line.
			if (kind === 'pipe' && k === 'text' && m + 1 < lines.length && kindAt(m + 1) === 'pipe' && joinsNextCell(lines[m], lines[m + 1], m, isLabel)) {
				last = ++m;
				m++;
				continue;
			}
			break;
		}
		const block = kind === 'tab' ? tabBlock(index, first, last) : kind === 'tabrow' ? tabRowBlock(index, first, last) : pipeBlock(index, first, last, isLabel);
		if (!(kind === 'tab' && indentedProse(block))) blocks.push(block);
		n = last + 1;
	}
	return blocks;
}

/** The line without its HTML tags: a pipe inside a tag's attributes (ms-if="a||b") separates no cells. */
function outsideTags(line: string): string {
	return line.includes('<') || line.includes('>') ? line.replace(/<[^<>]*>|<[^<>]*$|^[^<>]*>/g, '') : line;
}

function hasProseCell(line: string): boolean {
	if (line.length <= MAX_PIPE_CELL) return false;
	return line.split(/[|｜]/).some((cell) => cell.length > MAX_PIPE_CELL);
}

/**
 * A line that opens with a TAB, alone and with no number (⇥一、总体情况), or paragraphs so indented:
 * text, no table. A blank table's labels (a skeleton: no number yet) are one.
 */
function indentedProse(block: TableBlock): boolean {
	const filled = block.cells.filter((c) => c.text !== '');
	if (filled.some((c) => /\d/.test(c.text) && c.text.length <= 24)) return false;
	return filled.length <= 1 || filled.every((c) => /[。；]/.test(c.text));
}

function tabRowBlock(index: LineIndex, first: number, last: number): TableBlock {
	return { layout: 'tab-rows', firstLine: first, lastLine: last, cells: tabRowCells(index, first, last), rowsReliable: true };
}

function tabBlock(index: LineIndex, first: number, last: number): TableBlock {
	return { layout: 'tab-cells', firstLine: first, lastLine: last, cells: tabCells(index, first, last), rowsReliable: true };
}

/**
 * Whether a line without pipes is the first part of the next line's first cell: only when the
 * joined text is a label of some format and neither part is one alone, so prose stays prose.
 */
function joinsNextCell(line: string, next: string, lineNo: number, isLabel: (text: string) => boolean): boolean {
	const t = line.trim();
	if (t.length === 0 || t.length > 40 || /[。；！？]/.test(t)) return false;
	const nextFirst = splitPipeLine(next, lineNo + 1, 0)[0]?.text ?? '';
	if (nextFirst === '' || isLabel(t) || isLabel(nextFirst)) return false;
	return isLabel(t + nextFirst);
}

/**
 * A row whose label a page break (or a converter) cut before any of its numbers: the label's first
 * part alone on a row of blank cells (`2.没有 |   |   | … |`), the rest opening the next row with the
 * numbers (`现成信息需要另行制作 | 0 | 0 | …`). Only where the two parts make a label of some format
 * and neither is one alone, so a row left blank stays a row.
 */
function labelCutBeforeItsCells(index: LineIndex, lineCells: RawCell[], n: number, last: number, leadingOpens: boolean, isLabel: (text: string) => boolean): RawCell | undefined {
	const filled = lineCells.filter((c) => c.text !== '');
	if (filled.length !== 1 || lineCells.length < 3 || /^[\d\s.,，%-]+$/.test(filled[0].text)) return undefined;
	let m = n + 1;
	while (m <= last && index.lines[m].trim() === '') m++;
	if (m > last || !hasPipe(index.lines[m]) || isMarkdownSeparator(index.lines[m])) return undefined;
	const rest = splitPipeLine(index.lines[m], m, 0, leadingOpens).find((c) => c.text !== '')?.text ?? '';
	const head = filled[0].text;
	if (rest === '' || /^[\d\s.,，%-]+$/.test(rest) || isLabel(head) || isLabel(rest)) return undefined;
	return isLabel(head + rest) ? filled[0] : undefined;
}

function pipeBlock(index: LineIndex, first: number, last: number, isLabel: (text: string) => boolean): TableBlock {
	const cells: RawCell[] = [];
	let markdown = false;
	let pipeLines = 0;
	let singleCellLines = 0;
	let row = 0;
	let fragment: { text: string; start: { line: number; character: number } } | undefined;
	// Markdown rows open with a pipe; Word exports write an empty first cell as " | ".
	const piped = index.lines.slice(first, last + 1).filter(hasPipe);
	const leadingOpens = piped.some(isMarkdownSeparator) || piped.every((l) => /^[|｜]/.test(l.trimStart()) && /[|｜]\s*$/.test(l) && !/^\s+[|｜]/.test(l));
	for (let n = first; n <= last; n++) {
		const line = index.lines[n];
		if (!hasPipe(line)) {
			const t = line.trim();
			if (t && n < last && joinsNextCell(line, index.lines[n + 1], n, isLabel)) fragment = { text: t, start: { line: n, character: line.indexOf(t) } };
			continue;
		}
		if (isMarkdownSeparator(line)) {
			markdown = true;
			continue;
		}
		const lineCells = splitPipeLine(line, n, row, leadingOpens);
		const cut = fragment ? undefined : labelCutBeforeItsCells(index, lineCells, n, last, leadingOpens, isLabel);
		if (cut) {
			fragment = { text: cut.text, start: cut.range.start };
			continue;
		}
		row++;
		const opening = lineCells.findIndex((c) => c.text !== '');
		if (fragment && opening >= 0) {
			const c = lineCells[opening];
			lineCells[opening] = { ...c, text: fragment.text + c.text, range: { start: fragment.start, end: c.range.end } };
		}
		fragment = undefined;
		pipeLines++;
		if (lineCells.filter((c) => c.text !== '').length <= 1) singleCellLines++;
		cells.push(...lineCells);
	}
	// Seed 004's layout: nearly every line holds one cell, and rows are not reliably closed.
	const cellPerLine = !markdown && pipeLines >= 6 && singleCellLines >= pipeLines * 0.8;
	if (cellPerLine) for (const c of cells) c.row = -1;
	return {
		layout: markdown ? 'markdown' : cellPerLine ? 'cell-per-line' : 'pipe-rows',
		firstLine: first,
		lastLine: last,
		cells,
		rowsReliable: !cellPerLine,
	};
}
