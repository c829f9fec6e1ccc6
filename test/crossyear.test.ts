import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { crossYearFindings, pairByYear, parseReport, sameAgency } from '../server/src/core/index.ts';
import { readSeed } from './helpers.ts';

/**
 * This year against last year, on seed 000 (2023) and a 2022 report of the same agency made from
 * it: 上年结转 of 2023 must equal 结转下年度 of 2022, and 现行有效件数 must follow from 2022's.
 */
const THIS_YEAR = readSeed('000_64647beae46556e6.txt');
/** Seed 000 as the agency's 2022 report, with 现行有效 5 for normative documents (2023: 5 + 1 − 0 = 6). */
function lastYear(changes: Array<[string, string]> = []): string {
	let t = THIS_YEAR.replace(/2023年/g, '2022年').replace('\t行政规范性文件\n\t1\n\t0\n\t6\n', '\t行政规范性文件\n\t1\n\t0\n\t5\n');
	for (const [a, b] of changes) t = t.replace(a, b);
	return t;
}
/** The pair is a copy by construction, so its copied text (year.copied-text, test/copiedText.test.ts) is left out here. */
const tableFindings = (current: string, previous: string) => crossYearFindings(parseReport(current), parseReport(previous), 'last.txt').filter((f) => f.code !== 'year.copied-text');
const R4 = '\t四、结转下年度继续办理\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1\n';

describe('this year against last year', () => {
	test('a consistent pair raises nothing', () => {
		assert.deepEqual(tableFindings(THIS_YEAR, lastYear()), []);
	});

	test("a carry-over that differs from last year's carry-forward is an error on this year's cell, citing last year's", () => {
		const prev = lastYear([[R4, '\t四、结转下年度继续办理\n\t2\n\t0\n\t0\n\t0\n\t0\n\t0\n\t2\n']]);
		const fs = tableFindings(THIS_YEAR, prev);
		assert.deepEqual(fs.map((f) => [f.code, f.severity]), [['year.carry-over', 'error'], ['year.carry-over', 'error']]);
		assert.match(fs[0].message, /“自然人”的上年结转为 1，而2022年度报告的结转下年度继续办理为 2/);
		const cur = parseReport(THIS_YEAR);
		assert.equal(cur.index.textOf(fs[0].range), '1');
		assert.equal(fs[0].range.start.line, THIS_YEAR.split('\n').indexOf('\t二、上年结转政府信息公开申请数量') + 1);
		assert.equal(fs[0].related![0].file, 'last.txt');
	});

	test('现行有效件数 that does not follow is a warning (a clean-up can explain it)', () => {
		const fs = tableFindings(THIS_YEAR, lastYear([['\t0\n\t5\n', '\t0\n\t9\n']]));
		assert.deepEqual(fs.map((f) => [f.code, f.severity]), [['year.stock', 'warning']]);
		assert.match(fs[0].message, /应为 10（9 \+ 1 − 0），表中为 6/);
	});

	test('pairing indexes names: prefixed and unprefixed names pair, others do not, and 20000 reports pair at once', () => {
		const r = (agency: string, year: number) => ({ agency, year });
		const a = r('北京市西城区人力资源和社会保障局', 2023);
		const b = r('西城区人力资源和社会保障局', 2022);
		const c = r('东城区人力资源和社会保障局', 2022);
		const d = r('北京市西城区人力资源和社会保障局', 2021);
		assert.deepEqual(pairByYear([a, b, c, d]).map((p) => [p.current, p.previous]), [[a, b], [b, d]]);
		const many = Array.from({ length: 20000 }, (_, i) => r(`第${i % 5000}号测试机关名称局`, 2020 + Math.floor(i / 5000)));
		// Linear time is measured by the benchmark, not asserted here: tests never depend on timing.
		assert.equal(pairByYear(many).length, 15000);
	});

	test('agencies match by name, with or without the place prefix', () => {
		const a = { metadata: { agency: '北京市西城区人力资源和社会保障局' } };
		assert.ok(sameAgency(a, { metadata: { agency: '西城区人力资源和社会保障局' } }));
		assert.ok(!sameAgency(a, { metadata: { agency: '东城区人力资源和社会保障局' } }));
		assert.ok(!sameAgency(a, { metadata: {} }));
	});
});

describe('nianbao check pairs reports of consecutive years', () => {
	const ROOT = join(__dirname, '..');
	let dir: string;
	before(() => {
		if (!existsSync(join(ROOT, 'dist', 'cli.js'))) spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
		dir = mkdtempSync(join(tmpdir(), 'nianbao-years-'));
	});
	after(() => rmSync(dir, { recursive: true, force: true }));

	test('and reports the carry-over on this year’s file, with last year’s file as related', () => {
		writeFileSync(join(dir, '2023.txt'), THIS_YEAR);
		writeFileSync(join(dir, '2022.txt'), lastYear([[R4, '\t四、结转下年度继续办理\n\t2\n\t0\n\t0\n\t0\n\t0\n\t0\n\t2\n']]));
		const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', dir], { encoding: 'utf8' });
		assert.equal(r.status, 1);
		const [y2022, y2023] = JSON.parse(r.stdout);
		assert.ok(!y2022.diagnostics.some((d: { code: string }) => d.code.startsWith('year.')));
		const carry = y2023.diagnostics.filter((d: { code: string }) => d.code === 'year.carry-over');
		assert.equal(carry.length, 2);
		assert.equal(carry[0].related[0].file, join(dir, '2022.txt'));
	});
});
