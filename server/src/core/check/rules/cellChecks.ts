import { formatValue } from '../../read/cellValue.ts';
import { CODES, message, type Finding, type Lang } from '../findings.ts';
import type { ReportModel } from '../../model.ts';
import { columnName, rowName } from '../../features/names.ts';

/** Cells that are not numbers, negative, fractional counts, or numbers written unusually. */
export function cellFindings(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	for (const table of model.tables) {
		// A table that could not be read is said so once: what stands in its cells may be no cell's.
		if (table.unreadable) continue;
		const columns = new Map(table.def.columns.map((c) => [c.key, c]));
		for (const row of table.rows) {
			if (!row.known) continue;
			for (const cell of row.cells.values()) {
				const column = columns.get(cell.column)!;
				if (column.kind === 'text') continue;
				const v = cell.value;
				const params = { row: rowName(row, lang), column: columnName(table, cell.column, lang), text: cell.text };
				if (v.kind === 'invalid') {
					out.push({ code: 'cell.not-a-number', severity: CODES['cell.not-a-number'].severity, message: message('cell.not-a-number', lang, params), range: cell.range });
					continue;
				}
				if (v.kind !== 'number' || v.notes.length === 0) continue;
				if (v.notes.includes('negative') && !column.allowNegative) {
					out.push({ code: 'cell.negative', severity: CODES['cell.negative'].severity, message: message('cell.negative', lang, params), range: cell.range });
				}
				if (v.notes.includes('fraction') && !column.allowDecimals && !row.def.allowDecimals) {
					out.push({ code: 'cell.fraction', severity: CODES['cell.fraction'].severity, message: message('cell.fraction', lang, params), range: cell.range });
				} else if (cell.inferred) {
					// (A guessed split would be quoted as if it were the cell: 518699.09元 out of 4838518699.09元.)
					continue;
				} else if (['thousands', 'chinese', 'fullwidth', 'unit'].some((n) => v.notes.includes(n as never)) || (v.notes.includes('decimal') && !v.notes.includes('fraction') && !column.allowDecimals && !row.def.allowDecimals)) {
					const newText = formatValue(v.value!);
					out.push({
						code: 'cell.format',
						severity: CODES['cell.format'].severity,
						message: message('cell.format', lang, { text: cell.text, value: newText }),
						range: cell.range,
						fix: { title: lang === 'zh' ? `改写为 ${newText}` : `Write as ${newText}`, edits: [{ range: cell.range, newText }] },
					});
				}
			}
		}
	}
	return out;
}
