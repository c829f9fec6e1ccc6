import type { ReportModel } from '../../model.ts';
import { sentenceRange } from '../../bind/claims/find.ts';
import type { Range } from '../../read/text.ts';
import { CODES, message, type Finding, type Lang } from '../findings.ts';
import { sectionAt, sectionSpans } from './sectionAt.ts';

/**
 * The copy-paste pattern: the same problems and the same plans, sentence for sentence, as last
 * year's report of the same agency. Only the sections whose words should change every year are
 * compared, and only sentences long enough not to be set phrases.
 */
const COMPARED_SECTIONS = new Set(['overview', 'problems']);
/** Shorter sentences are set phrases every report shares. */
const MIN_CHARS = 30;
/** A run this long (sentences), or one sentence this long (characters), is worth saying. */
const MIN_RUN = 2;
const LONG_SENTENCE = 80;

export interface SentenceFact {
	/** A hash of the sentence with spaces and punctuation dropped. */
	hash: number;
	section: string;
	chars: number;
	range: Range;
}

const PUNCTUATION = new Set([...' \t\r\n\u3000\u00a0，。、；：！？,.;:!?“”"\'‘’（）()《》【】-—'].map((c) => c.charCodeAt(0)));

/** A hash of the sentence's characters less spaces and punctuation, and how many it hashed (no copy of the text is made). */
function bareHash(text: string): { hash: number; chars: number } {
	let h = 0x811c9dc5;
	let chars = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (PUNCTUATION.has(c)) continue;
		h = Math.imul(h ^ c, 0x01000193);
		chars++;
	}
	return { hash: h >>> 0, chars };
}

/** The compared sentences of a report, as small facts a folder of reports can keep. */
export function sentenceFacts(model: ReportModel): SentenceFact[] {
	const out: SentenceFact[] = [];
	const spans = sectionSpans(model.sections);
	for (const s of model.sentences) {
		if (s.text.length < MIN_CHARS) continue;
		const section = sectionAt(spans, s);
		if (!section || !COMPARED_SECTIONS.has(section)) continue;
		const { hash, chars } = bareHash(s.text);
		if (chars < MIN_CHARS) continue;
		out.push({ hash, section, chars, range: sentenceRange(s, 0, s.text.length) });
	}
	return out;
}

/** Runs of this year's sentences found word for word in last year's report: one finding a run. */
export function copiedTextFindings(current: SentenceFact[], previous: SentenceFact[], previousFile: string, previousYear: number | undefined, lang: Lang): Finding[] {
	const before = new Map<number, SentenceFact>();
	for (const f of previous) if (!before.has(f.hash)) before.set(f.hash, f);
	const out: Finding[] = [];
	let run: Array<{ now: SentenceFact; then: SentenceFact }> = [];
	const close = () => {
		if (run.length >= MIN_RUN || (run.length === 1 && run[0].now.chars >= LONG_SENTENCE)) {
			const chars = run.reduce((n, r) => n + r.now.chars, 0);
			out.push({
				code: 'year.copied-text',
				severity: CODES['year.copied-text'].severity,
				message: message('year.copied-text', lang, { sentences: run.length, chars, previousYear: previousYear ?? '' }),
				range: { start: run[0].now.range.start, end: run[run.length - 1].now.range.end },
				related: [{ range: { start: run[0].then.range.start, end: run[run.length - 1].then.range.end }, message: `${previousYear ?? ''}`, file: previousFile }],
			});
		}
		run = [];
	};
	for (const now of current) {
		const then = before.get(now.hash);
		if (then && (run.length === 0 || run[run.length - 1].now.section === now.section)) run.push({ now, then });
		else {
			close();
			if (then) run.push({ now, then });
		}
	}
	close();
	return out;
}
