import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';

// Web text (one line per page, as crawled) that a converter broke into lines at some of its block
// elements: at each sentence, at each section, at each small table. The report says the same, so
// the checker must find the same; only where headings and tables stand may change.
const real = (name: string) => readFileSync(join(__dirname, 'corpus', 'real', `${name}.txt`), 'utf8');

/** Findings as code and severity, sorted (positions move with the lines; what is found must not). */
function found(text: string): string[] {
	return checkReport(parseReport(text))
		.filter((f) => f.code !== 'cleanup.artifact' && f.code !== 'table.inferred')
		.map((f) => `${f.code} ${f.severity}`)
		.sort();
}

/** The mandated sections the headings were matched to, in order. */
const mandated = (text: string) => parseReport(text).headings.flatMap((h) => (h.section ? [h.section.key] : []));

const atSentences = (text: string) => text.replace(/(?<=[。；])/g, '\n');
const atSubTables = (text: string) => text.replace(/(?=第二十条第[（(])/g, '\n');
/** At each block a page's text may give a line: a small table, a section, the appeals table, the requests table's body. */
const atBlocks = (text: string) => text.replace(/(?=第二十条第[（(])|(?<=。)(?=[一二三四五六七][、])|(?=行政复议行政诉讼)|(?=申请人情况)/g, '\n');
const atLaterSections = (text: string) => text.replace(/(?<=[。；\s])(?=[二三四五六][、])/g, '\n');

describe('web text broken into lines reads as it did on one line', () => {
	for (const [name, breakUp, how] of [
		['pingtan-htp-2021', atSubTables, 'each small table on a line of its own (第二十条第（一）项…规章000规范性文件444)'],
		['pingtan-htp-2025', atSubTables, 'a small table on its line without one of its rows (第二十条第（一）项 with 规范性文件 only: 规章 missing, as on one line)'],
		['pingtan-czjrj-2020', atLaterSections, 'each section on a line, a table glued after its heading and rows after it (二、上年结转… 0 0 0 0 0 0 0)'],
		['pingtan-jsp-2021', atBlocks, 'a section heading after the last number of a table line (… 0 0 三、收到和处理政府信息公开申请情况 （本列数据…）)'],
		['pingtan-xzspj-2017', atSentences, 'a line heading run on into its body (三、政府信息依申请公开办理情况2017年…)'],
		['pingtan-jjf-2025', atSentences, 'a line heading followed by its one-word body (六、其他需要报告的事项无。)'],
		['pingtan-lyy-2022', atSentences, 'a line heading followed by a sentence (六、其他需要报告的事项本年度无收取信息处理费情况。)'],
		['pingtan-jjp-2020', atLaterSections, 'the first section left inline after the introduction (…联系。一总体情况2020年…)'],
	] as const) {
		test(`${name}: ${how}`, () => {
			const text = real(name);
			const broken = breakUp(text);
			assert.ok(broken.split('\n').length > 3, 'the transform broke the text');
			assert.deepEqual(found(broken), found(text));
			assert.deepEqual(mandated(broken), mandated(text));
		});
	}

	test('a line heading is cut after the section\'s wording only where text follows it', () => {
		const text = atSentences(real('pingtan-jjf-2025'));
		const other = parseReport(text).headings.find((h) => h.section?.key === 'other');
		assert.equal(other?.title, '其他需要报告的事项');
	});

	test('tables glued on short lines still tell their format (2019 试行 tables in a 2021 report)', () => {
		// Hard-wrapped at 60 characters: no line is long enough to be read as squashed text.
		const text = real('pingtan-htp-2021');
		const wrapped = text.match(/[^]{1,60}/g)!.join('\n');
		assert.equal(parseReport(wrapped).template.id, '2019');
		assert.ok(found(wrapped).includes('template.year-mismatch warning'));
	});
});
