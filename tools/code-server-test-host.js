#!/usr/bin/env node
// Stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
//
// VS Code desktop cannot be downloaded on these machines, but code-server (npm) ships the VS Code
// server and its web workbench. Started with --enable-smoke-test-driver, that workbench honours the
// URL `payload` (extensionDevelopmentPath / extensionTestsPath) the way VS Code's own browser
// integration tests use it, and runs the tests in a real Node extension host: real `vscode` API,
// the language client over IPC, child processes. This script
//   1. reads the arguments test-electron passes (--extensionDevelopmentPath=, --extensionTestsPath=,
//      --user-data-dir=, --extensions-dir=, the folder to open; everything else is ignored),
//   2. starts <code-server>/lib/vscode/out/server-main.js on a free 127.0.0.1 port, in its own
//      process group,
//   3. opens the workbench in Debian's chromium through playwright-core, forwards the workbench's
//      console (mocha's output) and waits for window.codeAutomationExit(code),
//   4. saves a screenshot when a test asks for one (see TEST_HOST_SCREENSHOT below), or else of
//      the final state, kills the server's process group and exits
//      with the tests' exit code.
//
// Env: CODE_SERVER_DIR (…/node_modules/code-server), CODE_SERVER_NODE (node 24 binary),
//      CHROMIUM (default /usr/bin/chromium), TEST_HOST_TIMEOUT_MS (default 300000),
//      TEST_HOST_SCREENSHOT (png path; a test that writes "<path>.request" gets the screenshot taken
//      then, while the extension host still runs), TEST_HOST_VERBOSE=1 (all workbench output).
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const opt = { dev: [], tests: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
for (const a of process.argv.slice(2)) {
	const m = /^--([^=]+)=(.*)$/.exec(a);
	if (m) {
		if (m[1] === 'extensionDevelopmentPath') opt.dev.push(path.resolve(m[2]));
		else if (m[1] === 'extensionTestsPath') opt.tests = path.resolve(m[2]);
		else if (m[1] === 'user-data-dir') opt.userDataDir = path.resolve(m[2]);
		else if (m[1] === 'extensions-dir') opt.extensionsDir = path.resolve(m[2]);
	} else if (!a.startsWith('-')) opt.folder = path.resolve(a);
}
if (process.argv.includes('--version')) {
	console.log('code-server-test-host');
	process.exit(0);
}
const csDir = process.env.CODE_SERVER_DIR;
const nodeBin = process.env.CODE_SERVER_NODE || 'node';
if (!csDir || !opt.tests || opt.dev.length === 0) {
	console.error('code-server-test-host: needs CODE_SERVER_DIR, --extensionDevelopmentPath= and --extensionTestsPath=');
	process.exit(2);
}
const serverMain = path.join(csDir, 'lib', 'vscode', 'out', 'server-main.js');
if (!fs.existsSync(serverMain)) {
	console.error(`code-server-test-host: ${serverMain} not found (run tools/install-code-server.sh)`);
	process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-cs-'));
const userDataDir = opt.userDataDir || path.join(tmp, 'user-data');
const extensionsDir = opt.extensionsDir || path.join(tmp, 'extensions');

// Quiet, offline defaults, written only into a profile that has no settings yet.
const settingsFile = path.join(userDataDir, 'User', 'settings.json');
if (!fs.existsSync(settingsFile)) {
	fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
	fs.writeFileSync(
		settingsFile,
		JSON.stringify(
			{
				'chat.disableAIFeatures': true,
				'workbench.startupEditor': 'none',
				'workbench.tips.enabled': false,
				'telemetry.telemetryLevel': 'off',
				'extensions.autoCheckUpdates': false,
				'extensions.autoUpdate': false,
				'extensions.ignoreRecommendations': true,
				'workbench.enableExperiments': false,
				'update.mode': 'none',
				'git.enabled': false,
				'github.gitAuthentication': false,
				'security.workspace.trust.enabled': false,
			},
			null,
			2,
		),
	);
}

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

// Workbench chatter that says nothing about the tests (offline gallery, telemetry, auth).
const NOISE =
	/^(\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)\]|Creating a socket|Resolv(ing|ed) connection token|Updating additional builtin|Timed out waiting for authentication provider|.*getaddrinfo ENOTFOUND|Canceled: Canceled|Creation of workbench contribution|\s+at (Array\.map|new Promise)|\s+at .*https?:\/\/127\.0\.0\.1)/;
function forward(type, args) {
	const text = util.format(...(Array.isArray(args) ? args : [args]));
	const verbose = !!process.env.TEST_HOST_VERBOSE;
	const lines = verbose ? text.split('\n') : text.split('\n').filter((l) => !NOISE.test(l));
	if (!verbose && lines.every((l) => !l.trim())) return;
	(type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(lines.join('\n') + '\n');
}

async function main() {
	let chromium;
	try {
		({ chromium } = require('playwright-core'));
	} catch {
		// Run from a checkout: resolve playwright-core from the extension's node_modules.
		({ chromium } = require(require.resolve('playwright-core', { paths: opt.dev })));
	}
	const port = await freePort();
	const server = spawn(
		nodeBin,
		[
			serverMain,
			'--host', '127.0.0.1',
			'--port', String(port),
			'--without-connection-token',
			'--accept-server-license-terms',
			'--enable-smoke-test-driver',
			'--disable-workspace-trust',
			'--disable-telemetry',
			'--server-data-dir', userDataDir,
			'--user-data-dir', userDataDir,
			'--extensions-dir', extensionsDir,
		],
		{ stdio: ['ignore', 'pipe', 'pipe'], env: process.env, detached: true },
	);
	let serverOut = '';
	const ready = new Promise((resolve, reject) => {
		const onData = (d) => {
			serverOut += d;
			if (process.env.TEST_HOST_VERBOSE) process.stderr.write(`[server] ${d}`);
			if (/listening on|Web UI available/i.test(serverOut)) resolve();
		};
		server.stdout.on('data', onData);
		server.stderr.on('data', onData);
		server.on('exit', (c) => reject(new Error(`server exited ${c}:\n${serverOut}`)));
	});
	const stopServer = () => {
		try {
			process.kill(-server.pid, 'SIGTERM');
		} catch {}
	};
	process.on('SIGINT', () => (stopServer(), process.exit(130)));
	process.on('SIGTERM', () => (stopServer(), process.exit(143)));

	let exitCode = 1;
	let browser;
	try {
		await Promise.race([ready, new Promise((_, reject) => setTimeout(() => reject(new Error('server start timeout\n' + serverOut)), 60000))]);
		const authority = `127.0.0.1:${port}`;
		const remote = (p) => `vscode-remote://${authority}${p}`;
		const payload = [...opt.dev.map((d) => ['extensionDevelopmentPath', remote(d)]), ['extensionTestsPath', remote(opt.tests)], ['skipWelcome', 'true']];
		let url = `http://${authority}/?payload=${encodeURIComponent(JSON.stringify(payload))}`;
		if (opt.folder) url += `&folder=${encodeURIComponent(opt.folder)}`;
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		let finish;
		const done = new Promise((resolve) => (finish = resolve));
		await page.exposeFunction('codeAutomationLog', forward);
		await page.exposeFunction('codeAutomationExit', async (code) => finish(code));
		await page.goto(url);
		// A test can ask for a screenshot while the extension host is still up (diagnostics, outline):
		// it writes <TEST_HOST_SCREENSHOT>.request and waits for the file to disappear.
		const shot = process.env.TEST_HOST_SCREENSHOT;
		let shotTaken = false;
		const poll = shot
			? setInterval(() => {
					const request = `${shot}.request`;
					if (!fs.existsSync(request) || poll.busy) return;
					poll.busy = true;
					fs.mkdirSync(path.dirname(path.resolve(shot)), { recursive: true });
					page
						.screenshot({ path: shot })
						.then(
							() => ((shotTaken = true), console.log(`code-server-test-host: screenshot ${shot}`)),
							(e) => console.error(`code-server-test-host: screenshot failed: ${e.message}`),
						)
						.finally(() => {
							fs.rmSync(request, { force: true });
							poll.busy = false;
						});
				}, 200)
			: undefined;
		const timeoutMs = Number(process.env.TEST_HOST_TIMEOUT_MS || 300000);
		exitCode = await Promise.race([
			done,
			new Promise((resolve) =>
				setTimeout(() => {
					console.error(`code-server-test-host: no result within ${timeoutMs} ms`);
					resolve(124);
				}, timeoutMs),
			),
		]);
		clearInterval(poll);
		if (shot && !shotTaken) {
			fs.mkdirSync(path.dirname(path.resolve(shot)), { recursive: true });
			await page.screenshot({ path: shot }).then(
				() => console.log(`code-server-test-host: screenshot ${shot}`),
				(e) => console.error(`code-server-test-host: screenshot failed: ${e.message}`),
			);
		}
	} catch (e) {
		console.error('code-server-test-host:', e.message);
		exitCode = 1;
	} finally {
		if (browser) await browser.close().catch(() => {});
		stopServer();
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	process.exit(exitCode);
}

main();
