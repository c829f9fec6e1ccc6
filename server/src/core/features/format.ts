import stringWidth from 'string-width';
import { extractReport } from './extract.ts';
import { headerGrid } from './skeleton.ts';
import type { BoundTable, ReportModel } from '../model.ts';
import { parseReport, type ParseOptions } from '../parse.ts';
import { normalizeLabel } from '../read/normalize.ts';
import { applyEdits, type Range, type TextEdit } from '../read/text.ts';

/**
 * Rewrites statistics tables as aligned pipe rows: the official header rows, then a line a row,
 * label cells padded and value cells right-aligned to the widest of their column (East Asian
 * display width, so a 中 counts two columns). Labels and values are written as they were read:
 * the edit is offered only when the rewritten text reads back to the same model.
 */

export interface FormatOptions extends ParseOptions {
	/** Only tables that start inside this range (a range formatting request). */
	range?: Range;
	eol?: string;
}

const pad = (s: string, width: number, right = false) => {
	const gap = ' '.repeat(Math.max(0, width - stringWidth(s)));
	return right ? gap + s : s + gap;
};

/** The rows of a bound table as cells: the template's header rows, then each row as read, with the group label before its first item. */
function grid(table: BoundTable): { headers: string[][]; rows: Array<{ labels: string[]; values: string[] }> } {
	const def = table.def;
	// A group's label goes before the first of its items the table has (an optional first item may be absent).
	const present = new Set(table.rows.filter((r) => r.known).map((r) => r.def.key));
	const groupOf = new Map<string, string[]>();
	let pending: string[] = [];
	for (const r of def.rows) {
		if (r.kind === 'group') pending.push(r.label);
		else if (pending.length && present.has(r.key)) {
			groupOf.set(r.key, pending);
			pending = [];
		}
	}
	const values = (row: BoundTable['rows'][number]) => def.columns.map((c) => row.cells.get(c.key)?.text.trim() ?? '');
	const rows = table.rows.map((row) => ({ labels: row.def.key === def.unlabeledRow && !row.known ? [] : [...(row.known ? groupOf.get(row.def.key) ?? [] : []), row.known ? row.labelText.replace(/\s+/g, '') || row.def.label : row.labelText.trim()], values: values(row) }));
	return { headers: headerGrid(def), rows };
}

/** One table as aligned pipe-row lines. */
export function alignedPipeRows(table: BoundTable): string[] {
	const { headers, rows } = grid(table);
	const labelWidth = Math.max(0, ...rows.map((r) => stringWidth(r.labels.join(' | '))));
	const widths = table.def.columns.map((_, i) => Math.max(1, ...rows.map((r) => stringWidth(r.values[i] || ' '))));
	const lines = headers.map((h) => h.map((c) => c || ' ').join(' | ') + ' |');
	for (const r of rows) {
		const label = r.labels.length ? pad(r.labels.join(' | '), labelWidth) + ' | ' : '';
		lines.push(label + r.values.map((v, i) => pad(v || ' ', widths[i], true)).join(' | ') + ' |');
	}
	return lines;
}

/** Whether two models hold the same sections, tables, rows, values and claims (ranges aside). */
function sameModel(a: ReportModel, b: ReportModel): boolean {
	const strip = (m: ReportModel) =>
		JSON.stringify(extractReport(m), (key, value) => (key === 'range' || key === 'layout' ? undefined : value));
	return strip(a) === strip(b);
}

const LINE_LAYOUTS = new Set<string>(['tab-cells', 'pipe-rows', 'cell-per-line', 'markdown']);

/**
 * The lines a table stands on, from its anchor or first header to its last row, when every
 * non-blank line between is the table's (cells, labels, headers) or a conversion artefact; else
 * undefined, so that no line of prose is ever rewritten.
 */
function tableLines(model: ReportModel, table: BoundTable): [number, number] | undefined {
	const covered = new Set<number>();
	const cover = (r: Range) => {
		for (let n = r.start.line; n <= r.end.line; n++) covered.add(n);
	};
	if (table.anchorRange) cover(table.anchorRange);
	for (const h of table.headers) cover(h.range);
	for (const row of table.rows) {
		cover(row.labelRange);
		for (const c of row.cells.values()) cover(c.range);
		for (const x of row.extraCells) cover(x.range);
	}
	const first = Math.min(table.range.start.line, ...(table.anchorRange ? [table.anchorRange.start.line] : []), ...table.headers.map((h) => h.range.start.line));
	// The table's range may run on to the next table's anchor: its last line is its last row's.
	const last = Math.max(...table.rows.flatMap((row) => [row.labelRange.end.line, ...[...row.cells.values()].map((c) => c.range.end.line)]));
	if (!Number.isFinite(last) || last < first) return undefined;
	for (const a of model.artifacts) if (a.range.start.line >= first && a.range.end.line <= last) cover(a.range);
	// Group headings (三、本年度办理结果, （三）不予公开) and header words are the table's too; so are lines of bare pipes.
	const own = new Set([...table.def.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])]), ...table.def.columns.flatMap((c) => [c.label, ...(c.aliases ?? []), c.group?.zh ?? '', c.group?.header ?? '']), ...table.def.headers, ...table.def.anchors].filter(Boolean).map(normalizeLabel));
	for (let n = first; n <= last; n++) {
		if (covered.has(n)) continue;
		const line = model.index.lines[n];
		if (/^[\s|｜]*$/.test(line)) continue;
		if (line.split(/[|｜\t]/).every((cell) => cell.trim() === '' || own.has(normalizeLabel(cell)))) continue;
		return undefined;
	}
	return [first, last];
}

/** The edits that rewrite each line-laid statistics table of the report as aligned pipe rows. */
export function formatTableEdits(text: string, model: ReportModel = parseReport(text), options: FormatOptions = {}): TextEdit[] {
	const eol = options.eol ?? (text.includes('\r\n') ? '\r\n' : '\n');
	// Only tables laid out a cell or a row a line, with their headers read, are rewritten: a table that shares its
	// lines with prose (web text), stands in text columns (PDF text) or whose cells were guessed is left as it is,
	// and so are two tables that share a line.
	const spans = model.tables.map((table) => (LINE_LAYOUTS.has(table.layout) && !table.inferred ? tableLines(model, table) : undefined));
	const shares = (i: number) => spans.some((o, j) => j !== i && o && spans[i] && o[0] <= spans[i]![1] && spans[i]![0] <= o[1]);
	const edits: TextEdit[] = [];
	for (const [i, table] of model.tables.entries()) {
		const span = spans[i];
		if (!span || shares(i)) continue;
		if (options.range && (table.range.start.line < options.range.start.line || table.range.start.line > options.range.end.line)) continue;
		const [first, last] = span;
		const replaced: Range = { start: { line: first, character: 0 }, end: { line: last, character: model.index.lines[last].length } };
		const newText = alignedPipeRows(table).join(eol);
		if (model.index.textOf(replaced) === newText) continue;
		edits.push({ range: replaced, newText });
	}
	if (edits.length === 0) return [];
	// The promise: no label or value changes. Each edit is kept only if the text still reads the same with it.
	const kept = edits.filter((e) => sameModel(model, parseReport(applyEdits(text, [e], model.index), options)));
	if (kept.length > 1 && !sameModel(model, parseReport(applyEdits(text, kept, model.index), options))) return [];
	return kept;
}
