// One share of the core edit fuzzing, run by test/editFuzz.test.ts in its own process (the shares
// run side by side, one a core): `node --import tsx test/editFuzzRun.ts SEED COUNT` prints a JSON
// summary with every 100th text and its findings for the fresh-parse comparison. A failed
// property prints its input number and exits 1.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, checkReport, fixAllEdits, LineIndex, parseReport, ReadingReuse, type Range } from '../server/src/core/index.ts';
import { editedTexts, rng, sampledFindings } from './editFuzzGen.ts';
import { readSeed, SEEDS } from './helpers.ts';

const [seed, count] = process.argv.slice(2).map(Number);
const CHAIN = 200;
/** An editor sends several changes between two pulls: each edit's text is checked, every 5th is parsed. */
const PARSE_EVERY = 5;
const SAMPLE_EVERY = 100;

function inside(index: LineIndex, r: Range): boolean {
	const ok = (p: Range['start']) => p.line >= 0 && p.line < index.lineCount && p.character >= 0 && p.character <= index.lines[p.line].length;
	return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

const random = rng(seed);
const seeds = SEEDS.map(readSeed);
const samples: Array<{ input: number; text: string; findings: string }> = [];
let done = 0;
let parsed = 0;
let findingsSeen = 0;
let current = '';
try {
	while (done < count) {
		const start = seeds[Math.floor(done / CHAIN) % seeds.length];
		let doc = TextDocument.create('file:///fuzz.txt', 'nianbao', 0, start);
		let text = start;
		// As the server reads an open document: each version with what the last one read.
		const reuse = new ReadingReuse();
		for (const edit of editedTexts(random, start, Math.min(CHAIN, count - done))) {
			// The server's store applies incremental changes through this very call.
			doc = TextDocument.update(doc, [{ range: edit.range, text: edit.newText }], doc.version + 1);
			text = applyEdits(text, [edit]);
			current = text;
			assert.equal(doc.getText(), text, 'the incremental text differs from the splice');
			done++;
			if (done % PARSE_EVERY !== 0) continue;
			parsed++;
			const model = parseReport(text, { reuse });
			const findings = checkReport(model, { lang: done % 2 === 0 ? 'zh' : 'en' });
			findingsSeen += findings.length;
			for (const f of findings) {
				assert.ok(inside(model.index, f.range), `${f.code} range outside the document`);
				for (const e of f.fix?.edits ?? []) assert.ok(inside(model.index, e.range), `${f.code} fix outside the document`);
				for (const r of f.related ?? []) if (!r.file) assert.ok(inside(model.index, r.range), `${f.code} related range outside the document`);
			}
			const fixes = fixAllEdits(model);
			for (const e of fixes) assert.ok(inside(model.index, e.range), 'a fix-all edit outside the document');
			applyEdits(text, fixes, model.index); // throws on overlapping edits
			if (done % SAMPLE_EVERY === 0) samples.push({ input: done, text, findings: sampledFindings(findings) });
		}
	}
} catch (e) {
	process.stderr.write(`edit fuzz: input ${done} (seed ${seed}) failed: ${e instanceof Error ? e.stack : String(e)}\ntext: ${JSON.stringify(current).slice(0, 20000)}\n`);
	process.exit(1);
}
process.stdout.write(JSON.stringify({ done, parsed, findingsSeen, samples }));
