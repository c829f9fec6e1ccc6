import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, type BoundCell, type ReportModel } from '../server/src/core/index.ts';

export const SEEDS_DIR = join(__dirname, 'fixtures', 'seeds');
export const SEEDS = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();

export function readSeed(name: string): string {
	return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

/** Replaces one cell's text and returns the new document text. */
export function withCell(text: string, cell: BoundCell, newText: string): string {
	return applyEdits(text, [{ range: cell.range, newText }]);
}

/** Every bound value cell of a model, with its table index. */
export function allCells(model: ReportModel): Array<{ table: number; cell: BoundCell }> {
	const out: Array<{ table: number; cell: BoundCell }> = [];
	model.tables.forEach((t, table) => {
		for (const row of t.rows) for (const cell of row.cells.values()) if (t.def.columns.find((c) => c.key === cell.column)?.kind !== 'text') out.push({ table, cell });
	});
	return out;
}

/** Compact view of a model's tables: table id → row key → values in column order (null for blank). */
export function tableValues(model: ReportModel): Array<{ id: string; layout: string; rows: Record<string, Array<number | null>> }> {
	return model.tables.map((t) => ({
		id: t.def.id,
		layout: t.layout,
		rows: Object.fromEntries(
			t.rows.map((r) => [
				r.known ? r.def.key : r.labelText,
				t.def.columns.filter((c) => c.kind !== 'text').map((c) => r.cells.get(c.key)?.value.value ?? null),
			]),
		),
	}));
}

/** Top-level sections with their mandated keys and the tables each holds. */
export function outline(model: ReportModel): Array<{ heading: string; section: string | null; tables: string[]; children: string[] }> {
	return model.sections.map((s) => ({
		heading: s.heading.ordinal + s.heading.title,
		section: s.heading.section?.key ?? null,
		tables: s.tables.map((t) => t.def.id),
		children: s.children.map((c) => c.heading.ordinal + c.heading.title),
	}));
}
