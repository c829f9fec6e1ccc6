import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, type Diagnostic, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { range, seedText, start, type Session } from './harness.ts';

/**
 * Load: thousands of edits interleaved with requests, a third of them cancelled at once, then
 * hundreds of documents opened and closed; the server must keep answering, and its answers for
 * the edited document must be those of a fresh open of the same text.
 */
const SEED = seedText('000_64647beae46556e6.txt');

async function diagnostics(s: Session, uri: string): Promise<Diagnostic[]> {
	const r = await s.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
	return r.items;
}

describe('the server under load', () => {
	let s: Session;
	before(async () => {
		s = await start();
	});
	after(async () => s?.stop());

	it('2000 edits with requests in between, a third of them cancelled', async () => {
		const uri = 'file:///load.txt';
		await s.open(uri, SEED);
		const pending: Array<Promise<unknown>> = [];
		for (let i = 0; i < 2000; i++) {
			await s.edit(uri, [{ range: range(93, 1, 93, 3), newText: String(60 + (i % 10)) }]);
			const method = ['textDocument/hover', 'textDocument/documentSymbol', 'textDocument/codeAction', 'textDocument/diagnostic'][i % 4];
			const params =
				method === 'textDocument/hover'
					? { textDocument: { uri }, position: { line: 93, character: 1 } }
					: method === 'textDocument/codeAction'
						? { textDocument: { uri }, range: range(93, 1, 93, 3), context: { diagnostics: [] } }
						: { textDocument: { uri } };
			const source = new CancellationTokenSource();
			// A cancelled request may answer with its result or with RequestCancelled; either is fine, a hang is not.
			pending.push(s.conn.sendRequest(method, params, source.token).catch((e: { code?: number }) => assert.equal(e.code, -32800)));
			if (i % 3 === 0) source.cancel();
		}
		await Promise.all(pending);
		const fresh = 'file:///load-fresh.txt';
		await s.open(fresh, s.text(uri));
		const strip = (d: Diagnostic[]) => d.map((x) => ({ ...x, relatedInformation: undefined, data: undefined }));
		assert.deepEqual(strip(await diagnostics(s, uri)), strip(await diagnostics(s, fresh)));
	});

	it('opens and closes 300 documents and still answers', async () => {
		for (let i = 0; i < 300; i++) {
			const uri = `file:///many-${i}.txt`;
			await s.open(uri, SEED);
			await diagnostics(s, uri);
			await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
		}
		const d = await diagnostics(s, 'file:///load.txt');
		assert.ok(d.length > 0);
	});
});
