import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { isPlaceholderCell } from '../server/src/core/read/cellValue.ts';
import { isValueToken } from '../server/src/core/read/layout/pdfText.ts';
import { isTabRow } from '../server/src/core/read/layout/tabRows.ts';
import { tableValues } from './helpers.ts';

const read = (name: string) => readFileSync(join(__dirname, 'fixtures', 'layouts', name), 'utf8');

describe('a cell written as a placeholder for none (_ — - / 无) is a cell of every layout', () => {
	test('a page of one cell a paragraph writing empty cells as _ keeps each row its three cells (real: 龙华区 2020)', () => {
		const model = parseReport(read('guangdong-shenzhen-longhua-zdqyzx-2020.cell-per-paragraph.txt'));
		const rules = model.tables.find((t) => t.def.id === 'active.rules')!;
		assert.equal(rules.inferred, false);
		assert.deepEqual(tableValues(model).find((t) => t.id === 'active.rules')!.rows, { regulations: [null, null, null], normativeDocuments: [null, 3, 3] });
		const made = rules.byKey.get('normativeDocuments')!.cells.get('newlyMade')!;
		assert.equal(made.text, '_');
		assert.ok(made.value.notes.includes('placeholder'));
		const findings = checkReport(model).filter((f) => f.code === 'table.cell-count' || f.code === 'table.inferred');
		assert.deepEqual(findings.map((f) => f.message), []);
	});

	test('the readers that tell cells by their text take the same placeholders cellValue reads as blank', () => {
		for (const t of ['_', '__', '＿', '—', '——', '-', '/', '／', '\\', '无', '不适用']) {
			assert.ok(isPlaceholderCell(t), t);
			assert.ok(isValueToken(t), t);
		}
		// A long run is a rule line (pandoc's, a form's blank to fill), not a cell.
		for (const t of ['____', '------', '规章', '']) assert.ok(!isValueToken(t), t);
		assert.ok(isTabRow('规章\t_'));
		assert.ok(!isTabRow('规章\t____'));
	});
});
