import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, LineIndex, parseReport } from '../server/src/core/index.ts';
import { readSeed, tableValues } from './helpers.ts';

/**
 * Text extracted from PDF: seeds 000 and 001 rendered to PDF (one HTML table per tab block,
 * LibreOffice) and extracted with `pdftotext -layout` and plain `pdftotext` (poppler 22.12);
 * the files are in test/fixtures/layouts/ (see README.md there). The tables must read to the
 * seed's values, with certainty where the extraction kept the labels beside their numbers.
 */
const LAYOUTS = join(__dirname, 'fixtures', 'layouts');
const read = (name: string) => readFileSync(join(LAYOUTS, name), 'utf8');
const values = (text: string) => tableValues(parseReport(text)).map((t) => ({ id: t.id, rows: t.rows }));

const SEEDS = ['000_64647beae46556e6', '001_2c73ece5a30f6368'];

describe('text extracted from PDF reads to the tables of the source', () => {
	for (const seed of SEEDS) {
		const reference = values(readSeed(`${seed}.txt`));
		test(`${seed}: pdftotext -layout reads every cell, none by inference`, () => {
			const model = parseReport(read(`seed-${seed}.pdftotext-layout.txt`));
			assert.deepEqual(new Set(model.tables.map((t) => t.layout)), new Set(['pdf-text']));
			assert.deepEqual(values(read(`seed-${seed}.pdftotext-layout.txt`)), reference);
			assert.ok(model.tables.every((t) => !t.inferred));
			assert.deepEqual(checkReport(model).filter((f) => /^(balance|table|cell)\./.test(f.code) && f.severity !== 'hint'), []);
		});
		test(`${seed}: plain pdftotext (cells out of order) reads the same values; rows placed by order are inferred`, () => {
			const model = parseReport(read(`seed-${seed}.pdftotext-raw.txt`));
			const got = values(read(`seed-${seed}.pdftotext-raw.txt`));
			// The only row allowed to be lost is an optional local row whose label the extraction moved away.
			for (const t of reference) {
				const g = got.find((x) => x.id === t.id);
				assert.ok(g, t.id);
				for (const [key, v] of Object.entries(t.rows)) if (key !== 'R3.6.0') assert.deepEqual(g.rows[key], v, `${t.id} ${key}`);
			}
			assert.deepEqual(checkReport(model).filter((f) => f.severity === 'error' || (/^(balance|table|cell)\./.test(f.code) && f.severity === 'warning')), []);
		});
	}

	test('a wrong total in pdftotext -layout text is an error at its cell, with its fix', () => {
		const text = read('seed-000_64647beae46556e6.pdftotext-layout.txt').replace(/(\n {13}60 {9}4 {16}0 {4}0 {3}1 {6}0 {4})65/, '$166');
		assert.notEqual(text, read('seed-000_64647beae46556e6.pdftotext-layout.txt'));
		const findings = checkReport(parseReport(text)).filter((f) => f.code === 'balance.row-total');
		assert.equal(findings.length, 1);
		assert.equal(findings[0].severity, 'error');
		assert.equal(new LineIndex(text).lines[findings[0].range.start.line].slice(findings[0].range.start.character, findings[0].range.end.character), '66');
		assert.ok(findings[0].fix);
	});

	test('a table split across pages, with a page footer, a form feed and the header repeated, reads as one', () => {
		const source = read('seed-000_64647beae46556e6.pdftotext-layout.txt');
		const lines = source.split('\n');
		const header = lines.slice(lines.findIndex((l) => l.startsWith('（本列数据的勾稽关系为')), lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开')));
		const at = lines.findIndex((l) => l.includes('（三）不予公开'));
		const split = [...lines.slice(0, at), '', '                        — 4 —', '\f' + header[0], ...header.slice(1), ...lines.slice(at)].join('\n');
		const model = parseReport(split);
		assert.deepEqual(values(split), values(readSeed('000_64647beae46556e6.txt')));
		assert.equal(model.tables.filter((t) => t.def.id === 'requests').length, 1);
		assert.deepEqual(checkReport(model).filter((f) => f.severity === 'error' || /^(balance|table)\./.test(f.code)), []);
	});
});
