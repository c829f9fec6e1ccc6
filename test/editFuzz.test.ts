import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { FUZZ_SEED } from './editFuzzGen.ts';

/**
 * Seeded fuzzing of edits, as an editor makes them: each generated input is one random edit of a
 * seed (a number changed, junk typed, a line deleted, duplicated or swapped, a range replaced by
 * table fragments, labels, tabs, pipes, BOMs, NULs, zero-width and full-width characters),
 * applied incrementally the way the server's document store applies it. For every edit the
 * incremental text equals the plain splice; as an editor pulls after a few keystrokes, every 5th
 * version is parsed and checked: nothing throws, every range lies inside the document, fix-all's
 * edits apply without overlap (test/editFuzzRun.ts, two shares side by side). Each chain of edits
 * is read as the server reads an open document, each version with what the last one read
 * (core/reuse.ts). Every 100th text is then parsed again in a fresh process (cold caches, nothing
 * reused) and must give the same findings: no cache carries state from one version to the next.
 * NIANBAO_FUZZ_EDITS sets the count (default 100,000); the protocol half is in test/protocol/.
 */
const EDITS = Number(process.env.NIANBAO_FUZZ_EDITS ?? 100_000);
const SHARES = 2;
const run = promisify(execFile);

interface Share {
	done: number;
	parsed: number;
	findingsSeen: number;
	samples: Array<{ input: number; text: string; findings: string }>;
}

describe('fuzzing of edits (core)', () => {
	it(`${EDITS.toLocaleString('en')} generated edits: nothing throws, ranges hold, a fresh parse agrees`, async () => {
		const t0 = Date.now();
		const shares = await Promise.all(
			Array.from({ length: SHARES }, async (_, k) => {
				const count = Math.ceil(EDITS / SHARES);
				try {
					const { stdout } = await run(process.execPath, ['--import', 'tsx', join(__dirname, 'editFuzzRun.ts'), String(FUZZ_SEED + 100 * k), String(count)], { maxBuffer: 1 << 30, encoding: 'utf8' });
					return JSON.parse(stdout) as Share;
				} catch (e) {
					assert.fail(`share ${k}: ${(e as { stderr?: string }).stderr?.slice(0, 4000) ?? String(e)}`);
				}
			}),
		);
		const samples = shares.flatMap((s) => s.samples);
		const fresh = await new Promise<string[]>((resolve, reject) => {
			const child = execFile(process.execPath, ['--import', 'tsx', join(__dirname, 'editFuzzFresh.ts')], { maxBuffer: 1 << 30, encoding: 'utf8' }, (err, out) =>
				err ? reject(err) : resolve(JSON.parse(out) as string[]),
			);
			child.stdin!.end(JSON.stringify(samples.map((s) => s.text)));
		});
		assert.equal(fresh.length, samples.length);
		samples.forEach((s, i) => assert.equal(fresh[i], s.findings, `input ${s.input}: a fresh parse finds otherwise`));
		const done = shares.reduce((n, s) => n + s.done, 0);
		const parsed = shares.reduce((n, s) => n + s.parsed, 0);
		const findings = shares.reduce((n, s) => n + s.findingsSeen, 0);
		console.log(
			`edit fuzz (core): ${done.toLocaleString('en')} generated edits (seed ${FUZZ_SEED}, ${SHARES} shares), each text checked; ${parsed.toLocaleString('en')} versions parsed and checked (${findings.toLocaleString('en')} findings), ${samples.length} re-parsed fresh; ${((Date.now() - t0) / 1000).toFixed(1)} s`,
		);
		assert.ok(done >= EDITS);
	});
});
