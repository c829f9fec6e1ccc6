import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { encodeText } from '../server/src/core/index.ts';
import { readSeed, SEEDS_DIR } from './helpers.ts';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
let dir: string;

function run(...args: string[]) {
	const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
	if (!existsSync(CLI)) spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
	dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const SEED = '000_64647beae46556e6.txt';
/** Seed 000 with its row total 65 (new requests, 总计) changed to 66. */
function brokenSeed(): string {
	const text = readSeed(SEED);
	const i = text.indexOf('\t65\n');
	return text.slice(0, i) + '\t66\n' + text.slice(i + 4);
}

describe('nianbao check', () => {
	test('the seeds pass with warnings only (exit 0)', () => {
		const r = run('check', SEEDS_DIR);
		assert.equal(r.status, 0, r.stdout + r.stderr);
		assert.match(r.stdout, /检查了 5 个文件：0 个错误/);
	});

	test('a wrong total is an error at its exact cell (exit 1), in Chinese and English', () => {
		writeFileSync(join(dir, 'broken.txt'), brokenSeed());
		const zh = run('check', 'broken.txt');
		assert.equal(zh.status, 1);
		assert.match(zh.stdout, /^broken\.txt:94:2 {2}错误 {2}“一、本年新收政府信息公开申请数量”的总计应为 65（60 \+ 4 \+ 0 \+ 0 \+ 1 \+ 0），表中为 66。 定位：[^ ]+均不成立，仅在此格相交。 {2}balance\.row-total$/m);
		const en = run('check', '--lang', 'en', 'broken.txt');
		assert.match(en.stdout, /broken\.txt:94:2 {2}error {2}The total of "new requests this year" should be 65/);
	});

	test('--format json gives one element per file with LSP ranges and fixes', () => {
		writeFileSync(join(dir, 'broken.txt'), brokenSeed());
		const r = run('check', '--format', 'json', 'broken.txt', join(SEEDS_DIR, SEED));
		const json = JSON.parse(r.stdout);
		assert.equal(json.length, 2);
		assert.equal(json[0].file, 'broken.txt');
		assert.equal(json[0].template, '2021');
		const d = json[0].diagnostics.find((x: { code: string }) => x.code === 'balance.row-total');
		assert.deepEqual(d.range, { start: { line: 93, character: 1 }, end: { line: 93, character: 3 } });
		assert.equal(d.severity, 'error');
		assert.deepEqual(d.fix.edits, [{ range: d.range, newText: '65' }]);
	});

	test('--fix writes the fix in place and leaves a clean file byte-identical', () => {
		writeFileSync(join(dir, 'broken.txt'), brokenSeed());
		copyFileSync(join(SEEDS_DIR, '004_9106e2caa941d205.txt'), join(dir, 'clean.txt'));
		const r = run('check', '--fix', 'broken.txt', 'clean.txt');
		assert.equal(r.status, 0, r.stdout);
		const fixed = readFileSync(join(dir, 'broken.txt'), 'utf8');
		// The total is back, and the page-number artefact at the end is gone: nothing else changed.
		assert.equal(fixed, readSeed(SEED).replace(/\n1\n\n$/, '\n\n'));
		assert.equal(readFileSync(join(dir, 'clean.txt'), 'utf8'), readSeed('004_9106e2caa941d205.txt'));
	});

	for (const [name, encoding, bom, eol] of [
		['GBK with CRLF', 'gb18030', false, '\r\n'],
		['UTF-16LE with BOM', 'utf16le', true, '\n'],
		['UTF-16LE without BOM', 'utf16le', false, '\r\n'],
		['UTF-16BE with BOM', 'utf16be', true, '\n'],
		['UTF-8 with BOM and CR', 'utf8', true, '\r'],
	] as const) {
		test(`${name}: read correctly, and --fix keeps encoding, BOM and line breaks`, () => {
			const file = join(dir, `enc-${encoding}-${bom}.txt`);
			writeFileSync(file, encodeText(brokenSeed().replace(/\n/g, eol), encoding, bom));
			const check = run('check', '--format', 'json', file);
			const codes = JSON.parse(check.stdout)[0].diagnostics.map((d: { code: string }) => d.code);
			assert.ok(codes.includes('balance.row-total'), codes.join());
			run('check', '--fix', file);
			const expected = encodeText(readSeed(SEED).replace(/\n1\n\n$/, '\n\n').replace(/\n/g, eol), encoding, bom);
			assert.deepEqual(readFileSync(file), Buffer.from(expected));
		});
	}

	test('unreadable input: exit 2 with a clear message, and the other files are still checked', () => {
		writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00, 0x01, 0x02, 0x03, 0x00]));
		writeFileSync(join(dir, 'broken.txt'), brokenSeed());
		const r = run('check', 'binary.txt', 'missing.txt', 'broken.txt');
		assert.equal(r.status, 2);
		assert.match(r.stdout, /binary\.txt: 无法读取: binary file/);
		assert.match(r.stdout, /missing\.txt: 无法读取: no such file/);
		assert.match(r.stdout, /broken\.txt:94:2/);
	});

	test('folders are searched recursively for .txt, .md and .nianbao', () => {
		mkdirSync(join(dir, 'tree/a/b'), { recursive: true });
		writeFileSync(join(dir, 'tree/a/b/r.nianbao'), brokenSeed());
		writeFileSync(join(dir, 'tree/a/r.md'), readSeed(SEED));
		writeFileSync(join(dir, 'tree/a/skip.json'), '{}');
		const json = JSON.parse(run('check', '--format=json', 'tree').stdout);
		assert.deepEqual(json.map((f: { file: string }) => f.file), [join('tree', 'a', 'b', 'r.nianbao'), join('tree', 'a', 'r.md')]);
	});

	test('bad usage exits 2 with usage text', () => {
		for (const args of [['frobnicate'], ['check'], ['check', '--format', 'xml', 'x.txt'], ['check', '--template', '1999', 'x.txt'], ['check', '--bogus', 'x.txt']]) {
			const r = run(...args);
			assert.equal(r.status, 2, args.join(' '));
			assert.match(r.stderr, /Usage:/);
		}
		assert.equal(run('--help').status, 0);
	});
});

describe('nianbao extract', () => {
	test('prints the model: template, year, agency, sections, every value keyed by row and column', () => {
		const r = run('extract', join(SEEDS_DIR, SEED));
		assert.equal(r.status, 0);
		const [report] = JSON.parse(r.stdout);
		assert.equal(report.template, '2021');
		assert.equal(report.year, 2023);
		assert.equal(report.agency, '北京市西城区人力资源和社会保障局');
		assert.deepEqual(report.sections.map((s: { mandated: string }) => s.mandated), ['overview', 'active', 'requests', 'appeals', 'problems', 'other']);
		const requests = report.tables.find((t: { id: string }) => t.id === 'requests');
		const r1 = requests.rows.find((x: { key: string }) => x.key === 'R1');
		assert.equal(r1.label, '一、本年新收政府信息公开申请数量');
		assert.equal(r1.values.total.value, 65);
		assert.equal(r1.values.natural.value, 60);
	});
});
