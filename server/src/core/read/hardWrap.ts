import { eastAsianWidth } from 'get-east-asian-width';
import { isMarkedPageNumber } from './pageNumbers.ts';
import type { LineIndex } from './text.ts';

/**
 * Text a tool wrapped at a fixed width (w3m and lynx dumps at 80 columns, a crawler's textwrap
 * at 70 characters, a mail client, `fmt`): every paragraph's lines but its last run to the same width, so
 * a sentence, a heading or a whole glued table is cut wherever the width fell. Read as written,
 * every reader sees fragments; joined back, the text is the one the page had. Where the wrap was is
 * told by the lines alone: many lines that stop mid-sentence at one width, none much longer.
 */

/** Fewest lines that stop at the wrap width before a text is taken for wrapped. */
const MIN_FULL_LINES = 8;
/** Share of the prose lines that stop mid-sentence with prose after them (a wrapped text's lines mostly do). */
const MIN_FULL_SHARE = 0.3;
/** Widths tools wrap at lie within these. */
const MIN_WIDTH = 30;
const MAX_WIDTH = 200;
/**
 * How much shorter than the width a full line may be: a wide character that does not fit, a
 * punctuation mark kept off a line's start, a number moved whole to the next line.
 */
const SLACK = 6;
/** A wrap keeps a punctuation mark off a line's start by moving a character or two with it. */
const KINSOKU = 2;
/** What a wrap moves whole to the next line: a run of narrow characters, or one wide one. */
const FIRST_WORD = /^[\s]?(?:[\x21-\x7e\u00a0-\u024f]+|.)/u;
/** Lines this share of the width or more are long… */
const LONG_LINE = 0.7;
/** …and of those that stop mid-sentence, at least this share stops at the width. */
const MIN_AT_WIDTH = 0.6;
/** What a wrap that counts characters moves whole: a run without spaces. */
const FIRST_RUN = /^\s?\S+/u;
const isNarrow = (c: number) => c > 32 && c < 0x7f;
/** Share of the prose lines that may run past the width (a URL, a line the tool would not break). */
const MAX_OVER_SHARE = 0.03;

/**
 * A line break the wrap made, taken out: `at` in the joined text, where the written text goes on.
 * Where the wrap had dropped a space there, the joined text has it back just before `at`, standing
 * for the line break.
 */
export interface SoftBreak {
	at: number;
	/** Offset in the written text where the joined text's `at` stands (after the removed break). */
	written: number;
	/** Length of what was skipped in the written text (the line break and any indentation repeated on the next line). */
	removed: number;
}

export interface Unwrapped {
	text: string;
	breaks: SoftBreak[];
	width: number;
	measure: 'columns' | 'characters';
}

/**
 * A line's display width, a wide character two columns (ambiguous ones, “ ” …, one, as terminals
 * and text browsers mostly count them); marks that join the character before them take none.
 */
function columns(line: string): number {
	let w = 0;
	for (let i = 0; i < line.length; i++) {
		let c = line.charCodeAt(i);
		if (c >= 0x20 && c < 0x7f) w += 1;
		else if (c >= 0x4e00 && c <= 0x9fff) w += 2;
		else if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c === 0xfeff || (c >= 0xfe00 && c <= 0xfe0f) || c < 0x20) continue;
		else {
			if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) c = line.codePointAt(i++)!;
			w += eastAsianWidth(c);
		}
	}
	return w;
}

/** A line a wrap may have cut: prose, not a table's row (pipes, tabs, aligned columns, box drawing), nor a page number. */
function isProse(line: string): boolean {
	let text = false;
	let gap = 0;
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		// (A form feed is a page's end: what stands around it is a page's furniture as often as a paragraph.)
		if (c === 124 /* | */ || c === 9 || c === 12 || c === 0xff5c /* ｜ */ || (c >= 0x2500 && c <= 0x257f)) return false;
		if (c === 32 || c === 0x3000) gap++;
		else {
			// Two spaces or more between words: columns aligned, a table's or a form's.
			if (text && gap >= 2) return false;
			text = true;
			gap = 0;
		}
	}
	return line.trim().length >= 2 && !isMarkedPageNumber(line);
}

/** A line that ends what it says: a sentence, a clause, a title (the wrap could not have cut after it on purpose). */
const ENDS_STATEMENT = /[。！？!?；;：:]["”’）)]?$/;

/** A line's width as the wrap measured it, trailing spaces left out. */
function sizeIn(measure: 'columns' | 'characters'): (line: string) => number {
	return measure === 'columns' ? (line) => columns(line.trimEnd()) : (line) => line.trimEnd().length;
}

function leadingSpace(line: string): number {
	return line.length - line.trimStart().length;
}

/** Which lines are prose (isProse), each told once. */
function proseLines(lines: readonly string[]): Uint8Array {
	const out = new Uint8Array(lines.length);
	for (let n = 0; n < lines.length; n++) if (lines[n].length <= MAX_WIDTH * 4 && isProse(lines[n])) out[n] = 1;
	return out;
}

/**
 * The wrap width of a text, if a tool wrapped it: the width most prose lines that stop mid-sentence
 * stop at, in display columns (a wide character two) or in characters, whichever fits better.
 */
export function wrapWidth(index: LineIndex): { width: number; measure: 'columns' | 'characters' } | undefined {
	return isPdfText(index) ? undefined : widthOf(index, proseLines(index.lines));
}

/**
 * Text extracted from a PDF (pdftotext ends each page with a form feed) has the PDF's lines, whose
 * wrapped labels and sentences its own reader takes (layout/pdfText.ts) with the columns they stand in.
 */
function isPdfText(index: LineIndex): boolean {
	return index.text.includes('\f');
}

function widthOf(index: LineIndex, isProseLine: Uint8Array): { width: number; measure: 'columns' | 'characters' } | undefined {
	const lines = index.lines;
	// Cheap test first: a wrapped text has many prose lines that stop mid-sentence with prose after them.
	const open: number[] = [];
	let prose = 0;
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n];
		if (line.length < MIN_WIDTH / 2 || line.length > MAX_WIDTH || !isProseLine[n]) continue;
		prose++;
		if (n + 1 < lines.length && isProseLine[n + 1] && !ENDS_STATEMENT.test(line.trimEnd())) open.push(n);
	}
	if (open.length < MIN_FULL_LINES || open.length < prose * MIN_FULL_SHARE) return undefined;
	let best: { width: number; measure: 'columns' | 'characters'; full: number } | undefined;
	for (const measure of ['columns', 'characters'] as const) {
		const size = sizeIn(measure);
		const counts = new Map<number, number>();
		for (const n of open) {
			const w = size(lines[n]);
			counts.set(w, (counts.get(w) ?? 0) + 1);
		}
		// The width is where the lines that stop open pile up within the slack below it; of the long
		// lines that stop open, most stop there (a table's cells and a page's links are short lines).
		let width = 0;
		let full = 0;
		for (const w of counts.keys()) {
			if (w < MIN_WIDTH || w > MAX_WIDTH) continue;
			let within = 0;
			for (let d = 0; d <= SLACK; d++) within += counts.get(w - d) ?? 0;
			if (within > full || (within === full && w > width)) [width, full] = [w, within];
		}
		let long = 0;
		for (const [w, k] of counts) if (w >= width * LONG_LINE && w <= width) long += k;
		if (full < MIN_FULL_LINES || full < long * MIN_AT_WIDTH) continue;
		let over = 0;
		// (A line longer than the width in characters is wider too; one of half the width, no wider: neither is measured.)
		for (let n = 0; n < lines.length && over <= prose * MAX_OVER_SHARE; n++) {
			const length = lines[n].trimEnd().length;
			// (A line too long to be told prose is counted by what it is made of: no table's row is that long.)
			if (length <= MIN_WIDTH / 2 || 2 * length <= width || !(isProseLine[n] || (lines[n].length > MAX_WIDTH * 4 && isProse(lines[n])))) continue;
			if (length > width || size(lines[n]) > width) over++;
		}
		if (over > prose * MAX_OVER_SHARE) continue;
		if (!best || full > best.full) best = { width, measure, full };
	}
	return best && { width: best.width, measure: best.measure };
}

/** The text with the breaks a fixed-width wrap made taken out, or undefined where it was not wrapped. */
export function unwrap(index: LineIndex): Unwrapped | undefined {
	if (isPdfText(index)) return undefined;
	const isProseLine = proseLines(index.lines);
	const wrap = widthOf(index, isProseLine);
	if (!wrap) return undefined;
	const { width, measure } = wrap;
	const size = sizeIn(measure);
	const { lines, starts, text } = index;
	const breaks: SoftBreak[] = [];
	let out = '';
	let from = 0;
	for (let n = 0; n + 1 < lines.length; n++) {
		const line = lines[n];
		const next = lines[n + 1];
		if (line.length > MAX_WIDTH || !isProseLine[n] || !isProseLine[n + 1]) continue;
		const filled = size(line);
		if (filled > width) continue;
		// Cut by the wrap: the next line's first word (a wide character, a number) would not have fitted after it.
		const indent = leadingSpace(next);
		const same = indent > 0 && indent === leadingSpace(line);
		const rest = next.slice(same ? indent : 0);
		const word = (measure === 'columns' ? FIRST_WORD : FIRST_RUN).exec(rest)?.[0] ?? '';
		if (filled + 1 + size(word) <= width - KINSOKU) continue;
		// Where a wrap counts characters it breaks between words (a run without spaces, as a Chinese
		// paragraph is, only where it is longer than the line): a sentence that ends short of the
		// width ended its paragraph as often, and is left to end its line.
		if (measure === 'characters' && filled < width - SLACK && ENDS_STATEMENT.test(line.trimEnd())) continue;
		// A continuation line repeats the paragraph's indentation (a quote, a list), has none, or keeps the
		// space the wrap fell on; more is a new paragraph.
		if (indent > 1 && !same) continue;
		const cut = starts[n] + line.length;
		const resume = starts[n + 1] + (same ? indent : 0);
		out += text.slice(from, cut);
		// The space a wrap broke at, and dropped, is put back (0 0 must not read 00) where the line
		// stopped with room left for what follows: a wrap that cuts anywhere fills every line to the
		// width, one that keeps words whole moved the word and dropped the space before it. A full
		// line gets none (2051 cut as 20 / 51 is one number). It stands for the line break, which is where it maps to.
		const last = line.charCodeAt(line.length - 1);
		const first = rest.charCodeAt(0);
		const room = measure === 'characters' || isNarrow(last) ? 1 : 2 * KINSOKU;
		const spaced = last !== 32 && first !== 32 && (measure === 'characters' || isNarrow(first)) && filled <= width - room;
		if (spaced) out += ' ';
		breaks.push({ at: out.length, written: resume, removed: resume - cut });
		from = resume;
	}
	if (breaks.length === 0) return undefined;
	out += text.slice(from);
	return { text: out, breaks, width, measure };
}

/** The first break past `at` in the joined text. */
export function firstBreakAfter(breaks: readonly SoftBreak[], at: number): number {
	let lo = 0;
	let hi = breaks.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (breaks[mid].at <= at) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * Where an offset of the joined text stands in the written one. At a removed break, a start goes
 * after it (the next line's first character) and an end before it (the end of the cut line).
 */
export function writtenOffset(breaks: readonly SoftBreak[], at: number, side: 'start' | 'end'): number {
	const k = firstBreakAfter(breaks, at) - 1;
	if (k < 0) return at;
	const b = breaks[k];
	if (b.at === at && side === 'end') return b.written - b.removed;
	return b.written + (at - b.at);
}
