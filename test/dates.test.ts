/**
 * Years and dates against the report year (server/src/core/check/rules/dateChecks.ts). The
 * sentences are real report sentences (origin beside each) — as published, or with the year
 * changed the way a report copied from last year's carries it — placed in a minimal report of
 * the year given, in the section they come from.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { readSeed } from './helpers.ts';

const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
const SECTION = { overview: 0, active: 1, requests: 2, appeals: 3, problems: 4, other: 5 } as const;

function report(year: number | string, section: keyof typeof SECTION, sentence: string, intro = `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`): string {
	const lines = [`平潭综合实验区交通与建设局${year}年政府信息公开工作年度报告`, intro];
	HEADINGS.forEach((h, i) => lines.push(h, i === SECTION[section] ? sentence : '本部分内容从略。'));
	return lines.join('\n') + '\n';
}

const dateCodes = (text: string) =>
	checkReport(parseReport(text))
		.filter((f) => f.code.startsWith('date.'))
		.map((f) => ({ code: f.code, text: text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character) }));

describe('years and dates: agreeing sentences raise nothing', () => {
	const agreeing: Array<[number, keyof typeof SECTION, string, string]> = [
		// pingtan-czjrj-2020 (财政金融局 2020), 五: the plan is for 2021.
		[2020, 'problems', '（二）改进措施。2021年，我局将坚持以习近平新时代中国特色社会主义思想为指导，认真落实各级关于全面推进政务信息公开的要求。', 'czjrj-2020'],
		// pingtan-gaj-2022 (公安局 2022), 五.
		[2022, 'problems', '2023年，我局将继续严格落实政府信息公开责任制，按照“应公开、尽公开”原则，重点做好三个方面工作。', 'gaj-2022'],
		// pingtan-gaj-2022, 五: the problems of the year, not a plan.
		[2022, 'problems', '2022年，我局政府信息公开工作不断规范完善，取得一定成绩，但也存在一些不足之处。', 'gaj-2022'],
		// pingtan-scjgj-2023 (市场监督管理局 2023), 二: the period's last day.
		[2023, 'active', '截至2023年12月31日，主动公开政府信息459条。', 'scjgj-2023'],
		// pingtan-gaj-2022, 一: the year's own work.
		[2022, 'overview', '2022年，我局收到政府信息公开申请1件，已按照相关法规，逐级审查办理。', 'gaj-2022'],
		// seed 000 (2023), 一: 截至目前 has no date.
		[2023, 'overview', '截至目前，微信公众号发布推文730篇，视频号推送19篇，头条号推送46篇。', 'seed 000'],
	];
	for (const [year, section, sentence, origin] of agreeing) test(`${origin}: ${sentence.slice(0, 24)}…`, () => assert.deepEqual(dateCodes(report(year, section, sentence)), []));

	test('the real seeds raise no date finding', () => {
		for (const f of ['000_64647beae46556e6.txt', '001_2c73ece5a30f6368.txt', '002_80c9c3334538e3f2.txt', '003_6d0cd6ca3bfdf8d5.txt', '004_9106e2caa941d205.txt'])
			assert.deepEqual(dateCodes(readSeed(f)), [], f);
	});
});

describe('years and dates: contradicting sentences are found on the year', () => {
	test('a plan in 五 for the report year itself (gaj-2022 carried into a 2023 report)', () => {
		assert.deepEqual(dateCodes(report(2023, 'problems', '2023年，我局将继续严格落实政府信息公开责任制，按照“应公开、尽公开”原则。')), [{ code: 'date.plan-year', text: '2023' }]);
	});
	test('a 截至 date in January of the report year (pingtan-jtjsj-2025, as published)', () => {
		const s = '微信公众号全年公开政府信息365条，全年关注用户达1077人，截止2025年1月21日，累计发送1106条信息，累计总关注用户达2811人。';
		assert.deepEqual(dateCodes(report(2025, 'overview', s)), [{ code: 'date.as-of', text: '2025年1月21日' }]);
	});
	test('a 截至 date of last year (scjgj-2023 carried into a 2024 report)', () => {
		assert.deepEqual(dateCodes(report(2024, 'active', '截至2023年12月31日，主动公开政府信息459条。')), [{ code: 'date.as-of', text: '2023年12月31日' }]);
	});
	test('the year\'s work dated last year (gaj-2022 carried into a 2023 report)', () => {
		assert.deepEqual(dateCodes(report(2023, 'overview', '2022年，我局收到政府信息公开申请1件，已按照相关法规，逐级审查办理。')), [{ code: 'date.statement-year', text: '2022' }]);
	});
	test('the year\'s counts dated last year, with no subject (pingtan-czjrj-2025, as published)', () => {
		assert.deepEqual(dateCodes(report(2025, 'active', '2024年制作、获取政府信息总数467条，其中主动公开政府信息53条，依申请公开信息数246条。')), [{ code: 'date.statement-year', text: '2024' }]);
		assert.deepEqual(dateCodes(report(2024, 'active', '2023年，在主动公开的61条政府信息中，全文电子化的主动公开信息数共61条。')), [{ code: 'date.statement-year', text: '2023' }]);
	});
	test('the same run into a sub-heading no heading was read for (web text: (一)主动公开政府信息的数量2024年制作…)', () => {
		assert.deepEqual(dateCodes(report(2025, 'active', '(一)主动公开政府信息的数量2024年制作、获取政府信息总数467条，其中主动公开政府信息53条。')), [{ code: 'date.statement-year', text: '2024' }]);
		assert.deepEqual(dateCodes(report(2024, 'active', '（二）主动公开政府信息的主要类别2023年，在主动公开的61条政府信息中，全文电子化的主动公开信息数共61条。')), [{ code: 'date.statement-year', text: '2023' }]);
		// (The year's own, or a year compared, is no copy.)
		assert.deepEqual(dateCodes(report(2025, 'active', '(一)主动公开政府信息的数量2025年制作、获取政府信息总数467条。')), []);
		assert.deepEqual(dateCodes(report(2025, 'active', '(一)主动公开政府信息的数量2024年制作、获取政府信息总数467条，较上年增加。')), []);
	});
	test('the 统计表 heading its year column with last year (pingtan-gaj-2018: 2017年度 | 历年累计 in the 2018 report)', () => {
		const real = (name: string) => readFileSync(join(__dirname, 'corpus', 'real', name), 'utf8');
		assert.deepEqual(dateCodes(real('pingtan-gaj-2018.txt')).filter((f) => f.code === 'date.statement-year'), [{ code: 'date.statement-year', text: '2017' }]);
		// Each header cell on a line of its own (plain pdftotext), and a w3m box table.
		for (const route of ['pdf/pingtan-gaj-2018.chromium-raw.txt', 'converted/pingtan-gaj-2018.w3m80.txt'])
			assert.deepEqual(dateCodes(readFileSync(join(__dirname, 'corpus', route), 'utf8')).filter((f) => f.code === 'date.statement-year'), [{ code: 'date.statement-year', text: '2017' }], route);
		// The 2017 report's own 2017年度 column is right.
		assert.deepEqual(dateCodes(real('pingtan-zrzyj-2017.txt')).filter((f) => f.code === 'date.statement-year'), []);
	});
	test('a statistics period of another year', () => {
		const text = report(2023, 'overview', '本部分内容从略。', '本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。');
		assert.deepEqual(dateCodes(text), [{ code: 'date.period', text: '2022' }, { code: 'date.period', text: '2022' }]);
	});
	test('a placeholder year left from the template', () => {
		assert.deepEqual(dateCodes(report(2023, 'overview', '20××年，我局收到政府信息公开申请1件。')), [{ code: 'date.placeholder', text: '20××年' }]);
	});
});

describe('years and dates: ambiguous sentences bind nothing', () => {
	const ambiguous: Array<[number, keyof typeof SECTION, string]> = [
		// A comparison speaks of last year on purpose.
		[2023, 'overview', '2022年，我局收到政府信息公开申请1件，同比减少2件。'],
		// Background of earlier years (seed-style), not a statement of the year's work.
		[2023, 'overview', '2022年，我局被评为全省政务公开先进单位。'],
		// A plan in 五 for a later year.
		[2023, 'problems', '2025年前，我局将建成统一的政务公开平台。'],
		// 截至 a date of the next year's January: when the report was written.
		[2023, 'overview', '截至2024年1月15日，累计发布信息1106条。'],
		// Two years named in the clause: a comparison, not a copy.
		[2025, 'active', '2024年制作、获取政府信息总数467条，2025年增至512条。'],
		// A subjectless count of this year's own work is right.
		[2025, 'active', '2025年制作、获取政府信息总数467条。'],
		// A plan outside 五 is not an improvement plan.
		[2023, 'overview', '2023年，我局将政务公开工作纳入年度绩效考核。'],
	];
	for (const [year, section, sentence] of ambiguous) test(sentence.slice(0, 24), () => assert.deepEqual(dateCodes(report(year, section, sentence)), []));
});
