import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { isMarkedPageNumber } from '../server/src/core/read/pageNumbers.ts';
import { readSeed, tableValues } from './helpers.ts';

const read = (name: string) => readFileSync(join(__dirname, 'fixtures', 'layouts', name), 'utf8');
const values = (text: string) => tableValues(parseReport(text)).map((t) => ({ id: t.id, rows: t.rows }));
const pageNumbers = (text: string) => parseReport(text).artifacts.filter((a) => a.kind === 'page-number').map((a) => `${a.range.start.line}:${a.text}`);

/** The text with `footer` as a line of its own after the line (0-based) `after`. */
function withFooter(text: string, after: number, footer = '— 1 —'): string {
	const lines = text.split('\n');
	lines.splice(after + 1, 0, footer);
	return lines.join('\n');
}

describe('a page footer where the page broke inside a table', () => {
	test('in a real PDF\'s text (洪泽区 2023, plain pdftotext) the footers inside tables are page numbers too, and the tables read as without them', () => {
		const text = read('jiangsu-hongze-xzf-2023.pdftotext-raw.txt');
		const found = pageNumbers(text);
		for (const at of ['76:-2-', '274:-3-']) assert.ok(found.includes(at), found.join(' '));
		const lines = text.split('\n');
		const without = lines.filter((_, n) => n !== 76 && n !== 274).join('\n');
		assert.deepEqual(values(text), values(without));
	});

	for (const [name, line, where] of [
		['000_64647beae46556e6.txt', 108, 'between two cells of （一）予以公开 (tab cells)'],
		['000_64647beae46556e6.txt', 113, 'between two rows (tab cells)'],
		['004_9106e2caa941d205.txt', 73, 'between 二、上年结转… and its numbers (a cell a line, pipes)'],
	] as const) {
		test(`a footer ${where} splits no row and is named as a page number`, () => {
			const seed = readSeed(name);
			const text = withFooter(seed, line);
			assert.equal(text.split('\n')[line + 1], '— 1 —');
			assert.deepEqual(values(text), values(seed));
			const findings = checkReport(parseReport(text));
			assert.deepEqual(findings.filter((f) => f.code === 'table.cell-count' || f.code === 'table.inferred').map((f) => f.message), []);
			assert.ok(findings.some((f) => f.code === 'cleanup.artifact' && f.range.start.line === line + 1), 'the footer is flagged');
		});
	}

	test('only the forms no cell takes: dashed or 第N页, tight around the number', () => {
		for (const t of ['— 3 —', '-3-', '－12－', '第3页', '第 3 页 共 9 页', '\f-3-']) assert.ok(isMarkedPageNumber(t), t);
		for (const t of ['3', '—   3   —', '3/9', '第3页的', '— 3', '-1234-']) assert.ok(!isMarkedPageNumber(t), t);
	});
});
