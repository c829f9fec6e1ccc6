import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editedTexts, FUZZ_SEED, rng } from '../editFuzzGen.ts';
import { SEED_FILES, seedText, start, type Session } from './harness.ts';

/**
 * The protocol half of the edit fuzzing (the core half is test/editFuzz.test.ts): generated edits
 * sent as incremental didChange, every 10th followed by a pull whose ranges must lie inside the
 * client's copy of that version, and each document ending with the diagnostics of a fresh open
 * of its final text. NIANBAO_FUZZ_PROTOCOL_EDITS sets the count.
 */
const EDITS = Number(process.env.NIANBAO_FUZZ_PROTOCOL_EDITS ?? 3000);
const PER_DOCUMENT = 300;

function inside(doc: TextDocument, d: Diagnostic): boolean {
	const lines = doc.getText().split(/\r\n|\r|\n/);
	const ok = (p: Diagnostic['range']['start']) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
	return ok(d.range.start) && ok(d.range.end);
}

async function pull(s: Session, uri: string): Promise<Diagnostic[]> {
	return (await s.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })).items;
}

describe('fuzzing of edits (server)', () => {
	let s: Session;
	before(async () => {
		s = await start();
	});
	after(async () => s?.stop());

	it(`${EDITS.toLocaleString('en')} generated incremental edits over stdio`, async () => {
		const random = rng(FUZZ_SEED + 1);
		let sent = 0;
		let pulls = 0;
		for (let n = 0; sent < EDITS; n++) {
			const uri = `file:///fuzz-${n}.txt`;
			const original = seedText(SEED_FILES[n % SEED_FILES.length]);
			await s.open(uri, original);
			for (const edit of editedTexts(random, original, Math.min(PER_DOCUMENT, EDITS - sent))) {
				await s.edit(uri, [edit]);
				sent++;
				if (sent % 10 === 0) {
					const items = await pull(s, uri);
					pulls++;
					const doc = TextDocument.create(uri, 'nianbao', s.version(uri), s.text(uri));
					for (const d of items) assert.ok(inside(doc, d), `edit ${sent}: ${d.code} ${JSON.stringify(d.range)} outside the document`);
				}
			}
			const fresh = `file:///fuzz-${n}-fresh.txt`;
			await s.open(fresh, s.text(uri));
			const strip = (ds: Diagnostic[]) => ds.map((x) => ({ ...x, relatedInformation: undefined, data: undefined }));
			assert.deepEqual(strip(await pull(s, uri)), strip(await pull(s, fresh)), `document ${n}: edited and freshly opened differ`);
			for (const u of [uri, fresh]) await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
		}
		console.log(`edit fuzz (server): ${sent.toLocaleString('en')} generated inputs over stdio, seed ${FUZZ_SEED + 1}, ${pulls} pulls checked`);
	});
});
