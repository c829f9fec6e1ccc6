import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { seedText, start } from './harness.ts';

/**
 * Pairing a report with last year's must not parse every open document: with 300 open, the first
 * pull parses the report itself and only the documents that could be its last year. Counted from
 * the server's own trace ($/setTrace verbose logs each parse), not from the clock.
 */
const SEED = seedText('000_64647beae46556e6.txt');
const AGENCY = '北京市西城区人力资源和社会保障局';
const CJK = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';

function agency(i: number): string {
	return `北京市${CJK[i % 10]}${CJK[10 + (Math.floor(i / 10) % 12)]}${CJK[Math.floor(i / 120) % 10]}区档案局`;
}

function report(name: string, year: number, carriedForward = 1): string {
	assert.ok(SEED.startsWith(AGENCY));
	return SEED.replace(AGENCY, name)
		.replace(/西城区人力资源和社会保障局/g, name.slice(3))
		.replace(/2023年/g, `${year}年`)
		.replace('\t四、结转下年度继续办理\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1\n', `\t四、结转下年度继续办理\n\t${carriedForward}\n\t0\n\t0\n\t0\n\t0\n\t0\n\t${carriedForward}\n`);
}

describe('pairing with last year among many open documents', () => {
	it('the first pull after 300 documents are opened parses only the report and its last year', async () => {
		const s = await start();
		try {
			const parsed: string[] = [];
			s.conn.onNotification('$/logTrace', (p: { message: string }) => {
				if (/^nianbao: parsed /.test(p.message)) parsed.push(p.message);
			});
			await s.conn.sendNotification('$/setTrace', { value: 'verbose' });
			// 150 other agencies' 2023 reports, 148 other agencies' 2022 reports, and this agency's 2022 and 2023.
			for (let i = 0; i < 150; i++) await s.open(`file:///many/2023-${i}.txt`, report(agency(i), 2023));
			for (let i = 0; i < 148; i++) await s.open(`file:///many/2022-${i}.txt`, report(agency(i + 150), 2022));
			await s.open('file:///many/ours-2022.txt', report(AGENCY, 2022, 2));
			const uri = 'file:///many/ours-2023.txt';
			await s.open(uri, report(AGENCY, 2023));
			const r = await s.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
			assert.deepEqual(
				r.items.filter((d) => d.code === 'year.carry-over').map((d) => d.relatedInformation?.[0].location.uri),
				['file:///many/ours-2022.txt', 'file:///many/ours-2022.txt'],
			);
			assert.deepEqual(
				parsed.map((m) => /parsed (\S+)/.exec(m)![1]).sort(),
				['file:///many/ours-2022.txt', uri],
				`${parsed.length} documents parsed`,
			);
		} finally {
			await s.stop();
		}
	});
});
