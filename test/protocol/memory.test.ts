import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { range, ROOT, seedText, start, type Session } from './harness.ts';

/**
 * Memory: the live heap after forced collection, read from the server itself (a preloaded probe
 * answers SIGUSR2 on stderr). An editor that edits a row label makes a new label string per
 * version; nothing may keep the text of a replaced or closed version alive through it.
 */
const SEED = seedText('000_64647beae46556e6.txt');
const PROBE = join(ROOT, 'test', 'protocol', 'heapProbe.cjs');
const MB = 1024 * 1024;
const LABEL = '一、本年新收政府信息公开申请数量';

/** Seed 000 followed by its prose again and again, to `size` characters. */
function bigReport(size: number): string {
	const prose = SEED.split('\n').filter((l) => l.length > 40 && !l.includes('\t')).join('\n');
	let text = SEED;
	while (text.length < size) text += '\n' + prose;
	return text;
}

async function liveHeap(s: Session): Promise<number> {
	const from = s.stderr.length;
	s.proc.kill('SIGUSR2');
	const line = await s.stderrLine(/^nianbao-heap /, from);
	return JSON.parse(line.slice('nianbao-heap '.length)).heapUsed as number;
}

async function pull(s: Session, uri: string): Promise<FullDocumentDiagnosticReport> {
	return s.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
}

describe('memory while a big report is edited', () => {
	let s: Session;
	before(async () => {
		s = await start({ nodeArgs: ['--expose-gc', '--require', PROBE] });
	});
	after(async () => s?.stop());

	for (const [size, edits] of [
		[100_000, 400],
		[900_000, 100],
	] as const) {
		it(`${edits} edits of a row label in a ${size.toLocaleString('en')}-character report keep no old text alive, and closing frees the rest`, async () => {
			const text = bigReport(size);
			const line = text.split('\n').indexOf('\t' + LABEL);
			assert.ok(line > 0 && text.length >= size);
			// Warm up: the first parse fills the caches with the template's own strings.
			await s.open('file:///warm.txt', SEED);
			await pull(s, 'file:///warm.txt');
			await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///warm.txt' } });
			const empty = await liveHeap(s);
			const uri = `file:///big-edited-${size}.txt`;
			await s.open(uri, text);
			await pull(s, uri);
			const opened = await liveHeap(s);
			for (let i = 0; i < edits; i++) {
				// Each version's label is new (…数量 100000-0, …数量 100000-1, …): one more cache entry per edit.
				await s.edit(uri, [{ range: range(line, 1 + LABEL.length, line, s.text(uri).split('\n')[line].length), newText: ` ${size}-${i}` }]);
				await pull(s, uri);
			}
			const edited = await liveHeap(s);
			await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
			await pull(s, 'file:///none.txt');
			const closed = await liveHeap(s);
			const versionBytes = 2 * text.length;
			console.log(
				`memory: ${text.length} characters (${(versionBytes / MB).toFixed(2)} MB a version), ${edits} label edits; live heap empty ${(empty / MB).toFixed(1)} MB, opened ${(opened / MB).toFixed(1)} MB, after the edits ${(edited / MB).toFixed(1)} MB, closed ${(closed / MB).toFixed(1)} MB`,
			);
			// Holding a tenth of the old versions would be 8 MB (100 K) or 18 MB (900 K).
			assert.ok(edited - opened < 6 * MB, `the edits left ${((edited - opened) / MB).toFixed(1)} MB live`);
			assert.ok(closed - empty < 4 * MB, `closing left ${((closed - empty) / MB).toFixed(1)} MB live`);
		});
	}
});
