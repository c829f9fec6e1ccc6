/**
 * Loads the labelled corpus (every NAME.expected.json under test/corpus/ with its document beside
 * it) and runs the built CLI over all of it at once, as an evaluator runs a folder: `check --format
 * json` for the findings (so cross-year pairs are checked too) and `extract` for what was read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { decodeBytes } from '../../server/src/core/index.ts';
import { scoreFile, type CorpusLabel, type FileScore, type ProducedFinding, type ProducedModel } from './score.ts';

export const ROOT = join(__dirname, '..', '..');
export const CORPUS = join(ROOT, 'test', 'corpus');
const CLI = join(ROOT, 'dist', 'cli.js');
const LABEL = '.expected.json';

export interface CorpusEntry {
	document: string;
	label: CorpusLabel;
}

/** The document a label belongs to: the file beside it whose name, less its last extension, is the label's name. */
function documentFor(labelPath: string): string | undefined {
	const dir = dirname(labelPath);
	const name = basename(labelPath).slice(0, -LABEL.length);
	return readdirSync(dir)
		.filter((f) => !f.endsWith(LABEL) && f.slice(0, f.lastIndexOf('.')) === name)
		.map((f) => join(dir, f))[0];
}

export function loadCorpus(root = CORPUS): CorpusEntry[] {
	if (!existsSync(root)) return [];
	const labels = readdirSync(root, { recursive: true })
		.map(String)
		.filter((f) => f.endsWith(LABEL))
		.sort();
	const entries: CorpusEntry[] = [];
	for (const f of labels) {
		const labelPath = join(root, f);
		const label = JSON.parse(readFileSync(labelPath, 'utf8')) as CorpusLabel & { document?: string };
		// A label may name its document elsewhere (a .pdf/.docx/.html fixture the document tests share), else it lies beside it.
		const document = label.document ? join(dirname(labelPath), label.document) : documentFor(labelPath);
		if (!document || !existsSync(document)) throw new Error(`corpus: ${relative(ROOT, labelPath)} has no document`);
		entries.push({ document, label });
	}
	return entries;
}

function runCli(args: string[], files: string[]): unknown[] {
	const r = spawnSync(process.execPath, [CLI, ...args, ...files], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
	if (r.status !== 0 && r.status !== 1 && !r.stdout.trim().startsWith('[')) throw new Error(`corpus: nianbao ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
	return JSON.parse(r.stdout) as unknown[];
}

/** What the reader saw of a document as text (documents other than text are located by the CLI's rendering, so no context match). */
function textOf(file: string): string {
	const d = decodeBytes(readFileSync(file));
	return 'error' in d ? '' : d.text;
}

export function scoreCorpus(entries = loadCorpus()): FileScore[] {
	if (!existsSync(CLI)) throw new Error('corpus: dist/cli.js is missing; run npm run build first');
	if (entries.length === 0) return [];
	// One run a folder, as an evaluator checks a folder: the same report through two routes (test/corpus/pdf and
	// test/corpus/real) must not be paired with another's last year.
	const folders = new Map<string, string[]>();
	for (const e of entries) folders.set(dirname(e.document), [...(folders.get(dirname(e.document)) ?? []), relative(ROOT, e.document)]);
	const checked: Array<{ file: string; diagnostics: ProducedFinding[] }> = [];
	const extracted: Array<ProducedModel & { file: string }> = [];
	for (const files of folders.values()) {
		checked.push(...(runCli(['check', '--format', 'json'], files) as typeof checked));
		extracted.push(...(runCli(['extract'], files) as typeof extracted));
	}
	const byFile = <T extends { file: string }>(list: T[]) => new Map(list.map((x) => [join(ROOT, x.file), x]));
	const findings = byFile(checked);
	const models = byFile(extracted);
	return entries.map((e) =>
		scoreFile(relative(ROOT, e.document), e.label, textOf(e.document), findings.get(e.document)?.diagnostics ?? [], models.get(e.document)),
	);
}
