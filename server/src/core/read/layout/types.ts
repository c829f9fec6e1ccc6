import type { Range } from '../text.ts';

/** The ways real exports lay a table out as plain text. */
export type Layout =
	| 'tab-cells' // one cell a line, each starting with a TAB; blank lines between rows
	| 'pipe-rows' // one row a line, cells separated by |
	| 'tab-rows' // one row a line, cells separated by TABs (a table copied out of Word, Excel or a page)
	| 'cell-per-line' // one cell a line closed by |, rows closed (not always) by lines of bare pipes
	| 'markdown' // | a | b | with a |---| separator
	| 'box-drawn' // │ a │ b │ between ├──┼──┤ lines, as a text browser dumps a page's table
	| 'html-table' // <table> markup inside the text (Markdown from PDF tools, pandoc's gfm of merged cells)
	| 'glued' // a web page squashed onto few lines: cells run together
	| 'pdf-text'; // text extracted from a PDF: tokens separated by spaces and line ends, labels wrapped around their numbers

export interface RawCell {
	/** The cell's text, trimmed; continuation lines joined without a separator. */
	text: string;
	/** Exact range of the trimmed text; an empty cell has an empty range where a value would go. */
	range: Range;
	/** Physical row within the block, or -1 where the layout does not show rows. */
	row: number;
	/** The split of this cell from its neighbours was guessed (glued layout). */
	inferred?: boolean;
	/**
	 * Nothing may be written at its range: the blank a number merged down over rows leaves below
	 * it (no text of its own), or a number whose digits markup cuts apart (`1<span>5</span>`).
	 * Its value is read as any other's; only no fix writes there.
	 */
	unwritable?: boolean;
}

export interface TableBlock {
	layout: Layout;
	firstLine: number;
	lastLine: number;
	cells: RawCell[];
	/** Whether `row` can be trusted to say which cells belong together. */
	rowsReliable: boolean;
	/** Read by aligning the cells as one token stream to the template, not row by row. */
	aligned?: boolean;
	/**
	 * Where the block starts on its first line and ends on its last, when text that is not the
	 * block's shares those lines (`三、收到和处理…<table>…`, `</table>四、…`): that text is read as text.
	 */
	span?: { start: number; end: number };
	/** On the first of several pipe tables a PDF converter cut one table into: the whole run as one token stream, the other reading. */
	region?: TableBlock;
}
