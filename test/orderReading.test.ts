import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, fixAllEdits, LineIndex, parseReport } from '../server/src/core/index.ts';
import { hoverAt } from '../server/src/core/features/index.ts';
import { tableValues } from './helpers.ts';

/**
 * Plain pdftotext writes a wrapped row label as a block of its own, away from its numbers, but
 * keeps the numbers in the table's order: where they fill the table's rows exactly and its sums
 * vouch for the placing, the table is read row by row in that order (inferred: lowered, never
 * fixed). The files are corpus reports (test/corpus/pdf/, sources in their .expected.json).
 */
const PDF = join(__dirname, 'corpus', 'pdf');
const read = (name: string) => readFileSync(join(PDF, name), 'utf8');
const requestsOf = (text: string) => parseReport(text).tables.find((t) => t.def.id === 'requests')!;
const valuesOf = (text: string) => tableValues(parseReport(text)).find((t) => t.id === 'requests')!.rows;
const lineOf = (text: string, n: number) => new LineIndex(text).lines[n];

describe('plain pdftotext with row labels extracted apart from their numbers', () => {
	test('numbers in order, labels scattered (（二）部分公开 printed above （一）予以公开’s numbers): the table reads as the -layout text of the same PDF does', () => {
		const raw = read('generated-tab-cells-s7.raw.txt');
		const table = requestsOf(raw);
		assert.equal(table.unreadable, undefined);
		assert.ok(table.readInOrder);
		assert.equal(table.rows.length, 25);
		assert.deepEqual(valuesOf(raw), valuesOf(read('generated-tab-cells-s7.layout.txt')));
		for (const row of table.rows) for (const c of row.cells.values()) assert.ok(c.inferred && c.placedInOrder, `${row.def.key} ${c.column}`);
		const findings = checkReport(parseReport(raw));
		const inferred = findings.filter((f) => f.code === 'table.inferred');
		assert.equal(inferred.length, 1);
		assert.match(inferred[0].message, /分开提取.*175 个数值.*25 行/);
	});

	test('a published PDF (淮安市 2024, plain pdftotext): the 25 rows read by order are the rows its -layout text reads by label', () => {
		const real = (name: string) => readFileSync(join(__dirname, 'corpus', 'real', name), 'utf8');
		const raw = real('jiangsu-huaian-szf-2024-raw.txt');
		assert.ok(requestsOf(raw).readInOrder);
		assert.deepEqual(valuesOf(raw), valuesOf(real('jiangsu-huaian-szf-2024-layout.txt')));
		assert.equal(Object.keys(valuesOf(raw)).length, 25);
	});

	test('the one wrong cell the sums locate is a warning on that cell, with no fix; fix-all leaves the table alone', () => {
		const raw = read('pingtan-zrzyj-2024.raw.txt');
		const model = parseReport(raw);
		assert.ok(requestsOf(raw).readInOrder);
		const balance = checkReport(model).filter((f) => f.code.startsWith('balance.'));
		assert.equal(balance.length, 1);
		const [f] = balance;
		assert.equal(f.code, 'balance.row-total');
		assert.equal(f.severity, 'warning');
		assert.equal(f.fix, undefined);
		assert.equal(f.alternatives, undefined);
		assert.equal(f.range.start.line, 146);
		assert.equal(lineOf(raw, 146).slice(f.range.start.character, f.range.end.character), '24');
		assert.ok(!checkReport(model).some((x) => x.severity === 'error' && x.code.startsWith('balance.')));
		assert.deepEqual(fixAllEdits(model).filter((e) => e.range.start.line >= 110 && e.range.start.line <= 570), []);
		// The hover says how the cell was placed.
		assert.match(hoverAt(model, { line: 146, character: 0 }, 'zh')!.markdown, /按原文数值的先后推定/);
		assert.match(hoverAt(model, { line: 146, character: 0 }, 'en')!.markdown, /order of the numbers/);
	});

	test('a placing the sums do not vouch for (two mistakes that meet in no one cell) is not trusted: what rests on rows the order alone placed is information', () => {
		const raw = read('pingtan-zrzyj-2024.raw.txt');
		const lines = raw.split('\n');
		// Besides （一）予以公开's 24 (line 147, the report's own mistake), 1.本机关不掌握's 37 (line 296) changed.
		assert.equal(lines[146], '24');
		assert.equal(lines[295], '37');
		lines[295] = '35';
		const text = lines.join('\n');
		const table = requestsOf(text);
		assert.ok(!table.readInOrder);
		assert.ok(table.inferred);
		const model = parseReport(text);
		const findings = checkReport(model).filter((f) => f.code.startsWith('balance.'));
		// （一）予以公开 (its numbers on lines 147–159) was placed by the order alone; 1.本机关不掌握's
		// label stands right before its numbers (lines 296–308), whose own sum fails wherever the row is.
		const guessed = findings.filter((f) => f.range.start.line < 200 || f.code === 'balance.column-total');
		assert.ok(guessed.length >= 2);
		assert.ok(guessed.every((f) => f.severity === 'information' && !f.fix), JSON.stringify(guessed.map((f) => [f.code, f.severity])));
		assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.range.start.line), [307]);
	});

	test('a number too few (a blank cell the extraction dropped) is no placing by order', () => {
		const lines = read('pingtan-zrzyj-2024.raw.txt').split('\n');
		assert.equal(lines[160], '9');
		lines.splice(160, 2);
		const table = requestsOf(lines.join('\n'));
		assert.ok(!table.readInOrder);
	});

	test('text laid out as on the page (pdftotext -layout) is read by its labels, never by order', () => {
		for (const name of ['generated-tab-cells-s7.layout.txt', 'pingtan-zrzyj-2024.layout.txt']) {
			const model = parseReport(read(name));
			assert.ok(model.tables.every((t) => !t.readInOrder), name);
		}
	});
});

describe('a running page header inside a table (the report\'s title at the top of each page)', () => {
	const withHeader = (name: string, before: number, title: string) => {
		const lines = read(name).split('\n');
		lines.splice(before - 1, 0, '\f' + title, '');
		return lines.join('\n');
	};

	test('is page furniture: the table is read as without it, and no table is built from the numbers after it', () => {
		const text = withHeader('pingtan-jtjsj-2025.raw.txt', 199, '平潭综合实验区交通与建设局2025年度政府信息公开工作年度报告');
		const model = parseReport(text);
		assert.deepEqual(checkReport(model).filter((f) => f.severity === 'error'), []);
		assert.equal(model.tables.filter((t) => t.def.id === 'appeals').length, 1);
		assert.deepEqual(valuesOf(text), valuesOf(read('pingtan-jtjsj-2025.raw.txt')));
	});

	test('without page breaks (text pasted from a PDF viewer), a repeat of the title line is page furniture too', () => {
		const codes = (t: string) => checkReport(parseReport(t)).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.code).filter((c) => c !== 'cleanup.artifact');
		const name = 'pingtan-scjgj-2023.raw.txt';
		const text = read(name).replace(/\f/g, '平潭综合实验区市场监督管理局2023年度政府信息公开工作年度报告\n');
		assert.deepEqual(codes(text), codes(read(name)));
	});

	test('between a row label and its numbers: no number is lost, and a wrong total there is still found', () => {
		const name = 'seed-000-xicheng-rsj-2023.raw.txt';
		const text = withHeader(name, 484, '北京市西城区人力资源和社会保障局2023年政府信息公开工作年度报告');
		assert.deepEqual(valuesOf(text), valuesOf(read(name)));
		const lines = text.split('\n');
		const at = lines.findIndex((l, n) => n > 484 && l === '5');
		lines[at] = '6';
		const findings = checkReport(parseReport(lines.join('\n'))).filter((f) => f.code.startsWith('balance.'));
		assert.equal(findings.length, 1);
		assert.equal(findings[0].range.start.line, at);
	});
});

describe('page furniture that is not', () => {
	test('an empty page (a form feed alone) makes no line of the pages around it a running header or footer', () => {
		for (const [name, before] of [['pingtan-gaj-2022.raw.txt', 115], ['pingtan-gaj-2022.layout.txt', 79], ['pingtan-gaj-2022.raw.txt', 178]] as const) {
			const lines = read(name).split('\n');
			lines.splice(before - 1, 0, '\f');
			const text = lines.join('\n');
			const codes = (t: string) => checkReport(parseReport(t)).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.code).filter((c) => c !== 'cleanup.artifact');
			assert.deepEqual(codes(text), codes(read(name)), `${name} before ${before}`);
		}
	});

	test('a footer with the page number spelt out (第 3 页 共 7 页, - 3 / 7 -) is a footer, and so is one that repeats the agency beside it', () => {
		const name = 'pingtan-zrzyj-2024.layout.txt';
		const original = read(name);
		let page = 0;
		for (const footer of ['第 # 页 共 5 页', '第 # 页，共 5 页', '- # / 5 -', '平潭综合实验区自然资源与生态环境局  #']) {
			const text = original.replace(/^\s*—(\d)—\s*$/gm, (_, n: string) => `                    ${footer.replace('#', n)}`);
			assert.notEqual(text, original);
			assert.deepEqual(valuesOf(text), valuesOf(original), footer);
			page++;
		}
		assert.equal(page, 4);
	});
});

describe('page numbers in plain pdftotext', () => {
	test('a table’s last 0 before a page break is a cell, not the page’s number', () => {
		const raw = read('pingtan-zrzyj-2024.raw.txt');
		const appeals = parseReport(raw).tables.find((t) => t.def.id === 'appeals')!;
		assert.equal(appeals.unreadable, undefined);
		assert.equal(appeals.rows[0].valueCount, 15);
	});

	test('bare numbers that run on with the pages, in a document that marks no page numbers otherwise, are page numbers; a lone one is a cell', () => {
		const page1 = ['2023年政府信息公开工作年度报告', '一、总体情况', '本机关认真落实条例。', '1'];
		const table = ['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容', '', '本年制发件数', '', '本年废止件数', '', '现行有效件数', '', '规章', '', '1', '', '0', '', '1', '', '2'];
		const rest = ['\f行政规范性文件', '', '3', '', '0', '', '3', ''];
		const rows = (text: string) => {
			const rules = parseReport(text).tables.find((t) => t.def.id === 'active.rules')!;
			return ['regulations', 'normativeDocuments'].map((key) => [...(rules.byKey.get(key)?.cells.values() ?? [])].map((c) => c.text));
		};
		// Page 1 ends in 1 and page 2 in 2: both are page numbers.
		assert.deepEqual(rows([...page1.slice(0, 3), '1', ...['\f' + table[0], ...table.slice(1)], ...rest].join('\n')), [['1', '0', '1'], ['3', '0', '3']]);
		// Only page 2 ends in a bare number: it may as well be a cell, and is not dropped (规章 then has a fourth number).
		const lone = parseReport([...page1.slice(0, 3), ...['\f' + table[0], ...table.slice(1)], ...rest].join('\n')).tables.find((t) => t.def.id === 'active.rules')!;
		assert.deepEqual(lone.byKey.get('regulations')!.extraCells.map((c) => c.text), ['2']);
	});
});
