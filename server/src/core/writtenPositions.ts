import type { ReportModel, Sentence } from './model.ts';
import { sentencePieces } from './bind/claims/find.ts';
import { firstBreakAfter, writtenOffset, type SoftBreak } from './read/hardWrap.ts';
import type { LineIndex, Position } from './read/text.ts';

/**
 * A model read from a text with its wrap's line breaks taken out (read/hardWrap.ts), moved onto
 * the text as written: every range, position and sentence then names the written lines, so that
 * diagnostics, fixes and the editor's features all stand where the user sees the words. The model's
 * strings (labels, cells, sentences) stay as read, whole.
 *
 * The model is copied, not changed: what the readers keep between versions (reuse.ts) and between
 * calls (memo.ts) may be part of it. Objects it shares (a claim's cells are its table's) stay shared.
 */
export function onWrittenText(model: ReportModel, written: LineIndex, breaks: readonly SoftBreak[]): ReportModel {
	const read = model.index;
	const copies = new Map<object, unknown>();
	// (A position two ranges share is moved for each: positions are values, and a map of them all cost more than the moving.)
	const position = (p: Position, side: 'start' | 'end'): Position => written.positionAt(writtenOffset(breaks, read.offsetAt(p), side));
	const copy = (v: unknown): unknown => {
		if (v === null || typeof v !== 'object') return v;
		if (v instanceof Map) {
			const known = copies.get(v);
			if (known !== undefined) return known;
			const out = new Map();
			copies.set(v, out);
			for (const [k, x] of v) out.set(k, copy(x));
			return out;
		}
		if (Array.isArray(v)) {
			const known = copies.get(v);
			if (known !== undefined) return known;
			const out: unknown[] = new Array(v.length);
			copies.set(v, out);
			for (let i = 0; i < v.length; i++) out[i] = copy(v[i]);
			return out;
		}
		const o = v as Record<string, unknown>;
		if (isPosition(o) && Object.keys(o).length === 2) return position(o, 'start');
		const known = copies.get(v);
		if (known !== undefined) return known;
		if (isSentence(o)) {
			const out = sentenceOnWrittenText(o, read, written, breaks);
			copies.set(v, out);
			return out;
		}
		const out: Record<string, unknown> = {};
		copies.set(v, out);
		// A range's end stays on the line it ends on, where the wrap's break falls right after it.
		if (isPosition(o.start) && isPosition(o.end)) {
			out.start = position(o.start, 'start');
			out.end = position(o.end, 'end');
		}
		// Something that stands at a place (a table's trace, a sentence's break) names it in its own keys.
		if (isPosition(o)) Object.assign(out, position(o, 'start'));
		for (const key in o) if (!(key in out)) out[key] = KEPT_KEYS.has(key) ? o[key] : copy(o[key]);
		// A cell the wrap cut in two (20 / 51) is read whole, but no fix writes across the line break.
		if (typeof o.column === 'string' && typeof o.text === 'string' && o.text !== '' && o.value !== undefined) {
			const r = out.range as { start: Position; end: Position } | undefined;
			if (r && r.start.line !== r.end.line) out.unwritable = true;
		}
		// A heading names its line beside its range.
		if (typeof o.line === 'number' && typeof out.range === 'object' && out.range && isPosition((out.range as { start: unknown }).start)) out.line = (out.range as { start: Position }).start.line;
		return out;
	};
	const { index: _read, template, ...rest } = model;
	const wrapped = new Set(breaks.map((b) => written.positionAt(b.written).line));
	return { ...(copy(rest) as Omit<ReportModel, 'index' | 'template'>), template, index: written, wrapped };
}

/**
 * Keys whose values name no place in a text, kept as they are: the template's own objects (its
 * tables, rows, sections), a cell's value as read, a message in both languages.
 */
const KEPT_KEYS = new Set(['def', 'section', 'template', 'value', 'subject', 'unreadable', 'inferredWhy']);

function isPosition(o: unknown): o is Position {
	return typeof o === 'object' && o !== null && typeof (o as Position).line === 'number' && typeof (o as Position).character === 'number';
}

function isSentence(o: Record<string, unknown>): o is Sentence & Record<string, unknown> {
	return typeof o.text === 'string' && typeof o.line === 'number' && typeof o.start === 'number' && !('range' in o) && !('character' in o);
}

/** A sentence's start and its breaks on the written lines: where it went on to a new line as read, and where the wrap cut it. */
function sentenceOnWrittenText(s: Sentence, read: LineIndex, written: LineIndex, breaks: readonly SoftBreak[]): Sentence {
	const moved: Array<{ at: number; line: number; character: number }> = [];
	for (const piece of sentencePieces(s)) {
		const from = read.offsetAt(piece);
		moved.push({ at: piece.at, ...written.positionAt(writtenOffset(breaks, from, 'start')) });
		for (let b = firstBreakAfter(breaks, from); b < breaks.length && breaks[b].at < from + (piece.end - piece.at); b++) {
			moved.push({ at: piece.at + (breaks[b].at - from), ...written.positionAt(breaks[b].written) });
		}
	}
	const { breaks: _old, ...rest } = s;
	return { ...rest, line: moved[0].line, start: moved[0].character, ...(moved.length > 1 ? { breaks: moved.slice(1) } : {}) };
}
