import { parseCellValue } from '../read/cellValue.ts';
import type { BoundRow, BoundTable } from '../model.ts';

/**
 * Rows that text copied from a page shows as their label alone, under a row whose numbers fill
 * the columns: cells merged down over rows (`<td rowspan="3">0</td>` ×7 for （六）1–3).
 *
 * A browser's copy (innerText) writes every cell a row has, an empty one too (a TAB, or a no-break
 * space); the cells a merge from the row above covers it does not write at all, so a row of the
 * table with no cell but its label is covered. The page reader (render.ts) counts such a merged
 * number once, in its first row, the rows below it blank; the text cannot show which of the
 * covered rows' columns were merged, so that reading is a guess here: blank cells, inferred
 * (lowered, never written to), not a row with its numbers missing.
 */
export function fillMergedDownRows(table: BoundTable): void {
	if (table.layout !== 'tab-rows' || table.unreadable) return;
	const columns = table.def.columns.filter((c) => c.kind !== 'text');
	const full = (r: BoundRow) => r.known && r.valueCount === columns.length && r.extraCells.length === 0;
	let filled = false;
	for (let k = 1; k < table.rows.length; k++) {
		const row = table.rows[k];
		if (!row.known || row.cells.size > 0 || row.extraCells.length > 0 || !full(table.rows[k - 1])) continue;
		const at = row.labelRange.end;
		for (const column of columns) row.cells.set(column.key, { row: row.def.key, column: column.key, text: '', range: { start: at, end: at }, value: parseCellValue(''), inferred: true, unwritable: true });
		row.valueCount = columns.length;
		filled = true;
	}
	if (!filled) return;
	table.inferred = true;
	table.inferredWhy ??= MERGED_DOWN;
}

const MERGED_DOWN = {
	zh: '有的行只写出行标签、没有单元格（复制网页时，被上一行向下合并的单元格不会写出），这些行按合并读作空白',
	en: 'some rows show only their label and no cell (a page copied as text leaves out the cells a row above merges down over them); they were read as blank, as merged',
};
