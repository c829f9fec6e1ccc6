import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { encodeText } from '../server/src/core/index.ts';
import { readSeed } from './helpers.ts';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
let dir: string;
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });

before(() => {
	if (!existsSync(CLI)) spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
	dir = mkdtempSync(join(tmpdir(), 'nianbao-robust-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const SEED = readSeed('000_64647beae46556e6.txt');
const BROKEN = SEED.replace('\t65\n', '\t66\n');

describe('bad files never crash the CLI', () => {
	const cases: Array<[string, Uint8Array | string, number]> = [
		['empty.txt', '', 1],
		['bom-only.txt', '\ufeff', 1],
		['invalid-utf8.txt', Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81, 0x00, 0x01, 0xc3, 0x28, 0x00]), 2],
		['random.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 256)), 2],
		['one-line-5mb.txt', '政府信息公开'.repeat(300_000), 1],
		['squashed.txt', SEED.split('\n').map((l) => l.trim()).join(''), 0],
		['cr-only.txt', SEED.replace(/\n/g, '\r'), 0],
		['utf16-no-bom.txt', encodeText(SEED, 'utf16le', false), 0],
	];
	for (const [name, content, status] of cases) {
		test(`${name}: exit ${status}`, () => {
			writeFileSync(join(dir, name), content);
			const r = run('check', name);
			assert.equal(r.status, status, r.stdout + r.stderr);
			assert.doesNotMatch(r.stderr, /at \w+ \(|TypeError|RangeError/);
		});
	}

	test('a 50 MB report is checked to the end (JSON output that parses)', () => {
		const unit = Buffer.from(BROKEN, 'utf8');
		const big = Buffer.alloc(unit.length * Math.ceil(50e6 / unit.length));
		for (let at = 0; at < big.length; at += unit.length) unit.copy(big, at);
		writeFileSync(join(dir, 'huge.txt'), big);
		const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'huge.txt'], { cwd: dir, timeout: 180_000, maxBuffer: 1 << 30, encoding: 'utf8' });
		assert.equal(r.status, 1, r.stderr);
		const [result] = JSON.parse(r.stdout);
		assert.ok(result.diagnostics.filter((d: { code: string }) => d.code === 'balance.row-total').length >= 5000);
		rmSync(join(dir, 'huge.txt'));
	});

	test('a GBK file with bytes that do not decode is checked but never written by --fix', () => {
		const bytes = Buffer.concat([Buffer.from(encodeText(BROKEN, 'gb18030', false)), Buffer.from([0x81, 0x20])]);
		writeFileSync(join(dir, 'lossy.txt'), bytes);
		const r = run('check', '--fix', 'lossy.txt');
		assert.equal(r.status, 1);
		assert.deepEqual(readFileSync(join(dir, 'lossy.txt')), bytes);
	});
});

describe('--fix loses nothing', () => {
	test('killed at any moment, the file is the original or the fixed one, never a mix', async () => {
		const big = BROKEN.repeat(400);
		const expectedFile = join(dir, 'expected.txt');
		writeFileSync(expectedFile, big);
		run('check', '--fix', 'expected.txt');
		const fixed = readFileSync(expectedFile, 'utf8');
		assert.notEqual(fixed, big);
		for (const delay of [30, 150, 400, 900, 1500]) {
			const file = join(dir, `victim-${delay}.txt`);
			writeFileSync(file, big);
			const child = spawn(process.execPath, [CLI, 'check', '--fix', file], { stdio: 'ignore' });
			await new Promise((r) => setTimeout(r, delay));
			child.kill('SIGKILL');
			await new Promise((r) => child.once('exit', r));
			const now = readFileSync(file, 'utf8');
			assert.ok(now === big || now === fixed, `killed after ${delay} ms: the file is neither the original nor the fixed text`);
		}
		// Leftover temporary files are hidden dot-files beside the report; the reports themselves are whole.
		for (const f of readdirSync(dir).filter((f) => f.startsWith('victim-'))) assert.ok(readFileSync(join(dir, f)).length > 0);
	});

	test('a file with nothing to fix is not rewritten (same bytes, same modification time)', async () => {
		copyFileSync(join(__dirname, 'fixtures', 'seeds', '004_9106e2caa941d205.txt'), join(dir, 'clean.txt'));
		const before = readFileSync(join(dir, 'clean.txt'));
		const { mtimeMs } = await import('node:fs').then((fs) => fs.statSync(join(dir, 'clean.txt')));
		await new Promise((r) => setTimeout(r, 20));
		run('check', '--fix', 'clean.txt');
		assert.deepEqual(readFileSync(join(dir, 'clean.txt')), before);
		assert.equal((await import('node:fs')).statSync(join(dir, 'clean.txt')).mtimeMs, mtimeMs);
	});
});
