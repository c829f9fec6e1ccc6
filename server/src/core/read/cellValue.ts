import { memoize } from '../memo.ts';
import { INVISIBLE, parseChineseNumeral } from './normalize.ts';

/**
 * How a table cell's text reads as a number. Published tables write the same count as `12`,
 * `１２`, `1,404`, `0.00`, `十二`; they leave zeros blank or write `—`, `/`, `无`.
 */
export type CellValueKind = 'number' | 'blank' | 'invalid';

export type CellNote =
	| 'placeholder' // —, /, 无: no number written, read as blank
	| 'thousands' // 1,404
	| 'decimal' // has a decimal point (0.00, 2.5)
	| 'fraction' // not a whole number
	| 'negative'
	| 'chinese' // 十二
	| 'fullwidth' // １２
	| 'unit' // 12件
	| 'imprecise'; // more digits than a double holds exactly: not read as a number (it would be rounded)

export interface CellValue {
	kind: CellValueKind;
	/** The number read, or null when blank or unreadable. */
	value: number | null;
	notes: CellNote[];
}

/** A double holds 15 significant decimal digits exactly; a number written with more would be read rounded. */
const MAX_EXACT_DIGITS = 15;

const PLACEHOLDER = /^(?:[-—–－―─_＿/／\\]+|无|空|不适用|\/)$/;
/** Longest placeholder a layout takes for a cell of its own: a longer run of dashes or underscores is a rule line. */
const MAX_PLACEHOLDER_TOKEN = 3;
const UNIT_SUFFIX = /(?:件|条|个|次|人次|人|篇|项|起|份|笔|万元|元)$/;

/**
 * A cell's text that writes "none" instead of a number (—, -, _, /, 无): a cell of its own for a
 * layout that tells cells apart by what they hold, read as blank with the `placeholder` note.
 */
export function isPlaceholderCell(raw: string): boolean {
	const text = raw.replace(INVISIBLE, '').trim();
	return text.length > 0 && text.length <= MAX_PLACEHOLDER_TOKEN && PLACEHOLDER.test(text);
}

/** Cached: a table repeats the same few numbers; callers must not mutate the result. */
export const parseCellValue = memoize(parseCellValueUncached);

function parseCellValueUncached(raw: string): CellValue {
	const text = raw.replace(INVISIBLE, '').trim();
	if (text === '') return { kind: 'blank', value: null, notes: [] };
	if (PLACEHOLDER.test(text)) return { kind: 'blank', value: null, notes: ['placeholder'] };
	const notes: CellNote[] = [];
	let t = text.normalize('NFKC').replace(/\s+/g, '');
	if (t !== text.replace(/\s+/g, '')) notes.push('fullwidth');
	if (UNIT_SUFFIX.test(t) && t.length > 1) {
		const stripped = t.replace(UNIT_SUFFIX, '');
		if (/\d$|[一二三四五六七八九十百千零〇两]$/.test(stripped)) {
			t = stripped;
			notes.push('unit');
		}
	}
	// The 2019 format's 本年增/减 column writes a change in words: 减4 is −4, 增3 is 3.
	const change = /^([增减])(?=[\d.])/.exec(t);
	if (change) t = (change[1] === '减' ? '-' : '+') + t.slice(1);
	let m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t);
	if (m) {
		const significant = (m[2].replace(/,/g, '') + (m[3] ?? '').slice(1).replace(/0+$/, '')).replace(/^0+/, '');
		if (significant.length > MAX_EXACT_DIGITS) return { kind: 'invalid', value: null, notes: [...notes, 'imprecise'] };
		if (m[2].includes(',')) notes.push('thousands');
		const value = Number(`${m[1]}${m[2].replace(/,/g, '')}${m[3] ?? ''}`);
		if (m[3]) notes.push('decimal');
		if (!Number.isInteger(value)) notes.push('fraction');
		if (value < 0) notes.push('negative');
		return { kind: 'number', value, notes };
	}
	m = /^[+-]?\.\d+$/.exec(t);
	if (m) {
		if (t.replace(/^[+-]?\.0*/, '').replace(/0+$/, '').length > MAX_EXACT_DIGITS) return { kind: 'invalid', value: null, notes: [...notes, 'imprecise'] };
		const value = Number(t);
		notes.push('decimal', 'fraction');
		if (value < 0) notes.push('negative');
		return { kind: 'number', value, notes };
	}
	const chinese = parseChineseNumeral(t);
	if (chinese !== undefined) {
		if (!Number.isSafeInteger(chinese)) return { kind: 'invalid', value: null, notes: [...notes, 'chinese', 'imprecise'] };
		return { kind: 'number', value: chinese, notes: [...notes, 'chinese'] };
	}
	return { kind: 'invalid', value: null, notes };
}

/** Formats a recomputed value the way the table writes counts: a plain integer, or a short decimal. */
export function formatValue(value: number): string {
	if (Number.isInteger(value)) return String(value);
	return String(Math.round(value * 1e6) / 1e6);
}
