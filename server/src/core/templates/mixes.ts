import { FORMAT_2019 } from './format2019.ts';
import { FORMAT_2021 } from './format2021.ts';
import type { TableDef, TemplateDef, TemplateId } from './types.ts';

/**
 * Reports that follow one format but still use another format's tables for one section. Each
 * entry is one mix seen in published reports; adding a mix is adding an entry. A mixed report is
 * checked against the tables it actually has (and told once that they do not fit its year),
 * not against tables it was never going to contain.
 */
export interface FormatMix {
	/** The format the report follows: its sections and the tables of the other sections. */
	base: TemplateId;
	/** The format whose tables the report uses for `section`. */
	tablesFrom: TemplateId;
	section: string;
	/** Where the mix was seen. */
	seen: string;
}

export const FORMAT_MIXES: FormatMix[] = [
	{ base: '2021', tablesFrom: '2019', section: 'active', seen: '平潭综合实验区社会事业局 2021 年度报告（主动公开表格沿用 2019 年试行格式的列）' },
];

const BY_ID: Record<string, TemplateDef> = { '2019': FORMAT_2019, '2021': FORMAT_2021 };
const built = new Map<FormatMix, TemplateDef>();

/** The template of a mix: the base format, with the other format's tables (and their rules) for the mixed section. */
export function mixedTemplate(mix: FormatMix): TemplateDef {
	let t = built.get(mix);
	if (t) return t;
	const base = BY_ID[mix.base];
	const from = BY_ID[mix.tablesFrom];
	const baseTables = new Map(base.tables.map((b) => [b.id, b]));
	// Tables and rows the base format dropped (第二十条第（九）项, 其他对外管理服务事项) may be absent without a finding.
	const borrowed: TableDef[] = from.tables
		.filter((f) => f.section === mix.section)
		.map((f) => {
			const own = baseTables.get(f.id);
			if (!own) return { ...f, required: false };
			const keys = new Set(own.rows.map((r) => r.key));
			return { ...f, rows: f.rows.map((r) => (keys.has(r.key) ? r : { ...r, optional: true })) };
		});
	const ids = new Set(borrowed.map((b) => b.id));
	const tables: TableDef[] = [];
	let placed = false;
	for (const b of base.tables) {
		if (b.section !== mix.section) tables.push(b);
		else if (!placed) {
			tables.push(...borrowed);
			placed = true;
		}
	}
	if (!placed) tables.unshift(...borrowed);
	const rules = [...base.rules.filter((r) => !base.tables.some((b) => b.id === r.table && b.section === mix.section)), ...from.rules.filter((r) => ids.has(r.table))];
	t = { ...base, tables, rules };
	built.set(mix, t);
	return t;
}
