import type { ReportModel, Section } from '../model.ts';
import type { Range } from '../read/text.ts';

/** The model as plain JSON, for evaluators who aggregate thousands of reports. */
export interface ExtractedReport {
	template: string;
	templateSource: string;
	title?: string;
	agency?: string;
	year?: number;
	sections: ExtractedSection[];
	tables: ExtractedTable[];
	/** Numbers the prose states, with the cells they were bound to. */
	claims: Array<{ id: string; value: number; text: string; range: Range; cells: Array<{ table: string; row: string; column: string; value: number | null }> }>;
}

interface ExtractedSection {
	heading: string;
	level: number;
	mandated?: string;
	range: Range;
	children: ExtractedSection[];
}

interface ExtractedTable {
	id: string;
	title: string;
	layout: string;
	range: Range;
	/** Why the table could not be read with confidence (its values are then indicative only). */
	unreadable?: { zh: string; en: string };
	columns: Array<{ key: string; label: string }>;
	rows: Array<{
		key: string;
		label: string;
		known: boolean;
		/** `columnUnknown`: the row's number, in an item column that cannot be known (its blank cells were dropped by the extraction). */
		values: Record<string, { value: number | null; text: string; range: Range; inferred?: boolean; columnUnknown?: boolean }>;
	}>;
}

export function extractReport(model: ReportModel): ExtractedReport {
	return {
		template: model.template.id,
		templateSource: model.templateSource,
		title: model.metadata.title?.text,
		agency: model.metadata.agency,
		year: model.metadata.year,
		sections: model.sections.map(extractSection),
		claims: model.claims.map((c) => ({
			id: c.id,
			value: c.value,
			text: c.text,
			range: c.valueRange,
			cells: c.cells.map((cell) => ({ table: model.tables.find((t) => t.byKey.get(cell.row)?.cells.get(cell.column) === cell)?.def.id ?? '', row: cell.row, column: cell.column, value: cell.value.value })),
		})),
		tables: model.tables.map((t) => ({
			id: t.def.id,
			title: t.def.title.zh,
			layout: t.layout,
			range: t.range,
			...(t.unreadable ? { unreadable: t.unreadable } : {}),
			columns: t.def.columns.map((c) => ({ key: c.key, label: c.label })),
			rows: t.rows.map((r) => ({
				key: r.def.key,
				label: r.known ? r.def.label : r.labelText,
				known: r.known,
				values: Object.fromEntries(
					[...r.cells.values()].map((c) => [c.column, { value: c.value.value, text: c.text, range: c.range, ...(c.inferred ? { inferred: true } : {}), ...(c.columnUnknown ? { columnUnknown: true } : {}) }]),
				),
			})),
		})),
	};
}

function extractSection(s: Section): ExtractedSection {
	return {
		heading: s.heading.ordinal + s.heading.title,
		level: s.heading.level,
		mandated: s.heading.section?.key,
		range: s.range,
		children: s.children.map(extractSection),
	};
}

