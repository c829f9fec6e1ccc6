import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { readSeed } from './helpers.ts';

/**
 * The report's agency and year as a reviewer reads them: from the title, not from the page's
 * breadcrumb or column name above it; from the sentence naming the report, not from the notice it
 * cites; else from the contact sentence. The lines are as real pages give them (the openings of
 * 澄城县尧头镇 2023, 阿拉善右旗 2022, 福州市晋安区 2016, 平潭财政金融局 2023 in the pages corpus).
 */
const SEED = readSeed('003_6d0cd6ca3bfdf8d5.txt');
const body = SEED.split('\n').slice(1).join('\n');
const meta = (text: string) => parseReport(text).metadata;

describe('the agency and year of a report', () => {
	test('a breadcrumb above the title is no title', () => {
		for (const crumb of ['首页/ 政府信息公开 / 政府信息公开年报 / 各镇(办)信息公开年报 / 正文', '您当前的位置:首页\n > 政府信息公开 > 政府信息公开年报 > 2022 > 旗政府组成部门']) {
			const m = meta(`${crumb}\n\n澄城县尧头镇人民政府2023年政府信息公开工作年度报告\n${body}`);
			assert.equal(m.agency, '澄城县尧头镇人民政府', crumb);
			assert.equal(m.title?.text, '澄城县尧头镇人民政府2023年政府信息公开工作年度报告');
		}
	});

	test('a column name above the title is no part of the agency', () => {
		assert.equal(meta(`政府信息公开\n福州市晋安区2016年政府信息公开工作年度报告\n${body}`).agency, '福州市晋安区');
	});

	test('the notice a report cites is not its author; the contact sentence names the agency (平潭财政金融局 2023)', () => {
		const text = readFileSync(join(__dirname, 'corpus', 'real', 'pingtan-czjrj-2023.txt'), 'utf8');
		assert.ok(text.includes('及区管委会办公室关于做好2023年政府信息公开工作年度报告编制公布工作的要求'));
		assert.equal(meta(text).agency, '平潭综合实验区财政金融局');
	});

	test('a township government\'s office has no power to make 规章 either', () => {
		const lines = SEED.split('\n');
		const at = lines.findIndex((l) => l.startsWith('规章 |'));
		assert.ok(at > 0, 'the seed has a 规章 row');
		lines[at] = '规章 | 1 | 0 | 1 |';
		const text = ['吉村镇人民政府办公室2023年政府信息公开工作年度报告', ...lines.slice(1)].join('\n');
		assert.equal(meta(text).agency, '吉村镇人民政府办公室');
		assert.ok(checkReport(parseReport(text)).some((f) => f.code === 'plausibility.rules-power'));
	});
});
