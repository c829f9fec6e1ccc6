import type { Lang } from '../check/findings.ts';
import type { BoundCell, BoundRow, BoundTable, ReportModel, Section } from '../model.ts';
import { rowName, tableName } from './names.ts';
import type { Range } from '../read/text.ts';
import { union } from './locate.ts';

/** An outline entry, shaped like LSP's DocumentSymbol but with a plain kind the adapter maps. */
export interface OutlineNode {
	name: string;
	detail: string;
	kind: 'section' | 'table' | 'row';
	range: Range;
	selectionRange: Range;
	children: OutlineNode[];
}

export interface FoldingRegion {
	startLine: number;
	endLine: number;
}

/**
 * The report as a tree: sections and sub-sections, each statistics table under the section that
 * holds it, each table's rows under it. Tables outside any section stay at the top level in
 * document order, so nothing the checks look at is missing from the outline.
 */
export function outline(model: ReportModel, lang: Lang): OutlineNode[] {
	const nodes = model.sections.map((s) => sectionNode(s, lang));
	const placed = new Set<BoundTable>();
	const mark = (s: Section) => {
		for (const t of s.tables) placed.add(t);
		s.children.forEach(mark);
	};
	model.sections.forEach(mark);
	const loose = model.tables.filter((t) => !placed.has(t)).map((t) => tableNode(t, lang));
	if (loose.length === 0) return nodes;
	return [...nodes, ...loose].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function sectionNode(section: Section, lang: Lang): OutlineNode {
	const h = section.heading;
	const canonical = h.section ? (lang === 'zh' ? h.section.title : h.section.en) : '';
	const name = `${h.ordinal}${h.title}`;
	const children = [...section.children.map((c) => sectionNode(c, lang)), ...section.tables.map((t) => tableNode(t, lang))];
	children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
	return withChildren({ name, detail: canonical === name ? '' : canonical, kind: 'section', range: section.range, selectionRange: h.range, children });
}

function tableNode(table: BoundTable, lang: Lang): OutlineNode {
	const rows = table.rows.map((r) => rowNode(r, lang));
	const selectionRange = table.anchorRange ?? table.rows[0]?.labelRange ?? table.range;
	const detail = lang === 'zh' ? `${table.rows.length} 行 × ${table.def.columns.length} 列` : `${table.rows.length} rows × ${table.def.columns.length} columns`;
	return withChildren({ name: tableName(table, lang), detail, kind: 'table', range: table.range, selectionRange, children: rows });
}

function rowNode(row: BoundRow, lang: Lang): OutlineNode {
	const name = rowName(row, lang) || row.def.label || row.def.key;
	return { name, detail: valuesSummary([...row.cells.values()]), kind: 'row', range: union(row.range, row.labelRange), selectionRange: row.labelRange, children: [] };
}

/** "60 · 4 · 0 · 0 · 1 · 0 · 65": a row's values in column order, blanks as —. */
export function valuesSummary(cells: BoundCell[]): string {
	return cells.map((c) => (c.value.kind === 'blank' ? '—' : c.text)).join(' · ');
}

function withChildren(node: OutlineNode): OutlineNode {
	let range = union(node.range, node.selectionRange);
	for (const c of node.children) range = union(range, c.range);
	return { ...node, range };
}

/** Sections and tables fold; single-line ones do not. */
export function foldingRegions(model: ReportModel): FoldingRegion[] {
	const out: FoldingRegion[] = [];
	const visit = (s: Section) => {
		if (s.range.end.line > s.range.start.line) out.push({ startLine: s.range.start.line, endLine: s.range.end.line });
		s.children.forEach(visit);
	};
	model.sections.forEach(visit);
	for (const t of model.tables) if (t.range.end.line > t.range.start.line) out.push({ startLine: t.range.start.line, endLine: t.range.end.line });
	return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
