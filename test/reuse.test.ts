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
