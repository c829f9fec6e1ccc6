#!/usr/bin/env node
// Checks the labels written by build.mjs against their documents: every labelled line exists and
// shows its context (a number as a whole number), so a label cannot silently point at the wrong line.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let bad = 0;
let checked = 0;
for (const dir of ['test/corpus/pdf', 'test/corpus/html-rows']) {
	for (const f of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.expected.json'))) {
		const label = JSON.parse(readFileSync(join(ROOT, dir, f), 'utf8'));
		const lines = readFileSync(join(ROOT, dir, f.replace('.expected.json', '.txt')), 'utf8').split('\n');
		for (const x of label.findings) {
			if (x.line === undefined) continue;
			checked++;
			const line = lines[x.line - 1] ?? '';
			const ok = /^\d/.test(x.context) ? new RegExp(`(?<![\\d.])${x.context.replace('.', '\\.')}(?![\\d.])`).test(line) : line.includes(x.context);
			if (!ok) {
				bad++;
				console.log(`${dir}/${f}: line ${x.line} '${line.trim()}' lacks '${x.context}' (${x.code})`);
			}
		}
	}
}
console.log(`${checked} labelled lines checked, ${bad} wrong`);
process.exit(bad ? 1 : 0);
