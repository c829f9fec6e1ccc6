import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { isSiteNavigation } from '../server/src/core/read/siteNavigation.ts';

const read = (name: string) => readFileSync(join(__dirname, 'fixtures', 'layouts', name), 'utf8');
const chrome = (text: string) => parseReport(text).artifacts.filter((a) => a.kind === 'web-chrome').map((a) => `${a.range.start.line}:${a.text}`);

describe('a site\'s bar of links joined by pipes is page chrome, not a table', () => {
	test('the header bar of 丽阳镇 2022\'s page (real) is named as chrome and read as no table', () => {
		const text = read('jiangxi-changjiang-liyangzhen-2022.site-links.txt');
		assert.ok(chrome(text).includes('0:昌江区政府网 | 市政府门户网站 | 网站无障碍 | 关怀版'), chrome(text).join('\n'));
		const model = parseReport(text);
		assert.ok(!model.tables.some((t) => t.range.start.line === 0));
		assert.ok(checkReport(model).some((f) => f.code === 'cleanup.artifact' && f.range.start.line === 0));
	});

	test('the footer bar of a 平潭 page copied by a browser (real) is named as chrome', () => {
		assert.ok(chrome(read('pingtan-jtjsj-2024.innertext.txt')).includes('1332:使用帮助 | 联系我们 | 隐私保护 | 新媒体矩阵 | 关于我们 |'));
	});

	test('rows of a table, and rows naming channels a report counts, are not site links', () => {
		for (const row of ['信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量', '规章 | 0 | 0 | 0', '| 政务微博 | 政务微信 | 移动客户端 |', '首页 | 0', '政府网站 | 条 | 120']) {
			assert.ok(!isSiteNavigation(row), row);
		}
		for (const row of ['首页 | 网站地图 | 网站无障碍 | 关怀版', '首页 | 政务公开 | 政务服务 | 互动交流', '中国政府网 | 联系我们 | English']) assert.ok(isSiteNavigation(row), row);
	});
});
