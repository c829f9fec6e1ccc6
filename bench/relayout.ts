import { LineIndex } from '../server/src/core/index.ts';

/**
 * A tab-cells report rewritten into the other three text layouts, row by row: pipe rows, Markdown
 * and cell-per-line. test/layouts.test.ts checks each reads to the same tables; the benchmark's
 * real-report corpus uses the same rewrite.
 */
export type Rows = string[][];

/** The physical rows of each tab-cells table block: cells split at tabs, rows at blank lines. */
function tabRows(text: string): Array<{ first: number; last: number; rows: Rows }> {
	const lines = new LineIndex(text).lines;
	const blocks: Array<{ first: number; last: number; rows: Rows }> = [];
	let i = 0;
	while (i < lines.length) {
		if (!lines[i].startsWith('\t')) {
			i++;
			continue;
		}
		const block = { first: i, last: i, rows: [[]] as Rows };
		while (i < lines.length && (lines[i].startsWith('\t') || lines[i].trim() === '' || (lines[i - 1]?.startsWith('\t') && !/^[一二三四五六]、/.test(lines[i])))) {
			const l = lines[i];
			if (l.startsWith('\t')) block.rows[block.rows.length - 1].push(l.slice(1));
			else if (l.trim() === '') {
				if (block.rows[block.rows.length - 1].length) block.rows.push([]);
			} else {
				const row = block.rows[block.rows.length - 1];
				row[row.length - 1] += l.trim();
			}
			if (l.trim() !== '' || l.startsWith('\t')) block.last = i;
			i++;
		}
		block.rows = block.rows.filter((r) => r.length > 0);
		blocks.push(block);
	}
	return blocks;
}

export function rewrite(text: string, render: (rows: Rows) => string[]): string {
	const lines = new LineIndex(text).lines;
	const out: string[] = [];
	let at = 0;
	for (const b of tabRows(text)) {
		out.push(...lines.slice(at, b.first), ...render(b.rows));
		at = b.last + 1;
	}
	out.push(...lines.slice(at));
	return out.join('\n');
}

export const RENDERERS: Record<string, (rows: Rows) => string[]> = {
	'pipe-rows': (rows) => rows.map((r) => r.join(' | ') + ' |'),
	markdown: (rows) => {
		const width = Math.max(...rows.map((r) => r.length));
		const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
		return [`| ${pad(rows[0]).join(' | ')} |`, `|${' --- |'.repeat(width)}`, ...rows.slice(1).map((r) => `| ${pad(r).join(' | ')} |`)];
	},
	'cell-per-line': (rows) => rows.flatMap((r) => [...r.map((c) => `${c} |`), '||']),
};
