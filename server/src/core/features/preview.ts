import { TEMPLATES } from '../templates/index.ts';
import type { Finding, Lang } from '../check/findings.ts';
import type { ReportModel } from '../model.ts';
import type { Range } from '../read/text.ts';
import { tableName } from './names.ts';

/**
 * What the preview draws: the headings, and each statistics table as a grid in the template's
 * order with its group headings, every cell with its range in the text and the findings on it.
 * Plain data, so the webview needs nothing of the core.
 */
export interface PreviewCell {
	text: string;
	range: Range;
	/** The worst finding on the cell, if any. */
	status?: 'error' | 'warning' | 'information';
	/** The findings' messages: the expected value and its formula, for a broken sum. */
	messages: string[];
	inferred: boolean;
}

export interface PreviewRow {
	label: string;
	/** A group heading (三、本年度办理结果) has no cells. */
	group: boolean;
	range?: Range;
	cells: Array<PreviewCell | null>;
}

export interface PreviewTable {
	title: string;
	range: Range;
	columns: string[];
	rows: PreviewRow[];
}

export interface PreviewModel {
	title?: string;
	format: string;
	headings: Array<{ text: string; level: number; range: Range; mandated: boolean }>;
	tables: PreviewTable[];
	counts: { errors: number; warnings: number };
	lang: Lang;
}

const RANK = { error: 3, warning: 2, information: 1, hint: 0 } as const;

export function previewModel(model: ReportModel, findings: Finding[], lang: Lang): PreviewModel {
	const onCell = new Map<string, Finding[]>();
	for (const f of findings) {
		if (f.severity === 'hint') continue;
		const k = `${f.range.start.line}:${f.range.start.character}`;
		onCell.set(k, [...(onCell.get(k) ?? []), f]);
	}
	const tables = model.tables.map((t): PreviewTable => {
		const byKey = new Map(t.rows.filter((r) => r.known).map((r) => [r.def.key, r]));
		const rows: PreviewRow[] = [];
		const cellsOf = (row: (typeof t.rows)[number]) =>
			t.def.columns.map((c): PreviewCell | null => {
				const cell = row.cells.get(c.key);
				if (!cell) return null;
				const on = onCell.get(`${cell.range.start.line}:${cell.range.start.character}`) ?? [];
				const worst = on.reduce<Finding | undefined>((w, f) => (!w || RANK[f.severity] > RANK[w.severity] ? f : w), undefined);
				return { text: cell.text, range: cell.range, messages: on.map((f) => f.message), inferred: cell.inferred, ...(worst && worst.severity !== 'hint' ? { status: worst.severity } : {}) };
			});
		for (const def of t.def.rows) {
			if (def.kind === 'group') {
				rows.push({ label: def.label, group: true, cells: [] });
				continue;
			}
			const row = byKey.get(def.key);
			if (row) rows.push({ label: row.labelText.trim() || def.label, group: false, range: row.labelRange, cells: cellsOf(row) });
		}
		for (const row of t.rows) if (!row.known) rows.push({ label: row.labelText.trim(), group: false, range: row.labelRange, cells: cellsOf(row) });
		// A group heading with no row after it says nothing.
		const shown = rows.filter((r, i) => !r.group || rows.slice(i + 1).some((x) => !x.group));
		return { title: tableName(t, lang), range: t.range, columns: t.def.columns.map((c) => (lang === 'zh' ? (c.group ? `${c.group.zh}·${c.group.header}` : c.label) : c.en)), rows: shown };
	});
	return {
		title: model.metadata.title?.text,
		format: TEMPLATES[model.template.id].name[lang],
		headings: model.headings.map((h) => ({ text: h.ordinal + h.title, level: h.level, range: h.range, mandated: !!h.section })),
		tables,
		counts: { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length },
		lang,
	};
}
