// The base protocol and the LSP lifecycle, byte for byte: frames written by hand to the server's
// stdin, every message it writes read back from its stdout.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-languageserver-protocol/node';
import { ensureBuilt, PULL_CAPABILITIES, seedText, SERVER, withTimeout } from './harness.ts';
import { socketTransport } from '../../server/src/lsp/transport.ts';

const SEED = seedText('000_64647beae46556e6.txt');

interface Response {
	id?: number | string | null;
	method?: string;
	result?: unknown;
	error?: { code: number; message: string };
	params?: { message?: string };
}

/** The server on stdio, with nothing sent yet: raw frames in, parsed messages out. */
class Raw {
	readonly proc: ChildProcess;
	readonly received: Response[] = [];
	readonly stderr: string[] = [];
	private waiters: Array<() => void> = [];
	private readonly exit: Promise<number | null>;

	constructor() {
		ensureBuilt();
		this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
		this.exit = new Promise((r) => this.proc.once('exit', (code) => r(code)));
		this.proc.stdin!.on('error', () => {});
		this.proc.stderr!.setEncoding('utf8');
		this.proc.stderr!.on('data', (d: string) => void this.stderr.push(d));
		new StreamMessageReader(this.proc.stdout!).listen((m: Message) => {
			this.received.push(m as Response);
			for (const w of this.waiters.splice(0)) w();
		});
	}

	bytes(b: string | Buffer): void {
		this.proc.stdin!.write(b);
	}

	send(message: object): void {
		const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
		this.bytes(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
	}

	/** The first message received that matches, waiting for it (bounded, to fail rather than hang). */
	async next(match: (m: Response) => boolean, timeoutMs = 30_000): Promise<Response> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const hit = this.received.find(match);
			if (hit) return hit;
			if (Date.now() > deadline) throw new Error(`no such message; received ${JSON.stringify(this.received).slice(0, 500)}`);
			await new Promise<void>((r) => {
				const t = setTimeout(r, 200);
				this.waiters.push(() => (clearTimeout(t), r()));
			});
		}
	}

	reply(id: number): Promise<Response> {
		return this.next((m) => m.id === id && m.method === undefined);
	}

	async initialize(id = 1): Promise<void> {
		this.send({ id, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: PULL_CAPABILITIES } });
		assert.ok((await this.reply(id)).result);
		// The server asks the client for settings after `initialized`; answer like an editor.
		this.send({ method: 'initialized', params: {} });
	}

	exited(timeoutMs = 30_000): Promise<number | null> {
		return withTimeout(this.exit, timeoutMs);
	}

	kill(): void {
		if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
	}
}

async function withRaw(body: (r: Raw) => Promise<void>): Promise<void> {
	const r = new Raw();
	try {
		await body(r);
	} finally {
		r.kill();
	}
}

describe('malformed frames', () => {
	const broken: Record<string, string> = {
		'no Content-Length': 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"shutdown"}',
		'Content-Length: abc': 'Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"shutdown"}',
		'Content-Length: -5': 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"shutdown"}',
		'LF-only lines': 'Content-Length: 44\n\n{"jsonrpc":"2.0","id":9,"method":"shutdown"}',
		'a body with no header': '{"jsonrpc":"2.0","id":9,"method":"shutdown"}',
	};
	for (const [name, bytes] of Object.entries(broken)) {
		it(`${name}: the server logs that the stream is out of step and exits non-zero`, () =>
			withRaw(async (r) => {
				await r.initialize();
				r.bytes(bytes);
				const log = await r.next((m) => m.method === 'window/logMessage' && /out of step/.test(m.params?.message ?? ''));
				assert.match(log.params!.message!, /nianbao/);
				assert.equal(await r.exited(), 1);
				assert.match(r.stderr.join(''), /out of step/);
			}));
	}

	it('a well-framed body that is not JSON answers −32700, and the next request is served', () =>
		withRaw(async (r) => {
			await r.initialize();
			const body = '{"jsonrpc":"2.0","id":2,"method":';
			r.bytes(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
			const parseError = await r.next((m) => m.error?.code === -32700);
			assert.equal(parseError.id, null);
			r.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.txt', languageId: 'nianbao', version: 1, text: SEED } } });
			r.send({ id: 3, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///a.txt' } } });
			assert.equal(((await r.reply(3)).result as unknown[]).length, 6);
			r.send({ id: 4, method: 'shutdown' });
			await r.reply(4);
			r.send({ method: 'exit' });
			assert.equal(await r.exited(), 0);
		}));

	it('a frame split anywhere, even inside a multi-byte character, reads whole', () =>
		withRaw(async (r) => {
			await r.initialize();
			const open = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///s.txt', languageId: 'nianbao', version: 1, text: SEED } } }), 'utf8');
			const req = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///s.txt' } } }), 'utf8');
			const all = Buffer.concat([Buffer.from(`Content-Length: ${open.length}\r\n\r\n`), open, Buffer.from(`content-length: ${req.length}\r\n\r\n`), req]);
			for (let i = 0; i < all.length; i += 7) r.bytes(all.subarray(i, i + 7));
			assert.equal(((await r.reply(5)).result as unknown[]).length, 6);
		}));
});

describe('lifecycle', () => {
	it('before initialize a request answers ServerNotInitialized and notifications are dropped; then initialize works', () =>
		withRaw(async (r) => {
			r.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///early.txt', languageId: 'nianbao', version: 1, text: SEED } } });
			r.send({ id: 1, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///early.txt' }, position: { line: 0, character: 0 } } });
			r.send({ id: 2, method: 'no/such/method', params: {} });
			assert.equal((await r.reply(1)).error?.code, -32002);
			assert.equal((await r.reply(2)).error?.code, -32002);
			await r.initialize(3);
			r.send({ id: 4, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///early.txt' } } });
			assert.deepEqual((await r.reply(4)).result, [], 'the didOpen before initialize was dropped');
		}));

	it('a second initialize is refused with InvalidRequest', () =>
		withRaw(async (r) => {
			await r.initialize(1);
			r.send({ id: 2, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
			assert.equal((await r.reply(2)).error?.code, -32600);
		}));

	it('after shutdown requests answer InvalidRequest, and exit ends with 0', () =>
		withRaw(async (r) => {
			await r.initialize(1);
			r.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.txt', languageId: 'nianbao', version: 1, text: SEED } } });
			r.send({ id: 2, method: 'shutdown' });
			assert.equal((await r.reply(2)).result, null);
			r.send({ id: 3, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///a.txt' } } });
			r.send({ id: 4, method: 'shutdown' });
			assert.equal((await r.reply(3)).error?.code, -32600);
			assert.equal((await r.reply(4)).error?.code, -32600);
			r.send({ method: 'exit' });
			assert.equal(await r.exited(), 0);
		}));

	it('JSON that is not JSON-RPC answers InvalidRequest', () =>
		withRaw(async (r) => {
			await r.initialize(1);
			r.send({ id: 7 });
			assert.equal((await r.reply(7)).error?.code, -32600);
		}));

	it('an unknown command is an error, not null', () =>
		withRaw(async (r) => {
			await r.initialize(1);
			r.send({ id: 2, method: 'workspace/executeCommand', params: { command: 'nianbao.server.noSuchThing', arguments: ['file:///a.txt'] } });
			const reply = await r.reply(2);
			assert.ok(reply.error, JSON.stringify(reply));
			assert.match(reply.error.message, /noSuchThing/);
		}));
});

// A socket or stream of these tests has been seen, rarely, to keep this file's process alive after
// every test had ended, which holds the whole run (the test runner waits for the file's process):
// once all have reported, the process ends within a few seconds, with the runner's exit status.
after(() => void setTimeout(() => process.exit(), 3000).unref());

describe('--socket', () => {
	it('the server sets no-delay on its socket (responses are not held back by Nagle’s algorithm)', async () => {
		const server = createServer();
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const port = (server.address() as { port: number }).port;
		const accepted = new Promise<Socket>((r) => server.once('connection', r));
		const { connect } = await import('node:net');
		const socket = connect(port, '127.0.0.1');
		const calls: unknown[] = [];
		const original = socket.setNoDelay.bind(socket);
		socket.setNoDelay = (v?: boolean) => (calls.push(v), original(v));
		socketTransport(socket);
		(await accepted).destroy();
		socket.destroy();
		server.close();
		assert.deepEqual(calls, [true]);
	});

	it('speaks LSP over --socket=PORT', async () => {
		ensureBuilt();
		const server = createServer();
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const port = (server.address() as { port: number }).port;
		const accepted = new Promise<Socket>((r) => server.once('connection', r));
		const proc = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: 'ignore' });
		try {
			const socket = await withTimeout(accepted, 10_000);
			const conn = createProtocolConnection(new StreamMessageReader(socket), new StreamMessageWriter(socket));
			conn.listen();
			await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: PULL_CAPABILITIES });
			await conn.sendNotification('initialized', {});
			await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///sock.txt', languageId: 'nianbao', version: 1, text: SEED } });
			const symbols = await conn.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///sock.txt' } });
			assert.equal(symbols.length, 6);
			await conn.sendRequest('shutdown');
			await conn.sendNotification('exit');
			const code = await withTimeout(new Promise((r) => proc.once('exit', r)), 5000);
			assert.equal(code, 0);
			conn.dispose();
			socket.destroy();
		} finally {
			if (proc.exitCode === null) proc.kill('SIGKILL');
			server.close();
		}
	});
});
