import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkReport, parseReport, TEMPLATES } from '../server/src/core/index.ts';
import { renderSkeleton, SKELETON_LAYOUTS } from '../server/src/core/features/skeleton.ts';

const T2021 = TEMPLATES['2021'];

describe('the official 2021 skeleton', () => {
	for (const layout of SKELETON_LAYOUTS) {
		test(`${layout}: blank skeleton has every mandated section and table`, () => {
			const text = renderSkeleton({ layout, year: 2024 });
			const model = parseReport(text);
			assert.equal(model.template.id, '2021');
			assert.equal(model.metadata.year, 2024);
			assert.deepEqual(
				model.sections.map((s) => s.heading.section?.key),
				T2021.sections.map((s) => s.key),
			);
			assert.deepEqual(
				model.tables.map((t) => t.def.id),
				T2021.tables.filter((t) => t.required).map((t) => t.id),
			);
			for (const t of model.tables) assert.equal(t.layout, layout, `${t.def.id} read as ${t.layout}`);
			const structural = checkReport(model).filter((f) => ['section.missing', 'section.order', 'section.duplicate', 'table.missing', 'table.cell-count', 'table.duplicate-row', 'table.unknown-row'].includes(f.code));
			assert.deepEqual(structural, []);
		});

		test(`${layout}: zero-filled skeleton has no findings at all but its blank year`, () => {
			const text = renderSkeleton({ layout, fill: '0' });
			const findings = checkReport(parseReport(text));
			// The title's ××××年 is the one blank left to fill in, and is said (date.placeholder); with a year there is nothing.
			assert.deepEqual(findings.map((f) => `${f.code} ${f.range.start.line + 1}`), ['date.placeholder 1']);
			assert.deepEqual(checkReport(parseReport(renderSkeleton({ layout, fill: '0', year: 2024 }))).map((f) => `${f.code} ${f.range.start.line + 1}: ${f.message}`), []);
		});

		test(`${layout}: every non-optional row of every table is bound`, () => {
			const model = parseReport(renderSkeleton({ layout, fill: '0' }));
			for (const table of model.tables) {
				const expected = table.def.rows.filter((r) => r.kind !== 'group' && !r.optional).map((r) => r.key);
				assert.deepEqual([...table.byKey.keys()], expected, table.def.id);
				for (const row of table.rows) assert.equal(row.cells.size, table.def.columns.length, `${table.def.id}/${row.def.key}`);
			}
		});
	}

	test('line breaks and defaults', () => {
		const crlf = renderSkeleton({ eol: '\r\n' });
		assert.ok(crlf.endsWith('\r\n'));
		assert.ok(!/[^\r]\n/.test(crlf));
		const text = renderSkeleton();
		assert.match(text.split('\n')[0], /^××××（机关名称）××××年政府信息公开工作年度报告$/);
		assert.match(text, /^第二十条第（一）项 \|$/m, 'pipe rows by default');
		assert.equal(renderSkeleton({ agency: '某市某局', year: 2023 }).split('\n')[0], '某市某局2023年政府信息公开工作年度报告');
	});
});
