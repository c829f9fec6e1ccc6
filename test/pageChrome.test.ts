import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { readSeed } from './helpers.ts';

/**
 * The furniture a government site prints around a report, as the pages of 20 provinces give it
 * (each line below is one seen in a stored page: 云南通海县河西镇 2023, 福建三明 2018, 重庆荣昌河包镇
 * 2020, 江西庐山蛟塘镇 2022, 内蒙古兴安盟 2025, 内蒙古阿拉善右旗 2022, 江西大余吉村镇 2023, 江西昌江丽阳镇
 * 2022, 陕西澄城尧头镇 2023, 广西钦州 2021): each is said once as page chrome, with its deletion as
 * the fix; the report's own lines that look alike are not.
 */
const SEED = readSeed('003_6d0cd6ca3bfdf8d5.txt');
const chromeOf = (text: string) => checkReport(parseReport(text)).filter((f) => f.code === 'cleanup.artifact' && f.data?.artifact === 'web-chrome');

describe('page chrome around a report', () => {
	const lines = [
		'来源:河西镇 时间:2024-01-19 10:11 点击率:39打印】【关闭',
		'来源:政府信息公开办 时间:2019-03-07 11:43',
		'来源:盟外事办 发布时间:2026-01-20 17:20',
		'日期:2023-01-12 16:45 来源:武汉市洪山区人民政府 字号:',
		'发布时间:2022-02-03 发布机构:侯贯镇 字体:[ 大 中 小]',
		'- 发布日期:2023-01-30 09:12',
		'字体:【 默认 超大',
		'字号: 〖大 小〗',
		'字体大小:A+ A A- 分享: 打印',
		'分享:',
		'我要收藏',
		'相关解读:',
		'您当前的位置:首页',
		' > 政府信息公开 > 政府信息公开年报 > 2022 > 旗政府组成部门',
		'您当前所在位置: 首页 > 乡镇信息公开 > 吉村镇政府 > 年度报告',
		'首页/ 政府信息公开 / 政府信息公开年报 / 各镇(办)信息公开年报 / 正文',
		'访问量:',
		'- 浏览次数:',
		'昌江区政府网 | 市政府门户网站 | 网站无障碍 | 关怀版',
		'关怀版 无障碍 无障碍',
		'无障碍浏览',
		// The QR code's caption: 福建平潭's pages (the Chromium PDF of 社会事业局 2025) and the wording other sites' scrapers strip.
		'扫一扫在手机上查看当前页面',
		'扫一扫在手机打开当前页',
		'扫一扫在手机上打开页面',
	];
	for (const line of lines) {
		test(line.trim(), () => {
			const text = `${line}\n${SEED}`;
			// (The seed's own footer, 主办/网站标识码, is chrome too: only the added first line is looked at.)
			const found = chromeOf(text).filter((f) => f.range.start.line === 0);
			assert.equal(found.length, 1, chromeOf(text).map((f) => f.message).join('\n'));
			assert.ok(found[0].fix);
		});
	}

	test('the report\'s own sentences that name these words are not chrome', () => {
		const own = [
			'本机关在门户网站开设无障碍浏览和关怀版功能，方便老年人和残障人士查阅政府信息。',
			'信息来源：本报告数据来源于政府信息公开工作台账，时间：2023年度。',
			'字号、字体等格式按照政府信息公开工作年度报告格式要求执行。',
		];
		for (const line of own) assert.deepEqual(chromeOf(`${SEED.split('\n')[0]}\n${line}\n${SEED.split('\n').slice(1).join('\n')}`).filter((f) => f.range.start.line === 1), [], line);
	});
});

describe('page chrome after a report that truly lacks a section', () => {
	test('the page\'s last lines (附件下载, the QR code\'s caption, 关闭) are no cut-off text: the section is missing (平潭 财政金融局 2021)', () => {
		// The report as the corpus has it (section 六 truly absent, a labelled error), followed by the
		// lines the same site prints under every report (the Chromium PDF of 平潭 社会事业局 2025, reviewed route).
		const report = readFileSync(join(__dirname, 'corpus', 'real', 'pingtan-czjrj-2021.txt'), 'utf8');
		const fs = checkReport(parseReport(`${report}\n附件下载\n扫一扫在手机上查看当前页面\n关闭\n`));
		assert.deepEqual(fs.filter((f) => f.code === 'document.truncated'), []);
		assert.deepEqual(fs.filter((f) => f.code === 'section.missing').map((f) => [f.severity, f.data?.section]), [['error', 'other']]);
		assert.equal(chromeOf(`${report}\n附件下载\n扫一扫在手机上查看当前页面\n关闭\n`).length, 3);
	});
});
