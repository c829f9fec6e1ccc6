import type { Lang } from '../check/findings.ts';
import type { BoundCell, BoundRow, BoundTable, ReportModel } from '../model.ts';

/** Human names of template rows, columns and tables in the message language. */

export function rowName(row: BoundRow, lang: Lang): string {
	if (!row.known) return row.labelText;
	return lang === 'zh' ? row.def.label : row.def.en;
}

export function columnName(table: BoundTable, column: string, lang: Lang): string {
	const def = table.def.columns.find((c) => c.key === column);
	if (!def) return column;
	return lang === 'zh' ? def.label : def.en;
}

export function tableName(table: BoundTable, lang: Lang): string {
	return table.def.title[lang];
}

/** "row · column" of a bound cell, found among the model's tables. */
export function cellName(model: ReportModel, cell: BoundCell, lang: Lang): string {
	for (const table of model.tables) {
		const row = table.byKey.get(cell.row);
		if (row?.cells.get(cell.column) === cell) return `${rowName(row, lang)} · ${columnName(table, cell.column, lang)}`;
	}
	return `${cell.row} · ${cell.column}`;
}
