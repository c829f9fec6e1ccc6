/**
 * Documents in the benchmark: a .docx, a saved web page and two PDFs read, parsed and checked
 * over and over, each in a process of its own so its peak memory (max RSS) is its own. The
 * children run this file bundled by esbuild, as the CLI ships (under tsx, transpiling pdf.js
 * alone takes hundreds of MiB). Run alone (`node --import tsx bench/documents.ts`) or as part of
 * `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { documentFormatOf, readDocument } from '../server/src/core/read/documents/index.ts';

const ROOT = join(__dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'documents');
const CASES = ['own-xicheng-rsj-2023.docx', 'own-xicheng-rsj-2023.html', 'own-xicheng-rsj-2023.pdf', 'own-dongcheng-rsj-2018.pdf'];
const RUNS = Number(process.env.NIANBAO_BENCH_DOCUMENT_RUNS ?? 30);

interface Measured {
	file: string;
	kb: number;
	pages?: number;
	p50: number;
	maxRssMiB: number;
}

/** One format in this process: read + parse + check RUNS times, after one warm-up. */
async function measure(file: string): Promise<Measured> {
	const bytes = new Uint8Array(readFileSync(join(process.env.NIANBAO_FIXTURES ?? FIXTURES, file)));
	const format = documentFormatOf(file)!;
	const times: number[] = [];
	let pages: number | undefined;
	for (let i = 0; i <= RUNS; i++) {
		const t = performance.now();
		const r = await readDocument(bytes, format);
		if ('problem' in r) throw new Error(`${file}: ${r.problem.message.en}`);
		checkReport(parseReport(r.rendering.text));
		if (i > 0) times.push(performance.now() - t);
		pages = r.rendering.pages;
	}
	times.sort((a, b) => a - b);
	return { file, kb: bytes.length / 1024, pages, p50: times[Math.floor(times.length / 2)], maxRssMiB: process.resourceUsage().maxRSS / 1024 };
}

/** Rows for the benchmark table, each format measured in a child process. */
export function documentRows(): Array<[string, string]> {
	mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
	const bundle = join(ROOT, 'bench', 'out', 'documents.cjs');
	esbuild.buildSync({ entryPoints: [__filename], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', external: ['esbuild'] });
	return CASES.map((file) => {
		const r = spawnSync(process.execPath, [bundle, '--one', file], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, NIANBAO_FIXTURES: FIXTURES } });
		if (r.status !== 0) return [`documents: ${file}`, `failed: ${r.stderr.trim().split('\n').pop()}`] as [string, string];
		const m = JSON.parse(r.stdout) as Measured;
		const rate = m.pages ? `${(m.pages / (m.p50 / 1000)).toFixed(1)} pages/s (${m.pages} pages)` : `${(1000 / m.p50).toFixed(1)} documents/s`;
		return [`documents: read + parse + check ${file} (${m.kb.toFixed(0)} KB)`, `p50 ${m.p50.toFixed(1)} ms, ${rate}, peak ${m.maxRssMiB.toFixed(0)} MiB RSS`] as [string, string];
	});
}

if (require.main === module) {
	const at = process.argv.indexOf('--one');
	if (at >= 0) {
		void measure(process.argv[at + 1]).then((m) => process.stdout.write(JSON.stringify(m)));
	} else {
		console.log('| measure | result |\n| --- | --- |');
		for (const [what, figure] of documentRows()) console.log(`| ${what} | ${figure} |`);
	}
}
