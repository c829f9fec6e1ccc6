/** Positions and ranges as LSP defines them: zero-based line, UTF-16 code-unit character. */
export interface Position {
	line: number;
	character: number;
}

export interface Range {
	start: Position;
	end: Position;
}

export interface TextEdit {
	range: Range;
	newText: string;
}

export function pos(line: number, character: number): Position {
	return { line, character };
}

export function range(line: number, start: number, endLine: number, end: number): Range {
	return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function comparePositions(a: Position, b: Position): number {
	return a.line - b.line || a.character - b.character;
}

/** The smallest range holding both. */
export function rangeUnion(a: Range, b: Range): Range {
	return {
		start: comparePositions(a.start, b.start) <= 0 ? a.start : b.start,
		end: comparePositions(a.end, b.end) >= 0 ? a.end : b.end,
	};
}

export function rangeContains(r: Range, p: Position): boolean {
	return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/**
 * The lines of a document and where each starts, so that offsets and positions convert in O(log n).
 * Line breaks are \r\n, \n or \r, exactly as LSP counts them; `lines` hold the text without breaks.
 */
/** Whether a UTF-16 unit is whitespace as a regex's \\s has it. */
export function isWhitespace(c: number): boolean {
	// (Ideographs, most of what is asked, are answered by the first test.)
	if (c > 0x3000) return c === 0xfeff;
	if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * The matches of a global regex in a text, as [...text.matchAll(re)] has them (from the regex's
 * lastIndex on, which is left as it was), without the copy of the regex matchAll makes on every
 * call: the regexes asked of every line and sentence are asked thousands of times a report.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
	if (!re.global) throw new TypeError('matchesOf needs a global regex');
	const from = re.lastIndex;
	const out: RegExpExecArray[] = [];
	for (let m = re.exec(text); m; m = re.exec(text)) {
		out.push(m);
		// An empty match moves on a character (a code point in a unicode regex), as matchAll does.
		if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
	}
	re.lastIndex = from;
	return out;
}

function advance(text: string, at: number, unicode: boolean): number {
	if (!unicode || at + 1 >= text.length) return at + 1;
	const c = text.charCodeAt(at);
	return c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? at + 2 : at + 1;
}

export class LineIndex {
	readonly lines: string[] = [];
	readonly starts: number[] = [];
	/**
	 * The lines with inline markup blanked out (read/markup.ts), made on first use. Kept here, not
	 * in a WeakMap beside the index: a WeakMap's entries outlive a scavenge, and a folder's worth
	 * of them held the CLI's memory up.
	 */
	markupFree?: readonly string[];

	constructor(readonly text: string) {
		let start = 0;
		const n = text.length;
		for (let i = 0; i < n; i++) {
			const c = text.charCodeAt(i);
			if (c === 10 || c === 13) {
				this.lines.push(text.slice(start, i));
				this.starts.push(start);
				if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
				start = i + 1;
			}
		}
		this.lines.push(text.slice(start));
		this.starts.push(start);
	}

	get lineCount(): number {
		return this.lines.length;
	}

	offsetAt(p: Position): number {
		const line = Math.min(Math.max(p.line, 0), this.lines.length - 1);
		return this.starts[line] + Math.min(Math.max(p.character, 0), this.lines[line].length);
	}

	positionAt(offset: number): Position {
		const o = Math.min(Math.max(offset, 0), this.text.length);
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid] <= o) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo, character: Math.min(o - this.starts[lo], this.lines[lo].length) };
	}

	/** The whole extent of a line, without its line break. */
	lineRange(line: number): Range {
		return range(line, 0, line, this.lines[line]?.length ?? 0);
	}

	/** The extent of lines first..last including the break after `last`, for deleting whole lines. */
	linesWithBreak(first: number, last: number): Range {
		if (last + 1 < this.lines.length) return range(first, 0, last + 1, 0);
		if (first > 0) return range(first - 1, this.lines[first - 1].length, last, this.lines[last].length);
		return range(first, 0, last, this.lines[last].length);
	}

	textOf(r: Range): string {
		return this.text.slice(this.offsetAt(r.start), this.offsetAt(r.end));
	}
}

/** Applies non-overlapping edits to a text; edits are sorted here, so callers need not. */
export function applyEdits(text: string, edits: readonly TextEdit[], index = new LineIndex(text)): string {
	const resolved = edits
		.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), text: e.newText }))
		.sort((a, b) => a.start - b.start || a.end - b.end);
	let out = '';
	let at = 0;
	for (const e of resolved) {
		if (e.start < at) throw new Error('overlapping edits');
		out += text.slice(at, e.start) + e.text;
		at = e.end;
	}
	return out + text.slice(at);
}
