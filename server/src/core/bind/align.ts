import { placeByLabelsElsewhere } from './labelsElsewhere.ts';
import { parseCellValue } from '../read/cellValue.ts';
import { isValueToken } from '../read/layout/pdfText.ts';
import type { RawCell, TableBlock } from '../read/layout/types.ts';
import { normalizeLabel, splitOrdinal } from '../read/normalize.ts';
import type { BoundCell, BoundRow, BoundTable } from '../model.ts';
import { cellKey, derivedOf, evaluate, instancesOf } from '../check/balance.ts';
import type { BalanceRule, RowDef, TableDef } from '../templates/index.ts';
import { rangeUnion, type Range } from '../read/text.ts';
import { labelForm, type LabelForm, type TemplateLabels } from './labels.ts';
import { keepsNoColumns, type TableStream } from './orderReading.ts';
import { markUnreadable } from './unreadable.ts';

/**
 * Reads a stream of label and number tokens against the template's row sequence, as a diff
 * aligns two texts. Used where a layout does not show which tokens make a row (text extracted
 * from PDF): a token with an ordinal, or the start of a known label, opens a row; the words
 * after it, up to the next such token, are that row's label (wrapped lines, and whatever other
 * columns' words the extraction interleaved); the numbers are its values. The rows found are
 * then aligned to the template's rows in order (rows may be missing, local rows inserted,
 * group labels absent), scoring each pair by how much of the template's label the row's words
 * spell out and whether the value count fits. A row bound without a label that spells it out,
 * or with values that do not fill its columns, is marked inferred: its findings are lowered.
 */

interface Segment {
	/** The token that opened the segment (its label's first words), if any. */
	head?: RawCell;
	label: RawCell[];
	values: RawCell[];
	/** The table whose anchor stood right before the segment. */
	anchor?: TableDef;
}

interface TemplateRow {
	table: TableDef;
	row: RowDef;
	/** Value columns of the row's table. */
	width: number;
	forms: RowForm[];
	unlabeled: boolean;
}

/** A row label's form, and whether its core has a character of two UTF-16 units (asked for every segment). */
interface RowForm extends LabelForm {
	surrogates: boolean;
}

const NO_MATCH = -1e9;
/** A label reads as this row when it spells out at least this share of the row's label. */
const MIN_COVERAGE = 0.6;
/** With the row's own ordinal, less is enough: the rest of the label may be cut off. */
const MIN_COVERAGE_WITH_ORDINAL = 0.34;
/** A row is read (not inferred) when its label spells out this share of the template's. */
const READ_COVERAGE = 0.75;
/** Least share of a segment's words a row label it spells must account for. */
const MIN_SHARE_OF_WORDS = 0.25;

/**
 * A block's tables, and where its text keeps no columns, each table's share of its token stream
 * (see orderReading.ts). The streams are returned, not kept in a WeakMap beside the block: a
 * WeakMap's values outlive a scavenge, and the streams hold the block's cells (issue 16).
 */
export interface AlignedBlock {
	tables: BoundTable[];
	streams?: TableStream[];
}

export function alignBlock(block: TableBlock, labels: TemplateLabels): AlignedBlock {
	const rows = templateRows(labels);
	const segments = splitRuns(mergeUnlabeled(segmentsOf(block, labels)), rows);
	// A table no row label names is not evidenced by numbers the order alone placed in it.
	const aligned = align(segments, rows);
	const named = new Set(aligned.filter((p) => p.labelRead || p.row.unlabeled).map((p) => p.row.table));
	let pairs = keepRowsInTable(aligned.filter((p) => named.has(p.row.table)), rows);
	// Labels a PDF's text put after their numbers, or after the table, name the groups of numbers left without one.
	let labelsPlaced = new Set<Segment>();
	if (block.layout === 'pdf-text') ({ pairs, used: labelsPlaced } = placeByLabelsElsewhere(segments, pairs, rows, (s, table) => rowNamedBy(s, table, rows), (s, values) => ({ values, label: [], anchor: s.anchor })));
	const tables = [...buildTables(block, pairs, labels), ...unplacedTables(block, segments, pairs)];
	if (block.layout === 'glued') tables.push(...emptyTables(block, tables, labels));
	// (Web text keeps the page's order, label then cells: its labels never stand apart from their numbers.)
	if (block.layout !== 'glued') markLabelsApart(segments.filter((s) => !labelsPlaced.has(s)), pairs, tables, labels);
	const streams = block.layout === 'pdf-text' && keepsNoColumns(block, isValueToken) ? streamsOf(segments, pairs, labels) : undefined;
	// Numbers no row took and no label names: the trace of rows the extraction scattered.
	const paired = new Set(pairs.map((p) => p.segment));
	const strays = segments.filter((s) => !paired.has(s) && s.values.length > 0 && !(s.head && labels.matchRow(s.head.text).some((m) => m.exact))).length;
	for (const t of tables) if (!t.unreadable && !STRAYS.has(t)) STRAYS.set(t, strays);
	return { tables, streams };
}

/**
 * Two tables that share their rows (the Fujian 统计表 as 本年度 | 历年累计 or as 年末统计) are
 * told apart by their widths, not by the rows' order, which varies between agencies (接受行政申诉
 * after 行政诉讼数): a row the order put in the next table, with no anchor of that table before
 * it, stays in the table before when it has that table's width and is not yet there.
 */
function keepRowsInTable(pairs: Pair[], rows: TemplateRow[]): Pair[] {
	for (let i = 1; i < pairs.length; i++) {
		const p = pairs[i];
		const before = pairs[i - 1].row;
		const n = p.segment.values.length;
		if (p.row.table === before.table || p.segment.anchor || !p.labelRead || n === p.row.width || n !== before.width) continue;
		const same = rows.find((r) => r.table === before.table && r.row.key === p.row.row.key);
		if (same && !pairs.some((q) => q.row === same)) pairs[i] = { ...p, row: same };
	}
	return pairs;
}

/**
 * Numbers under a table's own headers that no row could take (13 numbers where Table 3's one row
 * has 15: the extraction put two after the page footer) are that table, read without
 * confidence: one table.unreadable finding instead of "table missing".
 */
function unplacedTables(block: TableBlock, segments: Segment[], pairs: Pair[]): BoundTable[] {
	const paired = new Set(pairs.map((p) => p.segment));
	const bound = new Set(pairs.map((p) => p.row.table));
	const out: BoundTable[] = [];
	for (const s of segments) {
		const def = s.anchor;
		if (!def || paired.has(s) || s.values.length === 0 || bound.has(def) || out.some((t) => t.def === def)) continue;
		const row = def.rows.find((r) => r.key === def.unlabeledRow) ?? def.rows.find((r) => r.kind !== 'group');
		if (!row) continue;
		const columns = def.columns.filter((c) => c.kind !== 'text');
		const first = s.values[0].range;
		const bound_: BoundRow = { def: row, known: true, labelText: s.label.map((c) => c.text).join(''), labelRange: (s.head ?? s.values[0]).range, cells: new Map(), valueCount: 0, extraCells: [], range: first };
		s.values.forEach((cell, k) => {
			bound_.range = span(bound_.range, cell.range);
			const column = columns[k];
			if (!column) return void bound_.extraCells.push({ text: cell.text, range: cell.range });
			bound_.valueCount++;
			bound_.cells.set(column.key, { row: row.key, column: column.key, text: cell.text, range: cell.range, value: parseCellValue(cell.text), inferred: true });
		});
		out.push({
			def,
			layout: block.layout,
			range: bound_.range,
			rows: [bound_],
			byKey: new Map([[row.key, bound_]]),
			headers: [],
			duplicateRows: [],
			inferred: true,
			// As many numbers as the table's one row has columns: that row, placed by a guess.
			unreadable: s.values.length === columns.length && def.rows.filter((r) => r.kind !== 'group').length === 1 ? undefined : {
				zh: `表头下找到 ${s.values.length} 个数值，与 ${columns.length} 列不符，无法确定各数值所在的列`,
				en: `${s.values.length} numbers were found under its headers where it has ${columns.length} columns, so which column each is in cannot be known`,
			},
		});
	}
	return out;
}

/**
 * A table of web text whose page leaves zero cells blank may print no number at all (an empty
 * 行政复议、行政诉讼 table): its title is there, so the table is, with no rows read — not "missing".
 */
function emptyTables(block: TableBlock, tables: BoundTable[], labels: TemplateLabels): BoundTable[] {
	const out: BoundTable[] = [];
	for (const cell of block.cells) {
		const def = labels.anchorOf(normalizeLabel(cell.text));
		if (!def || tables.some((t) => t.def === def) || out.some((t) => t.def === def)) continue;
		out.push({ def, layout: block.layout, range: cell.range, rows: [], byKey: new Map(), headers: [], duplicateRows: [], inferred: false, anchorRange: cell.range });
	}
	return out;
}

/** Splits the token stream into segments: a label (head and continuation words) and its values. */
function segmentsOf(block: TableBlock, labels: TemplateLabels): Segment[] {
	const out: Segment[] = [];
	let current: Segment | undefined;
	let anchor: TableDef | undefined;
	const cells = block.cells;
	const unitColumn = labels.template.tables.some((t) => t.columns.some((c) => c.kind === 'text'));
	// 无, — or / stand for "none" in a cell, but 无 is also a character of a label column cut one
	// character a line (（四）无法提供): as a value it ends its line or comes before another value.
	const isValue = (k: number) => {
		const t = cells[k].text;
		// An empty cell of a pipe row (a stream made of pipe tables) is a blank value.
		if (t === '') return true;
		if (!isValueToken(t)) return false;
		if (/[0-9０-９]/.test(t)) return true;
		const next = cells[k + 1];
		return !next || next.range.start.line !== cells[k].range.start.line || isValueToken(next.text);
	};
	for (let k = 0; k < cells.length; k++) {
		const cell = cells[k];
		if (isValue(k)) {
			if (!current) out.push((current = { label: [], values: [], anchor }));
			anchor = undefined;
			current.values.push(cell);
			continue;
		}
		const norm = normalizeLabel(cell.text);
		const anchored = labels.anchorOf(norm);
		if (anchored) {
			anchor = anchored;
			current = undefined;
			continue;
		}
		// A header (repeated after a page break, or above the values) ends the row before it; a
		// header only one table prints (复议后起诉) says which table the numbers after it are in.
		if (labels.isAnyHeader(norm)) {
			current = undefined;
			const only = labels.template.tables.filter((t) => labels.isHeaderOf(t, norm));
			if (only.length === 1 && !anchor) anchor = only[0];
			continue;
		}
		// A group label (三、本年度办理结果) stands in a column of its own, often in the middle of a
		// wrapped row label: it is a row of the stream without interrupting the label it cuts.
		if (labels.matchRow(cell.text).some((m) => m.exact && m.row.kind === 'group')) {
			out.push({ head: cell, label: [cell], values: [], anchor });
			if (current && current.values.length > 0) current = undefined;
			continue;
		}
		// A narrow group column's characters glued to the row label beside it (三（一）予以公开).
		const cut = opensRow(cell.text, labels) ? 0 : innerRowStart(cell.text, labels);
		if (cut > 0) {
			current?.label.push(sliceCell(cell, 0, cut));
			out.push((current = { head: sliceCell(cell, cut, cell.text.length), label: [sliceCell(cell, cut, cell.text.length)], values: [], anchor }));
			anchor = undefined;
			continue;
		}
		if (opensRow(cell.text, labels)) {
			out.push((current = { head: cell, label: [cell], values: [], anchor }));
			anchor = undefined;
			continue;
		}
		// A unit (条, 件) opens a row's cells in a table whose first column is the unit: after
		// numbers it is the next row's, whose label the extraction put elsewhere.
		if (unitColumn && UNIT.test(cell.text)) {
			if (current && current.values.length > 0) out.push((current = { label: [], values: [], anchor }));
			continue;
		}
		// A character alone on its line is a piece of a header cut a character a line (总 / 计 of
		// Table 3's header), not words of the row label before it.
		if (cell.text.length === 1 && aloneOnLine(cells, k)) continue;
		current?.label.push(cell);
	}
	return out;
}

/** A unit as a table's unit column writes it. */
const UNIT = /^(?:条|件|个|元|次|篇|项|人次|万元|份|起)$/;

function aloneOnLine(cells: RawCell[], k: number): boolean {
	const line = cells[k].range.start.line;
	return cells[k - 1]?.range.start.line !== line && cells[k + 1]?.range.start.line !== line;
}

/** Numbers with no label between them belong together: a header the extraction put among them only interrupted them. */
function mergeUnlabeled(segments: Segment[]): Segment[] {
	const out: Segment[] = [];
	for (const s of segments) {
		const last = out[out.length - 1];
		// (Words with no ordinal after such numbers — a converter's heading, a header cut — are no row's label.)
		if (last && !last.head && !s.head && last.values.length > 0 && s.values.length > 0) last.values.push(...s.values);
		else out.push(s);
	}
	return out;
}

/**
 * A run of numbers that fills several rows exactly (14 numbers where rows have 7: the next
 * row's label was extracted elsewhere) is cut into rows; the rows after the first have no label
 * and are placed by the template's order, as a guess.
 */
function splitRuns(segments: Segment[], rows: TemplateRow[]): Segment[] {
	const widths = [...new Set(rows.filter((r) => !r.unlabeled && r.width >= 3).map((r) => r.width))];
	const narrowest = Math.min(...widths);
	const unlabeledWidths = new Set(rows.filter((r) => r.unlabeled).map((r) => r.width));
	const anchoredWidthOf = (s: Segment) => (s.anchor ? s.anchor.columns.filter((c) => c.kind !== 'text').length : undefined);
	// The row a segment's label names best, and whether it names one at least as wide as `n` (scored only where a run may be cut).
	const named = new Map<Segment, { best?: TemplateRow; widest: number }>();
	const namedBy = (s: Segment) => {
		let v = named.get(s);
		if (v) return v;
		v = { widest: 0 };
		if (s.label.length > 0) {
			const form = segmentLabel(s);
			let bestScore = -Infinity;
			for (const r of rows) {
				if (r.unlabeled || r.row.kind === 'group') continue;
				const score = labelScore(form, r)?.score;
				if (score === undefined) continue;
				v.widest = Math.max(v.widest, r.width);
				if (score > bestScore) [v.best, bestScore] = [r, score];
			}
		}
		named.set(s, v);
		return v;
	};
	// The width of the rows of the last row a label named (or the table an anchor named), at or before segment i:
	// numbers with no label after it are most likely its rows.
	const contextAt = (i: number): number | undefined => {
		for (let k = i; k >= 0; k--) {
			const best = segments[k].label.length > 0 ? namedBy(segments[k]).best : undefined;
			if (best) return best.width;
			const anchored = anchoredWidthOf(segments[k]);
			if (anchored !== undefined) return anchored;
		}
		return undefined;
	};
	const out: Segment[] = [];
	segments.forEach((s, i) => {
		const n = s.values.length;
		// A run no row width divides into several rows is never cut.
		if (!(n > narrowest) || !widths.some((w) => n > w && n % w === 0)) {
			out.push(s);
			return;
		}
		// Numbers under another table's headers (Table 3's, 14 of its 15) are not rows of 7.
		const anchoredWidth = anchoredWidthOf(s);
		const { best, widest } = namedBy(s);
		// Nor are the numbers of a row whose label names a row that wide (6 of Table 3's 7 are not two rows of Table 2's 3).
		const fitsNamedRow = widest >= n;
		const context = contextAt(i);
		// The numbers of the row a label names best run on into rows of its width (its table's next rows lost their labels);
		// numbers with no label after it, likewise.
		// (Rows one or two numbers wide are too narrow to tell apart by counting.)
		const own = context !== undefined && widths.includes(context) && (best || s.label.length === 0) && n > context && n % context === 0 ? context : undefined;
		const w = fitsNamedRow || unlabeledWidths.has(n) || (anchoredWidth !== undefined && n % anchoredWidth !== 0)
			? undefined
			: (own ?? widths.find((w) => n > w && n % w === 0));
		if (!w) {
			out.push(s);
			return;
		}
		out.push({ ...s, values: s.values.slice(0, w) });
		for (let k = w; k < n; k += w) out.push({ label: [], values: s.values.slice(k, k + w) });
	});
	return out;
}

/** Where, among a token's first few characters, a row label with its ordinal starts; 0 when none does. */
function innerRowStart(text: string, labels: TemplateLabels): number {
	for (let k = 1; k <= 3 && k < text.length - 2; k++) {
		const rest = text.slice(k);
		if (/^(?:[（(][一二三四五六七八九十]{1,2}[）)]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,2}、)/.test(rest) && labels.startsRow(rest)) return k;
	}
	return 0;
}

function sliceCell(cell: RawCell, from: number, to: number): RawCell {
	const line = cell.range.start.line;
	const at = cell.range.start.character;
	return { text: cell.text.slice(from, to), range: { start: { line, character: at + from }, end: { line, character: at + to } }, row: cell.row };
}

function opensRow(text: string, labels: TemplateLabels): boolean {
	const { ordinal } = splitOrdinal(normalizeLabel(text));
	if (ordinal !== '') return true;
	return labels.startsRow(text) || labels.matchRow(text).some((m) => m.exact);
}

/** The template's rows as the aligner reads them, made once per template. */
const TEMPLATE_ROWS = new WeakMap<TemplateLabels, TemplateRow[]>();

function templateRows(labels: TemplateLabels): TemplateRow[] {
	let rows = TEMPLATE_ROWS.get(labels);
	if (!rows) {
		rows = labels.rowsInOrder.map(({ table, row }) => ({
			table,
			row,
			width: table.columns.filter((c) => c.kind !== 'text').length,
			forms: labels.formsOf(row).map((f) => ({ ...f, surrogates: HAS_SURROGATE.test(f.core) })),
			unlabeled: table.unlabeledRow === row.key,
		}));
		TEMPLATE_ROWS.set(labels, rows);
	}
	return rows;
}

/** The row of the table a segment's label spells out best, if it spells one out. */
function rowNamedBy(s: Segment, table: TableDef, rows: TemplateRow[]): TemplateRow | undefined {
	if (s.label.length === 0) return undefined;
	const form = segmentLabel(s);
	if (form.core.length === 0) return undefined;
	let best: { row: TemplateRow; score: number } | undefined;
	for (const r of rows) {
		if (r.table !== table || r.unlabeled || r.row.kind === 'group') continue;
		const m = labelScore(form, r);
		if (m && m.coverage >= MIN_COVERAGE && (!best || m.score > best.score)) best = { row: r, score: m.score };
	}
	return best?.row;
}

interface Pair {
	segment: Segment;
	row: TemplateRow;
	/** The label spells out the row's label well enough to call the row read, not guessed. */
	labelRead: boolean;
}

/** Longest common subsequence length: tolerant of words of other columns interleaved. */
const LCS_ROWS = [new Uint16Array(256), new Uint16Array(256)];

function lcs(a: string, b0: string): number {
	const b = b0.length > 255 ? b0.slice(0, 255) : b0;
	if (a.length === 0 || b.length === 0) return 0;
	if (b.length <= MAX_BIT_PARALLEL) return lcsBitParallel(a, b);
	let [prev, cur] = LCS_ROWS;
	prev.fill(0, 0, b.length + 1);
	cur.fill(0, 0, b.length + 1);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) cur[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
		[prev, cur] = [cur, prev];
	}
	return prev[b.length];
}

/** Longest second string whose LCS is counted on the bits of one number (a row label's core mostly is). */
const MAX_BIT_PARALLEL = 30;
/** By UTF-16 unit, the bits of the places it stands at in the string lcsBitParallel is counting against (zero between calls). */
const PLACE_BITS = new Int32Array(65536);

/**
 * lcs for a second string of at most MAX_BIT_PARALLEL units, bit-parallel (Hyyrö 2004, as in
 * sectionMatch.ts): one step per unit of the first, not one per pair of units.
 */
function lcsBitParallel(a: string, b: string): number {
	const m = b.length;
	for (let j = 0; j < m; j++) PLACE_BITS[b.charCodeAt(j)] |= 1 << j;
	const full = 2 ** m - 1;
	let v = full;
	for (let i = 0; i < a.length; i++) {
		const u = v & PLACE_BITS[a.charCodeAt(i)];
		v = ((v + u) | (v - u)) & full;
	}
	for (let j = 0; j < m; j++) PLACE_BITS[b.charCodeAt(j)] = 0;
	let used = 0;
	for (let x = v; x !== 0; x &= x - 1) used++;
	return m - used;
}

function segmentLabel(s: Segment): LabelForm {
	return labelForm(s.label.map((c) => c.text).join('').slice(0, 120));
}

const HAS_SURROGATE = /[\ud800-\udfff]/;
/** The UTF-16 units of the text marked last (`unitMarksOf`), each set to the current generation. */
const UNIT_MARKS = new Uint32Array(65536);
let unitMarksGen = 0;
let unitMarksOf: string | undefined;

/** Marks the units of `text` (where not the text marked last): UNIT_MARKS[u] === unitMarksGen says u occurs in it. */
function markUnits(text: string): void {
	if (text === unitMarksOf) return;
	if (++unitMarksGen === 0xffffffff) {
		UNIT_MARKS.fill(0);
		unitMarksGen = 1;
	}
	for (let i = 0; i < text.length; i++) UNIT_MARKS[text.charCodeAt(i)] = unitMarksGen;
	unitMarksOf = text;
}

/** How well a segment's words spell a row's label: undefined when they do not. */
function labelScore(form: LabelForm, row: TemplateRow): { score: number; coverage: number } | undefined {
	let best: { score: number; coverage: number } | undefined;
	for (const f of row.forms) {
		if (f.core.length === 0) continue;
		// The share of the label's characters the words contain at all bounds what they can spell (cheaper than the LCS).
		let present = 0;
		if (f.surrogates) {
			for (const ch of f.core) if (form.core.includes(ch)) present++;
		} else {
			// (Each character of the label one UTF-16 unit: looked up in the words' units, marked once for all rows.)
			markUnits(form.core);
			for (let i = 0; i < f.core.length; i++) if (UNIT_MARKS[f.core.charCodeAt(i)] === unitMarksGen) present++;
		}
		if (present / f.core.length < MIN_COVERAGE_WITH_ORDINAL) continue;
		const common = lcs(form.core, f.core);
		const coverage = common / f.core.length;
		// Words that hold a short label's characters among many others (a header band's fragments
		// run together: 纠正其他结总果审计…) do not spell it.
		if (common < form.core.length * MIN_SHARE_OF_WORDS) continue;
		let ordinal = 0;
		if (form.ordinal && f.ordinal) ordinal = form.ordinal === f.ordinal ? 1 : -2;
		else if (form.ordinal && !f.ordinal) ordinal = -1;
		const accepted = coverage >= MIN_COVERAGE || (ordinal > 0 && coverage >= MIN_COVERAGE_WITH_ORDINAL);
		if (!accepted || ordinal < -1) continue;
		const starts = form.core.startsWith(f.core.slice(0, 2)) ? 0.5 : 0;
		const score = 3 * coverage + ordinal + starts;
		if (!best || score > best.score) best = { score, coverage };
	}
	return best;
}

function matchScore(s: Segment, form: LabelForm, row: TemplateRow, namesRow: () => boolean): { score: number; labelRead: boolean } {
	const n = s.values.length;
	// (Numbers after a label that names some other row are that row's and the next ones', not a table's one unlabeled row.)
	if (row.unlabeled) return n === row.width && !namesRow() ? { score: 4, labelRead: true } : { score: NO_MATCH, labelRead: false };
	const label = form.core.length > 0 ? labelScore(form, row) : undefined;
	const anchorBonus = s.anchor === row.table ? 1 : 0;
	// A group label only anchors the order: it must not outweigh a row it stands beside.
	if (row.row.kind === 'group') return label && n === 0 ? { score: 0.2 * label.score, labelRead: true } : { score: NO_MATCH, labelRead: false };
	if (label) {
		// A label with no numbers keeps its row present, but weighs less than numbers placed by the order.
		if (n === 0) return { score: 0.15 * label.score, labelRead: label.coverage >= READ_COVERAGE };
		// Fewer numbers than columns is common (a PDF drops empty cells); more is not.
		const count = n === row.width ? 1.5 : n < row.width ? -0.15 * (row.width - n) : -0.4 * (n - row.width);
		return { score: label.score + count + anchorBonus, labelRead: label.coverage >= READ_COVERAGE };
	}
	// Numbers with no label that names a row fill the row the order leaves for them, as a guess.
	if (n === row.width && !row.row.optional) return { score: 1 + anchorBonus, labelRead: false };
	return { score: NO_MATCH, labelRead: false };
}

/** The best monotone alignment of segments to template rows (each used at most once). */
function align(segments: Segment[], rows: TemplateRow[]): Pair[] {
	const m = segments.length;
	const n = rows.length;
	const forms = segments.map(segmentLabel);
	const score = new Float64Array((m + 1) * (n + 1));
	const move = new Uint8Array((m + 1) * (n + 1)); // 1 skip segment, 2 skip row, 3 match
	const matches = new Map<number, { score: number; labelRead: boolean }>();
	const at = (i: number, j: number) => i * (n + 1) + j;
	// Whether a segment's label names some row, asked only of segments as wide as a table's unlabeled row.
	const namesRow = forms.map((form) => {
		let v: boolean | undefined;
		return () => (v ??= form.core.length > 0 && rows.some((r) => !r.unlabeled && r.row.kind !== 'group' && labelScore(form, r) !== undefined));
	});
	for (let i = 1; i <= m; i++) move[at(i, 0)] = 1;
	for (let j = 1; j <= n; j++) move[at(0, j)] = 2;
	for (let i = 1; i <= m; i++) {
		for (let j = 1; j <= n; j++) {
			let best = score[at(i - 1, j)];
			let how = 1;
			if (score[at(i, j - 1)] > best) [best, how] = [score[at(i, j - 1)], 2];
			const mt = matchScore(segments[i - 1], forms[i - 1], rows[j - 1], namesRow[i - 1]);
			if (mt.score > 0 && score[at(i - 1, j - 1)] + mt.score > best) {
				[best, how] = [score[at(i - 1, j - 1)] + mt.score, 3];
				matches.set(at(i, j), mt);
			}
			score[at(i, j)] = best;
			move[at(i, j)] = how;
		}
	}
	const pairs: Pair[] = [];
	for (let i = m, j = n; i > 0 && j > 0; ) {
		const how = move[at(i, j)];
		if (how === 3) {
			pairs.push({ segment: segments[i - 1], row: rows[j - 1], labelRead: matches.get(at(i, j))!.labelRead });
			i--;
			j--;
		} else if (how === 1) i--;
		else j--;
	}
	return pairs.reverse();
}

function buildTables(block: TableBlock, pairs: Pair[], labels: TemplateLabels): BoundTable[] {
	const tables: BoundTable[] = [];
	let current: BoundTable | undefined;
	for (const pair of pairs) {
		const { segment, row, labelRead } = pair;
		if (!current || current.def !== row.table) {
			const first = segment.head ?? segment.values[0] ?? segment.label[0];
			current = { def: row.table, layout: block.layout, range: first.range, rows: [], byKey: new Map(), headers: [], duplicateRows: [], inferred: false };
			tables.push(current);
		}
		const table = current;
		if (row.row.kind === 'group') {
			for (const c of segment.label) extendTable(table, c.range);
			continue;
		}
		const columns = row.table.columns.filter((c) => c.kind !== 'text');
		// Blank cells beyond the row's columns (a pipe row's trailing separator) are no values.
		while (segment.values.length > row.width && segment.values[segment.values.length - 1].text === '') segment.values.pop();
		const guessed = !labelRead || segment.values.length !== row.width;
		const labelCells = row.unlabeled ? [] : segment.label;
		const labelRange = labelCells.length > 0 ? span(labelCells[0].range, labelCells[labelCells.length - 1].range) : (segment.values[0] ?? segment.label[0]).range;
		const bound: BoundRow = {
			def: row.row,
			known: true,
			labelText: labelCells.map((c) => c.text).join(''),
			labelRange: labelCells.length > 0 ? labelCells[0].range : labelRange,
			cells: new Map(),
			valueCount: 0,
			extraCells: [],
			range: labelRange,
		};
		segment.values.forEach((cell, k) => {
			bound.range = span(bound.range, cell.range);
			const column = columns[k];
			if (!column) {
				bound.extraCells.push({ text: cell.text, range: cell.range });
				return;
			}
			bound.valueCount++;
			// (A cell the layout split by a guess — glued digits — stays a guess.)
			bound.cells.set(column.key, { row: row.row.key, column: column.key, text: cell.text, range: cell.range, value: parseCellValue(cell.text), inferred: guessed || cell.inferred === true, ...(cell.unwritable ? { unwritable: true } : {}) });
		});
		if ((guessed && segment.values.length > 0) || segment.values.some((c) => c.inferred)) table.inferred = true;
		// (Glued digits split by a guess are the default reason; a row the order placed is this one.)
		if (guessed && segment.values.length > 0 && block.layout === 'pdf-text') table.inferredWhy ??= ROWS_BY_ORDER;
		if (labelRead) LABEL_READ.add(bound);
		table.rows.push(bound);
		table.byKey.set(row.row.key, bound);
		extendTable(table, bound.range);
	}
	void labels;
	return tables;
}

/**
 * Each table's share of the stream: a table's anchor, or a row of it with numbers, starts its
 * share (tables come in the template's order, so a later table's evidence moves on, an earlier
 * one's does not go back); the numbers up to the next table's are its own. Numbers before any
 * table's evidence are a share of no table here (`continued`): they go on the share before them,
 * in the block before (a table the extraction cut mid-way), or nowhere.
 */
function streamsOf(segments: Segment[], pairs: Pair[], labels: TemplateLabels): TableStream[] {
	const rowOf = new Map(pairs.map((p) => [p.segment, p.row]));
	const order = labels.template.tables;
	const out = new Map<TableDef, TableStream>();
	const leading: TableStream = { def: undefined, values: [], labels: new Map() };
	let current: TableStream | undefined;
	for (const s of segments) {
		const row = rowOf.get(s);
		const candidate = s.anchor ?? (s.values.length > 0 ? row?.table : undefined);
		const movesOn = candidate !== undefined && (!current?.def || order.indexOf(candidate) > order.indexOf(current.def));
		// (A segment whose own label names a row of the table in hand stays in it, whatever header the extraction put before it.)
		const evidence = movesOn && !(current?.def !== undefined && s.head !== undefined && labels.matchRow(s.head.text, current.def).some((m) => m.exact)) ? candidate : undefined;
		if (evidence) {
			current = out.get(evidence) ?? { def: evidence, values: [], labels: new Map() };
			out.set(evidence, current);
		}
		if (!current) {
			leading.values.push(...s.values.filter((v) => v.text !== ''));
			continue;
		}
		if (s.anchor === current.def && !current.anchor) current.anchor = (s.head ?? s.values[0] ?? s.label[0])?.range;
		current.values.push(...s.values.filter((v) => v.text !== ''));
		if (row && row.table === current.def && s.label.length > 0 && !current.labels.has(row.row.key)) current.labels.set(row.row.key, s.label);
	}
	return [...(leading.values.length > 0 ? [leading] : []), ...out.values()];
}

/** A table read from its numbers' order takes its place with no strays: every number was placed. */
export function markOrderRead(table: BoundTable): void {
	STRAYS.set(table, 0);
}

const ROWS_BY_ORDER = {
	zh: '有的行标签未能读出，其数值按模板的行序推定所在的行',
	en: 'some row labels could not be read, and the rows of their numbers were inferred from the template\'s order of rows',
};

const CELL_COUNT_OFF = {
	zh: '有的行数值个数与模板不符，无法确定各数值属于哪一列',
	en: "some rows have more or fewer numbers than the template's columns, so which column each belongs to is not known",
};

const NUMBERS_ON_SEVERAL_LINES = {
	zh: '有的行的数值分在几行文字里，与各列的位置对不上，其所在的列按先后顺序推定',
	en: "some rows' numbers stand on several lines and not under the columns, so their columns were inferred from their order",
};

/** Consecutive row labels with no numbers between them, from which on labels and numbers were extracted apart. */
const MIN_LABELS_APART = 3;

/**
 * Plain pdftotext may write a column of row labels, then the numbers elsewhere: a number next to
 * a label then says nothing about its row. A run of row labels with no numbers between them
 * shows it; the tables those labels belong to are not read with confidence.
 */
function markLabelsApart(segments: Segment[], pairs: Pair[], tables: BoundTable[], labels: TemplateLabels): void {
	const rowOf = new Map(pairs.map((p) => [p.segment, p.row]));
	let run: Segment[] = [];
	const flush = () => {
		if (run.length >= MIN_LABELS_APART) {
			const defs = new Set(run.map((s) => rowOf.get(s)?.table).filter((d): d is TableDef => d !== undefined));
			for (const t of tables) {
				if (!defs.has(t.def) || t.unreadable) continue;
				markUnreadable(t, {
					zh: `${run.length} 个行标签连在一起、后面没有数值（如“${run[0].label.map((c) => c.text).join('').slice(0, 24)}”），提取的文本把标签和数值分开了，无法确定数值属于哪一行`,
					en: `${run.length} row labels stand together with no numbers after them: the extracted text separated labels from numbers, so which row a number belongs to cannot be known`,
				});
			}
		}
		run = [];
	};
	for (const s of segments) {
		const isGroup = s.head !== undefined && labels.matchRow(s.head.text).some((m) => m.exact && m.row.kind === 'group');
		if (isGroup) continue;
		if (s.head && s.values.length === 0) run.push(s);
		else flush();
	}
	flush();
}

/** Per table read from a block: how many runs of numbers in that block no row took and no label names. */
const STRAYS = new WeakMap<BoundTable, number>();

/** Whether a table was read by the aligner (its readability is judged again once all its parts are read). */
export function wasAligned(table: BoundTable): boolean {
	return STRAYS.has(table);
}

/** When two parts of a table are joined, so are their strays. */
export function joinStrays(into: BoundTable, from: BoundTable): void {
	STRAYS.set(into, (STRAYS.get(into) ?? 0) + (STRAYS.get(from) ?? 0));
}

/** Rows whose numbers do not fill their columns, from which on a table is not read with confidence. */
const MIN_MISFITS = 2;

/**
 * A table where several rows have fewer (or more) numbers than columns lost its empty cells in
 * the extraction: which column each number stands in cannot be known from text alone. It is said
 * once, and every cell is treated as inferred (its findings lowered, never fixed).
 */
export function judgeReadable(table: BoundTable, complete = false): void {
	if (table.unreadable) return;
	const width = table.def.columns.filter((c) => c.kind !== 'text').length;
	const misfits = table.rows.filter((r) => r.valueCount > 0 && r.valueCount + r.extraCells.length !== width);
	const missing = table.def.rows.filter((r) => r.kind !== 'group' && !r.optional && !table.byKey.has(r.key));
	// Rows of the template the extracted text does not show (judged once all its parts are read):
	// the extraction lost or scattered them.
	if (complete && misfits.length < MIN_MISFITS && missing.length >= MIN_MISFITS && table.rows.length > 0 && (STRAYS.get(table) ?? 0) > 0) {
		markUnreadable(table, {
			zh: `提取的文本中找不到 ${missing.length} 行（如“${missing[0].label.slice(0, 24)}”），表格的行序被打乱或丢失`,
			en: `${missing.length} rows are not in the extracted text (e.g. "${missing[0].en}"): the table's rows were scattered or lost`,
		});
		return;
	}
	if (misfits.length >= MIN_MISFITS) return lostBlanks(table, misfits, width);
	// A table whose rows are all optional (a local 统计表) shows no missing row: numbers that no
	// label names, row after row, are the trace of labels the extraction put elsewhere.
	const strays = STRAYS.get(table) ?? 0;
	if (complete && strays >= MIN_MISFITS && table.def.rows.every((r) => r.optional || r.kind === 'group')) {
		markUnreadable(table, {
			zh: `${strays} 组数值前没有行标签，提取的文本把行标签和数值分开了，无法确定数值属于哪一行`,
			en: `${strays} groups of numbers have no row label before them: the extracted text put labels and numbers apart, so which row each number is in cannot be known`,
		});
	}
}

function lostBlanks(table: BoundTable, misfits: BoundRow[], width: number): void {
	LOST_BLANKS.add(table);
	markUnreadable(table, {
		zh: `${misfits.length} 行的数值个数与 ${width} 列不符（如“${misfits[0].labelText.slice(0, 24)}”有 ${misfits[0].valueCount + misfits[0].extraCells.length} 个），文本没有留下空白单元格（从 PDF 提取或逐格导出的文本常会如此），无法确定各数值所在的列`,
		en: `${misfits.length} rows have a number of values other than its ${width} columns (e.g. "${misfits[0].def.en}" has ${misfits[0].valueCount + misfits[0].extraCells.length}): the text keeps no empty cells (as text extracted from a PDF, or exported a cell at a time, often does not), so which column each number is in cannot be known`,
	});
}

/** Rows short of numbers, from which on a table laid out in rows (pipes, Markdown) lost its blank cells: a third of its rows, three at least. */
const MIN_SHORT_ROWS = 3;

/**
 * A table laid out in rows whose rows fall short of numbers again and again (a converter that
 * drops empty cells: `| （一）予以公开 | 14 | 2 | 16 |`) is read as text from PDF with its blanks
 * dropped is: said unreadable once, not a finding per row, each row's total pinned (pinRowTotals).
 * A row or two short of a cell stay what they are (table.cell-count).
 */
export function judgeShortRows(table: BoundTable): void {
	if (table.unreadable) return;
	const width = table.def.columns.filter((c) => c.kind !== 'text').length;
	const valued = table.rows.filter((r) => r.known && r.valueCount > 0);
	const short = valued.filter((r) => r.extraCells.length === 0 && r.valueCount < width);
	if (short.length < MIN_SHORT_ROWS || short.length * 3 < valued.length) {
		// A row short of cells read left to right is a guess where its numbers stand.
		for (const r of short) for (const c of r.cells.values()) c.inferred = true;
		if (short.length > 0) {
			table.inferred = true;
			table.inferredWhy ??= CELL_COUNT_OFF;
		}
		return;
	}
	// The row binder matched these labels to the template's rows.
	for (const r of table.rows) if (r.known) LABEL_READ.add(r);
	lostBlanks(table, short, width);
}

/** Tables judged unreadable because the extraction dropped their blank cells (rows kept apart, numbers in order). */
const LOST_BLANKS = new WeakSet<BoundTable>();

/**
 * A table whose blank cells the extraction dropped still says one thing for certain about each
 * row whose label was read: a total is written whenever any of its items is, so where the row's
 * one sum adds up every other column into the last, the row's last number is its total, and its
 * items add up to the same sum wherever the blanks stood. Such a row's total is read; its items
 * (the numbers and the blanks) keep an unknown column: only a sum over all of them is certain.
 */
export function pinRowTotals(table: BoundTable, rules: BalanceRule[]): void {
	// Web text keeps only the rows a page prints: a row label there with no number is an empty row.
	if (table.layout === 'glued') for (const row of table.rows) if (row.known && LABEL_READ.has(row) && row.valueCount === 0 && row.cells.size === 0) fillBlank(row, table);
	if (!LOST_BLANKS.has(table)) return;
	const columns = table.def.columns.filter((c) => c.kind !== 'text');
	const last = columns[columns.length - 1];
	if (!last) return;
	// Only text laid out as on the page (a row's numbers side by side on a line), not text that
	// writes each cell on a line of its own (see below).
	const filled = (r: BoundRow) => [...r.cells.values()].filter((c) => c.text !== '');
	if (!table.rows.some((r) => filled(r).length >= 2 && oneLine(filled(r)))) return;
	const pinned: BoundRow[] = [];
	for (const row of table.rows) {
		if (!row.known || !LABEL_READ.has(row) || row.extraCells.length > 0 || row.valueCount > columns.length) continue;
		// A row label with no number at all: the row is empty (its zeros blank, its total too).
		if (row.valueCount === 0) {
			if (row.cells.size === 0) fillBlank(row, table);
			continue;
		}
		const values = columns.map((c) => row.cells.get(c.key)).filter((c): c is NonNullable<typeof c> => c !== undefined);
		if (values.length !== row.valueCount) continue;
		// A row with a number in every column lost no blank: each stands in its column, read.
		if (values.length === columns.length && oneLine(values)) {
			for (const c of values) c.inferred = false;
			pinned.push(row);
			continue;
		}
		const own = rules.filter((r) => r.kind === 'sum' && r.table === table.def.id && r.target.row === row.def.key && r.terms.every((t) => t.row === row.def.key));
		if (own.length !== 1 || own[0].kind !== 'sum') continue;
		const rule = own[0];
		const items = new Set(rule.terms.map((t) => t.column));
		if (rule.target.column !== last.key || items.size !== columns.length - 1 || !columns.every((c) => c.key === last.key || items.has(c.key))) continue;
		// The numbers must stand on one line beside their label (text laid out as on the page): where
		// each cell is a line of its own, the extraction may write a row's last cell after the next
		// row's label, and the last number is then no longer this row's total.
		if (!oneLine(values) || Math.abs(values[0].range.start.line - row.labelRange.start.line) > 2) continue;
		const total = values[values.length - 1];
		const numbers = values.slice(0, -1);
		// A lone number of several digits over blank items may be several cells run together
		// (（七）总计 1111 for 11 and 11) or a row left wrong; which, the text cannot tell. (One digit
		// is one cell: the row is wrong either way.)
		const lone = numbers.length === 0 && total.value.kind === 'number' && total.value.value !== 0 && /\d\D*\d/.test(total.text);
		row.cells.clear();
		const after = (numbers[numbers.length - 1] ?? total).range.end;
		columns.forEach((column, j) => {
			if (column.key === last.key) {
				row.cells.set(column.key, { ...total, row: row.def.key, column: column.key, inferred: lone });
				return;
			}
			const cell = numbers[j];
			if (cell) row.cells.set(column.key, { ...cell, row: row.def.key, column: column.key, inferred: true, columnUnknown: true });
			else row.cells.set(column.key, { row: row.def.key, column: column.key, text: '', range: { start: after, end: after }, value: parseCellValue(''), inferred: true, columnUnknown: true });
		});
		row.valueCount = columns.length;
		pinned.push(row);
	}
	weighBlankTotals(table, pinned, rules, last.key);
	settleBlankItems(table, pinned, rules, last.key);
}

/**
 * A pinned row whose one number is its total, and adds up (its items blank, its total 0 or blank
 * too), lost no number to the dropped blanks: every item column of it is blank, wherever the
 * blanks stood. Where every row of the table is so, or was read whole, nothing of the table is
 * unknown: it is read, not unreadable — but its blanks' places are where the reader put them, so
 * it is never written to (blanksLost).
 */
function settleBlankItems(table: BoundTable, pinned: BoundRow[], rules: BalanceRule[], totalKey: string): void {
	const derived = derivedOf(rules, table);
	const own = instancesOf(rules, table).filter((i) => i.rule.kind === 'sum' && i.target !== undefined && i.target.column === totalKey && i.terms.every((t) => t.row === i.target!.row));
	for (const row of pinned) {
		const total = row.cells.get(totalKey);
		if (!total || total.inferred) continue;
		const items = [...row.cells.values()].filter((c) => c.column !== totalKey);
		if (items.some((c) => c.text !== '' || !c.columnUnknown)) continue;
		const sum = own.find((i) => i.target!.row === row.def.key);
		if (!sum || evaluate({ ...sum, inferred: false }, derived).status === 'mismatch') continue;
		for (const c of items) row.cells.set(c.column, { ...c, inferred: false, columnUnknown: false });
	}
	const known = table.rows.every((r) => r.known && [...r.cells.values()].every((c) => !c.inferred && !c.columnUnknown));
	if (!known || table.rows.length === 0) return;
	delete table.unreadable;
	table.inferred = false;
	table.blanksLost = true;
}

/**
 * A pinned row whose numbers do not add up has three readings: an item is wrong, the total is
 * wrong, or the drafter left the total blank and the last number is an item. The rules that add
 * up the totals (all of them read) tell which: the one reading they agree with is kept; where they
 * agree with several or with none, or there are none, the total is only a guess (findings lowered).
 */
function weighBlankTotals(table: BoundTable, pinned: BoundRow[], rules: BalanceRule[], totalKey: string): void {
	if (pinned.length === 0) return;
	const derived = derivedOf(rules, table);
	const certain = instancesOf(rules, table).filter((i) => !i.inferred);
	const wrong: BoundCell[] = [];
	for (const row of pinned) {
		const total = row.cells.get(totalKey)!;
		const key = cellKey(total);
		const own = certain.find((i) => i.rule.kind === 'sum' && i.target !== undefined && cellKey(i.target) === key && i.terms.every((t) => t.row === row.def.key));
		if (!own) continue;
		const ev = evaluate(own, derived);
		if (ev.status !== 'mismatch') continue;
		const through = certain.filter((i) => i !== own && [i.target, ...i.terms, ...i.right].some((c) => c !== undefined && cellKey(c) === key));
		const holdWith = (v: number) => through.length > 0 && through.every((i) => evaluate(i, derived, new Map([[key, v]])).status !== 'mismatch');
		const items = [...row.cells.values()].filter((c) => c.columnUnknown && c.text !== '');
		// Three readings: the total as written (an item is wrong), the total as its items make it
		// (the total is wrong), or the last number an item and the total blank (only where an item
		// column is left for it). The rules over totals must take exactly one.
		const asWritten = holdWith(ev.actual);
		const asItems = holdWith(ev.expected);
		const full = ![...row.cells.values()].some((c) => c.columnUnknown);
		const asBlank = !full && items.length + 1 < table.def.columns.filter((c) => c.kind !== 'text').length && holdWith(ev.expected + ev.actual);
		if ([asWritten, asItems, asBlank].filter(Boolean).length !== 1) {
			total.inferred = true;
			continue;
		}
		if (asBlank) {
			readAsBlankTotal(row, items, total, totalKey);
			continue;
		}
		if (asWritten) row.totalVouched = true;
		wrong.push(total);
	}
	// Rows that fail one after another say more about the reading than about the report (a column
	// the template does not have, a subtotal, on the page): none of them is then vouched for.
	if (wrong.length >= MAX_WRONG_PINNED) {
		for (const total of wrong) total.inferred = true;
		for (const row of pinned) delete row.totalVouched;
	}
}

/** Pinned rows that do not add up, from which on the reading rather than the report is doubted. */
const MAX_WRONG_PINNED = 2;

/** Every column of an empty row blank, where its numbers would follow its label. */
function fillBlank(row: BoundRow, table: BoundTable): void {
	const at = row.labelRange.end;
	const columns = table.def.columns.filter((c) => c.kind !== 'text');
	for (const column of columns) row.cells.set(column.key, { row: row.def.key, column: column.key, text: '', range: { start: at, end: at }, value: parseCellValue(''), inferred: false });
	row.valueCount = columns.length;
}

/** The row's last number is one more item; the total cell is blank, where it would stand after it. */
function readAsBlankTotal(row: BoundRow, items: BoundCell[], last: BoundCell, totalKey: string): void {
	const slots = [...row.cells.values()].filter((c) => c.columnUnknown);
	const numbers = [...items, last];
	const at = last.range.end;
	slots.forEach((slot, j) => {
		const cell = numbers[j];
		row.cells.set(slot.column, cell ? { ...cell, row: row.def.key, column: slot.column, inferred: true, columnUnknown: true } : { ...slot, range: { start: at, end: at } });
	});
	row.cells.set(totalKey, { row: row.def.key, column: totalKey, text: '', range: { start: at, end: at }, value: parseCellValue(''), inferred: false });
}

const centerOf = (c: { range: Range }) => (c.range.start.character + c.range.end.character) / 2;
const oneLine = (values: Array<{ range: Range }>) => values.every((v) => v.range.start.line === values[0].range.start.line);

/**
 * A PDF drops a table's empty cells, so a row may show fewer numbers than columns. pdftotext
 * -layout keeps each number where it stood on the page: where the table has full rows to take
 * the columns' places from (and they agree), each number of a short row goes to the column it
 * stands under, the others are blank. Only when every short row places cleanly (each number near
 * one column, in order) is the table read so; otherwise it is left as it is (and judged unreadable).
 */
export function placeSparseRows(table: BoundTable, rules: BalanceRule[] = []): void {
	const columns = table.def.columns.filter((c) => c.kind !== 'text');
	const width = columns.length;
	if (width < 2) return;
	const valuesOf = (r: BoundRow) => columns.map((c) => r.cells.get(c.key)).filter((c): c is NonNullable<typeof c> => c !== undefined && c.text !== '');
	const rows = table.rows.filter((r) => r.known && r.def.key !== table.def.unlabeledRow && r.extraCells.length === 0);
	const full = rows.filter((r) => r.valueCount === width && valuesOf(r).length === width && oneLine(valuesOf(r)));
	const sparse = rows.filter((r) => r.valueCount > 0 && r.valueCount < width);
	// A row whose numbers stand on several lines (a total printed beside the first line of a
	// wrapped label, the items lines below it) was read in the stream's order, which need not be
	// the columns' order.
	const spread = rows.filter((r) => r.valueCount === width && valuesOf(r).length === width && !oneLine(valuesOf(r)));
	placeSpreadRows(table, spread, full, valuesOf, columns);
	// (Only where most rows with numbers keep them on one line beside their label: the text keeps its columns.)
	if (full.length >= 2 && full.length * 2 >= rows.filter((r) => r.valueCount > 0).length) fillBlankRows(table, rows, columns);
	if (full.length === 0 || sparse.length === 0) return;
	const centers: number[] = [];
	for (let k = 0; k < width; k++) {
		const xs = full.map((r) => centerOf(valuesOf(r)[k])).sort((a, b) => a - b);
		centers.push(xs[xs.length >> 1]);
	}
	if (centers.some((c, k) => k > 0 && c - centers[k - 1] < 2)) return;
	// The full rows must agree on where the columns are, or the text keeps no grid.
	if (full.some((r) => valuesOf(r).some((v, k) => Math.abs(centerOf(v) - centers[k]) > tolerance(centers, k)))) return;
	const placed = sparse.map((r) => placeByPosition(valuesOf(r), centers));
	if (placed.some((x) => !x)) return;
	// A row's own total is written whenever the row has a number (blank zeros, never a blank total):
	// a placing that leaves a row total blank beside its numbers has the grid wrong.
	const rowTotals = rules.filter((r) => r.kind === 'sum' && r.table === table.def.id && r.terms.every((t) => t.row === r.target.row)).map((r) => (r.kind === 'sum' ? r.target.column : ''));
	const totalIndex = new Set(rowTotals.map((c) => columns.findIndex((col) => col.key === c)).filter((i) => i >= 0));
	if (totalIndex.size > 0 && placed.some((cols) => ![...totalIndex].some((i) => cols!.includes(i)))) return;
	sparse.forEach((r, i) => {
		const values = valuesOf(r);
		r.cells.clear();
		// Placed by where they stand, the numbers are read; only a row the order alone placed stays a guess.
		placeCells(r, values, placed[i]!, columns, !LABEL_READ.has(r));
	});
	table.inferred = table.rows.some((r) => [...r.cells.values()].some((c) => c.inferred));
}

/**
 * Each number of a row spread over several lines goes to the column it stands under, by the
 * columns of the nearest full rows above and below it (a table split over pages moves its
 * columns at the break), where every column then holds one and both neighbours agree; a row
 * whose numbers do not sort out so stays in the stream's order, as a guess.
 */
function placeSpreadRows(table: BoundTable, spread: BoundRow[], full: BoundRow[], valuesOf: (r: BoundRow) => BoundCell[], columns: TableDef['columns']): void {
	const lineOf = (r: BoundRow) => valuesOf(r)[0].range.start.line;
	for (const r of spread) {
		const values = valuesOf(r);
		const line = lineOf(r);
		const above = full.filter((f) => lineOf(f) < line).pop();
		const below = full.find((f) => lineOf(f) > line);
		const placings = [above, below]
			.filter((f): f is BoundRow => f !== undefined)
			.map((f) => {
				const centers = valuesOf(f).map(centerOf);
				const placed = values.map((v) => nearestColumn(centerOf(v), centers));
				return placed.every((j) => j !== undefined) && new Set(placed).size === columns.length ? (placed as number[]) : undefined;
			});
		const placed = placings.find((p) => p !== undefined);
		if (placed && placings.every((p) => p === undefined || p.join() === placed.join())) {
			r.cells.clear();
			placeCells(r, values, placed, columns, !LABEL_READ.has(r));
			continue;
		}
		// Numbers a line each (plain pdftotext keeps no columns) come in the columns' order.
		if (placings.length === 0 && new Set(values.map((v) => v.range.start.line)).size === values.length) continue;
		for (const c of r.cells.values()) c.inferred = true;
		table.inferred = true;
		table.inferredWhy ??= NUMBERS_ON_SEVERAL_LINES;
	}
}

/**
 * A row whose label stands alone, where the text keeps its columns, was printed with every cell
 * blank (a PDF drops blank cells; a number merged down over rows stands beside one of them only):
 * its cells are blanks, as a guess.
 */
function fillBlankRows(table: BoundTable, rows: BoundRow[], columns: TableDef['columns']): void {
	for (const r of rows) {
		if (r.valueCount > 0 || r.cells.size > 0) continue;
		const at = r.labelRange.end;
		for (const column of columns) r.cells.set(column.key, { row: r.def.key, column: column.key, text: '', range: { start: at, end: at }, value: parseCellValue(''), inferred: true });
		r.valueCount = columns.length;
		table.inferred = true;
		table.inferredWhy ??= BLANK_ROWS;
	}
}

const BLANK_ROWS = {
	zh: '有的行只有标签、没有数值，按各格空白读取',
	en: 'some rows show their label and no number, and were read as blank',
};

/** The column a number stands under, if it stands clearly under one. */
function nearestColumn(x: number, centers: number[]): number | undefined {
	let best = 0;
	for (let j = 1; j < centers.length; j++) if (Math.abs(centers[j] - x) < Math.abs(centers[best] - x)) best = j;
	return Math.abs(centers[best] - x) > tolerance(centers, best) ? undefined : best;
}

/** Rows whose label spelled out the template's (not placed by the order alone). */
const LABEL_READ = new WeakSet<BoundRow>();

function tolerance(centers: number[], j: number): number {
	const gap = Math.min(j > 0 ? centers[j] - centers[j - 1] : Infinity, j + 1 < centers.length ? centers[j + 1] - centers[j] : Infinity);
	return gap * 0.45;
}

/** The column of each value by where it stands, when every value is clearly under one column and in order. */
function placeByPosition(values: Array<{ range: Range }>, centers: number[]): number[] | undefined {
	if (!oneLine(values)) return undefined;
	const out: number[] = [];
	for (const v of values) {
		const x = centerOf(v);
		let best = 0;
		for (let j = 1; j < centers.length; j++) if (Math.abs(centers[j] - x) < Math.abs(centers[best] - x)) best = j;
		if (Math.abs(centers[best] - x) > tolerance(centers, best)) return undefined;
		if (out.length > 0 && best <= out[out.length - 1]) return undefined;
		out.push(best);
	}
	return out;
}

/** A short row placed by position: its numbers in their columns, the columns between them blank. */
function placeCells(bound: BoundRow, values: Array<{ text: string; range: Range }>, columnsOf: number[], columns: TableDef['columns'], inferred: boolean): void {
	const byColumn = new Map(columnsOf.map((j, k) => [j, values[k]]));
	let previous: { range: Range } | undefined;
	columns.forEach((column, j) => {
		const cell = byColumn.get(j);
		if (cell) {
			bound.range = span(bound.range, cell.range);
			bound.cells.set(column.key, { row: bound.def.key, column: column.key, text: cell.text, range: cell.range, value: parseCellValue(cell.text), inferred });
			previous = cell;
			return;
		}
		// An empty cell's place: right after the number before it, or before the first number.
		const at = previous ? previous.range.end : values[0].range.start;
		bound.cells.set(column.key, { row: bound.def.key, column: column.key, text: '', range: { start: at, end: at }, value: parseCellValue(''), inferred });
	});
	bound.valueCount = columns.length;
}

function extendTable(table: BoundTable, r: Range): void {
	table.range = span(table.range, r);
}

const span = rangeUnion;
