import type { Lang } from '../check/findings.ts';
import type { Layout } from '../read/layout/types.ts';
import type { ReportModel } from '../model.ts';
import { columnName, rowName } from './names.ts';
import type { Position, Range } from '../read/text.ts';
import { rangesIntersect } from './locate.ts';

export interface ColumnHint {
	position: Position;
	label: string;
	tooltip: string;
}

/** Layouts that put each cell on a line of its own, so a number's column is nowhere in sight. */
const HIDDEN_COLUMN_LAYOUTS: ReadonlySet<Layout> = new Set(['tab-cells', 'cell-per-line', 'html-table']);

/** The column label after each number cell of such tables, for the cells within `range`. */
export function columnHints(model: ReportModel, range: Range, lang: Lang): ColumnHint[] {
	const out: ColumnHint[] = [];
	for (const table of model.tables) {
		if (!HIDDEN_COLUMN_LAYOUTS.has(table.layout) || !rangesIntersect(table.range, range)) continue;
		for (const row of table.rows) {
			if (!rangesIntersect(row.range, range)) continue;
			for (const cell of row.cells.values()) {
				if (!rangesIntersect(cell.range, range)) continue;
				const column = columnName(table, cell.column, lang);
				out.push({ position: cell.range.end, label: column, tooltip: `${rowName(row, lang) || row.labelText} · ${column}` });
			}
		}
	}
	return out;
}
