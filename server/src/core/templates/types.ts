/**
 * The declarative description of an official report format: its mandated sections, its statistics
 * tables (rows, columns, labels and their variants) and the balance rules between cells.
 * Parsing, checks, fixes, hovers and the outline all read these definitions; none of them
 * hard-codes a label or a rule.
 */

export type TemplateId = '2021' | '2019' | '2008';

export interface Localized {
	zh: string;
	en: string;
}

export interface ColumnDef {
	key: string;
	label: string;
	en: string;
	/** Other header texts seen for this column in real exports (truncated or reworded). */
	aliases?: string[];
	/** A text column (e.g. 单位) holds no number; the binder assigns it but no rule reads it. */
	kind?: 'number' | 'text';
	/** Amounts (万元) may have decimals; counts may not. */
	allowDecimals?: boolean;
	/** Changes (本年增/减) may be negative. */
	allowNegative?: boolean;
	/** For a column under a group header (Table 3's 行政复议 / 行政诉讼): the group, and the header as printed under it. */
	group?: Localized & { header: string };
}

export type RowKind =
	| 'data' // a row of values
	| 'group' // a label that only groups the rows under it (三、本年度办理结果)
	| 'subtotal'; // a local extra row that sums rows already counted elsewhere (0.其他处理总计)

export interface RowDef {
	key: string;
	/** The label as the official table prints it, with its ordinal (（一）, 1., 一、). */
	label: string;
	en: string;
	kind?: RowKind;
	/** Other wordings of the label seen in real reports. */
	aliases?: string[];
	/** A row that may be absent without being reported (local extras). */
	optional?: boolean;
	/** Amounts (元) may have decimals even in a table of counts. */
	allowDecimals?: boolean;
}

export interface TableDef {
	id: string;
	title: Localized;
	/** Key of the mandated section the table belongs in. */
	section: string;
	/** Labels that start this table in a report (a block heading or a note cell). */
	anchors: string[];
	/** Header texts that may appear above the values (recognised, never read as values). */
	headers: string[];
	columns: ColumnDef[];
	rows: RowDef[];
	/** The key of a data row that has no label of its own (Table 3's single row of 15 numbers). */
	unlabeledRow?: string;
	/** Rows with labels the template does not know are kept (and reported) instead of dropped. */
	allowUnknownRows?: boolean;
	/** Whether a report of this format must contain the table. */
	required: boolean;
}

export interface CellRef {
	row: string;
	column: string;
}

/**
 * One balance rule: `target = Σ terms` for a sum, or `Σ left = Σ right` for an equation.
 * A sum's target is a derived cell that a fix may recompute; an equation has no single
 * derived cell, so it is never fixed automatically.
 */
export type BalanceRule =
	| {
			kind: 'sum';
			id: string;
			code: BalanceCode;
			table: string;
			target: CellRef;
			terms: CellRef[];
	  }
	| {
			kind: 'equation';
			id: string;
			code: BalanceCode;
			table: string;
			left: CellRef[];
			right: CellRef[];
	  };

export type BalanceCode =
	| 'balance.row-total'
	| 'balance.column-total'
	| 'balance.subtotal'
	| 'balance.identity'
	| 'balance.group-total'
	| 'balance.stat-sum';

export interface SectionDef {
	key: string;
	/** The canonical heading, e.g. 一、总体情况. */
	title: string;
	en: string;
	/** Keywords with weights; a heading belongs to the section with the highest score. */
	keywords: Array<[string, number]>;
	/**
	 * Other wordings real reports give this section (older, local or regional forms). They are
	 * recognised as the section; where the format mandates its wording, they are still reported.
	 */
	variants?: string[];
	required: boolean;
	/**
	 * Words of the sub-items the format lists under this section (总体情况: 主动公开, 依申请公开,
	 * 政府信息管理, 平台建设, 监督保障): a sub-heading under it with one of them is its own, never
	 * a section of its own that lacks a heading.
	 */
	subItems?: string[];
	/** Heading levels at which the section may appear (1 = 一、, 2 = （一）). */
	levels: number[];
}

export interface TemplateDef {
	id: TemplateId;
	name: Localized;
	/** The document that issued the format. */
	source: string;
	/** Report years this format is for (inclusive); used to detect a format that doesn't fit the year. */
	years: [number, number];
	/** Labels whose presence identifies the format. */
	signatures: string[];
	sections: SectionDef[];
	/** Severity of a missing or misordered mandated section: a national format mandates them. */
	sectionSeverity: 'error' | 'warning';
	/** Whether the format fixes the sections' headings word for word (a different wording is reported). */
	mandatedWording?: boolean;
	tables: TableDef[];
	rules: BalanceRule[];
}
