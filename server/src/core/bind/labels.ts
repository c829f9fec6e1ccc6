import { detach } from '../memo.ts';
import { bigramSimilarity, normalizeLabel, splitOrdinal } from '../read/normalize.ts';
import type { RowDef, TableDef, TemplateDef } from '../templates/index.ts';

/**
 * Matches cell texts against a template's labels: anchors, headers and row labels, tolerating
 * full/half-width forms, spaces, line breaks, "其中：" prefixes, a trailing parenthetical note and
 * small wording variants.
 */

export interface LabelForm {
	ordinal: string;
	core: string;
}

interface RowMatcher {
	table: TableDef;
	row: RowDef;
	index: number;
	forms: LabelForm[];
}

export interface RowMatch {
	table: TableDef;
	row: RowDef;
	index: number;
	exact: boolean;
}

/** Minimum bigram similarity for a label that is not written exactly as the template has it. */
const FUZZY_THRESHOLD = 0.62;
/** A label without an ordinal matches an ordinal row only when it is this long (so 其他 ≠ 3.其他). */
const MIN_CORE_WITHOUT_ORDINAL = 4;

export function labelForm(text: string): LabelForm {
	// 其中 may stand before the ordinal (其中：1.当面申请数) or after it.
	const { ordinal, rest } = splitOrdinal(normalizeLabel(text).replace(/^其中:?/, ''));
	return { ordinal, core: rest.replace(/^其中:?/, '') };
}

const byTemplate = new WeakMap<TemplateDef, TemplateLabels>();

/** The label index of a template, built once per template. */
export function labelsOf(template: TemplateDef): TemplateLabels {
	let labels = byTemplate.get(template);
	if (!labels) byTemplate.set(template, (labels = new TemplateLabels(template)));
	return labels;
}

/** Whether a text is a label (anchor, header or row) of any of the given formats. */
export function isLabelOfAny(templates: TemplateDef[]): (text: string) => boolean {
	const all = templates.map(labelsOf);
	return (text) => {
		const norm = normalizeLabel(text);
		return all.some((l) => l.anchorOf(norm) !== undefined || l.isAnyHeader(norm) || l.matchRow(text).some((m) => m.exact));
	};
}

/**
 * Whether a text is the start of a row label of any of the given formats, as a label cut by a
 * line break inside its column is: its ordinal and the first characters of the label
 * ("一、本年新收政府信息公开" of "…申请数量", "5.要求行政" of "5.要求行政机关确认…").
 */
export function startsLabelOfAny(templates: TemplateDef[]): (text: string) => boolean {
	const all = templates.map(labelsOf);
	return (text) => all.some((l) => l.startsRow(text));
}

/** Fewest characters of a line that, found inside a table's long title or header note, show it is a piece of one. */
const MIN_PIECE = 8;

/**
 * Whether a text is a piece of a long table title, header note or row label of any of the given
 * formats, as such a text wrapped inside its cell is ("（本列数据的勾稽关系为：第一项加第二项之" of
 * the note over Table 2's 总计 column, "求缴纳费用、行政机关不再处" of a 其他处理 row): a line of
 * the table, not a paragraph.
 */
export function pieceOfLabelOfAny(templates: TemplateDef[]): (text: string) => boolean {
	const long = new Set<string>();
	for (const t of templates) for (const table of t.tables) for (const text of [...table.anchors, ...table.headers, ...table.rows.map((r) => r.label)]) {
		const norm = normalizeLabel(text);
		if (norm.length > MIN_PIECE) long.add(norm);
	}
	const all = [...long];
	return (text) => {
		const norm = normalizeLabel(text);
		return norm.length >= MIN_PIECE && all.some((l) => l.includes(norm));
	};
}

/** Fewest characters of a label's core, after its ordinal, that identify it as cut. */
const MIN_CUT_CORE = 2;

export class TemplateLabels {
	private readonly anchors = new Map<string, TableDef>();
	private readonly headers = new Map<TableDef, Set<string>>();
	private readonly allHeaders = new Set<string>();
	private readonly rows: RowMatcher[] = [];
	/** matchRow's answers, by table id ('' for any table) and text; `matchesKept` of them in all. */
	private readonly matches = new Map<string, Map<string, RowMatch[]>>();
	private matchesKept = 0;

	constructor(readonly template: TemplateDef) {
		for (const table of template.tables) {
			for (const a of table.anchors) this.anchors.set(normalizeLabel(a), table);
			const hs = new Set<string>();
			for (const h of table.headers) hs.add(normalizeLabel(h));
			for (const c of table.columns) {
				hs.add(normalizeLabel(c.label));
				for (const a of c.aliases ?? []) hs.add(normalizeLabel(a));
			}
			this.headers.set(table, hs);
			for (const h of hs) this.allHeaders.add(h);
			table.rows.forEach((row, index) => {
				this.rows.push({ table, row, index, forms: [row.label, ...(row.aliases ?? [])].map(labelForm) });
			});
		}
	}

	anchorOf(normalized: string): TableDef | undefined {
		return this.anchors.get(normalized);
	}

	isHeaderOf(table: TableDef, normalized: string): boolean {
		return this.headers.get(table)!.has(normalized);
	}

	isAnyHeader(normalized: string): boolean {
		return this.allHeaders.has(normalized);
	}

	/** The one table that prints this header (复议后起诉 is Table 3's), or undefined when none or several do. */
	headerTableOf(normalized: string): TableDef | undefined {
		if (!this.allHeaders.has(normalized)) return undefined;
		const tables = this.template.tables.filter((t) => this.headers.get(t)!.has(normalized));
		return tables.length === 1 ? tables[0] : undefined;
	}

	/** Whether the text is the beginning of some row's label, with that row's ordinal when it has one. */
	startsRow(text: string): boolean {
		let known = this.starts.get(text);
		if (known === undefined) {
			if (this.starts.size > 20000) this.starts.clear();
			this.starts.set(detach(text), (known = this.startsRowUncached(text)));
		}
		return known;
	}

	private readonly starts = new Map<string, boolean>();

	private startsRowUncached(text: string): boolean {
		const cell = labelForm(text);
		if (cell.core.length < MIN_CUT_CORE) return false;
		for (const m of this.rows) {
			if (m.row.kind === 'group' && !cell.ordinal) continue;
			for (const form of m.forms) {
				if (form.ordinal !== cell.ordinal) continue;
				if (form.core.startsWith(cell.core) && (cell.ordinal !== '' || cell.core.length >= 3)) return true;
			}
		}
		return false;
	}

	/** Every row of the template with its table, in template order. */
	get rowsInOrder(): ReadonlyArray<{ table: TableDef; row: RowDef; index: number }> {
		return this.rows;
	}

	/** The label forms (ordinal and core) of a row: its label and its aliases. */
	formsOf(row: RowDef): LabelForm[] {
		return this.rows.find((m) => m.row === row)?.forms ?? [];
	}

	/** All rows whose label the text matches, best first; restricted to `table` when given. */
	matchRow(text: string, table?: TableDef): RowMatch[] {
		if (text.length > 200) return [];
		// By table, then by text: a key made of both would be a new string to hash on every call.
		const tableId = table?.id ?? '';
		let byText = this.matches.get(tableId);
		if (!byText) this.matches.set(tableId, (byText = new Map()));
		let m = byText.get(text);
		if (!m) {
			if (this.matchesKept > 20000) {
				this.matches.clear();
				this.matches.set(tableId, (byText = new Map()));
				this.matchesKept = 0;
			}
			byText.set(detach(text), (m = this.match(text, table)));
			this.matchesKept++;
		}
		return m;
	}

	private match(text: string, table?: TableDef): RowMatch[] {
		const cell = labelForm(text);
		if (cell.core.length === 0) return [];
		const exact: RowMatch[] = [];
		let fuzzy: RowMatch | undefined;
		let fuzzyScore = 0;
		for (const m of this.rows) {
			if (table && m.table !== table) continue;
			for (const form of m.forms) {
				if (!ordinalsCompatible(cell, form)) continue;
				if (coreMatches(cell.core, form.core)) {
					exact.push({ table: m.table, row: m.row, index: m.index, exact: true });
					break;
				}
				if (cell.ordinal === form.ordinal && cell.core.length >= 2) {
					const score = bigramSimilarity(cell.core, form.core);
					if (score >= FUZZY_THRESHOLD && score > fuzzyScore) {
						fuzzyScore = score;
						fuzzy = { table: m.table, row: m.row, index: m.index, exact: false };
					}
				}
			}
		}
		if (exact.length > 0) return exact;
		return fuzzy ? [fuzzy] : [];
	}
}

function ordinalsCompatible(cell: LabelForm, form: LabelForm): boolean {
	if (cell.ordinal === form.ordinal) return true;
	if (cell.ordinal === '' && form.ordinal !== '') return form.core.length >= MIN_CORE_WITHOUT_ORDINAL;
	return false;
}

/** Exact, or the template's label followed by a parenthetical note the export kept or dropped. */
function coreMatches(cell: string, core: string): boolean {
	if (cell === core) return true;
	if (cell.startsWith(core) && cell.charAt(core.length) === '(') return true;
	if (core.startsWith(cell) && core.charAt(cell.length) === '(') return true;
	return false;
}
