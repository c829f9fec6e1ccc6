import { detach } from '../memo.ts';
import { readHeading } from '../read/headings.ts';
import { withoutInlineMarkup } from '../read/markup.ts';
import type { TableBlock } from '../read/layout/types.ts';
import type { BoundTable, Heading, Section } from '../model.ts';
import type { SectionDef, TemplateDef } from '../templates/index.ts';
import { alignInOrder, bestPrefix, bestPrefixOf, exactWordingPrefix, MATCH_SIMILARITY, NUMBERED_MATCH_SIMILARITY, plainWording, sectionSimilarity, similarityOf, STRONG_SIMILARITY, titleForms } from './sectionMatch.ts';
import { comparePositions, matchesOf, type LineIndex } from '../read/text.ts';

/** Every heading line outside tables, in document order. */
export function findHeadings(index: LineIndex, blocks: TableBlock[]): Heading[] {
	const inTable = new Uint8Array(index.lineCount);
	// A table that starts or ends inside a line leaves the rest of that line to be read: blanked
	// where the table stands, so a heading's range is still the line's own.
	const outside = new Map<number, string>();
	const lines = withoutInlineMarkup(index);
	for (const b of blocks) {
		for (let n = b.firstLine; n <= b.lastLine; n++) inTable[n] = 1;
		if (!b.span) continue;
		const first = outside.get(b.firstLine) ?? lines[b.firstLine];
		const end = b.firstLine === b.lastLine ? b.span.end : first.length;
		outside.set(b.firstLine, first.slice(0, b.span.start) + ' '.repeat(Math.max(0, end - b.span.start)) + first.slice(end));
		if (b.lastLine !== b.firstLine) {
			const last = outside.get(b.lastLine) ?? lines[b.lastLine];
			outside.set(b.lastLine, ' '.repeat(b.span.end) + last.slice(b.span.end));
		}
	}
	const headings: Heading[] = [];
	for (let n = 0; n < index.lineCount; n++) {
		const line = inTable[n] ? outside.get(n) : lines[n];
		if (line === undefined || line.trim() === '') continue;
		const h = readHeading(line, n);
		if (h) headings.push({ ...h, line: n });
	}
	return headings;
}

/** Characters that may stand right before a heading run into a line: a sentence end, a table's last digit, a space. */
const INLINE_BEFORE = /[。；;！!？?：:\s\u3000\d）)」”"》】|]/;
// (A space may stand before the 、: 一 、总体情况.)
const INLINE_ORDINAL = /([一二三四五六七八九十]{1,2})[ \u3000]?[、.．]/g;
const INLINE_ORDINAL_AT_START = /^[一二三四五六七八九十]{1,2}[ \u3000]?[、.．]/;
/** After a section name, these make it an item of a list (本报告包括总体情况、主动公开…等六个部分), not a heading. */
const LIST_AFTER = /^[，,、；;等]/;
/** After a heading's title, these show where it ends: body text starts with a number, a bracket, punctuation or a space. */
const TITLE_BOUNDARY = /^(?:$|[\s\u3000\d。；;：:！!？?，,（(【[“"])/;
const STOP = /[。；;：:！!？?]/;
/** Most characters a run-in heading's title is extended by, up to where its body visibly starts. */
const MAX_RUN_ON = 8;
/** Longest run of text after an ordinal that is searched for a section name. */
const INLINE_WINDOW = 48;
const CN = '一二三四五六七八九十';
/** A line opened by a numeral and a word (一总体情况…): perhaps a heading without its 、. */
const BARE_HEADING_LINE = /^[\s\u3000]*[一二三四五六七八九十]{1,2}[\u4e00-\u9fa5]/;
/** The same run into a line after a sentence's end (…与我局联系。一总体情况2020年，…), as a converter that missed the heading leaves it. */
const BARE_HEADING_AFTER_SENTENCE = /[。！？!?][\s\u3000]*[一二三四五六七八九十]{1,2}[\u4e00-\u9fa5]/;
/** A numeral before a Chinese character, for the section ordinals written without 、 (一总体情况). */
const BARE_ORDINAL = /(?<![一二三四五六七八九十])([一二三四五六七八九十]{1,2})(?=[\u4e00-\u9fa5])/g;

/** The number a section's own heading gives it (一、总体情况 → 1). */
function numberOfSection(s: SectionDef): number {
	const m = /^([一二三四五六七八九十]{1,2})、/.exec(s.title);
	return m ? chineseValue(m[1]) : 0;
}

/** For each format, by section number, the characters its wordings start with (总 for 总体情况). */
const FIRST_CHARACTERS = new WeakMap<TemplateDef, Map<number, Set<number>>>();

/** Whether a bare numeral could open its numbered section's heading: the next character starts one of that section's wordings. */
function opensNumberedSection(template: TemplateDef, numeral: string, next: number): boolean {
	let byNumber = FIRST_CHARACTERS.get(template);
	if (!byNumber) {
		byNumber = new Map();
		for (const s of template.sections) {
			const number = numberOfSection(s);
			if (number === 0) continue;
			const firsts = byNumber.get(number) ?? new Set<number>();
			for (const w of [s.title, ...(s.variants ?? [])]) {
				const plain = w.replace(/^[（(]?[一二三四五六七八九十]{1,2}[）)]?[、.．]?\s*/, '');
				if (plain.length > 0) firsts.add(plain.charCodeAt(0));
			}
			byNumber.set(number, firsts);
		}
		FIRST_CHARACTERS.set(template, byNumber);
	}
	return byNumber.get(chineseValue(numeral))?.has(next) ?? false;
}

interface Candidate {
	heading: Heading;
	similarities: number[];
	/** Found inside a line rather than at its start: kept only when it names a section. */
	inline: boolean;
	/** A sub-heading run into a line: the text after its ordinal (up to the sentence's end), where its title's end is not marked, and the line from there on. */
	runIn?: { text: string; rest: string };
}

/** Per line, the character spans of table cells (a glued web table inside a long line: its labels are not headings). */
function tableSpans(blocks: TableBlock[]): Map<number, Array<[number, number]>> {
	const spans = new Map<number, Array<[number, number]>>();
	const add = (line: number, span: [number, number]) => {
		const list = spans.get(line);
		if (list) list.push(span);
		else spans.set(line, [span]);
	};
	// Only glued blocks share their lines with prose; the lines of the other layouts are left out whole.
	for (const b of blocks) {
		if (b.layout !== 'glued') continue;
		for (const c of b.cells) {
			for (let line = c.range.start.line; line <= c.range.end.line; line++) {
				const from = line === c.range.start.line ? c.range.start.character : 0;
				const to = line === c.range.end.line ? c.range.end.character : Number.MAX_SAFE_INTEGER;
				if (to > from) add(line, [from, to]);
			}
		}
	}
	for (const list of spans.values()) list.sort((a, b) => a[0] - b[0]);
	return spans;
}

/** Whether `at` is inside one of the spans, sorted by start (binary search: a long line has thousands of cells). */
function insideSpan(spans: Array<[number, number]>, at: number): boolean {
	let lo = 0;
	let hi = spans.length - 1;
	let last = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (spans[mid][0] <= at) [last, lo] = [mid, mid + 1];
		else hi = mid - 1;
	}
	// Spans may nest or overlap: look back over the few that start before `at`.
	for (let k = last; k >= 0 && k > last - 8; k--) if (at < spans[k][1]) return true;
	return false;
}

const alignable = (c: Candidate) => ({ similarities: c.similarities, number: c.heading.unnumbered ? 0 : c.heading.number });

/** A title's similarity to each section of a template, both ways it is used. */
interface TitleScores {
	/** The cores' similarity; the words the cores leave out tip a tie (主动公开政府信息情况 over 主动公开工作情况). */
	blended: number[];
	/** Out of its place: the whole wording's similarity, where the cores are alike enough. */
	outOfPlace: number[];
}

function titleScores(title: string, template: TemplateDef): TitleScores {
	let known = SIMILARITIES.get(template);
	if (!known) SIMILARITIES.set(template, (known = new Map()));
	let scores = known.get(title);
	if (!scores) {
		const forms = titleForms(title);
		const each = template.sections.map((s) => similarityOf(forms, s));
		scores = {
			blended: each.map(({ core, plain }) => (core === 0 ? 0 : 0.9 * core + 0.1 * plain)),
			outOfPlace: each.map(({ core, plain }) => (core >= STRONG_SIMILARITY ? plain : 0)),
		};
		// Bounded: a title is a heading's few words, and the same few recur in every report.
		if (known.size >= MAX_KNOWN_TITLES) known.clear();
		// Detached: a title cut from a document is a view that would keep the whole text alive.
		known.set(detach(title), scores);
	}
	return scores;
}

/** Each section's similarity to a title (a copy: candidates adjust theirs). */
function similarities(title: string, template: TemplateDef): number[] {
	return titleScores(title, template).blended.slice();
}

const SIMILARITIES = new WeakMap<TemplateDef, Map<string, TitleScores>>();
const MAX_KNOWN_TITLES = 4096;

function chineseValue(s: string): number {
	if (s.length === 1) return CN.indexOf(s) + 1;
	if (s[0] === '十') return 10 + CN.indexOf(s[1]) + 1;
	return (CN.indexOf(s[0]) + 1) * 10;
}

/**
 * Section headings run into a line (a web page squashed onto one line: …负责解答。一、总体情况2023年，…).
 * The heading's end is not marked, so its title is the prefix that reads most like a section.
 */
function inlineCandidates(index: LineIndex, n: number, template: TemplateDef, spans: Array<[number, number]> | undefined, lineHeadingAt: number | undefined): Candidate[] {
	const line = withoutInlineMarkup(index)[n];
	const out: Candidate[] = [];
	const ordinals: Array<{ at: number; ordinal: string; numeral: string; bare: boolean }> = [];
	for (const m of matchesOf(INLINE_ORDINAL, line)) ordinals.push({ at: m.index!, ordinal: m[0], numeral: m[1], bare: false });
	for (const m of matchesOf(BARE_ORDINAL, line)) if (opensNumberedSection(template, m[1], line.charCodeAt(m.index! + m[1].length))) ordinals.push({ at: m.index!, ordinal: m[1], numeral: m[1], bare: true });
	if (ordinals.some((o) => o.bare)) ordinals.sort((a, b) => a.at - b.at);
	for (const m of ordinals) {
		const at = m.at;
		if (at === lineHeadingAt) continue;
		// After a word (…万元三、收到和处理…, where a glued table ends in its unit) only a name that reads strongly as a section counts: 统一、规范 is prose.
		const afterWord = at > 0 && !INLINE_BEFORE.test(line[at - 1]);
		if (afterWord && CN.includes(line[at - 1])) continue;
		// An ordinal with no 、 after it (一总体情况) stands apart from words, and reads strongly as its own section.
		if (m.bare && afterWord) continue;
		if (spans && insideSpan(spans, at)) continue;
		const afterOrdinal = at + m.ordinal.length;
		let text = line.slice(afterOrdinal, afterOrdinal + INLINE_WINDOW);
		const stop = text.search(STOP);
		if (stop !== -1) text = text.slice(0, stop);
		const lead = text.length - text.trimStart().length;
		text = text.trimStart();
		if (text.length < 2) continue;
		const { index: best, match: bestMatch } = bestPrefixOf(text, template.sections, 2);
		if (best === -1 || bestMatch.similarity < (afterWord || m.bare ? STRONG_SIMILARITY : NUMBERED_MATCH_SIMILARITY)) continue;
		if (m.bare && numberOfSection(template.sections[best]) !== chineseValue(m.numeral)) continue;
		let title = text.slice(0, bestMatch.length);
		const titleStart = afterOrdinal + lead;
		let after = line.slice(titleStart + title.length, titleStart + title.length + 24);
		if (LIST_AFTER.test(after)) continue;
		let sims = similarities(title, template);
		// A heading worded otherwise (…问题及明年工作计划2024年，…) ends where the body starts, a few characters on.
		if (sims[best] < 1 - 1e-9 && !TITLE_BOUNDARY.test(after)) {
			const k = after.search(/[\s\u3000\d（(【[]|[一二三四五六七八九十][、.．]/);
			if (k > 0 && k <= MAX_RUN_ON) {
				const longer = title + after.slice(0, k);
				const longerSims = similarities(longer, template);
				if (longerSims[best] >= MATCH_SIMILARITY) [title, sims, after] = [longer, longerSims, after.slice(k)];
			}
		}
		const end = titleStart + title.length;
		if (after.length < 24) after = line.slice(end, end + 24);
		out.push({
			heading: {
				level: 1,
				ordinal: m.ordinal,
				number: chineseValue(m.numeral),
				title,
				range: { start: { line: n, character: at }, end: { line: n, character: end } },
				titleRange: { start: { line: n, character: titleStart }, end: { line: n, character: end } },
				inline: true,
				line: n,
				titleCertain: TITLE_BOUNDARY.test(after) || INLINE_ORDINAL_AT_START.test(after),
			},
			similarities: sims,
			inline: true,
		});
	}
	// Two names in a row with nothing between them are a list (一、总体情况 二、主动公开… in an
	// introduction): numbered one after the other. (…四、结转下年度继续办理 0 四、政府信息公开行政复议…
	// is a table's last row, its zero cells blank, before the next section.)
	const listed = (a: Candidate, b: Candidate) => b.heading.range.start.character - a.heading.range.end.character <= 3 && b.heading.number === a.heading.number + 1;
	return out.filter((c, i) => !(out[i + 1] && listed(c, out[i + 1])) && !(out[i - 1] && listed(out[i - 1], c)));
}

/** A second-level ordinal inside a line: （一）, (二). */
const RUN_IN_SUB_ORDINAL = /[（(]([一二三四五六七八九十]{1,2})[）)][、.．]?/g;
/**
 * What may stand right before a run-in sub-heading: a sentence's end, a space, a table's last cell.
 * Not a colon or semicolon: …以下问题：（一）…；（二）… is an enumeration inside a sentence.
 */
const RUN_IN_SUB_BEFORE = /[。！!？?\s\u3000\d）)」”"》】|]/;

/**
 * Sub-headings run into a line (a web page squashed onto one line: …发布需要。（二）改进情况根据…),
 * as strict as inlineCandidates: after a sentence's end, a space or a table, outside a table's
 * cells. Where the title ends is not marked: untitledSections reads it off the section it names.
 */
function runInSubHeadings(index: LineIndex, n: number, spans: Array<[number, number]> | undefined, lineHeadingAt: number | undefined): Candidate[] {
	const line = withoutInlineMarkup(index)[n];
	if (!line.includes('一）') && !line.includes('一)')) return [];
	const out: Candidate[] = [];
	for (const m of matchesOf(RUN_IN_SUB_ORDINAL, line)) {
		const at = m.index!;
		if (at === 0 || at === lineHeadingAt || line.slice(0, at).trim() === '' || !RUN_IN_SUB_BEFORE.test(line[at - 1])) continue;
		if (spans && insideSpan(spans, at)) continue;
		const afterOrdinal = at + m[0].length;
		let text = line.slice(afterOrdinal, afterOrdinal + INLINE_WINDOW);
		// The title ends at the sentence's end. A next ordinal before it (（一）主要问题、（二）改进情况)
		// leaves no body to this one: an enumeration, not a heading.
		const stop = text.search(STOP);
		if (stop !== -1) text = text.slice(0, stop);
		if (/[（(][一二三四五六七八九十]{1,2}[）)]/.test(text)) continue;
		const lead = text.length - text.trimStart().length;
		text = text.trimStart();
		if (text.length < 2) continue;
		const titleStart = afterOrdinal + lead;
		out.push({
			heading: {
				level: 2,
				ordinal: m[0],
				number: chineseValue(m[1]),
				title: text,
				range: { start: { line: n, character: at }, end: { line: n, character: titleStart + text.length } },
				titleRange: { start: { line: n, character: titleStart }, end: { line: n, character: titleStart + text.length } },
				inline: true,
				line: n,
				titleCertain: false,
			},
			similarities: [],
			inline: true,
			runIn: { text, rest: line.slice(titleStart, titleStart + text.length + 24) },
		});
	}
	return out;
}

/**
 * A line heading's title, mended where a converter broke or ran it on: a title wrapped onto the
 * next line (四、政府信息公开行政复议、行政 / 诉讼情况) is joined when the join reads more like a
 * section, and a title run on into body text is cut where it stops reading like one.
 */
function lineCandidate(index: LineIndex, h: Heading, template: TemplateDef, isTableLine: (n: number) => boolean): Candidate {
	// Sections are 一、 or （一） headings (or one level deeper, 2008's 收费及减免 under （一）…（六）): deeper ones are compared when needed.
	if (h.level > 2) return { heading: { ...h, titleCertain: true }, similarities: [], inline: false };
	const sims = similarities(h.title, template);
	const lines = withoutInlineMarkup(index);
	const line = lines[h.line];
	const bestSim = Math.max(...sims);
	const endsLine = line.slice(h.titleRange.end.character).replace(/(?:\*\*|__)?[\s\u3000#]*$/, '') === '';
	const next = h.line + 1 < index.lineCount ? lines[h.line + 1] : '';
	if (!h.unnumbered && bestSim < 0.95 && bestSim >= NUMBERED_MATCH_SIMILARITY && endsLine && next.trim() !== '' && !isTableLine(h.line + 1) && !readHeading(next, h.line + 1)) {
		const lead = next.length - next.trimStart().length;
		let more = next.trimStart();
		const stop = more.search(STOP);
		if (stop !== -1) more = more.slice(0, stop);
		more = more.slice(0, 24);
		let best = { gain: 0.05, length: 0 };
		for (const s of template.sections) {
			const p = bestPrefix(h.title + more, s, h.title.length + 1);
			if (p.similarity >= MATCH_SIMILARITY && p.similarity - bestSim > best.gain) best = { gain: p.similarity - bestSim, length: p.length - h.title.length };
		}
		if (best.length > 0) {
			const addition = more.slice(0, best.length);
			const end = { line: h.line + 1, character: lead + addition.length };
			const joined: Heading = {
				...h,
				title: h.title + addition,
				range: { start: h.range.start, end },
				titleRange: { start: h.titleRange.start, end },
				titleCertain: TITLE_BOUNDARY.test(next.slice(lead + addition.length)),
			};
			return { heading: joined, similarities: similarities(joined.title, template), inline: false };
		}
	}
	if (!h.unnumbered && bestSim < 0.9 && h.title.length > 4 && /[\s\u3000\d（(【[“"，,]/.test(h.title)) {
		// 一、总体情况2023年，我局…: the title ran on into the body within its first sentence.
		let best = { similarity: bestSim + 0.1, length: 0 };
		template.sections.forEach((s, j) => {
			const p = bestPrefix(h.title, s, 2);
			if (p.length < h.title.length && p.similarity > best.similarity && TITLE_BOUNDARY.test(h.title.slice(p.length))) best = p;
			// The closest prefix may stop short of the title's end (政府信息依申请公开|办理情况2017年…):
			// the title then ends where the body visibly starts, a few characters on.
			else if (p.similarity > best.similarity) {
				const rest = h.title.slice(p.length, p.length + MAX_RUN_ON + 1);
				let k = 1;
				while (k < rest.length && !(TITLE_BOUNDARY.test(rest.slice(k)) && !STOP.test(rest.slice(0, k)))) k++;
				const length = p.length + k;
				if (k < rest.length && length < h.title.length) {
					const similarity = similarities(h.title.slice(0, length), template)[j];
					if (similarity > best.similarity) best = { similarity, length };
				}
			}
		});
		if (best.length > 0) {
			const title = h.title.slice(0, best.length);
			const end = { line: h.line, character: h.titleRange.start.character + title.length };
			return { heading: { ...h, title, range: { start: h.range.start, end }, titleRange: { start: h.titleRange.start, end }, titleCertain: true }, similarities: similarities(title, template), inline: false };
		}
	}
	if (!h.unnumbered) {
		// 六、其他需要报告的事项无。: a section's very wording, then its body on the same line.
		const j = sims.indexOf(bestSim);
		const k = j >= 0 && bestSim >= MATCH_SIMILARITY ? exactWordingPrefix(h.title, template.sections[j]) : 0;
		if (k > 0 && /[^\s\u3000。；;：:，,！!？?.．]/.test(h.title.slice(k))) {
			const title = h.title.slice(0, k);
			const end = { line: h.line, character: h.titleRange.start.character + k };
			return { heading: { ...h, title, range: { start: h.range.start, end }, titleRange: { start: h.titleRange.start, end }, titleCertain: true }, similarities: similarities(title, template), inline: false };
		}
	}
	return { heading: { ...h, titleCertain: true }, similarities: sims, inline: false };
}

/**
 * The document's headings, each matched to the template's mandated section it is, if any: line
 * headings, headings run into long lines, and Markdown headings without an ordinal. The sections
 * are aligned in order (the template's sections against the document's headings, by similarity
 * and place); the six sections are usually the 一、 headings, but some reports number them
 * （一）…（六）: the level that aligns more sections is taken. A heading that reads strongly as a
 * section out of its place is that section too, so that order and duplicates are seen.
 */
export function readSectionHeadings(index: LineIndex, lineHeadings: Heading[], blocks: TableBlock[], template: TemplateDef): Heading[] {
	const spans = tableSpans(blocks);
	const tableLine = new Uint8Array(index.lineCount);
	for (const b of blocks) if (b.layout !== 'glued') for (let n = b.firstLine; n <= b.lastLine; n++) tableLine[n] = 1;
	const isTableLine = (n: number) => tableLine[n] === 1;
	const candidates: Candidate[] = lineHeadings.map((h) => lineCandidate(index, h, template, isTableLine));
	const lineHeadingAt = new Map(lineHeadings.map((h) => [h.line, h.range.start.character]));
	const joinedInto = new Set(candidates.filter((c) => c.heading.range.end.line !== c.heading.line).map((c) => c.heading.range.end.line));
	for (let n = 0; n < index.lineCount; n++) {
		if (tableLine[n] || joinedInto.has(n)) continue;
		const line = withoutInlineMarkup(index)[n];
		if (line.length < 4 || !(/[一二三四五六七八九十][ \u3000]?[、.．]/.test(line) || BARE_HEADING_LINE.test(line) || BARE_HEADING_AFTER_SENTENCE.test(line))) continue;
		for (const c of inlineCandidates(index, n, template, spans.get(n), lineHeadingAt.get(n))) candidates.push(c);
	}
	candidates.sort((a, b) => a.heading.line - b.heading.line || a.heading.range.start.character - b.heading.range.start.character);
	dropTableOfContents(index, candidates);

	const sections = template.sections;
	const atLevel = (level: number) => candidates.filter((c) => (c.heading.unnumbered ? Math.max(...c.similarities) >= STRONG_SIMILARITY : c.heading.level === level));
	let primary = 1;
	let chosen = atLevel(1);
	let alignment = alignInOrder(chosen.map(alignable), sections.length);
	const second = subItemsOfNone(atLevel(2), chosen, alignment.assignment);
	const alignment2 = alignInOrder(second.map(alignable), sections.length);
	if (alignment2.matched > alignment.matched || (alignment2.matched === alignment.matched && alignment2.score > alignment.score + 1e-9)) {
		[primary, chosen, alignment] = [2, second, alignment2];
	}
	const found = new Set<string>();
	chosen.forEach((c, i) => {
		const j = alignment.assignment[i];
		if (j === -1) return;
		c.heading.section = sections[j];
		c.heading.sectionSimilarity = c.similarities[j];
		found.add(sections[j].key);
	});
	for (const c of chosen) {
		if (c.heading.section || c.heading.unnumbered || looksLikeTableRow(index, c.heading)) continue;
		// (One run into a line only where its title's end is plain, and for a section not found in order: no second copy of one.)
		if (c.inline && !c.heading.titleCertain) continue;
		// Out of its place a heading is a section only when it has the section's words, filler and all.
		const plain = titleScores(c.heading.title, template).outOfPlace;
		const s = Math.max(...plain);
		if (s < STRONG_SIMILARITY) continue;
		const j = plain.indexOf(s);
		if (c.inline && found.has(sections[j].key)) continue;
		c.heading.section = sections[j];
		c.heading.sectionSimilarity = s;
		found.add(sections[j].key);
	}
	// A section a format allows one level deeper (2008's 收费及减免) is looked for there when no heading of the sections' level names it.
	for (const c of candidates) {
		const h = c.heading;
		if (h.unnumbered || h.level <= primary || h.section) continue;
		const depth = h.level - primary + 1;
		if (!sections.some((s) => !found.has(s.key) && s.levels.includes(depth) && s.levels[0] !== depth)) continue;
		if (c.similarities.length === 0) c.similarities = similarities(h.title, template);
		sections.forEach((s, j) => {
			if (h.section || found.has(s.key) || !s.levels.includes(depth) || s.levels[0] === depth) return;
			if (c.similarities[j] < MATCH_SIMILARITY) return;
			h.section = s;
			h.sectionSimilarity = c.similarities[j];
			found.add(s.key);
		});
	}
	// Run-in sub-headings (…需要。（一）主要问题 市科委…) are looked for only where a section is still
	// missing, for the untitled-section reading alone: they never align as sections themselves.
	let withRunIn = candidates;
	if (primary === 1 && sections.some((s) => s.required && !found.has(s.key))) {
		const runIn: Candidate[] = [];
		for (let n = 0; n < index.lineCount; n++) {
			if (tableLine[n] || joinedInto.has(n)) continue;
			for (const c of runInSubHeadings(index, n, spans.get(n), lineHeadingAt.get(n))) runIn.push(c);
		}
		if (runIn.length > 0) {
			withRunIn = [...candidates, ...runIn];
			withRunIn.sort((a, b) => a.heading.line - b.heading.line || a.heading.range.start.character - b.heading.range.start.character);
		}
	}
	untitledSections(withRunIn, sections, primary, found);
	return withRunIn.filter((c) => c.heading.section || (!c.inline && !c.heading.unnumbered)).map((c) => c.heading);
}

/**
 * The second-level candidates that are not sub-items of a mandated section's first-level heading.
 * Some reports number their six sections （一）…（六）, so that level may win; but under 一、总体情况
 * the 2021 format's own items are （一）主动公开情况 （二）依申请公开情况…, which read like sections
 * 二 and 三: in a report cut short or still being written, they would outnumber the real headings.
 */
function subItemsOfNone(second: Candidate[], first: Candidate[], firstAssignment: number[]): Candidate[] {
	if (!firstAssignment.some((j) => j !== -1)) return second;
	// Both lists are in document order: one walk finds each candidate's first-level heading, the last before it.
	let k = -1;
	return second.filter((c) => {
		while (k + 1 < first.length && comparePositions(first[k + 1].heading.range.start, c.heading.range.start) < 0) k++;
		return k === -1 || firstAssignment[k] === -1;
	});
}

/**
 * A table of contents (目录: the section headings on consecutive lines, nothing between them) that
 * the same headings repeat further on is not the sections: it is left out.
 */
function dropTableOfContents(index: LineIndex, candidates: Candidate[]): void {
	const next = (n: number) => {
		let k = n + 1;
		while (k < index.lineCount && index.lines[k].trim() === '') k++;
		return k;
	};
	// Where each wording occurs last, so that "repeated further on" is one lookup (a 50 MB report has tens of thousands of headings).
	const last = new Map<string, number>();
	const wordings = candidates.map((c) => plainWording(c.heading.title));
	wordings.forEach((w, k) => last.set(w, k));
	for (let i = 0; i < candidates.length; ) {
		let j = i;
		while (j + 1 < candidates.length && !candidates[j].inline && !candidates[j + 1].inline && candidates[j + 1].heading.line === next(candidates[j].heading.range.end.line) && candidates[j + 1].heading.level === candidates[i].heading.level) j++;
		if (j - i + 1 >= 3 && !candidates[i].inline) {
			let repeated = 0;
			for (let k = i; k <= j; k++) if (last.get(wordings[k])! > j) repeated++;
			if (repeated >= 3) {
				candidates.splice(i, j - i + 1);
				wordings.splice(i, j - i + 1);
				for (const [w, k] of last) if (k > j) last.set(w, k - (j - i + 1));
				continue;
			}
		}
		i = j + 1;
	}
}

/**
 * A numbered line followed by numbers (a statistics table that was not read as one, as pdftotext
 * leaves it: 三、依申请公开情况 / 件 / 0): a row label, never a section out of its place.
 */
function looksLikeTableRow(index: LineIndex, h: Heading): boolean {
	const rest = index.lines[h.range.end.line].slice(h.range.end.character);
	if (/^[\s\u3000|]*(?:[\d０-９]|条|件|次|个|人|元)/.test(rest)) return true;
	for (let n = h.range.end.line + 1; n < index.lineCount; n++) {
		const t = index.lines[n].trim();
		if (t === '') continue;
		return /^(?:[\d０-９.,，]+|条|件|次|个|人|元|万元)(?:[\s\u3000|]|$)/.test(t);
	}
	return false;
}

/** Similarity at which sub-headings in a row (（一）主要问题 （二）改进情况) together name a section. */
const UNTITLED_SIMILARITY = 0.7;

/**
 * A mandated section with no heading of its own whose content is there, under sub-headings that
 * together name it, in its place (Shanghai's reports put （一）主要问题 （二）改进情况 right after
 * the tables): the first of them carries the section, marked untitled, and it is not missing.
 */
function untitledSections(candidates: Candidate[], sections: TemplateDef['sections'], primary: number, found: Set<string>): void {
	// (An unnumbered heading counts where it was read as a section: ## 总体情况, - 总体情况.)
	const order = candidates.filter((c) => (!c.heading.unnumbered || c.heading.section) && (c.heading.level === primary || c.heading.level === primary + 1) && !(c.inline && !c.heading.section && c.runIn === undefined));
	// Under 一、总体情况, （一）主动公开情况 is one of the items the format lists there, not section 二 without its heading.
	const ownItem = new Array<boolean>(order.length).fill(false);
	let parent: Heading | undefined;
	order.forEach((c, i) => {
		if (c.heading.level === primary) parent = c.heading;
		else ownItem[i] = !!parent?.section?.subItems?.some((w) => c.heading.title.includes(w));
	});
	sections.forEach((s, j) => {
		if (found.has(s.key) || !s.required) return;
		const before = sections.slice(0, j).map((x) => x.key);
		const after = sections.slice(j + 1).map((x) => x.key);
		let from = -1;
		let to = order.length;
		order.forEach((c, i) => {
			const key = c.heading.section?.key;
			if (key && before.includes(key)) from = i;
			if (key && after.includes(key) && to === order.length) to = i;
		});
		for (let i = from + 1; i < to; i++) {
			if (order[i].heading.level !== primary + 1 || ownItem[i]) continue;
			// Run-in, only from the first of them on: a （二） in the middle of prose starts nothing.
			if (order[i].runIn !== undefined && order[i].heading.number !== 1) continue;
			for (let k = i; k < Math.min(i + 3, to) && order[k].heading.level === primary + 1 && !ownItem[k]; k++) {
				const c = order[k];
				if (c.runIn !== undefined && k > i && c.heading.number !== order[k - 1].heading.number + 1) break;
				const best = groupTitles(order.slice(i, k + 1), s);
				if (!best || best.similarity < UNTITLED_SIMILARITY) continue;
				const h = order[i].heading;
				if (order[i].runIn !== undefined) {
					const end = { line: h.line, character: h.titleRange.start.character + best.first.length };
					h.title = best.first;
					h.range = { start: h.range.start, end };
					h.titleRange = { start: h.titleRange.start, end };
				}
				h.section = s;
				h.sectionSimilarity = best.similarity;
				h.untitledSection = true;
				found.add(s.key);
				return;
			}
		}
	});
}

/** Longest title a run-in sub-heading is tried with before the one after it. */
const MAX_RUN_IN_TITLE = 24;

/**
 * The titles of sub-headings in a row read together as the section, at their most alike. A
 * run-in one's title ends where it is not marked: the last one's is the prefix of its text that
 * makes the whole read most like the section; an earlier one's is its own most alike prefix or
 * one up to MAX_RUN_IN_TITLE that ends where body text visibly starts, whichever reads best with
 * those after it (主要问题 机构改 reads more like 存在的主要问题及改进 alone, 主要问题 with 改进情况 after it).
 * None where a run-in title is an item of a list (…主要问题、改进情况…).
 */
function groupTitles(group: Candidate[], section: TemplateDef['sections'][number]): { first: string; similarity: number } | undefined {
	let best: { first: string; similarity: number; rank: number[] } | undefined;
	const walk = (k: number, before: string, first: string, marked: boolean) => {
		const c = group[k];
		const last = k === group.length - 1;
		const options: string[] = [];
		if (c.runIn === undefined) options.push(c.heading.title);
		else if (last) {
			const p = bestPrefix(before + c.runIn.text, section, before.length + 1);
			if (p.similarity > 0) options.push(c.runIn.text.slice(0, Math.max(2, p.length - before.length)));
		} else {
			// Its own most alike prefix, or one that ends where body text visibly starts.
			const text = c.runIn.text;
			const own = bestPrefix(text, section, 2);
			if (own.similarity > 0) options.push(text.slice(0, own.length));
			for (let n = 2; n <= Math.min(text.length, MAX_RUN_IN_TITLE); n++) {
				if (n !== own.length && TITLE_BOUNDARY.test(text.slice(n)) && !/[\s\u3000]/.test(text[n - 1])) options.push(text.slice(0, n));
			}
		}
		for (const part of options) {
			if (c.runIn !== undefined && LIST_AFTER.test(c.runIn.rest.slice(part.length).trimStart())) continue;
			const title = before + part;
			const head = k === 0 ? part : first;
			// Whether the first title ends where its body visibly starts (申请及答复情况 修订…, not 申请 cut from it).
			const headMarked = k === 0 ? c.runIn === undefined || TITLE_BOUNDARY.test(c.runIn.rest.slice(part.length)) : marked;
			if (!last) {
				walk(k + 1, title, head, headMarked);
				continue;
			}
			const similarity = sectionSimilarity(title, section);
			// Where it reads as the section either way, the first title that ends visibly is taken;
			// otherwise the most alike, and of equals the shorter: the text after a heading is body.
			const rank = [similarity >= UNTITLED_SIMILARITY ? 1 : 0, similarity >= UNTITLED_SIMILARITY && headMarked ? 1 : 0, similarity, -head.length];
			const better = !best || compareRanks(rank, best.rank) > 0;
			if (better) best = { first: head, similarity, rank };
		}
	};
	walk(0, '', '', false);
	return best && { first: best.first, similarity: best.similarity };
}

/** Lexicographic order of ranks (similarities compared beyond floating-point error). */
function compareRanks(a: number[], b: number[]): number {
	for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 1e-9) return a[i] - b[i];
	return 0;
}

/** Nests headings by level into sections, and puts each table in the innermost section that holds it. */
export function buildSectionTree(index: LineIndex, headings: Heading[], tables: BoundTable[]): Section[] {
	const roots: Section[] = [];
	const stack: Section[] = [];
	const all: Section[] = [];
	for (const h of headings) {
		const section: Section = { heading: h, range: { start: h.range.start, end: h.range.end }, children: [], tables: [] };
		while (stack.length > 0 && stack[stack.length - 1].heading.level >= h.level) stack.pop();
		if (stack.length > 0) stack[stack.length - 1].children.push(section);
		else roots.push(section);
		stack.push(section);
		all.push(section);
	}
	// A section ends where the next heading of its level or above starts (one backward pass).
	const nextAtOrAbove: Array<Section | undefined> = new Array(all.length);
	const open: Section[] = [];
	for (let i = all.length - 1; i >= 0; i--) {
		while (open.length > 0 && open[open.length - 1].heading.level > all[i].heading.level) open.pop();
		nextAtOrAbove[i] = open[open.length - 1];
		open.push(all[i]);
	}
	all.forEach((s, i) => {
		const next = nextAtOrAbove[i];
		const start = s.heading.range.start;
		// The next heading on this line, or inline after text of this section's (…工作。二、主动公开…): it ends there.
		if (next && (next.heading.line === s.heading.line || index.lines[next.heading.range.start.line].slice(0, next.heading.range.start.character).trim() !== '')) {
			s.range = { start, end: next.heading.range.start };
			return;
		}
		let endLine = next ? next.heading.line - 1 : index.lineCount - 1;
		while (endLine > s.heading.line && index.lines[endLine].trim() === '') endLine--;
		s.range = { start, end: { line: endLine, character: index.lines[endLine].length } };
	});
	// Each table goes to the innermost section open at its start: the last heading before it, or its ancestors.
	const parent = new Map<Section, Section | undefined>();
	const walk = (list: Section[], up: Section | undefined) => list.forEach((s) => (parent.set(s, up), walk(s.children, s)));
	walk(roots, undefined);
	let h = -1;
	for (const t of [...tables].sort((a, b) => comparePositions(a.range.start, b.range.start))) {
		while (h + 1 < all.length && comparePositions(all[h + 1].range.start, t.range.start) <= 0) h++;
		for (let s = all[h]; s; s = parent.get(s)!) {
			if (comparePositions(t.range.start, s.range.end) <= 0) {
				s.tables.push(t);
				break;
			}
		}
	}
	return roots;
}
