import { TEMPLATE_IDS, TEMPLATES, type ExtractedReport } from '../core/index.ts';

/**
 * `nianbao extract --format csv|jsonl`: a folder of reports as one spreadsheet (a row a report, a
 * column a template cell) or as one JSON object a line for pipelines. Column names are the
 * template keys `table.row.column`, stable across releases; formats that share a table share its
 * columns.
 */

export type Extracted = ExtractedReport & { file: string };

/** Every numeric cell of every format, in template order, without repeats. */
export function cellColumns(): string[] {
	const seen = new Set<string>();
	// Newest format first: most reports a folder holds are in it.
	for (const id of [...TEMPLATE_IDS].sort((a, b) => TEMPLATES[b].years[0] - TEMPLATES[a].years[0])) {
		for (const table of TEMPLATES[id].tables) {
			for (const row of table.rows) {
				if (row.kind === 'group') continue;
				for (const column of table.columns) if (column.kind !== 'text') seen.add(`${table.id}.${row.key}.${column.key}`);
			}
		}
	}
	return [...seen];
}

const META = ['file', 'agency', 'year', 'template', 'title'] as const;

function cells(r: Extracted): Map<string, number | null> {
	const out = new Map<string, number | null>();
	for (const t of r.tables) {
		for (const row of t.rows) {
			if (!row.known) continue;
			for (const [column, v] of Object.entries(row.values)) {
				const key = `${t.id}.${row.key}.${column}`;
				// A table that appears twice keeps its first reading, as the checks do. A number whose
				// column is unknown (its row's blank cells were dropped by the extraction) is in no column.
				if (!out.has(key)) out.set(key, v.columnUnknown ? null : v.value);
			}
		}
	}
	return out;
}

function csvField(v: string | number | null | undefined): string {
	if (v === null || v === undefined) return '';
	const s = String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180, CRLF line ends, with a BOM so that Excel reads the Chinese as UTF-8. */
export function formatCsv(reports: Extracted[]): string {
	const columns = cellColumns();
	const lines = [[...META, ...columns].map(csvField).join(',')];
	for (const r of reports) {
		const values = cells(r);
		lines.push([...META.map((m) => csvField(r[m])), ...columns.map((c) => csvField(values.get(c)))].join(','));
	}
	return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** One object a report: the metadata and the cells by their column names (blank cells as null, absent cells left out). */
export function formatJsonl(reports: Extracted[]): string {
	return reports.map((r) => JSON.stringify({ file: r.file, agency: r.agency ?? null, year: r.year ?? null, template: r.template, title: r.title ?? null, cells: Object.fromEntries(cells(r)) }) + '\n').join('');
}
