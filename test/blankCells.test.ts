import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { readSeed } from './helpers.ts';

const read = (...parts: string[]) => readFileSync(join(__dirname, ...parts), 'utf8');
const blanks = (text: string, lang: 'zh' | 'en' = 'zh') => checkReport(parseReport(text), { lang }).filter((f) => f.code === 'cell.blank');

describe('cell.blank: a cell left empty in a table that writes 0 for what did not happen', () => {
	test('汉阳区 2022: 规章 has no 现行有效件数, said at that cell', () => {
		const found = blanks(read('fixtures', 'layouts', 'hubei-wuhan-hanyang-qzfb-2022.cells-closed-by-pipes.txt'));
		assert.equal(found.length, 1);
		assert.equal(found[0].severity, 'information');
		assert.equal(found[0].range.start.line, 15);
		assert.match(found[0].message, /^“规章”的“现行有效件数”未填写/);
		assert.deepEqual(found[0].fix, undefined);
	});

	test('平潭市场监管局 2023 as HTML rows: （六）2 and （六）3 printed with every cell empty, each said once as a row', () => {
		const found = blanks(read('corpus', 'html-rows', 'pingtan-scjgj-2023.txt'));
		assert.deepEqual(found.map((f) => [f.range.start.line, f.data?.row]), [[43, 'R3.6.2'], [44, 'R3.6.3']]);
		assert.match(found[1].message, /^“3\.其他”一行未填写/);
		assert.match(blanks(read('corpus', 'html-rows', 'pingtan-scjgj-2023.txt'), 'en')[1].message, /^The "other" row is empty/);
	});

	test('a table whose way of writing 0 is to leave the cell empty (沭阳县发改局 2023: most cells empty) says nothing', () => {
		assert.deepEqual(blanks(read('corpus', 'converted', 'jiangsu-shuyang-fgj-2023.pandoc-gfm.md')), []);
	});

	test('a seed with its cells all filled says nothing; emptying one cell of a row of 0s is said at that cell', () => {
		const seed = readSeed('003_6d0cd6ca3bfdf8d5.txt');
		assert.deepEqual(blanks(seed), []);
		const lines = seed.split('\n');
		const at = lines.findIndex((l) => l.startsWith('7.属于行政执法案卷'));
		lines[at] = lines[at].replace(/^(7\.属于行政执法案卷 \| 0 \| 0 \| )0 /, '$1 ');
		const found = blanks(lines.join('\n'));
		assert.equal(found.length, 1, lines[at]);
		assert.equal(found[0].range.start.line, at);
		assert.deepEqual(found[0].data?.columns, ['research']);
	});

	test('numbers whose columns a PDF\'s text lost are not read for empty cells', () => {
		assert.deepEqual(blanks(read('corpus', 'pdf', 'pingtan-jtjsj-2022.layout.txt')), []);
	});
});
