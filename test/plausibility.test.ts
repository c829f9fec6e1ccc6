/**
 * Figures no sum contradicts but that cannot all be true (check/rules/plausibilityChecks.ts), on
 * the real seeds as published and with one cell changed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, checkReport, parseReport } from '../server/src/core/index.ts';
import { readSeed } from './helpers.ts';

const SEEDS = ['000_64647beae46556e6.txt', '001_2c73ece5a30f6368.txt', '002_80c9c3334538e3f2.txt', '003_6d0cd6ca3bfdf8d5.txt', '004_9106e2caa941d205.txt'];
const codes = (text: string) => checkReport(parseReport(text)).filter((f) => f.code.startsWith('plausibility.'));

/** The seed with one cell of active.rules rewritten. */
function withCell(seed: string, row: string, column: string, value: string): { text: string; at: { line: number; character: number } } {
	const text = readSeed(seed);
	const table = parseReport(text).tables.find((t) => t.def.id === 'active.rules')!;
	const cell = table.byKey.get(row)!.cells.get(column)!;
	return { text: applyEdits(text, [{ range: cell.range, newText: value }]), at: cell.range.start };
}

describe('plausibility', () => {
	test('the seeds as published: only seed 004\'s appeals without any request (information)', () => {
		for (const seed of SEEDS) {
			const found = codes(readSeed(seed)).map((f) => `${f.code}:${f.severity}`);
			assert.deepEqual(found, seed.startsWith('004') ? ['plausibility.appeals-without-requests:information'] : [], seed);
		}
	});

	test('现行有效件数 below what was issued and not repealed', () => {
		const seed = SEEDS[0];
		const model = parseReport(readSeed(seed));
		const row = model.tables.find((t) => t.def.id === 'active.rules')!.byKey.get('normativeDocuments')!;
		const issued = row.cells.get('issued')!.value.value!;
		const repealed = row.cells.get('repealed')!.value.value!;
		// At the bound it holds; one below, it cannot.
		assert.deepEqual(codes(withCell(seed, 'normativeDocuments', 'issued', String(row.cells.get('inForce')!.value.value! + repealed)).text), []);
		const { text, at } = withCell(seed, 'normativeDocuments', 'issued', String(row.cells.get('inForce')!.value.value! + repealed + 1));
		const found = codes(text);
		assert.deepEqual(found.map((f) => f.code), ['plausibility.lower-bound']);
		assert.equal(found[0].range.start.line, row.cells.get('inForce')!.range.start.line);
		assert.notDeepEqual(at, found[0].range.start);
		assert.ok(issued >= 0);
	});

	test('规章 reported by a district department (北京市西城区人力资源和社会保障局)', () => {
		const { text, at } = withCell(SEEDS[0], 'regulations', 'issued', '1');
		// 1 issued and 0 in force is also below its bound; the power finding sits on the 规章 cell.
		const found = codes(text);
		assert.deepEqual(found.map((f) => f.code).sort(), ['plausibility.lower-bound', 'plausibility.rules-power']);
		assert.deepEqual(found.find((f) => f.code === 'plausibility.rules-power')!.range.start, at);
	});
});
