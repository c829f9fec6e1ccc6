import type { Artifact } from '../../model.ts';
import type { LineIndex } from '../text.ts';
import type { TableBlock } from './types.ts';

/**
 * Characters a web page or an editor leaves in a table that print nothing or only decorate
 * (U+200B, U+2060, a BOM inside the text; a bullet or an emoji before a row label). The reader
 * ignores them in labels and numbers; they are reported once, at the first, as a clean-up
 * artefact, so the drafter knows the text carries them.
 */
const MARK = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]|(?<=^[\s|｜]*)(?:\p{Extended_Pictographic}\ufe0f?|[•●◆■▪►▶☆★✓✔]|\*(?=\s))/u;

/** Any character MARK may match, wherever it stands: most lines hold none and need no split into cells. */
const MAY_MARK = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff•●◆■▪►▶☆★✓✔*]|\p{Extended_Pictographic}/u;

export function findInvisibleMarks(index: LineIndex, blocks: TableBlock[]): Artifact[] {
	let count = 0;
	let first: { line: number; start: number; text: string } | undefined;
	for (const b of blocks) {
		for (let n = b.firstLine; n <= b.lastLine; n++) {
			const line = index.lines[n];
			if (!MAY_MARK.test(line)) continue;
			// A BOM at the very start of the document is the encoding's, not the text's.
			const from = n === 0 && line.charCodeAt(0) === 0xfeff ? 1 : 0;
			let offset = from;
			for (const cell of line.slice(from).split(/(?=[|｜\t])/)) {
				const m = MARK.exec(cell);
				if (m) {
					count++;
					first ??= { line: n, start: offset + m.index, text: m[0] };
				}
				offset += cell.length;
			}
		}
	}
	if (!first) return [];
	const code = first.text.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
	const end = first.start + first.text.length;
	const range = { start: { line: first.line, character: first.start }, end: { line: first.line, character: end } };
	return [{ kind: 'invisible', text: `U+${code}${count > 1 ? `（表格中共 ${count} 处）` : ''}`, range, deleteRange: range }];
}
