import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERERS, rewrite } from './relayout.ts';

/**
 * The many-small-files corpus: real reports as they are published, not generated ones. The seeds
 * (test/fixtures/seeds) and the real reports (test/corpus/real) under 50 KB, the tab-cells seeds
 * also rewritten into pipe rows, Markdown and cell-per-line (the other three text layouts; the
 * rewrite is the one test/layouts.test.ts checks reads to the same tables), cycled into `count`
 * files, 1000 to a folder.
 */

const ROOT = join(__dirname, '..');
const MAX_BYTES = 50_000;

/** The distinct texts, each as bytes with a name saying where it came from. */
export function realReports(): Array<{ name: string; bytes: Buffer }> {
	const out: Array<{ name: string; bytes: Buffer }> = [];
	const seeds = join(ROOT, 'test', 'fixtures', 'seeds');
	for (const f of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
		const bytes = readFileSync(join(seeds, f));
		out.push({ name: `seed-${f}`, bytes });
		const text = bytes.toString('utf8');
		if (!text.includes('\n\t')) continue;
		for (const [layout, render] of Object.entries(RENDERERS)) out.push({ name: `seed-${layout}-${f}`, bytes: Buffer.from(rewrite(text, render), 'utf8') });
	}
	const real = join(ROOT, 'test', 'corpus', 'real');
	for (const f of readdirSync(real).filter((f) => f.endsWith('.txt')).sort()) {
		const bytes = readFileSync(join(real, f));
		if (bytes.length <= MAX_BYTES) out.push({ name: `real-${f}`, bytes });
	}
	return out;
}

/** Writes the corpus of `count` files under `dir` (once: a stamp file marks it complete); returns its size. */
export function writeRealCorpus(dir: string, count: number): { dir: string; bytes: number; distinct: number } {
	const reports = realReports();
	let bytes = 0;
	for (let i = 0; i < count; i++) bytes += reports[i % reports.length].bytes.length;
	const stamp = join(dir, '.complete');
	if (existsSync(stamp)) return { dir, bytes, distinct: reports.length };
	rmSync(dir, { recursive: true, force: true });
	for (let i = 0; i < count; i++) {
		const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
		if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
		const r = reports[i % reports.length];
		writeFileSync(join(sub, `${String(i).padStart(5, '0')}-${r.name}`), r.bytes);
	}
	writeFileSync(stamp, '');
	return { dir, bytes, distinct: reports.length };
}

if (require.main === module) {
	const [dir, count] = process.argv.slice(2);
	const r = writeRealCorpus(dir, Number(count ?? 4000));
	console.log(`${r.dir}: ${count ?? 4000} files of ${r.distinct} distinct reports, ${(r.bytes / 1e6).toFixed(1)} MB`);
}
