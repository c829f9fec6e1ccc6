import type { ReadingReuse } from '../../reuse.ts';
import type { TemplateDef } from '../../templates/index.ts';
import { isWhitespace, matchesOf, type LineIndex } from '../text.ts';
import { foldDigits } from '../normalize.ts';
import { markedPageNumberAt } from '../pageNumbers.ts';
import type { RawCell, TableBlock } from './types.ts';

/**
 * Web pages scraped to text run a report's tables together, often onto one line: labels follow
 * each other with no separator, and a row's numbers run into the next label
 * ("一、本年新收政府信息公开申请数量 60 4 0 0 1 0 65二、上年结转…", or "…申请数量6040010 65…").
 * This reads such lines by finding the template's labels in them. Numbers separated by spaces are
 * read as they stand; a run of glued digits is split by inference (each split that satisfies the
 * row's own sum rules), and every cell from such a split is marked inferred.
 */

/** Lines longer than this are not searched: a pathological input must not take long. */
const MAX_GLUED_LINE = 400_000;
const MIN_GLUED_LINE = 80;
/** A line shorter than that is read only where it holds a whole table (a converter put each small table on a line of its own). */
const MIN_WHOLE_TABLE_LINE = 8;
/** A line is read as glued table text when it holds at least this many distinct template labels. */
const MIN_LABELS = 4;
/** Fewest digits a line of squashed tables has (Table 1 alone has eight values). */
const MIN_DIGITS = 8;
const MAX_DIGITS_PER_VALUE = 6;
const MAX_SPLITS = 64;
/** Splits of a row none of which balances, offered to the table's rules to choose from (few: rows' choices multiply). */
const MAX_UNBALANCED_SPLITS = 8;
/** Bound on the search for splits, so a long digit run costs little. */
const MAX_SPLIT_STEPS = 20_000;

interface LabelPattern {
	re: RegExp;
	/** A short label without an ordinal (规章, 行政许可) also occurs in prose: it counts only after its table's anchor. */
	generic: boolean;
	kind: 'anchor' | 'header' | 'row';
	/** Number of values after the label (rows, and the header that ends an unlabeled-row table). */
	values: number;
	table: string;
	/** Sum rules within the row, as column-index lists: [target, ...terms]. */
	rowRules: number[][];
	/** The template row a row label names. */
	rowKey?: string;
	/** Value columns (by index) that may be negative (本年增/减). */
	negative?: Set<number>;
	/** The row's table has a unit column (条, 件) before its values. */
	unitColumn?: boolean;
}

const patternCache = new WeakMap<TemplateDef, LabelPattern[]>();

/**
 * For each label regex, its longest run of characters matched as themselves (only spaces may
 * come between them, so a line without whitespace that lacks the run cannot match: a cheap test
 * before the regex), how many of the regex's parts come before that run, and the regex sticky
 * (to try it at one place).
 */
const NEEDLES = new WeakMap<RegExp, { needle: string; before: number; sticky: RegExp }>();

/** A regex that finds a label written with any width of punctuation, spaces inside, quotes or not. */
function labelRegex(label: string): RegExp {
	const parts: string[] = [];
	let run = '';
	let runStart = 0;
	let needle = '';
	let before = 0;
	for (const ch of label.normalize('NFKC')) {
		if (/\s/.test(ch)) continue;
		let literal = false;
		if (ch === '(' ) parts.push('[（(]');
		else if (ch === ')') parts.push('[）)]');
		else if (ch === ',') parts.push('[，,]');
		else if (ch === ':') parts.push('[：:]');
		else if (ch === '.') parts.push('[.．、]');
		else if (/["“”'‘’]/.test(ch)) parts.push('["“”]?');
		else if (/[0-9]/.test(ch)) parts.push(`[${ch}${String.fromCharCode(0xff10 + Number(ch))}]`);
		else {
			parts.push(ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
			literal = true;
		}
		if (literal && run === '') runStart = parts.length - 1;
		run = literal ? run + ch : '';
		if (run.length > needle.length) [needle, before] = [run, runStart];
	}
	const re = new RegExp(parts.join('\\s*'), 'g');
	NEEDLES.set(re, { needle, before, sticky: new RegExp(re.source, 'y') });
	return re;
}

function patternsFor(template: TemplateDef): LabelPattern[] {
	const cached = patternCache.get(template);
	if (cached) return cached;
	const out: LabelPattern[] = [];
	for (const table of template.tables) {
		const valueColumns = table.columns.filter((c) => c.kind !== 'text');
		const colIndex = new Map(valueColumns.map((c, i) => [c.key, i]));
		const rowRules = (rowKey: string) =>
			template.rules
				.filter((r) => r.table === table.id && r.kind === 'sum' && r.target.row === rowKey && r.terms.every((t) => t.row === rowKey))
				.map((r) => (r.kind === 'sum' ? [colIndex.get(r.target.column)!, ...r.terms.map((t) => colIndex.get(t.column)!)] : []));
		for (const a of table.anchors) out.push({ re: labelRegex(a), generic: false, kind: 'anchor', values: 0, table: table.id, rowRules: [] });
		const lastHeader = table.headers[table.headers.length - 1];
		for (const h of new Set([...table.headers, ...table.columns.map((c) => c.label)])) {
			if (h.length < 2) continue;
			const opensValues = table.unlabeledRow !== undefined && h === lastHeader;
			out.push({ re: labelRegex(h), generic: false, kind: 'header', values: opensValues ? valueColumns.length : 0, table: table.id, rowRules: opensValues ? rowRules(table.unlabeledRow!) : [], rowKey: opensValues ? table.unlabeledRow : undefined });
		}
		for (const row of table.rows) {
			for (const label of [row.label, ...(row.aliases ?? [])]) {
				const generic = !/^[（(一二三四五六七八九十\d]/.test(label) && table.anchors.length > 0;
				out.push({ re: labelRegex(label), generic, kind: 'row', values: row.kind === 'group' ? 0 : valueColumns.length, table: table.id, rowRules: rowRules(row.key), rowKey: row.key, negative: new Set(valueColumns.flatMap((c, i) => (c.allowNegative ? [i] : []))), unitColumn: table.columns[0]?.kind === 'text' });
			}
		}
	}
	patternCache.set(template, out);
	return out;
}

interface Hit {
	start: number;
	end: number;
	pattern: LabelPattern;
	/** Other tables' patterns for the very same text. */
	alternatives?: LabelPattern[];
}


function findHits(line: string, patterns: LabelPattern[]): Hit[] {
	const hits: Hit[] = [];
	// The line without whitespace (its UTF-16 units, read from an array: a string pieced together
	// from slices is slow to read unit by unit), and where each of its characters stands in the line.
	const units = new Uint16Array(line.length);
	const offsets = new Int32Array(line.length);
	let count = 0;
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (isWhitespace(c)) continue;
		units[count] = c;
		offsets[count++] = i;
	}
	let compactText: string | undefined;
	const compact = () => (compactText ??= line.replace(/\s+/g, ''));
	// Where each pair of characters a needle opens with stands in the compact line, found in one
	// pass: not a search of the whole line for every label.
	const pairs = needlePairs(patterns);
	const pairsAt = new Map<number, number[]>();
	for (let k = 0; k + 1 < count; k++) {
		const c = units[k];
		if (!pairs.first[c]) continue;
		const d = units[k + 1];
		// (Most pairs are no needle's: the filter rules them out before the set is asked.)
		if (!pairs.filter[pairHash(c, d)]) continue;
		const key = pairKey(c, d);
		if (!pairs.keys.has(key)) continue;
		const list = pairsAt.get(key);
		if (list) list.push(k);
		else pairsAt.set(key, [k]);
	}
	for (let i = 0; i < patterns.length; i++) {
		const p = patterns[i];
		const n = pairs.needles[i];
		const needle = n?.needle ?? '';
		if (n && needle.length >= 2) {
			const list = pairsAt.get(pairKey(needle.charCodeAt(0), needle.charCodeAt(1)));
			if (!list) continue;
			let places = list;
			if (needle.length > 2) {
				// The places where the rest of the needle follows its first pair (compact.startsWith(needle, k)).
				places = [];
				next: for (const k of list) {
					if (k + needle.length > count) continue;
					for (let j = 2; j < needle.length; j++) if (units[k + j] !== needle.charCodeAt(j)) continue next;
					places.push(k);
				}
			}
			if (places.length > 0) labelMatches(line, offsets, places, n, (start, end) => hits.push({ start, end, pattern: p }));
			continue;
		}
		if (!compact().includes(needle)) continue;
		if (n && needle !== '') {
			const places: number[] = [];
			for (let k = compact().indexOf(needle); k !== -1; k = compact().indexOf(needle, k + 1)) places.push(k);
			labelMatches(line, offsets, places, n, (start, end) => hits.push({ start, end, pattern: p }));
			continue;
		}
		p.re.lastIndex = 0;
		for (let m = p.re.exec(line); m; m = p.re.exec(line)) {
			if (m[0].length === 0) {
				p.re.lastIndex++;
				continue;
			}
			hits.push({ start: m.index, end: m.index + m[0].length, pattern: p });
		}
	}
	// Longest label first where two start together; then drop any hit inside an earlier one.
	const kept: Hit[] = [];
	let end = -1;
	for (const h of sortHits(hits)) {
		const last = kept[kept.length - 1];
		// The same label in several tables (a row two variants of a table share): kept as alternatives, the anchor decides.
		if (last && h.start === last.start && h.end === last.end && h.pattern.kind === last.pattern.kind && h.pattern.table !== last.pattern.table) {
			(last.alternatives ??= []).push(h.pattern);
			continue;
		}
		if (h.start < end) continue;
		kept.push(h);
		end = h.end;
	}
	return kept;
}

/** Most hits sorted on packed keys: each key's bits hold start, end, values and the hit's index (2^19 · 2^19 · 2^5 · 2^10 = 2^53). */
const MAX_PACKED_HITS = 1 << 10;
const MAX_PACKED_VALUES = 31;
const PACKED_POSITIONS = 1 << 19;

/**
 * The hits by start, then longest first, then most values first, then as found (a stable sort):
 * as keys sorted as numbers where they fit in a double's 53 bits, which is far faster than
 * sorting the hits with a comparator.
 */
function sortHits(hits: Hit[]): Hit[] {
	const packable = hits.length <= MAX_PACKED_HITS && hits.every((h) => h.end < PACKED_POSITIONS && h.pattern.values >= 0 && h.pattern.values <= MAX_PACKED_VALUES);
	if (!packable) return hits.sort((a, b) => a.start - b.start || b.end - a.end || b.pattern.values - a.pattern.values);
	const keys = new Float64Array(hits.length);
	hits.forEach((h, i) => {
		keys[i] = ((h.start * PACKED_POSITIONS + (PACKED_POSITIONS - 1 - h.end)) * (MAX_PACKED_VALUES + 1) + (MAX_PACKED_VALUES - h.pattern.values)) * MAX_PACKED_HITS + i;
	});
	keys.sort();
	const out = new Array<Hit>(hits.length);
	for (let k = 0; k < keys.length; k++) out[k] = hits[keys[k] % MAX_PACKED_HITS];
	return out;
}

/** Two UTF-16 units as one key: a 32-bit integer (a small integer to V8, where c * 65536 + d was a heap number). */
function pairKey(c: number, d: number): number {
	return (c << 16) | d;
}

/** A pair's slot in NeedlePairs.filter. */
function pairHash(c: number, d: number): number {
	return (c * 31 + d) & 0xffff;
}

/** The first two characters of the labels' needles (of two or more), which characters open one, and which slots (pairHash) the pairs fill. */
interface NeedlePairs {
	/** Each pattern's needle (NEEDLES), in the patterns' order. */
	needles: Array<{ needle: string; before: number; sticky: RegExp } | undefined>;
	keys: Set<number>;
	first: Uint8Array;
	filter: Uint8Array;
}

const PAIRS = new WeakMap<LabelPattern[], NeedlePairs>();

function needlePairs(patterns: LabelPattern[]): NeedlePairs {
	let pairs = PAIRS.get(patterns);
	if (!pairs) {
		pairs = { needles: patterns.map((p) => NEEDLES.get(p.re)), keys: new Set(), first: new Uint8Array(65536), filter: new Uint8Array(65536) };
		for (const p of patterns) {
			const needle = NEEDLES.get(p.re)?.needle ?? '';
			if (needle.length < 2) continue;
			pairs.keys.add(pairKey(needle.charCodeAt(0), needle.charCodeAt(1)));
			pairs.first[needle.charCodeAt(0)] = 1;
			pairs.filter[pairHash(needle.charCodeAt(0), needle.charCodeAt(1))] = 1;
		}
		PAIRS.set(patterns, pairs);
	}
	return pairs;
}

/**
 * The matches a global search of the label's regex finds in the line, in order, without running
 * it over the whole line: every match holds the needle (contiguous once spaces are left out), and
 * starts after the compact character `before + 1` places ahead of it. So the regex is tried,
 * sticky, only at the places from there to the needle, for each place the needle stands (`places`,
 * in the compact line, in order); the leftmost place where it matches is where the global search
 * finds its next match.
 */
function labelMatches(line: string, offsets: Int32Array, places: number[], n: { needle: string; before: number; sticky: RegExp }, hit: (start: number, end: number) => void): void {
	// Every start before `next` is ruled out or lies inside a match found.
	let next = 0;
	for (let i = 0; i < places.length; ) {
		const k = places[i];
		const at = offsets[k];
		if (at < next) {
			i++;
			continue;
		}
		const ahead = k - n.before - 1;
		let s = Math.max(next, ahead >= 0 ? offsets[ahead] + 1 : 0);
		let m: RegExpExecArray | null = null;
		for (; s <= at && !m; s++) {
			n.sticky.lastIndex = s;
			m = n.sticky.exec(line);
		}
		if (!m) {
			next = at + 1;
			i++;
			continue;
		}
		if (m[0].length === 0) {
			next = m.index + 1;
			continue;
		}
		hit(m.index, m.index + m[0].length);
		next = m.index + m[0].length;
	}
}

interface Probes {
	gates: string[];
	probes: string[];
	/** A table whose header opens its one row of numbers (the appeals table), by its gates and its longer header words. */
	headed: Array<{ gates: string[]; headers: string[] }>;
	/** Each table by its anchors (brackets either width) and, per row, the forms of its label: what a line holding the whole table holds. */
	whole: Array<{ anchors: RegExp[]; rows: string[][]; columns: number }>;
}

const probeCache = new WeakMap<TemplateDef, Probes>();

const stripOrdinal = (label: string) => label.replace(/^[（(][一二三四五六七八九十]+[）)]|^[一二三四五六七八九十]+、|^\d+\./, '');

/**
 * Short distinctive pieces of the template's labels, to tell table text from prose cheaply: a
 * line must hold a gate (the start of a table's anchor or of its first row) and then several probes.
 */
function probesFor(template: TemplateDef): Probes {
	let p = probeCache.get(template);
	if (!p) {
		const cjk = (s: string) => s.replace(/[^\u4e00-\u9fff]/g, '').slice(0, 4);
		// A table's first row counts as a gate only when it has an ordinal: 行政许可 alone is common prose.
		const firstNumbered = (t: TemplateDef['tables'][number]) => t.rows.find((r) => r.kind !== 'group' && /^[（(一二三四五六七八九十\d]/.test(r.label))?.label ?? '';
		const gates = template.tables.flatMap((t) => [...t.anchors.map(cjk), cjk(stripOrdinal(firstNumbered(t)))]).filter((g) => g.length === 4);
		const probes = template.tables.flatMap((t) => t.rows.filter((r) => r.label.length >= 4).map((r) => stripOrdinal(r.label).slice(0, 6)));
		// (Headers of four characters or more: 结果, 其他, 尚未 are words of any prose.)
		const headed = template.tables
			.filter((t) => t.unlabeledRow !== undefined)
			.map((t) => ({ gates: t.anchors.map(cjk).filter((g) => g.length === 4), headers: [...new Set(t.headers.filter((h) => h.length >= 4))] }));
		const bracketsEither = (anchor: string) => new RegExp(anchor.replace(/[.*+?^${}|[\]\\]/g, '\\$&').replace(/\\?\(/g, '[（(]').replace(/\\?\)/g, '[）)]'));
		const whole = template.tables
			.filter((t) => t.anchors.length > 0 && t.unlabeledRow === undefined)
			.map((t) => {
				const rows = t.rows.filter((r) => r.kind !== 'group');
				return { anchors: t.anchors.map(bracketsEither), rows: rows.map((r) => [r.label, ...(r.aliases ?? [])].map(stripOrdinal)), columns: t.columns.filter((c) => c.kind !== 'text').length };
			});
		probeCache.set(template, (p = { gates: [...new Set(gates)], probes, headed, whole }));
	}
	return p;
}

/** Whether a line is worth reading as glued table text for this template. */
export function looksGlued(line: string, template: TemplateDef, reuse?: ReadingReuse): boolean {
	// (Tabs may stay between the cells of a page squashed onto one line; lines of tab cells are claimed before.)
	if (line.length < MIN_WHOLE_TABLE_LINE || line.length > MAX_GLUED_LINE) return false;
	// A pipe row is another layout's; a stray pipe inside a long run of prose is not.
	if ((line.includes('|') || line.includes('｜')) && !/[^|｜]{300}/.test(line)) return false;
	// Squashed tables are dense with numbers; prose lines are not, and need no label search.
	let digits = 0;
	for (let i = 0; i < line.length && digits < MIN_DIGITS; i++) {
		const c = line.charCodeAt(i);
		if (c >= 48 && c <= 57) digits++;
	}
	if (digits < MIN_DIGITS || line.length < MIN_GLUED_LINE) return holdsWholeTable(line, template);
	return reuse && line.length <= MAX_REUSED_LINE ? reuse.get(`glued|${templateKey(template)}`, line, () => holdsLabels(line, template) || holdsWholeTable(line, template)) : holdsLabels(line, template) || holdsWholeTable(line, template);
}

/** A key for each template object (a format mix is a template of its own under its format's id). */
function templateKey(template: TemplateDef): number {
	let key = TEMPLATE_KEYS.get(template);
	if (key === undefined) TEMPLATE_KEYS.set(template, (key = TEMPLATE_KEYS_USED++));
	return key;
}
const TEMPLATE_KEYS = new WeakMap<TemplateDef, number>();
let TEMPLATE_KEYS_USED = 0;

/**
 * Whether a line holds a table's gate and enough of its labels (the line's alone): row labels of
 * the tables, or the header words of a table whose header opens its row of numbers (行政复议行政诉讼
 * 结果维持…总计 00 0 00…, on a line of its own where a page's text puts each section on one).
 */
function holdsLabels(line: string, template: TemplateDef): boolean {
	const { gates, probes, headed } = probesFor(template);
	if (!gates.some((g) => line.includes(g))) return false;
	let distinct = 0;
	for (const probe of probes) if (line.includes(probe) && ++distinct >= MIN_LABELS) return true;
	for (const t of headed) {
		if (!t.gates.some((g) => line.includes(g))) continue;
		let headers = 0;
		for (const h of t.headers) if (line.includes(h) && ++headers >= MIN_LABELS) return true;
	}
	return false;
}

/**
 * Whether a short line is one small table glued whole (第二十条第（一）项信息内容…规章000规范性文件444,
 * where a page's text gives each table a line), or one row of a table and nothing else
 * (二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0, where it gives a row a line): a table's anchor,
 * its rows' labels and at least a digit for each of their cells; or a numbered row's label opening
 * the line and only its numbers after it. Prose that names a table or a row lacks the numbers.
 */
function holdsWholeTable(line: string, template: TemplateDef): boolean {
	let digits = 0;
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c >= 48 && c <= 57) digits++;
	}
	if (digits === 0) return false;
	for (const t of probesFor(template).whole) {
		if (!t.anchors.some((a) => a.test(line))) continue;
		// (A row the table leaves out, 规章 of 2021's 第二十条第（一）项, is the checker's to report.)
		const rows = t.rows.filter((forms) => forms.some((f) => line.includes(f))).length;
		if (rows > 0 && digits >= rows * t.columns) return true;
	}
	const start = line.search(/\S/);
	if (start < 0 || !ROW_ORDINAL.test(line[start])) return false;
	for (const p of patternsFor(template)) {
		if (p.kind !== 'row' || p.generic || p.values === 0 || digits < p.values) continue;
		const { sticky } = NEEDLES.get(p.re)!;
		sticky.lastIndex = start;
		if (sticky.test(line) && ONLY_NUMBERS.test(line.slice(sticky.lastIndex))) return true;
	}
	return false;
}
/** What a numbered row's label starts with. */
const ROW_ORDINAL = /[（(一二三四五六七八九十0-9]/;
/** The rest of a line that holds a row's numbers and nothing more. */
const ONLY_NUMBERS = /^[\s\u3000]*[0-9][0-9\s\u3000.,]*$/;

/** Longer lines (a page squashed onto one) are searched each time. */
const MAX_REUSED_LINE = 4000;

/** Table blocks read from glued lines (lines no other layout claimed). */
export function findGluedBlocks(index: LineIndex, template: TemplateDef, claimed: Uint8Array, reuse?: ReadingReuse): TableBlock[] {
	const blocks: TableBlock[] = [];
	const patterns = patternsFor(template);
	for (let n = 0; n < index.lineCount; n++) {
		// (Too short or too long a line is none, folded or not: it is not folded to be told so.)
		if (claimed[n] || index.lines[n].length < MIN_WHOLE_TABLE_LINE || index.lines[n].length > MAX_GLUED_LINE) continue;
		// (Read with full-width digits as ASCII, one unit for one; the cells keep the text's own.)
		const line = foldDigits(index.lines[n]);
		if (!looksGlued(line, template, reuse)) continue;
		const { cells, sparse } = gluedCells(line, n, patterns, template, index.lines[n]);
		// A line with rows short of numbers is read as a token stream against the template (bind/align.ts).
		if (cells.length > 0) blocks.push({ layout: 'glued', firstLine: n, lastLine: n, cells, rowsReliable: !sparse, ...(sparse ? { aligned: true } : {}) });
	}
	return blocks;
}

function gluedCells(line: string, lineNo: number, patterns: LabelPattern[], template: TemplateDef, original = line): { cells: RawCell[]; sparse: boolean } {
	const hits = findHits(line, patterns);
	const at = (s: number, e: number, row: number, inferred = false): RawCell => ({
		text: original.slice(s, e),
		range: { start: { line: lineNo, character: s }, end: { line: lineNo, character: e } },
		row,
		...(inferred ? { inferred } : {}),
	});
	const anchored = new Set<string>();
	let sparse = false;
	const pieces: Array<{ label: RawCell; unit?: RawCell; values?: ValueOptions; pattern: LabelPattern; bare?: boolean; tight?: boolean }> = [];
	let lastAnchored: string | undefined;
	hits.forEach((hit, i) => {
		const h = hit.alternatives ? { ...hit, pattern: [hit.pattern, ...hit.alternatives].find((p) => p.table === lastAnchored) ?? hit.pattern } : hit;
		if (h.pattern.kind === 'anchor') anchored.add((lastAnchored = h.pattern.table));
		if (h.pattern.generic && !anchored.has(h.pattern.table)) return;
		const limit = i + 1 < hits.length ? hits[i + 1].start : line.length;
		// A table whose first column is a unit (条 | 86) writes the unit between the label and the numbers.
		const unit = h.pattern.unitColumn ? unitAfter(line, h.end, limit) : undefined;
		// A unit in brackets closing the label (政府集中采购（元）6675809) is the label's, not a value.
		const from = unit ? unit[1] : h.end + (BRACKETED_UNIT.exec(line.slice(h.end, Math.min(limit, h.end + 10)))?.[0].length ?? 0);
		let values = h.pattern.values > 0 ? readValues(line, from, limit, h.pattern, i, at) : undefined;
		// Numbers written apart but too few for the row's columns (a page that leaves zero cells
		// blank: 一、本年新收… 11 11): the row's own, as written; which columns they stand in is the
		// aligner's to judge, as in text from a PDF.
		if (!values && h.pattern.kind === 'row' && h.pattern.values > 0) {
			const apart = tokensApart(line, from, limit);
			if (apart.length > 0 && apart.length < h.pattern.values) {
				values = { options: [[]], make: () => apart.map(([s0, e0]) => at(s0, e0, i)) };
				sparse = true;
			}
		}
		// In squashed text a row label with no number after it is prose that names the row, not the
		// row — unless the table leaves its zeros blank (see below).
		const bare = h.pattern.kind === 'row' && h.pattern.values > 0 && !values;
		// Digits after a label that could not be read as its row's numbers are not an empty row: that row is not read.
		if (bare && /[0-9０-９]/.test(line.slice(h.end, limit))) return;
		// (A label with nothing at all before the next label is no prose that names it: it is a row the page left empty.)
		const tight = bare && i + 1 < hits.length && line.slice(h.end, limit).trim() === '';
		pieces.push({ label: at(h.start, h.end, i), unit: unit ? at(unit[0], unit[1], i) : undefined, values, pattern: h.pattern, bare, tight });
	});
	// Where a table leaves its zero cells blank, a row label with no number between rows of its table that have numbers is an empty row;
	// so is one run straight into the next label between such rows (…申请00000002.申请人逾期…申请3.其他（七）总计1000001), whose table then leaves rows blank.
	const between = (p: (typeof pieces)[number], k: number) => {
		const valued = (q: (typeof pieces)[number]) => !q.bare && q.values !== undefined && q.pattern.table === p.pattern.table;
		return pieces.slice(0, k).some(valued) && pieces.slice(k + 1).some(valued);
	};
	if (!sparse && pieces.some((p, k) => p.bare && p.tight && between(p, k))) sparse = true;
	const kept = pieces.filter((p, k) => !p.bare || (sparse && between(p, k)));
	pieces.length = 0;
	pieces.push(...kept);
	const choice = chooseSplits(pieces, template);
	const cells: RawCell[] = [];
	pieces.forEach((p, i) => {
		cells.push(p.label);
		if (p.unit) cells.push(p.unit);
		if (p.values) cells.push(...p.values.make(choice.get(i) ?? p.values.options[0]));
	});
	return { cells, sparse };
}

/** Numbers after a label, each standing apart (a space or the end on both sides), as written. */
function tokensApart(line: string, from: number, limit: number): Array<[number, number]> {
	const end = valuesEnd(line, from, limit);
	const out: Array<[number, number]> = [];
	for (const m of matchesOf(VALUE_TOKEN, valuesText(line, from, end))) {
		const s = from + m.index!;
		const e = s + m[0].length;
		// (A run stuck to its label — （一）予以公开55 — is glued cells, not numbers standing apart.)
		if (s === 0 || !isWhitespace(line.charCodeAt(s - 1)) || (e < end && !isWhitespace(line.charCodeAt(e)))) return [];
		out.push([s, e]);
	}
	return out;
}

type CellAt = (s: number, e: number, row: number, inferred?: boolean) => RawCell;

/** The ways a row's values can be read, and how to make cells of one of them. */
interface ValueOptions {
	options: number[][];
	make: (values: number[]) => RawCell[];
}

/** The values after a label: space-separated numbers as written, or a glued digit run split by inference. */
function readValues(line: string, from: number, limit: number, p: LabelPattern, row: number, at: CellAt): ValueOptions | undefined {
	const end = valuesEnd(line, from, limit);
	const tokens: Array<[number, number]> = [];
	for (const m of matchesOf(VALUE_TOKEN, valuesText(line, from, end))) tokens.push([from + m.index!, from + m.index! + m[0].length]);
	if (tokens.length === 0) return undefined;
	const exact = (ts: Array<[number, number]>): ValueOptions => ({ options: [[]], make: () => ts.map(([s, e]) => at(s, e, row)) });
	if (tokens.length >= p.values) return exact(tokens.slice(0, p.values));
	const marked = blankMarkReading(line, from, end, tokens, p, row, at);
	if (marked) return marked;
	// Fewer tokens than columns: some tokens are several numbers glued together. Only the last
	// may carry a decimal part and a unit (政府集中采购 82059.2090万元: a count, then an amount).
	// A sign opens a token (本年增/减 88-720: 88, -72, 0); it stays out of the digits and goes back on the number it opens.
	const signed = tokens.map(([s]) => /[-－]/.test(line[s]));
	const numeric = tokens.map(([s, e], i) => /^[0-9０-９]+(?:[.,][0-9０-９]+)*/.exec(line.slice(s + (signed[i] ? 1 : 0), e))![0]);
	const last = numeric[numeric.length - 1];
	const frac = /[.][0-9０-９]+$/.exec(last)?.[0] ?? '';
	const intTexts = [...numeric.slice(0, -1), last.slice(0, last.length - frac.length)];
	const digits = intTexts.join('');
	if (!/^[0-9０-９]+$/.test(digits)) return exact(tokens);
	const offsets: number[] = [];
	const cuts = new Set<number>();
	const negativeAt = new Set<number>();
	tokens.forEach(([s0], i) => {
		const s = s0 + (signed[i] ? 1 : 0);
		if (signed[i]) negativeAt.add(offsets.length);
		for (let k = s; k < s + intTexts[i].length; k++) offsets.push(k);
		cuts.add(offsets.length);
	});
	// The column of each number a sign opens, for a split: only columns that may be negative take one.
	const signFits = (vals: number[]) => {
		let k = 0;
		return vals.every((v, c) => {
			const ok = !negativeAt.has(k) || (p.negative?.has(c) ?? false);
			k += String(v).length;
			return ok;
		});
	};
	const lastEnd = tokens[tokens.length - 1][1];
	// Digits one short of the columns (一、本年新收…申请数量0 00000, or 1 00000, under seven columns):
	// no cut makes that many numbers, so each digit is one and the page left a cell blank among them.
	// Which cell is not known: the row is its digits and a blank, placed last, all inferred (where
	// every digit is 0, every sum holds wherever the blank stood).
	// (Only where no token can be one number of its own: 00000 can't, 12 can — and is kept as written.)
	if (digits.length === p.values - 1 && frac === '' && negativeAt.size === 0 && intTexts.every((t) => t.length === 1 || /^[0０]/.test(t))) {
		return { options: [[]], make: () => [...offsets.map((k) => at(k, k + 1, row, true)), at(lastEnd, lastEnd, row, true)] };
	}
	const all = splitDigits(digits.normalize('NFKC'), p.values, cuts);
	const signed_ = (vals: number[]) => {
		let k = 0;
		return vals.map((v) => {
			const n = negativeAt.has(k) ? -v : v;
			k += String(v).length;
			return n;
		});
	};
	const fitting = negativeAt.size > 0 && all.some(signFits) ? all.filter(signFits) : all;
	const valid = fitting.filter((v) => rowRulesHold(p, signed_(v)));
	// With no split that balances, the row is shown unbalanced (as a guess), not lost: the split
	// the table's other rules bear out (chooseSplits), else the first.
	const options = valid.length > 0 ? valid : fitting.slice(0, MAX_UNBALANCED_SPLITS);
	if (options.length === 0) return undefined;
	// A page that writes an empty cell as &nbsp; leaves it among the digits (25812··11· for 258 | 12 |
	// · | · | 1 | 1 | ·): with such marks in the run, a split into one digit a cell is one reading of two.
	// Numbers spaced apart but one short of the columns (0 21 0 0 0 0 under seven) read two ways: a
	// pair glued (2 | 1) or a cell left out (21 and a blank). Where the forced split leaves the row's
	// own sums unbalanced, nothing bears it out, so what rests on it is a guess. (A run with no
	// spaces, 2000000, or spaces that fall anywhere, 100 0 0 00, is glued cells: the split stands.)
	const oneLeftOut = tokens.length > 1 && tokens.length === p.values - 1 && valid.length === 0;
	const inferred = all.length > 1 || oneLeftOut || BLANK_MARK.test(line.slice(from, end));
	return {
		options,
		make: (values) => {
			const out: RawCell[] = [];
			let k = 0;
			values.forEach((v, i) => {
				const len = String(v).length;
				// The last number keeps the token's decimal part and unit.
				const e = i === values.length - 1 ? lastEnd : offsets[k + len - 1] + 1;
				out.push(at(negativeAt.has(k) ? offsets[k] - 1 : offsets[k], e, row, inferred));
				k += len;
			});
			return out;
		},
	};
}

/**
 * A page that writes each empty cell as &nbsp; and nothing between filled ones (`18·····18` for
 * 18 | · | · | · | · | · | 18, `25812··11·`): each mark is a blank cell where it stands, and the
 * digits make the other cells. Where the marks and the digits can fill the row's columns so, that
 * is the reading (a blank counts as 0 in the row's sums); undefined where they cannot.
 */
function blankMarkReading(line: string, from: number, end: number, tokens: Array<[number, number]>, p: LabelPattern, row: number, at: CellAt): ValueOptions | undefined {
	const marks: number[] = [];
	let t = 0;
	for (let k = from; k < end; k++) {
		while (t < tokens.length && tokens[t][1] <= k) t++;
		if (t < tokens.length && tokens[t][0] <= k) continue;
		if (BLANK_MARK.test(line[k])) marks.push(k);
	}
	const needed = p.values - marks.length;
	if (marks.length === 0 || needed < tokens.length) return undefined;
	const texts = tokens.map(([s, e]) => line.slice(s, e));
	if (!texts.every((x) => /^[0-9０-９]+$/.test(x))) return undefined;
	const offsets: number[] = [];
	const cuts = new Set<number>();
	tokens.forEach(([s, e]) => {
		for (let k = s; k < e; k++) offsets.push(k);
		cuts.add(offsets.length);
	});
	const splits = splitDigits(texts.join('').normalize('NFKC'), needed, cuts);
	if (splits.length === 0) return undefined;
	// A mark before the first digits or after the last may as well be the space a page puts between a
	// label and its numbers (公开&nbsp;3000003: 30 | · | 0 … or, the mark a space, 3 | 0 | 0 …), and so
	// may a lone mark between two runs of digits (230&nbsp;000023: 230 | · | 0 … 23 or, the mark a
	// space, 23 | 0 | 0 … 23): where the digits fill the row without them too, the reading is one of
	// two, never certain, and the readings with them as spaces are offered beside it.
	const digits = texts.join('').normalize('NFKC');
	const lone = marks.filter((m) => m < tokens[0][0] || m >= tokens[tokens.length - 1][1] || (!BLANK_MARK.test(line[m - 1]) && !BLANK_MARK.test(line[m + 1])));
	// (Which of them are spaces where only some can be is not known: the reading with all of them spaces, the text as a page with plain spaces has it, is the one offered.)
	const spaceSplits = lone.length > 0 ? splitDigits(digits, needed + lone.length, cuts) : [];
	let maySpace = spaceSplits.length > 0;
	for (let k = 1; k < lone.length && !maySpace; k++) maySpace = splitDigits(digits, needed + k, cuts).length > 0;
	const inferred = splits.length > 1 || maySpace;
	const cellsOf = new Map<number[], RawCell[]>();
	const blankSlots = new Map<number[], Set<number>>();
	const rows: number[][] = [];
	const readings: Array<{ split: number[]; blanksAt: number[] }> = [
		...splits.map((split) => ({ split, blanksAt: marks })),
		...spaceSplits.map((split) => ({ split, blanksAt: marks.filter((m) => !lone.includes(m)) })),
	];
	for (const { split, blanksAt } of readings) {
		const numbers: Array<{ at: number; cell: RawCell; value: number }> = [];
		let d = 0;
		for (const v of split) {
			const len = String(v).length;
			numbers.push({ at: offsets[d], cell: at(offsets[d], offsets[d + len - 1] + 1, row, inferred), value: v });
			d += len;
		}
		const blanks = blanksAt.map((m) => ({ at: m, cell: { ...at(m, m, row, inferred), unwritable: true }, value: 0 }));
		const ordered = [...numbers, ...blanks].sort((a, b) => a.at - b.at);
		const values = ordered.map((x) => x.value);
		cellsOf.set(values, ordered.map((x) => x.cell));
		blankSlots.set(values, new Set(ordered.flatMap((x, k) => (x.cell.text === '' ? [k] : []))));
		rows.push(values);
	}
	// A blank total says nothing of its items (the page may leave every 总计 blank): its sum tests no split.
	const valid = rows.filter((vals) => rowRulesHold(p, vals, blankSlots.get(vals)));
	const options = valid.length > 0 ? valid : rows.slice(0, MAX_UNBALANCED_SPLITS);
	return { options, make: (values) => cellsOf.get(values) ?? [] };
}

/** Whether a row's values keep its own sums; a sum whose total is one of `blank` (a cell left empty) tests nothing. */
function rowRulesHold(p: LabelPattern, vals: number[], blank?: Set<number>): boolean {
	return p.rowRules.every(([target, ...terms]) => blank?.has(target) || vals[target] === terms.reduce((a, k) => a + vals[k], 0));
}

/** What a page writes in an empty cell (&nbsp;, an ideographic space), as distinct from the spaces between cells. */
const BLANK_MARK = /[\u00a0\u3000]/;

/** A value as squashed web text writes it: digits, a decimal part, a unit right after (2笔, 984361元, 82059.2090万元). */
const VALUE_TOKEN = /[-－]?[0-9０-９]+(?:[.,][0-9０-９]+)*(?:人次|万元|[件条个次人篇项起份笔元])?/g;
const UNIT_AFTER_DIGIT = /^(?:人次|万元|[件条个次人篇项起份笔元])/;

const BRACKETED_UNIT = /^[\s\u3000]*[（(](?:单位[：:])?(?:人次|万元|[条件个元人次项篇份])[）)]/;

const UNIT_WORD = /^[\s\u3000]*(人次|万元|[条件个元人次项篇份])(?=[\s\u3000]*[0-9０-９])/;

/** The unit word right after a label, before its numbers: [start, end] in the line. */
function unitAfter(line: string, from: number, limit: number): [number, number] | undefined {
	const m = UNIT_WORD.exec(line.slice(from, Math.min(limit, from + 8)));
	if (!m) return undefined;
	const start = from + m[0].length - m[1].length;
	return [start, start + m[1].length];
}

/** A digit, ASCII or full-width. */
function isDigitUnit(c: number): boolean {
	return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** A run of values as the tokens are read from it: a page number among them (-3-) blanked out, at the same offsets. */
function valuesText(line: string, from: number, end: number): string {
	const run = line.slice(from, end);
	if (!/[-—–－]/.test(run)) return run;
	let out = '';
	for (let k = from; k < end; ) {
		const footer = markedPageNumberAt(line, k);
		if (footer > 0 && k + footer <= end) {
			out += ' '.repeat(footer);
			k += footer;
		} else out += line[k++];
	}
	return out;
}

/** Where a label's run of values ends: digits, spaces and separators, and a unit only right after a digit. */
function valuesEnd(line: string, from: number, limit: number): number {
	let end = from;
	while (end < limit) {
		const c = line.charCodeAt(end);
		// (A digit, a space, . , or ，; or a minus sign before a digit.)
		const footer = c === 0x2d || c === 0xff0d || c === 0x2014 || c === 0x2013 ? markedPageNumberAt(line, end) : 0;
		if (footer > 0) {
			end += footer;
			continue;
		}
		if (isDigitUnit(c) || isWhitespace(c) || c === 0x2e || c === 0x2c || c === 0xff0c || ((c === 0x2d || c === 0xff0d) && isDigitUnit(line.charCodeAt(end + 1)))) {
			end++;
			continue;
		}
		const unit = end > from && isDigitUnit(line.charCodeAt(end - 1)) ? UNIT_AFTER_DIGIT.exec(line.slice(end, end + 2)) : null;
		if (!unit) break;
		end += unit[0].length;
	}
	return end;
}

/** Bound on the combinations of ambiguous rows tried against the table's rules. */
const MAX_COMBINATIONS = 4096;

/**
 * Where a row's digits split more than one way, picks the splits that make the most of the
 * table's other rules (column totals, the identity) hold: the reading a reviewer would choose.
 */
function chooseSplits(pieces: Array<{ values?: ValueOptions; pattern: LabelPattern }>, template: TemplateDef): Map<number, number[]> {
	const choice = new Map<number, number[]>();
	const ambiguous = pieces.map((p, i) => ({ p, i })).filter(({ p }) => p.values && p.values.options.length > 1 && p.pattern.rowKey);
	if (ambiguous.length === 0) return choice;
	const known = new Map<string, number[]>();
	pieces.forEach((p) => {
		if (p.pattern.rowKey && p.values && p.values.options.length === 1 && p.values.options[0].length > 0) known.set(`${p.pattern.table}/${p.pattern.rowKey}`, p.values.options[0]);
	});
	const tables = new Set(ambiguous.map(({ p }) => p.pattern.table));
	for (const tableId of tables) {
		const group = ambiguous.filter(({ p }) => p.pattern.table === tableId);
		const table = template.tables.find((t) => t.id === tableId)!;
		const columns = table.columns.filter((c) => c.kind !== 'text').map((c) => c.key);
		// The rules' cell references resolved once (row key, column index): the loop below scores up to MAX_COMBINATIONS picks.
		const columnIndex = new Map(columns.map((c, i) => [c, i]));
		const resolve = (refs: Array<{ row: string; column: string }>) => refs.map((ref) => ({ key: `${tableId}/${ref.row}`, column: columnIndex.get(ref.column) ?? -1 }));
		let rules = template.rules.filter((r) => r.table === tableId).map((r) => (r.kind === 'sum' ? [resolve([r.target]), resolve(r.terms)] : [resolve(r.left), resolve(r.right)]));
		const keys = group.map(({ p }) => `${tableId}/${p.pattern.rowKey}`);
		// A rule on no ambiguous row holds or fails alike for every pick: it cannot change which pick scores best.
		const picked = new Set(keys);
		rules = rules.filter(([left, right]) => left.some((ref) => picked.has(ref.key)) || right.some((ref) => picked.has(ref.key)));
		// Each row a rule or a pick names gets a slot: the picks are scored on an array, not a map of keys.
		const slots = new Map<string, number>();
		const slotOf = (key: string) => {
			let k = slots.get(key);
			if (k === undefined) slots.set(key, (k = slots.size));
			return k;
		};
		const bySlot = (refs: Array<{ key: string; column: number }>) => refs.map((ref) => ({ slot: slotOf(ref.key), column: ref.column }));
		const slotRules = rules.map(([left, right]) => [bySlot(left), bySlot(right)]);
		const groupSlots = keys.map(slotOf);
		// Every pick sets every group row, so one array serves all of them.
		const values: Array<number[] | undefined> = [];
		for (const [key, k] of slots) values[k] = known.get(key);
		const sum = (refs: Array<{ slot: number; column: number }>): number | undefined => {
			let a = 0;
			for (const ref of refs) {
				const v = values[ref.slot]?.[ref.column];
				if (v === undefined) return undefined;
				a += v;
			}
			return a;
		};
		const score = () => {
			let held = 0;
			for (const [left, right] of slotRules) {
				const l = sum(left);
				const rr = sum(right);
				if (l !== undefined && rr !== undefined && l === rr) held++;
			}
			return held;
		};
		let best = -1;
		let bestPick: number[] = group.map(() => 0);
		const pick = group.map(() => 0);
		for (let n = 0; n < MAX_COMBINATIONS; n++) {
			for (let g = 0; g < group.length; g++) values[groupSlots[g]] = group[g].p.values!.options[pick[g]];
			const sc = score();
			if (sc > best) [best, bestPick] = [sc, [...pick]];
			let g = 0;
			while (g < group.length && ++pick[g] >= group[g].p.values!.options.length) pick[g++] = 0;
			if (g === group.length) break;
		}
		group.forEach(({ i, p }, g) => choice.set(i, p.values!.options[bestPick[g]]));
	}
	return choice;
}

/**
 * Every way to cut a digit string into `n` numbers without leading zeros (at most MAX_SPLITS);
 * `cuts` are positions where the text had a space, which no number spans.
 */
export function splitDigits(digits: string, n: number, cuts: Set<number> = new Set()): number[][] {
	const out: number[][] = [];
	const current: number[] = [];
	let steps = 0;
	const go = (pos: number): void => {
		if (out.length >= MAX_SPLITS || ++steps > MAX_SPLIT_STEPS) return;
		const left = n - current.length;
		const rest = digits.length - pos;
		if (left === 0) {
			if (rest === 0) out.push([...current]);
			return;
		}
		if (rest < left || rest > left * MAX_DIGITS_PER_VALUE) return;
		let maxLen = digits[pos] === '0' ? 1 : Math.min(MAX_DIGITS_PER_VALUE, rest - (left - 1));
		for (let k = pos + 1; k < pos + maxLen; k++) if (cuts.has(k)) maxLen = k - pos;
		for (let len = 1; len <= maxLen; len++) {
			current.push(Number(digits.slice(pos, pos + len)));
			go(pos + len);
			current.pop();
		}
	};
	go(0);
	return out;
}
