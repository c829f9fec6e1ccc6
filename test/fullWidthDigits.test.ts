import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport, type Finding } from '../server/src/core/index.ts';

/**
 * Digits typed in a Chinese input method's full-width mode (２０２３年, ９８．５５％, a page number
 * －３－) read as the same digits: every real report of the corpus, its digits made full-width
 * (in its prose, and everywhere), has the findings it has as written, bar the hints that its cells'
 * digits are full-width (cell.format).
 */
const dir = join(__dirname, 'corpus', 'real');
const toFullWidth = (t: string) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const inProse = (t: string) => t.split('\n').map((l) => (/[|\t]/.test(l) ? l : toFullWidth(l))).join('\n');
const summary = (fs: Finding[]) => fs.filter((f) => f.code !== 'cell.format').map((f) => `${f.range.start.line}:${f.range.start.character} ${f.code} ${f.severity}`);

describe('full-width digits read as digits', () => {
	const names = readdirSync(dir).filter((n) => /\.(txt|md)$/.test(n));
	test('the corpus has real reports to try', () => assert.ok(names.length >= 40));
	for (const name of names) {
		test(name, () => {
			const text = readFileSync(join(dir, name), 'utf8');
			const as = summary(checkReport(parseReport(text)));
			assert.deepEqual(summary(checkReport(parseReport(inProse(text)))), as, 'digits full-width in the prose');
			assert.deepEqual(summary(checkReport(parseReport(toFullWidth(text)))), as, 'digits full-width everywhere');
		});
	}

	test('a report whose year is written ２０１７年 is judged by the 2017 format, not the 2021 one', () => {
		const text = readFileSync(join(dir, 'pingtan-jtjsj-2017.txt'), 'utf8');
		const model = parseReport(inProse(text));
		assert.equal(model.metadata.year, 2017);
		assert.equal(model.template.id, '2008');
	});
});
