// Issue 11: what hovers and lenses say must be true, and English must read as English.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReport, parseReport } from '../../server/src/core/index.ts';
import { hoverAt, tableLenses } from '../../server/src/core/features/index.ts';
import { readSeed } from '../helpers.ts';

const model = parseReport(readSeed('000_64647beae46556e6.txt'));
const rules = model.tables.find((t) => t.def.id === 'active.rules')!;
const requests = model.tables.find((t) => t.def.id === 'requests')!;

describe('hover and lens wording', () => {
	it('English hovers use a half-width colon', () => {
		const cell = [...requests.rows[0].cells.values()][0];
		const cellHover = hoverAt(model, cell.range.start, 'en')!.markdown;
		assert.match(cellHover, /\nValue: \d/);
		const rowHover = hoverAt(model, requests.rows[0].labelRange.start, 'en')!.markdown;
		assert.match(rowHover, /\nRow: /);
		for (const h of [cellHover, rowHover]) assert.ok(!h.includes('：'), h);
		assert.match(hoverAt(model, cell.range.start, 'zh')!.markdown, /\n值：\d/);
	});

	it('a table with no balance rule does not claim that its rules hold', () => {
		for (const lang of ['zh', 'en'] as const) {
			const h = hoverAt(model, rules.anchorRange!.start, lang)!.markdown;
			assert.ok(!/0 项|all 0/.test(h), h);
			assert.match(h, lang === 'zh' ? /无可核对的勾稽关系/ : /no balance rule to check/);
			const lens = tableLenses(model, checkReport(model, { lang }), lang)[model.tables.indexOf(rules)];
			assert.equal(lens.status, lang === 'zh' ? '无可核对的勾稽关系' : 'no balance rule to check');
		}
		assert.match(hoverAt(model, requests.anchorRange!.start, 'zh')!.markdown, /✓ \d+ 项勾稽关系均成立/);
	});
});
