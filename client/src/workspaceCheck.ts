import * as vscode from 'vscode';
import { checkReport, decodeBytes, parseReport, type Finding, type Severity } from '../../server/src/core/index.ts';
import { LANGUAGE_ID, type RuleLevel } from '../../server/src/protocol.ts';
import { detectReport } from './detect.ts';
import { documentDiagnosticCollection, documentDiagnostics, renderDocument } from './documentCommands.ts';
import { documentFormatOf } from '../../server/src/core/read/documents/index.ts';
import { messageLanguage, readSettings } from './settings.ts';

export interface WorkspaceCheckResult {
	/** Candidate files looked at (*.txt, *.nianbao, and Word, PDF and web-page documents). */
	files: number;
	/** Of those, the ones that are reports. */
	reports: number;
	/** Reports with at least one error or warning. */
	withProblems: number;
	/** Files that were open as reports: the language server checks those. */
	open: number;
	cancelled: boolean;
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
	error: vscode.DiagnosticSeverity.Error,
	warning: vscode.DiagnosticSeverity.Warning,
	information: vscode.DiagnosticSeverity.Information,
	hint: vscode.DiagnosticSeverity.Hint,
};

/** The diagnostic a finding shows as, with the user's per-rule severity; undefined when the rule is off. */
export function toDiagnostic(uri: vscode.Uri, f: Finding, rules: Record<string, RuleLevel>): vscode.Diagnostic | undefined {
	const level = rules[f.code] ?? f.severity;
	if (level === 'off') return undefined;
	const range = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
	const d = new vscode.Diagnostic(range, f.message, SEVERITY[level as Severity] ?? SEVERITY[f.severity]);
	d.source = 'nianbao';
	d.code = f.code;
	if (f.related?.length) {
		d.relatedInformation = f.related.map(
			(r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, new vscode.Range(r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character)), r.message),
		);
	}
	return d;
}

/**
 * Checks every *.txt and *.nianbao file of the workspace that is a report, with the core in this
 * process (no editor per file), and puts the findings in `collection` when one is given (none is
 * when the language server reports on the workspace itself). Files open in an editor as reports
 * are left to the language server, which keeps them current as they are edited.
 */
export async function checkWorkspace(collection: vscode.DiagnosticCollection | undefined, log: vscode.OutputChannel): Promise<WorkspaceCheckResult> {
	const result: WorkspaceCheckResult = { files: 0, reports: 0, withProblems: 0, open: 0, cancelled: false };
	await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking annual reports'), cancellable: true },
		async (progress, token) => {
			const uris = await vscode.workspace.findFiles('**/*.{txt,nianbao,docx,pdf,html,htm,shtml}', '**/{node_modules,.git,dist,out}/**', undefined, token);
			uris.sort((a, b) => a.toString().localeCompare(b.toString()));
			result.files = uris.length;
			collection?.clear();
			if (!collection) documentDiagnosticCollection().clear();
			const openReports = new Set(vscode.workspace.textDocuments.filter((d) => d.languageId === LANGUAGE_ID).map((d) => d.uri.toString()));
			let done = 0;
			for (const uri of uris) {
				if (token.isCancellationRequested) {
					result.cancelled = true;
					break;
				}
				progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / Math.max(uris.length, 1) });
				done++;
				if (openReports.has(uri.toString())) {
					result.reports++;
					result.open++;
					continue;
				}
				try {
					if (documentFormatOf(uri.path)) {
						await checkDocumentFile(uri, result, collection, log);
						continue;
					}
					const bytes = await vscode.workspace.fs.readFile(uri);
					const decoded = decodeBytes(bytes);
					if ('error' in decoded) continue;
					if (decoded.text.length > (readSettings(uri).maxDocumentSize ?? Infinity)) {
						log.appendLine(`[workspace] ${uri.toString()}: ${decoded.text.length} characters, over nianbao.maxDocumentSize; skipped`);
						continue;
					}
					const isReport = uri.path.endsWith('.nianbao') || detectReport(decoded.text).report;
					if (!isReport) continue;
					result.reports++;
					const settings = readSettings(uri);
					const model = parseReport(decoded.text, { template: settings.template });
					const findings = checkReport(model, { lang: messageLanguage(settings) });
					const diagnostics = findings.flatMap((f) => toDiagnostic(uri, f, settings.rules) ?? []);
					if (diagnostics.some((d) => d.severity <= vscode.DiagnosticSeverity.Warning)) result.withProblems++;
					collection?.set(uri, diagnostics);
				} catch (e) {
					log.appendLine(`[workspace] ${uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
				}
				// Let the UI breathe between files.
				if (done % 20 === 0) await new Promise((r) => setTimeout(r, 0));
			}
		},
	);
	log.appendLine(`[workspace] ${result.files} files, ${result.reports} reports, ${result.withProblems} with problems${result.cancelled ? ' (cancelled)' : ''}`);
	return result;
}

/** A name that says annual report: only such a document is reported when it cannot be read (a workspace holds other PDFs). */
const REPORT_NAME = /年报|年度报告/;

/** A Word, PDF or web-page file of the workspace, checked when it reads like a report. */
async function checkDocumentFile(uri: vscode.Uri, result: WorkspaceCheckResult, collection: vscode.DiagnosticCollection | undefined, log: vscode.OutputChannel): Promise<void> {
	const settings = readSettings(uri);
	const outcome = await renderDocument(uri, messageLanguage(settings));
	if (!outcome) return;
	let diagnostics: vscode.Diagnostic[];
	if ('diagnostics' in outcome) {
		if (!REPORT_NAME.test(decodeURIComponent(uri.path.split('/').pop() ?? ''))) return;
		diagnostics = outcome.diagnostics;
	} else {
		if (outcome.rendering.text.length > (settings.maxDocumentSize ?? Infinity)) {
			log.appendLine(`[workspace] ${uri.toString()}: ${outcome.rendering.text.length} characters, over nianbao.maxDocumentSize; skipped`);
			return;
		}
		if (!detectReport(outcome.rendering.text).report) return;
		diagnostics = documentDiagnostics(uri, outcome.rendering);
	}
	result.reports++;
	if (diagnostics.some((d) => d.severity <= vscode.DiagnosticSeverity.Warning)) result.withProblems++;
	(collection ?? documentDiagnosticCollection()).set(uri, diagnostics);
}
