import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';

// A drafter who indents every paragraph with a tab (the editor's 首行缩进 typed as a TAB): the
// headings, the sentences and the tables' rows all open with one. The tab-cells layout also opens
// each cell's line with a tab, so a tab alone must not make a sentence, a heading or a pipe row a cell.
const found = (text: string) =>
	checkReport(parseReport(text))
		.filter((f) => f.code !== 'table.inferred')
		.map((f) => `${f.code} ${f.severity} ${f.range.start.line}`)
		.sort();
const indented = (text: string) => text.replace(/^(?=\S)/gm, '\t');

describe('a report whose every line is indented with a tab reads as without the tabs', () => {
	for (const name of ['pingtan-jtjsj-2022', 'generated-pipe-rows-s12', 'pingtan-xzspj-2019', 'pingtan-zrzyj-2019']) {
		test(`html-rows/${name} (pipe rows, headings and prose, each line after a tab)`, () => {
			const text = readFileSync(join(__dirname, 'corpus', 'html-rows', `${name}.txt`), 'utf8');
			assert.ok(indented(text).split('\n').filter((l) => l.startsWith('\t')).length > 20);
			assert.deepEqual(found(indented(text)), found(text));
		});
	}

	test('the tab-cells layout still reads its cells (a cell line opens with a tab)', () => {
		const seed = readFileSync(join(__dirname, 'fixtures', 'seeds', '000_64647beae46556e6.txt'), 'utf8');
		assert.ok(parseReport(seed).tables.some((t) => t.layout === 'tab-cells'));
	});
});
