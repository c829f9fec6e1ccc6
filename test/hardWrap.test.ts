import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { applyEdits, checkReport, LineIndex, parseReport } from '../server/src/core/index.ts';
import { unwrap, wrapWidth } from '../server/src/core/read/hardWrap.ts';

// Text a tool wrapped at a fixed width (a text browser's dump, a crawler's textwrap, a mail
// client): the same report cut into lines wherever the width fell, inside sentences, headings, glued
// tables and numbers. It must read as the text it was cut from, with every finding on the written lines.
const corpus = (dir: string, name: string) => readFileSync(join(__dirname, 'corpus', dir, name), 'utf8');

/** Wraps every line at `width`: in display columns (a wide character two) or in characters; a run of narrow characters moves whole where it can. */
function wrap(text: string, width: number, measure: 'columns' | 'characters' = 'columns'): string {
	const size = (s: string) => (measure === 'columns' ? stringWidth(s) : [...s].length);
	const out: string[] = [];
	for (const line of text.split('\n')) {
		let current = '';
		for (const ch of line) {
			if (size(current + ch) > width) {
				const word = /^(.*\S) ([\x21-\x7e]+)$/u.exec(current);
				if (/[\x21-\x7e]/.test(ch) && word) {
					out.push(word[1]);
					current = word[2];
				} else {
					out.push(current);
					current = '';
					// (The space a wrap falls on is dropped.)
					if (ch === ' ') continue;
				}
			}
			current += ch;
		}
		out.push(current);
	}
	return out.join('\n');
}

/**
 * Wraps as Python's textwrap does (a crawler's way of storing text): words are runs without spaces,
 * a line takes words while they fit, the space a break falls on is dropped, and a word longer
 * than the line (a Chinese paragraph is one) is cut at the width.
 */
function textwrap(text: string, width: number): string {
	const out: string[] = [];
	for (const line of text.split('\n')) {
		let current = '';
		for (const word of line.split(/ +/).filter((w) => w !== '')) {
			let w = word;
			if (current !== '' && current.length + 1 + w.length <= width) {
				current += ' ' + w;
				continue;
			}
			if (current !== '') out.push(current);
			current = '';
			while (w.length > width) {
				out.push(w.slice(0, width));
				w = w.slice(width);
			}
			current = w;
		}
		out.push(current);
	}
	return out.join('\n');
}

/** Findings as code and severity, sorted: what is found must not change with the lines. */
function found(text: string): string[] {
	return checkReport(parseReport(text))
		.map((f) => `${f.code} ${f.severity}`)
		.sort();
}

const WEB_TEXTS = ['pingtan-jtjsj-2024.txt', 'pingtan-gwh-2022.txt', 'pingtan-czjrj-2021.txt', 'pingtan-htp-2025.txt', 'pingtan-xzspj-2023.txt'];

describe('text wrapped at a fixed width reads as the text it was cut from', () => {
	for (const name of WEB_TEXTS) {
		for (const width of [60, 80, 120]) {
			test(`${name}, one line a page, wrapped at ${width} columns: the same findings`, () => {
				const text = corpus('real', name);
				const wrapped = wrap(text, width);
				assert.ok(wrapped.split('\n').length > 20, 'the wrap cut the text into lines');
				assert.deepEqual(found(wrapped), found(text));
			});
		}
	}

	test('every finding names the same words on the written lines as it does on the unwrapped text', () => {
		for (const name of WEB_TEXTS) {
			const text = corpus('real', name);
			const wrapped = wrap(text, 70);
			const index = new LineIndex(wrapped);
			const original = new LineIndex(text);
			const a = checkReport(parseReport(text));
			const b = checkReport(parseReport(wrapped));
			assert.equal(b.length, a.length, name);
			const key = (f: (typeof a)[number]) => `${f.code} ${f.message}`;
			const byKey = new Map(a.map((f) => [key(f), f]));
			for (const f of b) {
				const twin = byKey.get(key(f));
				assert.ok(twin, `${name}: ${key(f)} is found on the unwrapped text too`);
				assert.equal(index.textOf(f.range).replace(/\n/g, ''), original.textOf(twin.range), `${name}: ${f.code} stands on the same words`);
				for (const [i, r] of (f.related ?? []).entries()) assert.equal(index.textOf(r.range).replace(/\n/g, ''), original.textOf(twin.related![i].range));
			}
		}
	});

	test('a fix on wrapped text writes the words it names and nothing else', () => {
		const text = corpus('real', 'pingtan-jjf-2025.txt');
		const wrapped = wrap(text, 64);
		const model = parseReport(wrapped);
		const original = parseReport(text);
		const twins = new Map(checkReport(original).filter((f) => f.fix).map((f) => [`${f.code} ${f.message}`, f]));
		const fixes = checkReport(model).filter((f) => f.fix);
		assert.ok(fixes.some((f) => f.code.startsWith('balance.')), 'the report has a certain balance fix');
		assert.equal(fixes.length, twins.size);
		for (const f of fixes) {
			const twin = twins.get(`${f.code} ${f.message}`)!;
			assert.deepEqual(
				f.fix!.edits.map((e) => [model.index.textOf(e.range).replace(/\n/g, ''), e.newText]),
				twin.fix!.edits.map((e) => [original.index.textOf(e.range), e.newText]),
			);
			// A balance fix writes a cell's digits: the lines stay as the wrap made them.
			if (f.code.startsWith('balance.')) assert.equal(applyEdits(wrapped, f.fix!.edits).split('\n').length, wrapped.split('\n').length);
		}
	});

	test('wrapped at a width in characters (a crawler\u2019s textwrap), the same findings', () => {
		const text = corpus('real', 'pingtan-gwh-2022.txt');
		assert.deepEqual(found(wrap(text, 50, 'characters')), found(text));
	});

	for (const width of [50, 70, 90]) {
		test(`web text as textwrap stores it, ${width} characters a line: the spaces the breaks dropped are put back, the same findings`, () => {
			for (const name of ['pingtan-gwh-2022.txt', 'pingtan-htp-2025.txt', 'pingtan-czjrj-2021.txt']) {
				const text = corpus('real', name);
				assert.deepEqual(found(textwrap(text, width)), found(text), name);
			}
		});
	}

	test('a text browser\u2019s dump at 80 columns is found wrapped at the width it used', () => {
		const index = new LineIndex(corpus('converted', 'pingtan-gaj-2018.w3m80.txt'));
		assert.deepEqual(wrapWidth(index), { width: 79, measure: 'columns' });
	});

	test('any width from 40 to 140 columns: no error the unwrapped text does not have', () => {
		const text = corpus('real', 'pingtan-czjrj-2024.txt');
		const errors = (t: string) => found(t).filter((f) => f.endsWith(' error'));
		const expected = errors(text);
		fc.assert(
			fc.property(fc.integer({ min: 40, max: 140 }), (width) => {
				assert.deepEqual(errors(wrap(text, width)), expected);
			}),
			{ numRuns: 12 },
		);
	});
});

describe('text that no tool wrapped is read as written', () => {
	test('reports with a paragraph to a line, tables of rows and text from PDFs are not unwrapped', () => {
		for (const [dir, name] of [
			['real', 'pingtan-jtjsj-2024.txt'],
			['html-rows', 'pingtan-jtjsj-2022.txt'],
			['converted', 'pingtan-zrzyj-2024.pandoc-gfm.md'],
			['converted', 'pingtan-scjgj-2023.plain.txt'],
		] as const) {
			const text = corpus(dir, name);
			assert.equal(unwrap(new LineIndex(text)), undefined, `${dir}/${name}`);
		}
	});

	test('lines of equal width that are a table\u2019s rows are never joined', () => {
		const row = (label: string) => `${label.padEnd(30, '　')} | 0 | 0 | 0 | 0 | 0 | 0 | 0`;
		const text = Array.from({ length: 30 }, (_, i) => row(`第${i + 1}行政府信息公开申请数量`)).join('\n');
		assert.equal(unwrap(new LineIndex(text)), undefined);
	});

	test('a page number between two pages\u2019 lines is not joined into the paragraph', () => {
		const para = '根据《中华人民共和国政府信息公开条例》和上级部门要求，结合本机关工作实际编制本报';
		const lines = Array.from({ length: 20 }, () => para);
		lines.splice(10, 0, '— 2 —');
		const u = unwrap(new LineIndex(lines.join('\n')));
		assert.ok(u, 'the text is found wrapped');
		assert.match(u.text, /\n— 2 —\n/);
	});
});

describe('a number the wrap cut in two', () => {
	test('is read whole, and no fix writes across the line break', () => {
		let cut = 0;
		for (const name of ['pingtan-jjf-2025.txt', 'pingtan-zrzyj-2020.txt', 'pingtan-htp-2021.txt']) {
			const text = corpus('real', name);
			for (let width = 40; width <= 100; width += 3) {
				const model = parseReport(wrap(text, width));
				for (const t of model.tables)
					for (const r of t.rows)
						for (const c of r.cells.values()) {
							if (c.text === '' || c.range.start.line === c.range.end.line) continue;
							cut++;
							assert.equal(c.unwritable, true, `${name} at ${width}: ${c.row} ${c.column}`);
						}
				for (const f of checkReport(model)) for (const e of f.fix?.edits ?? []) assert.equal(e.range.start.line, e.range.end.line, `${name} at ${width}: ${f.code}'s fix stays on its line`);
			}
		}
		assert.ok(cut > 0, 'some wrap cut a number');
	});
});

describe('the editor on wrapped text', () => {
	test('the outline and the hovers stand on the written lines, over the same words as on the unwrapped text', async () => {
		const { outline, hoverAt } = await import('../server/src/core/features/index.ts');
		const text = corpus('real', 'pingtan-gwh-2022.txt');
		const wrapped = wrap(text, 76);
		const a = parseReport(text);
		const b = parseReport(wrapped);
		const flat = (nodes: ReturnType<typeof outline>): ReturnType<typeof outline> => nodes.flatMap((n) => [n, ...flat(n.children)]);
		const before = flat(outline(a, 'zh'));
		const after = flat(outline(b, 'zh'));
		assert.equal(after.length, before.length);
		assert.ok(after.some((n) => n.selectionRange.start.line > 0), 'the outline names the written lines');
		after.forEach((n, i) => {
			assert.equal(n.name, before[i].name);
			assert.equal(b.index.textOf(n.selectionRange).replace(/\n/g, ''), a.index.textOf(before[i].selectionRange));
		});
		// Every cell hovers on the written lines as it does unwrapped.
		const cells = (m: typeof a) => m.tables.flatMap((t) => t.rows.flatMap((r) => [...r.cells.values()])).filter((c) => c.text !== '');
		const [ca, cb] = [cells(a), cells(b)];
		assert.equal(cb.length, ca.length);
		cb.forEach((c, i) => {
			const [hb, ha] = [hoverAt(b, c.range.start, 'zh'), hoverAt(a, ca[i].range.start, 'zh')];
			assert.equal(hb?.markdown, ha?.markdown);
			if (hb?.range && ha?.range) assert.equal(b.index.textOf(hb.range).replace(/\n/g, ''), a.index.textOf(ha.range));
		});
	});
});
