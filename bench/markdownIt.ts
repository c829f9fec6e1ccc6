/**
 * A second yardstick for the CLI: the same file walk, reading and decoding as the floor, then
 * markdown-it's tokenizer over each text (block and inline tokens, no rendering). Run bundled by
 * bench/run.ts, like the floor.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { collectFiles } from '../server/src/cli/files.ts';
import { decodeBytes } from '../server/src/core/index.ts';

// markdown-it ships no types; the one call used is parse(text, env) → tokens.
const MarkdownIt = createRequire(__filename)('markdown-it') as new () => { parse(text: string, env: object): unknown[] };
const md = new MarkdownIt();

let tokens = 0;
for (const file of collectFiles(process.argv.slice(2)).files) {
	const d = decodeBytes(readFileSync(file));
	if (!('error' in d)) tokens += md.parse(d.text, {}).length;
}
process.stdout.write(`${tokens}\n`);
