import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyEdits, checkReport, extractReport, fixAllEdits, LineIndex, parseReport, TEMPLATES } from '../server/src/core/index.ts';
import { readHtml } from '../server/src/core/read/documents/index.ts';
import { splitPipeLine } from '../server/src/core/read/layout/pipeRows.ts';
import { formatCsv } from '../server/src/cli/spreadsheet.ts';
import { hoverAt } from '../server/src/core/features/index.ts';
import { readSeed, tableValues } from './helpers.ts';
import { RENDERERS, rewrite } from '../bench/relayout.ts';

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

describe('real web text (one line a report, cells glued or spaced irregularly)', () => {
	const web = (name: string) => readFileSync(join(LAYOUTS, 'web', name), 'utf8');
	const table = (text: string, id: string) => tableValues(parseReport(text)).filter((t) => t.id === id);

	test('a unit in brackets closing a label (政府集中采购（元）6675809: 平潭综合执法与应急管理局 2020) is the label\'s: the row is read', () => {
		const text = web('pingtan-zhz-2020.txt');
		assert.match(text, /政府集中采购（元）6675809/);
		const model = parseReport(text);
		const row = model.tables.find((t) => t.def.id === 'active.procurement')?.byKey.get('procurement');
		assert.ok(row, 'the procurement row is read');
		assert.equal([...row.cells.values()].map((c) => c.text).join(''), '6675809');
		assert.ok(!checkReport(model).some((f) => f.code === 'table.missing-row'));
	});

	test('a glued cell split by a guess is not quoted in a format hint (4838518699.09元: 平潭农业农村局 2019)', () => {
		const text = web('pingtan-nyn-2019.txt');
		assert.match(text, /4838518699\.09元/);
		const model = parseReport(text);
		const cells = [...model.tables.find((t) => t.def.id === 'active.procurement')!.byKey.get('procurement')!.cells.values()];
		assert.ok(cells.some((c) => c.inferred && c.text.endsWith('元')));
		assert.deepEqual(checkReport(model).filter((f) => f.code === 'cell.format'), []);
	});

	test('digits one short of the columns (一、本年新收…申请数量0 00000 under seven): the row is there, its blank a guess, no warning', () => {
		const text = readFileSync(join(__dirname, 'corpus', 'real', 'pingtan-gaj-2019.txt'), 'utf8');
		assert.match(text, /一、本年新收政府信息公开申请数量0 00000二、/);
		const model = parseReport(text);
		const row = model.tables.find((t) => t.def.id === 'requests')!.byKey.get('R1')!;
		assert.deepEqual([...row.cells.values()].map((c) => c.text), ['0', '0', '0', '0', '0', '0', '']);
		assert.ok([...row.cells.values()].every((c) => c.inferred));
		assert.deepEqual(checkReport(model).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.code), []);
		// One digit fewer still is no row of zeros: the row is not read.
		const shorter = parseReport(text.replace('申请数量0 00000二、', '申请数量0 0000二、'));
		assert.ok(!shorter.tables.find((t) => t.def.id === 'requests')!.byKey.has('R1'));
		// Any digits one short read so (1 00000: a wrong cell among them), the row kept, its findings lowered, never missing.
		const one = parseReport(text.replace('申请数量0 00000二、', '申请数量1 00000二、'));
		const r1 = one.tables.find((t) => t.def.id === 'requests')!.byKey.get('R1')!;
		assert.deepEqual([...r1.cells.values()].map((c) => c.text), ['1', '0', '0', '0', '0', '0', '']);
		const findings = checkReport(one);
		assert.ok(!findings.some((f) => f.code === 'table.missing-row' && f.message.includes('本年新收')));
		assert.ok(findings.some((f) => f.code.startsWith('balance.') || f.code === 'cell.blank-total'));
		assert.ok(findings.every((f) => !(f.code.startsWith('balance.') || f.code === 'cell.blank-total') || (f.severity === 'information' && !f.fix)));
	});

	test('glued items under a wrong total (申请数量1400000 13): of the splits none balances, the one the columns’ rules bear out is shown (14 + 0 …), as a guess', () => {
		const text = readFileSync(join(__dirname, 'corpus', 'real', 'pingtan-jtjsj-2023.txt'), 'utf8').replace('申请数量1400000 14 二、', '申请数量1400000 13 二、');
		const model = parseReport(text);
		const r1 = model.tables.find((t) => t.def.id === 'requests')!.byKey.get('R1')!;
		assert.deepEqual([...r1.cells.values()].map((c) => c.text), ['14', '0', '0', '0', '0', '0', '13']);
		const balance = checkReport(model).filter((f) => f.code.startsWith('balance.'));
		assert.ok(balance.some((f) => f.code === 'balance.row-total' && f.message.includes('14')));
		assert.ok(balance.every((f) => f.severity === 'information' && !f.fix));
		assert.ok(!balance.some((f) => f.message.includes('自然人')), 'no column is blamed for the split');
	});

	test('a row label run straight into the next between rows with numbers (…申请3.其他（七）总计1000001) is a row the page left empty', () => {
		const text = readFileSync(join(__dirname, 'corpus', 'real', 'pingtan-scjgj-2023.txt'), 'utf8');
		assert.match(text, /不再处理其政府信息公开申请3\.其他（七）总计1000001/);
		const model = parseReport(text);
		const requests = model.tables.find((t) => t.def.id === 'requests')!;
		for (const key of ['R3.6.2', 'R3.6.3']) assert.deepEqual([...requests.byKey.get(key)!.cells.values()].map((c) => c.text), ['', '', '', '', '', '', ''], key);
		assert.deepEqual(checkReport(model).filter((f) => f.code === 'table.missing-row' && f.data?.table === 'requests'), []);
	});

	test('units inside cells: 政府集中采购 2笔 984361元 is read as written', () => {
		assert.deepEqual(table(web('pingtan-czjrj-2020.txt'), 'active.procurement').map((t) => t.rows), [{ procurement: [2, 984361] }]);
		assert.ok(!parseReport(web('pingtan-czjrj-2020.txt')).tables.find((t) => t.def.id === 'active.procurement')!.inferred);
	});

	test('a count glued to an amount (82059.2090万元) is split by inference and says so', () => {
		const model = parseReport(web('pingtan-zrzyj-2019.txt'));
		const t = model.tables.find((x) => x.def.id === 'active.procurement')!;
		assert.ok(t.inferred);
		assert.deepEqual([...t.byKey.get('procurement')!.cells.values()].map((c) => c.text), ['8', '2059.2090万元']);
		assert.ok(checkReport(model).some((f) => f.code === 'table.inferred'));
	});

	test('a signed change glued between numbers (88-720) lands in the column that may be negative', () => {
		const text = web('pingtan-zrzyj-2019.txt').replace(/行政许可[0-9]+其他/, '行政许可88-720其他');
		const row = parseReport(text).tables.find((x) => x.def.id === 'active.licensing')!.byKey.get('licensing')!;
		assert.ok((row.cells.get('change')!.value.value ?? 0) < 0);
		assert.ok(row.cells.get('previousCount')!.value.value! >= 0 && row.cells.get('decisions')!.value.value! >= 0);
	});

	test('a 2021 report whose 主动公开 tables keep the 2019 columns: one warning, no missing tables', () => {
		const model = parseReport(web('pingtan-shsyj-2021.txt'));
		assert.equal(model.template.id, '2021');
		assert.deepEqual(model.tables.map((t) => t.def.id), ['active.rules', 'active.licensing', 'active.enforcement', 'active.fees', 'requests', 'appeals']);
		assert.ok(model.tables.find((t) => t.def.id === 'active.rules')!.def.columns.some((c) => c.key === 'newlyMade'));
		const findings = checkReport(model).filter((f) => f.severity === 'error' || f.severity === 'warning');
		assert.deepEqual(findings.map((f) => f.code), ['template.year-mismatch']);
	});

	test('a pipe inside the prose of a one-line page does not hide its tables', () => {
		const model = parseReport(web('pingtan-scjgj-2023.txt'));
		assert.deepEqual(model.tables.map((t) => t.def.id), ['active.rules', 'active.licensing', 'active.enforcement', 'active.fees', 'requests', 'appeals']);
		assert.deepEqual(checkReport(model).filter((f) => f.severity === 'error'), []);
	});

	test('a table anchor named in the introduction is not a second, empty table', () => {
		for (const name of ['pingtan-gaj-2022.txt', 'pingtan-jtjsj-2022.txt', 'pingtan-xzspj-2019.txt']) {
			const model = parseReport(web(name));
			assert.equal(model.tables.filter((t) => t.def.id === 'appeals').length, 1, name);
			assert.deepEqual(checkReport(model).filter((f) => f.code.startsWith('table.') && f.severity === 'warning'), [], name);
		}
	});

	test('no table, cell or balance error in any of the nine reports', () => {
		for (const name of ['pingtan-czjrj-2020.txt', 'pingtan-gaj-2022.txt', 'pingtan-jtjsj-2022.txt', 'pingtan-jtjsj-2025.txt', 'pingtan-scjgj-2023.txt', 'pingtan-shsyj-2021.txt', 'pingtan-xzspj-2019.txt', 'pingtan-zrzyj-2019.txt', 'pingtan-zrzyj-2024.txt']) {
			const findings = checkReport(parseReport(web(name))).filter((f) => /^(table|cell|balance)\./.test(f.code) && f.severity === 'error');
			assert.deepEqual(findings, [], name);
		}
	});
});

describe('pre-2019 统计表 in provincial variants', () => {
	const web = (name: string) => readFileSync(join(LAYOUTS, 'web', name), 'utf8');

	test('Fujian 指标名称 | 计量单位 | 年末统计: read against its own rows, never against the 2019/2021 tables', () => {
		const model = parseReport(web('pingtan-czjrj-2016.txt'));
		assert.equal(model.template.id, '2008');
		assert.deepEqual(tableValues(model).map((t) => t.id), ['statistics.fujian-year-end']);
		assert.deepEqual(tableValues(model)[0].rows, { F1: [86], 'F1.1': [86], 'F1.2': [0], F2: [0], 'F2.1': [0], 'F2.4': [0], 'F2.5': [0] });
		assert.deepEqual(checkReport(model).filter((f) => /^(table|balance|cell)\./.test(f.code) && f.severity !== 'hint'), []);
	});

	test('Fujian 本年度 | 历年累计: both columns read, rows a province leaves out are not reported', () => {
		const model = parseReport(web('pingtan-shsyj-2016.txt'));
		const t = tableValues(model).find((x) => x.id === 'statistics.fujian')!;
		assert.deepEqual(t.rows.F1, [66, 107]);
		assert.deepEqual(t.rows['F1.1'], [66, 107]);
		assert.deepEqual(checkReport(model).filter((f) => /^(table|balance|cell)\./.test(f.code) && f.severity !== 'hint'), []);
	});

	test('a total the Fujian table states that its items do not make is an error (the split is certain: two digits, two columns)', () => {
		const findings = checkReport(parseReport(web('pingtan-gaj-2018.txt'))).filter((f) => f.code === 'balance.stat-sum');
		assert.ok(findings.length >= 1);
		assert.ok(findings.every((f) => f.severity === 'error' && f.message.includes('对申请的答复总数')));
	});
});

describe('a table that cannot be read with confidence is said so once', () => {
	test('PDF text whose empty cells were dropped: one table.unreadable warning, no error, no finding per row', () => {
		const source = read('seed-000_64647beae46556e6.pdftotext-layout.txt');
		// A PDF of a table whose zero cells are blank: the extraction keeps only the numbers written.
		const sparse = source
			.split('\n')
			.map((l) => (/^\s*[1-8]\.属于|^\s*\d\.(重复|信访|要求提供)/.test(l) ? l.replace(/(\s)0(?=\s)/g, '$1 ') : l))
			.join('\n');
		assert.notEqual(sparse, source);
		const model = parseReport(sparse);
		const requests = model.tables.find((t) => t.def.id === 'requests')!;
		assert.ok(requests.unreadable);
		const findings = checkReport(model);
		assert.equal(findings.filter((f) => f.code === 'table.unreadable').length, 1);
		assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
		assert.deepEqual(findings.filter((f) => f.code === 'table.cell-count' || f.code === 'table.missing-row'), []);
		assert.ok(findings.every((f) => !f.code.startsWith('balance.') || (f.severity !== 'error' && f.severity !== 'warning' && !f.fix)));
	});
});

describe('invisible and decorative characters before a label (issue 11, item 3)', () => {
	const seed = readSeed('003_6d0cd6ca3bfdf8d5.txt');
	const reference = values(seed);
	const marked: Array<[string, (line: string) => string]> = [
		['a zero-width space', (l) => '\u200b' + l],
		['a word joiner', (l) => '\u2060' + l],
		['a Markdown list star', (l) => '* ' + l],
		['an emoji', (l) => '📌' + l],
		['a leading tab', (l) => '\t| ' + l],
	];
	for (const [what, mark] of marked) {
		test(`${what} before pipe-row labels drops no row, and is reported once`, () => {
			const text = seed
				.split('\n')
				.map((l) => (/^(?:[一二三四]、|（[一二三四五六七]）|\d\.)\S*\s*\|/.test(l) ? mark(l) : l))
				.join('\n');
			assert.notEqual(text, seed);
			assert.deepEqual(values(text), reference);
			const findings = checkReport(parseReport(text));
			assert.deepEqual(findings.filter((f) => /^(table|balance)\./.test(f.code) && f.severity !== 'hint'), []);
			if (what !== 'a leading tab') assert.equal(findings.filter((f) => f.code === 'cleanup.artifact' && (f.data as { artifact?: string } | undefined)?.artifact === 'invisible').length, 1);
		});
	}
});

describe('Markdown from a PDF tool: one table cut into several pipe tables', () => {
	test('invented headers (数据1 | 数据2 …), a label broken outside the pipes: the table reads to the source values', () => {
		const text = read('seed-000_64647beae46556e6.markdown-cut.md');
		const model = parseReport(text);
		const requests = tableValues(model).find((t) => t.id === 'requests');
		assert.ok(requests);
		assert.deepEqual(requests.rows, values(readSeed('000_64647beae46556e6.txt')).find((t) => t.id === 'requests')!.rows);
		assert.deepEqual(checkReport(model).filter((f) => /^(table|balance|cell)\./.test(f.code) && (f.severity === 'error' || f.severity === 'warning')), []);
	});
});

describe('a page squashed onto one line with its tabs kept', () => {
	test('reads to the tables of the source, with certainty', () => {
		const seed = readSeed('000_64647beae46556e6.txt');
		const squashed = seed.split('\n').join('');
		const model = parseReport(squashed);
		assert.equal(model.index.lineCount, 1);
		assert.deepEqual(values(squashed), values(seed).map((t) => t));
		assert.ok(model.tables.every((t) => !t.inferred));
		assert.deepEqual(checkReport(model).filter((f) => /^(table|balance|cell)\./.test(f.code) && f.severity !== 'hint'), []);
	});
});

describe('pipe rows whose converter dropped the blank cells', () => {
	// Seed 000 as pipe rows, Table 2's zero cells dropped (each row keeps its last cell, the total).
	const dropped = () => {
		const pipes = rewrite(readSeed('000_64647beae46556e6.txt'), RENDERERS['pipe-rows']);
		const lines = pipes.split('\n');
		const from = lines.findIndex((l) => l.startsWith('一、本年新收'));
		const to = lines.findIndex((l) => l.startsWith('四、结转下年度'));
		return lines.map((l, i) => (i >= from && i <= to ? l.replace(/\| 0 (?=\| \d)/g, '') : l)).join('\n');
	};

	test('the table is said unreadable once, not a cell-count warning per row', () => {
		const text = dropped();
		assert.match(text, /一、本年新收政府信息公开申请数量 \| 60 \| 4 \| 1 \| 65 \|/);
		const findings = checkReport(parseReport(text));
		assert.deepEqual(findings.filter((f) => f.code === 'table.cell-count'), []);
		assert.equal(findings.filter((f) => f.code === 'table.unreadable').length, 1);
		assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
	});

	test('a wrong total there is an error at its cell, never fixed', () => {
		const text = dropped().replace('| 60 | 4 | 1 | 65 |', '| 60 | 4 | 1 | 66 |');
		const errors = checkReport(parseReport(text)).filter((f) => f.severity === 'error');
		assert.equal(errors.length, 1, JSON.stringify(errors.map((e) => e.message)));
		assert.equal(new LineIndex(text).lines[errors[0].range.start.line].slice(errors[0].range.start.character, errors[0].range.end.character), '66');
		assert.equal(errors[0].fix, undefined);
	});

	test('a full row among them stands in its columns: its wrong item is not blamed on its total', () => {
		// （七）总计 written whole (its 自然人 60 made 61): the rules locate that cell, not the row's total.
		const text = dropped().replace('| （七）总计 | 60 | 4 | 1 | 65 |', '| （七）总计 | 61 | 4 | 0 | 0 | 1 | 0 | 65 |');
		assert.notEqual(text, dropped());
		const errors = checkReport(parseReport(text)).filter((f) => f.severity === 'error');
		assert.equal(errors.length, 1, JSON.stringify(errors.map((e) => e.message)));
		// The total 65 is vouched for by the 总计 column's balance: the error is on the row's items, from the 61 on.
		const line = new LineIndex(text).lines[errors[0].range.start.line];
		assert.ok(line.slice(errors[0].range.start.character).startsWith('61'));
		assert.match(errors[0].message, /与总计 65 不符；总计与其他勾稽关系一致，有误的是某一项。$/);
	});

	test('a row or two short of a cell stay what they are', () => {
		const pipes = rewrite(readSeed('000_64647beae46556e6.txt'), RENDERERS['pipe-rows']).replace('| 60 | 4 | 0 | 0 | 1 | 0 | 65 |', '| 60 | 4 | 0 | 1 | 0 | 65 |');
		const findings = checkReport(parseReport(pipes));
		assert.equal(findings.filter((f) => f.code === 'table.cell-count').length, 1);
		assert.deepEqual(findings.filter((f) => f.code === 'table.unreadable'), []);
		// Its numbers read left to right are a guess where they stand: nothing rests on them as an error.
		assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
	});
});

describe('web text of a page that leaves zero cells blank', () => {
	// The real 平潭 交通与建设局 2022 page's text, its Table 2 written as a page that leaves zeros
	// blank prints it: a row's zeros dropped, its total kept where the row has a number, an all-zero row empty.
	const blankZeros = () => {
		const text = readFileSync(join(__dirname, 'fixtures', 'layouts', 'web', 'pingtan-jtjsj-2022.txt'), 'utf8');
		const from = text.indexOf('三、收到和处理政府信息公开申请情况');
		const to = text.indexOf('四、政府信息公开行政复议、行政诉讼情况', from);
		assert.ok(from > 0 && to > from);
		const table = text.slice(from, to).replace(/(?<= )\d+(?: \d+){6}(?= )/g, (run) => {
			const numbers = run.split(' ');
			return numbers.every((n) => n === '0') ? '' : [...numbers.slice(0, -1).filter((n) => n !== '0'), numbers[numbers.length - 1]].join(' ');
		});
		return text.slice(0, from) + table.replace(/ {2,}/g, ' ') + text.slice(to);
	};

	test('the table is said unreadable once, its rows are not all "missing", and nothing is an error', () => {
		const text = blankZeros();
		assert.match(text, /一、本年新收政府信息公开申请数量 11 11 二、/);
		const findings = checkReport(parseReport(text));
		assert.deepEqual(findings.filter((f) => f.code === 'table.missing-row' || f.code === 'section.missing'), []);
		assert.equal(findings.filter((f) => f.code === 'table.unreadable').length, 1);
		assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
	});

	test('the appeals table left empty too is there, not "missing"', () => {
		const text = blankZeros().replace(/(审结 总计) 0(?: 0){14} (五、)/, '$1 $2');
		assert.notEqual(text, blankZeros());
		const findings = checkReport(parseReport(text));
		assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
		assert.deepEqual(findings.filter((f) => f.code === 'table.missing'), []);
	});

	test('a wrong item (the total agrees with the rules over totals) is an error on the items, not the total', () => {
		// （一）予以公开 8 7: the 7 is right (（七）总计 11 = 7 + 4), the 8 is not.
		const text = blankZeros().replace('（一）予以公开 7 7', '（一）予以公开 8 7');
		const errors = checkReport(parseReport(text)).filter((f) => f.severity === 'error');
		assert.equal(errors.length, 1, JSON.stringify(errors.map((e) => e.message)));
		assert.equal(new LineIndex(text).lines[errors[0].range.start.line].slice(errors[0].range.start.character, errors[0].range.end.character), '8');
		assert.match(errors[0].message, /有误的是某一项/);
	});

	test('a lone number of several digits over blank items may be cells run together: no error rests on it', () => {
		const text = blankZeros().replace('（七）总计 11 11', '（七）总计 1111');
		assert.notEqual(text, blankZeros());
		assert.deepEqual(checkReport(parseReport(text)).filter((f) => f.severity === 'error'), []);
	});

	test('a glued run after a row label is not an empty row', () => {
		// （一）予以公开77 (自然人 7 and 总计 7 run together) beside rows written apart: the row is not read, not read as empty.
		const text = blankZeros().replace('（一）予以公开 7 7', '（一）予以公开77');
		assert.deepEqual(checkReport(parseReport(text)).filter((f) => f.severity === 'error'), []);
	});

	test('digits stuck to their label are glued cells, not numbers apart: no pinning, no error', () => {
		// One row written apart and short, another glued (自然人 6 and 总计 6 run together as 66).
		const text = blankZeros().replace('（七）总计 11 11', '（七）总计66').replace('一、本年新收政府信息公开申请数量 11 11', '一、本年新收政府信息公开申请数量 6 6');
		assert.deepEqual(checkReport(parseReport(text)).filter((f) => f.severity === 'error'), []);
	});

	test('a row total that is wrong is an error at its cell, located, never fixed', () => {
		const text = blankZeros().replace('（一）予以公开 7 7', '（一）予以公开 7 8');
		assert.notEqual(text, blankZeros());
		const errors = checkReport(parseReport(text)).filter((f) => f.severity === 'error');
		assert.equal(errors.length, 1, JSON.stringify(errors.map((e) => e.message)));
		assert.equal(errors[0].code, 'balance.row-total');
		assert.equal(new LineIndex(text).lines[errors[0].range.start.line].slice(errors[0].range.start.character, errors[0].range.end.character), '8');
		assert.equal(errors[0].fix, undefined);
	});
});

describe('pdftotext -layout of a table that writes only its totals (every item blank)', () => {
	const seed003 = () => readFileSync(join(__dirname, 'corpus', 'pdf', 'seed-003-xicheng-zwfw-2023.layout.txt'), 'utf8');

	test('each short row’s one number is its total and adds up: every cell is known, the table is read, and never written to', () => {
		const model = parseReport(seed003());
		const requests = model.tables.find((t) => t.def.id === 'requests')!;
		assert.equal(requests.unreadable, undefined);
		assert.ok(requests.blanksLost);
		assert.ok(requests.rows.every((r) => [...r.cells.values()].every((c) => !c.inferred && !c.columnUnknown)));
		assert.deepEqual(checkReport(model).filter((f) => f.severity === 'error' || (f.severity === 'warning' && f.code !== 'cleanup.artifact')), []);
		assert.deepEqual(fixAllEdits(model).filter((e) => e.range.start.line >= 55 && e.range.start.line <= 105), []);
	});

	test('a row with an item beside its total keeps that item’s column unknown: the table is still said unreadable', () => {
		const text = seed003().replace(/(1\.属于国家秘密\s+)0$/m, (_, head: string) => `${head.slice(0, -8)}2       2`);
		assert.notEqual(text, seed003());
		const requests = parseReport(text).tables.find((t) => t.def.id === 'requests')!;
		assert.ok(requests.unreadable);
		assert.ok(!requests.blanksLost);
	});
});

describe('pdftotext -layout of a table whose zero cells are blank', () => {
	// Seed 000 through pdftotext -layout with every zero written before another number left blank (as reports that leave zeros blank print it).
	const sparseSeed = () => {
		const source = read('seed-000_64647beae46556e6.pdftotext-layout.txt');
		return source
			.split('\n')
			.map((l) => (/^\s*(?:\S+\s+)?[\d\s]+$/.test(l.replace(/^[^\d]*/, '')) ? l.replace(/(?<=\s)0(?=\s+\d)/g, ' ') : l))
			.join('\n');
	};

	test('each number goes to the column it stands under; the injected wrong total is an error at its cell', () => {
		const text = read('pingtan-jtjsj-2022-compact.pdftotext-layout.txt');
		const model = parseReport(text);
		const requests = model.tables.find((t) => t.def.id === 'requests')!;
		assert.equal(requests.unreadable, undefined);
		const row = (key: string) => requests.def.columns.map((c) => requests.byKey.get(key)!.cells.get(c.key)?.value.value ?? null);
		assert.deepEqual(row('R1'), [11, null, null, null, null, null, 11]);
		assert.deepEqual(row('R3.1'), [7, null, null, null, null, null, 8]);
		assert.deepEqual(row('R3.7'), [11, 0, 0, 0, 0, 0, 11]);
		const errors = checkReport(model).filter((f) => f.severity === 'error');
		assert.equal(errors.length, 1);
		assert.equal(errors[0].code, 'balance.row-total');
		assert.equal(new LineIndex(text).lines[errors[0].range.start.line].slice(errors[0].range.start.character, errors[0].range.end.character), '8');
	});

	test('where the extraction keeps no character grid, the numbers are not placed: the table is unreadable', () => {
		const sparse = sparseSeed();
		const requests = parseReport(sparse).tables.find((t) => t.def.id === 'requests')!;
		assert.ok(requests.unreadable);
		assert.deepEqual(checkReport(parseReport(sparse)).filter((f) => f.severity === 'error'), []);
	});

	// The same sparse text, with one row's total made wrong: wherever its blanks stood, the row's
	// items add up to 5, and its total (the last number: a total is written whenever an item is) says 6.
	const sparseWithWrongTotal = () => {
		const sparse = sparseSeed();
		const wrong = sparse.replace(/(6\.属于四类过程性信息 +5 +)5$/m, '$16');
		assert.notEqual(wrong, sparse);
		return wrong;
	};

	test('a row that does not add up is an error at its total, however its blanks stood; never fixed', () => {
		const text = sparseWithWrongTotal();
		const model = parseReport(text);
		assert.ok(model.tables.find((t) => t.def.id === 'requests')!.unreadable);
		const errors = checkReport(model).filter((f) => f.severity === 'error');
		assert.equal(errors.length, 1, JSON.stringify(errors.map((e) => e.message)));
		const [error] = errors;
		assert.equal(error.code, 'balance.row-total');
		const line = new LineIndex(text).lines[error.range.start.line];
		assert.match(line, /6\.属于四类过程性信息/);
		assert.equal(line.slice(error.range.start.character, error.range.end.character), '6');
		assert.match(error.message, /总计应为 5/);
		assert.match(error.message, /各数所在的列无法确定/);
		assert.equal(error.fix, undefined);
		assert.deepEqual(error.alternatives ?? [], []);
		// Nothing is written by fix-all in a table said unreadable.
		assert.deepEqual(fixAllEdits(model), []);
	});

	test('a balanced sparse table shows no guesses about the item columns', () => {
		const findings = checkReport(parseReport(sparseSeed()));
		assert.deepEqual(findings.filter((f) => f.code.startsWith('balance.') || f.code.startsWith('cell.')), []);
	});

	test('a total the drafter left blank is a blank total with its sum, not its last item read as a wrong total', () => {
		// 一、本年新收: 60, 4 and 1 written, the total 65 left blank. Read as "total 1", the row and the
		// 总计 column's balance would both fail; read as a blank total (65), every rule over totals holds.
		const text = sparseSeed().replace(/^( +60 +4 +1) +65$/m, '$1');
		assert.notEqual(text, sparseSeed());
		const findings = checkReport(parseReport(text));
		assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
		const blank = findings.filter((f) => f.code === 'cell.blank-total');
		assert.equal(blank.length, 1);
		assert.match(blank[0].message, /应为 65（60 \+ 4 \+ 1）/);
		assert.equal(blank[0].fix, undefined);
	});

	test('rows that fail one after another (a column the template does not have) vouch for nothing', () => {
		// A 小计 column before 总计 on the page: every row with 法人 numbers then reads as not adding up.
		const text = sparseSeed()
			.replace(/^( +60 +4 +1) +65$/m, '$1    5    65')
			.replace(/^(三、本年度办理结果 +（一）予以公开 +14 +2) +16$/m, '$1    2    16');
		const findings = checkReport(parseReport(text));
		assert.deepEqual(findings.filter((f) => f.severity === 'error'), [], JSON.stringify(findings.filter((f) => f.severity === 'error').map((f) => f.message)));
	});

	test('the hover on a number whose column is unknown says so; the total keeps its column', () => {
		const text = sparseWithWrongTotal();
		const model = parseReport(text);
		const lines = new LineIndex(text).lines;
		const n = lines.findIndex((l) => /6\.属于四类过程性信息/.test(l));
		const item = hoverAt(model, { line: n, character: lines[n].indexOf('5') }, 'zh')!;
		assert.match(item.markdown, /列不明/);
		assert.match(item.markdown, /所在的列无法确定/);
		const total = hoverAt(model, { line: n, character: lines[n].lastIndexOf('6') }, 'zh')!;
		assert.match(total.markdown, /· 总计/);
		assert.doesNotMatch(total.markdown, /列不明/);
		// A row with no item numbers: its blanks stand where the total ends; the total is what a hover there shows.
		const z = lines.findIndex((l) => /1\.属于国家秘密/.test(l));
		const zero = hoverAt(model, { line: z, character: lines[z].trimEnd().length }, 'zh')!;
		assert.match(zero.markdown, /· 总计/);
	});

	test('extract marks the numbers whose column is unknown, and the spreadsheet puts them in no column', () => {
		const model = parseReport(sparseWithWrongTotal());
		const requests = extractReport(model).tables.find((t) => t.id === 'requests')!;
		assert.ok(requests.unreadable);
		const row = requests.rows.find((r) => r.key === 'R3.3.6')!;
		assert.deepEqual(row.values.total, { ...row.values.total, value: 6 });
		assert.equal(row.values.total.columnUnknown, undefined);
		assert.ok(Object.entries(row.values).filter(([k]) => k !== 'total').every(([, v]) => v.columnUnknown === true));
		const csv = formatCsv([{ ...extractReport(model), file: 'sparse.txt' }]).split('\r\n');
		const header = csv[0].split(',');
		const values = csv[1].split(',');
		const at = (key: string) => values[header.indexOf(key)];
		assert.equal(at('requests.R3.3.6.total'), '6');
		assert.equal(at('requests.R3.3.6.natural'), '');
	});

	test('where each number is a line of its own, a row\'s last number may be another row\'s: nothing is certain', () => {
		// Plain pdftotext writes cells one per line and may put a row's last cell after the next row's label.
		const text = sparseWithWrongTotal().replace(/^(\s*\S.*?\S)((?: +\d+)+)$/gm, (_all, head: string, nums: string) => [head, ...nums.trim().split(/ +/)].join('\n\n'));
		const model = parseReport(text);
		const requests = model.tables.find((t) => t.def.id === 'requests');
		assert.ok(!requests || requests.unreadable);
		assert.deepEqual(checkReport(model).filter((f) => f.severity === 'error' && f.code.startsWith('balance.')), []);
	});
});

describe('a web page printed to PDF by Chromium, then extracted (test/corpus/pdf/*.chromium-*)', () => {
	const chromium = (name: string) => readFileSync(join(__dirname, 'corpus', 'pdf', name), 'utf8');
	const rowOf = (text: string, table: string, label: RegExp) => {
		const t = parseReport(text).tables.find((x) => x.def.id === table)!;
		return t.rows.find((r) => label.test(r.def.label))!;
	};

	test('-layout: a row whose total stands beside its label’s first line and its items two lines lower reads each number in the column it stands under', () => {
		const row = rowOf(chromium('pingtan-jtjsj-2024.chromium-layout.txt'), 'requests', /^（二）部分公开/);
		assert.deepEqual([...row.cells.values()].map((c) => c.text), ['3', '0', '0', '0', '0', '0', '3']);
		assert.ok([...row.cells.values()].every((c) => !c.inferred));
		assert.deepEqual(checkReport(parseReport(chromium('pingtan-jtjsj-2024.chromium-layout.txt'))).filter((f) => f.severity === 'error'), []);
	});

	test('-layout: such a row with no full row near it to show the columns stays a guess, and its findings are never errors', () => {
		// The rows around it cut away: nothing shows where the columns stand.
		const text = chromium('pingtan-jtjsj-2024.chromium-layout.txt').split('\n');
		const at = text.findIndex((l) => l.includes('（二）部分公开'));
		const cut = ['三、收到和处理政府信息公开申请情况', ...text.slice(at, at + 5)].join('\n');
		const model = parseReport(cut, { template: '2021' });
		const row = model.tables.find((t) => t.def.id === 'requests')!.rows.find((r) => /^（二）/.test(r.def.label))!;
		assert.ok([...row.cells.values()].every((c) => c.inferred));
		const balance = checkReport(model).filter((f) => f.code.startsWith('balance.'));
		assert.ok(balance.length > 0 && balance.every((f) => f.severity !== 'error' && !f.fix));
	});

	test('-layout: a Fujian 统计表 row printed out of the template’s order (接受行政申诉 after 行政诉讼数) stays in its table, not a second table of one column', () => {
		const model = parseReport(chromium('pingtan-gaj-2018.chromium-layout.txt'));
		assert.deepEqual(model.tables.map((t) => t.def.id), ['statistics.fujian']);
		const row = model.tables[0].byKey.get('F5')!;
		assert.deepEqual([...row.cells.values()].filter((c) => c.column !== 'unit').map((c) => c.text), ['0', '0']);
		assert.deepEqual(checkReport(model).filter((f) => f.code === 'table.cell-count'), []);
	});

	test('-layout: rows under one number merged down over them show their labels alone: they read as blank rows, a guess, not as rows short of numbers', () => {
		const model = parseReport(chromium('pingtan-scjgj-2023.chromium-layout.txt'));
		const requests = model.tables.find((t) => t.def.id === 'requests')!;
		for (const key of ['R3.6.1', 'R3.6.3']) {
			const row = requests.byKey.get(key)!;
			assert.ok([...row.cells.values()].every((c) => c.text === '' && c.inferred), key);
		}
		assert.deepEqual(checkReport(model).filter((f) => f.code === 'table.cell-count'), []);
	});

	test('plain pdftotext: a Fujian 统计表 whose labels went elsewhere (条 1 3 条 0 0 … with no label, the labels after the table) is read by the labels the gap leaves: inferred, its wrong 答复总数 lowered, no row short or long of numbers', () => {
		const model = parseReport(chromium('pingtan-gaj-2018.chromium-raw.txt'));
		const table = model.tables.find((t) => t.def.id === 'statistics.fujian')!;
		assert.ok(!table.unreadable && table.inferred);
		const values = (key: string) => [...table.byKey.get(key)!.cells.values()].filter((c) => c.column !== 'unit').map((c) => `${c.text}${c.inferred ? '?' : ''}`);
		// The four groups between 3.信函申请数 and 4.其他类型答复数 are the four rows whose labels stand after the table.
		assert.deepEqual(['F3', 'F3.1', 'F3.2', 'F3.3'].map(values), [['0?', '0?'], ['1?', '3?'], ['0?', '0?'], ['0?', '0?']]);
		// The group before 其中：1.政府网站公开数 is 主动公开信息数, printed after its rows.
		assert.deepEqual(values('F1'), ['181?', '1568?']);
		assert.deepEqual(values('F2.3'), ['1', '3']);
		const findings = checkReport(model);
		const sums = findings.filter((f) => f.code === 'balance.stat-sum');
		assert.equal(sums.length, 2);
		assert.ok(sums.every((f) => f.severity === 'information' && !f.fix));
		assert.deepEqual(findings.filter((f) => f.code === 'table.cell-count' || f.code === 'table.unreadable' || f.severity === 'error'), []);
	});

	test('plain pdftotext: numbers printed before their label (13 0 13 / 规范性文件, a report with no 规章 row) are that label\'s row, not 规章\'s', () => {
		const model = parseReport(readFileSync(join(__dirname, 'corpus', 'pdf', 'pingtan-scjgj-2023.raw.txt'), 'utf8'));
		const rules = model.tables.find((t) => t.def.id === 'active.rules')!;
		assert.equal(rules.byKey.get('regulations'), undefined);
		assert.deepEqual([...rules.byKey.get('normativeDocuments')!.cells.values()].map((c) => `${c.text}${c.inferred ? '?' : ''}`), ['13?', '0?', '13?']);
		const findings = checkReport(model).filter((f) => f.range.start.line >= rules.range.start.line && f.range.start.line <= rules.range.end.line);
		assert.deepEqual(findings.filter((f) => f.code === 'table.cell-count'), []);
		assert.deepEqual(findings.filter((f) => f.code === 'table.missing-row').map((f) => f.data?.row), ['regulations']);
	});

	test('plain pdftotext: a label before its table\'s header, its numbers after it (行政许可 / 本年处理决定数量 / 9487) are one row, inferred', () => {
		const model = parseReport(readFileSync(join(__dirname, 'corpus', 'real', 'jiangsu-hongze-xzf-2024-raw.txt'), 'utf8'));
		const licensing = model.tables.find((t) => t.def.id === 'active.licensing')!;
		assert.ok(!licensing.unreadable);
		assert.deepEqual([...licensing.byKey.get('licensing')!.cells.values()].map((c) => `${c.text}${c.inferred ? '?' : ''}`), ['9487?']);
		assert.deepEqual(checkReport(model).filter((f) => f.data?.table === 'active.licensing'), []);
	});

	test('plain pdftotext: two one-row tables whose labels stand before their headers and whose numbers run together (0 0 第二十条第（九）项 … 6 251000元) are read row by row, inferred', () => {
		const model = parseReport(readFileSync(join(__dirname, 'fixtures', 'layouts', 'shanghai-szfbgt-2019.chromium.pdftotext-raw.txt'), 'utf8'));
		const cells = (id: string, key: string) => [...model.tables.find((t) => t.def.id === id)!.byKey.get(key)!.cells.values()].map((c) => `${c.text}${c.inferred ? '?' : ''}`);
		assert.deepEqual(cells('active.fees', 'fees'), ['0?', '0?']);
		assert.deepEqual(cells('active.procurement', 'procurement'), ['6?', '251000元?']);
		assert.deepEqual(checkReport(model).filter((f) => f.code === 'table.cell-count'), []);
	});

	test('plain pdftotext: Table 3 under header cells broken a character a line is read, not reported missing', () => {
		const text = chromium('pingtan-shsyj-2025.chromium-raw.txt');
		const appeals = parseReport(text).tables.find((t) => t.def.id === 'appeals')!;
		assert.ok(appeals && !appeals.unreadable);
		assert.deepEqual([...appeals.rows[0].cells.values()].map((c) => c.text).join(' '), '2 1 0 0 3 3 3 0 0 6 2 0 0 0 2');
		assert.equal(checkReport(parseReport(text)).filter((f) => f.code === 'table.missing').length, 0);
	});

	test('-layout (LibreOffice’s PDF): the signature date under the 统计表, spaced by pdftotext (2017 年 1 月 13 日), is no row’s numbers', () => {
		const model = parseReport(readFileSync(join(__dirname, 'corpus', 'pdf', 'pingtan-czjrj-2016.libreoffice-layout.txt'), 'utf8'));
		const table = model.tables.find((t) => t.def.id.startsWith('statistics'))!;
		const last = table.rows[table.rows.length - 1];
		assert.ok(last.labelText.includes('电子邮件申请数'));
		assert.equal(last.valueCount + last.extraCells.length, 1);
		assert.deepEqual(checkReport(model).filter((f) => f.code === 'table.cell-count'), []);
		// The site's bulleted navigation LibreOffice printed reads as no table: its bullets are no marks in a table.
		assert.ok(readFileSync(join(__dirname, 'corpus', 'pdf', 'pingtan-czjrj-2016.libreoffice-layout.txt'), 'utf8').includes('•'));
		assert.deepEqual(model.artifacts.filter((a) => a.kind === 'invisible'), []);
	});

	test('plain pdftotext (LibreOffice’s PDF): Table 3 with its 总计 header a character a line among the numbers is said unreadable, not missing, and 总 计 is no row of Table 2', () => {
		const model = parseReport(readFileSync(join(__dirname, 'corpus', 'pdf', 'pingtan-shsyj-2025.libreoffice-raw.txt'), 'utf8'));
		assert.equal(model.tables.filter((t) => t.def.id === 'requests').length, 1);
		const findings = checkReport(model);
		assert.equal(findings.filter((f) => f.code === 'table.missing').length, 0);
		assert.equal(findings.filter((f) => f.code === 'table.unreadable' && /行政复议/.test(f.message)).length, 1);
		assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
	});

	test('plain pdftotext: Table 3 among its header’s fragments is Table 3, and no fragment (其 他) becomes a row of Table 2', () => {
		const model = parseReport(chromium('pingtan-czjrj-2025.chromium-raw.txt'));
		const appeals = model.tables.find((t) => t.def.id === 'appeals')!;
		assert.deepEqual([...appeals.rows[0].cells.values()].map((c) => c.text).join(' '), Array(15).fill('0').join(' '));
		assert.equal(model.tables.filter((t) => t.def.id === 'requests').length, 1);
		const findings = checkReport(model);
		assert.equal(findings.filter((f) => f.code === 'table.missing').length, 0);
		assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
	});
});

describe('a web page converted to text by tools (test/corpus/converted)', () => {
	const converted = (name: string) => readFileSync(join(__dirname, 'corpus', 'converted', name), 'utf8');

	test('w3m’s box-drawn tables read cell by cell: a label wrapping inside its cell, a group label merged down beside rows', () => {
		const model = parseReport(converted('pingtan-zrzyj-2024.w3m.txt'));
		const values = tableValues(model);
		const requests = values.find((t) => t.id === 'requests')!;
		assert.deepEqual(requests.rows.R1, [69, 0, 0, 0, 0, 0, 69]);
		assert.deepEqual(requests.rows['R3.2'], [9, 0, 0, 0, 0, 0, 9]);
		assert.deepEqual(Object.values(values.find((t) => t.id === 'appeals')!.rows)[0].slice(0, 5), [1, 0, 0, 1, 2]);
		assert.deepEqual(checkReport(model).filter((f) => f.severity === 'error' || (f.severity === 'warning' && f.code !== 'cleanup.artifact')), []);
	});

	test('w3m at 80 columns: the 统计表’s two wrong totals are found, on their cells', () => {
		const errors = checkReport(parseReport(converted('pingtan-gaj-2018.w3m80.txt'))).filter((f) => f.severity === 'error');
		assert.deepEqual(errors.map((f) => f.code), ['balance.stat-sum', 'balance.stat-sum']);
	});

	test('pandoc’s [TABLE] for a table it dropped: the table is said unreadable once, never missing', () => {
		const findings = checkReport(parseReport(converted('pingtan-zrzyj-2024.plain.txt')));
		assert.equal(findings.filter((f) => f.code === 'table.missing').length, 0);
		const unread = findings.filter((f) => f.code === 'table.unreadable');
		assert.deepEqual(unread.map((f) => f.data?.table).sort(), ['appeals', 'requests']);
		assert.ok(unread.every((f) => f.severity === 'warning' && f.message.includes('[TABLE]')));
	});

	test('pandoc’s plain tables under dash rules: a rule is no value (Table 3’s 15 zeros read, not 3 numbers)', () => {
		const model = parseReport(converted('pingtan-scjgj-2023.plain.txt'));
		const appeals = tableValues(model).find((t) => t.id === 'appeals')!;
		assert.deepEqual(Object.values(appeals.rows)[0], Array(15).fill(0));
		assert.ok(!model.tables.some((t) => t.unreadable));
	});

	test('a table truly left out is still missing, though its section holds other tables’ shared words (信息内容, 本年处理决定数量)', () => {
		const text = converted('pingtan-scjgj-2023.plain.txt');
		const at = text.indexOf('第二十条第（八）项');
		assert.ok(at > 0);
		// Cut 第二十条第（八）项 and its rows up to the next section's heading.
		const end = text.indexOf('三、收到和处理政府信息公开申请情况', at);
		const cut = text.slice(0, at) + text.slice(end);
		const findings = checkReport(parseReport(cut));
		assert.ok(findings.some((f) => f.code === 'table.missing' && f.data?.table === 'active.fees' && f.severity === 'error'));
	});
});

describe('Markdown whose cells keep the page’s inline HTML (pandoc -t gfm)', () => {
	test('a cell is the text inside its <span>s: the 统计表 reads, its wrong totals are found, and a fix rewrites only the number', () => {
		const text = readFileSync(join(__dirname, 'fixtures', 'layouts', 'pingtan-gaj-2018.pandoc-gfm.md'), 'utf8');
		const model = parseReport(text);
		const errors = checkReport(model).filter((f) => f.severity === 'error');
		assert.deepEqual(errors.map((f) => f.code), ['balance.stat-sum', 'balance.stat-sum']);
		for (const f of errors) {
			const cell = model.index.lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
			assert.equal(cell, '0', 'the finding covers the number, not its markup');
		}
		// The headings' spans are no words: 二、政府信息主动公开情况, cut by spans over two lines, is not missing.
		assert.ok(!checkReport(model).some((f) => f.code === 'section.missing' && f.message.includes('主动公开')));
	});
});

describe('pipe cells with Word’s empty runs beside the number (pandoc -f docx: 0</span><span style=…></span>)', () => {
	test('the cell is the number: tags are taken off both ends, opening or closing', () => {
		const line = '| 行政许可 | <span style="font-family: 微软雅黑;">0</span><span style="font-family: 微软雅黑;"></span> | <span></span><span>12</span> |';
		const cells = splitPipeLine(line, 0, 0, true);
		assert.deepEqual(cells.map((c) => c.text), ['行政许可', '0', '12']);
		assert.equal(line.slice(cells[1].range.start.character, cells[1].range.end.character), '0');
	});
});

describe('Markdown that pandoc wrote from Word (pandoc -f docx -t gfm)', () => {
	const layout = (name: string) => readFileSync(join(LAYOUTS, name), 'utf8');
	const documentText = (name: string) => readFileSync(join(__dirname, 'fixtures', 'documents', name), 'utf8');
	for (const name of ['generated-2023', 'xicheng-rsj-2023']) {
		test(`${name}: a label's cell spanning columns (empty cells after it) is no values: every table reads as the text the Word file was made from`, () => {
			assert.deepEqual(values(layout(`${name}.pandoc-gfm.md`)), values(documentText(`${name}.txt`)));
		});
	}

	test('a header in bold (| **年末统计** |) is the header: the Fujian 统计表 reads, nothing unreadable', () => {
		const model = parseReport(layout('pingtan-czjrj-2016.pandoc-gfm.md'));
		const table = model.tables.find((t) => t.def.id.startsWith('statistics'))!;
		assert.ok(table && !table.unreadable);
		assert.deepEqual(checkReport(model).filter((f) => f.code.startsWith('table.')), []);
	});
});

describe('<table> markup inside text (pandoc’s gfm of merged cells; PDF-to-Markdown tools)', () => {
	const converted = (name: string) => readFileSync(join(__dirname, 'corpus', 'converted', name), 'utf8');
	const page = (name: string) => readHtml(readFileSync(join(__dirname, 'fixtures', 'documents', 'real', `${name}.html`)));
	const pageValues = (name: string) => {
		const result = page(name);
		assert.ok('rendering' in result);
		return values(result.rendering.text);
	};
	/** The markup as PDF-to-Markdown tools write it: a table on one line, bare tags, only the spans kept. */
	const onOneLine = (text: string) =>
		text.replace(/<table\b[\s\S]*?<\/table>/gi, (t) =>
			t
				.replace(/<(\/?)(\w+)((?:\s+[^<>]*)?)>/g, (_, close: string, name: string, attrs: string) => {
					const spans = [...attrs.matchAll(/\b(rowspan|colspan)="(\d+)"/g)].map((m) => ` ${m[1]}="${m[2]}"`).join('');
					return /^(?:p|span|colgroup|col|tbody|thead)$/i.test(name) ? '' : `<${close}${name}${close ? '' : spans}>`;
				})
				.replace(/\s*\n\s*/g, ''),
		);
	const NAMES = ['pingtan-czjrj-2025', 'pingtan-jtjsj-2024', 'pingtan-shsyj-2025', 'pingtan-xzspj-2025', 'pingtan-zrzyj-2024', 'pingtan-scjgj-2018'];

	for (const name of NAMES) {
		test(`${name}: every table reads to the values of the page read directly, and again with each table on one line of bare tags`, () => {
			const text = converted(`${name}.pandoc-gfm.md`);
			assert.match(text, /<table\b/);
			const expected = pageValues(name);
			assert.deepEqual(values(text), expected);
			const oneLine = onOneLine(text);
			assert.ok(oneLine.split('\n').some((l) => l.startsWith('<table><tr>')), 'the tables are on one line each');
			assert.deepEqual(values(oneLine), expected);
		});
	}

	test('a wrong number between tags is found on its own text, and its fix rewrites only that number', () => {
		const original = converted('pingtan-czjrj-2025.pandoc-gfm.md');
		// 一、本年新收…'s 总计 is 2 (the second <p>2</p> of the requests table).
		const at = original.indexOf('<p>2</p>', original.indexOf('<p>2</p>') + 1);
		assert.ok(at > 0);
		const changed = original.slice(0, at) + '<p>5</p>' + original.slice(at + '<p>2</p>'.length);
		const model = parseReport(changed);
		const errors = checkReport(model).filter((f) => f.severity === 'error');
		assert.deepEqual(errors.map((f) => f.code), ['balance.row-total']);
		assert.equal(model.index.offsetAt(errors[0].range.start), at + 3);
		assert.equal(model.index.offsetAt(errors[0].range.end), at + 4);
		assert.equal(applyEdits(changed, fixAllEdits(model)), original);
	});

	test('a cell padded with &nbsp; is the number inside; an empty cell takes a number just inside its tag', () => {
		const text = ['三、收到和处理政府信息公开申请情况', '', '<table><tr><td colspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>', '<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>&nbsp;3&nbsp;</td><td></td><td>0</td><td>0</td><td>0</td><td>0</td><td>&nbsp;4</td></tr></table>', ''].join('\n');
		const model = parseReport(text);
		const table = model.tables.find((t) => t.def.id === 'requests');
		assert.ok(table);
		const row = table.byKey.get('R1')!;
		const natural = row.cells.get('natural')!;
		assert.equal(model.index.textOf(natural.range), '3');
		const commercial = row.cells.get('commercial')!;
		assert.equal(commercial.text, '');
		assert.equal(text.slice(0, model.index.offsetAt(commercial.range.start)).endsWith('<td>'), true);
		assert.equal(row.cells.get('total')!.value.kind === 'number' && row.cells.get('total')!.value.value, 4);
	});

	test('a page laid out in a table (the report inside a <td>): the tables inside are read, the text around them is text', () => {
		const text = converted('pingtan-czjrj-2025.pandoc-gfm.md');
		const at = text.indexOf('一、总体情况');
		const laidOut = `${text.slice(0, at)}<table><tr><td>\n${text.slice(at)}\n</td></tr></table>\n`;
		assert.deepEqual(values(laidOut), pageValues('pingtan-czjrj-2025'));
		const findings = checkReport(parseReport(laidOut));
		assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.code.startsWith('section.')), []);
	});

	test('<table> in a comment, in a code span or in prose is no table; a table that lost its </table> ends where the next one opens', () => {
		const text = converted('pingtan-czjrj-2025.pandoc-gfm.md');
		const at = text.indexOf('三、收到和处理政府信息公开申请情况');
		const noted = `${text.slice(0, at)}<!-- <table><tr><td>草稿</td></tr></table> -->\n\n表格用 \`<table>\` 标记。\n\n本节的表格（<table>）如下。\n\n${text.slice(at)}`;
		assert.deepEqual(values(noted), pageValues('pingtan-czjrj-2025'));
		const first = text.indexOf('</table>');
		const unclosed = text.slice(0, first) + text.slice(first + '</table>'.length);
		const appeals = (t: string) => values(t).find((v) => v.id === 'appeals');
		assert.deepEqual(appeals(unclosed), appeals(text));
	});

	/** Table 3 of the 2021 format as one <table>, （六）其他处理's numbers merged down over its three rows; （一）予以公开·自然人 as given. */
	const merged = (natural: number) => {
		const def = TEMPLATES['2021'].tables.find((t) => t.id === 'requests')!;
		const values: Record<string, number[]> = { R1: [1, 0, 0, 0, 0, 0, 1], 'R3.1': [natural, 0, 0, 0, 0, 0, 1], 'R3.7': [1, 0, 0, 0, 0, 0, 1] };
		const cells = (v: number[], attrs = '') => v.map((n) => `<td${attrs}>${n}</td>`).join('');
		const rows = def.rows
			.filter((r) => r.kind !== 'group' && !r.optional)
			.map((r) => {
				if (r.key === 'R3.6.1') return `<tr><td>${r.label}</td>${cells(Array(7).fill(0), ' rowspan="3"')}</tr>`;
				if (r.key === 'R3.6.2' || r.key === 'R3.6.3') return `<tr><td>${r.label}</td></tr>`;
				return `<tr><td>${r.label}</td>${cells(values[r.key] ?? Array(7).fill(0))}</tr>`;
			});
		const header = '<tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>';
		return ['三、收到和处理政府信息公开申请情况', '', `<table>${header}`, ...rows, '</table>', ''].join('\n');
	};

	test('numbers merged down over rows count once: the table is read, not guessed, and a wrong item is found and fixed on its own cell', () => {
		const good = parseReport(merged(1));
		// (Only the requests table, and only some of its rows: what is missing is not the question.)
		assert.deepEqual(checkReport(good).filter((f) => (f.code.startsWith('table.') && f.code !== 'table.missing' && f.code !== 'table.missing-row') || f.code.startsWith('balance.')), []);
		const row = good.tables.find((t) => t.def.id === 'requests')!.byKey.get('R3.6.2')!;
		assert.ok([...row.cells.values()].every((c) => c.text === '' && c.unwritable && !c.inferred), 'the blanks under a merged number are read, and never written');
		const text = merged(3);
		const model = parseReport(text);
		const errors = checkReport(model).filter((f) => f.code.startsWith('balance.'));
		assert.ok(errors.length > 0 && errors.every((f) => f.severity === 'error'));
		assert.ok(errors.every((f) => model.index.textOf(f.range) === '3'));
		assert.equal(applyEdits(text, fixAllEdits(model)), merged(1));
	});

	test('a number whose digits markup cuts apart (1<span>5</span>) is read whole, but no fix writes over its markup', () => {
		const text = merged(1).replace('<td>1</td></tr>\n<tr><td>二、', '<td>1<span style="font-size:19px">5</span></td></tr>\n<tr><td>二、');
		assert.notEqual(text, merged(1));
		const model = parseReport(text);
		const findings = checkReport(model).filter((f) => f.code === 'balance.row-total');
		assert.ok(findings.length > 0, 'the row does not add up (1 ≠ 15)');
		assert.ok(findings.every((f) => !f.fix && !(f.alternatives ?? []).length));
		assert.equal(applyEdits(text, fixAllEdits(model)).includes('1<span style="font-size:19px">5</span>'), true);
	});

	test('markup nested thousands deep in a cell, or tables opened and never closed, is read or left without a throw', () => {
		const deep = merged(1).replace('<td>自然人</td>', `<td>${'<span>'.repeat(20000)}自然人${'</span>'.repeat(20000)}</td>`);
		assert.doesNotThrow(() => checkReport(parseReport(deep)));
		const open = `三、收到和处理政府信息公开申请情况\n\n${'<table><tr><td>'.repeat(50000)}\n`;
		assert.doesNotThrow(() => checkReport(parseReport(open)));
	});

	test('page chrome on a line that holds part of a tag (title="闽ICP备…">…</a>) is left alone: deleting it would break the tag', () => {
		const text = ['<a href="https://beian.miit.gov.cn" target="_blank"', 'title="闽ICP备09032658号">闽ICP备09032658号</a>', '', '闽ICP备09032658号', ''].join('\n');
		const artifacts = parseReport(text).artifacts;
		assert.deepEqual(artifacts.map((a) => a.range.start.line), [3]);
	});
});

describe('pipe rows whose label a break cut before its numbers', () => {
	const rows = (second: string) =>
		[
			'三、收到和处理政府信息公开申请情况',
			'（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |',
			'自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
			'（四）无法提供 | 1.本机关不掌握相关政府信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
			'2.没有 |   |   |   |   |   |   |   |',
			'',
			`${second} | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`,
			'  | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
			'',
		].join('\n');

	test('the label’s first part on a row of blank cells and its rest opening the next row make one row', () => {
		const model = parseReport(rows('现成信息需要另行制作'));
		const table = model.tables.find((t) => t.def.id === 'requests')!;
		const row = table.byKey.get('R3.4.2');
		assert.ok(row);
		assert.equal(row.labelText, '2.没有现成信息需要另行制作');
		assert.deepEqual([...row.cells.values()].map((c) => c.text), ['0', '0', '0', '0', '0', '0', '0']);
		assert.deepEqual(row.labelRange, { start: { line: 4, character: 0 }, end: { line: 6, character: '现成信息需要另行制作'.length } });
		assert.ok(table.byKey.has('R3.4.3'));
	});

	test('a row left blank before a row of its own stays a row (the two labels make no label together)', () => {
		const model = parseReport(rows('3.补正后申请内容仍不明确').replace('2.没有 |', '2.没有现成信息需要另行制作 |'));
		const table = model.tables.find((t) => t.def.id === 'requests')!;
		assert.equal(table.byKey.get('R3.4.2')?.labelText, '2.没有现成信息需要另行制作');
		assert.ok(table.byKey.has('R3.4.3'));
	});
});

describe('tables copied into text with TABs between cells (Word, Excel, a page: 规章⇥0⇥0⇥0)', () => {
	const dir = join(__dirname, 'corpus', 'html-rows');
	/** The corpus's HTML rows (` | `-joined cells) with TABs for the separators, as a copy out of a table gives them. */
	const withTabs = (text: string) => text.replace(/ [|｜] /g, '\t').replace(/ [|｜]$/gm, '\t').replace(/^[|｜] /gm, '');
	const codes = (text: string) => checkReport(parseReport(text)).map((f) => `${f.code}@${f.range.start.line}`);
	for (const name of ['pingtan-scjgj-2023.txt', 'seed-002-dongcheng-rsj-2018.txt', 'pingtan-czjrj-2020.txt', 'seed-004-xihu-rsj-2023.txt']) {
		test(`${name}: reads to the same values and findings as with pipes`, () => {
			const piped = readFileSync(join(dir, name), 'utf8');
			const tabbed = withTabs(piped);
			assert.ok(tabbed.includes('\t') && !/ [|｜] /.test(tabbed));
			assert.deepEqual(values(tabbed), values(piped));
			assert.deepEqual(codes(tabbed), codes(piped));
		});
	}

	test('a line of prose that holds a tab is no row: its sentences are read', () => {
		const model = parseReport('一、总体情况\n\n2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，\t全面推进政务公开工作，取得了积极成效。\n');
		assert.ok(model.sentences.some((s) => s.text.includes('全面推进政务公开工作')));
	});
});

describe('a page’s tables as a browser copies them (Ctrl+A, Ctrl+C: a cell’s text, a TAB line, the next cell)', () => {
	const converted = (name: string) => readFileSync(join(__dirname, 'corpus', 'converted', name), 'utf8');
	for (const name of ['jiangsu-shuyang-fgj-2023', 'shanghai-szfbgt-2019']) {
		test(`${name}: every table reads to the values of the same page through pandoc, and the findings are the same`, () => {
			const copied = converted(`${name}.innertext.txt`);
			const viaPandoc = converted(`${name}.pandoc-gfm.md`);
			assert.deepEqual(values(copied), values(viaPandoc));
			// (Each route keeps its own share of the page's chrome: a browser's copy has the 无障碍 link pandoc drops.)
			const codes = (t: string) => checkReport(parseReport(t)).filter((f) => f.severity !== 'hint' && f.code !== 'cleanup.artifact').map((f) => f.code).sort();
			assert.deepEqual(codes(copied), codes(viaPandoc));
		});
	}

	test('a section’s heading between two tables is the heading, not a row', () => {
		const model = parseReport(converted('jiangsu-shuyang-fgj-2023.innertext.txt'));
		const sections = model.headings.filter((h) => h.level === 1).map((h) => h.section?.key);
		assert.deepEqual(sections, ['overview', 'active', 'requests', 'appeals', 'problems', 'other']);
	});
});

describe('two neighbouring numbers the PDF extraction put in each other’s place', () => {
	test('where exchanging them makes every rule hold, the rules’ findings are a note that says so, not errors', () => {
		const text = readFileSync(join(__dirname, 'corpus', 'pdf', 'jiangsu-shuyang-fgj-2023.chromium-raw.txt'), 'utf8');
		const findings = checkReport(parseReport(text)).filter((f) => f.code === 'balance.group-total');
		assert.equal(findings.length, 2);
		for (const f of findings) {
			assert.equal(f.severity, 'information');
			assert.match(f.message, /可能顺序颠倒/);
			assert.ok(!f.fix && !(f.alternatives ?? []).length);
		}
	});

	test('a wrong total no exchange explains stays an error', () => {
		const text = readFileSync(join(__dirname, 'corpus', 'pdf', 'pingtan-jtjsj-2022.layout.txt'), 'utf8');
		const errors = checkReport(parseReport(text)).filter((f) => f.severity === 'error' && f.code.startsWith('balance.'));
		assert.ok(errors.length > 0);
		assert.ok(errors.every((f) => !f.message.includes('可能顺序颠倒')));
	});
});

describe('a table said unreadable shows only what its notice promises', () => {
	test('no rule down a column (a column’s total, an identity) in any unreadable table of the corpus: which column a number stands in is the guess', () => {
		const root = join(__dirname, 'corpus');
		const files = ['pdf', 'real', 'converted', 'html-rows'].flatMap((d) => readdirSync(join(root, d)).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(root, d, f)));
		let unreadable = 0;
		for (const file of files) {
			const model = parseReport(readFileSync(file, 'utf8'));
			const tables = model.tables.filter((t) => t.unreadable && t.def.columns.filter((c) => c.kind !== 'text').length > 1);
			if (tables.length === 0) continue;
			unreadable += tables.length;
			const inside = (line: number) => tables.some((t) => line >= t.range.start.line && line <= t.range.end.line);
			const columnRules = checkReport(model).filter((f) => (f.code === 'balance.column-total' || f.code === 'balance.identity') && inside(f.range.start.line));
			assert.deepEqual(columnRules.map((f) => f.message), [], file);
		}
		assert.ok(unreadable >= 10, `${unreadable} unreadable tables looked at`);
	});

	// Balance findings inside the tables the reader said unreadable, as `rule: message`.
	const unreadableBalance = (text: string) => {
		const model = parseReport(text);
		const tables = model.tables.filter((t) => t.unreadable);
		const inside = (line: number) => tables.some((t) => line >= t.range.start.line && line <= t.range.end.line);
		return checkReport(model).filter((f) => f.code.startsWith('balance.') && inside(f.range.start.line));
	};

	test('no sum over some of a row’s cells (行政复议’s four items and 总计 among Table 4’s fifteen): where they stand is the guess', () => {
		// pdftotext -layout of Shanghai 2019: Table 4 shows 6 numbers for 15 columns.
		const text = read('shanghai-szfbgt-2019.lo.pdftotext-layout.txt');
		assert.ok(parseReport(text).tables.find((t) => t.def.id === 'appeals')?.unreadable);
		assert.deepEqual(unreadableBalance(text).map((f) => f.message), []);
	});

	test('no row sum over numbers a line each (plain pdftotext): the reader dealt them to rows by their order', () => {
		for (const name of ['shanghai-szfbgt-2019.chromium.pdftotext-raw.txt', 'kiro-hangzhou-style-2025-fixture.lo.pdftotext-raw.txt']) {
			const text = read(name);
			assert.ok(parseReport(text).tables.find((t) => t.def.id === 'requests')?.unreadable, name);
			assert.deepEqual(unreadableBalance(text).map((f) => f.message), [], name);
		}
	});

	test('a row whose every number stands on its line still shows its own wrong total, lowered and never fixed', () => {
		const source = readFileSync(join(__dirname, 'corpus', 'pdf', 'pingtan-scjgj-2023.layout.txt'), 'utf8');
		const text = source.replace(/^(一、本年新收政府信息公开申请数量 +1 +0 +0 +0 +0 +0 +)1$/m, '$12');
		assert.notEqual(text, source);
		const findings = unreadableBalance(text);
		assert.deepEqual(findings.map((f) => [f.code, f.severity, f.fix === undefined]), [['balance.row-total', 'information', true]]);
		assert.match(findings[0].message, /一、本年新收/);
	});
});

describe('pages copied by a browser, as they come (test/fixtures/layouts: Chromium’s innerText of real pages)', () => {
	const layout = (name: string) => readFileSync(join(LAYOUTS, name), 'utf8');
	const errorsAndSections = (text: string) => {
		const findings = checkReport(parseReport(text));
		return { errors: findings.filter((f) => f.severity === 'error').map((f) => f.code), sections: findings.filter((f) => f.code.startsWith('section.') && f.severity !== 'information').map((f) => f.code) };
	};
	test('label cells in paragraphs, number cells bare (⇥0⇥0 on one line), a heading right under the table’s last row: the one injected error, every section found', () => {
		assert.deepEqual(errorsAndSections(layout('xihu-rsj-2023-injected.copied-mixed.txt')), { errors: ['balance.row-total'], sections: [] });
	});
	test('spaces after the TABs of a TAB line are no cells: the one injected error, nothing unreadable', () => {
		const text = layout('xihu-rsj-2023-injected.copied-trailing-spaces.txt');
		assert.deepEqual(errorsAndSections(text), { errors: ['balance.row-total'], sections: [] });
		assert.ok(!checkReport(parseReport(text)).some((f) => f.code === 'table.unreadable'));
	});
	test('a bare number after a label (a copied table’s cell no reader took) is no page number: --fix must not delete it', () => {
		const text = '二、主动公开政府信息情况\n\n第二十条第（六）项\n\n行政处罚\n\n37\n\n行政强制\n\n0\n\n三、收到和处理政府信息公开申请情况\n\n本年未收到申请。\n\n3\n';
		assert.deepEqual(parseReport(text).artifacts.map((a) => a.text), ['3']);
	});

	test('headings indented with a TAB (⇥一、总体情况) are headings, not tables', () => {
		assert.deepEqual(errorsAndSections(layout('pingtan-shsyj-2025.tab-indented.txt')), { errors: [], sections: [] });
	});

	const requestsRow = (text: string, key: string) => [...(parseReport(text).tables.find((t) => t.def.id === 'requests')?.byKey.get(key)?.cells.values() ?? [])];

	test('a cell opening with a no-break-space paragraph and empty ones before its number (⇥ / ·  / … / 0) is that number, not a blank total', () => {
		const text = layout('pingtan-jtjsj-2024.innertext.txt');
		assert.deepEqual(
			requestsRow(text, 'R3.6.2').map((c) => c.text),
			['0', '0', '0', '0', '0', '0', '0'],
		);
		const findings = checkReport(parseReport(text)).filter((f) => /^(balance|table|cell)\./.test(f.code));
		assert.deepEqual(findings.map((f) => `${f.code} ${f.message}`), []);
	});

	test('rows a merge above covers (their label alone, no cell) are read as blank, as a guess: no row said to lack its numbers', () => {
		const text = layout('pingtan-scjgj-2023.innertext.txt');
		const findings = checkReport(parseReport(text));
		assert.deepEqual(findings.filter((f) => f.code === 'table.cell-count').map((f) => f.message), []);
		for (const key of ['R3.6.2', 'R3.6.3']) {
			const cells = requestsRow(text, key);
			assert.equal(cells.length, 7, key);
			assert.ok(cells.every((c) => c.text === '' && c.inferred && c.unwritable), key);
		}
		// Said once, as a guess.
		assert.ok(findings.some((f) => f.code === 'table.inferred' && f.severity === 'information' && f.message.includes('合并')));
		assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
	});
});
