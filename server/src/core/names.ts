import type { Lang } from './findings.ts';
import type { BoundRow, BoundTable } from './model.ts';

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
