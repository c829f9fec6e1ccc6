import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
	createProtocolConnection,
	DidChangeTextDocumentNotification,
	DidOpenTextDocumentNotification,
	DocumentDiagnosticRequest,
	DocumentSymbolRequest,
	CodeActionRequest,
	HoverRequest,
	InitializedNotification,
	InitializeRequest,
	ShutdownRequest,
	ExitNotification,
	StreamMessageReader,
	StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { parseReport } from '../server/src/core/index.ts';

/**
 * Drives the bundled server over stdio like an editor: opens a document, makes one-character
 * edits, and times, after each, a pull of diagnostics for that version (so no debounce is
 * counted), and document symbols, code actions and hover requests.
 */
export async function serverLatency(serverPath: string, text: string, edits: number, extraDocs: string[] = []): Promise<{ latencies: Record<string, number[]>; rssBytes?: number }> {
	const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
	const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
	conn.listen();
	try {
		await conn.sendRequest(InitializeRequest.type, {
			processId: process.pid,
			rootUri: null,
			locale: 'zh-cn',
			capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: {}, documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
		});
		await conn.sendNotification(InitializedNotification.type, {});
		const uri = 'file:///bench/report.txt';
		// An editor pulls a document's diagnostics as it opens it, so edits follow a first parse; that
		// first parse (the code not yet compiled by V8's optimiser) is timed apart.
		const t0 = performance.now();
		await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'nianbao', version: 1, text } });
		await conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
		const openMs = performance.now() - t0;
		for (const [i, doc] of extraDocs.entries()) {
			await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: `file:///bench/open-${i}.txt`, languageId: 'nianbao', version: 1, text: doc } });
			await conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: `file:///bench/open-${i}.txt` } });
		}
		const model = parseReport(text);
		const cell = model.tables.flatMap((t) => t.rows.flatMap((r) => [...r.cells.values()])).find((c) => c.value.kind === 'number')!;
		const latencies: Record<string, number[]> = { 'didOpen → diagnostics': [openMs], 'didChange → diagnostics of that version': [], documentSymbol: [], codeAction: [], hover: [] };
		const time = async (name: string, f: () => Promise<unknown>) => {
			const t0 = performance.now();
			await f();
			latencies[name].push(performance.now() - t0);
		};
		let current = cell.text;
		for (let v = 2; v < edits + 2; v++) {
			current = current === cell.text ? String((cell.value.value ?? 0) + 1) : cell.text;
			await time('didChange → diagnostics of that version', async () => {
				await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range: cell.range, text: current }] });
				await conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
			});
			cell.range = { start: cell.range.start, end: { line: cell.range.start.line, character: cell.range.start.character + current.length } };
			await time('documentSymbol', () => conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
			await time('codeAction', () => conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: cell.range, context: { diagnostics: [] } }));
			await time('hover', () => conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: cell.range.start }));
		}
		const rssBytes = readRss(child.pid!);
		await conn.sendRequest(ShutdownRequest.type);
		await conn.sendNotification(ExitNotification.type);
		return { latencies, rssBytes };
	} finally {
		conn.dispose();
		child.kill();
	}
}

function readRss(pid: number): number | undefined {
	try {
		const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Memory over many edits: one document edited `edits` times (a cell changed back and forth,
 * diagnostics pulled after each), the server's resident memory read every `every` edits. Flat
 * means the last samples are no higher than the first after warm-up.
 */
export async function serverEditMemory(serverPath: string, text: string, edits: number, every: number): Promise<number[]> {
	const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
	const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
	conn.listen();
	try {
		await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, locale: 'zh-cn', capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
		await conn.sendNotification(InitializedNotification.type, {});
		const uri = 'file:///bench/edited.txt';
		await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'nianbao', version: 1, text } });
		const cell = parseReport(text).tables.flatMap((t) => t.rows.flatMap((r) => [...r.cells.values()])).find((c) => c.value.kind === 'number')!;
		const samples: number[] = [];
		let current = cell.text;
		for (let v = 2; v < edits + 2; v++) {
			const next = current === cell.text ? String((cell.value.value ?? 0) + 1) : cell.text;
			const range = { start: cell.range.start, end: { line: cell.range.start.line, character: cell.range.start.character + current.length } };
			await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range, text: next }] });
			await conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
			current = next;
			if ((v - 1) % every === 0) samples.push(readRss(child.pid!) ?? NaN);
		}
		await conn.sendRequest(ShutdownRequest.type);
		await conn.sendNotification(ExitNotification.type);
		return samples;
	} finally {
		conn.dispose();
		child.kill();
	}
}
