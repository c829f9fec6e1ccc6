import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { markedPageNumberAt } from '../server/src/core/read/pageNumbers.ts';
import { tableValues } from './helpers.ts';

// 平潭综合实验区 2021 (one line of web text; every row's numbers spaced apart, all balancing).
const REPORT = readFileSync(join(__dirname, 'corpus', 'real', 'pingtan-jsp-2021.txt'), 'utf8');
const TOTAL_ROW = '（七）总计 5 0 0 0 0 3 8';

function withText(from: string, to: string): string {
	assert.ok(REPORT.includes(from), from);
	return REPORT.replace(from, to);
}
const values = (text: string) => tableValues(parseReport(text)).map((t) => ({ id: t.id, rows: t.rows }));
const findings = (text: string) => checkReport(parseReport(text));

describe('one line of web text: a page number among a row\'s numbers', () => {
	for (const [from, to, where] of [
		['3.其他 1 0 0 0 0 0 1', '3.其他 1 0 0 -3- 0 0 0 1', 'between two cells'],
		['（一）予以公开 1 0 0 0 0 1 2', '（一）予以公开 — 2 — 1 0 0 0 0 1 2', 'between the label and its numbers'],
	] as const) {
		test(`-3- / — 2 — ${where} is no cell: the row reads as without it`, () => {
			const text = withText(from, to);
			assert.deepEqual(values(text), values(REPORT));
			assert.deepEqual(findings(text).filter((f) => f.severity === 'error' || f.code.startsWith('table.')).map((f) => f.code), []);
		});
	}

	test('a negative cell is still read as one (-3 is not -3-)', () => {
		assert.equal(markedPageNumberAt(' -3- 0', 1), 3);
		assert.equal(markedPageNumberAt(' — 12 — 0', 1), 6);
		for (const [line, at] of [[' -3 0', 1], [' -3-0', 1], ['x-3- 0', 1], [' -1234- 0', 1]] as const) assert.equal(markedPageNumberAt(line, at), 0, line);
	});
});

describe('numbers spaced apart, one short of the columns', () => {
	test('a glued pair that makes the row balance is the reading (5 0 0 0 0 38: 3 | 8), certain', () => {
		const text = withText(TOTAL_ROW, '（七）总计 5 0 0 0 0 38');
		assert.deepEqual(values(text), values(REPORT));
		assert.deepEqual(findings(text).filter((f) => f.code.startsWith('balance.') || f.code === 'table.inferred').map((f) => f.code), []);
	});

	test('where no split balances (5 0 0 0 0 39: 39, or 3 | 9 and a cell left out?), the sums that fail are a guess: lowered, never fixed', () => {
		const text = withText(TOTAL_ROW, '（七）总计 5 0 0 0 0 39');
		const found = findings(text);
		const balance = found.filter((f) => f.code.startsWith('balance.'));
		assert.ok(balance.length > 0, 'the row still does not add up, and says so');
		for (const f of balance) {
			assert.notEqual(f.severity, 'error', f.message);
			assert.equal(f.fix, undefined, f.message);
		}
		assert.ok(found.some((f) => f.code === 'table.inferred'));
	});

	test('a run with no spaces at all (5000039) is glued cells, one a digit: its wrong total stays an error', () => {
		const text = withText(TOTAL_ROW, '（七）总计 5000039');
		const errors = findings(text).filter((f) => f.severity === 'error' && f.code.startsWith('balance.'));
		assert.ok(errors.length > 0, findings(text).map((f) => `${f.severity} ${f.code}`).join('\n'));
	});
});
