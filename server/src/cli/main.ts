import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { allFixEdits, applyEdits, checkReport, crossYearFindings, decodeBytes, encodeText, extractReport, pairByYear, parseReport, yearFacts, type Decoded } from '../core/index.ts';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args.ts';
import { documentFormatOf } from '../core/read/documents/formats.ts';
import { collectFiles, writeFileAtomic } from './files.ts';
import { entryText, formatJson, formatText, jsonDiagnostic, jsonTextChunks, type FileResult } from './report.ts';
import { entryOf, entryTextOf, factsOf, packResult, sealPacked, type PackedResult } from './packed.ts';
import { formatHtml } from './htmlReport.ts';
import { formatSarif } from './sarif.ts';
import { formatCsv, formatJsonl, type Extracted } from './spreadsheet.ts';

declare const NIANBAO_VERSION: string | undefined;

/** Runs the CLI and returns its exit status; output goes through the given writers. */
export async function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
	let opts: CliOptions;
	try {
		opts = parseArgs(argv);
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		err(`nianbao: ${e.message}\n\n${USAGE}\n`);
		return 2;
	}
	if (opts.command === 'help') {
		out(USAGE + '\n');
		return 0;
	}
	if (opts.command === 'version') {
		out(`${typeof NIANBAO_VERSION === 'string' ? NIANBAO_VERSION : 'dev'}\n`);
		return 0;
	}

	if (opts.command === 'convert') return convert(opts, out, err);

	const { files, problems } = collectFiles(opts.paths);
	if (packsResults(opts)) return checkToJson(problems, await processFiles(files, opts), opts, out, err);
	const results: FileResult[] = problems.map((p) => ({ file: p.path, findings: [], error: p.reason }));
	const extracted: unknown[] = [];
	for (const done of await processFiles(files, opts)) {
		if (done.extracted) extracted.push(done.extracted);
		else results.push(done.result!);
	}
	if (opts.command === 'check') addCrossYearFindings(results, opts);

	const unreadable = results.some((r) => r.error);
	if (opts.command === 'extract') {
		if (opts.format === 'csv') out(formatCsv(extracted as Extracted[]));
		else if (opts.format === 'jsonl') out(formatJsonl(extracted as Extracted[]));
		else out(JSON.stringify(extracted, null, 1) + '\n');
		for (const r of results) if (r.error) err(`nianbao: ${r.file}: ${r.error}\n`);
		return unreadable ? 2 : 0;
	}
	if (opts.format === 'html') out(formatHtml(results, opts.lang));
	else if (opts.format === 'json' || opts.format === 'sarif') {
		out(opts.format === 'json' ? formatJson(results) : formatSarif(results, opts.lang, typeof NIANBAO_VERSION === 'string' ? NIANBAO_VERSION : 'dev'));
		for (const r of results) if (r.error) err(`nianbao: ${r.file}: ${r.error}\n`);
	} else out(formatText(results, opts.lang));
	if (unreadable) return 2;
	return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** `check --format json` holds each file's result packed (packed.ts) and writes the output entry by entry. */
function packsResults(opts: CliOptions): boolean {
	return opts.command === 'check' && opts.format === 'json' && !opts.fix;
}

function checkToJson(problems: Array<{ path: string; reason: string }>, outcomes: FileOutcome[], opts: CliOptions, out: (s: string) => void, err: (s: string) => void): number {
	const packed = [...problems.map((p) => packResult({ file: p.path, findings: [], error: p.reason })), ...outcomes.map((o) => o.packed ?? packResult(o.result!))];
	// This year against last year, as addCrossYearFindings does, from the packed facts of the reports
	// that pair; worked out entry by entry as the output is written, so that a folder's worth of
	// cross-year findings is never held at once.
	const previousOf = new Map<PackedResult, PackedResult[]>();
	const candidates = packed.flatMap((p) => (p.facts ? [{ p, agency: p.agency, year: p.year }] : []));
	for (const { current, previous } of pairByYear(candidates)) previousOf.set(current.p, [...(previousOf.get(current.p) ?? []), previous.p]);
	let laterErrors = false;
	// An entry is printed as it was packed, unless last year's report adds to its findings.
	const entries = function* () {
		for (const p of packed) {
			const previous = previousOf.get(p);
			const mine = previous && factsOf(p);
			const more = mine ? previous.flatMap((last) => crossYearFindings(mine, factsOf(last), last.file, opts.lang)) : [];
			if (more.length === 0) {
				yield entryTextOf(p);
				continue;
			}
			if (more.some((f) => f.severity === 'error')) laterErrors = true;
			const entry = entryOf(p);
			entry.diagnostics.push(...more.map(jsonDiagnostic));
			yield entryText(entry);
		}
	};
	for (const chunk of jsonTextChunks(entries())) out(chunk);
	for (const p of packed) if (p.error) err(`nianbao: ${p.file}: ${p.error}\n`);
	if (packed.some((p) => p.error)) return 2;
	return laterErrors || packed.some((p) => p.errors) ? 1 : 0;
}

/** `nianbao convert`: each document written as a text report; exit 2 when one could not be. */
async function convert(opts: CliOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
	let failed = false;
	for (const file of opts.paths) {
		const done = await (await documentReaders()).convertDocument(file, opts, opts.paths.length > 1);
		if (done.written) out(`${file} -> ${done.written}\n`);
		else {
			failed = true;
			err(`nianbao: ${file}: ${done.error}\n`);
		}
	}
	return failed ? 2 : 0;
}

interface FileOutcome {
	result?: FileResult;
	extracted?: unknown;
	packed?: PackedResult;
}

/** Below this many files, starting worker threads costs more than it saves. */
const MIN_FILES_PER_WORKER = 1000;

/** Checks the files, on worker threads when there are many; outcomes come back in the files' order. */
async function processFiles(files: string[], opts: CliOptions): Promise<FileOutcome[]> {
	// --jobs N is taken as asked; left alone, workers start only where they pay for themselves.
	const jobs = opts.jobs !== undefined ? Math.min(opts.jobs, files.length) : Math.min(availableParallelism(), 4, Math.floor(files.length / MIN_FILES_PER_WORKER));
	if (files.length < MIN_FILES_PER_WORKER) setFlagsFromString('--heap-growing-percent=0');
	if (jobs <= 1 || opts.fix) return processInTurn(files, opts);
	const size = Math.ceil(files.length / jobs);
	const chunks = Array.from({ length: jobs }, (_, i) => files.slice(i * size, (i + 1) * size));
	// The main thread checks the first share itself while jobs - 1 workers check the others: a
	// worker costs a thread, an isolate and the bundle's start (about 0.1 s of CPU) before its first file.
	const workers = chunks.slice(1).map(
		(chunk) =>
			new Promise<FileOutcome[]>((resolve, reject) => {
				const worker = new Worker(__filename, { workerData: { nianbaoWorker: true, files: chunk, opts } });
				worker.once('message', resolve);
				worker.once('error', reject);
			}),
	);
	const parts = await Promise.all([processInTurn(chunks[0], opts), ...workers]);
	return parts.flat();
}

/** One file after another: documents are read one at a time, so their memory is never held together. */
async function processInTurn(files: string[], opts: CliOptions): Promise<FileOutcome[]> {
	const out: FileOutcome[] = [];
	for (const f of files) {
		const done = documentFormatOf(f) !== undefined ? await processDocument(f, opts) : processFile(f, opts);
		out.push(packsResults(opts) && done.result ? { packed: packResult(done.result) } : done);
	}
	sealPacked();
	return out;
}

/**
 * The Word, PDF and web-page readers (pdf.js and the rest, most of the bundle's code) are loaded
 * on the first document: a folder of text reports never compiles them. The build puts them in a
 * bundle of their own (esbuild.mjs).
 */
function documentReaders(): Promise<typeof import('./documents.ts')> {
	return import('./documents.ts');
}

async function processDocument(file: string, opts: CliOptions): Promise<FileOutcome> {
	try {
		const readers = await documentReaders();
		if (opts.command === 'extract') return await readers.extractDocument(file, opts);
		return { result: await readers.checkDocument(file, opts) };
	} catch (e) {
		return { result: { file, findings: [], error: `internal error: ${(e as Error).message}` } };
	}
}

function processFile(file: string, opts: CliOptions): FileOutcome {
	const read = readReport(file);
	if ('error' in read) return { result: { file, findings: [], error: read.error } };
	try {
		if (opts.command === 'extract') return { extracted: { file, ...extractReport(parseReport(read.text, { template: opts.template })) } };
		return { result: checkFile(file, read, opts) };
	} catch (e) {
		// The core never throws on any text; this guards the CLI's promise not to crash regardless.
		return { result: { file, findings: [], error: `internal error: ${(e as Error).message}` } };
	}
}

/**
 * This year against last year, for every pair of reports by the same agency for consecutive years
 * among the files checked, from the facts each file's check kept: nothing is read or parsed again.
 */
function addCrossYearFindings(results: FileResult[], opts: CliOptions): void {
	const candidates = results.flatMap((r) => (r.facts ? [{ result: r, facts: r.facts, agency: r.facts.agency, year: r.facts.year }] : []));
	for (const { current, previous } of pairByYear(candidates)) {
		current.result.findings.push(...crossYearFindings(current.facts, previous.facts, previous.result.file, opts.lang));
	}
}

function readReport(file: string): Decoded | { error: string } {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(file);
	} catch (e) {
		return { error: (e as Error).message };
	}
	const decoded = decodeBytes(bytes);
	if ('error' in decoded) return { error: 'binary file, not a text report' };
	return decoded;
}

function checkFile(file: string, read: Decoded, opts: CliOptions): FileResult {
	let model = parseReport(read.text, { template: opts.template });
	let findings = checkReport(model, { lang: opts.lang });
	let fixed = 0;
	if (opts.fix) {
		if (read.lossy) {
			return { file, template: model.template.id, findings, error: undefined, fixed: 0 };
		}
		let text = read.text;
		// Fixes can uncover others (a filled-in total lets an identity be checked): repeat until stable.
		for (let pass = 0; pass < 3; pass++) {
			// Artefacts are removed once, as check reported them: a line left alone once another went (a lone number) is not one.
			const edits = allFixEdits(model, pass === 0 ? findings : findings.filter((f) => f.code !== 'cleanup.artifact'));
			if (edits.length === 0) break;
			text = applyEdits(text, edits);
			fixed += edits.length;
			model = parseReport(text, { template: opts.template });
			findings = checkReport(model, { lang: opts.lang });
		}
		if (fixed > 0) writeFileAtomic(file, encodeText(text, read.encoding, read.bom));
	}
	return { file, template: model.template.id, findings, fixed, facts: yearFacts(model), ...(opts.format === 'html' ? { report: extractReport(model) } : {}) };
}

if (!isMainThread && workerData?.nianbaoWorker) {
	const { files, opts } = workerData as { files: string[]; opts: CliOptions };
	void processInTurn(files, opts).then((outcomes) => parentPort!.postMessage(outcomes));
} else if (require.main === module) {
	// Less inlining for V8's optimising compiler, set before any of the checker's code is
	// optimised (and for the workers too: flags are the process's). The checker is many large
	// functions each run on every report, and optimising them took as much CPU as checking a few
	// hundred reports (chooseSplits alone 110-230 ms a compile, 600 compiles for 500 reports); with
	// a fifth of the default budget the compiles are cheaper and the code as fast (issue 16).
	setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
	// Each isolate's old generation grows only a fifth past what the last full GC found alive (V8's
	// own factor is up to 4× when GC is fast beside the checking, as it is here). What a checking
	// thread keeps is small, 25 MB for 10,000 reports (a heap snapshot), yet its heap reached 80-96 MB
	// before each full GC. Set before the first full GC, whose limit holds until the next; the flag
	// is read at every full GC and is the process's, so it holds for the workers too. processFiles
	// lifts it for a few files: one big report's live heap is large, and a full GC a fifth on costs
	// more there (+15% CPU on a 14 MB report) for little gain.
	setFlagsFromString('--heap-growing-percent=20');
	// Broken pipes (nianbao check … | head) end the process quietly instead of throwing.
	process.stdout.on('error', (e: NodeJS.ErrnoException) => {
		if (e.code === 'EPIPE') process.exit(0);
	});
	void runCli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then((status) => {
		process.exitCode = status;
	});
}
