import type { BoundTable } from '../model.ts';

/**
 * Says once that a table could not be read with confidence, and why: every cell of it is then a
 * guess (its findings lowered, never fixed).
 */
export function markUnreadable(table: BoundTable, why: { zh: string; en: string }): void {
	table.unreadable = why;
	table.inferred = true;
	for (const r of table.rows) for (const c of r.cells.values()) c.inferred = true;
}
