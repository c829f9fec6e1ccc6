import type { RawCell } from '../read/layout/types.ts';
import type { RowDef, TableDef } from '../templates/index.ts';

/**
 * Plain pdftotext writes a label that its cell draws over several lines (vertically centred in a
 * merged cell, or wrapped) where the page has it, not where its numbers are: after its row's
 * numbers, or in a column of labels after the whole table (平潭公安局 2018's 对申请的答复总数 and
 * its 其中 rows: four groups of numbers with no label between 信函申请数 and 其他类型答复数, and the
 * four labels after the table's last row). Where the labels the aligner left alone name exactly as
 * many rows as there are groups of numbers without a label in a gap, and the template puts those
 * rows in that gap, each group is its row, in order. The rows stay inferred (their findings lowered,
 * never fixed): the order, not a label beside them, placed them.
 */

export interface LabelledSegment {
	head?: RawCell;
	label: RawCell[];
	values: RawCell[];
	/** The table whose title stood right before the segment. */
	anchor?: TableDef;
}

export interface OrderedRow {
	table: TableDef;
	row: RowDef;
	width: number;
}

export interface SegmentPair<S, R> {
	segment: S;
	row: R;
	labelRead: boolean;
}

/**
 * The pairs with the groups of numbers placed on the rows their labels elsewhere name (in
 * segment order), and the label segments so used (no longer a sign of labels apart from numbers).
 * `names` says which row of a table a segment's label names, if any.
 */
export function placeByLabelsElsewhere<S extends LabelledSegment, R extends OrderedRow>(
	segments: S[],
	pairs: Array<SegmentPair<S, R>>,
	rows: R[],
	names: (segment: S, table: TableDef) => R | undefined,
	/** A segment made of some of another's numbers, without its label. */
	cut: (from: S, values: RawCell[]) => S,
): { pairs: Array<SegmentPair<S, R>>; used: Set<S> } {
	const cutFrom = new Map<S, S>();
	const split = (g: S, values: RawCell[]) => {
		const part = cut(g, values);
		cutFrom.set(part, g);
		return part;
	};
	/** Segments cut into one group a row: the groups take the segment's place. */
	const replaced = new Map<S, S[]>();
	const used = new Set<S>();
	const pairOf = new Map(pairs.map((p) => [p.segment, p]));
	const rowIndex = new Map(rows.map((r, i) => [r, i]));
	const withValues = new Set(pairs.filter((p) => p.segment.values.length > 0).map((p) => p.row));
	// Labels with no numbers after them that no row took, or that took a row with no numbers.
	const loneLabels = segments.filter((s) => s.head && s.values.length === 0 && !(pairOf.get(s) && withValues.has(pairOf.get(s)!.row)));
	if (loneLabels.length === 0) return { pairs, used };
	const isLoneLabel = new Set(loneLabels);
	const placed = new Map<S, SegmentPair<S, R>>();
	const dropped = new Set<S>();
	const segmentIndex = new Map(segments.map((s, i) => [s, i]));

	// The rows the lone labels name in a table, not yet holding numbers, by template index.
	const namedRows = (table: TableDef) => {
		const out = new Map<R, S>();
		for (const s of loneLabels) {
			if (used.has(s)) continue;
			const r = names(s, table);
			if (r && !withValues.has(r) && r.row.kind !== 'group' && !out.has(r)) out.set(r, s);
		}
		return out;
	};

	// The table whose title stood last before each segment (the label after a title takes it, not the numbers after the header).
	const anchorAt: Array<TableDef | undefined> = [];
	segments.forEach((s, i) => (anchorAt[i] = s.anchor ?? anchorAt[i - 1]));
	type Gap = { inGap: R[]; groups: S[]; named: Map<R, S> };
	const byIndex = (a: R, b: R) => rowIndex.get(a)! - rowIndex.get(b)!;

	// The rows of one table between the pairs around the gap that lone labels name, one a group of the table's width.
	const gapInTable = (table: TableDef, run: S[], before: SegmentPair<S, R> | undefined, after: SegmentPair<S, R> | undefined): Gap | undefined => {
		const width = table.columns.filter((c) => c.kind !== 'text').length;
		if (run.some((g) => g.values.length % width !== 0 || names(g, table) !== undefined)) return undefined;
		const from = before ? rowIndex.get(before.row)! : -1;
		const to = after ? rowIndex.get(after.row)! : rows.length;
		const named = namedRows(table);
		const inGap = [...named.keys()].filter((r) => r.table === table && rowIndex.get(r)! > from && rowIndex.get(r)! < to).sort(byIndex);
		if (inGap.length * width !== run.reduce((n, g) => n + g.values.length, 0)) return undefined;
		// (Plain pdftotext runs the rows of such a gap together: one group a row, by the table's width.)
		const groups = run.flatMap((g) => (g.values.length === width ? [g] : chunks(g.values, width).map((values) => split(g, values))));
		return { inGap, groups, named };
	};

	// Numbers of small tables one after another (行政事业性收费's 0 0, then 政府集中采购's 6 251000元, each label
	// before its header): from the titled table on, up to the next numbers a row took, the rows lone labels
	// name, in the template's order, cut the numbers by each row's width, using them all.
	const gapAcrossTables = (first: TableDef, run: S[]): Gap | undefined => {
		const after = firstPairAfter(pairs, segmentIndex, run[run.length - 1]);
		const start = rows.findIndex((r) => r.table === first);
		const to = after ? rowIndex.get(after.row)! : rows.length;
		if (start === -1 || to <= start) return undefined;
		const tables = [...new Set(rows.slice(start, to).map((r) => r.table))];
		if (tables.length < 2 || run.some((g) => tables.some((t) => names(g, t) !== undefined))) return undefined;
		const named = new Map<R, S>();
		for (const t of tables) for (const [r, label] of namedRows(t)) if (rowIndex.get(r)! >= start && rowIndex.get(r)! < to && ![...named.values()].includes(label)) named.set(r, label);
		const inGap = [...named.keys()].sort(byIndex);
		const values = run.flatMap((g) => g.values);
		if (inGap.length < 2 || inGap.reduce((n, r) => n + r.width, 0) !== values.length) return undefined;
		let at = 0;
		const groups = inGap.map((r) => {
			const part = values.slice(at, (at += r.width));
			return split(run[0], part);
		});
		return { inGap, groups, named };
	};

	// (A group may open with a word that names no row: the unit 条 of a 统计表's 计量单位 column.)
	const unpairedNumbers = (s: S) => !pairOf.has(s) && s.values.length > 0;
	for (let i = 0; i < segments.length; ) {
		if (!unpairedNumbers(segments[i])) {
			i++;
			continue;
		}
		let j = i;
		// (A table's title starts the next table's gap.)
		while (j < segments.length && unpairedNumbers(segments[j]) && (j === i || !segments[j].anchor)) j++;
		const run = segments.slice(i, j);
		i = j;
		// The table the numbers are in (the one whose title stood last before them, or the rows
		// around them), and its rows around the gap.
		const anchored = anchorAt[segmentIndex.get(run[0])!];
		const before = lastPairBefore(pairs, segmentIndex, run[0], anchored);
		const after = firstPairAfter(pairs, segmentIndex, run[run.length - 1], anchored);
		const table = anchored ?? (after ?? before)?.row.table;
		if (!table || (before && after && before.row.table !== after.row.table)) continue;
		const gap = gapInTable(table, run, before, after) ?? (anchored ? gapAcrossTables(anchored, run) : undefined);
		if (!gap) continue;
		const { inGap, groups, named } = gap;
		for (const g of run) if (!groups.includes(g)) replaced.set(g, groups.filter((x) => cutFrom.get(x) === g));
		groups.forEach((g, k) => {
			placed.set(g, { segment: g, row: inGap[k], labelRead: false });
			const label = named.get(inGap[k])!;
			used.add(label);
			if (pairOf.has(label)) dropped.add(label);
			withValues.add(inGap[k]);
		});
	}

	// Numbers the order gave a row whose label the text never shows, right before a lone label of
	// another row of that table: they are that label's (the label printed after its numbers).
	for (const p of pairs) {
		if (p.labelRead || p.segment.values.length !== p.row.width) continue;
		const next = segments[segmentIndex.get(p.segment)! + 1];
		if (!next || !isLoneLabel.has(next) || used.has(next)) continue;
		const r = names(next, p.row.table);
		if (!r || r === p.row || withValues.has(r) || r.row.kind === 'group' || segments.some((s) => s !== next && names(s, p.row.table) === p.row)) continue;
		placed.set(p.segment, { segment: p.segment, row: r, labelRead: false });
		used.add(next);
		if (pairOf.has(next)) dropped.add(next);
		withValues.delete(p.row);
		withValues.add(r);
	}

	if (placed.size === 0) return { pairs, used };
	const out: Array<SegmentPair<S, R>> = [];
	for (const s of segments) {
		for (const part of replaced.get(s) ?? [s]) {
			const p = placed.get(part) ?? (dropped.has(part) ? undefined : pairOf.get(part));
			if (p) out.push(p);
		}
	}
	return { pairs: out, used };
}

/** The last pair with numbers before the segment (of the table, when given). */
function lastPairBefore<S extends LabelledSegment, R extends OrderedRow>(pairs: Array<SegmentPair<S, R>>, index: Map<S, number>, s: S, table?: TableDef): SegmentPair<S, R> | undefined {
	const at = index.get(s)!;
	let best: SegmentPair<S, R> | undefined;
	for (const p of pairs) if (index.get(p.segment)! < at && p.segment.values.length > 0 && (!table || p.row.table === table)) best = p;
	return best;
}

/** The first pair with numbers after the segment (of the table, when given). */
function firstPairAfter<S extends LabelledSegment, R extends OrderedRow>(pairs: Array<SegmentPair<S, R>>, index: Map<S, number>, s: S, table?: TableDef): SegmentPair<S, R> | undefined {
	const at = index.get(s)!;
	for (const p of pairs) if (index.get(p.segment)! > at && p.segment.values.length > 0 && (!table || p.row.table === table)) return p;
	return undefined;
}

function chunks<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}
