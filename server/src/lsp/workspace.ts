import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic, WorkDoneProgressReporter, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { decodeBytes, type Finding, type Lang, type ReportModel } from '../core/index.ts';
import type { NianbaoSettings } from '../protocol.ts';
import { Analysis } from './analysis.ts';
import { computeDiagnostics, documentReport } from './diagnostics.ts';
import type { DocumentStore } from './documents.ts';
import { checkCancelled, type Token } from './safe.ts';

const EXTENSIONS = new Set(['.txt', '.nianbao']);
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out']);
/** A folder of hundreds of reports is the use case; a home directory opened by mistake is not. */
const MAX_FILES = 5000;
const TITLE = /政府信息公开.{0,8}年度报告|政务公开.{0,8}年度报告|政府信息公开年报/;

interface FileResult {
	key: string;
	items: Diagnostic[];
	report: boolean;
}

/**
 * `workspace/diagnostic`: the open documents from their analyses, and every *.txt / *.nianbao
 * file of the workspace folders that reads as a report, read from disk. A file's result is kept
 * by (mtime, size, settings), so the client's repeated pulls only re-read changed files.
 */
export class WorkspaceChecker {
	private readonly files = new Map<string, FileResult>();

	constructor(
		private readonly store: DocumentStore,
		private readonly folders: () => string[],
		/** Findings that depend on other reports (last year's), as the document pull reports them. */
		private readonly extra: (uri: string, analysis: Analysis) => { findings: Finding[]; key: string } = () => ({ findings: [], key: '' }),
	) {}

	async report(
		previous: Array<{ uri: string; value: string }>,
		lang: Lang,
		settings: NianbaoSettings,
		settingsKey: string,
		token: Token,
		progress: WorkDoneProgressReporter,
	): Promise<WorkspaceDiagnosticReport> {
		const prev = new Map(previous.map((p) => [p.uri, p.value]));
		const items: WorkspaceDocumentDiagnosticReport[] = [];
		const open = new Set<string>();
		for (const doc of this.store.all()) {
			open.add(doc.uri);
			const analysis = this.store.analysis(doc.uri)!;
			items.push({ uri: doc.uri, version: doc.version, ...documentReport(analysis, lang, settings, settingsKey, prev.get(doc.uri), token, this.extra(doc.uri, analysis)) });
			await yieldToEventLoop();
			checkCancelled(token);
		}
		const paths = await this.listFiles(token);
		const zh = lang === 'zh';
		progress.begin(zh ? 'nianbao：检查工作区年报' : 'nianbao: checking the workspace reports', 0, undefined, true);
		try {
			for (let i = 0; i < paths.length; i++) {
				checkCancelled(token);
				const uri = pathToFileURL(paths[i]).toString();
				if (open.has(uri)) continue;
				progress.report(Math.round((100 * i) / paths.length), `${i + 1}/${paths.length}`);
				const r = await this.checkFile(paths[i], uri, lang, settings, settingsKey);
				if (!r) continue;
				if (prev.get(uri) === r.key) items.push({ kind: 'unchanged', uri, version: null, resultId: r.key });
				else items.push({ kind: 'full', uri, version: null, resultId: r.key, items: r.items });
				// Other requests (and the cancellation of this one) are served between files.
				await yieldToEventLoop();
			}
		} finally {
			progress.done();
		}
		return { items };
	}

	private async checkFile(path: string, uri: string, lang: Lang, settings: NianbaoSettings, settingsKey: string): Promise<FileResult | undefined> {
		let st;
		try {
			st = await stat(path);
		} catch {
			return undefined;
		}
		const key = `${st.mtimeMs}:${st.size}:${settingsKey}`;
		const cached = this.files.get(path);
		if (cached?.key === key) return cached.report ? cached : undefined;
		let result: FileResult = { key, items: [], report: false };
		// A UTF-16 file takes two bytes a character: the byte limit is twice the character limit.
		if (st.size <= 2 * (settings.maxDocumentSize ?? Infinity)) {
			const decoded = decodeBytes(await readFile(path));
			if (!('error' in decoded) && decoded.text.length <= (settings.maxDocumentSize ?? Infinity) && /公开/.test(decoded.text.slice(0, 50_000))) {
				const analysis = new Analysis(uri, null, decoded.text.length, decoded.text, settings);
				// Kept for every file of the workspace: as a plain copy, so that no message or datum
				// cut out of the file's text keeps that text alive.
				if (path.endsWith('.nianbao') || (analysis.model && looksLikeReport(analysis.model)))
					result = { key, items: JSON.parse(JSON.stringify(computeDiagnostics(analysis, lang, settings))) as Diagnostic[], report: true };
			}
		}
		this.files.set(path, result);
		return result.report ? result : undefined;
	}

	private async listFiles(token: Token): Promise<string[]> {
		const out: string[] = [];
		const walk = async (dir: string): Promise<void> => {
			let entries;
			try {
				entries = await readdir(dir, { withFileTypes: true });
			} catch {
				return;
			}
			entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
			for (const e of entries) {
				if (out.length >= MAX_FILES) return;
				checkCancelled(token);
				if (e.name.startsWith('.')) continue;
				const p = join(dir, e.name);
				if (e.isDirectory()) {
					if (!SKIP_DIRS.has(e.name)) await walk(p);
				} else if (e.isFile() && EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
			}
		};
		for (const f of this.folders()) {
			if (!f.startsWith('file:')) continue;
			await walk(fileURLToPath(f));
		}
		return out;
	}
}

/** A title naming the report, three mandated sections, or an official statistics table. */
export function looksLikeReport(model: ReportModel): boolean {
	if (model.metadata.title && TITLE.test(model.metadata.title.text)) return true;
	if (model.tables.some((t) => t.anchorRange)) return true;
	return new Set(model.headings.flatMap((h) => (h.section ? [h.section.key] : []))).size >= 3;
}

function yieldToEventLoop(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}
