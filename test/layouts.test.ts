import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { readSeed, SEEDS, tableValues } from './helpers.ts';
import { RENDERERS, rewrite } from '../bench/relayout.ts';

/**
 * The same report in every table layout real exports use must read to the same values. The
 * tab-cells seed is rewritten row by row into pipe rows, Markdown and cell-per-line, with CRLF
 * and CR line breaks, and the extracted tables must not change.
 */
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

describe('a report squashed onto one line (web text)', () => {
	const text = readSeed(SEEDS[0]);
	const reference = tableValues(parseReport(text)).map((t) => ({ id: t.id, rows: t.rows }));
	const squash = (sep: string) => text.split('\n').map((l) => l.trim()).filter(Boolean).join(sep);

	test('cells separated by spaces are read with certainty', () => {
		const model = parseReport(squash(' '));
		assert.equal(model.index.lineCount, 1);
		assert.deepEqual(tableValues(model).map((t) => ({ id: t.id, rows: t.rows })), reference);
		assert.ok(model.tables.every((t) => t.layout === 'glued' && !t.inferred));
		assert.deepEqual(model.sections.map((s) => s.heading.section?.key), ['overview', 'active', 'requests', 'appeals', 'problems', 'other']);
		assert.deepEqual(checkReport(model).filter((f) => f.severity === 'error'), []);
	});

	test('glued digits are split by inference, using the table rules to choose between splits', () => {
		const model = parseReport(squash(''));
		assert.deepEqual(tableValues(model).map((t) => ({ id: t.id, rows: t.rows })), reference);
		const findings = checkReport(model);
		assert.ok(findings.some((f) => f.code === 'table.inferred' && f.severity === 'information'));
		assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
	});

	test('a wrong total among guessed cells is reported at a lower severity and never fixed', () => {
		// 60 4 0 0 1 0 65 → …66 in the glued first row; the row rule can no longer choose a split.
		const squashed = squash('').replace('一、本年新收政府信息公开申请数量604001065', '一、本年新收政府信息公开申请数量6040010 66');
		assert.notEqual(squashed, squash(''));
		const model = parseReport(squashed);
		const findings = checkReport(model).filter((f) => f.code.startsWith('balance.'));
		assert.ok(findings.length > 0);
		assert.ok(model.tables.find((t) => t.def.id === 'requests')!.inferred);
		for (const f of findings) {
			assert.equal(f.severity, 'information', f.message);
			assert.equal(f.fix, undefined);
		}
	});
});

describe('web text with each section on a line of its own (平潭 交通与建设局 2025, 行政审批局 2023)', () => {
	// The real one-line texts, with a line break before each section heading and after the appeals
	// heading, as a page's text has it where each section is a paragraph.
	const HEADING = '四、政府信息公开行政复议、行政诉讼情况';
	const appeals = (text: string) => tableValues(parseReport(text)).find((t) => t.id === 'appeals');
	for (const [name, total] of [['pingtan-jtjsj-2025.txt', 9], ['pingtan-xzspj-2023.txt', 1]] as const) {
		test(`${name}: the appeals table, its header words and numbers alone on a line, is read as on one line`, () => {
			const text = readFileSync(join(__dirname, 'corpus', 'real', name), 'utf8');
			assert.equal(text.split(HEADING).length, 2);
			const split = text.replace(/([一二三四五六]、(?:总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项))/g, '\n$1').replace(HEADING, `${HEADING}\n`);
			const model = parseReport(split);
			assert.ok(model.index.lines.some((l) => l.startsWith('行政复议行政诉讼结果维持')));
			const read = appeals(split);
			assert.deepEqual(read, appeals(text));
			assert.equal(read!.rows.cases[4], total);
			assert.deepEqual(checkReport(model).filter((f) => f.code.startsWith('table.') && f.message.includes('行政复议')), []);
		});
	}
});

describe('pdftotext -layout text padded with NBSPs or ideographic spaces (洪泽区 2023/2024, 淮安市 2024)', () => {
	for (const name of ['jiangsu-hongze-xzf-2023-layout.txt', 'jiangsu-hongze-xzf-2024-layout.txt', 'jiangsu-huaian-szf-2024-layout.txt']) {
		test(`${name}: a header line of two words with a bracket (信息内容 … 本年收费金额（单位：万元）) is a table line, not prose`, () => {
			const real = readFileSync(join(__dirname, 'corpus', 'real', name), 'utf8');
			const reference = tableValues(parseReport(real)).find((t) => t.id === 'active.fees');
			assert.ok(reference, 'the fees table is read as written');
			for (const mark of ['\u00a0', '\u3000']) {
				const model = parseReport(real.replaceAll(' ', mark));
				assert.deepEqual(tableValues(model).find((t) => t.id === 'active.fees')?.rows, reference.rows, JSON.stringify(mark));
				assert.deepEqual(checkReport(model).filter((f) => f.code === 'table.unreadable' && f.message.includes('收费')), [], JSON.stringify(mark));
			}
		});
	}
});

describe('a PDF-to-Markdown text whose pipes became TABs (上海市科委 2024, 上海市政府办公厅 2025, 沭阳县 2025)', () => {
	// Each pipe row as TAB cells, the separator lines dropped, as the same table reaches a text by a TAB-writing route.
	const tabbed = (text: string) =>
		text
			.split('\n')
			.filter((l) => !(l.includes('|') && /^[|\s:-]+$/.test(l.trim())))
			.map((l) => (l.includes('|') ? l.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim()).join('\t') : l))
			.join('\n');
	const tableFindings = (text: string) => checkReport(parseReport(text)).filter((f) => f.code.startsWith('table.')).map((f) => [f.code, f.severity, f.message]);
	for (const name of ['shanghai-kw-2024.txt', 'shanghai-szfbgt-2025.txt', 'jiangsu-shuyang-xzf-2025.txt']) {
		test(`${name}: tables the converter cut apart are unreadable as with pipes, not rows missing`, () => {
			const real = readFileSync(join(__dirname, 'corpus', 'real', name), 'utf8');
			const text = tabbed(real);
			assert.ok(text.includes('\t') && !text.includes('|'));
			assert.deepEqual(tableFindings(text), tableFindings(real));
		});
	}
});

describe('a label broken by a line break inside a piped cell', () => {
	for (const [seed, whole, broken] of [
		['004_9106e2caa941d205.txt', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 |', '1.申请人无正当理由逾期不补正、\n行政机关不再处理其政府信息公开申请 |'],
		['003_6d0cd6ca3bfdf8d5.txt', '2.其他法律行政法规禁止公开 |', '2.其他法律行政法规\n禁止公开 |'],
	]) {
		test(`${seed}: is joined again, and the table reads as before`, () => {
			const text = readSeed(seed);
			const model = parseReport(text.replace(whole, broken));
			assert.deepEqual(tableValues(model), tableValues(parseReport(text)));
			assert.deepEqual(checkReport(model).filter((f) => f.code.startsWith('table.') || f.code.startsWith('balance.')), []);
		});
	}
	test('a prose line before a table is not joined to its first cell', () => {
		const text = readSeed('003_6d0cd6ca3bfdf8d5.txt').replace('第二十条第(一)项 |', '单位：件\n第二十条第(一)项 |');
		assert.deepEqual(tableValues(parseReport(text)), tableValues(parseReport(readSeed('003_6d0cd6ca3bfdf8d5.txt'))));
	});
});

describe('a pipe row short of a cell (a web table that lost one)', () => {
	test('says which column each number is in is unknown, not that cells ran together', () => {
		const text = readSeed('003_6d0cd6ca3bfdf8d5.txt').replace('2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||', '2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0');
		const findings = checkReport(parseReport(text));
		assert.deepEqual(findings.filter((f) => f.code === 'table.cell-count').length, 1);
		const inferred = findings.filter((f) => f.code === 'table.inferred');
		assert.equal(inferred.length, 1);
		assert.match(inferred[0].message, /数值个数与模板不符/);
		assert.doesNotMatch(inferred[0].message, /粘连/);
	});
});
