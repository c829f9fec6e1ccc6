// Starts the bundled server (dist/server.js --stdio) as a child process and talks to it over a
// real JSON-RPC connection, as an editor would. Not a test file: the *.test.ts files use it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	createProtocolConnection,
	StreamMessageReader,
	StreamMessageWriter,
	type ClientCapabilities,
	type ProtocolConnection,
	type PublishDiagnosticsParams,
	type TextEdit,
	type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = join(__dirname, '..', '..');
/** NIANBAO_TEST_SERVER runs the suites against another build (e.g. an older commit's, to see a test fail). */
export const SERVER = process.env.NIANBAO_TEST_SERVER ?? join(ROOT, 'dist', 'server.js');
export const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');
export const SEED_FILES = ['000_64647beae46556e6.txt', '001_2c73ece5a30f6368.txt', '002_80c9c3334538e3f2.txt', '003_6d0cd6ca3bfdf8d5.txt', '004_9106e2caa941d205.txt'];

export function seedText(name: string): string {
	return readFileSync(join(SEEDS, name), 'utf8');
}

export function seedUri(name: string): string {
	return pathToFileURL(join(SEEDS, name)).toString();
}

/** `npm test` builds first; a single test file run by hand builds the bundle if it is missing. */
export function ensureBuilt(): void {
	if (!existsSync(SERVER)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

export const PULL_CAPABILITIES: ClientCapabilities = {
	textDocument: {
		diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
		hover: { contentFormat: ['markdown', 'plaintext'] },
		codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
		documentSymbol: { hierarchicalDocumentSymbolSupport: true },
		inlayHint: {},
	},
	workspace: {
		configuration: true,
		workspaceEdit: { documentChanges: true },
		diagnostics: { refreshSupport: true },
		inlayHint: { refreshSupport: true },
		codeLens: { refreshSupport: true },
		didChangeConfiguration: { dynamicRegistration: true },
	},
	window: { workDoneProgress: true },
};

/** A client that only takes pushed diagnostics and plain `changes` edits (e.g. an older editor). */
export const PUSH_CAPABILITIES: ClientCapabilities = {
	textDocument: { hover: { contentFormat: ['markdown'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } },
	workspace: {},
};

export interface StartOptions {
	capabilities?: ClientCapabilities;
	locale?: string;
	settings?: Record<string, unknown>;
	workspaceFolders?: string[];
	args?: string[];
	processId?: number | null;
	/** Options for node itself (before the script), e.g. `--expose-gc`. */
	nodeArgs?: string[];
	env?: Record<string, string>;
}

export class Session {
	readonly published: PublishDiagnosticsParams[] = [];
	readonly applied: WorkspaceEdit[] = [];
	readonly refreshes: string[] = [];
	readonly logs: string[] = [];
	readonly progress: unknown[] = [];
	/** The server's stderr, line by line. */
	readonly stderr: string[] = [];
	private stderrWaiters: Array<() => void> = [];
	private refreshWaiters: Array<() => void> = [];
	settings: Record<string, unknown>;
	private readonly docs = new Map<string, TextDocument>();
	private exitCode: Promise<number | null>;

	constructor(
		readonly proc: ChildProcess,
		readonly conn: ProtocolConnection,
		settings: Record<string, unknown>,
	) {
		this.settings = settings;
		this.exitCode = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
		let partial = '';
		proc.stderr!.setEncoding('utf8');
		proc.stderr!.on('data', (chunk: string) => {
			const lines = (partial + chunk).split('\n');
			partial = lines.pop()!;
			this.stderr.push(...lines);
			for (const w of this.stderrWaiters.splice(0)) w();
		});
		conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void this.published.push(p));
		conn.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
		conn.onNotification('$/progress', (p: unknown) => void this.progress.push(p));
		conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
		conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
			this.applied.push(p.edit);
			return { applied: true };
		});
		conn.onRequest('client/registerCapability', () => null);
		conn.onRequest('window/workDoneProgress/create', () => null);
		for (const m of ['workspace/diagnostic/refresh', 'workspace/inlayHint/refresh', 'workspace/codeLens/refresh'])
			conn.onRequest(m, () => {
				this.refreshes.push(m);
				for (const w of this.refreshWaiters.splice(0)) w();
				return null;
			});
	}

	/** Resolves once the server has asked for each of these refreshes since `refreshes` was last emptied (no deadline: the runner's --test-timeout bounds a wait that never ends). */
	async refreshed(...methods: string[]): Promise<void> {
		while (!methods.every((m) => this.refreshes.includes(m))) await new Promise<void>((resolve) => this.refreshWaiters.push(resolve));
	}

	text(uri: string): string {
		return this.docs.get(uri)!.getText();
	}

	version(uri: string): number {
		return this.docs.get(uri)!.version;
	}

	async open(uri: string, text: string): Promise<void> {
		this.docs.set(uri, TextDocument.create(uri, 'nianbao', 1, text));
		await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text } });
	}

	/** Sends edits as an incremental change, and keeps the client's copy in step. */
	async edit(uri: string, edits: TextEdit[]): Promise<void> {
		const doc = this.docs.get(uri)!;
		const version = doc.version + 1;
		const text = TextDocument.applyEdits(doc, edits);
		// Incremental changes are applied in order, so each range must be in the text the previous one left.
		const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
		this.docs.set(uri, TextDocument.create(uri, 'nianbao', version, text));
		await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })) });
	}

	async replaceAll(uri: string, text: string): Promise<void> {
		const doc = this.docs.get(uri)!;
		const version = doc.version + 1;
		this.docs.set(uri, TextDocument.create(uri, 'nianbao', version, text));
		await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
	}

	/** Applies a WorkspaceEdit from the server to the client's copy (rejecting one for another version). */
	async apply(edit: WorkspaceEdit): Promise<void> {
		if (edit.documentChanges) {
			for (const change of edit.documentChanges) {
				if (!('textDocument' in change)) throw new Error('unexpected resource operation');
				const { uri, version } = change.textDocument;
				if (version !== null && version !== this.version(uri)) throw new Error(`edit for version ${version}, document is at ${this.version(uri)}`);
				await this.edit(uri, change.edits as TextEdit[]);
			}
		}
		for (const [uri, edits] of Object.entries(edit.changes ?? {})) await this.edit(uri, edits);
	}

	request<R>(method: string, params: unknown): Promise<R> {
		return this.conn.sendRequest(method, params) as Promise<R>;
	}

	/** Resolves once a publishDiagnostics for this uri (and version, if given) arrives. */
	async waitForPublish(uri: string, version?: number, timeoutMs = 3000): Promise<PublishDiagnosticsParams> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const hit = [...this.published].reverse().find((p) => p.uri === uri && (version === undefined || p.version === version));
			if (hit) return hit;
			if (Date.now() > deadline) throw new Error(`no diagnostics published for ${uri} v${version}`);
			await new Promise((r) => setTimeout(r, 20));
		}
	}

	/** Resolves with the first stderr line from index `from` on that matches. */
	async stderrLine(match: RegExp, from = 0, timeoutMs = 60_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const hit = this.stderr.slice(from).find((l) => match.test(l));
			if (hit !== undefined) return hit;
			if (Date.now() > deadline || this.proc.exitCode !== null) throw new Error(`no stderr line matching ${match}`);
			await new Promise<void>((r) => {
				const t = setTimeout(r, 200);
				this.stderrWaiters.push(() => (clearTimeout(t), r()));
			});
		}
	}

	exited(): Promise<number | null> {
		return this.exitCode;
	}

	/** shutdown + exit, and the process is gone whatever happens. */
	async stop(): Promise<number | null> {
		try {
			if (this.proc.exitCode === null) {
				await withTimeout(this.conn.sendRequest('shutdown'), 2000);
				await this.conn.sendNotification('exit');
			}
			return await withTimeout(this.exitCode, 2000);
		} finally {
			this.kill();
		}
	}

	kill(): void {
		this.conn.dispose();
		if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
	}
}

export async function start(options: StartOptions = {}): Promise<Session> {
	ensureBuilt();
	const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio', ...(options.args ?? [])], {
		stdio: ['pipe', 'pipe', 'pipe'],
		env: options.env ? { ...process.env, ...options.env } : process.env,
	});
	const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
	// Writes after the server has gone (e.g. in the exit test) must not crash the test process.
	proc.stdin!.on('error', () => {});
	const session = new Session(proc, conn, options.settings ?? {});
	conn.listen();
	try {
		await conn.sendRequest('initialize', {
			processId: options.processId === undefined ? process.pid : options.processId,
			rootUri: null,
			locale: options.locale ?? 'zh-cn',
			capabilities: options.capabilities ?? PULL_CAPABILITIES,
			workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
		});
		await conn.sendNotification('initialized', {});
	} catch (e) {
		session.kill();
		throw e;
	}
	return session;
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
	return new Promise((resolve, reject) => {
		const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
		p.then(
			(v) => (clearTimeout(t), resolve(v)),
			(e) => (clearTimeout(t), reject(e)),
		);
	});
}

export function range(line: number, start: number, endLine: number, end: number) {
	return { start: { line, character: start }, end: { line: endLine, character: end } };
}
