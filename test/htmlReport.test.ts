/**
 * The HTML report (`nianbao check --format html`) driven in headless Chromium (Debian's, through
 * playwright-core): the grid shows the seed's numbers, the wrong cell is marked with the finding,
 * a finding's link reveals its cell, the summary sorts, and nothing is fetched. A screenshot is
 * kept in test-output/ as the test's artefact.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { readSeed } from './helpers.ts';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
let dir: string;
let page: string;
let browser: Browser | undefined;

before(async () => {
	if (!existsSync(CLI)) spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
	dir = mkdtempSync(join(tmpdir(), 'nianbao-html-'));
	writeFileSync(join(dir, 'a-broken.txt'), readSeed('000_64647beae46556e6.txt').replace('\t65\n', '\t66\n'));
	writeFileSync(join(dir, 'b-seed-001.txt'), readSeed('001_2c73ece5a30f6368.txt'));
	writeFileSync(join(dir, 'c-seed-004.txt'), readSeed('004_9106e2caa941d205.txt'));
	const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'html', '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
	assert.equal(r.status, 1, r.stderr);
	page = join(dir, 'report.html');
	writeFileSync(page, r.stdout);
	if (existsSync(CHROMIUM)) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
});
after(async () => {
	await browser?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('the HTML report in a browser', { skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)` }, () => {
	test('grids, the marked cell, the link to it, sorting, no request', async () => {
		const ctx = await browser!.newContext({ viewport: { width: 1200, height: 900 } });
		const tab = await ctx.newPage();
		const requests: string[] = [];
		tab.on('request', (r) => {
			if (!r.url().startsWith('file:')) requests.push(r.url());
		});
		const errors: string[] = [];
		tab.on('pageerror', (e) => errors.push(e.message));
		tab.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		await tab.goto(`file://${page}`);

		// The seed's numbers in the grid of Table 2: 一、本年新收 row, 自然人 60, 总计 as typed 66 and marked.
		const row = tab.locator('section#r0 table.grid tr', { hasText: '一、本年新收政府信息公开申请数量' });
		const cells = await row.locator('td').allTextContents();
		assert.deepEqual(cells, ['60', '4', '0', '0', '1', '0', '66']);
		const wrong = row.locator('td.e');
		assert.equal(await wrong.count(), 1);
		assert.equal(await wrong.textContent(), '66');
		assert.match((await wrong.getAttribute('title'))!, /应为 65/);
		assert.equal(await tab.locator('section#r1 td.e').count(), 0);

		// The finding's link reveals its cell.
		await tab.locator('section#r0 ol.findings li.e a.where').first().click();
		assert.equal(await tab.evaluate('document.querySelector(":target")?.textContent'), '66');
		assert.ok(await wrong.isVisible());

		// Sorting the summary by errors, twice: most errors first, then last.
		const firstFile = async () => (await tab.locator('table.summary tbody tr td:first-child').first().textContent())!.trim();
		const errorsHeader = tab.locator('table.summary th', { hasText: '错误' });
		await errorsHeader.click();
		assert.equal(await firstFile(), 'b-seed-001.txt');
		await errorsHeader.click();
		assert.equal(await firstFile(), 'a-broken.txt');

		mkdirSync(join(ROOT, 'test-output'), { recursive: true });
		await tab.locator('section#r0').screenshot({ path: join(ROOT, 'test-output', 'html-report.png') });
		assert.deepEqual(requests, []);
		assert.deepEqual(errors, []);
		await ctx.close();
	});
});
