/**
 * `npm run corpus`: the real-report scorecard. Per file and in total: false errors, false
 * warnings, true findings found and missed, files not understood; precision and recall per severity.
 * `--verbose` lists every false and missed finding. Exits 1 when a target is not met.
 */
import { scoreCorpus } from './corpus.ts';
import { totals, type FileScore } from './score.ts';

const verbose = process.argv.includes('--verbose');
const scores = scoreCorpus();
if (scores.length === 0) {
	console.log('corpus: no labelled reports under test/corpus/');
	process.exit(1);
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const name = (s: FileScore) => s.file.replace(/^test\/corpus\//, '');
const width = Math.max(...scores.map((s) => name(s).length));
console.log(`${'file'.padEnd(width)}  route              false-err false-warn found missed  understood`);
for (const s of scores) {
	console.log(
		`${name(s).padEnd(width)}  ${s.route.padEnd(18)} ${pad(s.falseErrors.length, 9)} ${pad(s.falseWarnings.length, 10)} ${pad(s.found.length, 5)} ${pad(s.missed.length, 6)}  ${s.notUnderstood.length ? 'NO: ' + s.notUnderstood.join('; ') : s.saidUnreadable ? 'said unreadable' : 'yes'}`,
	);
	if (verbose) {
		const at = (r: { start: { line: number; character: number } }) => `${r.start.line + 1}:${r.start.character + 1}`;
		for (const f of s.falseErrors) console.log(`    false error    ${at(f.range)} ${f.code}  ${f.message}`);
		for (const f of s.falseWarnings) console.log(`    false warning  ${at(f.range)} ${f.code}  ${f.message}`);
		for (const l of s.missed) console.log(`    missed${s.missedUnread.includes(l) ? ' (unread)' : '        '} ${l.line ?? ''} ${l.code}  ${l.context ?? ''}  ${l.why ?? ''}`);
		for (const l of s.lowered) console.log(`    found lowered  ${l.line ?? ''} ${l.code}  ${l.context ?? ''}`);
	}
}

const t = totals(scores);

// By family of checks: what they raised (errors and warnings) that a label names or not, and the labels they found or missed.
const families = ['balance.', 'section.', 'table.', 'claim.', 'date.', 'plausibility.', 'year.', 'cleanup.', 'cell.', 'template.', 'document.'];
console.log('');
console.log('check family   raised-true  raised-false  missed  precision  recall');
for (const fam of families) {
	const has = (code: string) => code.startsWith(fam);
	const falses = scores.reduce((n, s) => n + [...s.falseErrors, ...s.falseWarnings].filter((f) => has(f.code)).length, 0);
	const found = scores.reduce((n, s) => n + s.found.filter((l) => has(l.code)).length, 0);
	const missed = scores.reduce((n, s) => n + s.missed.filter((l) => has(l.code)).length, 0);
	if (falses + found + missed === 0) continue;
	const p = found + falses === 0 ? '—' : `${((found / (found + falses)) * 100).toFixed(0)}%`;
	const r = found + missed === 0 ? '—' : `${((found / (found + missed)) * 100).toFixed(0)}%`;
	console.log(`${fam.padEnd(14)} ${String(found).padStart(11)} ${String(falses).padStart(13)} ${String(missed).padStart(7)}  ${p.padStart(9)} ${r.padStart(7)}`);
}
const routes = new Map<string, number>();
for (const s of scores) routes.set(s.route, (routes.get(s.route) ?? 0) + 1);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log('');
console.log(`routes: ${[...routes].map(([r, n]) => `${r} ${n}`).join(', ')}`);
console.log(`precision: errors ${pct(t.precision.error)}, warnings ${pct(t.precision.warning)}; recall: errors ${pct(t.recall.error)}, warnings ${pct(t.recall.warning)}`);
console.log(`files not understood: ${t.notUnderstood} (said unreadable: ${t.saidUnreadable})`);
console.log(`${t.files} reports: ${t.falseErrors} false errors, ${t.falseWarnings} false warnings (${(t.falseWarnings / t.files).toFixed(2)} per report), ${t.found} found, ${t.missed} missed (${t.missedErrors} errors, ${t.missedErrorsUnread} of them in tables the reader said it could not read)`);
const targets: Array<[string, boolean]> = [
	['0 false errors', t.falseErrors === 0],
	['≤ 1 false warning per report', t.falseWarnings / t.files <= 1],
	['every labelled error found', t.missedErrors === 0],
	['every file understood', t.notUnderstood === 0],
];
const unmet = targets.filter(([, ok]) => !ok).map(([target]) => target);
console.log(unmet.length === 0 ? 'targets met' : `targets met: ${targets.filter(([, ok]) => ok).map(([target]) => target).join(', ') || 'none'}; not met: ${unmet.join(', ')}`);
process.exit(unmet.length === 0 ? 0 : 1);
