import type { Section, Sentence } from '../../model.ts';

interface Span {
	startLine: number;
	startChar: number;
	endLine: number;
	endChar: number;
	key: string;
}

/** The mandated sections of a tree in document order (a child after its parent), as sectionAt reads them. */
export type SectionSpans = readonly Span[];

/**
 * A report's sections flattened once, by the check that looks up many sentences, and held by it
 * (not cached in a WeakMap beside the tree: a WeakMap's values outlive a scavenge, and a folder's
 * worth of them held the CLI's memory up).
 */
export function sectionSpans(sections: Section[]): SectionSpans {
	return flatten(sections);
}

function flatten(sections: Section[], into: Span[] = []): Span[] {
	for (const s of sections) {
		if (s.heading.section) into.push({ startLine: s.range.start.line, startChar: s.range.start.character, endLine: s.range.end.line, endChar: s.range.end.character, key: s.heading.section.key });
		flatten(s.children, into);
	}
	return into;
}

/** The key of the innermost mandated section a sentence stands in, if any. */
export function sectionAt(spans: SectionSpans, s: Pick<Sentence, 'line' | 'start'>): string | undefined {
	let key: string | undefined;
	for (const r of spans) {
		const after = s.line > r.startLine || (s.line === r.startLine && s.start >= r.startChar);
		const before = s.line < r.endLine || (s.line === r.endLine && s.start < r.endChar);
		if (after && before) key = r.key;
	}
	return key;
}
