import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { renderSkeleton, type SkeletonLayout } from '../../server/src/core/features/skeleton.ts';
import { ClientCommands, LANGUAGE_ID, ServerCommands } from '../../server/src/protocol.ts';
import { detectReport } from './detect.ts';
import { readSettings, SECTION } from './settings.ts';
import { checkWorkspace, type WorkspaceCheckResult } from './workspaceCheck.ts';
import { checkFile, convertToText } from './documentCommands.ts';
import { Previews } from './preview.ts';

let client: LanguageClient | undefined;

/** What activate returns: used by the extension-host tests, harmless to others. */
export interface NianbaoApi {
	/** Resolves once the language server is running (or failed to start). */
	ready: Promise<boolean>;
	detectReport: typeof detectReport;
	previews: Previews;
}

export async function activate(context: vscode.ExtensionContext): Promise<NianbaoApi> {
	const output = vscode.window.createOutputChannel('nianbao', { log: true });
	context.subscriptions.push(output);
	const workspaceDiagnostics = vscode.languages.createDiagnosticCollection('nianbao-workspace');
	context.subscriptions.push(workspaceDiagnostics);

	const ready = startClient(context, output);
	const previews = new Previews(() => (client?.state === State.Running ? client : undefined));
	context.subscriptions.push(previews);
	context.subscriptions.push(new Detector(output, workspaceDiagnostics));

	context.subscriptions.push(
		vscode.commands.registerCommand(ClientCommands.showOutput, () => output.show(true)),
		vscode.commands.registerCommand(ClientCommands.switchLanguage, async (uri?: vscode.Uri) => {
			const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
			if (!doc) return undefined;
			const switched = doc.languageId === LANGUAGE_ID ? doc : await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
			return switched.uri.toString();
		}),
		vscode.commands.registerCommand(ClientCommands.fixAll, (uri?: vscode.Uri) => fixAll(uri, output)),
		vscode.commands.registerCommand(ClientCommands.checkFile, (uri?: vscode.Uri) => checkFile(uri, workspaceDiagnostics, output)),
		vscode.commands.registerCommand(ClientCommands.convertToText, (uri?: vscode.Uri) => convertToText(uri)),
		vscode.commands.registerCommand(ClientCommands.formatTables, (uri?: vscode.Uri) => formatTables(uri)),
		vscode.commands.registerCommand(ClientCommands.showPreview, (uri?: vscode.Uri) => previews.open(uri)),
		vscode.commands.registerCommand(ClientCommands.insertSkeleton, (options?: { layout?: SkeletonLayout; fill?: string }) => insertSkeleton(options)),
		vscode.commands.registerCommand(ClientCommands.checkWorkspace, async (): Promise<WorkspaceCheckResult> => {
			// A server that answers workspace/diagnostic (pulled by the client all along) already shows
			// the closed reports: then the command only counts, so nothing shows twice.
			const result = await checkWorkspace(serverChecksWorkspace() ? undefined : workspaceDiagnostics, output);
			const message = vscode.l10n.t('Checked {0} files: {1} annual reports, {2} with problems.', result.files, result.reports, result.withProblems);
			if (result.withProblems > 0) {
				void vscode.commands.executeCommand('workbench.actions.view.problems');
				void vscode.window.showWarningMessage(message);
			} else void vscode.window.showInformationMessage(message);
			return result;
		}),
	);
	return { ready, detectReport, previews };
}

export async function deactivate(): Promise<void> {
	const c = client;
	client = undefined;
	if (c && c.state === State.Running) await c.stop();
}

function serverChecksWorkspace(): boolean {
	const provider = client?.state === State.Running ? client.initializeResult?.capabilities.diagnosticProvider : undefined;
	return !!provider && typeof provider === 'object' && 'workspaceDiagnostics' in provider && provider.workspaceDiagnostics === true;
}

async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<boolean> {
	const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js');
	try {
		await vscode.workspace.fs.stat(serverModule);
	} catch {
		output.appendLine(`[client] language server not found at ${serverModule.fsPath}; run "npm run build".`);
		void vscode.window.showErrorMessage(vscode.l10n.t('The nianbao language server is missing ({0}).', 'dist/server.js'));
		return false;
	}
	const serverOptions: ServerOptions = {
		run: { module: serverModule.fsPath, transport: TransportKind.ipc },
		debug: { module: serverModule.fsPath, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [
			{ scheme: 'file', language: LANGUAGE_ID },
			{ scheme: 'untitled', language: LANGUAGE_ID },
		],
		outputChannel: output,
		// The server pulls `nianbao` settings per document (workspace/configuration); it is also told
		// when they change, and gets the current ones up front.
		synchronize: { configurationSection: SECTION },
		initializationOptions: { settings: readSettings(), locale: vscode.env.language },
		diagnosticPullOptions: { onChange: true, onSave: true },
		markdown: { isTrusted: false, supportHtml: false },
	};
	client = new LanguageClient(SECTION, 'nianbao', serverOptions, clientOptions);
	try {
		await client.start();
		output.appendLine(`[client] language server started (${serverModule.fsPath})`);
		return true;
	} catch (e) {
		output.appendLine(`[client] language server failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
		void vscode.window.showErrorMessage(vscode.l10n.t('The nianbao language server failed to start. See the output for details.'));
		return false;
	}
}

/**
 * Switches plain-text documents that read like a report to the report language, once per
 * document: a document switched back by hand stays plain text.
 */
class Detector implements vscode.Disposable {
	private readonly seen = new Set<string>();
	private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
	private readonly disposables: vscode.Disposable[] = [];

	constructor(
		private readonly output: vscode.OutputChannel,
		private readonly workspaceDiagnostics: vscode.DiagnosticCollection,
	) {
		this.disposables.push(
			vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
			vscode.workspace.onDidCloseTextDocument((d) => {
				// A document closed for good can be judged again when it is reopened; a language switch
				// closes and reopens it at once, and `seen` still holds it then.
				if (d.languageId === 'plaintext' && d.isClosed && d.uri.scheme === 'untitled') this.seen.delete(d.uri.toString());
			}),
			// Text pasted into a new untitled document: judge it once it settles.
			vscode.workspace.onDidChangeTextDocument((e) => {
				const d = e.document;
				if (d.languageId !== 'plaintext' || d.uri.scheme !== 'untitled' || this.seen.has(d.uri.toString())) return;
				const key = d.uri.toString();
				clearTimeout(this.pending.get(key));
				this.pending.set(key, setTimeout(() => (this.pending.delete(key), this.consider(d, false)), 600));
			}),
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration(`${SECTION}.autoDetect`)) for (const d of vscode.workspace.textDocuments) this.consider(d, false);
			}),
		);
		for (const d of vscode.workspace.textDocuments) this.opened(d);
	}

	private opened(doc: vscode.TextDocument): void {
		// The language server now owns this document's diagnostics.
		if (doc.languageId === LANGUAGE_ID) this.workspaceDiagnostics.delete(doc.uri);
		this.consider(doc, true);
	}

	private consider(doc: vscode.TextDocument, final: boolean): void {
		if (doc.languageId !== 'plaintext' || doc.isClosed) return;
		const key = doc.uri.toString();
		if (this.seen.has(key)) return;
		if (!readSettings(doc.uri).autoDetect) return;
		const text = doc.getText();
		// An empty untitled document will be judged when text arrives.
		if (text.trim().length === 0 && doc.uri.scheme === 'untitled') return;
		const verdict = detectReport(text);
		if (final || verdict.report) this.seen.add(key);
		if (!verdict.report) return;
		this.output.appendLine(`[detect] ${key}: a report (${verdict.reason}; sections ${verdict.sections.join(',') || '-'}; tables ${verdict.tables.join(',') || '-'})`);
		vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, (e) => this.output.appendLine(`[detect] could not switch ${key}: ${e}`));
	}

	dispose(): void {
		for (const t of this.pending.values()) clearTimeout(t);
		for (const d of this.disposables) d.dispose();
	}
}

/** Recomputes every total of a report through the server's source.fixAll action (or its command). Returns whether the text changed. */
async function fixAll(uri: vscode.Uri | undefined, output: vscode.OutputChannel): Promise<boolean> {
	const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
	if (!doc || doc.languageId !== LANGUAGE_ID) {
		void vscode.window.showWarningMessage(vscode.l10n.t('Open an annual report first.'));
		return false;
	}
	const before = doc.version;
	const whole = new vscode.Range(0, 0, doc.lineCount, 0);
	const actions =
		(await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', doc.uri, whole, vscode.CodeActionKind.SourceFixAll.value, 10)) ?? [];
	const fix = actions.find((a): a is vscode.CodeAction => a instanceof vscode.CodeAction && !!a.kind && a.kind.value.startsWith(`${vscode.CodeActionKind.SourceFixAll.value}.${LANGUAGE_ID}`));
	if (fix?.edit) await vscode.workspace.applyEdit(fix.edit);
	if (fix?.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
	if (!fix && client?.state === State.Running) {
		output.appendLine('[fixAll] no source.fixAll action; asking the server');
		await client.sendRequest('workspace/executeCommand', { command: ServerCommands.fixAll, arguments: [doc.uri.toString()] });
	}
	const changed = doc.version !== before;
	void vscode.window.showInformationMessage(changed ? vscode.l10n.t('Recomputed the totals.') : vscode.l10n.t('All totals already add up.'));
	return changed;
}

/** Asks the server to rewrite the document's tables as aligned pipe rows; says so when there was nothing to do. */
async function formatTables(uri: vscode.Uri | undefined): Promise<boolean> {
	const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
	if (!doc || doc.languageId !== LANGUAGE_ID || client?.state !== State.Running) {
		void vscode.window.showWarningMessage(vscode.l10n.t('Open an annual report first.'));
		return false;
	}
	const before = doc.version;
	await client.sendRequest('workspace/executeCommand', { command: ServerCommands.formatTables, arguments: [doc.uri.toString()] });
	const changed = doc.version !== before;
	void vscode.window.showInformationMessage(changed ? vscode.l10n.t('The tables are now aligned pipe rows.') : vscode.l10n.t('No table to rewrite: the tables are aligned pipe rows already, or could not be rewritten without changing what they say.'));
	return changed;
}

const layouts = (): Array<{ layout: SkeletonLayout; label: string; detail: string }> => [
	{ layout: 'pipe-rows', label: vscode.l10n.t('Pipe rows'), detail: '规章 | 0 | 0 | 0 |' },
	{ layout: 'tab-cells', label: vscode.l10n.t('Tab cells (as copied from Word)'), detail: vscode.l10n.t('One cell per line after a TAB, a blank line between rows') },
	{ layout: 'markdown', label: vscode.l10n.t('Markdown table'), detail: '| 规章 | 0 | 0 | 0 |' },
];

/** Inserts the official 2021 skeleton into the empty active editor, or opens it in a new document. Returns the document's URI. */
async function insertSkeleton(options: { layout?: SkeletonLayout; fill?: string } = {}): Promise<string | undefined> {
	let layout = options.layout;
	if (!layout) {
		const pick = await vscode.window.showQuickPick(
			layouts().map((l) => ({ label: l.label, detail: l.detail, layout: l.layout })),
			{ title: vscode.l10n.t('Insert the official 2021 report skeleton'), placeHolder: vscode.l10n.t('How should the tables be laid out?') },
		);
		if (!pick) return undefined;
		layout = pick.layout;
	}
	let fill = options.fill;
	if (fill === undefined) {
		const pick = await vscode.window.showQuickPick(
			[
				{ label: vscode.l10n.t('Blank cells'), description: vscode.l10n.t('to fill in'), fill: '' },
				{ label: vscode.l10n.t('Zeros'), description: vscode.l10n.t('every table balances from the start'), fill: '0' },
			],
			{ title: vscode.l10n.t('Insert the official 2021 report skeleton'), placeHolder: vscode.l10n.t('What should the table cells hold?') },
		);
		if (!pick) return undefined;
		fill = pick.fill;
	}
	const year = new Date().getFullYear() - 1;
	const editor = vscode.window.activeTextEditor;
	if (editor && editor.document.getText().trim() === '') {
		const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
		const text = renderSkeleton({ layout, fill, year, eol });
		const doc = editor.document;
		await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), text));
		if (doc.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
		return doc.uri.toString();
	}
	const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: renderSkeleton({ layout, fill, year }) });
	await vscode.window.showTextDocument(doc);
	return doc.uri.toString();
}
