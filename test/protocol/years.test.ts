import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { seedText, start, type Session } from './harness.ts';

/** Seed 000 (2023) and a 2022 report of the same agency whose 结转下年度 disagrees with 2023's 上年结转. */
const THIS_YEAR = seedText('000_64647beae46556e6.txt');
const LAST_YEAR = THIS_YEAR.replace(/2023年/g, '2022年')
	.replace('\t行政规范性文件\n\t1\n\t0\n\t6\n', '\t行政规范性文件\n\t1\n\t0\n\t5\n')
	.replace('\t四、结转下年度继续办理\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1\n', '\t四、结转下年度继续办理\n\t2\n\t0\n\t0\n\t0\n\t0\n\t0\n\t2\n');

async function yearDiagnostics(s: Session, uri: string): Promise<Diagnostic[]> {
	const r = await s.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
	// The pair is a copy by construction: its copied text (year.copied-text) is tested elsewhere.
	return r.items.filter((d) => String(d.code).startsWith('year.') && d.code !== 'year.copied-text');
}

describe('this year against last year, in the server', () => {
	let s: Session;
	let dir: string;
	before(async () => {
		dir = mkdtempSync(join(tmpdir(), 'nianbao-years-lsp-'));
		writeFileSync(join(dir, '2022.txt'), LAST_YEAR);
		writeFileSync(join(dir, '2023.txt'), THIS_YEAR);
		s = await start();
	});
	after(async () => {
		await s?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it("finds last year's report beside an open one, asks for a refresh, and reports the carry-over on this year's cell", async () => {
		const uri = pathToFileURL(join(dir, '2023.txt')).toString();
		await s.open(uri, THIS_YEAR);
		await s.refreshed('workspace/diagnostic/refresh');
		const ds = await yearDiagnostics(s, uri);
		assert.deepEqual(ds.map((d) => d.code), ['year.carry-over', 'year.carry-over']);
		assert.equal(ds[0].range.start.line, THIS_YEAR.split('\n').indexOf('\t二、上年结转政府信息公开申请数量') + 1);
		assert.equal(ds[0].relatedInformation![0].location.uri, pathToFileURL(join(dir, '2022.txt')).toString());
	});

	it('an open copy of last year’s report takes precedence, and its edits count', async () => {
		const uri = pathToFileURL(join(dir, '2023.txt')).toString();
		const other = pathToFileURL(join(dir, 'copy-2022.nianbao')).toString();
		await s.open(other, LAST_YEAR.replace('\t2\n\t0\n\t0\n\t0\n\t0\n\t0\n\t2\n', '\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1\n'));
		assert.deepEqual(await yearDiagnostics(s, uri), []);
	});
});
