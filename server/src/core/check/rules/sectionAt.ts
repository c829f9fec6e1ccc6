import type { Section, Sentence } from '../../model.ts';

/** The key of the innermost mandated section a sentence stands in, if any. */
export function sectionAt(sections: Section[], s: Pick<Sentence, 'line' | 'start'>): string | undefined {
	let key: string | undefined;
	const visit = (list: Section[]) => {
		for (const sec of list) {
			const r = sec.range;
			const after = s.line > r.start.line || (s.line === r.start.line && s.start >= r.start.character);
			const before = s.line < r.end.line || (s.line === r.end.line && s.start < r.end.character);
			if (!after || !before) continue;
			if (sec.heading.section) key = sec.heading.section.key;
			visit(sec.children);
		}
	};
	visit(sections);
	return key;
}
