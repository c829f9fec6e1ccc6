import { parseDocument } from 'htmlparser2';
import { cellParts, isChrome, isElement, isText, rowsOf, spanOf, type DomElement, type DomText } from '../htmlDom.ts';
import { cellLine, gridFromSpans, withoutEmptyLabelSlots, type GridCell } from '../documents/render.ts';
import type { LineIndex, Position, Range } from '../text.ts';
import type { RawCell, TableBlock } from './types.ts';

/**
 * `<table>` markup inside a text document: what PDF-to-Markdown tools (MinerU and the like) write
 * for any table with merged cells, and what pandoc's gfm writes for a page's or a Word file's
 * table that a pipe table cannot hold. The table is read as the HTML reader reads a page's table
 * (rowspan and colspan resolved, a number merged down over rows counted once), but every cell
 * keeps the range of its own text in the document, so findings point at it and a fix rewrites
 * only the number between its tags. A table that holds tables is the page's layout: the tables
 * inside it are read, the text around them stays text.
 */

/** The markup a table region is found by: comments (skipped), and tables' and cells' own tags. */
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)(table|tr|td|th)\b/gi;
/**
 * Tags in a region past which it is not read: a report's table of a few hundred cells has a few
 * thousand, a page laid out in a table ten thousand or so; and the parser's cost grows with the
 * square of the nesting depth of unclosed tags.
 */
const MAX_TAGS = 20_000;
/** Tables inside tables past which the text is not read for tables at all (a page's layout nests two or three). */
const MAX_DEPTH = 16;

export function hasHtmlTable(line: string): boolean {
	return line.includes('<') && /<table\b/i.test(line);
}

/** The blocks of `<table>` markup: one per data table, from the line it opens on to the line it closes on. */
export function findHtmlTableBlocks(index: LineIndex): TableBlock[] {
	const text = index.text;
	if (!/<table\b/i.test(text)) return [];
	const blocks: TableBlock[] = [];
	for (const [start, end] of regions(text, index)) {
		try {
			blocks.push(...readRegion(index, start, end));
		} catch {
			// Markup the parser or the grid cannot take is no table read: the text stays text.
		}
	}
	return blocks;
}

/**
 * The spans of text that hold tables, outermost tables' extents: a region ends where its depth of
 * tables returns to zero; one never closed ends at its last row or cell tag, and where a table
 * opens outside any cell of the table still open (the one before lost its `</table>`), a new
 * region begins. A `<table` in a comment or a code span is no table.
 */
function regions(text: string, index: LineIndex): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	let depth = 0;
	let start = -1;
	let lastStructure = -1;
	let inCell = false;
	let tags = 0;
	const close = (end: number) => {
		if (start >= 0 && end > start) out.push([start, end]);
		start = -1;
		depth = 0;
		inCell = false;
		lastStructure = -1;
	};
	TAG.lastIndex = 0;
	for (let m; (m = TAG.exec(text)); ) {
		if (m[0].startsWith('<!--')) continue;
		const closing = m[1] === '/';
		const name = m[2].toLowerCase();
		const end = tagEnd(text, m.index);
		if (name === 'table' && !closing) {
			if (inCodeSpan(text, index, m.index)) continue;
			if (depth > 0 && !inCell) close(lastStructure > start ? lastStructure : m.index);
			if (depth === 0) {
				start = m.index;
				tags = 0;
			}
			if (++depth > MAX_DEPTH) return out;
			inCell = false;
		} else if (depth > 0) {
			if (name === 'table') {
				depth--;
				inCell = depth > 0;
				if (depth === 0) close(end);
				continue;
			}
			inCell = !closing && (name === 'td' || name === 'th');
			lastStructure = end;
			if (++tags > MAX_TAGS) close(lastStructure);
		}
	}
	if (depth > 0) close(lastStructure > start ? lastStructure : -1);
	return out;
}

/** One past the `>` that ends the tag opening at `at`, quotes inside it skipped (`title="a>b"`). */
function tagEnd(text: string, at: number): number {
	let quote = 0;
	for (let i = at + 1; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (quote !== 0) {
			if (c === quote) quote = 0;
		} else if (c === 34 || c === 39) quote = c;
		else if (c === 62) return i + 1;
		else if (c === 60) return i;
	}
	return text.length;
}

/** Whether the position follows an odd number of backticks on its line: Markdown code, no markup. */
function inCodeSpan(text: string, index: LineIndex, at: number): boolean {
	const lineStart = index.offsetAt({ line: index.positionAt(at).line, character: 0 });
	let ticks = 0;
	for (let i = lineStart; i < at; i++) if (text.charCodeAt(i) === 96) ticks++;
	return ticks % 2 === 1;
}

const ANY_TAG = /<[a-zA-Z/!]/g;

function count(text: string, re: RegExp): number {
	re.lastIndex = 0;
	let k = 0;
	while (re.exec(text)) k++;
	return k;
}

/** A grid cell that knows where its text stands in the document. */
interface PlacedCell extends GridCell {
	range: Range;
	unwritable: boolean;
}

function readRegion(index: LineIndex, base: number, end: number): TableBlock[] {
	const source = index.text.slice(base, end);
	if (count(source, ANY_TAG) > MAX_TAGS) return [];
	const dom = parseDocument(source, { withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }) as unknown as DomElement;
	const at = (offset: number) => index.positionAt(base + offset);
	const blocks: TableBlock[] = [];
	for (const table of dataTables(dom)) {
		const cells = tableCells(table, source, at);
		if (!cells.some((c) => c.text !== '')) continue;
		const from = at(table.startIndex ?? 0);
		const to = at((table.endIndex ?? source.length - 1) + 1);
		blocks.push({ layout: 'html-table', firstLine: from.line, lastLine: to.line, cells, rowsReliable: true, span: { start: from.character, end: to.character } });
	}
	return blocks;
}

/** The tables that hold data: those with no table inside them (a table holding tables lays out the page). */
function dataTables(root: DomElement): DomElement[] {
	const out: DomElement[] = [];
	const stack: DomElement[] = [root];
	while (stack.length > 0) {
		const el = stack.pop()!;
		if (el !== root && el.name === 'table' && !holdsTable(el)) {
			out.push(el);
			continue;
		}
		for (let i = el.children.length - 1; i >= 0; i--) {
			const c = el.children[i];
			if (isElement(c) && !isChrome(c)) stack.push(c);
		}
	}
	return out;
}

function holdsTable(el: DomElement): boolean {
	const stack = [...el.children];
	while (stack.length > 0) {
		const c = stack.pop()!;
		if (!isElement(c)) continue;
		if (c.name === 'table') return true;
		stack.push(...c.children);
	}
	return false;
}

function tableCells(table: DomElement, source: string, at: (offset: number) => Position): RawCell[] {
	const rows = rowsOf(table).map((tr) =>
		tr.children
			.filter((c): c is DomElement => isElement(c) && (c.name === 'td' || c.name === 'th') && !isChrome(c))
			.map((cell): PlacedCell => ({ text: cellLine(cellParts(cell)), rowSpan: spanOf(cell.attribs.rowspan), colSpan: spanOf(cell.attribs.colspan), place: {}, ...textRange(cell, source, at) })),
	);
	const cells: RawCell[] = [];
	let row = 0;
	for (const line of withoutEmptyLabelSlots(gridFromSpans(rows, {})).rows) {
		if (line.length === 0) continue;
		for (const { cell } of line) {
			const placed = cell as Partial<PlacedCell> & GridCell;
			if (placed.range) {
				cells.push({ text: cell.text, range: placed.range, row, ...(placed.unwritable ? { unwritable: true } : {}) });
				continue;
			}
			// The blank a number merged down over rows leaves in the rows below has no text of its
			// own: it stands at the number's end, and nothing may be written there.
			const above = (cell.mergedFrom as PlacedCell | undefined)?.range;
			const point = above ? above.end : at(source.length);
			cells.push({ text: '', range: { start: point, end: point }, row, unwritable: true });
		}
		row++;
	}
	return cells;
}

/** Entities a page writes for spaces: no part of a cell's text. */
const LEADING_SPACE = /^(?:\s|&(?:nbsp|ensp|emsp|thinsp|#160|#x0*a0|#12288|#x0*3000);)+/i;
const TRAILING_SPACE = /(?:\s|&(?:nbsp|ensp|emsp|thinsp|#160|#x0*a0|#12288|#x0*3000);)+$/i;

/**
 * The range of a cell's text in the document: from the first character of its first text that is
 * not space to the end of its last; an empty cell's is the point just inside its opening tag. A
 * text in several pieces of markup (`1<span>5</span>`) is read whole, but nothing is written
 * over its markup.
 */
function textRange(cell: DomElement, source: string, at: (offset: number) => Position): { range: Range; unwritable: boolean } {
	let start = -1;
	let stop = -1;
	let pieces = 0;
	for (const t of textsOf(cell)) {
		const s = t.startIndex;
		if (s === null || t.endIndex === null) continue;
		const e = t.endIndex + 1;
		const raw = source.slice(s, e);
		const lead = LEADING_SPACE.exec(raw)?.[0].length ?? 0;
		if (lead === raw.length) continue;
		const trail = TRAILING_SPACE.exec(raw)?.[0].length ?? 0;
		if (start < 0) start = s + lead;
		stop = e - trail;
		pieces++;
	}
	if (start < 0) {
		const open = cell.startIndex === null ? source.length : tagEnd(source, cell.startIndex);
		const point = at(open);
		return { range: { start: point, end: point }, unwritable: false };
	}
	return { range: { start: at(start), end: at(stop) }, unwritable: pieces > 1 };
}

/** The texts inside an element, in document order, chrome left out (walked without recursion: markup may nest deep). */
function textsOf(el: DomElement): DomText[] {
	const out: DomText[] = [];
	const stack = [...el.children].reverse();
	while (stack.length > 0) {
		const c = stack.pop()!;
		if (isText(c)) out.push(c);
		else if (isElement(c) && !isChrome(c)) for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]);
	}
	return out;
}
