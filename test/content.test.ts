/**
 * Mandated sections that say nothing (check/rules/contentChecks.ts): the real seeds as published
 * raise nothing; a seed with section 五 emptied or reduced to 无 does; 六 may say 无.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { readSeed } from './helpers.ts';

const SEEDS = ['000_64647beae46556e6.txt', '001_2c73ece5a30f6368.txt', '002_80c9c3334538e3f2.txt', '003_6d0cd6ca3bfdf8d5.txt', '004_9106e2caa941d205.txt'];
const empty = (text: string) => checkReport(parseReport(text)).filter((f) => f.code === 'section.empty');

/** Seed 001 with the body of the section of the given key replaced. */
function withBody(key: string, body: string): string {
	const text = readSeed(SEEDS[1]);
	const model = parseReport(text);
	const s = model.sections.find((x) => x.heading.section?.key === key)!;
	const lines = text.split('\n');
	return [...lines.slice(0, s.heading.line + 1), ...(body ? [body] : []), ...lines.slice(s.range.end.line + 1)].join('\n');
}

describe('sections that say nothing', () => {
	test('the seeds as published', () => {
		for (const seed of SEEDS) assert.deepEqual(empty(readSeed(seed)), [], seed);
	});
	test('五 reduced to 无 is found on its heading', () => {
		const text = withBody('problems', '无。');
		const found = empty(text);
		assert.deepEqual(found.map((f) => f.data?.what), ['nothing']);
		assert.match(text.split('\n')[found[0].range.start.line], /存在的主要问题/);
	});
	test('五 with no text at all', () => {
		assert.deepEqual(empty(withBody('problems', '')).map((f) => f.data?.what), ['blank']);
	});
	test('六 may say 无', () => {
		assert.deepEqual(empty(withBody('other', '无。')), []);
	});
	test('a section whose text runs on into the next heading on its last line (…工作。二、主动公开…, as converters join lines) is not empty', () => {
		for (const seed of SEEDS) {
			const text = readSeed(seed);
			const model = parseReport(text);
			const second = model.headings.find((h) => h.section?.key === 'active' && h.range.start.character === 0);
			if (!second || second.line < 2 || text.split('\n')[second.line - 1].trim() === '') continue;
			const lines = text.split('\n');
			const joined = [...lines.slice(0, second.line - 1), lines[second.line - 1] + lines[second.line], ...lines.slice(second.line + 1)].join('\n');
			const again = parseReport(joined);
			assert.ok(again.headings.some((h) => h.section?.key === 'active'), seed);
			assert.deepEqual(empty(joined), [], seed);
		}
	});
});

describe('fees in 六 (2021 format)', () => {
	const fees = (text: string) => checkReport(parseReport(text)).filter((f) => f.code === 'fees.unreported');
	test('said when 六 has no word on fees (seed 004 as published), not when it says none were charged (seeds 000, 001, 003)', () => {
		const found = fees(readSeed(SEEDS[4]));
		assert.equal(found.length, 1);
		assert.equal(found[0].severity, 'information');
		for (const seed of [SEEDS[0], SEEDS[1], SEEDS[3]]) assert.deepEqual(fees(readSeed(seed)), [], seed);
	});
	test('seed 001 with its fee sentence taken out of 六 is said; with it, not', () => {
		assert.equal(fees(withBody('other', '如对本报告有任何疑问，请与本局联系。')).length, 1);
		assert.deepEqual(fees(withBody('other', '2023年，我局未收取政府信息公开信息处理费。')), []);
	});
});

describe('the blank template (what a drafter opens first)', () => {
	test('a section that holds only the template\'s instruction （文字描述） says nothing', () => {
		for (const key of ['problems', 'other']) {
			const found = empty(withBody(key, '（文字描述）'));
			assert.deepEqual(found.map((f) => f.data?.what), ['placeholder'], key);
			assert.match(found[0].message, /（文字描述）/);
		}
		// A sentence that starts like an instruction and goes on is text.
		assert.deepEqual(empty(withBody('problems', '文字描述不够具体、数据更新不及时是本年度存在的主要问题，明年将逐项整改落实到位。')), []);
	});

	test('a table whose every cell is blank is said once, as not filled in; one 0 makes it filled', () => {
		const text = readSeed(SEEDS[3]);
		const lines = text.split('\n');
		const model = parseReport(text);
		const table = model.tables.find((t) => t.def.id === 'requests')!;
		const blanked = lines.map((line, n) => (n >= table.range.start.line && n <= table.range.end.line ? line.replace(/\|\s*\d+\s*(?=\|)/g, '|  ') : line));
		const blank = (t: string) => checkReport(parseReport(t)).filter((f) => f.code === 'table.blank');
		const found = blank(blanked.join('\n'));
		assert.equal(found.length, 1);
		assert.equal(found[0].data?.table, 'requests');
		assert.equal(found[0].severity, 'warning');
		// Nothing else about that table: no blank totals, no missing rows.
		assert.deepEqual(checkReport(parseReport(blanked.join('\n'))).filter((f) => f.range.start.line >= table.range.start.line && f.range.start.line <= table.range.end.line && f.code !== 'table.blank'), []);
		const oneZero = blanked.slice();
		const row = oneZero.findIndex((l) => l.startsWith('一、本年新收'));
		oneZero[row] = oneZero[row].replace('|  ', '| 0 ');
		assert.deepEqual(blank(oneZero.join('\n')), []);
		assert.deepEqual(blank(text), []);
	});
});
