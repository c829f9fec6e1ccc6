import { cellAt } from '../balance.ts';
import { formatValue } from '../../read/cellValue.ts';
import { CODES, message, type Finding, type Lang } from '../findings.ts';
import type { ReportMetadata, ReportModel } from '../../model.ts';
import { normalizeLabel } from '../../read/normalize.ts';
import { CROSS_YEAR_RULES } from '../../templates/crossYear.ts';
import { TEMPLATES, type TemplateId } from '../../templates/index.ts';
import type { Range } from '../../read/text.ts';
import { copiedTextFindings, sentenceFacts, type SentenceFact } from './copiedTextChecks.ts';

/**
 * What the year-over-year rules need of a report: its format, agency, year and the cells the
 * rules name. Plain data, so the CLI's worker threads can hand it back instead of a whole model.
 */
export interface YearFacts {
	template: TemplateId;
	agency?: string;
	year?: number;
	/** By `table/row/column`: the value (null when blank), its range, and whether it was guessed. */
	cells: Record<string, { value: number | null; readable: boolean; inferred: boolean; range: Range }>;
	/** The sentences compared for copied text (hashes, not the text). */
	sentences: SentenceFact[];
}

const cellId = (table: string, row: string, column: string) => `${table}/${row}/${column}`;

export function yearFacts(model: ReportModel): YearFacts {
	const cells: YearFacts['cells'] = {};
	const tables = new Map<string, ReportModel['tables'][number]>();
	for (const t of model.tables) if (!tables.has(t.def.id)) tables.set(t.def.id, t);
	for (const rule of CROSS_YEAR_RULES) {
		const table = tables.get(rule.table);
		if (!table) continue;
		for (const ref of [rule.target, ...rule.terms]) {
			const c = cellAt(table, ref);
			if (c) cells[cellId(rule.table, ref.row, ref.column)] = { value: c.value.value, readable: c.value.kind !== 'invalid', inferred: c.inferred, range: c.range };
		}
	}
	return { template: model.template.id, agency: model.metadata.agency, year: model.metadata.year, cells, sentences: sentenceFacts(model) };
}

/** Whether two reports are by the same agency: equal names, or one the other with its place prefix dropped. */
export function sameAgency(a: { metadata: Pick<ReportMetadata, 'agency'> }, b: { metadata: Pick<ReportMetadata, 'agency'> }): boolean {
	const x = a.metadata.agency && normalizeLabel(a.metadata.agency);
	const y = b.metadata.agency && normalizeLabel(b.metadata.agency);
	if (!x || !y) return false;
	if (x === y) return true;
	const [short, long] = x.length < y.length ? [x, y] : [y, x];
	return short.length >= MIN_AGENCY && long.endsWith(short);
}

/** The shortest name that may stand for a longer one (西城区人力资源和社会保障局 for 北京市西城区…). */
const MIN_AGENCY = 6;

/**
 * Pairs each report with the same agency's report for the year before, where both are given.
 * Names are indexed by every suffix, so a province's tens of thousands of reports pair in linear time.
 */
export function pairByYear<T extends { agency?: string; year?: number }>(reports: T[]): Array<{ current: T; previous: T }> {
	const bySuffix = new Map<string, T>();
	const byName = new Map<string, T>();
	for (const r of reports) {
		if (r.year === undefined || !r.agency) continue;
		const name = normalizeLabel(r.agency);
		if (!byName.has(`${r.year}|${name}`)) byName.set(`${r.year}|${name}`, r);
		for (let i = 0; i + MIN_AGENCY <= name.length; i++) {
			const key = `${r.year}|${name.slice(i)}`;
			if (!bySuffix.has(key)) bySuffix.set(key, r);
		}
	}
	const pairs: Array<{ current: T; previous: T }> = [];
	for (const current of reports) {
		if (current.year === undefined || !current.agency) continue;
		const name = normalizeLabel(current.agency);
		const y = current.year - 1;
		// Last year's name equal to or ending with this one, else one of this name's own suffixes.
		let previous = bySuffix.get(`${y}|${name}`) ?? byName.get(`${y}|${name}`);
		for (let i = 1; !previous && i + MIN_AGENCY <= name.length; i++) previous = byName.get(`${y}|${name.slice(i)}`);
		if (previous && previous !== current) pairs.push({ current, previous });
	}
	return pairs;
}

/** This year against last year: carry-over (an error) and stock chains (warnings), on this year's cells. */
export function crossYearFindings(current: ReportModel | YearFacts, previous: ReportModel | YearFacts, previousFile: string, lang: Lang = 'zh'): Finding[] {
	const cur = 'cells' in current ? current : yearFacts(current);
	const prev = 'cells' in previous ? previous : yearFacts(previous);
	const out: Finding[] = [];
	for (const rule of CROSS_YEAR_RULES) {
		if (!rule.formats.some(([p, c]) => p === prev.template && c === cur.template)) continue;
		const target = cur.cells[cellId(rule.table, rule.target.row, rule.target.column)];
		const terms = rule.terms.map((t) => ({ term: t, cell: (t.report === 'current' ? cur : prev).cells[cellId(rule.table, t.row, t.column)] }));
		if (!target || target.value === null || !target.readable || target.inferred) continue;
		if (terms.some(({ cell }) => !cell || !cell.readable || cell.inferred)) continue;
		const expected = terms.reduce((a, { term, cell }) => a + term.sign * (cell!.value ?? 0), 0);
		const actual = target.value;
		if (Math.abs(expected - actual) < 1e-9) continue;
		const table = TEMPLATES[cur.template].tables.find((t) => t.id === rule.table)!;
		const label = (column: string) => {
			const c = table.columns.find((x) => x.key === column);
			return c ? (lang === 'zh' ? c.label : c.en) : column;
		};
		const row = table.rows.find((r) => r.key === rule.target.row)!;
		const formula = terms.map(({ term, cell }, i) => `${i === 0 ? '' : term.sign > 0 ? ' + ' : ' − '}${cell!.value ?? 0}`).join('');
		out.push({
			code: rule.code,
			severity: CODES[rule.code].severity,
			message: message(rule.code, lang, {
				column: label(rule.target.column),
				row: lang === 'zh' ? row.label : row.en,
				expected: formatValue(expected),
				actual: formatValue(actual),
				formula,
				previousYear: prev.year ?? '',
			}),
			range: target.range,
			related: terms.map(({ term, cell }) => ({
				range: cell!.range,
				message: `${term.report === 'previous' ? prev.year : cur.year} · ${label(term.column)} = ${cell!.value ?? 0}`,
				...(term.report === 'previous' ? { file: previousFile } : {}),
			})),
			data: { rule: rule.id, expected, actual },
		});
	}
	out.push(...copiedTextFindings(cur.sentences ?? [], prev.sentences ?? [], previousFile, prev.year, lang));
	return out;
}
