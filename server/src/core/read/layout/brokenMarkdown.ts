import { readHeading } from '../headings.ts';
import type { LineIndex } from '../text.ts';
import { isPageFooter, lineTokens } from './pdfText.ts';
import { hasPipe, isMarkdownSeparator, splitPipeLine } from './pipeRows.ts';
import { isBlankTabRow, isTabRow, tabRowCells } from './tabRows.ts';
import type { RawCell, TableBlock } from './types.ts';

/**
 * PDF-to-Markdown tools cut one table into several pipe tables, with invented or wrong header
 * rows (`| 信息内容 | 本年制发件数 | …`, `## 表三：…`), and leave parts of it outside any table:
 * a label broken over two lines, a row's numbers alone on a line, a page footer. The rows the
 * pipes show are then not to be trusted. Such a run of pipe tables, with the lines between them,
 * is also offered as one token stream (every cell a token, every word of the lines between a
 * token), for the aligner to read against the template; the binder keeps the better reading.
 */

/** Longest line between two pipe tables that still reads as a piece of the table (a label part). */
const MAX_GAP_LINE = 30;
/** A heading this long between two pipe tables is the next section's, not a broken label. */
const MIN_SECTION_TITLE = 8;
/**
 * Most lines of text between two pipe tables that are one table cut apart (a label broken over
 * two lines, a row's numbers, a footer, an invented heading); more is the page going on (a saved
 * page's links and share buttons after the report's last table), not the table.
 */
const MAX_GAP_LINES = 24;

/** Attaches to the first pipe block of each broken run the run as one token stream (`region`). */
export function findBrokenMarkdown(index: LineIndex, blocks: TableBlock[], isLabel: (text: string) => boolean, startsLabel: (text: string) => boolean): void {
	// (TAB rows too: the same converters' text with the pipes turned into TABs breaks the same way.)
	const piped = blocks.filter((b) => b.layout === 'markdown' || b.layout === 'pipe-rows' || b.layout === 'tab-rows');
	let run: TableBlock[] = [];
	let gapText = false;
	const close = () => {
		if (run.length >= 2 && gapText) run[0].region = regionOf(index, run);
		run = [];
		gapText = false;
	};
	for (const b of piped) {
		const last = run[run.length - 1];
		if (last) {
			const gap = gapKind(index, last.lastLine + 1, b.firstLine - 1, isLabel, startsLabel);
			if (gap === 'break') close();
			else gapText ||= gap === 'text';
		}
		run.push(b);
	}
	close();
}

function gapKind(index: LineIndex, from: number, to: number, isLabel: (text: string) => boolean, startsLabel: (text: string) => boolean): 'none' | 'text' | 'break' {
	let kind: 'none' | 'text' = 'none';
	let lines = 0;
	for (let n = from; n <= to; n++) {
		const line = index.lines[n].trim();
		if (line === '' || isMarkdownSeparator(line) || isPageFooter(line)) continue;
		if (++lines > MAX_GAP_LINES) return 'break';
		// A converter's own heading between the parts (## 表三：…, ### 行政复议) marks a cut; a
		// section's heading (## 四、政府信息公开行政复议…) ends the table.
		const t = line.replace(/^#+\s*/, '');
		if ((t.length > MAX_GAP_LINE || /[。；！？]/.test(t)) && !isLabel(t) && !startsLabel(t)) return 'break';
		const h = readHeading(t, n);
		if (h && h.level === 1 && h.title.length >= MIN_SECTION_TITLE && !isLabel(t) && !startsLabel(t)) return 'break';
		kind = 'text';
	}
	return kind;
}

function regionOf(index: LineIndex, members: TableBlock[]): TableBlock {
	const first = members[0].firstLine;
	const last = members[members.length - 1].lastLine;
	const cells: RawCell[] = [];
	for (let n = first; n <= last; n++) {
		const line = index.lines[n];
		const t = line.trim();
		if (t === '' || isMarkdownSeparator(line) || isPageFooter(t)) continue;
		const tabbed = !hasPipe(line) && (isTabRow(line) || isBlankTabRow(line));
		if (hasPipe(line) || tabbed) {
			const row = tabbed ? tabRowCells(index, n, n).map((c) => ({ ...c, row: -1 })) : splitPipeLine(line, n, -1, /^\s*[|｜]/.test(line));
			// Empty cells before a row's first text are merged cells above it; an empty cell after
			// it is a blank value (the aligner drops blanks beyond the template's columns).
			let from = 0;
			while (from < row.length && row[from].text === '') from++;
			cells.push(...row.slice(from));
			continue;
		}
		// A converter's heading may carry the row's ordinal and label (### (一) 予以公开): its words are tokens too.
		for (const tok of lineTokens(line.replace(/^(\s*)(#+)/, (_, sp: string, h: string) => sp + ' '.repeat(h.length)))) cells.push({ text: tok.text, range: { start: { line: n, character: tok.start }, end: { line: n, character: tok.end } }, row: -1 });
	}
	return { layout: members[0].layout, firstLine: first, lastLine: last, cells, rowsReliable: false, aligned: true };
}
