/**
 * The nianbao language server: LSP in, the core's answers out. Start it with
 * `node dist/server.js --stdio` (or `--node-ipc`, as VS Code does). This file only wires
 * requests to the feature modules; each of those reads the one cached analysis of a document.
 */
import {
	CodeActionKind,
	CodeLensRefreshRequest,
	createConnection,
	DidChangeConfigurationNotification,
	ErrorCodes,
	LogMessageNotification,
	MessageType,
	ProposedFeatures,
	ResponseError,
	TextDocumentSyncKind,
	type ClientCapabilities,
	type InitializeResult,
	type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { fixAllEdits, type Lang } from '../core/index.ts';
import { tableFixEdits } from '../core/features/index.ts';
import { formatTableEdits } from '../core/features/format.ts';
import { previewModel } from '../core/features/preview.ts';
import { DEFAULT_SETTINGS, PREVIEW_REQUEST, ServerCommands, type NianbaoSettings } from '../protocol.ts';
import { codeActions, editBuilder, FIX_ALL_KIND, type EditBuilder } from './codeActions.ts';
import { codeLenses } from './codeLens.ts';
import { APPLY_EDIT_COMMAND, asCommands, editArgument } from './commands.ts';
import { DiagnosticsPublisher, documentReport, visibleFindings } from './diagnostics.ts';
import { DocumentStore } from './documents.ts';
import { hover } from './hover.ts';
import { inlayHints } from './inlayHints.ts';
import { LifecycleGate } from './lifecycle.ts';
import { guard, guardNotification } from './safe.ts';
import { normalizeSettings, resolveLang } from './settings.ts';
import { documentSymbols, foldingRanges } from './symbols.ts';
import { transportFromArgs } from './transport.ts';
import { WorkspaceChecker } from './workspace.ts';
import { YearIndex, type OpenDocuments } from './yearIndex.ts';
import type { Analysis } from './analysis.ts';

const transport = transportFromArgs(process.argv.slice(2));
const gate = new LifecycleGate(transport.reader, transport.writer);
const connection = createConnection(ProposedFeatures.all, gate, transport.writer);
// On stdio, stdout is the protocol: a stray console.log from a dependency must go to stderr.
if (transport.stdio) console.log = console.info = console.debug = console.warn = console.error;
transport.framed?.onDesync((reason) => {
	const message = `nianbao: the message stream is out of step (${reason}); nothing after it can be read, so the server stops and the client may start a new one.`;
	process.stderr.write(message + '\n');
	// The log line goes out first (the writer still works); if the client does not read it, the server stops anyway.
	setTimeout(() => process.exit(1), 2000).unref();
	void connection.sendNotification(LogMessageNotification.type, { type: MessageType.Error, message }).finally(() => process.exit(1));
});
transport.framed?.onUnparsable((reason) => gate.reject(null, ErrorCodes.ParseError, `Parse error: ${reason}`));
gate.onClose(() => process.exit(gate.shutdownReceived ? 0 : 1));

let settings: NianbaoSettings = DEFAULT_SETTINGS;
/** Bumped on every settings change: part of every diagnostic result id. */
let settingsEpoch = 0;
let locale: string | undefined;
let caps: ClientCapabilities = {};
let pull = false;
let markdown = true;
let buildEdit: EditBuilder = editBuilder(false);
/** Whether the client takes CodeAction objects; if not, it is sent Commands. */
let literalActions = false;
let folders: string[] = [];
/** Requests wait for the first settings, so the first diagnostics already honour `nianbao.rules`. */
let settingsLoaded: Promise<void> = Promise.resolve();

const KNOWN_COMMANDS: ReadonlySet<string> = new Set([ServerCommands.fixAll, ServerCommands.fixTable, ServerCommands.formatTables, APPLY_EDIT_COMMAND]);

const lang = (): Lang => resolveLang(settings, locale);
const resultKey = () => `${settingsEpoch}:${lang()}`;
const store = new DocumentStore(() => settings, (uri, version, ms) => connection.tracer.log(`nianbao: parsed ${uri} v${version} in ${ms.toFixed(1)} ms`));
const years = new YearIndex(() => refreshDiagnostics());
/** The open reports, for pairing a report with last year's: parsed only if they may be that. */
const openDocuments: OpenDocuments = {
	list: () => store.all().map((d) => ({ uri: d.uri, version: d.version, text: () => d.getText() })),
	model: (uri) => store.analysis(uri)?.model,
};
const yearFindings = (uri: string, analysis: Analysis) => years.findings(uri, analysis.model, openDocuments, lang());
const publisher = new DiagnosticsPublisher(connection, store, lang, () => settings, (uri, analysis) => yearFindings(uri, analysis).findings);
const workspace = new WorkspaceChecker(store, () => folders, yearFindings);

/** Asks for diagnostics again: settings changed, or other reports (last year's) appeared. */
function refreshDiagnostics(): void {
	if (pull) {
		if (caps.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
	} else publisher.scheduleAll();
}

connection.onInitialize((params): InitializeResult => {
	caps = params.capabilities;
	const init = (params.initializationOptions ?? {}) as { settings?: unknown; locale?: unknown };
	locale = typeof init.locale === 'string' ? init.locale : params.locale;
	settings = normalizeSettings(init.settings);
	pull = !!caps.textDocument?.diagnostic;
	markdown = caps.textDocument?.hover?.contentFormat?.includes('markdown') ?? true;
	buildEdit = editBuilder(!!caps.workspace?.workspaceEdit?.documentChanges);
	folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
	literalActions = !!caps.textDocument?.codeAction?.codeActionLiteralSupport;
	return {
		capabilities: {
			textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
			documentSymbolProvider: { label: 'nianbao' },
			foldingRangeProvider: true,
			hoverProvider: true,
			inlayHintProvider: true,
			codeLensProvider: { resolveProvider: false },
			documentFormattingProvider: true,
			documentRangeFormattingProvider: true,
			codeActionProvider: literalActions ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true,
			executeCommandProvider: { commands: [...KNOWN_COMMANDS] },
			// Inter-file: a report's 上年结转 is checked against last year's report when that is open too.
			diagnosticProvider: pull ? { identifier: 'nianbao', interFileDependencies: true, workspaceDiagnostics: true } : undefined,
			workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
		},
		serverInfo: { name: 'nianbao', version: '0.1.0' },
	};
});

connection.onInitialized(() => {
	if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
	if (caps.workspace?.workspaceFolders) {
		connection.workspace.onDidChangeWorkspaceFolders((e) => {
			const removed = new Set(e.removed.map((f) => f.uri));
			folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
		});
	}
	settingsLoaded = loadSettings(undefined);
});

/** Reads `nianbao` settings: asked of the client when it can answer, else taken from the notification. */
async function loadSettings(pushed: unknown): Promise<void> {
	let raw: unknown = pushed;
	if (caps.workspace?.configuration) {
		try {
			raw = await withTimeout(connection.workspace.getConfiguration({ section: 'nianbao' }), 3000);
		} catch (e) {
			connection.console.warn(`nianbao: could not read settings: ${e instanceof Error ? e.message : String(e)}`);
			return;
		}
	}
	if (raw === undefined) return;
	settings = normalizeSettings(raw);
	settingsEpoch++;
}

connection.onDidChangeConfiguration(
	guardNotification(connection, 'didChangeConfiguration', async (params) => {
		const pushed = (params.settings as { nianbao?: unknown } | null | undefined)?.nianbao;
		settingsLoaded = loadSettings(pushed);
		await settingsLoaded;
		refreshDiagnostics();
		if (caps.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
		if (caps.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
	}),
);

store.documents.onDidChangeContent((e) => {
	if (!pull) publisher.schedule(e.document.uri);
});
store.documents.onDidOpen((e) => years.noteFolderOf(e.document.uri, settings));
store.documents.onDidClose((e) => {
	if (!pull) publisher.clear(e.document.uri);
});

connection.languages.diagnostics.on(
	guard(connection, 'textDocument/diagnostic', { kind: 'full' as const, items: [] }, async (params, token) => {
		await settingsLoaded;
		const analysis = store.analysis(params.textDocument.uri);
		if (!analysis) return { kind: 'full' as const, items: [] };
		return documentReport(analysis, lang(), settings, resultKey(), params.previousResultId, token, yearFindings(params.textDocument.uri, analysis));
	}),
);

connection.languages.diagnostics.onWorkspace(
	guard(connection, 'workspace/diagnostic', { items: [] }, async (params, token, progress: WorkDoneProgressReporter) => {
		await settingsLoaded;
		return workspace.report(params.previousResultIds, lang(), settings, resultKey(), token, progress);
	}),
);

connection.onDocumentSymbol(
	guard(connection, 'documentSymbol', [], async (params, token) => {
		await settingsLoaded;
		const analysis = store.analysis(params.textDocument.uri);
		return analysis ? documentSymbols(analysis, lang(), token) : [];
	}),
);

connection.onFoldingRanges(
	guard(connection, 'foldingRange', [], async (params) => {
		await settingsLoaded;
		const analysis = store.analysis(params.textDocument.uri);
		return analysis ? foldingRanges(analysis) : [];
	}),
);

connection.onHover(
	guard(connection, 'hover', null, async (params) => {
		await settingsLoaded;
		const analysis = store.analysis(params.textDocument.uri);
		return analysis ? hover(analysis, params, lang(), markdown) : null;
	}),
);

connection.languages.inlayHint.on(
	guard(connection, 'inlayHint', [], async (params) => {
		await settingsLoaded;
		if (!settings.inlayHints.enabled) return [];
		const analysis = store.analysis(params.textDocument.uri);
		return analysis ? inlayHints(analysis, params, lang()) : [];
	}),
);

connection.onCodeLens(
	guard(connection, 'codeLens', [], async (params) => {
		await settingsLoaded;
		if (!settings.codeLens.enabled) return [];
		const analysis = store.analysis(params.textDocument.uri);
		return analysis ? codeLenses(analysis, visibleFindings(analysis, lang(), settings), lang()) : [];
	}),
);

connection.onCodeAction(
	guard(connection, 'codeAction', [], async (params) => {
		await settingsLoaded;
		const analysis = store.analysis(params.textDocument.uri);
		const actions = analysis ? codeActions(params, analysis, visibleFindings(analysis, lang(), settings), lang(), buildEdit) : [];
		return literalActions ? actions : asCommands(actions);
	}),
);

connection.onRequest(
	PREVIEW_REQUEST,
	guard(connection, PREVIEW_REQUEST, null, async (params: { textDocument?: { uri?: unknown } }) => {
		await settingsLoaded;
		const uri = params?.textDocument?.uri;
		const analysis = typeof uri === 'string' ? store.analysis(uri) : undefined;
		return analysis?.model ? previewModel(analysis.model, visibleFindings(analysis, lang(), settings), lang()) : null;
	}),
);

// Formatting rewrites statistics tables as aligned pipe rows; the core offers only edits that read back to the same model.
connection.onDocumentFormatting(
	guard(connection, 'formatting', [], async (params) => {
		await settingsLoaded;
		const model = store.analysis(params.textDocument.uri)?.model;
		return model ? formatTableEdits(model.index.text, model, { template: settings.template }) : [];
	}),
);

connection.onDocumentRangeFormatting(
	guard(connection, 'rangeFormatting', [], async (params) => {
		await settingsLoaded;
		const model = store.analysis(params.textDocument.uri)?.model;
		return model ? formatTableEdits(model.index.text, model, { template: settings.template, range: params.range }) : [];
	}),
);

connection.onExecuteCommand(
	guard(connection, 'executeCommand', null, async (params) => {
		if (!KNOWN_COMMANDS.has(params.command)) throw new ResponseError(ErrorCodes.InvalidParams, `nianbao: unknown command ${params.command}`);
		if (params.command === APPLY_EDIT_COMMAND) {
			const carried = editArgument(params.arguments);
			if (!carried) throw new ResponseError(ErrorCodes.InvalidParams, `nianbao: ${APPLY_EDIT_COMMAND} takes a workspace edit`);
			await connection.workspace.applyEdit({ label: carried.label, edit: carried.edit });
			return null;
		}
		await settingsLoaded;
		const [uri, tableIndex] = (params.arguments ?? []) as [unknown, unknown];
		if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `nianbao: ${params.command} takes the document's uri as its first argument`);
		const analysis = store.analysis(uri);
		const model = analysis?.model;
		if (!analysis || !model) return null;
		let edits;
		if (params.command === ServerCommands.fixAll) edits = fixAllEdits(model);
		else if (params.command === ServerCommands.formatTables) edits = formatTableEdits(model.index.text, model, { template: settings.template });
		else if (params.command === ServerCommands.fixTable && typeof tableIndex === 'number' && model.tables[tableIndex]) edits = tableFixEdits(model, model.tables[tableIndex]);
		else return null;
		if (edits.length === 0) return null;
		const zh = lang() === 'zh';
		const labels: Record<string, [string, string]> = {
			[ServerCommands.fixAll]: ['重新计算所有合计', 'Recompute all totals'],
			[ServerCommands.fixTable]: ['修正本表合计', "Fix the table's totals"],
			[ServerCommands.formatTables]: ['统计表转为对齐的竖线表格', 'Tables as aligned pipe rows'],
		};
		const label = labels[params.command][zh ? 0 : 1];
		await connection.workspace.applyEdit({ label, edit: buildEdit(uri, analysis.version, edits) });
		return null;
	}),
);

// The handlers are guarded; this is the last net for a timer or a stray promise, so that one bad
// document costs a log line, not the server.
process.on('uncaughtException', (e) => connection.console.error(`nianbao: uncaught: ${e.stack ?? String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`nianbao: unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`));

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
	return new Promise((resolve, reject) => {
		const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
		p.then(
			(v) => (clearTimeout(t), resolve(v)),
			(e) => (clearTimeout(t), reject(e)),
		);
	});
}

store.documents.listen(connection);
connection.listen();
