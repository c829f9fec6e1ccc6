import type { LineIndex } from '../text.ts';
import { isSpace } from './pipeRows.ts';
import type { RawCell, TableBlock } from './types.ts';

/**
 * Tables drawn with box characters, as a text browser dumps a web page (`w3m -dump`):
 * `├──┼──┤` lines between rows, `│` between cells, a label that wraps going on in its cell on the
 * row's next line (`│（二）部分公开（区分处理的，只计 │9 │` / `│这一情形，不计其他情形） │  │`). A row is
 * the lines between two border lines; its cells are the texts between the `│`s, the lines of
 * one cell joined.
 */
const RULE_CHARS = '┌┐└┘├┤┬┴┼─━┏┓┗┛┣┫┳┻╋═╔╗╚╝╠╣╦╩╬';
const BAR = /[│┃║]/;
const BORDER = new RegExp(`^[\\s${RULE_CHARS}│┃║]*[${RULE_CHARS}][\\s${RULE_CHARS}│┃║]*$`);
const STRAY_RULE = new RegExp(`[${RULE_CHARS}]`, 'g');

/** Any box-drawing character: a line without one (nearly every line) is no part of a drawn table. */
const BOX = /[\u2500-\u257f]/;
const isBorder = (line: string) => BORDER.test(line);
const isBarRow = (line: string) => /^\s*[│┃║]/.test(line);

export function findBoxDrawnBlocks(index: LineIndex): TableBlock[] {
	const blocks: TableBlock[] = [];
	const lines = index.lines;
	let n = 0;
	while (n < lines.length) {
		if (!BOX.test(lines[n]) || (!isBorder(lines[n]) && !isBarRow(lines[n]))) {
			n++;
			continue;
		}
		const first = n;
		while (n < lines.length && (isBorder(lines[n]) || isBarRow(lines[n]))) n++;
		const last = n - 1;
		const cells = boxCells(index, first, last);
		// A frame with no text in it (a rule under a heading) is no table.
		if (cells.some((c) => c.text !== '')) blocks.push({ layout: 'box-drawn', firstLine: first, lastLine: last, cells, rowsReliable: true });
	}
	return blocks;
}

interface Piece {
	line: number;
	start: number;
	end: number;
	text: string;
}

function boxCells(index: LineIndex, first: number, last: number): RawCell[] {
	const cells: RawCell[] = [];
	let row = 0;
	let group: Piece[][] = [];
	const flush = () => {
		if (group.length === 0) return;
		const width = Math.max(...group.map((g) => g.length));
		for (let k = 0; k < width; k++) {
			const parts = group.map((g) => g[k]).filter((p): p is Piece => p !== undefined);
			const filled = parts.filter((p) => p.text !== '');
			if (filled.length === 0) {
				const p = parts[0];
				// An empty cell's place: after one space, where a number would go.
				const at = p.start < p.end && isSpace(index.lines[p.line].charCodeAt(p.start)) ? p.start + 1 : p.start;
				cells.push({ text: '', range: { start: { line: p.line, character: at }, end: { line: p.line, character: at } }, row });
				continue;
			}
			const a = filled[0];
			const b = filled[filled.length - 1];
			cells.push({ text: filled.map((p) => p.text).join(''), range: { start: { line: a.line, character: a.start }, end: { line: b.line, character: b.end } }, row });
		}
		row++;
		group = [];
	};
	for (let n = first; n <= last; n++) {
		const line = index.lines[n];
		if (isBorder(line)) {
			flush();
			continue;
		}
		group.push(piecesOf(line, n));
		// A line that rules some columns (│予公开   ├─────┼──) ends the row for them; its text is
		// the rest of a cell merged down beside them (（三）不 / 予公开), the row's above.
		if (STRAY_RULE.test(line)) flush();
		STRAY_RULE.lastIndex = 0;
	}
	flush();
	return cells;
}

/** The texts between a line's bars, trimmed; rule characters inside a piece (a border begun mid-row) are no text. */
function piecesOf(line: string, lineNo: number): Piece[] {
	const bars: number[] = [];
	for (let i = 0; i < line.length; i++) if (BAR.test(line[i])) bars.push(i);
	const out: Piece[] = [];
	for (let k = 0; k + 1 < bars.length; k++) {
		let s = bars[k] + 1;
		let e = bars[k + 1];
		const raw = line.slice(s, e);
		// A piece that turns into a rule (│自然人├────┬──): the text before the rule.
		const rule = raw.search(STRAY_RULE);
		if (rule >= 0) e = s + rule;
		const open = s;
		while (s < e && isSpace(line.charCodeAt(s))) s++;
		while (e > s && isSpace(line.charCodeAt(e - 1))) e--;
		out.push(s < e ? { line: lineNo, start: s, end: e, text: line.slice(s, e) } : { line: lineNo, start: open, end: bars[k + 1], text: '' });
	}
	return out;
}
