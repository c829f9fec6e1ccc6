import type { BoundCell, BoundRow, BoundTable, Claim, Heading, ReportModel } from '../model.ts';
import { comparePositions, rangeContains, rangeUnion, type Position, type Range } from '../read/text.ts';

/** What sits under a position: a number cell, a row label, a table's title, a claim of the prose, or a heading. */
export type Target =
	| { kind: 'cell'; table: BoundTable; tableIndex: number; row: BoundRow; cell: BoundCell }
	| { kind: 'row'; table: BoundTable; tableIndex: number; row: BoundRow }
	| { kind: 'table'; table: BoundTable; tableIndex: number }
	| { kind: 'claim'; claim: Claim }
	| { kind: 'heading'; heading: Heading };

export function targetAt(model: ReportModel, p: Position): Target | undefined {
	for (let i = 0; i < model.tables.length; i++) {
		const table = model.tables[i];
		if (!rangeContains(table.range, p)) continue;
		for (const row of table.rows) {
			if (!rangeContains(row.range, p) && !rangeContains(row.labelRange, p)) continue;
			// A cell with text before a blank one's empty place beside it (a blank stands where it would be written).
			let blank: BoundCell | undefined;
			for (const cell of row.cells.values()) {
				if (!rangeContains(cell.range, p)) continue;
				if (cell.text !== '') return { kind: 'cell', table, tableIndex: i, row, cell };
				blank ??= cell;
			}
			if (blank) return { kind: 'cell', table, tableIndex: i, row, cell: blank };
			if (row.labelText && rangeContains(row.labelRange, p)) return { kind: 'row', table, tableIndex: i, row };
		}
		if (table.anchorRange && rangeContains(table.anchorRange, p)) return { kind: 'table', table, tableIndex: i };
	}
	for (const claim of model.claims) if (rangeContains(claim.range, p)) return { kind: 'claim', claim };
	// Headings are sorted by line: a binary search keeps hovers cheap on very long documents.
	const hs = model.headings;
	let lo = 0;
	let hi = hs.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const h = hs[mid];
		if (h.line < p.line) lo = mid + 1;
		else if (h.line > p.line) hi = mid - 1;
		else return rangeContains(h.range, p) ? { kind: 'heading', heading: h } : undefined;
	}
	return undefined;
}

export function rangesIntersect(a: Range, b: Range): boolean {
	return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** The smallest range holding both: LSP clients reject a symbol whose selection lies outside it. */
export const union = rangeUnion;

export function rangeWithin(inner: Range, outer: Range): boolean {
	return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}
