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
