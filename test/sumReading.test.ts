import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, fixAllEdits, parseReport } from '../server/src/core/index.ts';
import { hoverAt } from '../server/src/core/features/index.ts';

/**
 * Plain pdftotext of a table whose page leaves zero input cells blank: the blanks are gone and the
 * labels stand apart from the numbers, so neither says where a row's numbers end; the rows' own
 * sums do (sumReading.ts). The file is a corpus report (its source in its .expected.json): a real
 * Pingtan report with （一）予以公开's total changed from 7 to 8, rendered to PDF with blank zeros.
 */
const FILE = join(__dirname, 'corpus', 'pdf', 'pingtan-jtjsj-2022.raw.txt');
const injected = readFileSync(FILE, 'utf8');
// Line 140 (index 139) holds the injected 8; the source has 7 there.
const lines = injected.split('\n');
assert.equal(lines[139], '8');
const source = [...lines.slice(0, 139), '7', ...lines.slice(140)].join('\n');

const requestsOf = (text: string) => parseReport(text).tables.find((t) => t.def.id === 'requests')!;
const balanceOf = (text: string) => checkReport(parseReport(text)).filter((f) => f.code.startsWith('balance.') || f.code.startsWith('cell.'));

describe('a table read by its rows\' sums (plain pdftotext, blanks dropped, labels apart)', () => {
	test('the source: every row\'s total is placed where the sums put it, and nothing is reported but the notice', () => {
		const table = requestsOf(source);
		assert.ok(table.readInOrder && table.unreadable);
		const total = (row: string) => table.byKey.get(row)?.cells.get('total')?.value.value;
		assert.deepEqual(['R1', 'R2', 'R3.1', 'R3.7', 'R4'].map(total), [11, 0, 7, 11, 0]);
		// Items keep an unknown column; totals are placed, never read.
		for (const row of table.rows) for (const c of row.cells.values()) if (c.text !== '') assert.ok(c.inferred && (c.column === 'total' ? c.placedInOrder : c.columnUnknown), `${row.def.key} ${c.column}`);
		assert.deepEqual(balanceOf(source), []);
		const notices = checkReport(parseReport(source)).filter((f) => f.code === 'table.unreadable');
		assert.equal(notices.length, 1);
		assert.equal(notices[0].range.start.line, 105);
	});

	test('the injected total: one warning on that cell, located where its row and the 总计 column cross, with no fix', () => {
		const findings = balanceOf(injected);
		assert.equal(findings.length, 1);
		const [f] = findings;
		assert.equal(f.code, 'balance.row-total');
		assert.equal(f.severity, 'warning');
		assert.equal(f.range.start.line, 139);
		assert.equal(f.fix, undefined);
		assert.equal(f.alternatives, undefined);
		assert.match(f.message, /总计应为 7.*表中为 8/);
		const model = parseReport(injected);
		assert.deepEqual(fixAllEdits(model).filter((e) => e.range.start.line >= 105 && e.range.start.line <= 250), []);
		assert.match(hoverAt(model, { line: 139, character: 0 }, 'zh')!.markdown, /按原文数值的先后推定/);
	});

	test('any one number changed: never an error, and a located warning is always on the changed number', () => {
		let changes = 0;
		let reported = 0;
		for (let n = 120; n < 250; n++) {
			if (!/^\d+$/.test(lines[n]) || n === 139) continue;
			for (const delta of [1, 3]) {
				const copy = source.split('\n');
				copy[n] = String(Number(copy[n]) + delta);
				const findings = balanceOf(copy.join('\n'));
				changes++;
				if (findings.length > 0) reported++;
				assert.deepEqual(findings.filter((f) => f.severity === 'error'), [], `line ${n + 1}`);
				for (const f of findings) if (f.data?.located) assert.equal(f.range.start.line, n, `line ${n + 1} +${delta}: ${f.message}`);
			}
		}
		assert.ok(changes >= 60, String(changes));
		// Most changes make some row or the 总计 column fail (a zero moved within a run of zeros may not).
		assert.ok(reported * 3 >= changes * 2, `${reported} of ${changes}`);
	});

	test('numbers the sums cannot cut one way (two rows that each fail) are left as the aligner read them', () => {
		const copy = injected.split('\n');
		// 1.本机关不掌握's total too: two rows wrong.
		assert.equal(copy[190], '4');
		copy[190] = '6';
		const table = requestsOf(copy.join('\n'));
		assert.ok(!table.readInOrder);
		assert.ok(table.unreadable);
	});
});
