import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';

/**
 * Table 3 (行政复议、行政诉讼) as plain `pdftotext` gives it: one word or number a paragraph, in the
 * page's drawing order. Its one row has no label, so only the order of its numbers says which
 * column each is in.
 */
const HEAD = ['2024年政府信息公开工作年度报告', '四、政府信息公开行政复议、行政诉讼情况', '行政复议', '行政诉讼'];
const TAIL = ['五、存在的主要问题及改进情况', '无。'];
const doc = (cells: string[]) => [...HEAD, ...cells, ...TAIL].join('\n\n') + '\n';

// Drawn as the real 2024 report of a city government came out of plain pdftotext: the header
// words of later columns stand between the numbers (…37 结果 结果 其他 复议后起诉 … 12 1 1 6 总计 351 …).
const SCRAMBLED = doc([
	'未经复议直接起诉', '结果', '结果', '其他结', '尚未', '维持', '纠正', '果', '审结', '总计',
	'72', '64', '178', '37',
	'结 果', '结果', '其他', '复议后起诉', '尚未', '结果', '结果', '其他', '尚未审', '维持', '纠正', '结果', '结',
	'12', '1', '1', '6', '总计', '351', '维持', '纠正', '结果', '审结', '13', '4', '8', '1', '26', '总计', '20',
]);

// The same numbers in column order, with only the last column's header word before its number: the order holds.
const ORDERED = doc([
	'未经复议直接起诉', '复议后起诉', '结果', '维持', '结果', '纠正', '其他', '结果', '尚未', '审结',
	'72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '12', '1', '1', '6', '总计', '21',
]);

// Column order, each group's name drawn before the previous group's 总计 (as LibreOffice-made PDFs come out): the order holds.
const GROUP_NAMES_EARLY = doc([
	'结果维 结果纠 其他结 尚未审', '持', '正', '果', '结', '0', '14', '11', '0', '未经复议直接起诉', '总计', '25',
	'结果维 结果纠 其他结 尚未审', '持', '正', '果', '结', '0', '4', '15', '19', '复议后起诉', '总计', '38',
	'结果维 结果纠 其他结 尚未审', '持', '正', '果', '结', '0', '0', '435', '5', '总计', '440',
]);

describe('a one-row table whose numbers plain pdftotext drew out of column order', () => {
	test('header words of other columns between the numbers: said unreadable once, no error on the guessed order', () => {
		const model = parseReport(SCRAMBLED);
		const appeals = model.tables.find((t) => t.def.id === 'appeals');
		assert.ok(appeals, 'the table is read');
		assert.ok(appeals.unreadable, 'and said not readable with confidence');
		assert.ok([...appeals.rows[0].cells.values()].every((c) => c.inferred));
		const findings = checkReport(model);
		// (the other tables and sections are not in this fixture)
		assert.deepEqual(findings.filter((f) => f.severity === 'error' && f.code.startsWith('balance.')), []);
		assert.equal(findings.filter((f) => f.code === 'table.unreadable').length, 1);
	});

	test('a header word just before the number of its own column keeps the order: a wrong total is an error', () => {
		const model = parseReport(ORDERED);
		const appeals = model.tables.find((t) => t.def.id === 'appeals');
		assert.ok(appeals);
		assert.equal(appeals.unreadable, undefined);
		const errors = checkReport(model).filter((f) => f.severity === 'error' && f.code.startsWith('balance.'));
		assert.deepEqual(errors.map((f) => f.code), ['balance.group-total']);
		assert.match(errors[0].message, /20/);
	});

	test("a group's name drawn before the previous group's 总计 keeps the order", () => {
		const model = parseReport(GROUP_NAMES_EARLY);
		const appeals = model.tables.find((t) => t.def.id === 'appeals');
		assert.ok(appeals);
		assert.equal(appeals.unreadable, undefined);
		assert.deepEqual(checkReport(model).filter((f) => f.code.startsWith('balance.') || f.code === 'table.unreadable'), []);
	});
});
