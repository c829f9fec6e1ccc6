import { CODES, message, type Finding, type Lang } from '../findings.ts';
import type { Heading, ReportModel } from '../../model.ts';
import { rowName } from '../../features/names.ts';
import { TEMPLATES } from '../../templates/index.ts';
import type { Range } from '../../read/text.ts';

/** Mandated sections: missing, duplicated, out of order. */
export function sectionFindings(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	const { template } = model;
	const severity = template.sectionSeverity;
	const first = new Map<string, Heading>();
	for (const h of model.headings) {
		if (!h.section) continue;
		const seen = first.get(h.section.key);
		if (!seen) {
			first.set(h.section.key, h);
			continue;
		}
		out.push({
			code: 'section.duplicate',
			severity: CODES['section.duplicate'].severity,
			message: message('section.duplicate', lang, { section: h.section[lang === 'zh' ? 'title' : 'en'], firstLine: seen.line + 1 }),
			range: h.range,
			related: [{ range: seen.range, message: lang === 'zh' ? '第一次出现' : 'first occurrence' }],
		});
	}

	const order = template.sections.map((s) => s.key);
	const present = [...first.values()].sort((a, b) => a.line - b.line);
	const inOrder = longestIncreasing(present.map((h) => order.indexOf(h.section!.key)));
	present.forEach((h, i) => {
		if (inOrder.has(i)) return;
		const idx = order.indexOf(h.section!.key);
		const before = template.sections.slice(0, idx).reverse().find((s) => first.has(s.key));
		out.push({
			code: 'section.order',
			severity,
			message: message('section.order', lang, { section: h.section![lang === 'zh' ? 'title' : 'en'], after: before ? before[lang === 'zh' ? 'title' : 'en'] : '' }),
			range: h.range,
		});
	});

	template.sections.forEach((s, i) => {
		if (!s.required || first.has(s.key)) return;
		const next = template.sections.slice(i + 1).find((n) => first.has(n.key));
		const previous = template.sections.slice(0, i).reverse().find((n) => first.has(n.key));
		const range = next ? first.get(next.key)!.range : previous ? first.get(previous.key)!.range : startOfReport(model);
		out.push({
			code: 'section.missing',
			severity,
			message: message('section.missing', lang, { section: s[lang === 'zh' ? 'title' : 'en'], template: template.name[lang], number: i + 1 }),
			range,
			data: { section: s.key },
		});
	});
	return out;
}

/** Tables: missing tables and rows, rows with the wrong number of cells, duplicated and unknown rows. */
export function tableFindings(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	const { template } = model;
	const bound = new Set(model.tables.map((t) => t.def));
	for (const def of template.tables) {
		if (!def.required || bound.has(def)) continue;
		const heading = model.headings.find((h) => h.section?.key === def.section);
		out.push({
			code: 'table.missing',
			severity: CODES['table.missing'].severity,
			message: message('table.missing', lang, { table: def.title[lang], template: template.name[lang] }),
			range: heading?.range ?? startOfReport(model),
			data: { table: def.id },
		});
	}
	for (const table of model.tables) {
		const where = table.anchorRange ?? table.range;
		for (const def of table.def.rows) {
			if (def.kind === 'group' || def.optional || table.byKey.has(def.key)) continue;
			out.push({
				code: 'table.missing-row',
				severity: CODES['table.missing-row'].severity,
				message: message('table.missing-row', lang, { table: table.def.title[lang], row: lang === 'zh' ? def.label : def.en }),
				range: { start: where.start, end: where.start.line === where.end.line ? where.end : where.start },
				data: { table: table.def.id, row: def.key },
			});
		}
		const valueColumns = table.def.columns.filter((c) => c.kind !== 'text').length;
		for (const row of table.rows) {
			const actual = row.valueCount + row.extraCells.length;
			if (row.known && actual !== valueColumns) {
				out.push({
					code: 'table.cell-count',
					severity: CODES['table.cell-count'].severity,
					message: message('table.cell-count', lang, { row: rowName(row, lang), expected: valueColumns, actual }),
					range: row.labelRange,
				});
			}
			if (!row.known) {
				out.push({
					code: 'table.unknown-row',
					severity: CODES['table.unknown-row'].severity,
					message: message('table.unknown-row', lang, { row: row.labelText, template: template.name[lang] }),
					range: row.labelRange,
				});
			}
		}
		for (const row of table.duplicateRows) {
			out.push({
				code: 'table.duplicate-row',
				severity: CODES['table.duplicate-row'].severity,
				message: message('table.duplicate-row', lang, { row: rowName(row, lang), table: table.def.title[lang] }),
				range: row.labelRange,
			});
		}
		if (table.inferred) {
			out.push({
				code: 'table.inferred',
				severity: CODES['table.inferred'].severity,
				message: message('table.inferred', lang, { table: table.def.title[lang] }),
				range: where,
			});
		}
	}
	const year = model.metadata.year;
	if (model.tableTemplate && year !== undefined) {
		const actual = TEMPLATES[model.tableTemplate];
		const [from, to] = actual.years;
		if (year >= 2008 && (year < from || year > to)) {
			const fitting = Object.values(TEMPLATES).find((t) => year >= t.years[0] && year <= t.years[1]);
			const firstTable = model.tables.find((t) => t.def.section !== 'appeals' && t.def.id !== 'requests') ?? model.tables[0];
			out.push({
				code: 'template.year-mismatch',
				severity: CODES['template.year-mismatch'].severity,
				message: message('template.year-mismatch', lang, { year, expected: fitting?.name[lang] ?? '', actual: actual.name[lang] }),
				range: firstTable ? (firstTable.anchorRange ?? firstTable.range) : startOfReport(model),
			});
		}
	}
	return out;
}

/** Indices of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: number[]): Set<number> {
	const tails: number[] = [];
	const prev: number[] = new Array(values.length).fill(-1);
	for (let i = 0; i < values.length; i++) {
		let lo = 0;
		let hi = tails.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (values[tails[mid]] < values[i]) lo = mid + 1;
			else hi = mid;
		}
		if (lo > 0) prev[i] = tails[lo - 1];
		tails[lo] = i;
	}
	const keep = new Set<number>();
	for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
	return keep;
}

function startOfReport(model: ReportModel): Range {
	const first = model.index.lines.findIndex((l) => l.trim() !== '');
	const line = first === -1 ? 0 : first;
	return { start: { line, character: 0 }, end: { line, character: model.index.lines[line].length } };
}
