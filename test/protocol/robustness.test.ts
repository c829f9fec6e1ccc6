import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, ResponseError, CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import type { DocumentSymbol, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { ensureBuilt, PULL_CAPABILITIES, range, SEED_FILES, seedText, seedUri, SERVER, start, withTimeout, type Session } from './harness.ts';

const SEED = seedText(SEED_FILES[0]);
const whole = range(0, 0, 1_000_000, 0);

/** Every read-only request a client sends for a document; each must answer (any answer). */
async function everything(s: Session, uri: string): Promise<void> {
	const doc = { textDocument: { uri } };
	await s.request('textDocument/diagnostic', doc);
	await s.request('textDocument/documentSymbol', doc);
	await s.request('textDocument/foldingRange', doc);
	await s.request('textDocument/codeLens', doc);
	await s.request('textDocument/inlayHint', { ...doc, range: whole });
	await s.request('textDocument/hover', { ...doc, position: { line: 0, character: 0 } });
	await s.request('textDocument/hover', { ...doc, position: { line: 5, character: 3 } });
	await s.request('textDocument/codeAction', { ...doc, range: range(0, 0, 0, 0), context: { diagnostics: [] } });
}

async function diagnostics(s: Session, uri: string) {
	return (await s.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })).items;
}

function garbage(n: number, seed = 1): string {
	let x = seed;
	let out = '';
	for (let i = 0; i < n; i++) {
		x = (x * 1103515245 + 12345) & 0x7fffffff;
		out += String.fromCharCode(x % 0xffff); // lone surrogates, NULs, controls and CJK alike
	}
	return out;
}

describe('bad input and load', () => {
	let s: Session;
	before(async () => {
		s = await start();
	});
	after(async () => s?.stop());

	it('survives a burst of 500 incremental edits and ends with the same answers as a fresh open', async () => {
		const uri = 'file:///burst.txt';
		await s.open(uri, SEED);
		for (let i = 0; i < 500; i++) {
			if (i % 2 === 0) await s.edit(uri, [{ range: range(93, 1, 93, 3), newText: String(60 + (i % 10)) }]);
			else await s.edit(uri, [{ range: range(2, 1, 2, 1), newText: i % 4 === 1 ? '字' : '' }]);
		}
		const fresh = 'file:///fresh.txt';
		await s.open(fresh, s.text(uri));
		const a = await diagnostics(s, uri);
		const b = await diagnostics(s, fresh);
		const strip = (d: typeof a) => d.map((x) => ({ ...x, relatedInformation: undefined, data: undefined }));
		assert.deepEqual(strip(a), strip(b));
		assert.ok(a.some((x) => x.code === 'balance.row-total'), 'the last edit left 69 in the total');
	});

	it('answers every request on empty text, binary garbage, a broken table and a report squashed onto one line', async () => {
		const cases: Record<string, string> = {
			empty: '',
			garbage: garbage(200_000),
			nul: '\0'.repeat(10_000),
			brokenTable: SEED.split('\n').slice(0, 200).join('\n'),
			halfRows: SEED.split('\n').filter((_, i) => i < 80 || i % 3 !== 0).join('\n'),
			squashed: SEED.replace(/\r?\n/g, ' '),
			crlf: SEED.replace(/\n/g, '\r\n'),
			lonely: '一、\n\t\n|\n（七）总计\n\t65',
		};
		for (const [name, text] of Object.entries(cases)) {
			const uri = `file:///${name}.txt`;
			await s.open(uri, text);
			await withTimeout(everything(s, uri), 5000).catch((e) => assert.fail(`${name}: ${e}`));
		}
		const squashed = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///squashed.txt' } });
		assert.ok(Array.isArray(squashed));
	});

	it('declines a 50 MB document at once, and a 5 MB single line, with one notice each', async () => {
		const big = SEED.repeat(Math.ceil(50_000_000 / Buffer.byteLength(SEED)));
		assert.ok(Buffer.byteLength(big) > 50_000_000);
		const t0 = Date.now();
		await s.open('file:///big.txt', big);
		const items = await withTimeout(diagnostics(s, 'file:///big.txt'), 20_000);
		assert.deepEqual(
			items.map((d) => [d.code, d.severity]),
			[['document.too-large', 3]],
		);
		assert.deepEqual(await s.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///big.txt' } }), []);
		await s.open('file:///line.txt', 'x|1|2 '.repeat(900_000));
		assert.equal((await diagnostics(s, 'file:///line.txt'))[0].code, 'document.too-large');
		assert.ok(Date.now() - t0 < 20_000);
		await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///big.txt' } });
	});

	it('checks a long single line under the limit within its budget', async () => {
		const line = SEED.replace(/\r?\n/g, ' ').repeat(200);
		assert.ok(line.length > 500_000 && line.length < 1_000_000);
		await s.open('file:///long-line.txt', line);
		const t0 = Date.now();
		await everything(s, 'file:///long-line.txt');
		assert.ok(Date.now() - t0 < 5000, `${Date.now() - t0} ms`);
	});

	it('a cancelled request answers RequestCancelled (or its result), and the next one is served', async () => {
		const uri = 'file:///cancel.txt';
		await s.open(uri, SEED.repeat(60));
		const source = new CancellationTokenSource();
		const pending = s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
		source.cancel();
		const outcome = await pending.then(
			(r) => ({ ok: Array.isArray(r) }),
			(e: ResponseError<unknown>) => ({ code: e.code }),
		);
		assert.ok('ok' in outcome ? outcome.ok : outcome.code === -32800, JSON.stringify(outcome));
		const symbols = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
		assert.ok(symbols.length >= 6);
	});

	it('a handler that throws is logged and answered with an empty result', async () => {
		const h = await s.request('textDocument/hover', { textDocument: { uri: 'file:///burst.txt' } });
		assert.equal(h, null);
		// (No deadline: the runner's --test-timeout bounds a wait that never ends, however slow the machine.)
		while (!s.logs.some((l) => l.includes('hover failed'))) await new Promise((r) => setTimeout(r, 10));
		assert.ok(s.logs.some((l) => l.includes('hover failed')), JSON.stringify(s.logs));
		assert.equal(await s.request('workspace/executeCommand', { command: 'nianbao.server.fixTable', arguments: ['file:///nowhere.txt', 99] }), null);
		assert.equal(await s.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.txt' }, position: { line: 0, character: 0 } }), null);
	});
});

describe('workspace diagnostics', () => {
	let s: Session;
	before(async () => {
		s = await start({ workspaceFolders: [seedUri('').replace(/\/$/, '')] });
	});
	after(async () => s?.stop());

	it('reports the open documents and every report file of the folder, with progress', async () => {
		const open = seedUri(SEED_FILES[0]);
		await s.open(open, SEED.replace('\t65\n', '\t66\n'));
		const report = await s.request<{ items: Array<{ uri: string; version: number | null; kind: string; resultId: string; items?: Array<{ code: string }> }> }>('workspace/diagnostic', { previousResultIds: [], workDoneToken: 'w1' });
		assert.deepEqual(report.items.map((i) => i.uri).sort(), SEED_FILES.map(seedUri).sort());
		const first = report.items.find((i) => i.uri === open)!;
		assert.equal(first.version, 1);
		assert.ok(first.items!.some((d) => d.code === 'balance.row-total'), 'the open (edited) text, not the file');
		const disk = report.items.find((i) => i.uri === seedUri(SEED_FILES[2]))!;
		assert.equal(disk.version, null);
		assert.ok(disk.items!.some((d) => d.code === 'section.missing'));
		const kinds = s.progress.filter((p) => (p as { token: string }).token === 'w1').map((p) => (p as { value: { kind: string } }).value.kind);
		assert.equal(kinds[0], 'begin');
		assert.equal(kinds.at(-1), 'end');
		const again = await s.request<typeof report>('workspace/diagnostic', { previousResultIds: report.items.map((i) => ({ uri: i.uri, value: i.resultId })) });
		assert.ok(again.items.every((i) => i.kind === 'unchanged'), JSON.stringify(again.items.map((i) => i.kind)));
	});
});

describe('lifecycle', () => {
	it('exits with 0 after shutdown and exit', async () => {
		const s = await start();
		assert.equal(await s.stop(), 0);
	});

	it('exits with 1 on exit without shutdown', async () => {
		const s = await start();
		try {
			await s.conn.sendNotification('exit');
			assert.equal(await withTimeout(s.exited(), 3000), 1);
		} finally {
			s.kill();
		}
	});

	it('exits when the editor process named by --clientProcessId dies', async () => {
		const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
		const s = await start({ args: [`--clientProcessId=${parent.pid}`], processId: null });
		try {
			parent.kill('SIGKILL');
			const code = await withTimeout(s.exited(), 6000);
			assert.equal(code, 1);
		} finally {
			parent.kill('SIGKILL');
			s.kill();
		}
	});

	it('also speaks over node IPC (--node-ipc), as VS Code starts it', async () => {
		ensureBuilt();
		const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
		const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
		conn.listen();
		try {
			const init = await withTimeout(conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: PULL_CAPABILITIES }), 5000);
			assert.ok((init as { capabilities: { documentSymbolProvider?: unknown } }).capabilities.documentSymbolProvider);
			await conn.sendNotification('initialized', {});
			await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///ipc.txt', languageId: 'nianbao', version: 1, text: SEED } });
			const symbols = await conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///ipc.txt' } });
			assert.equal(symbols.length, 6);
			await conn.sendRequest('shutdown');
			await conn.sendNotification('exit');
			const code = await withTimeout(new Promise((r) => child.once('exit', r)), 3000);
			assert.equal(code, 0);
		} finally {
			conn.dispose();
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	});
});
