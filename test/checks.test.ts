import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyEdits, checkReport, fixAllEdits, parseReport, type Finding } from '../server/src/core/index.ts';
import { RENDERERS, rewrite } from '../bench/relayout.ts';
import { readSeed } from './helpers.ts';

const SEED_2021 = readSeed('000_64647beae46556e6.txt');
const REPORT_2019 = readFileSync(join(__dirname, 'fixtures', 'reports', '2019-format-blank-totals.txt'), 'utf8');

const codes = (fs: Finding[]) => fs.map((f) => f.code);
const check = (text: string) => checkReport(parseReport(text));
/** Replaces the first occurrence of `from` after `anchor` with `to`. */
function replaceAfter(text: string, anchor: string, from: string, to: string): string {
	const a = text.indexOf(anchor);
	assert.ok(a >= 0, `anchor ${anchor} not found`);
	const i = text.indexOf(from, a + anchor.length);
	assert.ok(i >= 0, `${from} not found after ${anchor}`);
	return text.slice(0, i) + to + text.slice(i + from.length);
}

describe('the 2019 format and blank totals', () => {
	test('a 2019-format report is detected from its tables and its blank totals are warnings, not wrong sums', () => {
		const model = parseReport(REPORT_2019);
		assert.equal(model.template.id, '2019');
		assert.equal(model.metadata.year, 2020);
		const findings = checkReport(model);
		assert.deepEqual([...new Set(codes(findings))], ['cell.blank-total']);
		assert.equal(findings.length, 19);
		assert.ok(findings.every((f) => f.severity === 'warning' && f.fix));
	});

	test('fix-all fills in every blank total, after which the table balances; a second run does nothing', () => {
		const fixed = applyEdits(REPORT_2019, fixAllEdits(parseReport(REPORT_2019)));
		assert.deepEqual(check(fixed), []);
		assert.match(fixed, /（一）予以公开 \| 5 \| 1 \| 0 \| 0 \| 0 \| 0 \| 6 \|/);
		assert.deepEqual(fixAllEdits(parseReport(fixed)), []);
	});

	test('a 2019-format table in a report for 2023 does not fit its year', () => {
		const text = REPORT_2019.replace(/2020年/g, '2023年');
		const f = check(text).find((x) => x.code === 'template.year-mismatch');
		assert.ok(f);
		assert.match(f.message, /2023年度报告应使用2021年格式/);
	});
});

describe('cells', () => {
	test('a dash in an input cell reads as a blank input, i.e. 0', () => {
		const text = replaceAfter(SEED_2021, '2.其他法律行政法规禁止公开', '\t0\n', '\t—\n');
		assert.deepEqual(check(text).filter((f) => f.severity !== 'warning' || f.code !== 'cleanup.artifact'), []);
	});

	test('a row left empty (zeros and total blank) or a dash for a total of none raises nothing', () => {
		const empty = replaceAfter(SEED_2021, '2.其他法律行政法规禁止公开', '\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n', '\t\n\t\n\t\n\t\n\t\n\t\n\t\n');
		assert.notEqual(empty, SEED_2021);
		assert.deepEqual(check(empty).filter((f) => f.code.startsWith('balance.') || (f.code.startsWith('cell.') && f.code !== 'cell.blank')), []);
		// In a table that writes 0 for none, the empty row is noted once (an empty row is no row of 0s), never as an error.
		assert.deepEqual(check(empty).filter((f) => f.code === 'cell.blank').map((f) => [f.severity, f.data?.row]), [['information', 'R3.3.2']]);
		const dash = replaceAfter(SEED_2021, '2.其他法律行政法规禁止公开', '\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n', '\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t—\n');
		assert.deepEqual(check(dash).filter((f) => f.code.startsWith('balance.') || f.code.startsWith('cell.')), []);
		// Written zeros with the total left blank still ask for the total.
		const forgotten = replaceAfter(SEED_2021, '2.其他法律行政法规禁止公开', '\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n', '\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t\n');
		assert.deepEqual(check(forgotten).filter((f) => f.code === 'cell.blank-total').length, 1);
	});

	test('empty rows count as none: new requests with every result row left empty break the balance', () => {
		// Seed 000 as pipe rows, Table 2 emptied after 一、本年新收 (its 60 + 4 + 1 = 65 kept).
		const pipes = rewrite(SEED_2021, RENDERERS['pipe-rows']);
		const lines = pipes.split('\n');
		const from = lines.findIndex((l) => l.startsWith('二、上年结转'));
		const to = lines.findIndex((l) => l.startsWith('四、结转下年度'));
		assert.ok(from > 0 && to > from);
		const emptied = lines.map((l, i) => (i >= from && i <= to ? l.replace(/\| \d+ (?=\|)/g, '|  ') : l)).join('\n');
		const findings = check(emptied);
		// The rows themselves ask for nothing; 60 + 0 = 0 + 0 fails in the 自然人 column.
		assert.deepEqual(findings.filter((f) => f.code === 'cell.blank-total'), []);
		const identity = findings.filter((f) => f.code === 'balance.identity' && f.severity === 'error');
		assert.ok(identity.length >= 1, JSON.stringify(findings.map((f) => f.code)));
		// Fix-all writes no 0 into the empty rows.
		assert.deepEqual(fixAllEdits(parseReport(emptied)).filter((e) => e.newText === '0'), []);
	});

	test('a dash in a total whose items are not all zero is a blank total with a fix', () => {
		const text = replaceAfter(SEED_2021, '（一）予以公开', '\t16\n', '\t—\n');
		const f = check(text).find((x) => x.code === 'cell.blank-total');
		assert.ok(f);
		assert.equal(applyEdits(text, f.fix!.edits), SEED_2021);
	});

	test('text that is no number is reported, and the sums that need it are not checked', () => {
		const text = replaceAfter(SEED_2021, '（一）予以公开', '\t14\n', '\t约14\n');
		const fs = check(text);
		assert.ok(codes(fs).includes('cell.not-a-number'));
		assert.ok(!fs.some((f) => f.code === 'balance.row-total' && f.message.includes('予以公开')));
	});

	test('negative counts and fractional counts are reported; amounts may have decimals', () => {
		assert.ok(codes(check(replaceAfter(SEED_2021, '6.属于四类过程性信息', '\t0\n', '\t-1\n'))).includes('cell.negative'));
		assert.ok(codes(check(replaceAfter(SEED_2021, '行政许可', '\t336\n', '\t336.5\n'))).includes('cell.fraction'));
		assert.ok(!codes(check(replaceAfter(SEED_2021, '行政事业性收费', '\t0\n', '\t12.75\n'))).includes('cell.fraction'));
	});

	test('full-width digits, thousands separators and Chinese numerals are read, with a hint and a fix', () => {
		const text = replaceAfter(replaceAfter(SEED_2021, '一、本年新收政府信息公开申请数量', '\t60\n', '\t６０\n'), '行政许可', '\t336\n', '\t三百三十六\n');
		const fs = check(text);
		assert.deepEqual(fs.filter((f) => f.code.startsWith('balance.')), []);
		const hints = fs.filter((f) => f.code === 'cell.format');
		assert.equal(hints.length, 2);
		assert.equal(applyEdits(text, hints.flatMap((h) => h.fix!.edits)), SEED_2021);
	});

	test("Beijing's 0.其他处理总计 subtotal is checked, and not counted into （七）总计", () => {
		const text = replaceAfter(SEED_2021, '0.其他处理总计', '\t5\n', '\t6\n');
		const fs = check(text);
		// Its row total and the subtotal fail and cross at this cell: one located finding names both (issue 11).
		const balance = fs.filter((f) => f.code.startsWith('balance.'));
		assert.deepEqual(codes(balance), ['balance.row-total']);
		assert.match(balance[0].message, /定位：“0\.其他处理总计”的总计、“0\.其他处理总计”的“[^”]+”均不成立/);
		assert.equal(applyEdits(text, fixAllEdits(parseReport(text))), SEED_2021);
	});
});

describe('structure', () => {
	test('a missing mandated section is an error on the heading where it belongs', () => {
		const text = SEED_2021.replace('五、存在的主要问题及改进情况\n', '');
		const f = check(text).find((x) => x.code === 'section.missing')!;
		assert.equal(f.severity, 'error');
		assert.match(f.message, /存在的主要问题及改进情况/);
		const model = parseReport(text);
		assert.equal(model.index.textOf(f.range), '六、其他需要报告的事项');
	});

	test('sections out of order and duplicated', () => {
		const lines = SEED_2021.split('\n');
		const five = lines.indexOf('五、存在的主要问题及改进情况');
		const six = lines.indexOf('六、其他需要报告的事项');
		const swapped = [...lines];
		swapped[five] = lines[six];
		swapped[six] = lines[five];
		const order = check(swapped.join('\n')).filter((f) => f.code === 'section.order');
		assert.equal(order.length, 1);
		const dup = check(SEED_2021 + '\n六、其他需要报告的事项\n无。\n').filter((f) => f.code === 'section.duplicate');
		assert.equal(dup.length, 1);
	});

	test('a report with no table at all is said so once (its tables may be pictures), not as six tables missing', () => {
		const prose = SEED_2021.split('\n').filter((l) => !l.startsWith('\t')).join('\n');
		const found = check(prose);
		assert.equal(found.filter((f) => f.code === 'table.missing').length, 0);
		const none = found.filter((f) => f.code === 'table.none');
		assert.equal(none.length, 1);
		assert.equal(none[0].severity, 'warning');
		assert.equal((none[0].data?.tables as string[]).length, 6);
		// One table present: the others are missing, each an error.
		const oneTable = SEED_2021.split('\n');
		const start = oneTable.indexOf('\t第二十条第（五）项');
		const kept = oneTable.filter((l, i) => !l.startsWith('\t') || (i >= start && i < start + 8)).join('\n');
		assert.ok(check(kept).filter((f) => f.code === 'table.missing').length >= 4);
		assert.equal(check(kept).filter((f) => f.code === 'table.none').length, 0);
	});

	test('a row with a missing cell is reported, and an absent row too', () => {
		const short = replaceAfter(SEED_2021, '2.重复申请', '\t0\n\t0\n', '\t0\n');
		assert.ok(codes(check(short)).includes('table.cell-count'));
		const lines = SEED_2021.split('\n');
		const at = lines.indexOf('\t2.重复申请');
		const noRow = [...lines.slice(0, at), ...lines.slice(at + 9)].join('\n');
		assert.ok(check(noRow).some((f) => f.code === 'table.missing-row' && f.message.includes('重复申请')));
	});

	test('sections numbered 第一部分… or （一）…（六） are the mandated sections too', () => {
		const titles = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];
		const keys = ['overview', 'active', 'requests', 'appeals', 'problems', 'other'];
		const parts = titles.map((t, i) => `第${'一二三四五六'[i]}部分 ${t}\n（一）细节\n正文。`).join('\n');
		assert.deepEqual(parseReport(parts).headings.filter((h) => h.section).map((h) => h.section!.key), keys);
		const paren = titles.map((t, i) => `（${'一二三四五六'[i]}）${t}\n1.细节\n正文。`).join('\n');
		assert.deepEqual(parseReport(paren).headings.filter((h) => h.section).map((h) => h.section!.key), keys);
		assert.deepEqual(check(paren).filter((f) => f.code.startsWith('section.')), []);
	});

	test('headings are found with leading spaces, half-width forms and Word bookmarks', () => {
		const model = parseReport('[bookmark: _GoBack]一、总体情况\n  (二)主动公开\n 二、主动公开政府信息情况\n1、工作开展\n（1）细则\n');
		assert.deepEqual(
			model.headings.map((h) => [h.level, h.title, h.section?.key ?? null]),
			[[1, '总体情况', 'overview'], [2, '主动公开', null], [1, '主动公开政府信息情况', 'active'], [3, '工作开展', null], [3, '细则', null]],
		);
	});
});

describe('clean-up', () => {
	test('artefacts are removed by their fixes, and nothing else changes, with CRLF kept', () => {
		const text = readSeed('003_6d0cd6ca3bfdf8d5.txt').replace(/\n/g, '\r\n');
		const fs = check(text).filter((f) => f.code === 'cleanup.artifact');
		assert.equal(fs.length, 3);
		// Each fix alone removes its line; together (as fix-all applies them) they merge into one edit.
		for (const f of fs) assert.equal(applyEdits(text, f.fix!.edits).length < text.length, true);
		const cleaned = applyEdits(text, fixAllEdits(parseReport(text), { cleanup: true }));
		assert.equal(cleaned, text.split('\r\n').slice(0, 62).join('\r\n') + '\r\n');
	});

	test('a Word bookmark is removed from the start of a heading', () => {
		const text = readSeed('001_2c73ece5a30f6368.txt');
		const f = check(text).find((x) => x.code === 'cleanup.artifact')!;
		assert.match(applyEdits(text, f.fix!.edits), /\n一、总体情况\n/);
	});
});

describe('any input', () => {
	for (const [name, text] of [
		['empty', ''],
		['a BOM only', '\ufeff'],
		['binary-looking', '\u0000\u0001\u0002\uffff\ud800'],
		['only tabs and pipes', '\t\n|\n||\n\t|\t\n'],
		['labels without values', '\t一、本年新收政府信息公开申请数量\n\t（七）总计\n行政复议 |\n'],
	] as const) {
		test(`${name}: parses and checks without throwing, every range inside the document`, () => {
			const model = parseReport(text);
			const fs = checkReport(model, { lang: 'en' });
			for (const f of fs) {
				assert.ok(f.range.start.line < model.index.lineCount);
				assert.ok(f.range.end.character <= model.index.lines[f.range.end.line].length);
			}
		});
	}
});

describe('blank tables', () => {
	test("a blank skeleton's Table 3 row is bound as a blank row in every layout, not reported missing", async () => {
		const { renderSkeleton, SKELETON_LAYOUTS } = await import('../server/src/core/features/skeleton.ts');
		for (const layout of SKELETON_LAYOUTS) {
			const model = parseReport(renderSkeleton({ layout }));
			const appeals = model.tables.find((t) => t.def.id === 'appeals')!;
			assert.equal(appeals.rows[0]?.cells.size, 15, layout);
			// Each table is said once as not filled in (table.blank), and nothing else: no row missing, no cell count.
			const tableFindings = checkReport(model).filter((f) => f.code.startsWith('table.'));
			assert.deepEqual(tableFindings.map((f) => f.code), model.tables.map(() => 'table.blank'), layout);
		}
	});
});

describe('a table of another year\'s format lacks only what the report\'s year asks for', () => {
	const text = readFileSync(join(__dirname, 'corpus', 'html-rows', 'pingtan-shsyj-2021.txt'), 'utf8');
	const missingServices = (t: string) => checkReport(parseReport(t)).filter((f) => f.code === 'table.missing-row' && f.data?.row === 'otherServices');
	test('a 2021 report with 2019\'s 行政许可 table and no 其他对外管理服务事项 row (2021 dropped it): the mix is said once, the row is not missing', () => {
		const fs = checkReport(parseReport(text));
		assert.equal(fs.filter((f) => f.code === 'template.year-mismatch').length, 1);
		assert.deepEqual(missingServices(text), []);
	});
	test('the same table in a 2020 report, whose format has the row: missing', () => {
		// (The 2019 format's Table 2 has one （六）其他处理 row, not 2021's three.)
		const as2020 = text
			.replaceAll('2021年', '2020年')
			.replaceAll('2021', '2020')
			.replace(/（六）其他处理 \| 1\.[^\n]*\n2\.[^\n]*\n3\.其他[^\n]*\n/, '（六）其他处理 |  |  |  |  |  |  | 0\n');
		assert.notEqual(as2020, text.replaceAll('2021年', '2020年').replaceAll('2021', '2020'));
		assert.equal(parseReport(as2020).metadata.year, 2020);
		assert.equal(missingServices(as2020).length, 1);
	});
});
