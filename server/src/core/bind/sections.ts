import { readHeading } from '../read/headings.ts';
import type { TableBlock } from '../read/layout/types.ts';
import type { BoundTable, Heading, Section } from '../model.ts';
import { normalizeLabel } from '../read/normalize.ts';
import type { SectionDef, TemplateDef } from '../templates/index.ts';
import { comparePositions, type LineIndex } from '../read/text.ts';

/** Every heading line outside tables, in document order. */
export function findHeadings(index: LineIndex, blocks: TableBlock[]): Heading[] {
	const inTable = new Uint8Array(index.lineCount);
	for (const b of blocks) for (let n = b.firstLine; n <= b.lastLine; n++) inTable[n] = 1;
	const headings: Heading[] = [];
	for (let n = 0; n < index.lineCount; n++) {
		if (inTable[n]) continue;
		const h = readHeading(index.lines[n], n);
		if (h) headings.push({ ...h, line: n });
	}
	return headings;
}

/** Headings of mandated sections inside long lines (a web page squashed onto one line). */
export function findInlineHeadings(index: LineIndex, lines: number[], templates: TemplateDef[]): Heading[] {
	const titles = new Set<string>();
	for (const t of templates) for (const s of t.sections) titles.add(s.title.replace(/^[一二三四五六七八九十]+、/, ''));
	const re = new RegExp(`([一二三四五六七八九十])、\\s*(${[...titles].map((t) => t.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('|')})`, 'g');
	const out: Heading[] = [];
	for (const n of lines) {
		const line = index.lines[n];
		for (const m of line.matchAll(re)) {
			const start = m.index!;
			const number = '一二三四五六七八九十'.indexOf(m[1]) + 1;
			out.push({
				level: 1,
				ordinal: `${m[1]}、`,
				number,
				title: m[2],
				range: { start: { line: n, character: start }, end: { line: n, character: start + m[0].length } },
				inline: true,
				line: n,
			});
		}
	}
	return out;
}

/** The mandated section a heading names, by the weighted keywords of the template's sections. */
export function sectionOf(title: string, template: TemplateDef): SectionDef | undefined {
	const t = normalizeLabel(title);
	let best: SectionDef | undefined;
	let bestScore = 0;
	for (const s of template.sections) {
		let score = 0;
		for (const [kw, weight] of s.keywords) if (t.includes(kw)) score += weight;
		if (score > bestScore) {
			best = s;
			bestScore = score;
		}
	}
	return best;
}

/**
 * Matches headings to the template's mandated sections. The six sections are usually the 一、
 * headings, but some reports number them （一）…（六）: the level whose headings name the most
 * mandated sections is taken as the sections' level. A section that a format allows one level
 * deeper (2008's 收费及减免) is then looked for there when no heading of the sections' level names it.
 */
export function assignSections(headings: Heading[], template: TemplateDef): void {
	const distinct = (level: number) => new Set(headings.filter((h) => h.level === level).map((h) => sectionOf(h.title, template)?.key).filter(Boolean)).size;
	const primary = distinct(2) > distinct(1) ? 2 : 1;
	const found = new Set<string>();
	for (const h of headings) {
		if (h.level !== primary) continue;
		h.section = sectionOf(h.title, template);
		if (h.section) found.add(h.section.key);
	}
	for (const h of headings) {
		if (h.level <= primary) continue;
		const s = sectionOf(h.title, template);
		if (s && s.levels.includes(h.level - primary + 1) && s.levels[0] !== h.level - primary + 1 && !found.has(s.key)) {
			h.section = s;
			found.add(s.key);
		}
	}
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
		if (next && next.heading.line === s.heading.line) {
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
