import type { LineIndex } from './text.ts';
import { foldRadicals, RADICAL } from './radicals.ts';

/** The inline HTML elements converters leave in text (pandoc keeps a page's spans and fonts). */
export const INLINE_TAGS = 'span|font|strong|b|em|i|u|p|div|br';
/** A whole tag, or one opened at the line's end and closed on the next. */
const TAG = new RegExp(`<\\/?(?:${INLINE_TAGS})(?:\\s[^<>]*)?\\/?>|<\\/?(?:${INLINE_TAGS})\\b[^<>]*$`, 'gi');
const OPEN_AT_END = new RegExp(`<\\/?(?:${INLINE_TAGS})\\b[^<>]*$`, 'i');
/** The rest of a tag opened on the line before: its attributes up to the closing `>`. */
const TAG_REST = /^[^<>]*>/;

/**
 * The document's lines as headings are read from them: the inline HTML a converter left in them
 * (pandoc's gfm: `<span style="…">二、<span` / `style="…">政府信息主动公开情况</span>`) blanked out, a
 * space for each character, and Kangxi radicals (⼀ ⼆, which PDFs printed by browsers give for
 * 一 二) read as the ideographs they print as, a character for each: the words stand where they
 * stood, so whatever is read from these lines (a heading and its title's range) is a range of the
 * document's own text.
 */
export function withoutInlineMarkup(index: LineIndex): readonly string[] {
	if (index.markupFree) return index.markupFree;
	let masked: readonly string[] = index.lines;
	let open = false;
	RADICAL.lastIndex = 0;
	const radicals = RADICAL.test(index.text);
	for (let n = 0; n < index.lineCount; n++) {
		const line = index.lines[n];
		if (!open && !line.includes('<')) {
			if (radicals) {
				const folded = foldRadicals(line);
				if (folded !== line) {
					if (masked === index.lines) masked = [...index.lines];
					(masked as string[])[n] = folded;
				}
			}
			continue;
		}
		let m = radicals ? foldRadicals(line) : line;
		if (open) m = m.replace(TAG_REST, (t) => ' '.repeat(t.length));
		m = m.replace(TAG, (t) => ' '.repeat(t.length));
		// A tag left open at the line's end goes on to the next line.
		open = OPEN_AT_END.test(line) || (open && !line.includes('>'));
		if (m !== line) {
			if (masked === index.lines) masked = [...index.lines];
			(masked as string[])[n] = m;
		}
	}
	index.markupFree = masked;
	return masked;
}
