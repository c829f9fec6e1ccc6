import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, checkReport, fixAllEdits, parseReport } from '../server/src/core/index.ts';
import { BENCH_LAYOUTS, generateReport } from '../bench/generate.ts';

/** Reports generated from the templates in every layout: balanced ones pass, injected errors are caught and fixed. */
describe('generated reports', () => {
	for (const layout of BENCH_LAYOUTS) {
		test(`${layout}: balanced reports have no errors; an injected error is found`, () => {
			for (let seed = 1; seed <= 12; seed++) {
				const ok = generateReport({ layout, seed });
				const model = parseReport(ok);
				assert.equal(model.tables[0]?.layout, layout);
				assert.deepEqual(checkReport(model).filter((f) => f.severity === 'error' || f.severity === 'warning'), [], `seed ${seed}`);
				const bad = generateReport({ layout, seed, injectError: true });
				assert.ok(checkReport(parseReport(bad)).some((f) => f.code.startsWith('balance.') && f.severity === 'error'), `seed ${seed}: injected error missed`);
				// The injected change is in a total or an input: fix-all rebalances whatever sums it can.
				const fixed = applyEdits(bad, fixAllEdits(parseReport(bad)));
				assert.deepEqual(checkReport(parseReport(fixed)).filter((f) => f.code !== 'balance.identity' && f.severity === 'error'), []);
			}
		});
	}
});
