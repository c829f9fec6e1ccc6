import { INLINE_TAGS } from './markup.ts';
import { memoize } from '../memo.ts';

/**
 * Label normalisation: exports of the same table differ in full/half-width punctuation, spaces,
 * line breaks inside labels, quote styles and small wording variants. Everything that compares
 * labels goes through `normalizeLabel` and `splitOrdinal`.
 */

const CHINESE_DIGIT_VALUES: Record<string, number> = {
	〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** NFKC folds full-width ASCII (（）：，．１２) to half-width; then drop spaces and quote marks. */
export const normalizeLabel = memoize(normalizeLabelUncached);
/** The same, for a document's lines searched once (not labels): kept out of the labels' cache, which they would only churn. */
export const normalizeText = (text: string): string => normalizeLabelUncached(text);

/** Characters that print nothing (zero-width spaces and joiners, word joiner, BOM, soft hyphen). */
export const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;
/** Marks a web page or an editor puts before a label: a bullet, an emoji, a Markdown list star. */
const DECORATION = /^(?:[*•·●○◆◇■□▪▫►▶☆★✓✔-]|\p{Extended_Pictographic}|\ufe0f)+\s*/u;

/** Inline HTML a converter left in a label (<span style="…">其中：</span><span>1.</span>): markup, not words. */
const INLINE_TAG = new RegExp(`<\\/?(?:${INLINE_TAGS})(?:\\s[^<>]*)?\\/?>`, 'gi');

function normalizeLabelUncached(text: string): string {
	return text
		.replace(INLINE_TAG, '')
		// Markdown emphasis around a header or label (| **年末统计** |) is markup too.
		.replace(/\*\*|__/g, '')
		.replace(INVISIBLE, '')
		.trim()
		.replace(DECORATION, '')
		.normalize('NFKC')
		.replace(FOLDED, (m) => FOLD[m] ?? '');
}

const FULL_WIDTH_DIGIT = /[０-９．％]/g;
const HAS_FULL_WIDTH_DIGIT = /[０-９．％]/;
/**
 * Full-width digits, point and percent sign (２０２３年, ９８．５５％: a Chinese input method's full-width mode) as ASCII: one
 * UTF-16 unit for one, so offsets into the folded text are offsets into the text.
 */
export function foldDigits(text: string): string {
	return HAS_FULL_WIDTH_DIGIT.test(text) ? text.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) : text;
}

/**
 * After NFKC, spaces and quote marks are dropped and the brackets and punctuation NFKC leaves
 * full-width are folded: each character on its own, so one pass does it (a run of spaces and
 * quotes matches as one, and is dropped whole).
 */
const FOLDED = /[\s\u3000\u00a0“”"'‘’「」『』]+|[【〔［】〕］，。．：]/g;
const FOLD: Record<string, string> = { '【': '[', '〔': '[', '［': '[', '】': ']', '〕': ']', '］': ']', '，': ',', '。': '.', '．': '.', '：': ':' };

export interface OrdinalSplit {
	/** Canonical ordinal: "一、", "(一)", "1.", "(1)", or "" when the label has none. */
	ordinal: string;
	rest: string;
}

const ORDINAL_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
	[/^([一二三四五六七八九十]+)、/, (m) => `${m[1]}、`],
	[/^\(([一二三四五六七八九十]+)\)、?/, (m) => `(${m[1]})`],
	[/^\((\d{1,2})\)[、.]?/, (m) => `(${m[1]})`],
	[/^(\d{1,2})[.、](?!\d)/, (m) => `${m[1]}.`],
];

/** Splits a normalised label into its list ordinal and the rest. */
export function splitOrdinal(normalized: string): OrdinalSplit {
	for (const [re, canon] of ORDINAL_PATTERNS) {
		const m = re.exec(normalized);
		if (m) return { ordinal: canon(m), rest: normalized.slice(m[0].length) };
	}
	return { ordinal: '', rest: normalized };
}

/** Similarity of two strings by shared character bigrams (Dice coefficient), 0..1. */
export function bigramSimilarity(a: string, b: string): number {
	if (a === b) return 1;
	if (a.length < 2 || b.length < 2) return 0;
	const counts = new Map<string, number>();
	for (let i = 0; i < a.length - 1; i++) {
		const g = a.slice(i, i + 2);
		counts.set(g, (counts.get(g) ?? 0) + 1);
	}
	let shared = 0;
	for (let i = 0; i < b.length - 1; i++) {
		const g = b.slice(i, i + 2);
		const c = counts.get(g);
		if (c) {
			shared++;
			counts.set(g, c - 1);
		}
	}
	return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** Value of a Chinese numeral up to 9999 (三, 十二, 二十五, 一百零三), or undefined. */
export function parseChineseNumeral(text: string): number | undefined {
	if (!/^[〇零一二两三四五六七八九十百千]+$/.test(text)) return undefined;
	let total = 0;
	let current = 0;
	for (const c of text) {
		if (c === '十' || c === '百' || c === '千') {
			const unit = c === '十' ? 10 : c === '百' ? 100 : 1000;
			total += (current || 1) * unit;
			current = 0;
		} else {
			current = current * 10 + CHINESE_DIGIT_VALUES[c];
		}
	}
	return total + current;
}
