import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, Hover, InlayHint, MarkupContent } from 'vscode-languageserver-protocol';
import { range, seedText, seedUri, start, type Session } from './harness.ts';

const SEED = '000_64647beae46556e6.txt';
const URI = seedUri(SEED);
const CELL_PER_LINE = '004_9106e2caa941d205.txt';
const PIPES = '003_6d0cd6ca3bfdf8d5.txt';
const whole = range(0, 0, 100000, 0);

function hover(s: Session, uri: string, line: number, character: number) {
	return s.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
}

describe('hovers, inlay hints and code lenses over LSP', () => {
	let s: Session;
	before(async () => {
		s = await start({ locale: 'zh-CN' });
		for (const f of [SEED, CELL_PER_LINE, PIPES]) await s.open(seedUri(f), seedText(f));
	});
	after(async () => s?.stop());

	it('shows a total as its formula with the actual numbers', async () => {
		const h = (await hover(s, URI, 93, 2))!;
		const md = h.contents as MarkupContent;
		assert.equal(md.kind, 'markdown');
		assert.ok(md.value.includes('**收到和处理政府信息公开申请情况**'), md.value);
		assert.ok(md.value.includes('一、本年新收政府信息公开申请数量 · 总计'));
		assert.ok(md.value.includes('`总计 = 60 + 4 + 0 + 0 + 1 + 0 = 65`　✓ 平衡'), md.value);
		assert.deepEqual(h.range, range(93, 1, 93, 3));
	});

	it('shows the mandated section of a heading, and nothing on plain text', async () => {
		const h = (await hover(s, URI, 18, 1))!;
		assert.ok((h.contents as MarkupContent).value.includes('规定章节：第 2 部分 **二、主动公开政府信息情况**'));
		assert.equal(await hover(s, URI, 2, 3), null);
	});

	it('puts the column label after each number where cells stand one a line', async () => {
		const hints = await s.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: range(86, 0, 94, 0) });
		assert.deepEqual(
			hints.map((h) => [h.position.line, h.position.character, h.label]),
			[
				[87, 3, '自然人'],
				[88, 2, '商业企业'],
				[89, 2, '科研机构'],
				[90, 2, '社会公益组织'],
				[91, 2, '法律服务机构'],
				[92, 2, '其他'],
				[93, 3, '总计'],
			],
		);
		assert.equal(hints[0].paddingLeft, true);
		const cpl = await s.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: seedUri(CELL_PER_LINE) }, range: whole });
		assert.ok(cpl.length > 100 && cpl.some((h) => h.label === '商业企业'));
		assert.deepEqual(await s.request('textDocument/inlayHint', { textDocument: { uri: seedUri(PIPES) }, range: whole }), []);
	});

	it('shows whether each table balances, with a fix command on the one that does not', async () => {
		let lenses = await s.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
		assert.equal(lenses.length, 6);
		assert.deepEqual(
			lenses.map((l) => l.command!.title),
			[...Array(4).fill('无可核对的勾稽关系'), '✓ 勾稽平衡', '✓ 勾稽平衡'],
		);
		await s.edit(URI, [{ range: range(93, 1, 93, 3), newText: '66' }]);
		lenses = await s.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
		const above = lenses.filter((l) => l.range.start.line === 67);
		assert.deepEqual(
			above.map((l) => l.command),
			[
				// The row total and its column's identity cross at the total: one located finding.
				{ title: '✗ 1 处勾稽问题', command: '' },
				{ title: '修正本表合计（1 处）', command: 'nianbao.server.fixTable', arguments: [URI, 4] },
			],
		);
	});

	it('turns inlay hints and code lenses off by setting', async () => {
		s.settings = { inlayHints: { enabled: false }, codeLens: { enabled: false } };
		await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
		await new Promise((r) => setTimeout(r, 100));
		assert.deepEqual(await s.request('textDocument/inlayHint', { textDocument: { uri: URI }, range: whole }), []);
		assert.deepEqual(await s.request('textDocument/codeLens', { textDocument: { uri: URI } }), []);
		s.settings = {};
		await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
	});
});

describe('English locale', () => {
	let s: Session;
	before(async () => {
		s = await start({ locale: 'en' });
		await s.open(URI, seedText(SEED));
	});
	after(async () => s?.stop());

	it('writes hovers and hints in English', async () => {
		const md = ((await hover(s, URI, 93, 1))!.contents as MarkupContent).value;
		assert.ok(md.includes('= 60 + 4 + 0 + 0 + 1 + 0 = 65`　✓ balances'), md);
		const hints = await s.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: range(87, 0, 87, 9) });
		assert.equal(hints.length, 1);
		assert.doesNotMatch(String(hints[0].label), /[\u4e00-\u9fff]/);
	});
});
