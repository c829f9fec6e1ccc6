// The extension reads documents on a worker thread of its own (client/src/readApart.ts): the same
// result as reading in process, and none of the globals pdf.js sets when it loads (self,
// navigator, pdfjsLib, Set and Promise methods, …) reach the thread that asked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readDocumentApart } from '../client/src/readApart.ts';
import { readDocument } from '../server/src/core/read/documents/index.ts';

const DIR = join(__dirname, 'fixtures', 'documents');
const WORKER = { script: join(__dirname, 'documentWorker.boot.mjs') };
const bytes = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

/** The names on globalThis and on the built-ins pdf.js's polyfills extend. */
function globalsNow(): string {
	return [globalThis, Set.prototype, Map.prototype, Promise, Uint8Array, Uint8Array.prototype, ArrayBuffer.prototype, Math].map((o) => Object.getOwnPropertyNames(o).sort().join(',')).join('\n');
}

test('a PDF read on its own thread: the in-process result, and this thread\'s globals untouched', async () => {
	const before = globalsNow();
	const apart = await readDocumentApart(bytes('own-borderless-xihu-rsj-2023-injected.pdf'), 'pdf', WORKER);
	assert.ok('rendering' in apart);
	assert.equal(globalsNow(), before);
	const encrypted = await readDocumentApart(bytes('own-encrypted.pdf'), 'pdf', WORKER);
	assert.equal('problem' in encrypted && encrypted.problem.code, 'document.encrypted');
	// Reading in this thread is what sets them (so the check above can fail).
	const here = await readDocument(bytes('own-borderless-xihu-rsj-2023-injected.pdf'), 'pdf');
	assert.notEqual(globalsNow(), before);
	assert.deepEqual(apart, here);
});

test('a document that takes too long stops its thread and gets one finding; the next is read on a new one', async () => {
	const r = await readDocumentApart(bytes('own-xihu-rsj-2023-injected.pdf'), 'pdf', { ...WORKER, maxMillis: 1 });
	assert.ok('problem' in r);
	assert.equal(r.problem.code, 'document.too-large');
	const [a, b] = await Promise.all(['own-xicheng-rsj-2023.docx', 'own-xicheng-rsj-2023.html'].map((n) => readDocumentApart(bytes(n), n.endsWith('.docx') ? 'docx' : 'html', WORKER)));
	assert.ok('rendering' in a && 'rendering' in b);
});

test('a worker script that is not there is one finding, not a throw', async () => {
	const r = await readDocumentApart(bytes('own-xihu-rsj-2023-injected.pdf'), 'pdf', { script: join(DIR, 'no-such-worker.js') });
	assert.ok('problem' in r);
	assert.equal(r.problem.code, 'document.unreadable');
});
