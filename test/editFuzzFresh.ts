// Run by test/editFuzz.test.ts in a new process: parses each text of stdin's JSON array with cold
// caches and prints the findings, for comparison with the fuzzing process's own.
import { readFileSync } from 'node:fs';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { sampledFindings } from './editFuzzGen.ts';

const texts = JSON.parse(readFileSync(0, 'utf8')) as string[];
process.stdout.write(JSON.stringify(texts.map((t) => sampledFindings(checkReport(parseReport(t), { lang: 'zh' })))));
