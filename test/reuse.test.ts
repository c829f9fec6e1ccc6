import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport, ReadingReuse, type ParseOptions } from '../server/src/core/index.ts';
import { readSeed, SEEDS } from './helpers.ts';

/**
 * A document read with what its last version read (core/reuse.ts, as the server reads an open
 * document) gives exactly what a fresh reading gives, whatever changed: a number, the report's
 * year (which a sentence's claims depend on), the format asked for, a glued line of web text.
 */
const findings = (text: string, options: ParseOptions = {}) => JSON.stringify(checkReport(parseReport(text, options)));

function sameAsFresh(versions: Array<{ text: string; options?: ParseOptions }>): void {
	const reuse = new ReadingReuse();
	for (const [i, v] of versions.entries()) assert.equal(findings(v.text, { ...v.options, reuse }), findings(v.text, v.options), `version ${i + 1}`);
}

describe('reading a document with what its last version read', () => {
	test('the seeds, then each with a number changed, its year changed, its format forced', () => {
		for (const name of SEEDS) {
			const text = readSeed(name);
			const year = /20\d\d/.exec(text)![0];
			const otherYear = String(Number(year) - 3);
			// The first cell of 0, in whichever layout the seed has (tab cells, pipes, one a line).
			const changed = text.replace(/(?<=^|[\t|] ?)0(?= ?(?:\||\n))/m, '1');
			assert.notEqual(changed, text, name);
			sameAsFresh([{ text }, { text: changed }, { text: text.replace(year, otherYear) }, { text: text.split(year).join(otherYear) }, { text }, { text, options: { template: '2019' } }, { text, options: { template: '2008' } }, { text }]);
		}
	});

	test('web text on one line (glued tables), edited in its numbers and its labels', () => {
		const text = readFileSync(join(__dirname, 'corpus', 'real', 'pingtan-jtjsj-2023.txt'), 'utf8');
		assert.match(text, /申请数量1400000 14 二、/);
		sameAsFresh([{ text }, { text: text.replace('申请数量1400000 14 二、', '申请数量1400000 13 二、') }, { text: text.replace('一、本年新收', '一、本年新') }, { text }]);
	});

	test("a web page's furniture and a PDF's page numbers, edited into text and back", () => {
		// The artefact reading keeps, per line, whether it is a site's furniture (core/read/artifacts.ts).
		const web = readFileSync(join(__dirname, 'corpus', 'converted', 'pingtan-zrzyj-2024.pandoc-gfm.md'), 'utf8');
		const artefacts = (text: string) => checkReport(parseReport(text)).filter((f) => f.code === 'cleanup.artifact').length;
		assert.match(web, /\n当前位置：\n/);
		const webEdited = web.replace('\n当前位置：\n', '\n当前位置在此：\n').replace('\n关闭\n', '\n关闭了\n');
		assert.equal(artefacts(webEdited), artefacts(web) - 2, 'the edits turn two lines of furniture into text');
		sameAsFresh([{ text: web }, { text: webEdited }, { text: web }, { text: web.replace('\n相关链接：\n', '\n相关链接：\n<a href="x"\n') }, { text: web }]);
		// Text from a PDF, with its page breaks (form feeds) and page numbers; then without the breaks.
		const pdf = readFileSync(join(__dirname, 'corpus', 'real', 'jiangsu-hongze-xzf-2024-raw.txt'), 'utf8');
		assert.match(pdf, /\f/);
		sameAsFresh([{ text: pdf }, { text: pdf.replace('-4-', '-4') }, { text: pdf.split('\f').join('') }, { text: pdf }]);
	});

	test('a PDF\'s table text (pdftotext -layout), edited in a row, its label and a footer', () => {
		// (Its page breaks taken out, as a PDF viewer's copy has none.) Without page breaks, each line's kind in that layout is kept (core/read/layout/pdfText.ts).
		const text = readFileSync(join(__dirname, 'corpus', 'real', 'jiangsu-hongze-xzf-2023-layout.txt'), 'utf8').split('\f').join('');
		const row = '一、本年新收政府信息公开申请数量                             21    0      0     0   0   0     21';
		assert.ok(text.includes(row) && !text.includes('\f'));
		const rowEdited = text.replace(row, row.replace(/21$/, '22'));
		assert.notEqual(findings(rowEdited), findings(text), 'the edit changes the findings');
		sameAsFresh([{ text }, { text: rowEdited }, { text: text.replace(row, row.replace('一、本年新收', '本年新收了')) }, { text: text.replace(row, '— 3 —') }, { text }]);
	});

	test('what a version did not use is let go: the next but one reads afresh', () => {
		const reuse = new ReadingReuse();
		let reads = 0;
		const read = () => ++reads;
		reuse.nextVersion();
		reuse.get('k', 'a', read);
		reuse.nextVersion();
		assert.equal(reuse.get('k', 'a', read), 1, 'kept for the next version');
		reuse.nextVersion();
		reuse.nextVersion();
		assert.equal(reuse.get('k', 'a', read), 2, 'read again after a version that did not use it');
	});
});
