import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { outline, readSeed, SEEDS, tableValues } from './helpers.ts';

/**
 * Every seed's template, metadata, section tree and the exact value of every table cell, against
 * expectation files checked by hand against the seed text (regenerate with UPDATE_EXPECT=1 and
 * review the diff).
 */
const EXPECTED_DIR = join(__dirname, 'fixtures', 'expected');

describe('seed reports parse into the expected model', () => {
	for (const seed of SEEDS) {
		test(seed, () => {
			const model = parseReport(readSeed(seed));
			const actual = {
				template: model.template.id,
				templateSource: model.templateSource,
				metadata: { title: model.metadata.title?.text ?? null, agency: model.metadata.agency ?? null, year: model.metadata.year ?? null },
				outline: outline(model),
				tables: tableValues(model),
			};
			const file = join(EXPECTED_DIR, seed.replace(/\.txt$/, '.json'));
			if (process.env.UPDATE_EXPECT || !existsSync(file)) writeFileSync(file, JSON.stringify(actual, null, '\t') + '\n');
			assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
		});
	}
});

describe('seed reports have no false findings', () => {
	for (const seed of SEEDS) {
		test(`${seed}: no balance, cell or table errors`, () => {
			const findings = checkReport(parseReport(readSeed(seed)));
			const wrong = findings.filter((f) => /^(balance|cell|table)\./.test(f.code) && f.severity !== 'hint');
			assert.deepEqual(wrong, []);
		});
	}
	test('the seeds that follow a national format have all six sections, in order', () => {
		for (const seed of SEEDS) {
			const model = parseReport(readSeed(seed));
			if (model.template.id === '2008') continue;
			assert.deepEqual(
				model.sections.filter((s) => s.heading.section).map((s) => s.heading.section!.key),
				['overview', 'active', 'requests', 'appeals', 'problems', 'other'],
				seed,
			);
		}
	});
});
