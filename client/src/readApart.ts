import { Worker } from 'node:worker_threads';
import type { DocumentFormat, DocumentResult } from '../../server/src/core/read/documents/index.ts';

export interface ApartOptions {
	/** The worker script (dist/document-worker.js beside the extension's bundle). */
	script: string;
	/** Time one document may take before its thread is stopped. */
	maxMillis?: number;
	/** Heap the thread may use before it is stopped. */
	maxMemoryMb?: number;
	/** How long an idle thread waits for the next document before it ends. */
	idleMillis?: number;
}

const tooLarge = (zh: string, en: string): DocumentResult => ({ problem: { code: 'document.too-large', message: { zh, en } } });
const unreadable = (zh: string, en: string): DocumentResult => ({ problem: { code: 'document.unreadable', message: { zh, en } } });

/** The thread documents are read on: started on the first, kept for the next, ended when idle or when a read goes wrong. */
let thread: { worker: Worker; script: string; idle?: ReturnType<typeof setTimeout>; pending?: (r: DocumentResult) => void } | undefined;
/** Reads go one at a time: a read that is stopped ends the thread without taking another with it. */
let queue: Promise<unknown> = Promise.resolve();

function end(t: NonNullable<typeof thread>): void {
	if (thread === t) thread = undefined;
	clearTimeout(t.idle);
	void t.worker.terminate();
}

function start(script: string, maxMemoryMb: number): NonNullable<typeof thread> {
	const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb }, stdout: true, stderr: true });
	// What the readers print (pdf.js's warnings) is read and dropped; an idle thread keeps no process alive.
	worker.stdout.resume();
	worker.stderr.resume();
	worker.unref();
	const t: NonNullable<typeof thread> = { worker, script };
	worker.on('message', (r: DocumentResult) => t.pending?.(r));
	worker.on('error', (e: Error & { code?: string }) =>
		t.pending?.(
			e.code === 'ERR_WORKER_OUT_OF_MEMORY'
				? tooLarge(`读取文档所需内存超过 ${maxMemoryMb} MB，已停止`, `reading the document needed more than ${maxMemoryMb} MB; stopped`)
				: unreadable(`文档读取失败（${e.message}）`, `the document could not be read (${e.message})`),
		),
	);
	worker.on('exit', (code) => {
		if (thread === t) thread = undefined;
		t.pending?.(unreadable(`文档读取线程意外结束（${code}）`, `the reader's thread ended unexpectedly (${code})`));
	});
	return t;
}

/**
 * Reads a document on a worker thread, not on the caller's: whatever the readers' libraries set
 * on globalThis (pdf.js: self, navigator, DOMMatrix, pdfjsLib, methods of Promise, Set and
 * Uint8Array) stays in that thread, and a document that takes too long or too much memory stops
 * the thread, not the process. One finding for any fault, never a throw.
 */
export function readDocumentApart(bytes: Uint8Array, format: DocumentFormat, options: ApartOptions): Promise<DocumentResult> {
	const run = queue.then(() => readOne(bytes, format, options));
	queue = run.catch(() => undefined);
	return run;
}

function readOne(bytes: Uint8Array, format: DocumentFormat, options: ApartOptions): Promise<DocumentResult> {
	const maxMillis = options.maxMillis ?? 60_000;
	const maxMemoryMb = options.maxMemoryMb ?? 1024;
	return new Promise((resolve) => {
		if (thread && thread.script !== options.script) end(thread);
		let t: NonNullable<typeof thread>;
		try {
			t = thread ?? start(options.script, maxMemoryMb);
		} catch (e) {
			resolve(unreadable(`无法启动文档读取线程（${(e as Error).message}）`, `the reader's thread could not start (${(e as Error).message})`));
			return;
		}
		thread = t;
		clearTimeout(t.idle);
		const timer = setTimeout(() => {
			end(t);
			finish(tooLarge(`读取文档超过 ${Math.round(maxMillis / 1000)} 秒，已停止`, `reading the document took over ${Math.round(maxMillis / 1000)} s; stopped`));
		}, maxMillis);
		const finish = (r: DocumentResult) => {
			clearTimeout(timer);
			t.pending = undefined;
			if (thread === t) {
				t.idle = setTimeout(() => end(t), options.idleMillis ?? 30_000);
				t.idle.unref();
			}
			resolve(r);
		};
		t.pending = finish;
		// The bytes are copied for the thread, so the caller's stay the caller's.
		t.worker.postMessage({ bytes: new Uint8Array(bytes), format });
	});
}
