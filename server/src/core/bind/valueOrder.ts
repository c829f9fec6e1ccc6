import type { BoundTable } from '../model.ts';
import type { TableBlock } from '../read/layout/types.ts';
import type { Position } from '../read/text.ts';
import { normalizeLabel } from '../read/normalize.ts';
import type { TemplateLabels } from './labels.ts';
import { markUnreadable } from './unreadable.ts';

/**
 * A row without a label of its own (Table 3's one row of 15 numbers) has nothing but the order of
 * its numbers to say which column each is in. Text extracted from a PDF without layout
 * (`pdftotext` raw) follows the page's drawing order, which may print the header words between
 * the numbers: where a header word stands before the number of its own column (…0 总计 0) the order
 * still holds, but where the words between two numbers head other columns (72 64 178 37 结果 结果
 * 其他 复议后起诉 … 12), the numbers were not drawn in the order of the columns, and which column each
 * is in cannot be known. Such a table is said once to be unreadable; its cells are inferred, so no
 * finding rests on the guessed order and none is fixed.
 */
export function judgeValueOrder(table: BoundTable, block: TableBlock, labels: TemplateLabels): void {
	if (table.unreadable || !table.def.unlabeledRow) return;
	const row = table.byKey.get(table.def.unlabeledRow);
	if (!row) return;
	const columns = table.def.columns.filter((c) => c.kind !== 'text');
	const placed = columns.map((c, k) => ({ k, cell: row.cells.get(c.key) })).filter((p) => p.cell !== undefined);
	if (placed.length < 2) return;
	// A column's own header (结果维持, 总计); a group's name (未经复议直接起诉) heads several columns and may be drawn before any of them.
	const texts = columns.map((c) => normalizeLabel(c.group ? c.group.header : c.label));
	const headerWords = block.cells
		.map((c) => ({ at: c.range.start, text: normalizeLabel(c.text) }))
		.filter((w) => w.text !== '' && labels.isHeaderOf(table.def, w.text));
	for (let i = 1; i < placed.length; i++) {
		const from = placed[i - 1].cell!.range.start;
		const to = placed[i].cell!.range.start;
		if (before(to, from)) return markUnordered(table, undefined);
		const gap = headerWords.filter((w) => before(from, w.at) && before(w.at, to));
		if (gap.length === 0) continue;
		// The words between two numbers head the second number's column and, after it, the next ones, in order.
		let at = placed[i].k;
		let first = true;
		for (const w of gap) {
			const heads = (j: number) => texts[j].includes(w.text);
			if (!texts.some((_, j) => heads(j))) continue; // a group's name (复议后起诉, 行政诉讼)
			if (first && !heads(at)) return markUnordered(table, w.text);
			first = false;
			while (at < texts.length && !heads(at)) at++;
			if (at >= texts.length) return markUnordered(table, w.text);
		}
	}
}

function before(a: Position, b: Position): boolean {
	return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function markUnordered(table: BoundTable, word: string | undefined): void {
	markUnreadable(
		table,
		word
			? {
					zh: `表头文字（如“${word}”）夹在数值之间，且不是其后数值所在列的表头：提取的文本未按列序排列数值，无法确定各数值所在的列`,
					en: `header words (e.g. "${word}") stand between its numbers without heading the column of the number after them: the extracted text does not give the numbers in column order, so which column each is in cannot be known`,
				}
			: {
					zh: '提取的文本中数值的先后与列序不符，无法确定各数值所在的列',
					en: 'the numbers of the extracted text are not in column order, so which column each is in cannot be known',
				},
	);
}
