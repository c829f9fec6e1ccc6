// Loaded by the VS Code extension host (--extensionTestsPath): runs every *.e2e.js next to it with
// mocha and leaves the counts in results.json for test/e2e/run.mjs.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
	const grep = process.env.NIANBAO_E2E_GREP;
	if (grep) mocha.grep(grep);
	for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort()) mocha.addFile(join(__dirname, f));
	let passed = 0;
	let failed = 0;
	const failures: string[] = [];
	return new Promise((resolve, reject) => {
		const runner = mocha.run((n) => {
			writeFileSync(join(__dirname, 'results.json'), JSON.stringify({ passed, failed, failures }, null, 2));
			if (n > 0) reject(new Error(`${n} tests failed.`));
			else resolve();
		});
		runner.on('pass', () => passed++);
		runner.on('fail', (t, err) => {
			failed++;
			failures.push(`${t.fullTitle()}: ${err instanceof Error ? err.message : String(err)}`);
		});
	});
}
