import { detach } from '../memo.ts';
import { normalizeLabel } from '../read/normalize.ts';
import type { SectionDef } from '../templates/index.ts';
import { matchesOf } from '../read/text.ts';

/**
 * How alike a heading is to a mandated section's wording, and the in-order alignment of a
 * document's headings to the template's sections. Headings are matched by similarity and by
 * their place in the order, never by exact text: published reports change a conjunction, add,
 * drop or mistype a character, or use an older wording.
 */

/** Words every section's wording shares; left out so that 政府信息公开…情况 alone makes no two headings alike. */
const FILLER = /政府信息公开|政府信息|行政机关|本机关|工作|情况|的|(?:19|20)\d{2}年度?/g;
const NOT_WORD = /[^\p{L}\p{N}]/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** What may follow a heading's last word without being part of it. */
const TRAILING = /[^\p{L}\p{N}]+$/u;
const LEADING_ORDINAL = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)/;

/** A wording without its ordinal, punctuation and spacing: two headings that differ only there read the same. */
export function plainWording(text: string): string {
	return normalizeLabel(text.replace(LEADING_ORDINAL, '')).replace(NOT_WORD, '');
}

/** What is compared: the plain wording without the filler. */
export function wordingCore(text: string): string {
	return plainWording(text).replace(FILLER, '');
}

interface Wording {
	text: string;
	core: string;
	plain: string;
	/** For a core of at most MAX_MASKED characters: by symbol (SYMBOLS), the bits of the places that character stands at. */
	coreMasks?: Int32Array;
	/** The core's characters as symbols. */
	coreSymbols: Uint16Array;
}

/** Longest core whose common subsequences with a text's prefixes are counted on the bits of one number (lcsOfPrefixesMasked). */
const MAX_MASKED = 30;

/**
 * Each character of the wordings' cores numbered from 1 (0: in no wording), so that a text's core
 * read as these numbers looks its characters' bits up in an array, not a map, for each wording.
 * It holds the characters of the templates' wordings only, which are few and fixed.
 */
const SYMBOLS = new Map<number, number>();

function symbolOf(code: number): number {
	let s = SYMBOLS.get(code);
	if (s === undefined) SYMBOLS.set(code, (s = SYMBOLS.size + 1));
	return s;
}

function charMasks(core: string): Int32Array | undefined {
	if (core.length > MAX_MASKED) return undefined;
	for (let j = 0; j < core.length; j++) symbolOf(core.charCodeAt(j));
	const masks = new Int32Array(SYMBOLS.size + 1);
	for (let j = 0; j < core.length; j++) masks[SYMBOLS.get(core.charCodeAt(j))!] |= 1 << j;
	return masks;
}

/** A text's core as symbols (0 for a character no wording numbered so far has). */
function symbolsOf(core: string): Uint16Array {
	const out = new Uint16Array(core.length);
	for (let i = 0; i < core.length; i++) out[i] = SYMBOLS.get(core.charCodeAt(i)) ?? 0;
	return out;
}
const WORDINGS = new WeakMap<SectionDef, Wording[]>();

/** A section's wordings (the canonical title first, then the variants real reports use), computed once. */
function wordingsOf(section: SectionDef): Wording[] {
	let w = WORDINGS.get(section);
	if (!w) {
		w = [section.title, ...(section.variants ?? [])].map((text) => {
			const core = wordingCore(text);
			const coreSymbols = new Uint16Array(core.length);
			for (let j = 0; j < core.length; j++) coreSymbols[j] = symbolOf(core.charCodeAt(j));
			return { text, core, plain: plainWording(text), coreMasks: charMasks(core), coreSymbols };
		});
		WORDINGS.set(section, w);
	}
	return w;
}

/** A section's wordings as cores: the canonical title first, then the variants real reports use. */
export function sectionCores(section: SectionDef): string[] {
	return wordingsOf(section).map((w) => w.core).filter((c) => c.length > 0);
}

/** The core of a text with, for each of its characters, the offset in the text it came from. */
export function coreWithOffsets(text: string): { core: string; offsets: number[] } {
	// Characters are kept one by one so that each keeps its offset; filler is removed after.
	let joined = '';
	const from: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		// CJK ideographs stand for themselves, and ASCII folds to itself (a letter or digit is a
		// word character, the rest is not); only the rest needs width folding.
		if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)) {
			joined += text[i];
			from.push(i);
			continue;
		}
		if (code < 0x80) continue;
		const c = text[i].normalize('NFKC');
		if (c.length === 1 && WORD_CHAR.test(c)) {
			joined += c;
			from.push(i);
		}
	}
	const drop = new Uint8Array(joined.length);
	let dropped = false;
	for (const m of matchesOf(FILLER, joined)) {
		for (let k = m.index!; k < m.index! + m[0].length; k++) drop[k] = 1;
		dropped = true;
	}
	if (!dropped) return { core: joined, offsets: from };
	let core = '';
	const offsets: number[] = [];
	for (let k = 0; k < joined.length; k++) {
		if (drop[k]) continue;
		core += joined[k];
		offsets.push(from[k]);
	}
	return { core, offsets };
}

let prefixRowA = new Int32Array(64);
let prefixRowB = new Int32Array(64);
let prefixOut = new Int32Array(64);

/**
 * Length of the longest common subsequence of `wording` and each prefix of `text`:
 * result[i] is for text.slice(0, i). One table gives every prefix.
 */
function lcsOfPrefixes(text: string, wording: string): Int32Array {
	const m = wording.length;
	// Reused rows (the result is read before the next call): this runs for every wording of every section at every run-in ordinal.
	if (prefixRowA.length <= m) [prefixRowA, prefixRowB] = [new Int32Array(m + 1), new Int32Array(m + 1)];
	if (prefixOut.length <= text.length) prefixOut = new Int32Array(text.length + 1);
	let prev = prefixRowA;
	let cur = prefixRowB;
	prev.fill(0, 0, m + 1);
	cur[0] = 0;
	const out = prefixOut;
	out[0] = 0;
	for (let i = 1; i <= text.length; i++) {
		const c = text.charCodeAt(i - 1);
		for (let j = 1; j <= m; j++) cur[j] = c === wording.charCodeAt(j - 1) ? prev[j - 1] + 1 : prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
		out[i] = cur[m];
		const swap = prev;
		prev = cur;
		cur = swap;
	}
	return out;
}

/**
 * lcsOfPrefixes for a wording of at most MAX_MASKED characters, bit-parallel (Hyyrö 2004): bit j
 * of v is clear where the wording's character j is used by a longest common subsequence with the
 * text read so far, so the clear bits count that subsequence. One step per character of the text.
 */
function lcsOfPrefixesMasked(symbols: Uint16Array, masks: Int32Array, m: number): Int32Array {
	if (prefixOut.length <= symbols.length) prefixOut = new Int32Array(symbols.length + 1);
	const out = prefixOut;
	const full = 2 ** m - 1;
	let v = full;
	out[0] = 0;
	for (let i = 1; i <= symbols.length; i++) {
		const symbol = symbols[i - 1];
		// (A symbol numbered after this wording's masks were made is none of its characters.)
		const u = v & (symbol < masks.length ? masks[symbol] : 0);
		v = ((v + u) | (v - u)) & full;
		out[i] = m - bitCount(v);
	}
	return out;
}

function bitCount(x: number): number {
	x -= (x >>> 1) & 0x55555555;
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Length of the longest common subsequence of a and b, in two reused rows (it runs for every heading and wording). */
function lcsLength(a: string, b: string): number {
	const m = b.length;
	if (rowA.length <= m) [rowA, rowB] = [new Int32Array(m + 1), new Int32Array(m + 1)];
	let prev = rowA;
	let cur = rowB;
	prev.fill(0, 0, m + 1);
	cur[0] = 0;
	for (let i = 1; i <= a.length; i++) {
		const c = a.charCodeAt(i - 1);
		for (let j = 1; j <= m; j++) cur[j] = c === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
		[prev, cur] = [cur, prev];
	}
	return prev[m];
}

/** Similarity of two cores: twice the common subsequence over the total length (1 = same). */
export function coreSimilarity(a: string, b: string): number {
	if (a.length === 0 || b.length === 0) return 0;
	if (a === b) return 1;
	return (2 * lcsLength(a, b)) / (a.length + b.length);
}

/** A keyword of this weight or more names the section by itself (复议, 主动公开, 其他需要报告). */
const STRONG_KEYWORD = 3;
/** The similarity a strong keyword alone is worth: enough to match in its place, not out of it. */
const KEYWORD_SIMILARITY = 0.55;

function keywordSimilarity(title: string, section: SectionDef): number {
	const t = normalizeLabel(title);
	return section.keywords.some(([kw, weight]) => weight >= STRONG_KEYWORD && t.includes(kw)) ? KEYWORD_SIMILARITY : 0;
}

/** A title's forms for comparison, computed once for all sections. */
export interface TitleForms {
	normalized: string;
	core: string;
	plain: string;
}

/**
 * The longest start of a title that is one of the section's wordings exactly (其他需要报告的事项|无),
 * as a length of the title; 0 where none is.
 */
export function exactWordingPrefix(title: string, section: SectionDef): number {
	const plains = new Set(wordingsOf(section).map((w) => w.plain));
	for (let k = Math.min(title.length, MAX_WORDING_PREFIX); k >= 2; k--) if (plains.has(plainWording(title.slice(0, k)))) return k;
	return 0;
}
const MAX_WORDING_PREFIX = 40;

export function titleForms(title: string): TitleForms {
	return { normalized: normalizeLabel(title), core: wordingCore(title), plain: plainWording(title) };
}

/** sectionSimilarity and plainSimilarity of a title whose forms are computed. */
export function similarityOf(forms: TitleForms, section: SectionDef): { core: number; plain: number } {
	let core = section.keywords.some(([kw, weight]) => weight >= STRONG_KEYWORD && forms.normalized.includes(kw)) ? KEYWORD_SIMILARITY : 0;
	let plain = 0;
	for (const w of wordingsOf(section)) {
		if (w.core.length > 0) core = Math.max(core, coreSimilarity(forms.core, w.core));
		plain = Math.max(plain, coreSimilarity(forms.plain, w.plain));
	}
	return { core, plain };
}

/** How alike a heading's title is to a section: its best wording, or a strong keyword. */
export function sectionSimilarity(title: string, section: SectionDef): number {
	return similarityOf(titleForms(title), section).core;
}

export interface PrefixMatch {
	similarity: number;
	/** Length of the text's prefix that matches best. */
	length: number;
}

interface TextCore {
	core: string;
	offsets: number[];
	symbols: Uint16Array;
	/** By symbol, whether the core has that character. */
	present: Uint8Array;
}

let lastCore: (TextCore & { text: string; symbolsKnown: number }) | undefined;

/** coreWithOffsets of the text bestPrefix was last asked about (it is asked once for each section in turn), and that core as symbols. */
function lastCoreOf(text: string): TextCore {
	if (lastCore?.text !== text) {
		const { core, offsets } = coreWithOffsets(text);
		lastCore = { text: detach(text), core, offsets, ...symbolsAndPresence(core), symbolsKnown: SYMBOLS.size };
	} else if (lastCore.symbolsKnown !== SYMBOLS.size) {
		// A section's wordings seen for the first time numbered new characters: the core is read again.
		Object.assign(lastCore, symbolsAndPresence(lastCore.core));
		lastCore.symbolsKnown = SYMBOLS.size;
	}
	return lastCore;
}

function symbolsAndPresence(core: string): { symbols: Uint16Array; present: Uint8Array } {
	const symbols = symbolsOf(core);
	const present = new Uint8Array(SYMBOLS.size + 1);
	for (const s of symbols) present[s] = 1;
	return { symbols, present };
}

/**
 * Most a wording's similarity to any prefix of the text can be: a common subsequence uses only
 * the wording's characters the text has (c of its m), so 2·lcs / (i + m) ≤ 2c / (c + m).
 */
function similarityBound(w: Wording, present: Uint8Array): number {
	let c = 0;
	for (const s of w.coreSymbols) if (present[s]) c++;
	return c === 0 ? 0 : (2 * c) / (c + w.core.length);
}

/** similarityBound of the section's best wording for the text. */
function boundOf(text: string, section: SectionDef): number {
	const wordings = wordingsOf(section);
	const { present } = lastCoreOf(text);
	let bound = 0;
	for (const w of wordings) if (w.core.length > 0) bound = Math.max(bound, similarityBound(w, present));
	return bound;
}

/** Below what a bound must stay to rule a wording out, beyond floating-point error in the similarities compared. */
const BOUND_MARGIN = 1e-12;

/** Where the prefix that reads most like a section ends in the text's core (0: none does), how alike it is, and after which wording. */
interface PrefixScore {
	similarity: number;
	at: number;
	wording: string;
}

/** bestPrefix's similarity, before the prefix's end is placed in the text (which only the chosen section needs). */
function prefixScore(text: string, section: SectionDef, minLength: number): PrefixScore {
	const wordings = wordingsOf(section);
	const { core, offsets, symbols, present } = lastCoreOf(text);
	let similarity = 0;
	let at = 0;
	let wording = '';
	for (const wd of wordings) {
		const { text: wordingText, core: w, coreMasks } = wd;
		const m = w.length;
		if (m === 0) continue;
		// No prefix can read more like this wording than the best so far (by the tie margin below): it is not counted.
		if (similarityBound(wd, present) < similarity + 1e-9 - BOUND_MARGIN) continue;
		const lcs = coreMasks ? lcsOfPrefixesMasked(symbols, coreMasks, m) : lcsOfPrefixes(core, w);
		for (let i = 1; i <= core.length; i++) {
			const furthest = i < offsets.length ? offsets[i] : text.length;
			if (furthest < minLength) continue;
			const s = (2 * lcs[i]) / (i + m);
			// Ties go to the shorter prefix: the text after a heading is body, not heading.
			if (s > similarity + 1e-9) {
				similarity = s;
				at = i;
				wording = wordingText;
			}
		}
	}
	// A strong keyword stands in only where no prefix shares a character with any wording.
	if (at === 0) {
		const kw = keywordSimilarity(text, section);
		if (kw > similarity) similarity = kw;
	}
	return { similarity, at, wording };
}

function prefixMatch(text: string, section: SectionDef, minLength: number, score: PrefixScore): PrefixMatch {
	if (score.at > 0) return { similarity: score.similarity, length: Math.max(minLength, extendThroughFiller(text, lastCoreOf(text).offsets, score.at, section, score.wording)) };
	return { similarity: score.similarity, length: score.similarity > 0 ? text.length : 0 };
}

/**
 * The prefix of `text` (at least `minLength` characters) that reads most like the section:
 * where a heading ends is not marked in a page squashed onto one line (一、总体情况2023年，…).
 */
export function bestPrefix(text: string, section: SectionDef, minLength: number): PrefixMatch {
	return prefixMatch(text, section, minLength, prefixScore(text, section, minLength));
}

/** The section (its index, -1 for none) whose bestPrefix is the most alike (the first of equals), and that prefix. */
export function bestPrefixOf(text: string, sections: readonly SectionDef[], minLength: number): { index: number; match: PrefixMatch } {
	let index = -1;
	let best: PrefixScore | undefined;
	sections.forEach((s, j) => {
		// A section none of whose wordings can beat the best so far is not scored — unless its
		// strong keyword could stand in for them (prefixScore) and be worth more than that best.
		const floor = best?.similarity ?? 0;
		if (floor >= KEYWORD_SIMILARITY && boundOf(text, s) < floor - BOUND_MARGIN) return;
		const score = prefixScore(text, s, minLength);
		if (score.similarity > (best?.similarity ?? 0)) [index, best] = [j, score];
	});
	return best ? { index, match: prefixMatch(text, sections[index], minLength, best) } : { index: -1, match: { similarity: 0, length: 0 } };
}

/**
 * Where a prefix ending at core character i ends in the text: filler after it (…政府信息情况)
 * belongs to the heading as far as the wording has it too; filler the wording lacks (…事项本机关…) is body.
 */
function extendThroughFiller(text: string, offsets: number[], i: number, section: SectionDef, wording: string): number {
	const from = offsets[i - 1] + 1;
	const to = i < offsets.length ? offsets[i] : text.length;
	const run = text.slice(from, to).replace(TRAILING, '');
	if (run.length === 0) return from;
	const target = wordingsOf(section).find((w) => w.text === wording)!.plain;
	let best = from;
	let bestScore = coreSimilarity(plainWording(text.slice(0, from)), target);
	for (let e = 1; e <= run.length; e++) {
		const score = coreSimilarity(plainWording(text.slice(0, from + e)), target);
		if (score > bestScore + 1e-9) [best, bestScore] = [from + e, score];
	}
	return best;
}

/** How alike a heading is to a section word for word, filler included (主动公开工作情况 is not 主动公开政府信息情况). */
export function plainSimilarity(title: string, section: SectionDef): number {
	const plain = plainWording(title);
	let best = 0;
	for (const w of wordingsOf(section)) best = Math.max(best, coreSimilarity(plain, w.plain));
	return best;
}

/** Least similarity for a heading to be taken as a section in its place. */
export const MATCH_SIMILARITY = 0.5;
/** Least similarity, for a heading numbered as the section is, to be taken as it in its place. */
export const NUMBERED_MATCH_SIMILARITY = 0.34;
/** Similarity at which a heading is that section even out of its place (so order and duplicates are seen). */
export const STRONG_SIMILARITY = 0.8;
/** What a heading numbered as the section (二、 for the second) adds to its score. */
const NUMBER_BONUS = 0.15;

export interface AlignCandidate {
	/** Similarity to each of the template's sections, in the template's order. */
	similarities: number[];
	/** The heading's ordinal value (0 when unnumbered). */
	number: number;
}

function pairScore(c: AlignCandidate, j: number): number {
	const s = c.similarities[j];
	const numbered = c.number === j + 1;
	if (s >= MATCH_SIMILARITY || (numbered && s >= NUMBERED_MATCH_SIMILARITY)) return s + (numbered ? NUMBER_BONUS : 0);
	return -1;
}

/**
 * The best in-order alignment of candidates (in document order) to sections (in the template's
 * order): each section gets at most one candidate, the pairs keep both orders, and the sum of
 * the pairs' scores is the largest. Returns the section index of each candidate, or -1.
 */
export function alignInOrder(candidates: AlignCandidate[], sectionCount: number): { assignment: number[]; score: number; matched: number } {
	const n = candidates.length;
	const m = sectionCount;
	const width = m + 1;
	const best = new Float64Array((n + 1) * width);
	const move = new Uint8Array((n + 1) * width); // 1 skip candidate, 2 skip section, 3 pair
	for (let i = 0; i <= n; i++) {
		for (let j = 0; j <= m; j++) {
			if (i === 0 && j === 0) continue;
			let v = -Infinity;
			let how = 0;
			if (i > 0 && best[(i - 1) * width + j] > v) [v, how] = [best[(i - 1) * width + j], 1];
			if (j > 0 && best[i * width + j - 1] > v) [v, how] = [best[i * width + j - 1], 2];
			if (i > 0 && j > 0) {
				const p = pairScore(candidates[i - 1], j - 1);
				if (p >= 0 && best[(i - 1) * width + j - 1] + p > v) [v, how] = [best[(i - 1) * width + j - 1] + p, 3];
			}
			best[i * width + j] = v;
			move[i * width + j] = how;
		}
	}
	const assignment = new Array<number>(n).fill(-1);
	let matched = 0;
	for (let i = n, j = m; i > 0 || j > 0; ) {
		const how = move[i * width + j];
		if (how === 3) {
			assignment[i - 1] = j - 1;
			matched++;
			i--;
			j--;
		} else if (how === 1) i--;
		else j--;
	}
	return { assignment, score: best[n * width + m], matched };
}
