// Runs every test/**/*.test.ts with node's test runner (TypeScript through tsx), prints the
// spec report, and ends with one plain "N passed, N failed" line that CI reads.
// Extra arguments are passed on (e.g. --test-name-pattern).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const files = readdirSync('test', { recursive: true })
	.map(String)
	.filter((f) => f.endsWith('.test.ts') && !f.split(/[\\/]/).includes('fixtures'))
	.map((f) => join('test', f))
	.sort();
const dir = mkdtempSync(join(tmpdir(), 'nianbao-test-'));
const tap = join(dir, 'report.tap');
const args = [
	// A test that waits for an event which never comes fails after 10 minutes instead of hanging CI
	// (a bound on a hang, not an expectation of speed: no test asks for anything near it).
	// (--test-force-exit is not used: it ends the runner before its TAP report is written.)
	'--import', 'tsx', '--test', '--test-timeout=600000',
	'--test-reporter=spec', '--test-reporter-destination=stdout',
	'--test-reporter=tap', `--test-reporter-destination=${tap}`,
	...process.argv.slice(2), ...files,
];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
let passed = 0;
let failed = 0;
try {
	const report = readFileSync(tap, 'utf8');
	passed = Number(/^# pass (\d+)/m.exec(report)?.[1] ?? 0);
	failed = Number(/^# fail (\d+)/m.exec(report)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(report)?.[1] ?? 0);
} catch {
	failed = Math.max(failed, 1);
}
rmSync(dir, { recursive: true, force: true });
const status = r.status ?? 1;
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(status);
