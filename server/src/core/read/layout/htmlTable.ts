import { parseDocument } from 'htmlparser2';
import { cellParts, isChrome, isElement, isText, rowsOf, spanOf, type DomElement, type DomNode, type DomText } from '../htmlDom.ts';
import { cellLine, gridFromSpans, withoutEmptyLabelSlots, type GridCell } from '../documents/render.ts';
import type { LineIndex, Range } from '../text.ts';
import type { RawCell, TableBlock } from './types.ts';

/**
 * `<table>` markup inside a text document: what PDF-to-Markdown tools (MinerU and the like) write
 * for any table with merged cells, and what pandoc's gfm writes for a page's or a Word file's
 * table that a pipe table cannot hold. The table is read as the HTML reader reads a page's table
 * (rowspan and colspan resolved, a number merged down over rows counted once), but every cell
 * keeps the range of its own text in the document, so findings point at it and a fix rewrites
 * only the number between its tags.
 */

const OPEN = /<table\b/gi;
const CLOSE = /<\/table\s*>/gi;
/** A tag of a table's own structure, by which an unclosed table's last line is known. */
const TABLE_TAG = /<\/?(?:table|thead|tbody|tfoot|tr|td|th)\b/i;
/** Lines without a table tag after which an unclosed table is taken to have ended. */
const UNCLOSED_GAP = 200;

export function hasHtmlTable(line: string): boolean {
	return line.includes('<') && /<table\b/i.test(line);
}

/** The blocks of `<table>` markup, each from the line its outermost table opens on to the line it closes on. */
export function findHtmlTableBlocks(index: LineIndex): TableBlock[] {
	const blocks: TableBlock[] = [];
	const lines = index.lines;
	for (let n = 0; n < lines.length; n++) {
		if (!hasHtmlTable(lines[n])) continue;
		const last = lastLineOf(lines, n);
		const block = readBlock(index, n, last);
		if (block) blocks.push(block);
		n = last;
	}
	return blocks;
}

/** Where the table opened on line `first` closes: tables nested in its cells counted, an unclosed one ending at its last table tag. */
function lastLineOf(lines: readonly string[], first: number): number {
	let depth = 0;
	let lastTag = first;
	for (let n = first; n < lines.length; n++) {
		const line = lines[n];
		if (line.includes('<')) {
			depth += count(line, OPEN) - count(line, CLOSE);
			if (depth <= 0) return n;
			if (TABLE_TAG.test(line)) lastTag = n;
		}
		if (n - lastTag > UNCLOSED_GAP) break;
	}
	return lastTag;
}

function count(line: string, re: RegExp): number {
	re.lastIndex = 0;
	let k = 0;
	while (re.exec(line)) k++;
	return k;
}

/** A grid cell that knows where its text stands in the document. */
interface PlacedCell extends GridCell {
	range: Range;
}

function readBlock(index: LineIndex, first: number, last: number): TableBlock | undefined {
	const base = index.offsetAt({ line: first, character: 0 });
	const end = last + 1 < index.lineCount ? index.offsetAt({ line: last + 1, character: 0 }) : index.text.length;
	const source = index.text.slice(base, end);
	const dom = parseDocument(source, { withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }) as unknown as DomElement;
	const at = (offset: number) => index.positionAt(base + offset);
	const cells: RawCell[] = [];
	let row = 0;
	for (const table of outermostTables(dom)) {
		const rows = rowsOf(table).map((tr) =>
			tr.children
				.filter((c): c is DomElement => isElement(c) && (c.name === 'td' || c.name === 'th') && !isChrome(c))
				.map((cell): PlacedCell => ({ text: cellLine(cellParts(cell)), rowSpan: spanOf(cell.attribs.rowspan), colSpan: spanOf(cell.attribs.colspan), place: {}, range: textRange(cell, source, at) })),
		);
		const grid = withoutEmptyLabelSlots(gridFromSpans(rows, {}));
		for (const line of grid.rows) {
			if (line.length === 0) continue;
			for (const { cell } of line) {
				const placed = cell as Partial<PlacedCell> & GridCell;
				// The blank a number merged down over rows leaves in the rows below has no text of
				// its own: it stands at the number's end, and nothing may be written there.
				if (!placed.range) {
					const above = (cell.mergedFrom as PlacedCell | undefined)?.range;
					cells.push({ text: '', range: emptyAt(above ? above.end : at(source.length)), row, inferred: true });
					continue;
				}
				cells.push({ text: cell.text, range: placed.range, row });
			}
			row++;
		}
	}
	if (!cells.some((c) => c.text !== '')) return undefined;
	return { layout: 'html-table', firstLine: first, lastLine: last, cells, rowsReliable: true };
}

function outermostTables(el: DomElement): DomElement[] {
	const out: DomElement[] = [];
	for (const c of el.children) {
		if (!isElement(c) || isChrome(c)) continue;
		if (c.name === 'table') out.push(c);
		else out.push(...outermostTables(c));
	}
	return out;
}

/** Entities a page writes for spaces: no part of a cell's text. */
const LEADING_SPACE = /^(?:\s|&(?:nbsp|ensp|emsp|thinsp|#160|#x0*a0|#12288|#x0*3000);)+/i;
const TRAILING_SPACE = /(?:\s|&(?:nbsp|ensp|emsp|thinsp|#160|#x0*a0|#12288|#x0*3000);)+$/i;

/**
 * The range of a cell's text in the document: from the first character of its first text that is
 * not space to the end of its last; an empty cell's is the point just inside its opening tag.
 */
function textRange(cell: DomElement, source: string, at: (offset: number) => { line: number; character: number }): Range {
	const texts: DomText[] = [];
	const walk = (el: DomElement) => {
		for (const c of el.children) {
			if (isText(c)) texts.push(c);
			else if (isElement(c) && !isChrome(c)) walk(c);
		}
	};
	walk(cell);
	let start = -1;
	let stop = -1;
	for (const t of texts) {
		const s = t.startIndex;
		const e = endOf(t);
		if (s === null || e === null) continue;
		const raw = source.slice(s, e);
		const lead = LEADING_SPACE.exec(raw)?.[0].length ?? 0;
		if (lead === raw.length) continue;
		const trail = TRAILING_SPACE.exec(raw)?.[0].length ?? 0;
		if (start < 0) start = s + lead;
		stop = e - trail;
	}
	if (start < 0) {
		const open = cell.startIndex === null ? -1 : source.indexOf('>', cell.startIndex);
		return emptyAt(at(open < 0 ? source.length : open + 1));
	}
	return { start: at(start), end: at(stop) };
}

/** One past a node's last character (htmlparser2 gives the last character's index). */
function endOf(n: DomNode): number | null {
	return n.endIndex === null ? null : n.endIndex + 1;
}

function emptyAt(p: { line: number; character: number }): Range {
	return { start: p, end: p };
}
