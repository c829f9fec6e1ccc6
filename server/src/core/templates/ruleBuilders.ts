import type { BalanceCode, BalanceRule, CellRef } from './types.ts';

/**
 * Compact ways to write families of balance rules as data. Each builder returns plain
 * BalanceRule entries; a template's rule list is the concatenation of these calls.
 */

/** For every row: `row[total] = Σ row[parts]`. */
export function rowTotals(table: string, rows: string[], parts: string[], total: string, code: BalanceCode = 'balance.row-total'): BalanceRule[] {
	return rows.map((row) => ({
		kind: 'sum',
		id: `${table}.row-total.${row}`,
		code,
		table,
		target: { row, column: total },
		terms: parts.map((column) => ({ row, column })),
	}));
}

/** For every column: `total[column] = Σ parts[column]`. */
export function columnTotals(table: string, columns: string[], parts: string[], total: string, code: BalanceCode, idPart: string): BalanceRule[] {
	return columns.map((column) => ({
		kind: 'sum',
		id: `${table}.${idPart}.${column}`,
		code,
		table,
		target: { row: total, column },
		terms: parts.map((row) => ({ row, column })),
	}));
}

/** For every column: `Σ left[column] = Σ right[column]`. */
export function columnEquations(table: string, columns: string[], left: string[], right: string[], code: BalanceCode, idPart: string): BalanceRule[] {
	return columns.map((column) => ({
		kind: 'equation',
		id: `${table}.${idPart}.${column}`,
		code,
		table,
		left: left.map((row) => ({ row, column })),
		right: right.map((row) => ({ row, column })),
	}));
}

/** One sum between named cells. */
export function sum(table: string, id: string, code: BalanceCode, target: CellRef, terms: CellRef[]): BalanceRule {
	return { kind: 'sum', id: `${table}.${id}`, code, table, target, terms };
}
