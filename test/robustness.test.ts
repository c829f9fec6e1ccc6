import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { decodeBytes, encodeText } from '../server/src/core/index.ts';
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
		// (No heading and no table: said unreadable once, a warning.)
		['one-line-5mb.txt', '政府信息公开'.repeat(300_000), 0],
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
		// (The bound is on a hang, not on speed: a loaded machine, two test files at a time, took 180 s.)
		const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'huge.txt'], { cwd: dir, timeout: 540_000, maxBuffer: 1 << 30, encoding: 'utf8' });
		assert.equal(r.status, 1, r.stderr);
		const [result] = JSON.parse(r.stdout);
		assert.ok(result.diagnostics.filter((d: { code: string }) => d.code === 'balance.row-total').length >= 5000);
		rmSync(join(dir, 'huge.txt'));
	});

	test('a UTF-8 file with a stray byte (a character cut in half) is read as UTF-8, checked, and never written by --fix', () => {
		const utf8 = Buffer.from(BROKEN, 'utf8');
		const at = utf8.indexOf(Buffer.from('二、', 'utf8'));
		assert.ok(at > 0);
		const bytes = Buffer.concat([utf8.subarray(0, at), Buffer.from([0xe4]), utf8.subarray(at)]);
		const decoded = decodeBytes(bytes);
		assert.ok(!('error' in decoded));
		assert.equal(decoded.encoding, 'utf8');
		assert.ok(decoded.lossy);
		assert.ok(decoded.text.includes('二、'));
		writeFileSync(join(dir, 'stray.txt'), bytes);
		const r = run('check', '--fix', '--format', 'json', 'stray.txt');
		assert.ok(!JSON.parse(r.stdout)[0].diagnostics.some((d: { code: string }) => d.code === 'section.unreadable'), r.stdout);
		assert.deepEqual(readFileSync(join(dir, 'stray.txt')), bytes);
	});

	test('a GBK file with bytes that do not decode is checked but never written by --fix', () => {
		const bytes = Buffer.concat([Buffer.from(encodeText(BROKEN, 'gb18030', false)), Buffer.from([0x81, 0x20])]);
		writeFileSync(join(dir, 'lossy.txt'), bytes);
		const r = run('check', '--fix', 'lossy.txt');
		assert.equal(r.status, 1);
		assert.deepEqual(readFileSync(join(dir, 'lossy.txt')), bytes);
	});

	test('a GBK file of a table drawn with box lines (w3m -dump ┌─┬) is text, checked as its UTF-8 original is', () => {
		const name = 'shanghai-szfbgt-2019.w3m.txt';
		const text = readFileSync(join(ROOT, 'test', 'corpus', 'converted', name), 'utf8');
		const bytes = encodeText(text, 'gb18030', false);
		const decoded = decodeBytes(bytes);
		assert.ok(!('error' in decoded), 'read as text');
		assert.equal(decoded.encoding, 'gb18030');
		assert.equal(decoded.text, text);
		writeFileSync(join(dir, 'utf8.txt'), text);
		writeFileSync(join(dir, 'gbk.txt'), bytes);
		const findings = (f: string) => JSON.parse(run('check', '--format', 'json', f).stdout)[0].diagnostics.map((d: { code: string }) => d.code);
		assert.deepEqual(findings('gbk.txt'), findings('utf8.txt'));
	});
});

describe('--fix loses nothing', () => {
	// The child is killed at points set by what it has done (nothing yet, its temporary file is
	// there, a spread of moments, never), and each outcome is judged by how the child ended: killed,
	// the report is the original or the fixed text; ended by itself, it is the fixed text. How
	// fast the machine is changes which outcome a point gives, never whether the test passes.
	type KillPoint = { name: string; arm: (child: ChildProcess, folder: string) => () => void };
	const killNow = (child: ChildProcess) => child.kill('SIGKILL');
	const points: KillPoint[] = [
		{ name: 'killed right after spawn', arm: (child) => (killNow(child), () => {}) },
		{
			name: 'killed when its temporary file appears',
			arm: (child, folder) => {
				const watcher = watch(folder, (_, name) => {
					if (name?.startsWith('.')) killNow(child);
				});
				return () => watcher.close();
			},
		},
		...[30, 150, 400, 900, 1500].map((ms) => ({
			name: `killed after ${ms} ms`,
			arm: (child: ChildProcess) => {
				const timer = setTimeout(() => killNow(child), ms);
				return () => clearTimeout(timer);
			},
		})),
		{ name: 'left to finish', arm: () => () => {} },
	];
	const big = BROKEN.repeat(400);
	let fixed: string;
	before(() => {
		const file = join(dir, 'expected.txt');
		writeFileSync(file, big);
		const r = run('check', '--fix', 'expected.txt');
		assert.equal(r.status, 0, r.stdout + r.stderr);
		fixed = readFileSync(file, 'utf8');
		assert.notEqual(fixed, big);
	});

	for (const point of points) {
		test(`${point.name}: the report is the original or the fixed one, never a mix`, async (t) => {
			const folder = mkdtempSync(join(dir, 'victim-'));
			const file = join(folder, 'report.txt');
			writeFileSync(file, big);
			const child = spawn(process.execPath, [CLI, 'check', '--fix', file], { stdio: 'ignore' });
			// Listen before anything can happen, so an exit that comes first is not missed.
			const ended = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
			const disarm = point.arm(child, folder);
			const [code, signal] = await ended;
			disarm();
			const now = readFileSync(file, 'utf8');
			const others = readdirSync(folder).filter((f) => f !== 'report.txt');
			t.diagnostic(signal === null ? 'the run ended by itself' : `killed; the report is the ${now === big ? 'original' : now === fixed ? 'fixed' : 'mixed'} text${others.length ? ', a temporary file is left' : ''}`);
			if (signal === null) {
				assert.equal(code, 0, 'a --fix run that ends by itself ends with status 0 here');
				assert.ok(now === fixed, 'the run ended by itself but the report is not the fixed text');
				assert.deepEqual(others, [], 'the run ended by itself and left files behind');
			} else {
				assert.equal(signal, 'SIGKILL');
				assert.ok(now === big || now === fixed, 'the report is neither the original nor the fixed text');
				// A kill between open and rename may leave its temporary file: hidden, beside the report.
				for (const f of others) assert.match(f, /^\.report\.txt\.nianbao-\d+-\d+\.tmp$/);
			}
		});
	}

	test('a file with nothing to fix is not rewritten (same bytes, same file, same modification time)', () => {
		const file = join(dir, 'clean.txt');
		copyFileSync(join(__dirname, 'fixtures', 'seeds', '004_9106e2caa941d205.txt'), file);
		// A modification time long past: any write would set it to now.
		const past = new Date('2001-02-03T04:05:06Z');
		utimesSync(file, past, past);
		const before = readFileSync(file);
		const { ino } = statSync(file);
		const r = run('check', '--fix', 'clean.txt');
		assert.equal(r.status, 0, r.stdout + r.stderr);
		assert.doesNotMatch(r.stdout, /已修正/);
		assert.deepEqual(readFileSync(file), before);
		assert.equal(statSync(file).ino, ino);
		assert.equal(statSync(file).mtimeMs, past.getTime());
	});
});
