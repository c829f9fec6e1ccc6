import { formatValue } from '../read/cellValue.ts';
import type { Lang } from '../check/findings.ts';
import type { ReportModel } from '../model.ts';
import { cellName, columnName, rowName, tableName } from './names.ts';
import type { Position, Range } from '../read/text.ts';
import { cellLabel, cellRole, formulaText, tableBalance, verdictText } from './balanceInfo.ts';
import { targetAt } from './locate.ts';

export interface HoverContent {
	/** Markdown. */
	markdown: string;
	range: Range;
}

/**
 * What a reader wants to know about the thing under the cursor: for a number, where it sits in
 * its table and how it adds up; for a heading, which mandated section it is.
 */
export function hoverAt(model: ReportModel, position: Position, lang: Lang): HoverContent | undefined {
	const target = targetAt(model, position);
	if (!target) return undefined;
	const zh = lang === 'zh';
	switch (target.kind) {
		case 'cell': {
			const { table, row, cell } = target;
			const column = cell.columnUnknown ? (zh ? '（列不明）' : '(column unknown)') : columnName(table, cell.column, lang);
			const lines = [`**${tableName(table, lang)}**`, '', `${rowName(row, lang) || row.labelText} · ${column}`, ''];
			const v = cell.value;
			const shown = v.kind === 'number' ? formatValue(v.value!) : v.kind === 'blank' ? (zh ? '（空）' : '(blank)') : zh ? `“${cell.text}”（不是数字）` : `"${cell.text}" (not a number)`;
			lines.push(`${zh ? '值：' : 'Value: '}${shown}`);
			const role = cellRole(model, table, cell);
			for (const ev of role.asTotal) lines.push('', '`' + formulaText(ev, lang) + '`　' + verdictText(ev, lang));
			if (role.asTerm.length > 0) {
				lines.push('', zh ? '计入：' : 'Counted in:');
				for (const ev of role.asTerm) {
					const inst = ev.instance;
					const what = inst.target ? cellLabel(table, inst.target, lang) : zh ? '勾稽关系：' + formulaText(ev, lang) : 'balance identity: ' + formulaText(ev, lang);
					lines.push(`- ${what}　${verdictText(ev, lang)}`);
				}
			}
			if (cell.columnUnknown) lines.push('', zh ? '_提取的文本丢掉了这一行的空白单元格：此数属于本行，但所在的列无法确定，只核对本行各项之和。_' : "_The extracted text dropped this row's blank cells: this number is the row's, but its column is unknown; only the row's sum is checked._");
			else if (cell.placedInOrder) lines.push('', zh ? '_行标签与数值被分开提取：此数所在的行和列按原文数值的先后推定（各项合计印证了这一顺序），核对结果仅供参考。_' : '_Row labels were extracted apart from the numbers: this number\'s row and column follow from the order of the numbers (which the sums bear out); checks are indicative._');
			else if (cell.inferred && table.inferredWhy) lines.push('', zh ? `_此单元格系推断：${table.inferredWhy.zh.replace(/^的/, '')}。_` : `_This cell was inferred: ${table.inferredWhy.en}._`);
			else if (cell.inferred) lines.push('', zh ? '_此单元格系从粘连文本中推断拆分。_' : '_This cell was split from run-together text by inference._');
			return { markdown: lines.join('\n'), range: cell.range };
		}
		case 'row': {
			const { table, row } = target;
			const lines = [`**${tableName(table, lang)}**`, '', row.known ? `${zh ? '行：' : 'Row: '}${rowName(row, lang)}` : zh ? `“${row.labelText}”不是模板中的行` : `"${row.labelText}" is not a row of the template`];
			return { markdown: lines.join('\n'), range: row.labelRange };
		}
		case 'table': {
			const { table } = target;
			const { checked, failing } = tableBalance(model, table);
			// "✓ all 0 rules hold" would be true only vacuously: a table with nothing to check says so.
			const state =
				checked === 0
					? zh ? '无可核对的勾稽关系' : 'no balance rule to check'
					: failing === 0 ? (zh ? `✓ ${checked} 项勾稽关系均成立` : `✓ all ${checked} balance rules hold`) : zh ? `✗ ${failing} 项勾稽关系不成立（共 ${checked} 项）` : `✗ ${failing} of ${checked} balance rules fail`;
			return { markdown: [`**${tableName(table, lang)}**`, '', model.template.name[lang], '', state].join('\n'), range: table.anchorRange! };
		}
		case 'claim': {
			const { claim } = target;
			const lines = [`**${zh ? '正文数字' : 'Number in the text'}**${zh ? '：' : ': '}${claim.subject[lang]} ${claim.value}`, ''];
			if (claim.cells.length === 0) lines.push(zh ? '本格式的统计表中没有对应的单元格。' : 'The tables of this format have no cell for it.');
			else {
				const readable = claim.cells.every((c) => c.value.kind === 'number');
				const actual = claim.cells.reduce((a, c) => a + (c.value.value ?? 0), 0);
				for (const c of claim.cells) lines.push(`- ${cellName(model, c, lang)} = ${c.value.kind === 'number' ? c.value.value : zh ? '（空）' : '(blank)'}`);
				const other = claim.alsoCounts && claim.alsoCounts.length > 0 && claim.alsoCounts.every((c) => c.value.kind === 'number') ? claim.alsoCounts : undefined;
				const agreesWithOther = actual !== claim.value && other !== undefined && other.reduce((a, c) => a + c.value.value!, 0) === claim.value;
				const verdict = !readable
					? zh ? '统计表中的单元格未填写，无法核对。' : 'The table cell is not filled in, so this cannot be checked.'
					: actual === claim.value
						? zh ? '✓ 与统计表一致' : '✓ agrees with the table'
						: agreesWithOther
							? zh ? `✓ 与统计表一致：${other.map((c) => cellName(model, c, lang)).join(' + ')} = ${claim.value}（这一说法也可指此）` : `✓ agrees with the table: ${other.map((c) => cellName(model, c, lang)).join(' + ')} = ${claim.value} (the words may mean these)`
							: zh ? `✗ 统计表中为 ${actual}` : `✗ the table has ${actual}`;
				lines.push('', verdict);
			}
			return { markdown: lines.join('\n'), range: claim.range };
		}
		case 'heading': {
			const h = target.heading;
			const lines: string[] = [];
			if (h.section) {
				const n = model.template.sections.indexOf(h.section) + 1;
				const canonical = zh ? h.section.title : h.section.en;
				lines.push(zh ? `规定章节：第 ${n} 部分 **${canonical}**` : `Mandated section ${n}: **${canonical}**`, '', model.template.name[lang]);
				if (!h.section.required) lines.push('', zh ? '（非必备章节）' : '(optional section)');
			} else if (h.level === 1) {
				lines.push(zh ? `不是${model.template.name.zh}规定的章节` : `Not a section mandated by the ${model.template.name.en}`);
			} else {
				lines.push(zh ? `${h.level} 级标题` : `Level-${h.level} heading`);
			}
			return { markdown: lines.join('\n'), range: h.range };
		}
	}
}
