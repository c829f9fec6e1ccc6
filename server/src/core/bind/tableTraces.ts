import { normalizeLabel, normalizeText } from '../read/normalize.ts';
import type { Heading, BoundTable, UnreadTable } from '../model.ts';
import type { LineIndex, Position } from '../read/text.ts';
import type { TableDef, TemplateDef } from '../templates/index.ts';

/**
 * A table the binder could not read is not thereby missing: where its section shows it — a
 * converter's placeholder or markup for a table (`[TABLE]`, `<table`, box-drawing lines), or the
 * table's own labels — the table is there in a form the reader does not take, and is said so
 * once (table.unreadable), never "missing".
 */
const TABLE_MARKUP = /\[TABLE\]|<table[\s>]|[│┃┌┐└┘├┤┬┴┼]/i;
/** Distinct labels of a table's own a section must hold to show the table. */
const MIN_LABELS = 2;
/** The longest line searched for labels (a page glued onto one line is searched in part). */
const MAX_LINE = 20_000;

export function unreadTables(index: LineIndex, headings: Heading[], tables: BoundTable[], template: TemplateDef): UnreadTable[] {
	const bound = new Set(tables.map((t) => t.def));
	const out: UnreadTable[] = [];
	const sectionHeadings = headings.filter((h) => h.section).sort((a, b) => a.line - b.line);
	for (const def of template.tables) {
		if (!def.required || bound.has(def)) continue;
		const at = sectionHeadings.findIndex((h) => h.section!.key === def.section);
		if (at < 0) continue;
		// After the heading (whose words may be the table's: 行政复议、行政诉讼), up to the next section's.
		const from = sectionHeadings[at].range.end;
		const next = sectionHeadings[at + 1]?.range.start;
		const trace = traceIn(index, from, next ?? { line: index.lineCount - 1, character: Infinity }, ownLabels(def, template));
		if (trace) out.push({ def, ...trace });
	}
	return out;
}

function traceIn(index: LineIndex, from: Position, to: Position, labels: Array<{ norm: string; text: string }>): { line: number; character: number; trace: string } | undefined {
	const seen = new Set<string>();
	let first: { line: number; character: number; trace: string } | undefined;
	for (let n = from.line; n <= to.line && n < index.lineCount; n++) {
		const whole = index.lines[n];
		const start = n === from.line ? from.character : 0;
		const line = whole.slice(start, n === to.line ? to.character : whole.length).slice(0, MAX_LINE);
		const markup = TABLE_MARKUP.exec(line);
		if (markup) return { line: n, character: start + markup.index, trace: markup[0] };
		for (const part of tableLike(line)) {
			const norm = normalizeText(part.text);
			for (const l of labels) {
				if (seen.has(l.norm) || !norm.includes(l.norm)) continue;
				seen.add(l.norm);
				const at = part.text.indexOf(l.text);
				first ??= { line: n, character: start + part.at + (at >= 0 ? at : 0), trace: l.text };
			}
			if (seen.size >= MIN_LABELS) return first;
		}
	}
	return undefined;
}

/** A sentence closed by punctuation. */
const SENTENCE = /[^。！？；]*[。！？；]|[^。！？；]+$/g;
/** Numbers a closed sentence holds at least when it is a table's text run on, not prose. */
const TABLE_NUMBERS = 3;

/**
 * The parts of a line that may be a table's text: not a sentence of prose that names the table's
 * words (本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。), but what is not closed
 * as a sentence, or is dense with numbers.
 */
function tableLike(line: string): Array<{ text: string; at: number }> {
	if (!/[。！？；]/.test(line)) return [{ text: line, at: 0 }];
	const out: Array<{ text: string; at: number }> = [];
	for (const m of line.matchAll(SENTENCE)) {
		const text = m[0];
		if (text === '') continue;
		const closed = /[。！？；]$/.test(text);
		if (!closed || (text.match(/\d+/g)?.length ?? 0) >= TABLE_NUMBERS) out.push({ text, at: m.index! });
	}
	return out;
}

/**
 * A table's own labels — anchors, headers, columns, rows — (行政复议, 本年制发件数; not 信息内容 or 总计, which other tables print too),
 * normalised, long enough to be a label, once per table.
 */
function ownLabels(def: TableDef, template: TemplateDef): Array<{ norm: string; text: string }> {
	let labels = OWN_LABELS.get(def);
	if (!labels) {
		const of = (t: TableDef) =>
			[...t.anchors, ...t.headers, ...t.columns.flatMap((c) => [c.label, ...(c.aliases ?? [])]), ...t.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])])]
				.map((text) => ({ norm: normalizeLabel(text), text }))
				.filter((l) => l.norm.length >= 4);
		const others = new Set(template.tables.filter((t) => t !== def).flatMap(of).map((l) => l.norm));
		const own = of(def).filter((l) => !others.has(l.norm));
		OWN_LABELS.set(def, (labels = own.filter((l, i) => own.findIndex((o) => o.norm === l.norm) === i)));
	}
	return labels;
}
const OWN_LABELS = new WeakMap<TableDef, Array<{ norm: string; text: string }>>();
