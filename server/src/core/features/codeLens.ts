import type { Finding, Lang } from '../check/findings.ts';
import type { ReportModel } from '../model.ts';
import type { Range } from '../read/text.ts';
import { tableBalance, tableFixEdits } from './balanceInfo.ts';
import { rangeWithin } from './locate.ts';

export interface TableLens {
	range: Range;
	tableIndex: number;
	/** "✓ 勾稽平衡" or "✗ 3 处勾稽问题". */
	status: string;
	/** The title of the fix command, when some total of the table can be recomputed. */
	fixTitle?: string;
}

/** Findings that say a table does not add up. */
export function isBalanceFinding(f: Pick<Finding, 'code'>): boolean {
	return f.code.startsWith('balance.') || f.code === 'cell.blank-total';
}

/**
 * One lens per statistics table: whether it balances (counted from the findings the user sees,
 * so a rule turned off in settings does not count) and a fix when a total can be recomputed.
 */
export function tableLenses(model: ReportModel, findings: readonly Pick<Finding, 'code' | 'range'>[], lang: Lang): TableLens[] {
	const zh = lang === 'zh';
	return model.tables.map((table, tableIndex) => {
		const problems = findings.filter((f) => isBalanceFinding(f) && rangeWithin(f.range, table.range)).length;
		// A table with no rule that could be checked (the 第二十条 tables have none) does not "balance": it says so.
		const checkable = problems > 0 || tableBalance(model, table).checked > 0;
		const status = !checkable ? (zh ? '无可核对的勾稽关系' : 'no balance rule to check') : problems === 0 ? (zh ? '✓ 勾稽平衡' : '✓ balances') : zh ? `✗ ${problems} 处勾稽问题` : `✗ ${problems} balance problem${problems === 1 ? '' : 's'}`;
		const fixes = tableFixEdits(model, table).length;
		const fixTitle = fixes === 0 ? undefined : zh ? `修正本表合计（${fixes} 处）` : `Fix this table's totals (${fixes})`;
		const at = table.anchorRange ?? table.range;
		return { range: { start: at.start, end: at.start }, tableIndex, status, fixTitle };
	});
}
