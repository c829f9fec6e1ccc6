/**
 * The benchmark (`npm run bench`): core time per report and its growth with size, CLI throughput
 * against the floor of merely reading the same files, and the language server's latency and
 * memory. Prints one table; README.md records the figures with the machine they ran on.
 *
 * NIANBAO_BENCH_FILES overrides the size of the large generated corpus (20000) and
 * NIANBAO_BENCH_REAL_FILES that of the corpus of real reports (4000), e.g. for a quick run;
 * NIANBAO_BENCH_ONLY runs some of the parts only (a comma-separated list of core, growth, cli,
 * server, documents; all by default), e.g. `NIANBAO_BENCH_ONLY=cli NIANBAO_BENCH_FILES=1000
 * NIANBAO_BENCH_REAL_FILES=1000 npm run bench` for the CLI against the floor in a few minutes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { BENCH_LAYOUTS, generateReport } from './generate.ts';
import { documentRows } from './documents.ts';
import { writeRealCorpus } from './realCorpus.ts';
import { serverEditMemory, serverLatency } from './serverLatency.ts';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'bench', 'out');
const LARGE = Number(process.env.NIANBAO_BENCH_FILES ?? 20000);
const REAL = Number(process.env.NIANBAO_BENCH_REAL_FILES ?? 4000);
const DISTINCT = 400;
const PARTS = ['core', 'growth', 'cli', 'server', 'documents'];
const ONLY = new Set((process.env.NIANBAO_BENCH_ONLY ?? PARTS.join(',')).split(',').map((p) => p.trim()));
for (const p of ONLY) if (!PARTS.includes(p)) throw new Error(`NIANBAO_BENCH_ONLY: no part ${p} (${PARTS.join(', ')})`);

const rows: Array<[string, string]> = [];
const record = (what: string, figure: string) => {
	rows.push([what, figure]);
	console.error(`  ${what}: ${figure}`);
};

function quantiles(samples: number[]): { p50: number; p95: number } {
	const s = [...samples].sort((a, b) => a - b);
	return { p50: s[Math.floor(s.length * 0.5)], p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] };
}
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;

/** Writes `count` report files, cycling through DISTINCT generated reports of every layout. */
function corpus(count: number): { dir: string; bytes: number } {
	const dir = join(OUT, `corpus-${count}`);
	const stamp = join(dir, '.complete');
	const reports = Array.from({ length: Math.min(DISTINCT, count) }, (_, i) =>
		Buffer.from(generateReport({ layout: BENCH_LAYOUTS[i % BENCH_LAYOUTS.length], seed: i + 1, injectError: i % 10 === 0 }), 'utf8'),
	);
	let bytes = 0;
	for (let i = 0; i < count; i++) bytes += reports[i % reports.length].length;
	if (existsSync(stamp)) return { dir, bytes };
	rmSync(dir, { recursive: true, force: true });
	for (let i = 0; i < count; i++) {
		const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
		if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
		writeFileSync(join(sub, `report-${String(i).padStart(5, '0')}.txt`), reports[i % reports.length]);
	}
	writeFileSync(stamp, '');
	return { dir, bytes };
}

/** Runs a node script; its wall time, and its peak resident memory and CPU time (reported by bench/maxRss.cjs, preloaded). */
function timeCommand(args: string[]): { ms: number; cpuMs: number; maxRssKiB: number } {
	const t0 = process.hrtime.bigint();
	const r = spawnSync(process.execPath, ['-r', join(ROOT, 'bench', 'maxRss.cjs'), ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
	const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
	if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
	const rss = /nianbao-bench-max-rss-kib=(\d+)/.exec(r.stderr.toString());
	const cpu = /nianbao-bench-cpu-us=(\d+)/.exec(r.stderr.toString());
	return { ms: elapsed, cpuMs: cpu ? Number(cpu[1]) / 1000 : NaN, maxRssKiB: rss ? Number(rss[1]) : NaN };
}

function bestOf(n: number, f: () => number): number {
	let best = Infinity;
	for (let i = 0; i < n; i++) best = Math.min(best, f());
	return best;
}

async function main(): Promise<void> {
	mkdirSync(OUT, { recursive: true });
	console.error(`nianbao benchmark on ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);

	// 1. The core on one typical report, per layout.
	for (const layout of ONLY.has('core') ? BENCH_LAYOUTS : []) {
		const text = generateReport({ layout, seed: 99 });
		for (let i = 0; i < 50; i++) checkReport(parseReport(text));
		const samples: number[] = [];
		for (let i = 0; i < 300; i++) {
			const t0 = performance.now();
			checkReport(parseReport(text));
			samples.push(performance.now() - t0);
		}
		const q = quantiles(samples);
		record(`core: parse + check one report (${layout}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB)`, `p50 ${ms(q.p50)}, p95 ${ms(q.p95)}`);
	}

	// 2. Growth with size: one document made of many reports, 10 KB to 10 MB.
	const unit = generateReport({ layout: 'tab-cells', seed: 5 });
	const series: string[] = [];
	for (const kb of ONLY.has('growth') ? [10, 100, 1000, 10000] : []) {
		const text = unit.repeat(Math.max(1, Math.round((kb * 1024) / Buffer.byteLength(unit))));
		const t = bestOf(kb >= 10000 ? 1 : 3, () => {
			const t0 = performance.now();
			checkReport(parseReport(text));
			return performance.now() - t0;
		});
		series.push(`${kb >= 1000 ? `${kb / 1000} MB` : `${kb} KB`}: ${ms(t)} (${(Buffer.byteLength(text) / 1e6 / (t / 1000)).toFixed(1)} MB/s)`);
	}
	if (series.length > 0) record('growth: parse + check vs size', series.join('; '));

	// 3. CLI throughput against the floor of reading, decoding and splitting the same files, and
	// against markdown-it's tokenizer over them; generated reports (few big ones) and the real
	// reports (many small ones), with each command's peak memory.
	const floor = join(OUT, 'floor.js');
	const markdownIt = join(OUT, 'markdownIt.js');
	for (const [entry, outfile] of [['floor.ts', floor], ['markdownIt.ts', markdownIt]])
		await esbuild.build({ entryPoints: [join(ROOT, 'bench', entry)], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning', external: ['markdown-it'] });
	const cli = join(ROOT, 'dist', 'cli.js');
	const corpora: Array<{ name: string; count: number; make: () => { dir: string; bytes: number } }> = [
		{ name: 'real reports', count: REAL, make: () => writeRealCorpus(join(OUT, `real-${REAL}`), REAL) },
		{ name: 'generated reports', count: 1000, make: () => corpus(1000) },
		{ name: 'generated reports', count: LARGE, make: () => corpus(LARGE) },
	];
	for (const { name, count, make } of ONLY.has('cli') ? corpora : []) {
		const { dir, bytes } = make();
		const mb = bytes / 1e6;
		const tries = count > 2000 ? 1 : 2;
		// Each command's fastest wall time and, apart, its least CPU time (user + system, all threads): on a shared machine the CPU time varies less.
		const best = (n: number, args: string[]) => {
			let ms = Infinity;
			let cpuMs = Infinity;
			let rss = 0;
			for (let i = 0; i < n; i++) {
				const r = timeCommand(args);
				[ms, cpuMs, rss] = [Math.min(ms, r.ms), Math.min(cpuMs, r.cpuMs), Math.max(rss, r.maxRssKiB)];
			}
			return { ms, cpuMs, rss };
		};
		const floorRun = best(2, [floor, dir]);
		const md = best(tries, [markdownIt, dir]);
		const one = best(tries, [cli, 'check', '--format', 'json', '--jobs', '1', dir]);
		const two = best(tries, [cli, 'check', '--format', 'json', '--jobs', '2', dir]);
		const [tFloor, tMd, tOne, tTwo] = [floorRun.ms, md.ms, one.ms, two.ms];
		const cpu = (r: { cpuMs: number }) => `CPU ${(r.cpuMs / 1000).toFixed(2)} s`;
		const what = `cli: ${count} ${name} (${mb.toFixed(0)} MB, ${((bytes / count) / 1024).toFixed(1)} KB each)`;
		record(`${what}, floor (read + decode + split lines)`, `${(tFloor / 1000).toFixed(2)} s, ${(mb / (tFloor / 1000)).toFixed(0)} MB/s; ${cpu(floorRun)}`);
		record(`${what}, markdown-it tokenizer`, `${(tMd / 1000).toFixed(2)} s, ${(tMd / tFloor).toFixed(1)}× the floor; ${cpu(md)}, ${(md.cpuMs / floorRun.cpuMs).toFixed(1)}×`);
		record(
			`${what}, nianbao check --jobs 1`,
			`${(tOne / 1000).toFixed(2)} s (${(tOne / count).toFixed(2)} ms a report), ${(tOne / tFloor).toFixed(1)}× the floor, ${(tOne / tMd).toFixed(1)}× markdown-it, peak ${(one.rss / 1024).toFixed(0)} MiB; ${cpu(one)} (${(one.cpuMs / count).toFixed(2)} ms a report), ${(one.cpuMs / floorRun.cpuMs).toFixed(1)}× the floor's`,
		);
		record(`${what}, nianbao check --jobs 2`, `${(tTwo / 1000).toFixed(2)} s, ${(tOne / tTwo).toFixed(2)}× faster than one, peak ${(two.rss / 1024).toFixed(0)} MiB; ${cpu(two)}`);
	}

	// 4. The language server over stdio.
	const server = join(ROOT, 'dist', 'server.js');
	if (!ONLY.has('server')) {
		// left out (NIANBAO_BENCH_ONLY)
	} else if (existsSync(server)) {
		const typical = generateReport({ layout: 'tab-cells', seed: 42 });
		const large = unit.repeat(Math.round((1024 * 1024) / Buffer.byteLength(unit)));
		for (const [name, text, edits] of [['typical report', typical, 200], ['1 MB document', large, 40]] as const) {
			const r = await serverLatency(server, text, edits);
			for (const [what, samples] of Object.entries(r.latencies)) {
				const q = quantiles(samples);
				record(`server: ${what}, ${name}`, samples.length === 1 ? ms(samples[0]) : `p50 ${ms(q.p50)}, p95 ${ms(q.p95)}`);
			}
		}
		const reports = Array.from({ length: 200 }, (_, i) => generateReport({ layout: BENCH_LAYOUTS[i % 4], seed: 1000 + i }));
		const mem = await serverLatency(server, typical, 0, reports);
		record('server: memory with 200 open reports', `${(mem.rssBytes! / 2 ** 20).toFixed(0)} MiB RSS`);
		const EDITS = Number(process.env.NIANBAO_BENCH_EDITS ?? 10000);
		const rss = await serverEditMemory(server, typical, EDITS, EDITS / 10);
		record(`server: memory over ${EDITS} edits of a typical report (RSS every ${EDITS / 10})`, rss.map((b) => `${(b / 2 ** 20).toFixed(0)}`).join(', ') + ' MiB');
	} else record('server', 'dist/server.js not built: skipped');

	// 5. Word, PDF and web-page reports (bench/documents.ts), each in a process of its own.
	if (ONLY.has('documents')) for (const [what, figure] of documentRows()) record(what, figure);

	console.log('\n| measure | result |\n| --- | --- |');
	for (const [what, figure] of rows) console.log(`| ${what} | ${figure} |`);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
