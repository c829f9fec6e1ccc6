import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport, type Finding } from '../server/src/core/index.ts';

/**
 * A sentence a PDF's text or a PDF-to-Markdown tool wrapped over lines is read whole: what the
 * prose claims (a count, a share, a list after 其中, a date) is found as on one line, and located
 * where it stands. Fixtures: real reports of the corpus, their prose wrapped here every 30
 * characters as pdftotext does (table lines and lines opening with an item's ordinal left whole).
 */
const real = (name: string) => readFileSync(join(__dirname, 'corpus', 'real', name), 'utf8');
const OPENS_ITEM = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.、．](?!\d))/;

function wrapProse(text: string, width = 30): string {
	return text
		.split('\n')
		.flatMap((line) => {
			if (line.length <= width || /[|\t]/.test(line) || !/[。；]/.test(line) || OPENS_ITEM.test(line)) return [line];
			const out: string[] = [];
			for (let k = 0; k < line.length; k += width) out.push(line.slice(k, k + width));
			return out;
		})
		.join('\n');
}

const prose = (fs: Finding[]) => fs.filter((f) => f.code.startsWith('claim.') || f.code.startsWith('date.')).map((f) => `${f.code} ${f.message}`);

describe('sentences wrapped over lines are read whole', () => {
	for (const name of ['pingtan-czjrj-2021.txt', 'pingtan-jtjsj-2025.txt', 'pingtan-czjrj-2024.txt']) {
		test(`${name}: the same findings on its prose, wrapped every 30 characters`, () => {
			const text = real(name);
			const wrapped = wrapProse(text);
			assert.ok(wrapped.split('\n').length > text.split('\n').length + 10, 'the prose was wrapped');
			const whole = prose(checkReport(parseReport(text)));
			assert.ok(whole.length > 0);
			assert.deepEqual(prose(checkReport(parseReport(wrapped))), whole);
		});
	}

	test('a finding on a wrapped sentence is located at its own characters, on the line they are on', () => {
		const text = wrapProse(real('pingtan-czjrj-2021.txt'));
		const lines = text.split('\n');
		const findings = checkReport(parseReport(text)).filter((f) => f.code.startsWith('claim.') || f.code.startsWith('date.'));
		assert.ok(findings.length > 0);
		for (const f of findings) {
			const { start, end } = f.range;
			const shown = start.line === end.line ? lines[start.line].slice(start.character, end.character) : lines[start.line].slice(start.character) + lines[end.line].slice(0, end.character);
			assert.ok(shown.length > 0 && /\S/.test(shown), `${f.code} at ${JSON.stringify(f.range)}`);
		}
	});

	test('a list after 其中 whose items a PDF put on the next line after ； is summed whole (平潭财政金融局 2024)', () => {
		const text = real('pingtan-czjrj-2024.txt');
		const list = '其中:减税降费5条，财税金融等政策及解读共1条；财政预算、决算报告共7条；财政资金直达基层12条；其他文件共51条等。';
		assert.ok(text.includes(list));
		const split = text.replace(list, list.replaceAll('；', '；\n'));
		const breakdown = (t: string) => checkReport(parseReport(t)).filter((f) => f.code === 'claim.breakdown').map((f) => f.message);
		assert.equal(breakdown(text).length, 1);
		assert.deepEqual(breakdown(split), breakdown(text));
	});

	test('a heading or title alone on its line is no part of the sentence after it', () => {
		const model = parseReport(real('pingtan-czjrj-2021.txt'));
		for (const h of model.headings) {
			const line = model.index.lines[h.range.start.line];
			if (line.trim() !== line.slice(h.range.start.character, h.range.end.character).trim()) continue;
			assert.ok(!model.sentences.some((s) => s.breaks?.some((b) => b.line === h.range.start.line + 1) && s.line === h.range.start.line), h.title);
		}
	});
});
