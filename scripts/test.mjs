// Runs every test/**/*.test.ts with node's test runner (TypeScript through tsx).
// Extra arguments are passed on (e.g. --test-name-pattern).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const files = readdirSync('test', { recursive: true })
	.map(String)
	.filter((f) => f.endsWith('.test.ts') && !f.split(/[\\/]/).includes('fixtures'))
	.map((f) => join('test', f))
	.sort();
const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
