import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, checkReport, derivedCells, evaluate, fixAllEdits, LineIndex, parseReport, ruleInstances, type Range } from '../server/src/core/index.ts';
import { readSeed, SEEDS } from './helpers.ts';

/**
 * Properties over arbitrary text and over random edits of the seeds: nothing throws, every range
 * lies inside the document, fix-all's edits never overlap, touch only number cells, and are
 * idempotent. Seeded runs, so a failure reproduces.
 */
const RUNS = Number(process.env.NIANBAO_PROPERTY_RUNS ?? 60);
const SEED = 20261123;

/** The rules that hold in a text, as "table index|rule id". */
function heldRules(text: string): Set<string> {
	const model = parseReport(text);
	const out = new Set<string>();
	model.tables.forEach((table, i) => {
		const derived = derivedCells(model, table);
		for (const inst of ruleInstances(model, table)) if (evaluate(inst, derived).status === 'ok') out.add(`${i}|${inst.rule.id}`);
	});
	return out;
}

function inside(index: LineIndex, r: Range): boolean {
	const ok = (p: Range['start']) => p.line >= 0 && p.line < index.lineCount && p.character >= 0 && p.character <= index.lines[p.line].length;
	return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

function assertSound(text: string): void {
	const model = parseReport(text);
	for (const lang of ['zh', 'en'] as const) {
		for (const f of checkReport(model, { lang })) {
			assert.ok(inside(model.index, f.range), `${f.code} range outside the document`);
			for (const e of f.fix?.edits ?? []) assert.ok(inside(model.index, e.range));
			for (const r of f.related ?? []) assert.ok(inside(model.index, r.range));
		}
	}
	const edits = fixAllEdits(model);
	for (const e of edits) {
		assert.ok(inside(model.index, e.range));
		assert.match(e.newText, /^\d+(\.\d+)?$/, 'fix-all writes only numbers');
		const old = model.index.textOf(e.range);
		assert.match(old, /^[\s\S]{0,40}$/, 'fix-all replaces only a cell');
		assert.ok(!/[\n\r]/.test(old), 'fix-all never crosses a line');
	}
	const fixed = applyEdits(text, edits); // throws on overlapping edits
	assert.deepEqual(fixAllEdits(parseReport(fixed)), [], 'fix-all is idempotent');
}

const seedTexts = SEEDS.map(readSeed);
const label = fc.constantFrom('一、本年新收政府信息公开申请数量', '（七）总计', '行政复议', '总计', '3.其他', '规章', '第二十条第（一）项', '二、主动公开政府信息情况', '0.其他处理总计');
const junk = fc.oneof(fc.string(), fc.constantFrom('\t', '|', '||', '\t0', '0 |', '\r\n', '—', '１２', '1,404', '-3', '2.5', '\ufeff', '\u0000'), label);

type Edit = { kind: 'delete' | 'duplicate' | 'insert' | 'number' | 'swap'; at: number; text: string; n: number };
const edit: fc.Arbitrary<Edit> = fc.record({
	kind: fc.constantFrom('delete', 'duplicate', 'insert', 'number', 'swap'),
	at: fc.nat(),
	text: junk,
	n: fc.integer({ min: 0, max: 999 }),
});

function mutate(text: string, edits: Edit[]): string {
	let lines = text.split('\n');
	for (const e of edits) {
		const i = e.at % Math.max(lines.length, 1);
		switch (e.kind) {
			case 'delete':
				lines.splice(i, 1);
				break;
			case 'duplicate':
				lines.splice(i, 0, lines[i] ?? '');
				break;
			case 'insert':
				lines.splice(i, 0, e.text);
				break;
			case 'number':
				lines[i] = (lines[i] ?? '').replace(/\d+/, String(e.n));
				break;
			case 'swap': {
				const j = (i + 1) % Math.max(lines.length, 1);
				[lines[i], lines[j]] = [lines[j], lines[i]];
				break;
			}
		}
		lines = lines.filter((l) => l !== undefined);
	}
	return lines.join('\n');
}

describe('properties', () => {
	test('arbitrary text never breaks the parser or the checks', () => {
		fc.assert(fc.property(fc.array(junk, { maxLength: 60 }).map((parts) => parts.join('')), assertSound), { numRuns: RUNS * 3, seed: SEED });
	});

	test('random edits of the seeds: sound ranges, safe and idempotent fix-all', () => {
		fc.assert(
			fc.property(fc.nat({ max: seedTexts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (s, edits) => assertSound(mutate(seedTexts[s], edits))),
			{ numRuns: RUNS, seed: SEED },
		);
	});

	// Fix-all writes only the cells the rules locate (issue 11): with several changed cells it may leave
	// rules failing, but it never makes a rule fail that held.
	test('fix-all never makes a rule fail that held before', () => {
		fc.assert(
			fc.property(fc.nat({ max: seedTexts.length - 1 }), fc.array(fc.record({ at: fc.nat(), n: fc.integer({ min: 0, max: 500 }) }), { minLength: 1, maxLength: 6 }), (s, changes) => {
				let text = seedTexts[s];
				const cells = parseReport(text).tables.flatMap((t) => t.rows.flatMap((r) => [...r.cells.values()])).filter((c) => c.value.kind === 'number');
				if (cells.length === 0) return;
				const picked = new Map(changes.map((c) => [cells[c.at % cells.length], c.n]));
				text = applyEdits(text, [...picked].map(([cell, n]) => ({ range: cell.range, newText: String(n) })));
				const before = heldRules(text);
				const fixed = applyEdits(text, fixAllEdits(parseReport(text)));
				const after = heldRules(fixed);
				for (const r of before) assert.ok(after.has(r), `fix-all broke ${r}`);
			}),
			{ numRuns: RUNS, seed: SEED },
		);
	});
});
