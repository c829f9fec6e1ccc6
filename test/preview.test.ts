/**
 * The preview: the model the server sends (core/features/preview.ts, over LSP as nianbao/preview)
 * and the webview page (client/src/previewHtml.ts) in headless Chromium with a stand-in for
 * acquireVsCodeApi — the grid shows the seed's numbers, a wrong cell is marked with its formula, a
 * click asks to reveal the cell, the editor's cursor marks the cell it is in, and the page's CSP
 * lets nothing in from outside.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { previewModel, type PreviewModel } from '../server/src/core/features/preview.ts';
import { previewHtml } from '../client/src/previewHtml.ts';
import { PREVIEW_REQUEST } from '../server/src/protocol.ts';
import { seedText, seedUri, start, type Session } from './protocol/harness.ts';

const ROOT = join(__dirname, '..');
const SEED = '000_64647beae46556e6.txt';
const BROKEN = seedText(SEED).replace('\t65\n', '\t66\n');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let pages = 0;
/** The page as a file, so that it loads as a new document (the stand-in API is set before its script runs). */
function pageFile(html: string): string {
	const dir = join(ROOT, 'test-output');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `preview-page-${pages++}.html`);
	writeFileSync(file, html);
	return `file://${file}`;
}

function model(text: string): PreviewModel {
	const m = parseReport(text);
	return previewModel(m, checkReport(m), 'zh');
}

describe('the preview model', () => {
	test('tables in template order with group headings, the wrong cell marked with its formula', () => {
		const p = model(BROKEN);
		assert.equal(p.tables.length, 6);
		const requests = p.tables.find((t) => t.title === '收到和处理政府信息公开申请情况')!;
		assert.equal(requests.columns.at(-1), '总计');
		const r1 = requests.rows.find((r) => r.label === '一、本年新收政府信息公开申请数量')!;
		assert.deepEqual(r1.cells.map((c) => c?.text), ['60', '4', '0', '0', '1', '0', '66']);
		assert.equal(r1.cells[6]!.status, 'error');
		assert.match(r1.cells[6]!.messages[0], /应为 65/);
		assert.ok(requests.rows.some((r) => r.group && r.label === '三、本年度办理结果'));
		assert.equal(p.counts.errors, 1);
		assert.equal(p.headings.filter((h) => h.mandated).length, 6);
	});
	test('nianbao/preview over LSP answers the same model', async () => {
		const s: Session = await start({ locale: 'zh-CN' });
		try {
			await s.open(seedUri(SEED), BROKEN);
			const answered = await s.request<PreviewModel>(PREVIEW_REQUEST, { textDocument: { uri: seedUri(SEED) } });
			assert.deepEqual(answered, model(BROKEN));
			assert.equal(await s.request(PREVIEW_REQUEST, { textDocument: { uri: 'file:///not-open.txt' } }), null);
		} finally {
			await s.stop();
		}
	});
});

describe('the preview page in a browser', { skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}` }, () => {
	let browser: Browser;
	before(async () => {
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
	});
	after(async () => browser?.close());

	test('draws the grid, marks and reveals cells, follows the cursor, fetches nothing', async () => {
		const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
		const requests: string[] = [];
		page.on('request', (r) => {
			if (!r.url().startsWith('file:')) requests.push(r.url());
		});
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		// The webview's API: messages the page posts are collected (a string: the page runs no compiled helper).
		await page.addInitScript('window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), setState() {}, getState() {} });');
		await page.goto(pageFile(previewHtml('n0nce', 'vscode-webview://test', 'seed')));
		assert.deepEqual(await page.evaluate('window.posted'), [{ type: 'ready' }]);
		const m = model(BROKEN);
		await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'model', model: m })}, '*')`);
		await page.waitForSelector('table');
		const row = page.locator('tr', { hasText: '一、本年新收政府信息公开申请数量' });
		assert.deepEqual(await row.locator('td').allTextContents(), ['60', '4', '0', '0', '1', '0', '66']);
		const wrong = row.locator('td.error');
		assert.equal(await wrong.count(), 1);
		assert.match((await wrong.getAttribute('title'))!, /应为 65/);
		await wrong.click();
		const cell = m.tables.flatMap((t) => t.rows).find((r) => r.label === '一、本年新收政府信息公开申请数量')!.cells[6]!;
		assert.deepEqual(await page.evaluate('window.posted.at(-1)'), { type: 'reveal', range: cell.range });
		await page.evaluate(`window.postMessage({ type: 'cursor', position: ${JSON.stringify(cell.range.start)} }, '*')`);
		assert.equal(await page.locator('td.cursor').textContent(), '66');
		// A heading is revealed too.
		await page.locator('.heading', { hasText: '二、主动公开政府信息情况' }).click();
		assert.equal(((await page.evaluate('window.posted.at(-1)')) as { type: string }).type, 'reveal');
		mkdirSync(join(ROOT, 'test-output'), { recursive: true });
		await page.screenshot({ path: join(ROOT, 'test-output', 'preview.png'), fullPage: false });
		assert.deepEqual(requests, []);
		assert.deepEqual(errors, []);
		await page.close();
	});

	test('the CSP keeps out a script without the nonce', async () => {
		const page = await browser.newPage();
		await page.addInitScript('window.acquireVsCodeApi = () => ({ postMessage() {} });');
		const html = previewHtml('n0nce', 'vscode-webview://test', 'seed').replace('</body>', '<script>window.injected = true</script></body>');
		await page.goto(pageFile(html));
		assert.equal(await page.evaluate('window.injected === true'), false);
		await page.close();
	});
});
