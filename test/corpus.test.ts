/**
 * The labelled corpus of real reports (test/corpus/, see tools/corpus/): no labelled report may get
 * a false error, lose a labelled error silently, or go unread without saying so. An error in a table
 * the reader said once it could not read (table.unreadable) is not lost silently: `npm run corpus`
 * counts it as missed (recall), this test does not fail on it. Warnings are scored by the scorecard.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { loadCorpus, ROOT, scoreCorpus } from '../tools/corpus/corpus.ts';
import type { FileScore } from '../tools/corpus/score.ts';

const entries = loadCorpus();
let scores = new Map<string, FileScore>();

before(() => {
	if (!existsSync(join(ROOT, 'dist', 'cli.js'))) spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
	scores = new Map(scoreCorpus(entries).map((s) => [s.file, s]));
});

describe('the real-report corpus', () => {
	test('holds labelled reports', () => assert.ok(entries.length > 0));
	for (const e of entries) {
		const file = e.document.slice(ROOT.length + 1);
		test(file, () => {
			const s = scores.get(file);
			assert.ok(s, 'scored');
			const show = (fs: FileScore['falseErrors']) => fs.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`).join('\n');
			assert.equal(s.falseErrors.length, 0, `false errors:\n${show(s.falseErrors)}`);
			const missedErrors = s.missed.filter((l) => (l.severity ?? 'error') === 'error' && !s.missedUnread.includes(l));
			assert.equal(missedErrors.length, 0, `missed errors: ${missedErrors.map((l) => `${l.code} ${l.context ?? ''}`).join(', ')}`);
			assert.deepEqual(s.notUnderstood, [], 'not understood, and not said so');
		});
	}
});
