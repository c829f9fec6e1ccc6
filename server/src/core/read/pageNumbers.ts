/**
 * A page number in a form only a page's footer prints — `— 3 —`, `-3-`, `第 3 页`, `第3页 共9页` —
 * alone on its line. Where a PDF's page breaks fell inside a table, text extracted or pasted from
 * it keeps the footer between two rows, or between two cells of a row: no cell of a table reads
 * so, so the readers step over it and the cleanup names it wherever it stands. (A bare `3` may be a
 * cell, and a spaced `—   3   —` may be three: neither is taken here. Full-width digits, －３－, are digits.)
 */
const MARKED_PAGE_NUMBER = /^(?:[-—–－][ \u3000]{0,2}[\d０-９]{1,3}[ \u3000]{0,2}[-—–－]|第[ \u3000]*[\d０-９]{1,3}[ \u3000]*页(?:[ \u3000]*[,，]?[ \u3000]*共[ \u3000]*[\d０-９]{1,3}[ \u3000]*页)?)$/;

export function isMarkedPageNumber(line: string): boolean {
	return line.length <= 40 && MARKED_PAGE_NUMBER.test(line.replace(/\f/g, '').trim());
}

/** A dash-marked page number (`-3-`, `— 3 —`) standing apart inside a line, as a text joined into one line keeps its footers. */
const INLINE_PAGE_NUMBER = /[-—–－][ \u3000]{0,2}[\d０-９]{1,3}[ \u3000]{0,2}[-—–－]/y;

/**
 * The length of the page number that starts at `at` in `line` and stands apart (a space or the
 * line's end on both sides), else 0. A number between two dashes is no cell (a negative cell is
 * `-3`, never `-3-`), so a row's values run on past it.
 */
export function markedPageNumberAt(line: string, at: number): number {
	if (at > 0 && !/[\s\u3000]/.test(line[at - 1])) return 0;
	INLINE_PAGE_NUMBER.lastIndex = at;
	const m = INLINE_PAGE_NUMBER.exec(line);
	if (!m) return 0;
	const after = at + m[0].length;
	return after === line.length || /[\s\u3000]/.test(line[after]) ? m[0].length : 0;
}
