import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { seedText, start, type Session } from './harness.ts';

/** Seed 003 ends with three web-page lines, the last without a line break after it. */
const SEED = seedText('003_6d0cd6ca3bfdf8d5.txt');

describe('removing every conversion artefact at once', () => {
	let s: Session;
	before(async () => {
		s = await start();
	});
	after(async () => s?.stop());

	it('merges the deletions of adjacent last lines into edits that apply cleanly', async () => {
		const uri = 'file:///cleanup-003.txt';
		await s.open(uri, SEED);
		const r = await s.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
		const artefacts = r.items.filter((d) => d.code === 'cleanup.artifact');
		assert.equal(artefacts.length, 3);
		const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: artefacts[0].range, context: { diagnostics: artefacts } });
		const all = actions.find((a) => /所有转换残留|all conversion artefacts/.test(a.title))!;
		assert.ok(all, actions.map((a) => a.title).join(' | '));
		await s.apply(all.edit!);
		assert.equal(s.text(uri), SEED.split('\n').slice(0, 62).join('\n') + '\n');
	});
});
