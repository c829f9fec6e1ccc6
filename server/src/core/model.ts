import type { CellValue } from './read/cellValue.ts';
import type { HeadingLine } from './read/headings.ts';
import type { Layout } from './read/layout/types.ts';
import type { ColumnDef, RowDef, SectionDef, TableDef, TemplateDef, TemplateId } from './templates/index.ts';
import type { LineIndex, Range } from './read/text.ts';

/** A cell bound to a template row and column. */
export interface BoundCell {
	row: string;
	column: string;
	text: string;
	range: Range;
	value: CellValue;
	/** The split of this cell from its neighbours was guessed: never fixed automatically. */
	inferred: boolean;
	/**
	 * The value is this row's, but which of the row's item columns it stands in is not known (the
	 * extraction dropped the row's blank cells): a sum over all the row's items is still certain.
	 */
	columnUnknown?: boolean;
	/**
	 * Placed by the order of the numbers alone (labels extracted apart from them), a placing the
	 * table's sums vouched for: a rule over it is weighed and located, but its findings are lowered
	 * and never fixed (the cell stays inferred).
	 */
	placedInOrder?: boolean;
	/** No fix may write at its range (see RawCell.unwritable). */
	unwritable?: boolean;
}

export interface BoundRow {
	/** The template row, or a synthetic definition for a row the template does not know. */
	def: RowDef;
	known: boolean;
	labelText: string;
	/** Range of the label cell; for an unlabeled row, the range of its first value. */
	labelRange: Range;
	/** Cells by column key; a column with no cell in the text is absent. */
	cells: Map<string, BoundCell>;
	/** Number of value cells the row actually had (to report a wrong count). */
	valueCount: number;
	/** Cells beyond the template's columns that held text. */
	extraCells: Array<{ text: string; range: Range }>;
	range: Range;
	/**
	 * The rules over totals agree with this row's total: where the row does not add up, one of its
	 * items is wrong, not the total (a row whose items' columns are unknown).
	 */
	totalVouched?: boolean;
}

export interface BoundTable {
	def: TableDef;
	layout: Layout;
	/** Range from the first to the last cell of the table (anchor included). */
	range: Range;
	anchorRange?: Range;
	rows: BoundRow[];
	/** Rows by key, for the known rows (first occurrence). */
	byKey: Map<string, BoundRow>;
	/** Header cells recognised above the values. */
	headers: Array<{ text: string; range: Range }>;
	duplicateRows: BoundRow[];
	/** Whether any cell split was guessed. */
	inferred: boolean;
	/**
	 * Why the table could not be read with confidence (the extraction dropped empty cells, so
	 * which column a number belongs to is unknown); its cells are then all inferred.
	 */
	unreadable?: { zh: string; en: string };
	/** Why its values were inferred, where it is not that its cells ran together (the reason table.inferred gives). */
	inferredWhy?: { zh: string; en: string };
	/** Its numbers were placed row by row in the order the text gives them (see bind/orderReading.ts). */
	readInOrder?: boolean;
	/**
	 * The extraction dropped its blank cells, yet every cell is known (each short row's one number
	 * is its total, its items all blank): checked as read, but never written to, since where the
	 * blanks stood in the text is the reader's placing.
	 */
	blanksLost?: boolean;
}

export interface Heading extends HeadingLine {
	line: number;
	/** The mandated section this heading was matched to, if any (level-1 headings mostly). */
	section?: SectionDef;
	/** How alike the heading's wording is to its section's (1 = the same words), when matched. */
	sectionSimilarity?: number;
	/** Whether the title's end is certain (a line end or punctuation), not a guess inside run-on web text. */
	titleCertain?: boolean;
	/** The section has no heading of its own: this sub-heading is the first of those that hold its content. */
	untitledSection?: boolean;
}

/** A section of the report: a heading and everything up to the next heading of the same or higher level. */
export interface Section {
	heading: Heading;
	/** From the heading to the end of its last line of content. */
	range: Range;
	children: Section[];
	tables: BoundTable[];
}

export interface Artifact {
	kind: 'bookmark' | 'page-number' | 'web-chrome' | 'attachment-link' | 'invisible';
	text: string;
	range: Range;
	/** Delete this range to remove it (the whole line, with its break, where the artifact is a line). */
	deleteRange: Range;
}

/** A number the prose states, bound to the table cells it speaks of. */
export interface Claim {
	/** The claim pattern's id, e.g. requests.new. */
	id: string;
	subject: { zh: string; en: string };
	/** The phrase as written, e.g. 接到3起政府信息公开申请. */
	text: string;
	range: Range;
	/** The number's own range inside the phrase. */
	valueRange: Range;
	value: number;
	/** The cells the claim speaks of (their sum); empty when the report's format has no such cell. */
	cells: BoundCell[];
	/** Other cells the claim's words may count (their sum), with which it agrees too. */
	alsoCounts?: BoundCell[];
}

export interface ReportMetadata {
	title?: { text: string; range: Range };
	agency?: string;
	/** How a report that names no agency speaks of itself (我镇, 本街道): the kind of agency it is. */
	selfReference?: string;
	year?: number;
	/** Where the year was read: the title, the 统计期限 sentence, a sentence naming the report, or only the year the text mentions most. */
	yearSource?: 'title' | 'period' | 'named' | 'frequent';
}

export interface ReportModel {
	index: LineIndex;
	template: TemplateDef;
	/** How the template was chosen. */
	templateSource: 'tables' | 'year' | 'override' | 'default';
	/** The template the tables themselves point to, when they point to one. */
	tableTemplate?: TemplateId;
	metadata: ReportMetadata;
	headings: Heading[];
	/** Top-level sections (and any headings before the first level-1 heading). */
	sections: Section[];
	tables: BoundTable[];
	/** Numeric claims of the prose, bound to table cells. */
	claims: Claim[];
	/** Sentences of the prose (not tables), for checks that read the text around a claim. */
	sentences: Sentence[];
	artifacts: Artifact[];
	/** Required tables the binder could not read though their section shows them (bind/tableTraces.ts). */
	unreadTables: UnreadTable[];
	/** Lines that go on from the line before, where a tool wrapped the text at a fixed width (read/hardWrap.ts). */
	wrapped?: ReadonlySet<number>;
}

/** A table the text shows (a converter's table markup, or its labels) that no reading took. */
export interface UnreadTable {
	def: TableDef;
	/** Where the sign of it stands. */
	line: number;
	character: number;
	/** The sign: the markup or the table's label seen. */
	trace: string;
}

export interface Sentence {
	text: string;
	line: number;
	/** Character where the sentence starts on its line. */
	start: number;
	/**
	 * Where a sentence wrapped over lines (a PDF's text, Markdown from a PDF) goes on on the next
	 * line: the offset in `text` and the position there. Absent for a sentence on one line.
	 */
	breaks?: Array<{ at: number; line: number; character: number }>;
}

export type { ColumnDef, RowDef, TableDef };
