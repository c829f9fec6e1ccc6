import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkReport, LineIndex, parseReport } from '../server/src/core/index.ts';
import { readSeed, SEEDS, tableValues } from './helpers.ts';

/**
 * The same report in every table layout real exports use must read to the same values. The
 * tab-cells seed is rewritten row by row into pipe rows, Markdown and cell-per-line, with CRLF
 * and CR line breaks, and the extracted tables must not change.
 */
type Rows = string[][];

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

function rewrite(text: string, render: (rows: Rows) => string[]): string {
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

const RENDERERS: Record<string, (rows: Rows) => string[]> = {
	'pipe-rows': (rows) => rows.map((r) => r.join(' | ') + ' |'),
	markdown: (rows) => {
		const width = Math.max(...rows.map((r) => r.length));
		const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
		return [`| ${pad(rows[0]).join(' | ')} |`, `|${' --- |'.repeat(width)}`, ...rows.slice(1).map((r) => `| ${pad(r).join(' | ')} |`)];
	},
	'cell-per-line': (rows) => rows.flatMap((r) => [...r.map((c) => `${c} |`), '||']),
};

describe('every layout reads to the same tables', () => {
	for (const seed of SEEDS.filter((s) => readSeed(s).includes('\n\t'))) {
		const text = readSeed(seed);
		const reference = tableValues(parseReport(text)).map((t) => ({ id: t.id, rows: t.rows }));
		for (const [layout, render] of Object.entries(RENDERERS)) {
			test(`${seed} as ${layout}`, () => {
				const converted = rewrite(text, render);
				const model = parseReport(converted);
				assert.deepEqual(new Set(model.tables.map((t) => t.layout)), new Set([layout]));
				assert.deepEqual(tableValues(model).map((t) => ({ id: t.id, rows: t.rows })), reference);
				const errors = checkReport(model).filter((f) => f.severity === 'error');
				assert.deepEqual(errors, []);
			});
		}
		for (const [name, eol] of [['CRLF', '\r\n'], ['CR', '\r']]) {
			test(`${seed} with ${name} line breaks`, () => {
				const model = parseReport(text.replace(/\n/g, eol));
				assert.deepEqual(tableValues(model).map((t) => ({ id: t.id, rows: t.rows })), reference);
			});
		}
	}
});
