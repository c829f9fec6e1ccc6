import { CODES, message, type Finding, type Lang } from '../findings.ts';
import type { BoundRow, BoundTable, Heading, ReportModel } from '../../model.ts';
import { rowName } from '../../features/names.ts';
import { plainWording } from '../../bind/sectionMatch.ts';
import { TEMPLATES, type RowDef, type SectionDef, type TemplateDef } from '../../templates/index.ts';
import { comparePositions, type Range } from '../../read/text.ts';

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
		// A heading worded otherwise than its section (信息处理费收取情况 for 其他需要报告的事项) is that section by a reading of its words: its place is a warning's matter.
		const worded = plainWording(h.title) === plainWording(h.section!.title.replace(/^[一二三四五六七八九十]+、/, ''));
		out.push({
			code: 'section.order',
			severity: worded ? severity : 'warning',
			message: message('section.order', lang, { section: h.section![lang === 'zh' ? 'title' : 'en'], after: before ? before[lang === 'zh' ? 'title' : 'en'] : '' }),
			range: h.range,
		});
	});

	out.push(...wordingFindings(model, lang));
	for (const h of model.headings) {
		if (!h.untitledSection || !h.section) continue;
		out.push({
			code: 'section.untitled',
			severity: CODES['section.untitled'].severity,
			message: message('section.untitled', lang, { section: h.section[lang === 'zh' ? 'title' : 'en'], heading: `${h.ordinal}${h.title}` }),
			range: h.range,
			data: { section: h.section.key },
		});
	}

	const structure = structureConfidence(model, first);
	if (structure.unreadable) {
		out.push({
			code: 'section.unreadable',
			// Nothing of a report could be read at all (empty, garbled, not a report): the check fails, certainly.
			severity: structure.reasonCode === 'empty' || structure.reasonCode === 'garbled' || structure.reasonCode === 'not-a-report' ? 'error' : CODES['section.unreadable'].severity,
			message: message('section.unreadable', lang, { reason: structure.unreadable[lang] }),
			range: structure.range,
			data: { reason: structure.reasonCode },
		});
		return out;
	}
	template.sections.forEach((s, i) => {
		if (!s.required || first.has(s.key)) return;
		const next = template.sections.slice(i + 1).find((n) => first.has(n.key));
		const previous = template.sections.slice(0, i).reverse().find((n) => first.has(n.key));
		const folded = foldedInto(model, s, previous && first.get(previous.key), next && first.get(next.key));
		if (folded) {
			out.push({
				code: 'section.untitled',
				severity: CODES['section.untitled'].severity,
				message: message('section.untitled', lang, { section: s[lang === 'zh' ? 'title' : 'en'], heading: `${folded.ordinal}${folded.title}` }),
				range: folded.range,
				data: { section: s.key },
			});
			return;
		}
		const range = next ? first.get(next.key)!.range : previous ? whereItWouldEnd(model, first.get(previous.key)!) : startOfReport(model);
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

/**
 * A mandated section whose heading is worded otherwise than the format's (a conjunction changed,
 * a character added, dropped or mistyped, an older wording): the section is there, its heading is
 * not as the format has it. Only where the format fixes the wording; the fix writes the format's
 * words, and is offered only where the heading's end is certain (not guessed in run-on web text).
 */
function wordingFindings(model: ReportModel, lang: Lang): Finding[] {
	if (!model.template.mandatedWording) return [];
	const out: Finding[] = [];
	for (const h of model.headings) {
		if (!h.section || h.unnumbered || h.untitledSection) continue;
		const canonical = h.section.title.replace(/^[一二三四五六七八九十]+、/, '');
		if (plainWording(h.title) === plainWording(canonical)) continue;
		out.push({
			code: 'section.wording',
			severity: CODES['section.wording'].severity,
			message: message('section.wording', lang, { heading: h.title, section: canonical }),
			range: h.range,
			...(h.titleCertain ? { fix: { title: lang === 'zh' ? `改为“${canonical}”` : `Change to "${canonical}"`, edits: [{ range: h.titleRange, newText: canonical }] } } : {}),
			data: { section: h.section.key, similarity: h.sectionSimilarity },
		});
	}
	return out;
}

const REPORT_NAME = /政府信息公开|政务公开|信息公开/;
const HAN = /\p{Script=Han}/gu;

interface StructureConfidence {
	/** Why the sections cannot be read with confidence, or undefined when they can. */
	unreadable?: { zh: string; en: string };
	reasonCode?: 'empty' | 'garbled' | 'not-a-report' | 'no-headings' | 'few-sections';
	range: Range;
}

/** An HTML tag, whole, or a comment. */
const MARKUP = /<!--[\s\S]*?-->|<\/?[a-zA-Z][^<>]*>/g;

/**
 * Whether the sections were read with enough confidence to call the ones not found missing. When
 * no mandated section, or fewer than half of them, could be recognised, the likelier truth is that
 * the headings were not read (a layout, a garbled text, not a report at all): that is said once,
 * instead of an error for every section.
 */
function structureConfidence(model: ReportModel, first: Map<string, Heading>): StructureConfidence {
	const required = model.template.sections.filter((s) => s.required);
	const found = required.filter((s) => first.has(s.key));
	const range = startOfReport(model);
	if (found.length * 2 >= required.length) return { range };
	const text = model.index.text.slice(0, 200_000);
	if (text.trim() === '') {
		return { range, reasonCode: 'empty', unreadable: { zh: '文件没有任何内容', en: 'the file has no content' } };
	}
	const han = text.match(HAN)?.length ?? 0;
	// Markup's own words (<td style="…">) are no letters of the text.
	const plain = text.includes('<') ? text.replace(MARKUP, ' ') : text;
	const letters = plain.match(/\p{L}/gu)?.length ?? 0;
	const replaced = text.match(/\ufffd/g)?.length ?? 0;
	if (han >= 20 && han < letters * 0.3 && replaced <= 20 && mostlyAscii(plain, letters - han)) {
		// Chinese among English words, paths and hashes (a list of sources, a README): no report, and not garbled either.
		return {
			range,
			reasonCode: 'not-a-report',
			unreadable: { zh: '未识别为政府信息公开工作年度报告：文本大部分是英文字母（如说明文件或代码），不是报告正文', en: 'it does not read as an annual government-information-disclosure report: most of its text is Latin letters (notes or code), not a report' },
		};
	}
	if (han < 20 || han < letters * 0.3 || replaced > 20) {
		return {
			range,
			reasonCode: 'garbled',
			unreadable: { zh: '文本中几乎没有可读的中文（可能是编码错误或乱码），无法识别章节和统计表', en: 'the text has almost no readable Chinese (a wrong encoding or garbled text), so its sections and tables cannot be recognised' },
		};
	}
	if (found.length === 0 && model.tables.length === 0 && !REPORT_NAME.test(text.slice(0, 5000))) {
		return {
			range,
			reasonCode: 'not-a-report',
			unreadable: { zh: '未识别为政府信息公开工作年度报告：没有找到报告标题、规定章节或统计表', en: 'it does not read as an annual government-information-disclosure report: no report title, mandated section or statistics table was found' },
		};
	}
	const names = (list: typeof required, lang: 'zh' | 'en') => list.map((s) => (lang === 'zh' ? `“${s.title}”` : `"${s.en}"`)).join(lang === 'zh' ? '、' : ', ');
	const missing = required.filter((s) => !first.has(s.key));
	const at = found.length > 0 ? first.get(found[0].key)!.range : range;
	if (found.length === 0) {
		const numbered = model.headings.filter((h) => h.level === 1 && !h.unnumbered).length;
		return {
			range: at,
			reasonCode: 'no-headings',
			unreadable: {
				zh: `没有找到任何规定章节的标题（${numbered > 0 ? `${numbered} 个一级标题都不像规定章节` : '没有可识别的章节标题'}），无法判断是否缺少${names(missing, 'zh')}`,
				en: `no heading of a mandated section was found (${numbered > 0 ? `none of ${numbered} top-level headings reads as one` : 'no heading could be recognised'}), so whether ${names(missing, 'en')} are missing cannot be told`,
			},
		};
	}
	return {
		range: at,
		reasonCode: 'few-sections',
		unreadable: {
			zh: `只识别出 ${found.length} 个规定章节（${names(found, 'zh')}），其余章节的标题未能读出，无法确定是否缺少${names(missing, 'zh')}`,
			en: `only ${found.length} mandated section${found.length === 1 ? ' was' : 's were'} recognised (${names(found, 'en')}); the other headings could not be read, so whether ${names(missing, 'en')} are missing cannot be told`,
		},
	};
}

/** Whether the letters other than Chinese are almost all ASCII (Ã©, Õþ¸® are bytes decoded in the wrong encoding). */
function mostlyAscii(text: string, nonHan: number): boolean {
	const ascii = text.match(/[A-Za-z]/g)?.length ?? 0;
	return ascii >= 0.95 * nonHan;
}

/** Whether the sections could not be read with confidence (then tables are not called missing for want of a section either). */
export function structureUnreadable(model: ReportModel): StructureConfidence['reasonCode'] {
	const first = new Map<string, Heading>();
	for (const h of model.headings) if (h.section && !first.has(h.section.key)) first.set(h.section.key, h);
	return structureConfidence(model, first).reasonCode;
}

/**
 * table.missing rests on the tables having been read: where a table could not be read (a
 * table.unreadable finding, with the table's id or for all tables), it is not also called missing.
 */
export function withoutGuessedMissing(findings: Finding[]): Finding[] {
	const unreadable = findings.filter((f) => f.code === ('table.unreadable' as Finding['code']));
	if (unreadable.length === 0) return findings;
	const ids = new Set(unreadable.map((f) => f.data?.table));
	const all = ids.has(undefined);
	return findings.filter((f) => f.code !== 'table.missing' || !(all || ids.has(f.data?.table)));
}

/** Why a table's values were inferred, unless the reader said otherwise. */
const GLUED_CELLS = { zh: '的单元格粘连在一起，数值系推断拆分', en: 'the cells run together and the values were split by inference' };

/**
 * Whether every cell of the table was read and is empty: no number, no 0, no —. Cells inferred
 * blank (rows whose numbers the text did not show) are not read, so they never make a table blank.
 */
function isBlankTable(table: BoundTable): boolean {
	let cells = 0;
	for (const row of table.rows) {
		if (!row.known || row.extraCells.length > 0) return false;
		for (const cell of row.cells.values()) {
			if (cell.inferred || cell.text.trim() !== '') return false;
			cells++;
		}
	}
	return cells > 0;
}

/** Tables: missing tables and rows, rows with the wrong number of cells, duplicated and unknown rows. */
export function tableFindings(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	const { template } = model;
	const bound = new Set(model.tables.map((t) => t.def));
	const reason = structureUnreadable(model);
	// A text that is garbled or not a report has been said so once; its tables are not missing one by one.
	const tablesExpected = reason !== 'empty' && reason !== 'garbled' && reason !== 'not-a-report';
	// A table the report's year does not ask for (a 2021 report whose 主动公开 tables follow 2019) is a format mix, said once by template.year-mismatch.
	const yearFormat = formatOfYear(model);
	const unread = new Map(model.unreadTables.map((u) => [u.def, u]));
	// A text with no table and no trace of one (a page whose tables are pictures, or a draft
	// before its tables): said once, since which it is cannot be told from the text.
	const required = template.tables.filter((def) => def.required && (!yearFormat || yearFormat === template || yearFormat.tables.some((t) => t.id === def.id && t.required)));
	if (tablesExpected && model.tables.length === 0 && model.unreadTables.length === 0 && required.length > 1) {
		// (A text with no section heading either has been said unreadable once: that is all it gets.)
		if (reason === 'no-headings') return out;
		const heading = model.headings.find((h) => h.section?.key === required[0].section);
		out.push({
			code: 'table.none',
			severity: CODES['table.none'].severity,
			message: message('table.none', lang, { template: template.name[lang], count: required.length, tables: required.map((d) => `“${d.title[lang]}”`).join(lang === 'zh' ? '、' : ', ') }),
			range: heading?.range ?? startOfReport(model),
			data: { tables: required.map((d) => d.id) },
		});
		return out;
	}
	for (const def of template.tables) {
		if (!tablesExpected || !def.required || bound.has(def)) continue;
		if (yearFormat && yearFormat !== template && !yearFormat.tables.some((t) => t.id === def.id && t.required)) continue;
		const heading = model.headings.find((h) => h.section?.key === def.section);
		// The section shows the table (a converter's table markup, or its labels): not missing, unread.
		const seen = unread.get(def);
		if (seen) {
			const reason = { zh: `文中有它的痕迹（“${seen.trace}”），但未能读出其行列`, en: `the text shows it ("${seen.trace}"), but its rows and columns could not be read` };
			out.push({
				code: 'table.unreadable',
				severity: CODES['table.unreadable'].severity,
				message: message('table.unreadable', lang, { table: def.title[lang], reason: reason[lang] }, 'notRead'),
				range: { start: { line: seen.line, character: seen.character }, end: { line: seen.line, character: seen.character + seen.trace.length } },
				data: { table: def.id },
			});
			continue;
		}
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
		// A table the reader could not read with confidence is said so once, not row by row.
		if (table.unreadable) {
			out.push({
				code: 'table.unreadable',
				severity: CODES['table.unreadable'].severity,
				message: message('table.unreadable', lang, { table: table.def.title[lang], reason: table.unreadable[lang] }),
				range: { start: where.start, end: where.start.line === where.end.line ? where.end : where.start },
				data: { table: table.def.id },
			});
			continue;
		}
		// The blank template, or a table not yet written: one finding, where each blank total would say nothing.
		if (isBlankTable(table)) {
			out.push({ code: 'table.blank', severity: CODES['table.blank'].severity, message: message('table.blank', lang, { table: table.def.title[lang] }), range: where, data: { table: table.def.id } });
			continue;
		}
		const tail = missingTail(table);
		if (tail) {
			const rowText = (d: RowDef) => (lang === 'zh' ? d.label : d.en);
			out.push({
				code: 'table.missing-row',
				severity: CODES['table.missing-row'].severity,
				message: message('table.missing-row', lang, { table: table.def.title[lang], after: rowName(tail.after, lang), count: tail.rows.length, first: rowText(tail.rows[0]), last: rowText(tail.rows[tail.rows.length - 1]) }, 'tail'),
				range: tail.after.range.start.line === tail.after.range.end.line ? tail.after.range : { start: tail.after.range.start, end: tail.after.range.start },
				data: { table: table.def.id, rows: tail.rows.map((r) => r.key) },
			});
		}
		// A table of another year's format (said once by template.year-mismatch) lacks nothing the report's own year does not ask for (2019's 其他对外管理服务事项 in a 2021 report).
		const ofYear = yearFormat && yearFormat !== template && !yearFormat.tables.includes(table.def) ? yearFormat.tables.find((t) => t.id === table.def.id) : undefined;
		for (const def of table.def.rows) {
			if (def.kind === 'group' || def.optional || table.byKey.has(def.key) || tail?.rows.includes(def)) continue;
			if (ofYear && !ofYear.rows.some((r) => r.key === def.key && !r.optional)) continue;
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
				message: message('table.inferred', lang, { table: table.def.title[lang], reason: (table.inferredWhy ?? GLUED_CELLS)[lang] }),
				range: where,
			});
		}
	}
	const year = model.metadata.year;
	// A report for 2016–2018 was judged by its year's format (parse.ts): labels of a later format in it were misread, not a format used.
	const overruledByYear = model.templateSource === 'year' && model.template.id === '2008';
	// (Labels of a format in a text where no table was read are no table of that format.)
	if (model.tableTemplate && year !== undefined && !overruledByYear && model.tables.length > 0) {
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

/**
 * Where a section missing after the last one found would have stood: at the appendix that follows
 * (附表 统计表, a heading of no section), or at the report's last sentence (the signature).
 */
function whereItWouldEnd(model: ReportModel, previous: Heading): Range {
	const after = (r: Range) => comparePositions(r.start, previous.range.end) > 0;
	const appendix = model.tables.find((t) => t.def.section === 'appendix' && after(t.anchorRange ?? t.range));
	const heading = model.headings.find((h) => !h.section && h.level <= previous.level && after(h.range));
	// An appendix named in the text (附件：…统计数据, 附表：…), also inside one-line web text.
	const from = model.index.offsetAt(previous.range.end);
	const named = /附[件表]?\s*[:：]|附[件表]\s*\d/.exec(model.index.text.slice(from, from + 200_000));
	const namedRange = named ? { start: model.index.positionAt(from + named.index), end: model.index.positionAt(from + named.index + named[0].length) } : undefined;
	const candidates = [appendix && (appendix.anchorRange ?? appendix.range), heading?.range, namedRange].filter((r): r is Range => r !== undefined);
	if (candidates.length > 0) return candidates.sort((a, b) => comparePositions(a.start, b.start))[0];
	// The report ends inside the previous section: from its heading to the report's end.
	const lines = model.index.lines;
	let n = lines.length - 1;
	while (n > 0 && lines[n].trim() === '') n--;
	return { start: previous.range.start, end: { line: n, character: lines[n].trimEnd().length } };
}

/**
 * In a pre-2019 report, whose parts no format fixed, a section missing as a heading may be folded
 * into the part before it (三、依申请公开 … 未收到…行政复议申请): that part's text names it.
 */
function foldedInto(model: ReportModel, section: SectionDef, previous: Heading | undefined, next: Heading | undefined): Heading | undefined {
	if (model.template.mandatedWording || !previous) return undefined;
	const from = model.index.offsetAt(previous.range.end);
	const to = next ? model.index.offsetAt(next.range.start) : model.index.text.length;
	const body = model.index.text.slice(from, Math.max(from, to));
	return section.keywords.some(([kw, weight]) => weight >= 3 && body.includes(kw)) ? previous : undefined;
}

/** The format the report's year calls for, when the year is known. */
function formatOfYear(model: ReportModel): TemplateDef | undefined {
	const year = model.metadata.year;
	if (year === undefined) return undefined;
	return Object.values(TEMPLATES).find((t) => year >= t.years[0] && year <= t.years[1]);
}

function startOfReport(model: ReportModel): Range {
	const first = model.index.lines.findIndex((l) => l.trim() !== '');
	const line = first === -1 ? 0 : first;
	return { start: { line, character: 0 }, end: { line, character: model.index.lines[line].length } };
}

/** Rows missing one after another up to the table's end, from which on they are said once: the table stops there. */
const MIN_TAIL = 3;

/**
 * A table that stops before its last rows (a page cut off, a copy that ended, a draft not
 * finished): the rows it lacks from some row to its end, and the last row it has, where they are
 * MIN_TAIL or more. Said once, not row by row.
 */
function missingTail(table: BoundTable): { after: BoundRow; rows: RowDef[] } | undefined {
	const rows = table.def.rows.filter((r) => r.kind !== 'group' && !r.optional);
	let k = rows.length;
	while (k > 0 && !table.byKey.has(rows[k - 1].key)) k--;
	const missing = rows.slice(k);
	if (k === 0 || missing.length < MIN_TAIL) return undefined;
	const after = table.byKey.get(rows[k - 1].key)!;
	return { after, rows: missing };
}
