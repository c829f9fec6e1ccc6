/** Kangxi radicals and the supplement's: PDFs printed by browsers map 一 二 人 to ⼀ ⼆ ⼈ (U+2F00…). */
export const RADICAL = /[\u2e80-\u2ef3\u2f00-\u2fd5]/g;

/** The text with each radical as the ideograph NFKC gives it, a character for a character (both in the BMP), so ranges hold. */
export function foldRadicals(text: string): string {
	RADICAL.lastIndex = 0;
	if (!RADICAL.test(text)) return text;
	return text.replace(RADICAL, (c) => {
		const f = c.normalize('NFKC');
		return f.length === 1 ? f : c;
	});
}
