/**
 * The table formatter (core/features/format.ts; LSP formatting and the nianbao.formatTables
 * command): every line-laid table of every seed and corpus report is rewritten as aligned pipe
 * rows, the model reads the same before and after, a second pass has nothing to do, and nothing
 * but the tables' own lines is touched.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import stringWidth from 'string-width';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, extractReport, parseReport, type ReportModel } from '../server/src/core/index.ts';
import { formatTableEdits } from '../server/src/core/features/format.ts';
import { range, seedText, seedUri, SEED_FILES, start, type Session } from './protocol/harness.ts';

const CORPUS = join(__dirname, 'corpus');
const corpusTexts = (): Array<[string, string]> => {
	let files: string[] = [];
	try {
		files = readdirSync(CORPUS, { recursive: true }).map(String).filter((f) => f.endsWith('.txt'));
	} catch {
		// no corpus in this checkout
	}
	return files.sort().map((f) => [`corpus/${f}`, readFileSync(join(CORPUS, f), 'utf8')]);
};
const REPORTS: Array<[string, string]> = [...SEED_FILES.map((f): [string, string] => [f, seedText(f)]), ...corpusTexts()];

const plain = (m: ReportModel) => JSON.stringify(extractReport(m), (k, v) => (k === 'range' || k === 'layout' ? undefined : v));

describe('the table formatter', () => {
	for (const [name, text] of REPORTS) {
		test(name, () => {
			const model = parseReport(text);
			const edits = formatTableEdits(text, model);
			const out = applyEdits(text, edits);
			const after = parseReport(out);
			assert.equal(plain(after), plain(model), 'the same model');
			assert.deepEqual(formatTableEdits(out, after), [], 'a second pass has nothing to do');
			// Only whole lines of one table are replaced, and edits never overlap: the rest is kept byte for byte.
			const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line);
			for (const [i, e] of sorted.entries()) {
				assert.equal(e.range.start.character, 0);
				assert.equal(e.range.end.character, model.index.lines[e.range.end.line].length);
				if (i > 0) assert.ok(sorted[i - 1].range.end.line < e.range.start.line, 'edits do not overlap');
				const inside = model.tables.filter((t) => t.rows.some((r) => r.labelRange.start.line >= e.range.start.line && r.labelRange.start.line <= e.range.end.line));
				assert.equal(inside.length, 1, 'an edit holds the rows of one table');
			}
		});
	}

	test('the seeds\' tables are all rewritten, their value columns aligned', () => {
		for (const f of SEED_FILES) {
			const text = seedText(f);
			const model = parseReport(text);
			const edits = formatTableEdits(text, model);
			assert.equal(edits.length, model.tables.length, f);
			const out = parseReport(applyEdits(text, edits));
			for (const table of out.tables) {
				assert.equal(table.layout, 'pipe-rows', `${f} ${table.def.id}`);
				const rows = table.rows.map((r) => out.index.lines[r.range.start.line]);
				// Every data row's pipes stand at the same display columns.
				const pipes = (line: string) => [...line].reduce<number[]>((at, ch, i, all) => (ch === '|' ? [...at, stringWidth(all.slice(0, i).join(''))] : at), []);
				const tails = rows.map((l) => pipes(l).slice(-table.def.columns.length - 1));
				for (const t of tails) assert.deepEqual(t, tails[0], `${f} ${table.def.id}`);
			}
		}
	});
});

describe('formatting over LSP', () => {
	let s: Session;
	const SEED = SEED_FILES[4];
	before(async () => {
		s = await start({ locale: 'zh-CN' });
		await s.open(seedUri(SEED), seedText(SEED));
	});
	after(async () => s?.stop());

	test('textDocument/formatting and rangeFormatting answer the core\'s edits', async () => {
		const edits = (await s.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: seedUri(SEED) }, options: { tabSize: 4, insertSpaces: false } }))!;
		assert.deepEqual(edits, formatTableEdits(seedText(SEED)));
		assert.ok(edits.length > 0);
		const first = edits[0].range.start.line;
		const ranged = (await s.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri: seedUri(SEED) }, range: range(first, 0, first, 0), options: { tabSize: 4, insertSpaces: false } }))!;
		assert.deepEqual(ranged, [edits[0]]);
	});
});
