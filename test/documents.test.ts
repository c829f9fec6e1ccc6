// Reports read from .docx, .html and .pdf: each document's model equals the model of the text it
// was made from, cell for cell; an injected error is found and located by page, table, row and
// column; a document that cannot be read gets one finding and never a throw.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { zipSync } from 'fflate';
import { checkReport, decodeBytes, extractReport, parseReport, TEMPLATES, type Finding } from '../server/src/core/index.ts';
import { DEFAULT_LIMITS, documentFormatOf, locateInDocument, placeAt, problemFinding, readDocument, type DocumentRendering, type DocumentResult } from '../server/src/core/read/documents/index.ts';
import { readPdf } from '../server/src/core/read/documents/pdf.ts';
import { runCli } from '../server/src/cli/main.ts';
import { tableValues } from './helpers.ts';

const DIR = join(__dirname, 'fixtures', 'documents');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const REQUESTS = TEMPLATES['2021'].tables.find((t) => t.id === 'requests')!.title.zh;

/** Every document fixture with the text it was generated from (NAME.txt beside it). */
const DOCUMENTS = readdirSync(DIR)
	.filter((f) => documentFormatOf(f) !== undefined && existsSync(join(DIR, f.replace(/\.[^.]+$/, '.txt'))))
	.sort();

/** PDFs whose tables have no rulings: read from positions alone. */
const BORDERLESS = DOCUMENTS.filter((f) => f.startsWith('own-borderless-'));

async function rendered(name: string): Promise<DocumentRendering> {
	const r = await readDocument(fixture(name), documentFormatOf(name)!);
	if ('problem' in r) assert.fail(`${name}: ${r.problem.message.en}`);
	return r.rendering;
}

function textOf(name: string): string {
	const d = decodeBytes(readFileSync(join(DIR, name.replace(/\.[^.]+$/, '.txt'))));
	assert.ok(!('error' in d));
	return d.text;
}

type Cells = Map<string, { value: number | null; text: string }>;

function cellsOf(text: string): Cells {
	const out: Cells = new Map();
	for (const t of extractReport(parseReport(text)).tables) for (const r of t.rows) for (const [c, v] of Object.entries(r.values)) out.set(`${t.id} · ${r.key} · ${c}`, { value: v.value, text: v.text });
	return out;
}

/** Cells that differ; a document may print a zero input as a blank cell (the generator's compact style), which reads as 0. */
function differences(doc: Cells, text: Cells): string[] {
	const out: string[] = [];
	for (const [k, want] of text) {
		const got = doc.get(k);
		if (got?.value === want.value) continue;
		if (got && got.value === null && got.text === '' && want.value === 0) continue;
		out.push(`${k}: text ${want.value}, document ${got === undefined ? 'missing' : got.value}`);
	}
	for (const k of doc.keys()) if (!text.has(k)) out.push(`${k}: only in the document`);
	return out;
}

/** What a balance or cell finding is about, independent of where it sits. */
function aboutCells(findings: Finding[]): string[] {
	return findings
		.filter((f) => f.code.startsWith('balance.') || f.code.startsWith('cell.') || f.code.startsWith('table.'))
		.map((f) => `${f.code} ${f.message}`)
		.sort();
}

describe('documents read as their text reads', () => {
	test('there are fixtures of every format', () => {
		for (const ext of ['.docx', '.html', '.pdf']) assert.ok(DOCUMENTS.some((f) => f.endsWith(ext)), ext);
	});
	for (const name of DOCUMENTS) {
		test(`${name}: every table cell and the report's facts equal the text's`, async () => {
			const doc = await rendered(name);
			const text = textOf(name);
			assert.deepEqual(differences(cellsOf(doc.text), cellsOf(text)), []);
			const [a, b] = [parseReport(doc.text), parseReport(text)];
			assert.equal(a.template.id, b.template.id);
			assert.equal(a.metadata.year, b.metadata.year);
			assert.equal(a.metadata.agency, b.metadata.agency);
			assert.deepEqual(
				a.sections.map((s) => s.heading.section?.key),
				b.sections.map((s) => s.heading.section?.key),
			);
			// The same balance and cell findings, with the same words.
			assert.deepEqual(aboutCells(checkReport(a)), aboutCells(checkReport(b)));
		});
	}
	test('the text a document renders to reads back to the same model (what nianbao convert writes)', async () => {
		const doc = await rendered('own-xicheng-rsj-2023.docx');
		const again = parseReport(doc.text);
		assert.deepEqual(differences(cellsOf(doc.text), cellsOf(again.index.text)), []);
	});
});

describe('PDFs whose tables have no rulings', () => {
	test('there are seven (2008, 2019 and 2021 formats; five styles), each with a table over pages', () => assert.equal(BORDERLESS.length, 7));
	for (const name of BORDERLESS) {
		test(`${name}: no error the text does not have, and each table row once`, async () => {
			const doc = await rendered(name);
			const text = textOf(name);
			const errors = (t: string) => checkReport(parseReport(t)).filter((f) => f.severity === 'error').map((f) => f.code).sort();
			assert.deepEqual(errors(doc.text), errors(text));
			for (const table of parseReport(doc.text).tables) {
				const keys = table.rows.map((r) => r.def.key);
				assert.equal(new Set(keys).size, keys.length, `${table.def.id}: ${keys.join(' ')}`);
			}
		});
	}
	for (const [name, page, table, row, column, cell] of [
		['own-borderless-generated-2022-injected.pdf', 5, REQUESTS, '四、结转下年度继续办理', '总计', '1'],
		['own-borderless-gongshu-rsj-2023-injected.pdf', 5, REQUESTS, '1.本机关不掌握相关政府信息', '自然人', '1'],
		['own-borderless-xihu-rsj-2023-injected.pdf', 7, TEMPLATES['2021'].tables.find((t) => t.id === 'appeals')!.title.zh, '行政复议、行政诉讼案件数', '行政复议·总计', '3'],
	] as const) {
		test(`${name}: the injected error is found and located on page ${page}, ${row} · ${column}`, async () => {
			const doc = await rendered(name);
			const model = parseReport(doc.text);
			const errors = checkReport(model).filter((f) => f.severity === 'error');
			assert.equal(errors.length, 1, errors.map((f) => f.message).join('\n'));
			assert.deepEqual(locateInDocument(doc, model, errors[0].range, 'zh'), { page, table, row, column });
			assert.equal(model.index.text.slice(model.index.offsetAt(errors[0].range.start), model.index.offsetAt(errors[0].range.end)), cell);
		});
	}
	test('pingtan-gaj-2022 as tools/documents lays it out, without table borders, printed by LibreOffice: Table 3 under its two-line header is read, no row missing', async () => {
		const doc = await rendered('pingtan-gaj-2022.borderless.libreoffice.pdf');
		const rows = decodeBytes(readFileSync(join(__dirname, 'corpus', 'html-rows', 'pingtan-gaj-2022.txt')));
		assert.ok(!('error' in rows));
		assert.deepEqual(differences(cellsOf(doc.text), cellsOf(rows.text)), []);
		const findings = checkReport(parseReport(doc.text));
		assert.deepEqual(findings.filter((f) => f.code.startsWith('table.') && f.code !== 'table.inferred').map((f) => f.message), []);
		assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
	});
	test('a web page without table borders printed by LibreOffice (rows 28.6 pt apart in 8 pt type, Table 2 over three pages): every cell as the text\'s, one table, the injected error alone and located', async () => {
		const name = 'generated-2022-injected.borderless.libreoffice.pdf';
		const doc = await rendered(name);
		assert.deepEqual(differences(cellsOf(doc.text), cellsOf(textOf('generated-2022-injected.txt'))), []);
		const model = parseReport(doc.text);
		assert.equal(model.tables.filter((t) => t.def.id === 'requests').length, 1);
		assert.ok(model.tables.every((t) => !t.unreadable), 'no table said unreadable');
		const findings = checkReport(model).filter((f) => f.severity === 'error' || f.severity === 'warning' || f.code.startsWith('table.'));
		assert.deepEqual(findings.map((f) => f.code), ['balance.row-total']);
		assert.deepEqual(locateInDocument(doc, model, findings[0].range, 'zh'), { page: 5, table: REQUESTS, row: '四、结转下年度继续办理', column: '总计' });
	});
});

describe('an injected error is found and located in the document', () => {
	for (const [name, page] of [
		['own-xihu-rsj-2023-injected.pdf', 3],
		['own-xihu-rsj-2023-injected.docx', undefined],
		['own-xihu-rsj-2023-injected.html', undefined],
	] as const) {
		test(`${name}: 一、本年新收 · 自然人 is wrong${page ? ` on page ${page}` : ''}`, async () => {
			const doc = await rendered(name);
			const model = parseReport(doc.text);
			const errors = checkReport(model).filter((f) => f.severity === 'error');
			assert.equal(errors.length, 1, errors.map((f) => f.message).join('\n'));
			const location = locateInDocument(doc, model, errors[0].range, 'zh');
			assert.deepEqual(location, { ...(page ? { page } : {}), table: REQUESTS, row: '一、本年新收政府信息公开申请数量', column: '自然人' });
			assert.equal(model.index.text.slice(model.index.offsetAt(errors[0].range.start), model.index.offsetAt(errors[0].range.end)), '2');
		});
	}
	test('each value knows where it was read: the PDF page and the grid cell', async () => {
		const doc = await rendered('own-xihu-rsj-2023-injected.pdf');
		const cell = parseReport(doc.text).tables.find((t) => t.def.id === 'requests')!.byKey.get('R1')!.cells.get('natural')!;
		assert.deepEqual(placeAt(doc, cell.range.start), { table: 2, page: 3, row: 4, column: 4 });
		const word = await rendered('own-xihu-rsj-2023-injected.docx');
		const wcell = parseReport(word.text).tables.find((t) => t.def.id === 'requests')!.byKey.get('R1')!.cells.get('natural')!;
		const place = placeAt(word, wcell.range.start)!;
		assert.equal(place.row, 4);
		assert.equal(place.column, 4);
		assert.ok(place.table! >= 1);
	});
});

describe('real published PDFs (test/fixtures/documents/SOURCES.md): the reviewer\'s findings, nothing more', () => {
	/** Error and warning findings as code · location, for comparing with the labels of test/corpus/real/. */
	async function findingsOf(name: string): Promise<string[]> {
		const doc = await rendered(name);
		const model = parseReport(doc.text);
		return checkReport(model)
			.filter((f) => f.severity === 'error' || f.severity === 'warning')
			.map((f) => {
				const l = locateInDocument(doc, model, f.range, 'zh');
				return `${f.code} · 第 ${l.page} 页 · ${l.row ?? ''} · ${l.column ?? ''}`;
			})
			.sort();
	}
	const missing = [1, 2, 3].map(() => 'table.missing-row · 第 3 页 ·  · ');
	test('洪泽区 2023: the two wrong totals of Table 3 (行政复议 and 复议后起诉), on page 4', async () => {
		assert.deepEqual(await findingsOf('real/hongze-xzf-2023.pdf'), [
			'balance.group-total · 第 4 页 · 行政复议、行政诉讼案件数 · 复议后起诉·总计',
			'balance.group-total · 第 4 页 · 行政复议、行政诉讼案件数 · 行政复议·总计',
			...missing,
		]);
	});
	test('洪泽区 2024: every table balances; the prose says 17 applications where Table 2 has 95 (the reviewer asks for the two to be reconciled)', async () => {
		assert.deepEqual(await findingsOf('real/hongze-xzf-2024.pdf'), ['claim.mismatch · 第 1 页 ·  · ', ...missing]);
	});
	test('a web page printed by Chromium (borders drawn a cell at a time): the one-number tables of 主动公开 read cell by cell, nothing else found but the page chrome', async () => {
		const doc = await rendered('real/pingtan-zrzyj-2024.chromium.pdf');
		const model = parseReport(doc.text);
		const value = (table: string) => [...model.tables.find((t) => t.def.id === table)!.rows.flatMap((r) => [...r.cells.values()].map((c) => c.text))];
		assert.deepEqual(value('active.licensing'), ['308']);
		assert.deepEqual(value('active.enforcement'), ['33', '0']);
		assert.deepEqual(value('active.fees'), ['0']);
		// The page's chrome only: 长者模式…无障碍浏览 and 当前位置 (page 1), 相关链接 (2), 附件下载 and the QR code's caption (6), the record numbers and the footer bar of links 使用帮助 | 联系我们 | … (8).
		assert.deepEqual(await findingsOf('real/pingtan-zrzyj-2024.chromium.pdf'), ['cleanup.artifact · 第 1 页 ·  · ', 'cleanup.artifact · 第 1 页 ·  · ', 'cleanup.artifact · 第 2 页 ·  · ', 'cleanup.artifact · 第 6 页 ·  · ', 'cleanup.artifact · 第 6 页 ·  · ', 'cleanup.artifact · 第 8 页 ·  · ', 'cleanup.artifact · 第 8 页 ·  · ']);
	});
	test('cells merged across columns at staggered places (Chromium: a grid column under a point wide between them) leave no phantom empty column', async () => {
		const doc = await rendered('real/shanghai-szfbgt-2019.chromium.pdf');
		const model = parseReport(doc.text);
		const rows = (table: string) => model.tables.find((t) => t.def.id === table)!.rows.map((r) => [r.labelText, ...[...r.cells.values()].map((c) => c.text)]);
		assert.deepEqual(rows('active.rules'), [
			['规章', '13', '13', '524'],
			['规范性文件', '60', '60', '368'],
		]);
		assert.deepEqual(rows('active.licensing'), [
			['行政许可', '0', '0', '0'],
			['其他对外管理服务事项', '0', '0', '0'],
		]);
		assert.deepEqual(rows('active.fees'), [['行政事业性收费', '0', '0']]);
		assert.deepEqual(checkReport(model).filter((f) => f.code.startsWith('table.')).map((f) => f.message), []);
	});
	test('a web page with no table borders printed by Chromium (no rulings; cells left-aligned 3 points apart, rows a line each, sub-table titles at the labels\' left): every table read, no row reported missing', async () => {
		const doc = await rendered('real/kiro-hangzhou-style-2025-fixture.chromium.pdf');
		const model = parseReport(doc.text);
		const rows = (table: string) => model.tables.find((t) => t.def.id === table)!.rows.map((r) => [r.labelText, ...[...r.cells.values()].map((c) => c.text)]);
		// 行政规范性文件 ends 3 points before its 564: two cells, not one label glued to the titles below it.
		assert.deepEqual(rows('active.rules'), [
			['规章', '3', '5', '74'],
			['行政规范性文件', '564', '984', '4185'],
		]);
		assert.deepEqual(rows('active.licensing'), [['行政许可', '11398889']]);
		assert.deepEqual(rows('active.enforcement'), [
			['行政处罚', '6937489'],
			['行政强制', '166105'],
		]);
		assert.deepEqual(rows('active.fees'), [['行政事业性收费', '316441']]);
		const requests = model.tables.find((t) => t.def.id === 'requests')!;
		assert.equal(requests.rows.length, 25);
		assert.deepEqual([...requests.byKey.get('R3.7')!.cells.values()].map((c) => c.text), ['13364', '252', '0', '44', '121', '29', '13810']);
		assert.deepEqual([...requests.byKey.get('R3.6.2')!.cells.values()].map((c) => c.text), ['202', '0', '0', '1', '0', '0', '203']);
		assert.deepEqual(rows('appeals'), [['', '376', '97', '196', '121', '790', '16', '1', '12', '27', '56', '74', '1', '30', '51', '156']]);
		// The page's one finding is its heading's wording; no table is missing a row, none unreadable.
		assert.deepEqual(checkReport(model).map((f) => f.code), ['section.wording']);
	});
	test('a saved page printed without table borders, Table 2 read in two parts: one table, every cell of Tables 1 and 2 as the page\'s, no row reported missing that the page prints', async () => {
		const doc = await rendered('real/pingtan-xzspj-2025.borderless.chromium.pdf');
		const page = await rendered('real/pingtan-xzspj-2025.html');
		const model = parseReport(doc.text);
		const cells = (m: ReturnType<typeof parseReport>) => m.tables.filter((t) => t.def.id !== 'appeals').map((t) => [t.def.id, t.rows.map((r) => [r.def.key, ...[...r.cells.values()].map((c) => c.value.kind === 'number' ? c.value.value : c.text)])]);
		assert.equal(model.tables.filter((t) => t.def.id === 'requests').length, 1);
		assert.deepEqual(cells(model), cells(parseReport(page.text)));
		// The page has no 规章 row (its HTML neither); Table 3's numbers are not read: said once.
		const tableFindings = checkReport(model).filter((f) => f.code.startsWith('table.')).map((f) => f.code);
		assert.deepEqual(tableFindings, ['table.missing-row', 'table.unreadable']);
		assert.match(checkReport(model).find((f) => f.code === 'table.missing-row')!.message, /缺少“规章”一行/);
	});
	test('a saved page printed without table borders whose Table 2 is read in two parts with rows lost between them: said unreadable once, no row reported missing on a guess', async () => {
		const model = parseReport((await rendered('real/pingtan-scjgj-2023.borderless.libreoffice.pdf')).text);
		const requests = model.tables.filter((t) => t.def.id === 'requests');
		assert.equal(requests.length, 1);
		assert.ok(requests[0].unreadable);
		const table = checkReport(model).filter((f) => f.code.startsWith('table.'));
		// 规章 is truly missing (the saved page has no such row); Table 2 is said unreadable, once.
		assert.deepEqual(table.map((f) => f.code), ['table.missing-row', 'table.unreadable']);
		assert.match(table[0].message, /缺少“规章”一行/);
		assert.match(table[1].message, /收到和处理政府信息公开申请情况/);
	});
	test('a saved page printed without table borders by LibreOffice, a total set a line above its row\'s other numbers and a total set overleaf: each in its row, no error', async () => {
		const model = parseReport((await rendered('real/pingtan-jtjsj-2024.borderless.libreoffice.pdf')).text);
		const page = parseReport((await rendered('real/pingtan-jtjsj-2024.html')).text);
		const row = (m: ReturnType<typeof parseReport>, key: string) => [...(m.tables.find((t) => t.def.id === 'requests')!.byKey.get(key)?.cells.values() ?? [])].map((c) => c.text);
		// （二）部分公开: its 总计 3 stands beside the label's first line, its 3 0 0 0 0 0 beside the second and third.
		assert.deepEqual(row(model, 'R3.2'), ['3', '0', '0', '0', '0', '0', '3']);
		assert.deepEqual(row(model, 'R3.2'), row(page, 'R3.2'));
		// （六）2.'s 总计 0 is printed overleaf beside the label's rest: it is not 3.其他's (which read 00).
		assert.deepEqual(row(model, 'R3.6.3'), row(page, 'R3.6.3'));
		assert.deepEqual(checkReport(model).filter((f) => f.severity === 'error').map((f) => f.message), []);
	});
	test('a row label a page break left above its table, beside numbers merged down over it and the rows below: the row is there, the numbers count once, in it', async () => {
		const doc = await rendered('real/pingtan-scjgj-2023.chromium.pdf');
		const model = parseReport(doc.text);
		const requests = model.tables.find((t) => t.def.id === 'requests')!;
		const row = (key: string) => [...(requests.byKey.get(key)?.cells.values() ?? [])].map((c) => c.text);
		assert.deepEqual(row('R3.6.1'), ['0', '0', '0', '0', '0', '0', '0']);
		assert.deepEqual(row('R3.6.2'), ['', '', '', '', '', '', '']);
		assert.deepEqual(row('R3.6.3'), ['', '', '', '', '', '', '']);
		// The page shows no 规章 row (the saved page has none either): that is all that is missing.
		assert.deepEqual(
			checkReport(model).filter((f) => f.code.startsWith('table.')).map((f) => f.message),
			['“第二十条第（一）项 规章和规范性文件”缺少“规章”一行。'],
		);
	});
	test('a row cut by a page break before any of its numbers (2.没有 / 现成信息需要另行制作 overleaf) is one row: nothing found but the page chrome and the year slip', async () => {
		const doc = await rendered('real/pingtan-czjrj-2025.chromium.pdf');
		const model = parseReport(doc.text);
		const row = model.tables.find((t) => t.def.id === 'requests')!.byKey.get('R3.4.2');
		assert.ok(row, 'the row is read');
		assert.deepEqual([...row.cells.values()].map((c) => c.text), ['0', '0', '0', '0', '0', '0', '0']);
		// The page's chrome: 长者模式…无障碍浏览, 当前位置 and 相关链接 (page 1), the QR code's caption (7), the record numbers and the footer bar of links (8);
		// and the year's counts dated 2024 (2024年制作、获取政府信息总数467条, labelled in test/corpus/real).
		assert.deepEqual(await findingsOf('real/pingtan-czjrj-2025.chromium.pdf'), ['cleanup.artifact · 第 1 页 ·  · ', 'cleanup.artifact · 第 1 页 ·  · ', 'cleanup.artifact · 第 1 页 ·  · ', 'cleanup.artifact · 第 7 页 ·  · ', 'cleanup.artifact · 第 8 页 ·  · ', 'cleanup.artifact · 第 8 页 ·  · ', 'date.statement-year · 第 2 页 ·  · ']);
	});
});

describe('web pages: the report only, in its charset, no script run', () => {
	test('site chrome and scripts are left out', async () => {
		const doc = await rendered('own-xicheng-rsj-2023.html');
		for (const chrome of ['首页', '当前位置', '京ICP备00000000号', '不应出现的脚本文字', '一、机构概况']) assert.ok(!doc.text.includes(chrome), chrome);
		assert.ok(doc.text.startsWith('北京市西城区人力资源和社会保障局'), doc.text.slice(0, 40));
	});
	test('a GBK page is decoded by its declared charset', async () => {
		const bytes = fixture('own-xihu-rsj-2023-injected.html');
		assert.ok(/charset="gbk"/.test(new TextDecoder('latin1').decode(bytes.subarray(0, 400))));
		const doc = await rendered('own-xihu-rsj-2023-injected.html');
		assert.ok(doc.text.includes('政府信息公开工作年度报告'));
		assert.ok(!doc.text.includes('\ufffd'));
	});
	test('rowspan and colspan are resolved to the grid', async () => {
		const html = '<html><body><p>一、总体情况</p><table><tr><td rowspan="2">甲</td><td colspan="2">乙</td></tr><tr><td>1</td><td>2</td></tr></table></body></html>';
		const r = await readDocument(new TextEncoder().encode(html), 'html');
		assert.ok('rendering' in r);
		const rows = r.rendering.text.split('\n').filter((l) => l.includes('|'));
		assert.deepEqual(rows, ['甲 | 乙 |', '1 | 2 |']);
		const second = r.rendering.lines[r.rendering.text.split('\n').indexOf('1 | 2 |')];
		assert.deepEqual(second.cells!.map((c) => c.place.column), [2, 3]);
	});
	test('a saved page: the article title above, the source line, share box, tabs, attachment box and a link to the attached .xls left out', async () => {
		const html =
			'<html><body><div class="header"><a href="/">首页</a></div><div class="breadcrumb">当前位置：首页 &gt; 政务公开</div>' +
			'<div class="article_component"><div class="article_title">\n  某局2024年政府信息公开工作年度报告\n</div>' +
			'<div class="article_extend"><span class="article_source">来源：某局</span><span class="article_time">时间：2025-01-27</span><span class="share">微信 微博</span></div>' +
			'<div class="tabs"><ul><li><a>全真版</a></li><li><a>文字版</a></li></ul><a class="download">文件下载</a></div>' +
			'<div class="article_area"><div class="article_content"><div class=TRS_Editor><p>根据《条例》，编制本报告。</p><p>一、总体情况&nbsp;</p><p>正文。</p><p>二、主动公开政府信息情况</p>' +
			'<table><tr><td>信息内容</td><td><p>本年</p><p>制发件数</p></td></tr><tr><td>规章</td><td>&nbsp;0</td></tr></table>' +
			'<p><img src="/icon16/xls.gif" /><a href="/uploadfile/2018/01/30/20180130150253581.xls" target="_blank">某局2024年政府信息公开情况统计表.xls</a><br/></p></div></div></div>' +
			'<div class="article_attachment"><div class="title_icon_base"><text>附件下载</text></div></div><div class="article_qrcode"><p>扫一扫在手机上查看当前页面</p></div></div>' +
			'<div class="footer">版权所有</div></body></html>';
		const r = await readDocument(new TextEncoder().encode(html), 'html');
		assert.ok('rendering' in r);
		const lines = r.rendering.text.trim().split('\n');
		assert.equal(lines[0], '某局2024年政府信息公开工作年度报告');
		assert.equal(lines[1], '根据《条例》，编制本报告。');
		for (const chrome of ['来源', '时间', '微信', '全真版', '文件下载', '附件下载', '扫一扫', '版权所有', '当前位置', '统计表.xls']) assert.ok(!r.rendering.text.includes(chrome), chrome);
		// <p> inside a cell joins as one label; &nbsp; around a number is no part of it.
		assert.ok(lines.includes('信息内容 | 本年制发件数 |'), lines.join('\n'));
		assert.ok(lines.includes('规章 | 0 |'), lines.join('\n'));
	});
	test('a layout table around the report is no table: the report table inside it is, its empty and &nbsp; cells blanks', async () => {
		const html =
			'<html><body><table width="100%"><tr><td class="nav">首页 | 政务公开</td></tr><tr><td><p>一、总体情况</p><p>正文。</p>' +
			'<table border="1"><tr><td>信息内容</td><td>本年新制作数量</td><td>现行有效件数</td></tr><tr><td>规章</td><td>0</td><td>&nbsp;</td></tr><tr><td>规范性文件</td><td></td><td>3</td></tr></table>' +
			'<p>二、主动公开政府信息情况</p></td></tr></table></body></html>';
		const r = await readDocument(new TextEncoder().encode(html), 'html');
		assert.ok('rendering' in r);
		const lines = r.rendering.text.split('\n').filter((l) => l.trim());
		assert.deepEqual(lines, ['一、总体情况', '正文。', '信息内容 | 本年新制作数量 | 现行有效件数 |', '规章 | 0 |   |', '规范性文件 |   | 3 |', '二、主动公开政府信息情况']);
		const row = r.rendering.lines[r.rendering.text.split('\n').indexOf('规范性文件 |   | 3 |')];
		assert.deepEqual(row.cells!.map((c) => c.place.column), [1, 2, 3]);
	});
	test('a body that opens with its own title gets no second one from above', async () => {
		const html =
			'<html><body><div class="article_title">某局2018年政府信息公开工作报告</div><div class="content"><p>某局2018年<br/>政府信息公开工作报告</p><p>一、概述</p><p>正文。</p><p>二、主动公开政府信息情况</p></div></body></html>';
		const r = await readDocument(new TextEncoder().encode(html), 'html');
		assert.ok('rendering' in r);
		assert.deepEqual(r.rendering.text.trim().split('\n').slice(0, 2), ['某局2018年', '政府信息公开工作报告']);
	});
	test('a number merged down over rows (（六）其他处理 under one 0) counts once: the rows below hold a blank there, not a row with its numbers missing', async () => {
		const html =
			'<html><body><p>一、总体情况</p><table>' +
			'<tr><td rowspan="3">（六）其他处理</td><td>1.逾期不补正</td><td rowspan="3">2</td><td rowspan="3">0</td></tr>' +
			'<tr><td>2.逾期未缴费</td></tr><tr><td>3.其他</td></tr>' +
			'<tr><td colspan="2">（七）总计</td><td>2</td><td>0</td></tr></table></body></html>';
		const r = await readDocument(new TextEncoder().encode(html), 'html');
		assert.ok('rendering' in r);
		const lines = r.rendering.text.split('\n');
		const rows = lines.filter((l) => l.includes('|'));
		assert.deepEqual(rows, ['（六）其他处理 | 1.逾期不补正 | 2 | 0 |', '2.逾期未缴费 |   |   |', '3.其他 |   |   |', '（七）总计 | 2 | 0 |']);
		// The blank is placed at the merged cell's column, in its own row.
		const third = r.rendering.lines[lines.indexOf('3.其他 |   |   |')];
		assert.deepEqual(third.cells!.map((c) => [c.place.row, c.place.column]), [[3, 2], [3, 3], [3, 4]]);
		// A label merged down (（六）其他处理) is still written once.
		const merged = '<html><body><table><tr><td rowspan="2">甲</td><td>1</td></tr><tr><td>2</td></tr></table></body></html>';
		const m = await readDocument(new TextEncoder().encode(merged), 'html');
		assert.ok('rendering' in m);
		assert.deepEqual(m.rendering.text.split('\n').filter((l) => l.includes('|')), ['甲 | 1 |', '2 |']);
	});
	test('PDF: a number merged down over rows counts once, as in HTML and Word; a row cut by a page break with its total overleaf is one row (LibreOffice’s PDFs of two pages)', async () => {
		const scjgj = await rendered('real/pingtan-scjgj-2023.libreoffice.pdf');
		for (const re of [/^2\.申请人逾期未按/, /^3\.其他 /]) assert.match(scjgj.text.split('\n').find((l) => re.test(l)) ?? '', /( \|  ){7} \|$/);
		const jtjsj = await rendered('real/pingtan-jtjsj-2024.libreoffice.pdf');
		assert.ok(jtjsj.text.split('\n').includes('一、本年新收政府信息公开申请数量 | 58 | 0 | 0 | 0 | 0 | 0 | 58 |'));
		for (const doc of [scjgj, jtjsj]) assert.deepEqual(checkReport(parseReport(doc.text)).filter((f) => f.code.startsWith('table.cell') || (f.code.startsWith('cell.') && f.code !== 'cell.blank') || f.code.startsWith('balance.')), []);
		// （六）2 and 3, printed empty as published (not merged: the page has no number there), are said once each.
		assert.deepEqual(checkReport(parseReport(scjgj.text)).filter((f) => f.code === 'cell.blank').map((f) => f.data?.row), ['R3.6.2', 'R3.6.3']);
	});
	test('Word: a number merged down over rows (w:vMerge, as LibreOffice writes a page’s rowspan) counts once, as in HTML', async () => {
		const doc = await rendered('real/pingtan-scjgj-2023.libreoffice.docx');
		const rows = doc.text.split('\n').filter((l) => /^(?:（六）其他处理 \| )?[123]\.(?:申请人|其他 )/.test(l));
		assert.equal(rows.length, 3);
		assert.match(rows[0], /（六）其他处理 \| 1\.申请人无正当理由.*\| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|$/);
		for (const r of rows.slice(1)) assert.match(r, /^[23]\.[^|]+( \|  ){7} \|$/);
		assert.deepEqual(checkReport(parseReport(doc.text)).filter((f) => f.code === 'table.cell-count'), []);
	});
	test('Word: a Fujian 统计表 whose last row comes after 行政诉讼数, the site’s links far below it, reads every row as the page does', async () => {
		const values = async (name: string) => tableValues(parseReport((await rendered(name)).text));
		assert.deepEqual(await values('real/pingtan-gaj-2018.libreoffice.docx'), await values('real/pingtan-gaj-2018.html'));
	});
});

/** Exactly one problem, of this code. */
function oneProblem(r: DocumentResult, code: string): void {
	assert.ok('problem' in r, 'expected a problem');
	assert.equal(r.problem.code, code, r.problem.message.en);
	const f = problemFinding(r.problem, 'zh');
	assert.equal(f.code, code);
	assert.equal(f.severity, 'error');
}

describe('documents that cannot be read: one finding, no throw', () => {
	test('a scanned PDF (images, no text layer)', async () => {
		const r = await readDocument(fixture('own-scanned.pdf'), 'pdf');
		oneProblem(r, 'document.scanned');
		assert.match(problemFinding((r as { problem: never }).problem, 'zh').message, /扫描版 PDF：没有文字层，请先做 OCR/);
	});
	test('a password-protected PDF', async () => oneProblem(await readDocument(fixture('own-encrypted.pdf'), 'pdf'), 'document.encrypted'));
	test('an encrypted Word file (an OLE container)', async () => {
		const ole = new Uint8Array(4096);
		ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		oneProblem(await readDocument(ole, 'docx'), 'document.encrypted');
	});
	for (const format of ['pdf', 'docx', 'html'] as const) {
		test(`an empty .${format}`, async () => oneProblem(await readDocument(new Uint8Array(0), format), 'document.unreadable'));
	}
	test('a truncated PDF', async () => {
		const bytes = fixture('own-dongcheng-rsj-2018.pdf');
		oneProblem(await readDocument(bytes.subarray(0, 2000), 'pdf'), 'document.unreadable');
	});
	test('a truncated .docx and a zip that is no Word file', async () => {
		const bytes = fixture('own-dongcheng-rsj-2018.docx');
		oneProblem(await readDocument(bytes.subarray(0, bytes.length >> 1), 'docx'), 'document.unreadable');
		oneProblem(await readDocument(zipSync({ 'a.txt': new TextEncoder().encode('x') }), 'docx'), 'document.unreadable');
	});
	test('random bytes named .pdf and .docx', async () => {
		const noise = new Uint8Array(5000).map((_, i) => (i * 7919) % 251);
		oneProblem(await readDocument(noise, 'pdf'), 'document.unreadable');
		oneProblem(await readDocument(noise, 'docx'), 'document.unreadable');
	});
	test('limits: pages, bytes, expanded size', async () => {
		oneProblem(await readDocument(fixture('own-dongcheng-rsj-2018.pdf'), 'pdf', { ...DEFAULT_LIMITS, maxPages: 2 }), 'document.too-large');
		oneProblem(await readDocument(fixture('own-xicheng-rsj-2023.html'), 'html', { ...DEFAULT_LIMITS, maxBytes: 1000 }), 'document.too-large');
		oneProblem(await readDocument(fixture('own-dongcheng-rsj-2018.docx'), 'docx', { ...DEFAULT_LIMITS, maxExpandedBytes: 10_000 }), 'document.too-large');
	});
	test('the time limit stops between pages (a clock that advances 10 s a reading, limit 25 s: 10, 20 after the start before page 1 and 2, 30 before page 3)', async () => {
		let t = 0;
		const r = await readPdf(fixture('own-dongcheng-rsj-2018.pdf'), DEFAULT_LIMITS, { now: () => (t += 10_000), maxMillis: 25_000 });
		oneProblem(r, 'document.too-large');
		assert.equal((r as { problem: { page: number } }).problem.page, 3);
	});
});

describe('the CLI with documents', () => {
	let dir: string;
	before(() => {
		dir = mkdtempSync(join(tmpdir(), 'nianbao-documents-'));
		for (const f of ['own-xihu-rsj-2023-injected.pdf', 'own-xicheng-rsj-2023.docx', 'own-xicheng-rsj-2023.html', 'own-scanned.pdf']) copyFileSync(join(DIR, f), join(dir, f));
	});
	after(() => rmSync(dir, { recursive: true, force: true }));
	async function cli(...args: string[]) {
		let stdout = '';
		let stderr = '';
		const status = await runCli(args, (s) => (stdout += s), (s) => (stderr += s));
		return { status, stdout, stderr };
	}

	test('check finds documents in a folder and locates findings by page, table, row and column', async () => {
		const r = await cli('check', dir);
		assert.equal(r.status, 1, r.stdout + r.stderr);
		assert.match(r.stdout, /检查了 4 个文件：2 个错误/);
		assert.match(r.stdout, new RegExp(`own-xihu-rsj-2023-injected\\.pdf \\(第 3 页 · ${REQUESTS} · 一、本年新收政府信息公开申请数量 · 自然人\\)  错误  .*balance\\.row-total`));
		assert.match(r.stdout, /own-scanned\.pdf \(文档开头\)  错误  扫描版 PDF：没有文字层，请先做 OCR。.*document\.scanned/);
	});
	test('JSON output carries the location', async () => {
		const r = await cli('check', '--format', 'json', join(dir, 'own-xihu-rsj-2023-injected.pdf'));
		const [file] = JSON.parse(r.stdout);
		const error = file.diagnostics.find((d: { severity: string }) => d.severity === 'error');
		assert.deepEqual(error.location, { page: 3, table: REQUESTS, row: '一、本年新收政府信息公开申请数量', column: '自然人' });
		assert.equal(error.fix, undefined);
	});
	test('--fix never writes a document, and says so', async () => {
		const file = join(dir, 'own-xihu-rsj-2023-injected.pdf');
		const before = readFileSync(file);
		const mtime = statSync(file).mtimeMs;
		const r = await cli('check', '--fix', file);
		assert.match(r.stdout, /--fix 不改写 \.pdf 文件/);
		assert.deepEqual(readFileSync(file), before);
		assert.equal(statSync(file).mtimeMs, mtime);
	});
	test('extract gives the document model with each value traced to its source', async () => {
		const r = await cli('extract', join(dir, 'own-xicheng-rsj-2023.docx'));
		const [m] = JSON.parse(r.stdout);
		assert.equal(m.document.format, 'docx');
		const cell = m.tables.find((t: { id: string }) => t.id === 'requests').rows.find((row: { key: string }) => row.key === 'R1').values.natural;
		assert.equal(cell.value, 60);
		assert.equal(cell.source.row, 4);
	});
	test('convert writes NAME.txt that reads exactly, and will not overwrite without --force', async () => {
		const src = join(dir, 'own-xicheng-rsj-2023.docx');
		let r = await cli('convert', src);
		assert.equal(r.status, 0, r.stderr);
		const out = join(dir, 'own-xicheng-rsj-2023.txt');
		const written = readFileSync(out, 'utf8');
		assert.equal(written, (await rendered('own-xicheng-rsj-2023.docx')).text);
		assert.deepEqual(differences(cellsOf(written), cellsOf(textOf('own-xicheng-rsj-2023.docx'))), []);
		writeFileSync(out, 'keep me');
		r = await cli('convert', src);
		assert.equal(r.status, 2);
		assert.equal(readFileSync(out, 'utf8'), 'keep me');
		r = await cli('convert', '--force', '-o', join(dir, 'other.txt'), src);
		assert.equal(r.status, 0, r.stderr);
		assert.ok(readFileSync(join(dir, 'other.txt'), 'utf8').includes('一、本年新收政府信息公开申请数量'));
	});
});
