import { cellAt } from '../../check/balance.ts';
import type { TableBlock } from '../../read/layout/types.ts';
import type { BoundCell, BoundTable, Claim, ReportMetadata, Sentence } from '../../model.ts';
import { foldDigits, parseChineseNumeral } from '../../read/normalize.ts';
import type { TemplateDef } from '../../templates/index.ts';
import { matchesOf, type LineIndex, type Range } from '../../read/text.ts';
import { CLAIM_PATTERNS, ZERO_CASES, ZERO_REQUESTS } from './patterns.ts';
import { detach } from '../../memo.ts';
import type { ReadingReuse } from '../../reuse.ts';

/** A sentence that compares with other years (or counts several: 近3年, 三年来) or approximates speaks of no cell of this year's table. */
const COMPARISON = /同比|较上年|较去年|比上年|比去年|上年同期|增长|下降|减少|增加|累计|历年|以来|近\s*[\d一二三四五六七八九十两]+\s*年|[\d一二三四五六七八九十两]+\s*年来/;
const APPROXIMATE = /(?:约|近|超过|逾|余|多|左右)$/;
/** A count followed by its share (各乡镇主动公开政府信息1638条，占47%): see ClaimPattern.shareIsPart. */
const SHARE = /^[，,（(]?\s*(?:约)?占/;
const YEAR = /((?:19|20)\d{2})\s*年/g;
/** A sentence: up to and including 。；！？ or ;, or to the end of the line. */
const SENTENCE = /[^。；！？;]+[。；！？;]?|[。；！？;]/g;

const COMPILED = CLAIM_PATTERNS.map((p) => ({ p, res: p.patterns.map((s) => new RegExp(s, 'gd')) }));
const PATTERN_BY_ID = new Map(CLAIM_PATTERNS.map((p) => [p.id, p]));
/** A sentence without a number, or a word for none, claims nothing. */
const MAY_CLAIM = /\d|[一二三四五六七八九十]|无|未|没有/;

/** A line that ends a statement: what follows it is no part of its sentence. */
const ENDS_STATEMENT = /[。；！？;：:]$/;
/** A line that opens an item of its own (（一）…, 1. …, 一、…), not the rest of the line before. */
const OPENS_ITEM = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]+[条项部章节]|[-•·*#])/;
/** A line shorter than this that ends without punctuation is a title or a label, not a sentence wrapped. */
const MIN_WRAPPED_LINE = 12;

/**
 * The sentences of the prose: lines outside tables, split after 。；！？ and ;. A sentence that a
 * PDF's text or a converter wrapped over lines (a line that runs on, not closed by punctuation,
 * into one that opens no item) is one sentence across them, so that what it says is read whole.
 * Headings and lines `breaks` names (page numbers, a page's furniture) end a paragraph.
 */
export function proseSentences(index: LineIndex, blocks: TableBlock[], breaks: Set<number> = new Set()): Sentence[] {
	const inTable = new Uint8Array(index.lineCount);
	for (const b of blocks) if (b.layout !== 'glued') for (let n = b.firstLine; n <= b.lastLine; n++) inTable[n] = 1;
	const out: Sentence[] = [];
	let para: { text: string; line: number; start: number; breaks: Array<{ at: number; line: number; character: number }> } | undefined;
	const flush = () => {
		if (para) splitSentences(para, out);
		para = undefined;
	};
	for (let n = 0; n < index.lineCount; n++) {
		const line = index.lines[n];
		if (inTable[n] || breaks.has(n) || line.length === 0 || line.length > 400_000) {
			flush();
			continue;
		}
		const start = line.length - line.trimStart().length;
		const piece = line.slice(start).trimEnd();
		if (piece === '') {
			flush();
			continue;
		}
		const previous = para?.text ?? '';
		if (para && previous.length - (para.breaks.length > 0 ? para.breaks[para.breaks.length - 1].at : 0) >= MIN_WRAPPED_LINE && !ENDS_STATEMENT.test(previous) && !OPENS_ITEM.test(piece)) {
			para.breaks.push({ at: para.text.length, line: n, character: start });
			para.text += piece;
			continue;
		}
		flush();
		para = { text: piece, line: n, start, breaks: [] };
	}
	flush();
	return out;
}

function splitSentences(para: { text: string; line: number; start: number; breaks: Array<{ at: number; line: number; character: number }> }, out: Sentence[]): void {
	// (Full-width digits read as ASCII, one unit for one: offsets stay the text's.)
	const text = foldDigits(para.text);
	for (const m of text.matchAll(SENTENCE)) {
		const from = m.index!;
		const to = from + m[0].length;
		const head = positionIn(para, from);
		const inside = para.breaks.filter((b) => b.at > from && b.at < to).map((b) => ({ ...b, at: b.at - from }));
		out.push(inside.length > 0 ? { text: m[0], line: head.line, start: head.character, breaks: inside } : { text: m[0], line: head.line, start: head.character });
	}
}

function positionIn(s: { line: number; start: number; breaks?: Array<{ at: number; line: number; character: number }> }, offset: number): { line: number; character: number } {
	let line = s.line;
	let character = s.start + offset;
	for (const b of s.breaks ?? []) {
		if (b.at > offset) break;
		line = b.line;
		character = b.character + (offset - b.at);
	}
	return { line, character };
}

/** A sentence a piece for each line it runs over: where the piece starts and ends in its text, and where it starts in the document. */
export function sentencePieces(s: Sentence): Array<{ at: number; end: number; line: number; character: number }> {
	const starts = [{ at: 0, line: s.line, character: s.start }, ...(s.breaks ?? [])];
	return starts.map((p, k) => ({ at: p.at, end: k + 1 < starts.length ? starts[k + 1].at : s.text.length, line: p.line, character: p.character }));
}

/** Where in the text the character `offset` of a sentence stands (past its line breaks). */
export function sentencePosition(s: Sentence, offset: number): { line: number; character: number } {
	return positionIn(s, offset);
}

/** The range of characters a..b of a sentence. */
export function sentenceRange(s: Sentence, a: number, b: number): Range {
	return { start: positionIn(s, a), end: positionIn(s, b) };
}

/** Whether sentence `b` starts where `a` ends, on the same paragraph. */
export function followsDirectly(a: Sentence, b: Sentence): boolean {
	const end = positionIn(a, a.text.length);
	return end.line === b.line && end.character === b.start;
}

function yearOk(sentence: string, at: number, year: number | undefined): boolean {
	if (year === undefined) return true;
	let last: number | undefined;
	for (const m of matchesOf(YEAR, sentence)) if (m.index! < at) last = Number(m[1]);
	return last === undefined || last === year;
}

function bind(template: TemplateDef, tables: BoundTable[], id: string, which: 'cells' | 'alsoCounts' = 'cells'): BoundCell[] {
	const spec = PATTERN_BY_ID.get(id)?.[which]?.[template.id];
	if (!spec) return [];
	for (const alternative of Array.isArray(spec) ? spec : [spec]) {
		const table = tables.find((t) => t.def.id === alternative.table);
		// (A table said unreadable has no value to hold a sentence against.)
		if (!table || table.unreadable) continue;
		const cells = alternative.refs.map((r) => cellAt(table, r));
		if (cells.every((c) => c !== undefined)) return cells as BoundCell[];
	}
	return [];
}

const rangeOf = sentenceRange;

/** A claim as it stands in its sentence: offsets within the sentence's text. */
interface SentenceClaim {
	id: string;
	text: string;
	at: number;
	valueAt: number;
	valueLength: number;
	value: number;
}

/** The numeric claims of the prose, each bound to the cells it speaks of where the format has them. */
export function findClaims(sentences: Sentence[], template: TemplateDef, tables: BoundTable[], meta: ReportMetadata, reuse?: ReadingReuse): Claim[] {
	const claims: Claim[] = [];
	for (const s of sentences) {
		if (!MAY_CLAIM.test(s.text)) continue;
		// (A sentence's claims depend on its text and the report's year alone.)
		const found = reuse && s.text.length <= MAX_REUSED_SENTENCE ? reuse.get(`claims|${meta.year ?? ''}`, s.text, () => readClaims(s.text, meta.year).map((c) => ({ ...c, text: detach(c.text) }))) : readClaims(s.text, meta.year);
		for (const c of found) {
			claims.push({
				id: c.id,
				subject: PATTERN_BY_ID.get(c.id)!.subject,
				text: c.text,
				range: rangeOf(s, c.at, c.at + c.text.length),
				valueRange: rangeOf(s, c.valueAt, c.valueAt + c.valueLength),
				value: c.value,
				cells: bind(template, tables, c.id),
				...(PATTERN_BY_ID.get(c.id)!.alsoCounts ? { alsoCounts: bind(template, tables, c.id, 'alsoCounts') } : {}),
			});
		}
	}
	return claims;
}

/** Longer sentences are read each time (a whole page glued onto one line is one sentence). */
const MAX_REUSED_SENTENCE = 2000;

function readClaims(text: string, year: number | undefined): SentenceClaim[] {
	const out: SentenceClaim[] = [];
	if (!MAY_CLAIM.test(text)) return out;
	const seen = new Set<string>();
	const comparing = COMPARISON.test(text);
	for (const { p, res } of COMPILED) {
		if (!p.keywords.some((k) => text.includes(k))) continue;
		if (comparing && !p.acrossYears && p.id !== 'requests.carried-over' && p.id !== 'requests.carried-forward') continue;
		if ((p.topic && !p.topic.test(text)) || p.offTopic?.test(text)) continue;
		for (const re of res) {
			re.lastIndex = 0;
			for (const m of matchesOf(re, text)) {
				const n = m.groups!.n;
				const value = /^\d+$/.test(n) ? Number(n) : parseChineseNumeral(n);
				if (value === undefined) continue;
				const nAt = m.indices!.groups!.n![0];
				if (APPROXIMATE.test(text.slice(Math.max(0, nAt - 2), nAt)) || /^[余多]/.test(text.slice(nAt + n.length))) continue;
				if (!yearOk(text, m.index!, year) || (p.shareIsPart && SHARE.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 4)))) continue;
				const key = `${p.id}@${m.index!}`;
				if (seen.has(key)) continue;
				seen.add(key);
				out.push({ id: p.id, text: m[0], at: m.index!, valueAt: nAt, valueLength: n.length, value });
			}
		}
	}
	if (!comparing && (text.includes('复议') || text.includes('诉讼'))) {
		ZERO_CASES.pattern.lastIndex = 0;
		for (const m of matchesOf(ZERO_CASES.pattern, text)) {
			if (ZERO_CASES.narrowing.test(m.groups!.between) || !yearOk(text, m.index!, year)) continue;
			const what = m.groups!.what;
			const whatAt = m.index! + m[0].indexOf(what);
			for (const id of [what.includes('复议') ? 'appeals.review' : '', what.includes('诉讼') ? 'appeals.lawsuit' : ''].filter(Boolean)) {
				out.push({ id, text: m[0], at: m.index!, valueAt: whatAt, valueLength: what.length, value: 0 });
			}
		}
	}
	if (!comparing && text.includes('申请')) {
		for (const m of matchesOf(ZERO_REQUESTS.pattern, text)) {
			if (ZERO_REQUESTS.narrowing.test(m.groups!.between) || !yearOk(text, m.index!, year)) continue;
			if (out.some((c) => c.id === 'requests.new')) continue;
			out.push({ id: 'requests.new', text: m[0], at: m.index!, valueAt: m.index!, valueLength: m[0].length, value: 0 });
		}
	}
	return out;
}
