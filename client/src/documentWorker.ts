import { parentPort } from 'node:worker_threads';
import { readDocument, type DocumentFormat } from '../../server/src/core/read/documents/index.ts';

/**
 * The document readers on a thread of their own (bundled as dist/document-worker.js): pdf.js
 * and its polyfills set globals when they load (self, navigator, DOMMatrix, pdfjsLib, Promise,
 * Set and Uint8Array methods), and a worker thread's globals are its own, so the extension host
 * other extensions share never sees them. One document per message, the result posted back.
 */
parentPort?.on('message', async (m: { bytes: Uint8Array; format: DocumentFormat }) => {
	parentPort!.postMessage(await readDocument(m.bytes, m.format));
});
