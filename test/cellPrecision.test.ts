// Issue 11: a count with more digits than a double holds must never be read rounded, nor "fixed".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, checkReport, fixAllEdits, parseReport } from '../server/src/core/index.ts';
import { parseCellValue } from '../server/src/core/read/cellValue.ts';
import { readSeed } from './helpers.ts';

const SEED = readSeed('000_64647beae46556e6.txt');

function withLine(n: number, from: string, to: string): string {
	const lines = SEED.split('\n');
	assert.equal(lines[n], `\t${from}`);
	lines[n] = `\t${to}`;
	return lines.join('\n');
}

describe('numbers beyond what a double holds', () => {
	it('15 significant digits read as a number, 16 or more do not', () => {
		assert.deepEqual(parseCellValue('999999999999999'), { kind: 'number', value: 999999999999999, notes: [] });
		assert.equal(parseCellValue('000000000000000012').value, 12);
		assert.equal(parseCellValue('12.50000000000000000').value, 12.5);
		for (const text of ['9007199254740993', '12345678901234567890', '1,234,567,890,123,456', '１２３４５６７８９０１２３４５６７', '1234567890.1234567', '.12345678901234567'])
			assert.deepEqual(parseCellValue(text).kind, 'invalid', text);
		assert.ok(parseCellValue('9007199254740993').notes.includes('imprecise'));
	});

	it('a huge total is flagged, not rewritten', () => {
		const text = withLine(93, '65', '12345678901234567890');
		const model = parseReport(text);
		const findings = checkReport(model);
		const at = findings.filter((f) => f.range.start.line === 93);
		assert.deepEqual(at.map((f) => f.code), ['cell.not-a-number']);
		assert.ok(findings.every((f) => !(f.fix?.edits ?? []).some((e) => e.range.start.line === 93)));
		assert.ok(fixAllEdits(model).every((e) => e.range.start.line !== 93));
	});

	it('a huge addend leaves its total unfixed, so no digits are lost', () => {
		const text = withLine(87, '60', '9007199254740993');
		const model = parseReport(text);
		const findings = checkReport(model);
		assert.ok(findings.some((f) => f.code === 'cell.not-a-number' && f.range.start.line === 87));
		const edits = [...fixAllEdits(model), ...findings.flatMap((f) => f.fix?.edits ?? [])];
		for (const e of edits) assert.ok(!/\d{16,}/.test(e.newText), `a fix writes ${e.newText}`);
		// Nothing in the document is rewritten with a rounded figure.
		assert.ok(!applyEdits(text, fixAllEdits(model)).includes('9007199254740992'));
	});
});

describe('a change written in words (the 2019 format\'s 本年增/减 column)', () => {
	it('减4 is −4 and 增3 is 3; the words alone are no number', () => {
		assert.deepEqual(parseCellValue('减4'), { kind: 'number', value: -4, notes: ['negative'] });
		assert.deepEqual(parseCellValue('增3'), { kind: 'number', value: 3, notes: [] });
		assert.equal(parseCellValue('减0.5').value, -0.5);
		assert.equal(parseCellValue('减').kind, 'invalid');
		assert.equal(parseCellValue('增加').kind, 'invalid');
	});
});
