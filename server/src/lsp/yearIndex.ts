import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crossYearFindings, decodeBytes, parseReport, sameAgency, yearFacts, type Finding, type Lang, type ReportModel, type YearFacts } from '../core/index.ts';
import { detach } from '../core/memo.ts';
import { normalizeLabel } from '../core/read/normalize.ts';
import type { NianbaoSettings } from '../protocol.ts';

const EXTENSIONS = new Set(['.txt', '.nianbao']);
/** Reports of one agency's consecutive years sit in one folder; a folder of thousands is read no further. */
const MAX_FILES_PER_FOLDER = 1000;

/** The open documents, their texts as they are, and their models parsed on demand. */
export interface OpenDocuments {
	list(): Array<{ uri: string; version: number; text: () => string }>;
	model(uri: string): ReportModel | undefined;
}

/**
 * Whether a text could be the report of `agency` for `year`, without parsing it: the year is
 * read from ASCII digits, so they must be there; and `sameAgency` needs the two names to share
 * at least their last six characters (all of a shorter name), so those must be there too.
 * A necessary condition only: what passes is parsed and compared exactly.
 */
export function couldBeReportOf(text: string, year: number, agency: string): boolean {
	if (!text.includes(String(year))) return false;
	const name = normalizeLabel(agency);
	const tail = name.slice(-MIN_SHARED_AGENCY);
	// A tail with anything normalisation might have changed (punctuation, width) is not looked for.
	return !/^[\u4e00-\u9fa5]+$/.test(tail) || text.includes(tail);
}

/** As in the core's `sameAgency`: the shortest name that may stand for a longer one. */
const MIN_SHARED_AGENCY = 6;

interface FileEntry {
	uri: string;
	/** mtime and size: a changed file is read again. */
	key: string;
	/** Only what the year rules read: a folder of reports costs little memory. */
	facts: YearFacts;
}

/**
 * Last year's report for an open report: another open document, or a file in the same folder.
 * Folders are read in the background, once each (again only for files that changed), and the
 * server is told when reports were found so that it can refresh diagnostics.
 */
export class YearIndex {
	private readonly folders = new Map<string, Promise<void>>();
	private readonly files = new Map<string, FileEntry>();

	constructor(private readonly onReportsFound: () => void) {}

	/** Starts reading the folder of a document, unless it was read already. */
	noteFolderOf(uri: string, settings: NianbaoSettings): void {
		if (!uri.startsWith('file:')) return;
		const dir = dirname(fileURLToPath(uri));
		if (this.folders.has(dir)) return;
		this.folders.set(
			dir,
			this.readFolder(dir, settings).catch(() => undefined),
		);
	}

	/** Waits for the folders being read (tests). */
	async settled(): Promise<void> {
		await Promise.all(this.folders.values());
	}

	private async readFolder(dir: string, settings: NianbaoSettings): Promise<void> {
		const names = (await readdir(dir)).filter((n) => EXTENSIONS.has(extname(n).toLowerCase()) && !n.startsWith('.')).slice(0, MAX_FILES_PER_FOLDER);
		let found = false;
		for (const name of names) {
			const path = join(dir, name);
			try {
				const st = await stat(path);
				if (!st.isFile() || st.size > 2 * (settings.maxDocumentSize ?? Infinity)) continue;
				const key = `${st.mtimeMs}:${st.size}`;
				const uri = pathToFileURL(path).toString();
				if (this.files.get(uri)?.key === key) continue;
				const decoded = decodeBytes(await readFile(path));
				if ('error' in decoded) continue;
				const read = yearFacts(parseReport(decoded.text, { template: settings.template }));
				// The agency name is cut out of the file's text: a copy keeps the text from staying in memory.
				const facts = { ...read, agency: read.agency && detach(read.agency) };
				if (facts.year === undefined || !facts.agency) continue;
				this.files.set(uri, { uri, key, facts });
				found = true;
			} catch {
				// An unreadable file is no one's last year.
			}
			await new Promise((r) => setImmediate(r));
		}
		if (found) this.onReportsFound();
	}

	/**
	 * The same agency's report for the year before, preferring an open document. Open documents
	 * are parsed only when their text could be that report (see `couldBeReportOf`), so the
	 * first pull after hundreds of documents are opened parses one or two, not all.
	 */
	previousOf(uri: string, model: ReportModel, open: OpenDocuments): { uri: string; key: string; facts: YearFacts | ReportModel } | undefined {
		const year = model.metadata.year;
		if (year === undefined || !model.metadata.agency) return undefined;
		for (const d of open.list()) {
			if (d.uri === uri || !couldBeReportOf(d.text(), year - 1, model.metadata.agency)) continue;
			const other = open.model(d.uri);
			if (other && other.metadata.year === year - 1 && sameAgency(other, model)) return { uri: d.uri, key: `${d.uri}@${d.version}`, facts: other };
		}
		for (const f of this.files.values()) {
			if (f.uri !== uri && f.facts.year === year - 1 && sameAgency({ metadata: f.facts }, model)) return { uri: f.uri, key: `${f.uri}@${f.key}`, facts: f.facts };
		}
		return undefined;
	}

	/** Cross-year findings for a document, and a key that changes when last year's report does. */
	findings(uri: string, model: ReportModel | undefined, open: OpenDocuments, lang: Lang): { findings: Finding[]; key: string } {
		// Cross-year rules read table cells: a document without tables needs no last year.
		if (!model || model.tables.length === 0) return { findings: [], key: '' };
		const previous = this.previousOf(uri, model, open);
		if (!previous) return { findings: [], key: '' };
		return { findings: crossYearFindings(model, previous.facts, previous.uri, lang), key: previous.key };
	}
}
