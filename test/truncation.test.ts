import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport, type Finding } from '../server/src/core/index.ts';
import { readSeed } from './helpers.ts';

/**
 * A text that stops in the middle (a page copied in part, a crawler's excerpt, a draft) is said
 * once where it stops; what lies past that point is not reported missing. A report that ends whole
 * but lacks sections still has them reported missing. Fixtures: real openings as the pages corpus
 * stores them (cut at about 2,000 characters), and seed 003 cut here.
 */
const SEED = readSeed('003_6d0cd6ca3bfdf8d5.txt');
const fixture = (dir: string, name: string) => readFileSync(join(__dirname, 'fixtures', dir, name), 'utf8');
const codes = (fs: Finding[], ...want: string[]) => fs.filter((f) => want.includes(f.code));
const PAST_THE_CUT = ['section.missing', 'table.missing', 'section.unreadable'];

describe('a text that stops in the middle is said once, where it stops', () => {
	const cases: Array<[string, string, string, number, string[]]> = [
		// name, folder, what it stops in, the line it stops on (0-based), the sections it does not reach
		['hubei-wuhan-hongshan-qzf-2023.opening.txt', 'structure', 'a sub-heading with nothing under it', 9, ['active', 'requests', 'appeals', 'problems', 'other']],
		['zhejiang-tongxiang-szf-2024.opening.txt', 'structure', 'a sentence broken off', 6, ['active', 'requests', 'appeals', 'problems', 'other']],
		['xinjiang-nlk-zhen-2023.pipe-lines.txt', 'layouts', 'a row label broken off inside Table 2', 236, ['appeals', 'problems', 'other']],
		['hubei-wuhan-hanyang-qzfb-2022.cells-closed-by-pipes.txt', 'layouts', 'Table 2 broken off after two rows', 82, ['appeals', 'problems', 'other']],
	];
	for (const [name, dir, what, line, sections] of cases) {
		test(`${name}: ${what}`, () => {
			const fs = checkReport(parseReport(fixture(dir, name)));
			const cut = codes(fs, 'document.truncated');
			assert.equal(cut.length, 1, fs.map((f) => `${f.code} ${f.message}`).join('\n'));
			assert.equal(cut[0].severity, 'warning');
			assert.equal(cut[0].range.start.line, line);
			assert.deepEqual(cut[0].data?.sections, sections.filter((s) => parseReport(fixture(dir, name)).template.sections.some((d) => d.key === s)));
			assert.deepEqual(codes(fs, ...PAST_THE_CUT), []);
			// Nor, row by row or as "the table stops", the rows after the cut.
			assert.deepEqual(codes(fs, 'table.missing-row').filter((f) => f.range.start.line >= line - 20), []);
		});
	}

	test('the table the text stops in: its remaining rows named in the one finding, in Chinese and in English', () => {
		const text = fixture('layouts', 'xinjiang-nlk-zhen-2023.pipe-lines.txt');
		const zh = codes(checkReport(parseReport(text)), 'document.truncated')[0];
		assert.match(zh.message, /^文本在此中断（“6\.属于四类过程性信”）：其后的“收到和处理政府信息公开申请情况”余下的 16 行、1 张统计表（“政府信息公开行政复议、行政诉讼情况”）和3 个章节/);
		assert.equal((zh.data?.rows as string[]).length, 16);
		const en = codes(checkReport(parseReport(text), { lang: 'en' }), 'document.truncated')[0];
		assert.match(en.message, /^The text stops here \("6\.属于四类过程性信"\): the 16 remaining rows of the "Requests received and handled" table, 1 table/);
	});

	test('seed 003 cut in the middle of a sentence of 三: 四、五、六 and the appeals table not reported missing; what is before the cut still checked', () => {
		const lines = SEED.split('\n');
		const at = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
		const injected = lines.slice(0, at + 1).map((l) => (l.startsWith('一、本年新收') ? l.replace(/\| (\d+) \|/, (_m, n) => `| ${Number(n) + 1} |`) : l));
		const cut = [...injected, '2023年，本机关共收到政府信息公开申请，其中大部分'].join('\n');
		const fs = checkReport(parseReport(cut));
		assert.equal(codes(fs, 'document.truncated').length, 1);
		assert.deepEqual(codes(fs, 'document.truncated')[0].data?.sections, ['appeals', 'problems', 'other']);
		assert.deepEqual(codes(fs, 'document.truncated')[0].data?.tables, ['appeals']);
		assert.deepEqual(codes(fs, ...PAST_THE_CUT), []);
		assert.ok(fs.some((f) => f.code.startsWith('balance.') && f.severity === 'error'), 'the injected error before the cut is still found');
	});
});

describe('where a text stops, in its own words', () => {
	const lines = SEED.split('\n');
	const four = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
	const cutAfter = (last: string) => checkReport(parseReport([...lines.slice(0, four), last].join('\n')));
	for (const [what, last] of [
		['a sentence broken off after an organ\'s word (…前旗政府网站: no signature)', '截至2023年12月底，乌拉特前旗政府网站'],
		['a sentence broken off after 政府 (…加强政府)', '本年度共公开各类信息61642条。加强政府'],
		['a heading broken off after its number', '四'],
		['a word broken off', '我旗'],
	]) {
		test(what, () => {
			const fs = cutAfter(last);
			assert.equal(codes(fs, 'document.truncated').length, 1, fs.map((f) => f.code).join(' '));
			assert.deepEqual(codes(fs, ...PAST_THE_CUT), []);
		});
	}
	for (const [what, last] of [
		['the agency\'s name after the last sentence, on its line', '本机关将持续做好政府信息公开工作。北京市西城区政务服务管理局'],
		['a converter\'s closing markup after the last sentence', '本机关将持续做好政府信息公开工作。\n</div>'],
	]) {
		test(`not cut: ${what}`, () => {
			assert.deepEqual(codes(cutAfter(last), 'document.truncated'), []);
		});
	}
});

describe('a report that ends whole is not called cut, its missing sections stay errors', () => {
	const lines = SEED.split('\n');
	const five = lines.findIndex((l) => l.startsWith('五、存在的主要问题'));

	test('ending with Table 4\'s last row', () => {
		const fs = checkReport(parseReport(lines.slice(0, five).join('\n')));
		assert.deepEqual(codes(fs, 'document.truncated'), []);
		assert.deepEqual(codes(fs, 'section.missing').map((f) => f.data?.section), ['problems', 'other']);
	});

	for (const [what, ending] of [
		['a sentence', '本机关将持续做好政府信息公开工作。'],
		['the signature', '北京市西城区政务服务管理局'],
		['the date', '2024年1月20日'],
		['the date in Chinese numerals', '二〇二四年一月二十日'],
		['a phone number', '联系电话：010-88888888'],
		['an attachment', '附件：2023年政府信息公开情况统计表.xls'],
		['无', '无'],
	]) {
		test(`ending with ${what}`, () => {
			const fs = checkReport(parseReport([...lines.slice(0, five), ending].join('\n')));
			assert.deepEqual(codes(fs, 'document.truncated'), [], ending);
			assert.deepEqual(codes(fs, 'section.missing').map((f) => f.data?.section), ['problems', 'other']);
		});
	}

	test('no seed says anything of a cut (the labelled corpus is held to the same by npm run corpus)', () => {
		for (const seed of ['000_64647beae46556e6.txt', '001_2c73ece5a30f6368.txt', '002_80c9c3334538e3f2.txt', '003_6d0cd6ca3bfdf8d5.txt', '004_9106e2caa941d205.txt']) {
			assert.deepEqual(codes(checkReport(parseReport(readSeed(seed))), 'document.truncated'), [], seed);
		}
	});
});
