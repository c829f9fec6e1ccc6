import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PreviewModel } from '../../server/src/core/features/preview.ts';
import { LANGUAGE_ID, PREVIEW_REQUEST } from '../../server/src/protocol.ts';
import { previewHtml } from './previewHtml.ts';

/**
 * 年报: 打开预览 — like Markdown's "Open Preview to the Side": one webview per report, redrawn as
 * the report changes (the server sends the model), a click revealing the cell or heading in the
 * editor, and the editor's cursor marked in the grid.
 */
export class Previews implements vscode.Disposable {
	private readonly panels = new Map<string, Preview>();
	private readonly subscriptions: vscode.Disposable[] = [];

	constructor(private readonly client: () => LanguageClient | undefined) {
		this.subscriptions.push(
			vscode.workspace.onDidChangeTextDocument((e) => this.panels.get(e.document.uri.toString())?.scheduleRefresh()),
			vscode.window.onDidChangeTextEditorSelection((e) => this.panels.get(e.textEditor.document.uri.toString())?.showCursor(e.selections[0].active)),
			vscode.workspace.onDidCloseTextDocument((d) => this.panels.get(d.uri.toString())?.dispose()),
		);
	}

	/** Opens (or shows) the preview of a report beside its editor; resolves with the model it first drew. */
	async open(uri?: vscode.Uri): Promise<PreviewModel | undefined> {
		const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
		if (!doc || doc.languageId !== LANGUAGE_ID) {
			void vscode.window.showWarningMessage(vscode.l10n.t('Open an annual report first.'));
			return undefined;
		}
		const key = doc.uri.toString();
		let preview = this.panels.get(key);
		if (!preview) {
			preview = new Preview(doc, this.client, () => this.panels.delete(key));
			this.panels.set(key, preview);
		} else preview.panel.reveal(vscode.ViewColumn.Beside, true);
		return preview.refresh();
	}

	/** The preview of a document, for the extension-host tests. */
	get(uri: vscode.Uri): Preview | undefined {
		return this.panels.get(uri.toString());
	}

	dispose(): void {
		for (const p of [...this.panels.values()]) p.dispose();
		for (const s of this.subscriptions) s.dispose();
	}
}

export class Preview {
	readonly panel: vscode.WebviewPanel;
	/** The model last sent to the page. */
	model: PreviewModel | undefined;
	/** What the page asked to reveal last (tests read it). */
	lastReveal: vscode.Range | undefined;
	private timer: NodeJS.Timeout | undefined;
	private ready: Promise<void>;

	constructor(
		private readonly doc: vscode.TextDocument,
		private readonly client: () => LanguageClient | undefined,
		private readonly onDispose: () => void,
	) {
		const name = doc.uri.path.split('/').pop() ?? '';
		this.panel = vscode.window.createWebviewPanel('nianbao.preview', vscode.l10n.t('Preview {0}', name), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
		const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
		let markReady: () => void = () => undefined;
		this.ready = new Promise((resolve) => (markReady = resolve));
		this.panel.webview.onDidReceiveMessage((msg: { type?: string; range?: { start: { line: number; character: number }; end: { line: number; character: number } } }) => {
			if (msg?.type === 'ready') markReady();
			else if (msg?.type === 'reveal' && msg.range) void this.reveal(msg.range);
		});
		this.panel.webview.html = previewHtml(nonce, this.panel.webview.cspSource, name);
		this.panel.onDidDispose(() => {
			clearTimeout(this.timer);
			this.onDispose();
		});
	}

	scheduleRefresh(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.refresh(), 250);
	}

	async refresh(): Promise<PreviewModel | undefined> {
		const c = this.client();
		if (!c) return undefined;
		const model = await c.sendRequest<PreviewModel | null>(PREVIEW_REQUEST, { textDocument: { uri: this.doc.uri.toString() } });
		if (!model) return undefined;
		this.model = model;
		await this.ready;
		await this.panel.webview.postMessage({ type: 'model', model });
		return model;
	}

	showCursor(p: vscode.Position): void {
		void this.panel.webview.postMessage({ type: 'cursor', position: { line: p.line, character: p.character } });
	}

	/** Shows the text of a clicked cell or heading, selected, in the report's editor. */
	async reveal(r: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
		const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
		this.lastReveal = range;
		const editor = await vscode.window.showTextDocument(this.doc, { viewColumn: vscode.window.visibleTextEditors.find((e) => e.document === this.doc)?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
		editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	}

	dispose(): void {
		this.panel.dispose();
	}
}
