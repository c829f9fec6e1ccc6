import { join } from 'node:path';
import * as vscode from 'vscode';
import { checkReport, parseReport, type Lang } from '../../server/src/core/index.ts';
import { describeLocation, documentFormatOf, locateInDocument, problemFinding, type DocumentRendering } from '../../server/src/core/read/documents/index.ts';
import { LANGUAGE_ID } from '../../server/src/protocol.ts';
import { readDocumentApart } from './readApart.ts';
import { messageLanguage, readSettings } from './settings.ts';
import { toDiagnostic } from './workspaceCheck.ts';

/**
 * 年报: 检查此文件 and 年报: 转为文本报告 for .docx, .pdf and .html reports: the core reads the
 * document on a worker thread of its own (bytes in, text out; readApart.ts), findings go to the Problems panel with their
 * page, table, row and column, and the conversion opens as a text report with every feature.
 */

let documentCollection: vscode.DiagnosticCollection | undefined;

/**
 * Where a document's findings go when the workspace check leaves text reports to the language
 * server: the server reads no .docx, .pdf or .html, so these always come from here.
 */
export function documentDiagnosticCollection(): vscode.DiagnosticCollection {
	documentCollection ??= vscode.languages.createDiagnosticCollection('nianbao-documents');
	return documentCollection;
}

/** The document the command is about: the explorer's selection, the active editor's file, or one picked. */
async function targetUri(uri: unknown): Promise<vscode.Uri | undefined> {
	if (uri instanceof vscode.Uri) return uri;
	const active = vscode.window.activeTextEditor?.document.uri ?? (vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined)?.uri;
	if (active && documentFormatOf(active.path)) return active;
	const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Reports (Word, PDF, web page)')]: ['docx', 'pdf', 'html', 'htm', 'shtml'] } });
	return picked?.[0];
}

export type DocumentOutcome = { rendering: DocumentRendering } | { diagnostics: vscode.Diagnostic[] };

/** Reads a document; a document that cannot be read comes back as its one diagnostic. */
export async function renderDocument(uri: vscode.Uri, lang: Lang): Promise<DocumentOutcome | undefined> {
	const format = documentFormatOf(uri.path);
	if (!format) return undefined;
	const bytes = await vscode.workspace.fs.readFile(uri);
	// On a thread of its own, the bundle beside this one: pdf.js sets globals the extension host must not get.
	const read = await readDocumentApart(bytes, format, { script: join(__dirname, 'document-worker.js') });
	if ('problem' in read) {
		const d = toDiagnostic(uri, problemFinding(read.problem, lang), readSettings(uri).rules);
		return { diagnostics: d ? [d] : [] };
	}
	return { rendering: read.rendering };
}

/**
 * The findings of a document as diagnostics on the document's own file: each message starts with
 * where it is (第 3 页 · table · row · column); in a web page the range is the source line.
 */
export function documentDiagnostics(uri: vscode.Uri, rendering: DocumentRendering): vscode.Diagnostic[] {
	const settings = readSettings(uri);
	const lang = messageLanguage(settings);
	const model = parseReport(rendering.text, { template: settings.template });
	return checkReport(model, { lang }).flatMap((f) => {
		const location = locateInDocument(rendering, model, f.range, lang);
		const where = describeLocation(location, lang);
		const line = rendering.lines[f.range.start.line]?.place.sourceLine;
		const at = { line: line !== undefined ? line - 1 : 0, character: 0 };
		const d = toDiagnostic(uri, { ...f, message: where ? `${where}：${f.message}` : f.message, range: { start: at, end: at }, related: undefined }, settings.rules);
		return d ? [d] : [];
	});
}

export async function checkFile(uri: unknown, collection: vscode.DiagnosticCollection, log: vscode.OutputChannel): Promise<number | undefined> {
	const target = await targetUri(uri);
	if (!target) return undefined;
	const lang = messageLanguage(readSettings(target));
	const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0}', vscode.workspace.asRelativePath(target)) }, () =>
		renderDocument(target, lang),
	);
	if (!outcome) {
		void vscode.window.showWarningMessage(vscode.l10n.t('Not a Word, PDF or web-page file.'));
		return undefined;
	}
	const diagnostics = 'diagnostics' in outcome ? outcome.diagnostics : documentDiagnostics(target, outcome.rendering);
	collection.set(target, diagnostics);
	log.appendLine(`[document] ${target.toString()}: ${diagnostics.length} findings`);
	const problems = diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).length;
	if (problems > 0) {
		void vscode.commands.executeCommand('workbench.actions.view.problems');
		void vscode.window.showWarningMessage(vscode.l10n.t('{0}: {1} problems.', vscode.workspace.asRelativePath(target), problems));
	} else void vscode.window.showInformationMessage(vscode.l10n.t('{0}: no problems found.', vscode.workspace.asRelativePath(target)));
	return diagnostics.length;
}

/** Opens the document as a text report: NAME.txt beside it when there is none yet, else an untitled copy. Returns its URI. */
export async function convertToText(uri: unknown): Promise<string | undefined> {
	const target = await targetUri(uri);
	if (!target) return undefined;
	const lang = messageLanguage(readSettings(target));
	const outcome = await renderDocument(target, lang);
	if (!outcome) {
		void vscode.window.showWarningMessage(vscode.l10n.t('Not a Word, PDF or web-page file.'));
		return undefined;
	}
	if ('diagnostics' in outcome) {
		void vscode.window.showErrorMessage(outcome.diagnostics[0]?.message ?? vscode.l10n.t('Not a Word, PDF or web-page file.'));
		return undefined;
	}
	const beside = target.with({ path: target.path.replace(/\.[^./]+$/, '') + '.txt' });
	let doc: vscode.TextDocument;
	let exists = true;
	try {
		await vscode.workspace.fs.stat(beside);
	} catch {
		exists = false;
	}
	if (!exists && target.scheme === 'file') {
		await vscode.workspace.fs.writeFile(beside, new TextEncoder().encode(outcome.rendering.text));
		doc = await vscode.workspace.openTextDocument(beside);
	} else doc = await vscode.workspace.openTextDocument({ content: outcome.rendering.text, language: LANGUAGE_ID });
	if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
	await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
	return doc.uri.toString();
}
