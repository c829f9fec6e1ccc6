import { CODES, message, type Finding, type Lang } from '../findings.ts';
import type { BoundRow, BoundTable, Heading, ReportModel } from '../../model.ts';
import type { RowDef, SectionDef, TableDef } from '../../templates/index.ts';
import type { Range } from '../../read/text.ts';
import { foldDigits } from '../../read/normalize.ts';

/**
 * A text that stops in the middle (a page copied in part, a crawler's excerpt, a draft written top
 * down): its last words are a sentence, a label or a table row broken off, or a heading with
 * nothing under it. What the format puts after that point is not missing from the report, it is
 * not in the text: said once, where the text stops, instead of an error for every later section
 * and table and a warning for every later row.
 */
export interface Truncation {
	/** The text's last words, where they stop. */
	range: Range;
	end: string;
	/** Mandated sections after the last one the text reaches. */
	sections: SectionDef[];
	/** Required tables after the last one the text reaches, not read. */
	tables: TableDef[];
	/** The table the text stops in, and its rows after the last one read. */
	cutTable?: { table: BoundTable; rows: RowDef[]; lastRow?: BoundRow };
}

/** A sentence or a bracket closed: the text may well end there. */
const CLOSED = /[。.！？!?；;…”’」』》]$/;
/** A line wholly in brackets (（此件公开发布）); a bracket closing a line's end otherwise may be a label's (第二十条第(五)项 broken off after it). */
const BRACKETED = /^[（(【[].*[）)】\]]$/;
/** A report's date and what else ends one whole: the text ends there. */
const ENDING_LINE = [
	/(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$/,
	/(?:19|20)\d{2}[-./]\d{1,2}(?:[-./]\d{1,2})?$/,
	/[〇零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*日)?$/,
	/特此报告$/,
	/(?:电话|地址|邮编|邮政编码|网址|邮箱|传真|联系人)\s*[:：]/,
	/附[件表]/,
	// An attachment's file name (…统计表.xls).
	/\.(?:xlsx?|docx?|pdf|wps|et|ofd|zip|rar)$/i,
	// What 六 may say: nothing to report.
	/^(?:无|暂无|没有|无其他需要报告的事项)$/,
];
/** The agency's name signing the report: a short clause of its own ending in an organ's word… */
const SIGNATURE = /(?:政府|办公室|办公厅|委员会|局|厅|委|办|中心|院|所|处|署|队|馆|会|部|关|校|街道|社区|镇|乡|公司|集团)$/;
/** …and no words of a sentence broken off (…加强政府, …报告单和政府, …政府网站). */
const NOT_A_NAME = /的|加强|推进|做好|落实|开展|提升|进一步|不断|持续|严格|认真|切实|报告单|网站|平台|工作/;
const MAX_SIGNATURE = 30;
const MARKUP_ONLY = /^(?:<[^<>]*>\s*)+$/;

/** Whether the text's last words sign it (…。平潭综合实验区财政金融局, or that on a line of its own). */
function signs(text: string): boolean {
	const clause = text.slice(Math.max(text.lastIndexOf('。'), text.lastIndexOf('！'), text.lastIndexOf('？'), text.lastIndexOf('；')) + 1).trim();
	return clause.length > 0 && clause.length <= MAX_SIGNATURE && !/[，,：:]/.test(clause) && SIGNATURE.test(clause) && !NOT_A_NAME.test(clause);
}

export function truncationOf(model: ReportModel): Truncation | undefined {
	const last = lastContent(model);
	if (!last) return undefined;
	const { line, text } = last;
	const first = new Map<string, Heading>();
	for (const h of model.headings) if (h.section && !first.has(h.section.key)) first.set(h.section.key, h);
	const order = model.template.sections;
	const lastSection = order.reduce((at, s, i) => (first.has(s.key) ? i : at), -1);
	if (lastSection === -1) return undefined;

	const cutTable = tableAt(model, line);
	const endsAt = last.end;
	// A text whose last words are a table's, whole (a 统计表 closing a pre-2019 report), ends there.
	const endsInTable = model.tables.some((t) => t.range.start.line <= line && (t.range.end.line > line || (t.range.end.line === line && t.range.end.character >= endsAt - 2)));
	// A heading the text stops right after, with nothing under it (a section's, or a sub-heading; not a table's label read as a heading).
	const heading = model.headings.find((h) => h.range.end.line === line && h.range.end.character >= endsAt - 1 && (h.section !== undefined || h.level >= 2));
	// A row's label whole (plain pdftotext may put a 统计表's labels last) is no text broken off.
	const broken = endsInTable || isRowLabel(model, text)
		? cutTable !== undefined
		: cutTable !== undefined ||
			heading !== undefined ||
			(!CLOSED.test(text) && !BRACKETED.test(text) && !ENDING_LINE.some((re) => re.test(foldDigits(text.slice(-40)))) && !signs(text));
	if (!broken) return undefined;

	const sections = order.slice(lastSection + 1).filter((s) => s.required && !first.has(s.key));
	const bound = new Set(model.tables.map((t) => t.def));
	const unread = new Set(model.unreadTables.map((u) => u.def));
	const tables = model.template.tables;
	const lastBound = tables.reduce((at, t, i) => (bound.has(t) || unread.has(t) ? i : at), -1);
	const lastSectionKey = order[lastSection].key;
	const reached = new Set(order.slice(0, lastSection).map((s) => s.key));
	const notReached = tables.filter((t, i) => t.required && i > lastBound && !bound.has(t) && !reached.has(t.section) && (t.section === lastSectionKey || sections.some((s) => s.key === t.section)));
	if (sections.length === 0 && notReached.length === 0 && !cutTable) return undefined;
	const range = { start: { line: last.firstLine, character: last.start }, end: { line, character: last.end } };
	return { range, end: text.length > 20 ? `…${text.slice(-20)}` : text, sections, tables: notReached, cutTable };
}

/** The findings a cut text's findings are without (what lies past the cut), and the one that says it stops. */
export function withTruncation(model: ReportModel, findings: Finding[], lang: Lang): Finding[] {
	const cut = truncationOf(model);
	if (!cut) return findings;
	const sections = new Set(cut.sections.map((s) => s.key));
	const tables = new Set(cut.tables.map((t) => t.id));
	const cutId = cut.cutTable?.table.def.id;
	const tailRows = new Set(cut.cutTable?.rows.map((r) => r.key));
	const lastRow = cut.cutTable?.lastRow;
	const past = (f: Finding) => {
		if (f.code === 'section.missing') return sections.has(f.data?.section as string);
		// (The sections the text reaches were read; the rest it does not reach.)
		if (f.code === 'section.unreadable') return (f.data?.reason === 'few-sections' || f.data?.reason === 'no-headings') && reachedInOrder(model);
		if (f.code === 'table.missing') return tables.has(f.data?.table as string);
		if (f.code === 'table.missing-row' && f.data?.table === cutId) {
			const rows = (f.data?.rows as string[] | undefined) ?? [f.data?.row as string];
			return rows.every((r) => tailRows.has(r));
		}
		// The row the text stops in has lost its last numbers.
		if (f.code === 'table.cell-count' && lastRow) return f.range.start.line === lastRow.labelRange.start.line && f.range.start.character === lastRow.labelRange.start.character;
		return false;
	};
	const kept = findings.filter((f) => !past(f));
	if (kept.length === findings.length && cut.sections.length === 0 && cut.tables.length === 0 && tailRows.size === 0) return findings;
	const what = notReachedText(cut, lang);
	kept.push({
		code: 'document.truncated',
		severity: CODES['document.truncated'].severity,
		message: message('document.truncated', lang, { end: cut.end, what: lang === 'zh' && /^\d/.test(what) ? ` ${what}` : what }),
		range: cut.range,
		data: { sections: cut.sections.map((s) => s.key), tables: cut.tables.map((t) => t.id), ...(cutId ? { table: cutId, rows: [...tailRows] } : {}) },
	});
	return kept;
}

function notReachedText(cut: Truncation, lang: Lang): string {
	const zh = lang === 'zh';
	const parts: string[] = [];
	if (cut.cutTable && cut.cutTable.rows.length > 0) {
		const t = cut.cutTable.table.def.title[lang];
		parts.push(zh ? `“${t}”余下的 ${cut.cutTable.rows.length} 行` : `the ${cut.cutTable.rows.length} remaining rows of the "${t}" table`);
	}
	if (cut.tables.length > 0) {
		const names = cut.tables.map((t) => (zh ? `“${t.title.zh}”` : `"${t.title.en}"`)).join(zh ? '、' : ', ');
		parts.push(zh ? `${cut.tables.length} 张统计表（${names}）` : `${cut.tables.length} table${cut.tables.length === 1 ? '' : 's'} (${names})`);
	}
	if (cut.sections.length > 0) {
		const names = cut.sections.map((s) => (zh ? `“${s.title}”` : `"${s.en}"`)).join(zh ? '、' : ', ');
		parts.push(zh ? `${cut.sections.length} 个章节（${names}）` : `${cut.sections.length} section${cut.sections.length === 1 ? '' : 's'} (${names})`);
	}
	if (parts.length <= 1) return parts.join('');
	return zh ? `${parts.slice(0, -1).join('、')}和${parts[parts.length - 1]}` : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Whether the sections the text has are the format's first ones, in order (no required one skipped before the cut). */
function reachedInOrder(model: ReportModel): boolean {
	const found = new Set(model.headings.filter((h) => h.section).map((h) => h.section!.key));
	const order = model.template.sections;
	const last = order.reduce((at, s, i) => (found.has(s.key) ? i : at), -1);
	return last >= 0 && order.slice(0, last).every((s) => !s.required || found.has(s.key));
}

/**
 * The text's last line of content (page numbers and a page's furniture after it left out), and its
 * words; where a wrap cut it (model.wrapped), the written lines it was cut into, whole.
 */
function lastContent(model: ReportModel): { line: number; start: number; end: number; firstLine: number; text: string } | undefined {
	const lines = model.index.lines;
	for (let n = lines.length - 1; n >= 0; n--) {
		let end = lines[n].length;
		// Furniture at the line's end (a one-line web page's 分享到 微信 微博), or the whole line.
		for (const a of model.artifacts) if (a.range.start.line <= n && a.range.end.line >= n) end = Math.min(end, a.range.start.line < n ? 0 : a.range.start.character);
		const raw = lines[n].slice(0, end);
		const text = raw.trim();
		// (A line of markup alone, a converter's </div>, holds no words of the report.)
		if (text === '' || MARKUP_ONLY.test(text)) continue;
		let firstLine = n;
		let whole = raw.trimEnd();
		while (model.wrapped?.has(firstLine) && firstLine > 0) whole = lines[--firstLine] + whole;
		const words = whole.trim();
		return { line: n, firstLine, start: lines[firstLine].length - lines[firstLine].trimStart().length, end: raw.trimEnd().length, text: words };
	}
	return undefined;
}

/** The bound table the text stops in, where rows of it after the last one read are not there. */
function tableAt(model: ReportModel, line: number): Truncation['cutTable'] {
	const table = model.tables.filter((t) => t.range.start.line <= line && !t.unreadable).sort((a, b) => b.range.start.line - a.range.start.line)[0];
	// (A label broken off after the table's last row read is still the table; a heading after it is not.)
	if (!table || model.headings.some((h) => h.range.start.line > table.range.end.line && h.range.start.line < line && h.level === 1)) return undefined;
	const rows = table.def.rows.filter((r) => r.kind !== 'group' && !r.optional);
	let k = rows.length;
	while (k > 0 && !table.byKey.has(rows[k - 1].key)) k--;
	const tail = rows.slice(k);
	const lastRow = k > 0 ? table.byKey.get(rows[k - 1].key) : undefined;
	const width = table.def.columns.filter((c) => c.kind !== 'text').length;
	const rowCut = lastRow !== undefined && lastRow.range.end.line >= line && lastRow.valueCount + lastRow.extraCells.length < width;
	if (tail.length === 0 && !rowCut) return undefined;
	return { table, rows: tail, lastRow: rowCut ? lastRow : undefined };
}

/** A table's row label (a 统计表's 九、政府信息公开会议和培训情况, which plain pdftotext may put last), not a heading. */
function isRowLabel(model: ReportModel, text: string): boolean {
	const plain = (t: string) => t.replace(/[\s、.．（）()]/g, '');
	const t = plain(text);
	return model.template.tables.some((table) => table.rows.some((r) => plain(r.label) === t));
}
