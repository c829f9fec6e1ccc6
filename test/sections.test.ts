import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyEdits, checkReport, parseReport, type Finding } from '../server/src/core/index.ts';
import { withoutGuessedMissing } from '../server/src/core/check/rules/structureChecks.ts';
import { readSeed } from './helpers.ts';

/**
 * Headings as real reports publish them: matched to the template's sections by similarity and
 * place, in every route (Markdown, wrapped lines, one-line web text, PDF text); and when the
 * structure cannot be read, said once. Fixtures are real texts (test/fixtures/structure/README.md)
 * or a real seed with one thing changed.
 */

const SEED = readSeed('003_6d0cd6ca3bfdf8d5.txt');
const KEYS = ['overview', 'active', 'requests', 'appeals', 'problems', 'other'];
const structure = (name: string) => readFileSync(join(__dirname, 'fixtures', 'structure', name), 'utf8');
const sectionKeys = (text: string) => parseReport(text).headings.filter((h) => h.section).map((h) => h.section!.key);
const structural = (fs: Finding[]) => fs.filter((f) => f.code.startsWith('section.') || f.code === 'table.missing');
const check = (text: string) => checkReport(parseReport(text));

/** Replaces one line of the seed, which must be there exactly once. */
function replaceLine(text: string, line: string, by: string): string {
	const lines = text.split('\n');
	const at = lines.indexOf(line);
	assert.ok(at >= 0 && lines.lastIndexOf(line) === at, `${line} once in the text`);
	lines[at] = by;
	return lines.join('\n');
}

describe('the seed as published has its six sections and nothing to say about them', () => {
	test('seed 003', () => {
		assert.deepEqual(sectionKeys(SEED), KEYS);
		assert.deepEqual(structural(check(SEED)), []);
	});
});

describe('wording variants are the section, reported as a wording note (information) with the format’s words as fix', () => {
	const variants: Array<[string, string, string]> = [
		['a conjunction changed', '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议与行政诉讼情况'],
		['a character added', '二、主动公开政府信息情况', '二、主动公开政府信息的情况'],
		['a character dropped', '三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申情况'],
		['a character mistyped', '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况'],
		['an older wording', '五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施'],
		['a local wording', '一、总体情况', '一、概述'],
		['the other-matters wording shortened', '六、其他需要报告的事项', '六、其他需要报告事项'],
	];
	for (const [what, canonical, variant] of variants) {
		test(`${what}: ${variant}`, () => {
			const text = replaceLine(SEED, canonical, variant);
			assert.deepEqual(sectionKeys(text), KEYS);
			const fs = structural(check(text));
			assert.deepEqual(fs.map((f) => [f.code, f.severity]), [['section.wording', 'information']]);
			const model = parseReport(text);
			assert.equal(model.index.textOf(fs[0].range), variant);
			assert.equal(applyEdits(text, fs[0].fix!.edits), SEED);
		});
	}

	test('numbering that jumps or restarts does not hide a section', () => {
		let text = replaceLine(SEED, '三、收到和处理政府信息公开申请情况', '四、收到和处理政府信息公开申请情况');
		text = replaceLine(text, '四、政府信息公开行政复议、行政诉讼情况', '一、政府信息公开行政复议、行政诉讼情况');
		assert.deepEqual(sectionKeys(text), KEYS);
		assert.deepEqual(structural(check(text)), []);
	});

	test('punctuation and spacing are not wording', () => {
		const text = replaceLine(SEED, '四、政府信息公开行政复议、行政诉讼情况', '四、 政府信息公开行政复议，行政诉讼情况');
		assert.deepEqual(sectionKeys(text), KEYS);
		assert.deepEqual(structural(check(text)), []);
	});

	test('a heading unlike any section is not taken for one, and the section it displaced is missing', () => {
		const text = replaceLine(SEED, '五、存在的主要问题及改进情况', '五、重点领域信息公开');
		assert.deepEqual(sectionKeys(text), ['overview', 'active', 'requests', 'appeals', 'other']);
		const fs = structural(check(text));
		assert.deepEqual(fs.map((f) => f.code), ['section.missing']);
		assert.match(fs[0].message, /存在的主要问题及改进情况/);
	});

	test('a pre-2019 report has no mandated wording: its own headings draw no wording warning', () => {
		const seed002 = readSeed('002_80c9c3334538e3f2.txt');
		assert.equal(parseReport(seed002).template.id, '2008');
		assert.deepEqual(check(seed002).filter((f) => f.code === 'section.wording'), []);
	});
});

describe('headings in every route', () => {
	test('六\'s content under its own heading before 五 (五、信息处理费收取情况 … 六、存在的主要问题和改进情况: 平潭苏平片区管理局 2024): the section is there, out of its place — a warning, not missing', () => {
		const text = readFileSync(join(__dirname, 'fixtures', 'layouts', 'web', 'pingtan-spp-2024.txt'), 'utf8');
		const model = parseReport(text);
		assert.deepEqual(model.headings.filter((h) => h.section).map((h) => h.section!.key), ['overview', 'active', 'requests', 'appeals', 'other', 'problems']);
		const fs = checkReport(model).filter((f) => f.code.startsWith('section.'));
		assert.deepEqual(fs.filter((f) => f.severity === 'error'), []);
		assert.deepEqual(fs.filter((f) => f.severity === 'warning').map((f) => f.code), ['section.order']);
	});
	test('a section ordinal without its 、 (…23156377）。一总体情况2020年…: 平潭金井片区管理局 2020, as published)', () => {
		const text = readFileSync(join(__dirname, 'fixtures', 'layouts', 'web', 'pingtan-jjp-2020.txt'), 'utf8');
		assert.match(text, /。一总体情况2020年/);
		const model = parseReport(text);
		const overview = model.headings.find((h) => h.section?.key === 'overview');
		assert.ok(overview, 'the section is read');
		assert.equal(model.index.textOf(overview.range), '一总体情况');
		assert.ok(!checkReport(model).some((f) => f.code === 'section.missing'));
		// On a line of its own too; and a numeral before words that merely begin like a section is prose.
		assert.deepEqual(sectionKeys(replaceLine(SEED, '一、总体情况', '一总体情况')), KEYS);
		const prose = SEED.replace('一、总体情况\n', '一、总体情况\n一年来，我局总体情况良好。统一总体部署，二主动公开工作稳步推进。\n');
		assert.deepEqual(sectionKeys(prose), KEYS);
		assert.deepEqual(structural(checkReport(parseReport(prose))), []);
	});
	test('Markdown headings (##, ###, bold) and an unnumbered Markdown heading', () => {
		let text = SEED;
		for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']) text = replaceLine(text, h, `## ${h}`);
		text = replaceLine(text, '五、存在的主要问题及改进情况', '**五、存在的主要问题及改进情况**');
		text = replaceLine(text, '六、其他需要报告的事项', '## 其他需要报告的事项');
		const model = parseReport(text);
		assert.deepEqual(sectionKeys(text), KEYS);
		assert.equal(model.index.textOf(model.headings.find((h) => h.section?.key === 'overview')!.range), '一、总体情况');
		assert.equal(model.index.textOf(model.headings.find((h) => h.section?.key === 'problems')!.range), '五、存在的主要问题及改进情况');
		assert.deepEqual(structural(checkReport(model)), []);
	});

	test('a Markdown heading that names no section is no heading of the outline', () => {
		const text = '# 某局2023年政府信息公开工作年度报告\n\n' + SEED;
		assert.deepEqual(sectionKeys(text), KEYS);
		assert.equal(parseReport(text).headings.some((h) => h.unnumbered && !h.section), false);
	});

	test('a heading broken over two lines by a hard line break is one heading, worded as the format has it', () => {
		const text = replaceLine(SEED, '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议、行政\n诉讼情况');
		const model = parseReport(text);
		assert.deepEqual(sectionKeys(text), KEYS);
		const h = model.headings.find((x) => x.section?.key === 'appeals')!;
		assert.equal(model.index.textOf(h.range), '四、政府信息公开行政复议、行政\n诉讼情况');
		assert.deepEqual(structural(checkReport(model)), []);
	});

	test('a body line after a heading is not joined to it', () => {
		const model = parseReport(SEED);
		const h = model.headings.find((x) => x.section?.key === 'overview')!;
		assert.equal(h.range.end.line, h.line);
	});

	test('pdftotext -layout: indented and centred headings, form feeds, page footers', () => {
		const lines = SEED.split('\n');
		const paged = lines.map((l, i) => {
			if (/^[一二三四五六]、/.test(l) && !l.includes('|')) return `                    ${l}          `;
			if (i > 0 && i % 20 === 0) return `${l}\n\n                              — ${i / 20} —\n\f`;
			return `    ${l}`.replace(/^ {4}(?=.*\|)/, '');
		});
		const text = paged.join('\n');
		const model = parseReport(text);
		assert.deepEqual(sectionKeys(text), KEYS);
		const fs = checkReport(model);
		assert.deepEqual(structural(fs), []);
		const footers = fs.filter((f) => f.code === 'cleanup.artifact').map((f) => model.index.textOf(f.range));
		assert.ok(footers.includes('— 1 —') && footers.includes('— 2 —'), footers.join(' '));
	});

	test('a table of contents that the headings repeat is not the sections', () => {
		const toc = '目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n\n';
		const text = toc + SEED;
		const model = parseReport(text);
		const first = model.headings.find((h) => h.section)!;
		assert.ok(first.line > 7, `first section at line ${first.line + 1}`);
		assert.deepEqual(sectionKeys(text), KEYS);
		assert.deepEqual(structural(checkReport(model)), []);
	});

	test('a space for the 、 (一 总体情况)', () => {
		const text = replaceLine(SEED, '一、总体情况', '一 总体情况');
		assert.deepEqual(sectionKeys(text), KEYS);
		assert.deepEqual(structural(check(text)), []);
	});

	test('a list item written 一：… in a section is no heading', () => {
		const text = SEED.replace(/^六、其他需要报告的事项$/m, '六、其他需要报告的事项\n一：本机关本年度未收取信息处理费。\n二：无其他需要报告的事项。');
		assert.notEqual(text, SEED);
		assert.deepEqual(sectionKeys(text), KEYS);
		assert.deepEqual(structural(check(text)), structural(check(SEED)));
	});

	for (const [what, sep] of [['a space before the 、', ' 、'], ['a colon for the 、', '：'], ['a half-width colon', ':'], ['a full-width space before the 、', '\u3000、']]) {
		test(`${what} in every section heading (一${sep}总体情况)`, () => {
			const text = SEED.replace(/^([一二三四五六])、/gm, `$1${sep}`);
			assert.notEqual(text, SEED);
			assert.deepEqual(sectionKeys(text), KEYS);
			assert.deepEqual(structural(check(text)), []);
		});
	}
});

describe('one-line web text', () => {
	test('a space before the 、 of run-in headings (…解答。一 、总体情况2023年…)', () => {
		const text = structure('pingtan-scjgj-2023.txt');
		const spaced = text.replace(/([一二三四五六])、(总体情况|主动公开|收到和处理|政府信息公开行政|存在的主要|其他需要)/g, '$1 、$2');
		assert.notEqual(spaced, text);
		assert.deepEqual(sectionKeys(spaced), KEYS);
		assert.deepEqual(structural(check(spaced)).map((f) => f.code), structural(check(text)).map((f) => f.code));
	});

	test('an introduction that lists the section names is not taken for the sections (平潭 市场监管局 2023)', () => {
		const text = structure('pingtan-scjgj-2023.txt');
		const model = parseReport(text);
		const sections = model.headings.filter((h) => h.section);
		assert.deepEqual(sections.map((h) => h.section!.key), KEYS);
		// The introduction ends at 联系电话：0591-23163598。; every section starts after it.
		const introEnd = text.indexOf('0591-23163598。') + 14;
		for (const h of sections) assert.ok(model.index.offsetAt(h.range.start) >= introEnd, `${h.title} after the introduction`);
		assert.equal(model.index.textOf(sections[0].range), '一、总体情况');
		assert.deepEqual(structural(checkReport(model)), []);
	});

	test('an introduction that numbers the names it lists is not taken for the sections either', () => {
		const text = structure('pingtan-scjgj-2023.txt').replace(
			'本报告包括总体情况、行政机关主动公开政府信息情况、',
			'本报告包括一、总体情况，二、主动公开政府信息情况，',
		);
		const model = parseReport(text);
		const at = text.indexOf('本报告包括');
		const overview = model.headings.find((h) => h.section?.key === 'overview')!;
		assert.ok(model.index.offsetAt(overview.range.start) > at + 40);
		assert.deepEqual(structural(checkReport(model)), []);
	});

	test('a section truly missing is still an error, once (平潭 自然资源局 2019 has no 六)', () => {
		const text = structure('pingtan-zrzyj-2019.txt');
		assert.deepEqual(sectionKeys(text), KEYS.slice(0, 5));
		const fs = structural(check(text));
		assert.deepEqual(fs.map((f) => [f.code, f.severity]), [['section.missing', 'error']]);
		assert.match(fs[0].message, /其他需要报告的事项/);
	});

	test('a heading right after a table’s unit (…万元三、收到和处理…) is found; prose like 统一、规范 is not a heading', () => {
		const text = structure('pingtan-zrzyj-2019.txt');
		assert.ok(text.includes('万元三、收到和处理政府信息公开申请情况'));
		assert.ok(sectionKeys(text).includes('requests'));
		const prose = '一、总体情况我局坚持统一、规范的原则推进主动公开工作。' + '正文'.repeat(200);
		assert.deepEqual(sectionKeys(prose), ['overview']);
	});

	test('page chrome around one-line web text is reported and does not disturb the sections', () => {
		const body = structure('pingtan-scjgj-2023.txt');
		const text = `当前位置：首页 > 政府信息公开 > 政府信息公开年度报告\n发布时间：2024-01-18\n${body}\n附件下载\n微信 微博 QQ空间\n`;
		const model = parseReport(text);
		assert.deepEqual(model.headings.filter((h) => h.section).map((h) => h.section!.key), KEYS);
		assert.equal(model.metadata.title, undefined);
		const chrome = checkReport(model).filter((f) => f.code === 'cleanup.artifact').map((f) => model.index.textOf(f.range));
		assert.deepEqual(chrome, ['当前位置：首页 > 政府信息公开 > 政府信息公开年度报告', '发布时间：2024-01-18', '附件下载', '微信 微博 QQ空间']);
	});
});

describe('the title under page chrome', () => {
	test('a line of buttons above the title is not part of the agency', () => {
		const text = '【打印】【关闭】\n平潭综合实验区市场监督管理局2023年政府信息公开工作年度报告\n' + SEED;
		const meta = parseReport(text).metadata;
		assert.equal(meta.agency, '平潭综合实验区市场监督管理局');
		assert.equal(meta.year, 2023);
	});
});

describe('PDF-to-Markdown with a local order (上海市科委 2024)', () => {
	test('the mandated headings are found after the local parts, and a section without its own heading is not missing', () => {
		const text = structure('shanghai-kw-2024.txt');
		const model = parseReport(text);
		assert.deepEqual(model.headings.filter((h) => h.section).map((h) => h.section!.key), KEYS);
		const fs = checkReport(model).filter((f) => f.code.startsWith('section.'));
		assert.deepEqual(fs.map((f) => [f.code, f.severity]), [['section.untitled', 'information']]);
		assert.equal(model.index.textOf(fs[0].range), '（一）主要问题');
		// 三、主动公开工作情况 (a part of Shanghai's own overview) is not a second 主动公开 section.
		assert.equal(model.headings.find((h) => h.section?.key === 'active')!.title, '主动公开政府信息情况');
	});
});

describe('a section without its own heading, in one-line web text (上海市科委 2024, 上海市政府办公厅 2025)', () => {
	// The published texts with their lines joined, as a web page's text has them: with a space, or with nothing.
	const joined = (name: string, by: string) => structure(name).split('\n').join(by);
	const sectionFindings = (text: string) => {
		const model = parseReport(text);
		return checkReport(model).filter((f) => f.code.startsWith('section.')).map((f) => [f.code, f.severity, f.data?.section, model.index.textOf(f.range)]);
	};
	for (const [name, heading] of [['shanghai-kw-2024.txt', '（一）主要问题'], ['shanghai-szfbgt-2025.txt', '（一）2024 年工作中存在问题的改进情况']]) {
		for (const by of [' ', '']) {
			test(`${name} joined with ${by ? 'spaces' : 'nothing'}: its sub-headings run into the line still carry 存在的主要问题及改进情况`, () => {
				assert.deepEqual(sectionFindings(joined(name, by)), [['section.untitled', 'information', 'problems', heading]]);
			});
		}
	}
	test('an enumeration inside a sentence (…；（二）改进情况) is not a heading: the section stays missing', () => {
		const text = joined('shanghai-kw-2024.txt', '');
		const second = '政务信息发布需要。（二）改进情况';
		assert.equal(text.split(second).length, 2);
		const fs = sectionFindings(text.replace(second, '政务信息发布需要；（二）改进情况'));
		assert.deepEqual(fs.map((f) => f.slice(0, 3)), [['section.missing', 'error', 'problems']]);
	});
	test('without those sub-headings, no other （一） of the text stands in for the section', () => {
		const text = joined('shanghai-kw-2024.txt', ' ');
		const from = text.indexOf('（一）主要问题');
		const to = text.indexOf('五、其他需要报告的事项');
		assert.ok(from > 0 && to > from);
		const fs = sectionFindings(text.slice(0, from) + text.slice(to));
		assert.deepEqual(fs.map((f) => f.slice(0, 3)), [['section.missing', 'error', 'problems']]);
	});
});

describe('formats', () => {
	test('a 2017 report is judged by the pre-2019 format even when its prose names a 2019 label (平潭 财政金融局 2017)', () => {
		const text = structure('pingtan-czjrj-2017.txt');
		assert.ok(text.includes('政府集中采购'));
		const model = parseReport(text);
		assert.equal(model.metadata.year, 2017);
		assert.equal(model.template.id, '2008');
		const fs = checkReport(model);
		assert.deepEqual(fs.filter((f) => f.severity === 'error'), []);
		assert.deepEqual(fs.filter((f) => f.code === 'template.year-mismatch'), []);
	});
});

describe('pre-2019 reports, whose parts no format fixed', () => {
	test('a part folded into the one before it is untitled; parts truly absent are missing where they belong (平潭 财政金融局 2017)', () => {
		const text = structure('pingtan-czjrj-2017.txt');
		const model = parseReport(text);
		const fs = checkReport(model).filter((f) => f.code.startsWith('section.'));
		const at = (f: Finding) => model.index.offsetAt(f.range.start);
		assert.deepEqual(fs.map((f) => [f.code, f.severity, f.data?.section]), [
			['section.untitled', 'information', 'appeals'],
			['section.missing', 'warning', 'fees'],
			['section.missing', 'warning', 'other'],
		]);
		// 行政复议 is one sentence inside 三、政府信息依申请公开工作情况.
		assert.equal(model.index.textOf(fs[0].range), '三、政府信息依申请公开工作情况');
		// 收费及减免 would stand before 四; 其他需要报告的事项 at the appendix (七、附表 …).
		assert.ok(model.index.textOf(fs[1].range).startsWith('四、政府信息公开工作存在的主要问题及改进情况'));
		assert.ok(Math.abs(at(fs[2]) - text.indexOf('七、附表')) < 40);
	});
});

describe('a statistics table left as lines', () => {
	test('its numbered labels (三、依申请公开情况 / 件 / 12) are not a second set of sections', () => {
		const seed = readSeed('002_80c9c3334538e3f2.txt');
		// The 统计表 as pdftotext leaves it when the table is not read: a label a line, then its unit and count.
		const rows = ['一、主动公开情况', '条', '2103', '二、回应解读情况', '次', '5', '三、依申请公开情况', '件', '12', '四、行政复议数量', '件', '0'];
		const text = seed.split('\n').filter((l) => !l.includes('|')).join('\n') + '\n' + rows.join('\n') + '\n';
		const fs = check(text).filter((f) => f.code.startsWith('section.'));
		assert.deepEqual(fs.map((f) => [f.code, f.data?.section]), [['section.missing', 'other']]);
	});
});

describe('page furniture of text from a PDF', () => {
	test('the dashed footer is the page number, not the table cells pdftotext puts after it; a column of bare numbers is cells', () => {
		const page = (n: number, tail: string) => `第${n}页的正文写到这里。\n\n—${n}—\n\n${tail}\f`;
		const text = `某局2023年政府信息公开工作年度报告\n${page(1, '0\n\n11\n\n')}${page(2, '')}下一页的正文。\n\n3\n\f0\n\n0\n\n0\n\n0\n\f末页。\n`;
		const model = parseReport(text);
		const numbers = checkReport(model).filter((f) => f.code === 'cleanup.artifact').map((f) => model.index.textOf(f.range));
		assert.deepEqual(numbers, ['—1—', '—2—', '3']);
	});
});

describe('when the structure cannot be read, it is said once', () => {
	test('a text that is not a report: one section.unreadable, no section.missing, no table.missing', () => {
		const text = '关于开展2023年度安全生产大检查的通知\n各科室：\n为切实做好安全生产工作，现将有关事项通知如下。\n一、检查时间\n2023年5月。\n二、检查内容\n消防设施。\n';
		const fs = check(text);
		assert.deepEqual(fs.map((f) => [f.code, f.severity]), [['section.unreadable', 'error']]);
		assert.match(fs[0].message, /未识别为政府信息公开工作年度报告/);
	});

	test('an empty file: one error that says so', () => {
		for (const text of ['', '\ufeff', '\n \n']) {
			const fs = check(text);
			assert.deepEqual(fs.map((f) => [f.code, f.severity]), [['section.unreadable', 'error']]);
			assert.match(fs[0].message, /没有任何内容/);
		}
	});

	test('a garbled text (GBK bytes read as Latin-1): one finding', () => {
		const garbled = Buffer.from(SEED, 'utf8').toString('latin1');
		const fs = check(garbled).filter((f) => f.severity === 'error' || f.code.startsWith('section.') || f.code === 'table.missing');
		assert.deepEqual(fs.map((f) => f.code), ['section.unreadable']);
		assert.match(fs[0].message, /乱码/);
	});

	test('a list of sources in a checked folder (this project\'s own README of fixtures): not a report, and neither garbled nor of a format', () => {
		const text = readFileSync(join(__dirname, 'fixtures', 'layouts', 'README.md'), 'utf8');
		assert.ok((text.match(/\p{Script=Han}/gu)?.length ?? 0) > 300);
		const fs = check(text).filter((f) => f.severity === 'error' || f.severity === 'warning');
		assert.deepEqual(fs.map((f) => f.code), ['section.unreadable']);
		assert.match(fs[0].message, /未识别为政府信息公开工作年度报告：文本大部分是英文字母/);
	});

	test('a report whose headings are all gone: one section.unreadable (a warning) where the text starts; the tables are still checked', () => {
		const text = SEED.split('\n').filter((l) => !/^[一二三四五六]、(?!本年|上年|结转|本年度)/.test(l)).join('\n');
		const model = parseReport(text);
		assert.ok(model.tables.length >= 3);
		const fs = checkReport(model);
		assert.deepEqual(structural(fs).map((f) => f.code), ['section.unreadable']);
		assert.equal(structural(fs)[0].range.start.line, 0);
	});

	test('only one of six sections recognised: not confident, said once with what was found', () => {
		const text = SEED.split('\n').filter((l) => !/^[二三四五六]、(?!本年|上年|结转|本年度)/.test(l)).join('\n');
		const fs = structural(check(text));
		assert.deepEqual(fs.map((f) => f.code), ['section.unreadable']);
		assert.match(fs[0].message, /只识别出 1 个规定章节（“一、总体情况”）/);
	});

	test('table.missing yields to a table.unreadable finding (for that table, or for all when it names none)', () => {
		const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
		const missing = (table: string): Finding => ({ code: 'table.missing', severity: 'error', message: '', range, data: { table } });
		const unreadable = (table?: string) => ({ code: 'table.unreadable', severity: 'warning', message: '', range, data: table ? { table } : {} }) as unknown as Finding;
		const fs = [missing('requests'), missing('appeals')];
		assert.deepEqual(withoutGuessedMissing(fs), fs);
		assert.deepEqual(withoutGuessedMissing([...fs, unreadable('requests')]).map((f) => `${f.code} ${f.data?.table}`), ['table.missing appeals', 'table.unreadable requests']);
		assert.deepEqual(withoutGuessedMissing([...fs, unreadable()]).map((f) => f.code), ['table.unreadable']);
	});
});

describe('Kangxi radicals for ideographs (PDFs printed by browsers: ⼀、总体情况)', () => {
	test('headings written with radicals are the sections, at their own ranges', () => {
		const text = SEED.replace(/^一、/m, '\u2f00、').replace(/^二、/m, '\u2f06、');
		assert.notEqual(text, SEED);
		const model = parseReport(text);
		const findings = checkReport(model);
		assert.deepEqual(findings.filter((f) => f.code === 'section.missing'), []);
		const first = model.headings.find((h) => h.section?.key === model.template.sections[0].key);
		assert.ok(first);
		assert.equal(model.index.lines[first.line].slice(first.range.start.character, first.range.start.character + 1), '\u2f00');
	});
});

describe('the items the format lists under 总体情况 are not sections (a report cut short, or a draft written top-down)', () => {
	for (const name of ['zhejiang-tongxiang-szf-2024.opening.txt', 'hubei-wuhan-hongshan-qzf-2023.opening.txt']) {
		test(`${name}: （一）主动公开情况 （二）依申请公开情况 under 一、总体情况 stay its own`, () => {
			const text = structure(name);
			const model = parseReport(text);
			assert.deepEqual(sectionKeys(text), ['overview']);
			const fs = checkReport(model);
			// Neither a wording note renaming them as sections 二/三, nor "section 二 is there without its heading".
			assert.deepEqual(fs.filter((f) => f.code === 'section.wording' || f.code === 'section.untitled'), []);
			// The tables this opening lacks are missing, said where the document starts, not under 总体情况's items.
			for (const f of fs.filter((f) => f.code === 'table.missing')) assert.equal(f.range.start.line, 0);
		});
	}

	test('items worded as the sections themselves (锡山区安镇街道 2024: (二)行政机关收到和处理政府信息公开申请情况 …) stay 总体情况\'s', () => {
		const text = structure('jiangsu-xishan-anzhenjd-2024.opening.txt');
		assert.deepEqual(sectionKeys(text), ['overview']);
		const fs = checkReport(parseReport(text));
		assert.deepEqual(fs.filter((f) => f.severity === 'error'), []);
		assert.deepEqual(fs.filter((f) => f.code === 'section.untitled' || f.code === 'section.wording'), []);
	});

	test('总体情况 as a page\'s list bullet (朔州市 2023: - 总体情况) is the section, its items its own', () => {
		const text = structure('shanxi-shuozhou-szf-2023.opening.txt');
		assert.deepEqual(sectionKeys(text), ['overview']);
		const fs = checkReport(parseReport(text));
		assert.deepEqual(fs.filter((f) => f.severity === 'error' || f.code === 'section.untitled' || f.code === 'section.wording'), []);
		// And in a whole report: the bullet for 一、 is no missing section.
		const whole = SEED.replace(/^一、总体情况$/m, '- 总体情况');
		assert.notEqual(whole, SEED);
		assert.deepEqual(check(whole).filter((f) => f.code === 'section.missing'), []);
		assert.deepEqual(sectionKeys(whole), KEYS);
	});

	test('a list item of the prose is no heading: - 门户网站 and - 政务新媒体平台建设情况。', () => {
		const text = SEED.replace(/^(二、主动公开政府信息情况)$/m, '$1\n- 门户网站\n- 政务新媒体平台建设情况。');
		assert.notEqual(text, SEED);
		assert.deepEqual(sectionKeys(text), KEYS);
		assert.ok(!parseReport(text).headings.some((h) => h.title.includes('门户网站') || h.title.includes('政务新媒体')));
	});

	test('a draft stopped inside 总体情况: its items are not sections, the sections after it are missing', () => {
		const lines = SEED.split('\n');
		const draft = [...lines.slice(0, 2), '（一）主动公开情况', lines[3], '（二）依申请公开情况', lines[7]].join('\n');
		assert.deepEqual(sectionKeys(draft), ['overview']);
		const fs = check(draft);
		assert.deepEqual(fs.filter((f) => f.code === 'section.wording' || f.code === 'section.untitled'), []);
	});

	test('a report that numbers its six sections （一）…（六） still has them (no first-level heading names a section)', () => {
		let numbered = SEED;
		const ordinals = ['一', '二', '三', '四', '五', '六'];
		for (const h of parseReport(SEED).headings.filter((h) => h.section && h.level === 1)) {
			const at = ordinals.indexOf(h.ordinal.trim()[0]);
			numbered = replaceLine(numbered, SEED.split('\n')[h.line], `（${ordinals[at]}）${h.title}`);
		}
		assert.deepEqual(sectionKeys(numbered), KEYS);
	});
});

describe('a table seen in its section but not read is said unreadable; a sentence naming its words is no trace of it', () => {
	const lines = SEED.split('\n');
	const at = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
	const five = lines.findIndex((l) => l.startsWith('五、存在的主要问题'));

	test('Table 4 replaced by the sentence 本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。 is missing', () => {
		const text = [...lines.slice(0, at + 1), '本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。', ...lines.slice(five)].join('\n');
		const fs = check(text);
		assert.deepEqual(fs.filter((f) => f.code === 'table.missing').map((f) => f.data?.table), ['appeals']);
		assert.deepEqual(fs.filter((f) => f.code === 'table.unreadable'), []);
	});

	test('Table 4 as a converter\'s placeholder, or as its header words with no numbers, is unreadable, not missing', () => {
		for (const shown of ['[TABLE]', '行政复议 行政诉讼', '结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉']) {
			const text = [...lines.slice(0, at + 1), shown, ...lines.slice(five)].join('\n');
			const fs = check(text);
			assert.deepEqual(fs.filter((f) => f.code === 'table.missing'), [], shown);
			assert.deepEqual(fs.filter((f) => f.code === 'table.unreadable').map((f) => f.data?.table), ['appeals'], shown);
		}
	});
});
