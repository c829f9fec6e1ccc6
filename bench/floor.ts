/**
 * The floor the CLI is measured against: the same process start, the same file walk, reading,
 * decoding and splitting into lines, and nothing else.
 */
import { readFileSync } from 'node:fs';
import { collectFiles } from '../server/src/cli/files.ts';
import { decodeBytes, LineIndex } from '../server/src/core/index.ts';

let lines = 0;
for (const file of collectFiles(process.argv.slice(2)).files) {
	const d = decodeBytes(readFileSync(file));
	if (!('error' in d)) lines += new LineIndex(d.text).lineCount;
}
process.stdout.write(`${lines}\n`);
