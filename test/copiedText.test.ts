/**
 * The copy-paste pattern across years (check/rules/copiedTextChecks.ts): seed 000 (西城区人力资源
 * 和社会保障局 2023) against a 2022 report made from it the way drafters make one — the years
 * changed, the problems and plans left as they were.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crossYearFindings, parseReport, yearFacts } from '../server/src/core/index.ts';
import { readSeed } from './helpers.ts';

const THIS_YEAR = readSeed('000_64647beae46556e6.txt');
const LAST_YEAR = THIS_YEAR.replace(/2024年/g, '2023年').replace(/2023年/g, '2022年');
const copied = (current: string, previous: string) => crossYearFindings(yearFacts(parseReport(current)), yearFacts(parseReport(previous)), 'last.txt').filter((f) => f.code === 'year.copied-text');

describe('copied text across years', () => {
	test('the year changed and the rest left: the problems section is found as copied', () => {
		const found = copied(THIS_YEAR, LAST_YEAR);
		assert.ok(found.length >= 1, 'a run is found');
		const model = parseReport(THIS_YEAR);
		const problems = model.sections.find((s) => s.heading.section?.key === 'problems')!;
		assert.ok(found.some((f) => f.range.start.line >= problems.range.start.line && f.range.end.line <= problems.range.end.line));
		for (const f of found) {
			assert.equal(f.severity, 'information');
			assert.equal(f.related?.[0].file, 'last.txt');
		}
	});
	test('rewritten problems and plans are not copied', () => {
		const model = parseReport(LAST_YEAR);
		const problems = model.sections.find((s) => s.heading.section?.key === 'problems')!;
		const lines = LAST_YEAR.split('\n');
		for (let n = problems.heading.line + 1; n <= problems.range.end.line; n++) lines[n] = lines[n] ? `第${n}项：本年度重新撰写的问题和改进措施，内容与上一年度完全不同，逐条列明责任部门和完成时限。` : lines[n];
		const rewritten = lines.join('\n');
		const found = copied(THIS_YEAR, rewritten).filter((f) => f.range.start.line >= problems.range.start.line && f.range.start.line <= problems.range.end.line);
		assert.deepEqual(found, []);
	});
	test('another agency\'s report shares no long sentence', () => {
		assert.deepEqual(copied(THIS_YEAR, readSeed('004_9106e2caa941d205.txt')), []);
	});
});
