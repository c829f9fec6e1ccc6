import { DiagnosticSeverity, type Connection, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver';
import type { Finding, Lang, Severity } from '../core/index.ts';
import type { NianbaoSettings, RuleLevel } from '../protocol.ts';
import type { Analysis } from './analysis.ts';
import type { DocumentStore } from './documents.ts';
import { checkCancelled, type Token } from './safe.ts';

export const SOURCE = 'nianbao';
/** Not a core finding: the server's own notice that it skipped a document. */
export const TOO_LARGE = 'document.too-large';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

/** A finding's severity after the user's `nianbao.rules`; undefined when the rule is off. */
export function effectiveSeverity(code: string, severity: Severity, rules: Record<string, RuleLevel>): Severity | undefined {
	const level = rules[code];
	if (level === 'off') return undefined;
	return level ?? severity;
}

/** The findings the user wants to see, with their severities as configured. */
export function visibleFindings(analysis: Analysis, lang: Lang, settings: NianbaoSettings): Finding[] {
	return applyRules(analysis.findings(lang), settings);
}

function applyRules(findings: Finding[], settings: NianbaoSettings): Finding[] {
	const out: Finding[] = [];
	for (const f of findings) {
		const severity = effectiveSeverity(f.code, f.severity, settings.rules);
		if (severity) out.push(severity === f.severity ? f : { ...f, severity });
	}
	return out;
}

/** What a code action needs from a diagnostic, so a fix can be checked against the document. */
export interface DiagnosticData {
	version: number | null;
	fix?: Finding['fix'];
	facts?: Record<string, unknown>;
}

export function toDiagnostic(f: Finding, uri: string, version: number | null): Diagnostic {
	const data: DiagnosticData = { version, fix: f.fix, facts: f.data };
	return {
		range: f.range,
		severity: SEVERITY[f.severity],
		code: f.code,
		source: SOURCE,
		message: f.message,
		relatedInformation: f.related?.map((r) => ({ location: { uri: r.file ?? uri, range: r.range }, message: r.message })),
		data,
	};
}

/** `extra`: findings that depend on other reports (last year's), kept out of the document's own analysis. */
export function computeDiagnostics(analysis: Analysis, lang: Lang, settings: NianbaoSettings, token?: Token, extra: Finding[] = []): Diagnostic[] {
	if (analysis.tooLarge) {
		const severity = effectiveSeverity(TOO_LARGE, 'information', settings.rules);
		if (!severity) return [];
		const message =
			lang === 'zh'
				? `文档过长（${analysis.length} 个字符，上限 ${settings.maxDocumentSize}），未作检查。`
				: `The document is too long (${analysis.length} characters, the limit is ${settings.maxDocumentSize}); it was not checked.`;
		return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: SEVERITY[severity], code: TOO_LARGE, source: SOURCE, message }];
	}
	const findings = [...visibleFindings(analysis, lang, settings), ...applyRules(extra, settings)];
	checkCancelled(token);
	const out: Diagnostic[] = [];
	for (let i = 0; i < findings.length; i++) {
		if ((i & 1023) === 1023) checkCancelled(token);
		out.push(toDiagnostic(findings[i], analysis.uri, analysis.version));
	}
	return out;
}

/** The pull answer for one document: unchanged when the client already holds this result. */
export function documentReport(
	analysis: Analysis,
	lang: Lang,
	settings: NianbaoSettings,
	resultIdSuffix: string,
	previousResultId: string | undefined,
	token?: Token,
	extra: { findings: Finding[]; key: string } = { findings: [], key: '' },
): DocumentDiagnosticReport {
	const resultId = `${analysis.version}:${resultIdSuffix}:${extra.key}`;
	if (previousResultId === resultId) return { kind: 'unchanged', resultId };
	return { kind: 'full', resultId, items: computeDiagnostics(analysis, lang, settings, token, extra.findings) };
}

/**
 * Push mode, for clients without pull diagnostics: one timer per document, restarted by every
 * change, so a burst of keystrokes is checked once; a result is published only for the version
 * that is still current.
 */
export class DiagnosticsPublisher {
	private readonly timers = new Map<string, NodeJS.Timeout>();

	constructor(
		private readonly connection: Connection,
		private readonly store: DocumentStore,
		private readonly lang: () => Lang,
		private readonly settings: () => NianbaoSettings,
		private readonly extra: (uri: string, analysis: Analysis) => Finding[] = () => [],
		private readonly delayMs = 200,
	) {}

	schedule(uri: string, delayMs = this.delayMs): void {
		clearTimeout(this.timers.get(uri));
		this.timers.set(
			uri,
			setTimeout(() => {
				this.timers.delete(uri);
				this.publish(uri);
			}, delayMs),
		);
	}

	scheduleAll(): void {
		for (const doc of this.store.all()) this.schedule(doc.uri, 0);
	}

	clear(uri: string): void {
		clearTimeout(this.timers.get(uri));
		this.timers.delete(uri);
		void this.connection.sendDiagnostics({ uri, diagnostics: [] });
	}

	private publish(uri: string): void {
		try {
			const doc = this.store.get(uri);
			if (!doc) return;
			const version = doc.version;
			const analysis = this.store.analysis(uri)!;
			const diagnostics = computeDiagnostics(analysis, this.lang(), this.settings(), undefined, this.extra(uri, analysis));
			if (this.store.get(uri)?.version !== version) return;
			void this.connection.sendDiagnostics({ uri, version, diagnostics });
		} catch (e) {
			this.connection.console.error(`nianbao: publishing diagnostics for ${uri} failed: ${e instanceof Error ? e.stack : String(e)}`);
		}
	}
}
