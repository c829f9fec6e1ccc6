import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { tableValues } from './helpers.ts';

const read = (name: string) => readFileSync(join(__dirname, 'fixtures', 'layouts', name), 'utf8');

describe('cells between lines of a lone pipe (a site\'s table written out a cell a line)', () => {
	const text = read('xinjiang-nlk-zhen-2023.pipe-lines.txt');
	const model = parseReport(text);

	test('every table of 主动公开 and the rows of Table 2 up to where the text stops are read, a wrapped header (商业 / 企业) one cell', () => {
		const values = Object.fromEntries(tableValues(model).map((t) => [t.id, t.rows]));
		assert.deepEqual(values['active.rules'], { regulations: [0, 0, 6], normativeDocuments: [0, 0, 0] });
		assert.deepEqual(values['active.enforcement'], { penalties: [0], coercion: [0] });
		assert.deepEqual(values['active.fees'], { fees: [0] });
		const requests = model.tables.find((t) => t.def.id === 'requests')!;
		assert.equal(requests.layout, 'cell-per-line');
		assert.deepEqual(requests.rows.map((r) => r.def.key).slice(0, 4), ['R1', 'R2', 'R3.1', 'R3.2']);
		assert.ok(requests.rows.every((r) => r.valueCount === 7));
	});

	test('the section heading between two tables stays a heading, not a cell', () => {
		assert.ok(model.headings.some((h) => h.section?.key === 'requests' && h.range.start.line === 64));
	});

	test('a table that stops before its last rows is said once, where it stops, not row by row', () => {
		// The text goes on after the table: the table stops, not the text.
		const model = parseReport(`${text}\n四、政府信息公开行政复议、行政诉讼情况\n本年度未发生政府信息公开行政复议、行政诉讼。`);
		const rows = checkReport(model).filter((f) => f.code === 'table.missing-row');
		assert.equal(rows.length, 1);
		assert.match(rows[0].message, /在“5\.属于三类内部事务信息”一行之后就中断了：其后 16 行/);
		assert.equal(rows[0].range.start.line, 220);
		assert.deepEqual(rows[0].data?.rows, requestsTail(model));
		const en = checkReport(model, { lang: 'en' }).find((f) => f.code === 'table.missing-row')!;
		assert.match(en.message, /stops after its "internal affairs" row: the 16 rows after it/);
	});

	test('where the text itself stops inside the table, that is said once for the text (document.truncated), naming the rows', () => {
		const findings = checkReport(model);
		assert.deepEqual(findings.filter((f) => f.code === 'table.missing-row'), []);
		const cut = findings.filter((f) => f.code === 'document.truncated');
		assert.equal(cut.length, 1);
		assert.deepEqual(cut[0].data?.rows, requestsTail(model));
	});

	test('a row or two missing inside a table are still each named', () => {
		const cut = text.split('\n');
		// Take 二、上年结转 (its label and seven numbers with their pipes) out.
		const at = cut.findIndex((l) => l.startsWith('二、上年结转'));
		cut.splice(at, 16);
		const rows = checkReport(parseReport(cut.join('\n'))).filter((f) => f.code === 'table.missing-row');
		assert.ok(rows.some((f) => f.message.includes('二、上年结转政府信息公开申请数量')), rows.map((f) => f.message).join('\n'));
	});
});

describe('lone pipes with empty cells between them (桥西区中山街道 2021: `|` `|` at each row\'s end, `||||` for a merged cell)', () => {
	const model = parseReport(read('hebei-shijiazhuang-qiaoxi-zhongshanjd-2021.pipe-lines-empty-cells.txt'));

	test('every 主动公开 table is read, none said unreadable', () => {
		const values = Object.fromEntries(tableValues(model).map((t) => [t.id, t.rows]));
		assert.deepEqual(values['active.rules'], { regulations: [0, 0, 0], normativeDocuments: [0, 0, 0] });
		assert.deepEqual(values['active.licensing'], { licensing: [2910] });
		assert.deepEqual(values['active.enforcement'], { penalties: [46], coercion: [0] });
		assert.deepEqual(values['active.fees'], { fees: [0.092] });
		assert.deepEqual(checkReport(model).filter((f) => f.code === 'table.unreadable' || f.code === 'table.cell-count'), []);
	});

	test('a cell the site left empty (two pipes in a row) is an empty cell no fix writes into: which side of the pipes a number would stand on is the site\'s', () => {
		const lines = read('hebei-shijiazhuang-qiaoxi-zhongshanjd-2021.pipe-lines-empty-cells.txt').split('\n');
		// 规章's 现行有效件数 (its third 0) taken out: the pipes before and after it meet.
		assert.deepEqual(lines.slice(19, 27), ['规章', '|', '0', '|', '0', '|', '0', '|']);
		lines.splice(25, 1);
		const emptied = parseReport(lines.join('\n'));
		const cell = emptied.tables.find((t) => t.def.id === 'active.rules')!.byKey.get('regulations')!.cells.get('inForce')!;
		assert.equal(cell.text, '');
		assert.equal(cell.unwritable, true);
		assert.ok(checkReport(emptied).some((f) => f.code === 'cell.blank' && f.data?.row === 'regulations'));
	});
});

describe('cells each closed by a pipe on its own line, rows opened by a lone pipe (汉阳区 2022 as its page is stored)', () => {
	const text = read('hubei-wuhan-hanyang-qzfb-2022.cells-closed-by-pipes.txt');
	const model = parseReport(text);

	test('every 主动公开 table is read, the blank 现行有效件数 of 规章 a blank cell, not the next row\'s number', () => {
		const values = Object.fromEntries(tableValues(model).map((t) => [t.id, t.rows]));
		assert.deepEqual(values['active.rules'], { regulations: [0, 0, null], normativeDocuments: [5, 12, 8] });
		assert.deepEqual(values['active.licensing'], { licensing: [0] });
		assert.deepEqual(values['active.enforcement'], { penalties: [0], coercion: [0] });
		assert.deepEqual(values['active.fees'], { fees: [0] });
		for (const id of ['active.rules', 'active.licensing', 'active.enforcement', 'active.fees']) assert.equal(model.tables.find((t) => t.def.id === id)!.inferred, false, id);
	});

	test('no cell-count, unreadable or inferred finding on its 主动公开 tables', () => {
		const codes = checkReport(model).filter((f) => f.range.start.line < 48).map((f) => f.code);
		assert.deepEqual(codes.filter((c) => /^table\.(cell-count|unreadable|inferred)$/.test(c)), []);
	});
});

describe('a report naming no agency that speaks of itself as a township', () => {
	test('its 规章 in force are questioned as a 镇\'s', () => {
		const findings = checkReport(parseReport(read('xinjiang-nlk-zhen-2023.pipe-lines.txt')));
		const power = findings.filter((f) => f.code === 'plausibility.rules-power');
		assert.equal(power.length, 1);
		assert.match(power[0].message, /“我镇”无规章制定权/);
		assert.equal(power[0].range.start.line, 20);
	});

	test('a district (我区: a 自治区 speaks so too) or a named city agency is not', () => {
		const text = read('xinjiang-nlk-zhen-2023.pipe-lines.txt');
		assert.deepEqual(checkReport(parseReport(text.replaceAll('我镇', '我区'))).filter((f) => f.code === 'plausibility.rules-power'), []);
		const named = '乌鲁木齐市人民政府2023年政府信息公开工作年度报告\n' + text;
		assert.deepEqual(checkReport(parseReport(named)).filter((f) => f.code === 'plausibility.rules-power'), []);
	});
});

function requestsTail(model: ReturnType<typeof parseReport>): string[] {
	const table = model.tables.find((t) => t.def.id === 'requests')!;
	const rows = table.def.rows.filter((r) => r.kind !== 'group' && !r.optional);
	return rows.filter((r) => !table.byKey.has(r.key)).map((r) => r.key);
}

describe('web text whose page writes an empty cell as one NBSP and nothing between filled cells', () => {
	const text = read('shanghai-szfbgt-2019.textcontent.txt');
	const model = parseReport(text);
	const requests = model.tables.find((t) => t.def.id === 'requests')!;
	const row = (key: string) => [...(requests.byKey.get(key)?.cells.values() ?? [])].map((c) => (c.text === '' ? null : Number(c.text)));

	test('each mark is a blank cell where it stands: rows the digits alone could not fill are read', () => {
		assert.deepEqual(row('R2'), [18, null, null, null, null, null, 18]);
		assert.deepEqual(row('R3.3.1'), [14, null, null, null, null, null, null]);
		assert.deepEqual(row('R3.3.8'), [10, 2, null, null, null, null, null]);
		assert.deepEqual(row('R1'), [821, 35, null, null, 2, 1, 859]);
		assert.deepEqual(row('R4'), [72, null, null, null, null, null, 72]);
	});

	test('no error: a split of glued digits that is one reading of several (25812··11·) is never certain', () => {
		const findings = checkReport(model);
		assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
		for (const c of requests.byKey.get('R3.1')!.cells.values()) assert.ok(c.inferred);
		// The page leaves most rows' 总计 blank: that is what is reported of them.
		assert.ok(findings.some((f) => f.code === 'cell.blank-total' && f.message.includes('1.属于国家秘密') && f.message.includes('14')));
	});

	test('a mark between a label and its digits may be the page\'s space there, not a blank: the reading is then never certain (平潭公安局 2024: 予以公开&nbsp;3000003)', () => {
		const real = readFileSync(join(__dirname, 'corpus', 'real', 'pingtan-gaj-2024.txt'), 'utf8');
		assert.ok(real.includes('（一）予以公开 3000003'));
		const errors = (t: string) => checkReport(parseReport(t)).filter((f) => f.severity === 'error').map((f) => f.code);
		for (const mark of ['\u00a0', '\u3000']) assert.deepEqual(errors(real.replace('（一）予以公开 3000003', `（一）予以公开${mark}3000003`)), errors(real), JSON.stringify(mark));
	});

	test('a lone mark between two runs of digits may be the page\'s space there too (平潭 国土/文化 2019, 交通与建设局 2023, 自然资源局 2019: 申请数量230&nbsp;000023)', () => {
		const errors = (t: string) => checkReport(parseReport(t)).filter((f) => f.severity === 'error').map((f) => f.message);
		const values = (t: string) => tableValues(parseReport(t)).find((x) => x.id === 'requests')!.rows;
		for (const name of ['pingtan-gwh-2019.txt', 'pingtan-jtjsj-2023.txt', 'pingtan-zrzyj-2019.txt']) {
			const real = readFileSync(join(__dirname, 'corpus', 'real', name), 'utf8');
			assert.ok(/\d \d/.test(real), name);
			// Every space as the page's &nbsp; or an ideographic space, as a site's text may have them.
			for (const mark of ['\u00a0', '\u3000']) {
				const marked = real.replaceAll(' ', mark);
				assert.deepEqual(errors(marked), errors(real), `${name} ${JSON.stringify(mark)}`);
				assert.deepEqual(values(marked), values(real), `${name} ${JSON.stringify(mark)}`);
			}
		}
	});

	test('a blank cell from a mark is never written to', () => {
		const blanks = [...requests.byKey.get('R2')!.cells.values()].filter((c) => c.text === '');
		assert.equal(blanks.length, 5);
		assert.ok(blanks.every((c) => c.unwritable));
	});
});
