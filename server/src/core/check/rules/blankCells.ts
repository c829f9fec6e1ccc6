import { CODES, message, type Finding, type Lang } from '../findings.ts';
import type { BoundCell, BoundRow, ReportModel } from '../../model.ts';
import { columnName, rowName } from '../../features/names.ts';

/**
 * A cell left empty in a table that writes 0 for what did not happen: an empty cell is no 0, the
 * figure was left out (汉阳区 2022's 规章 with no 现行有效件数; 东城区人力社保局 2018's 依申请公开
 * 信息收取的费用). Only where the text keeps its empty cells as such (a table read cell by cell,
 * not numbers whose columns were inferred) and the empty cells are few, so that empty is not the
 * table's way of writing 0. Totals left empty are cell.blank-total's.
 */
const MOST_BLANK_SHARE = 0.25;

export function blankCellFindings(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	for (const table of model.tables) {
		if (table.unreadable || table.inferred || table.readInOrder || table.blanksLost || table.layout === 'pdf-text' || table.layout === 'glued') continue;
		const totals = new Set(model.template.rules.filter((r) => r.kind === 'sum' && r.table === table.def.id).map((r) => (r.kind === 'sum' ? `${r.target.row}\u0000${r.target.column}` : '')));
		const numberColumns = table.def.columns.filter((c) => c.kind !== 'text');
		const rows = table.rows.filter((r) => r.known && r.def.kind !== 'group' && !r.def.optional);
		let cells = 0;
		let zeros = 0;
		const blanks: Array<{ row: BoundRow; cells: BoundCell[]; whole: boolean }> = [];
		let blankCount = 0;
		for (const row of rows) {
			const empty: BoundCell[] = [];
			let rowCells = 0;
			for (const column of numberColumns) {
				const cell = row.cells.get(column.key);
				if (!cell) continue;
				cells++;
				rowCells++;
				if (cell.inferred) continue;
				const text = cell.text.trim();
				if (text === '') {
					if (!totals.has(`${row.def.key}\u0000${column.key}`)) empty.push(cell);
				} else if (cell.value.kind === 'number' && cell.value.value === 0) zeros++;
			}
			if (empty.length > 0) {
				blanks.push({ row, cells: empty, whole: empty.length === rowCells - [...row.cells.values()].filter((c) => totals.has(`${row.def.key}\u0000${c.column}`)).length });
				blankCount += empty.length;
			}
		}
		// (Empty is this table's way of writing 0, or the table is not yet filled in: table.blank.)
		if (blankCount === 0 || zeros === 0 || blankCount > cells * MOST_BLANK_SHARE) continue;
		for (const b of blanks) {
			const columns = b.cells.map((c) => (lang === 'zh' ? `“${columnName(table, c.column, lang)}”` : `"${columnName(table, c.column, lang)}"`)).join(lang === 'zh' ? '、' : ', ');
			const variant = b.whole && b.cells.length > 1 ? 'row' : undefined;
			out.push({
				code: 'cell.blank',
				severity: CODES['cell.blank'].severity,
				message: message('cell.blank', lang, { row: rowName(b.row, lang), columns }, variant),
				range: variant ? b.row.labelRange : b.cells[0].range,
				data: { table: table.def.id, row: b.row.def.key, columns: b.cells.map((c) => c.column) },
			});
		}
	}
	return out;
}
