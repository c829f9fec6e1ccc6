import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, checkReport, fixAllEdits, parseReport, type ReportModel } from '../../server/src/core/index.ts';
import { columnHints, foldingRegions, hoverAt, outline, rangeWithin, tableFixEdits, tableLenses, type OutlineNode } from '../../server/src/core/features/index.ts';
import { readSeed, SEEDS } from '../helpers.ts';

const SEED0 = '000_64647beae46556e6.txt';
/** Seed 000 with the total of 一、本年新收 (line 93, "\t65") changed to 66. */
function seed0With66(): string {
	const text = readSeed(SEED0);
	const lines = text.split('\n');
	assert.equal(lines[93].replace('\r', ''), '\t65');
	lines[93] = lines[93].replace('65', '66');
	return lines.join('\n');
}
const pos = (line: number, character: number) => ({ line, character });
const everything = { start: pos(0, 0), end: pos(1e6, 0) };

function walk(nodes: OutlineNode[], visit: (n: OutlineNode, parent?: OutlineNode) => void, parent?: OutlineNode): void {
	for (const n of nodes) {
		visit(n, parent);
		walk(n.children, visit, n);
	}
}

describe('outline', () => {
	it('nests the tables of seed 000 under their sections and the rows under the tables', () => {
		const nodes = outline(parseReport(readSeed(SEED0)), 'zh');
		assert.deepEqual(
			nodes.map((n) => n.name),
			['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
		);
		const active = nodes[1].children.filter((c) => c.kind === 'table').map((c) => c.name);
		assert.deepEqual(active, ['第二十条第（一）项 规章和规范性文件', '第二十条第（五）项 行政许可', '第二十条第（六）项 行政处罚和行政强制', '第二十条第（八）项 行政事业性收费']);
		const requests = nodes[2].children.find((c) => c.kind === 'table')!;
		assert.equal(requests.children[0].name, '一、本年新收政府信息公开申请数量');
		assert.equal(requests.children[0].detail, '60 · 4 · 0 · 0 · 1 · 0 · 65');
		assert.equal(requests.children[0].kind, 'row');
	});

	it('names tables and rows in English for en', () => {
		const nodes = outline(parseReport(readSeed(SEED0)), 'en');
		const requests = nodes[2].children.find((c) => c.kind === 'table')!;
		assert.match(requests.name, /[A-Za-z]/);
		assert.doesNotMatch(requests.children[0].name, /[\u4e00-\u9fff]/);
	});

	it('keeps every selection range inside its range, and every child inside its parent, for every seed', () => {
		for (const seed of SEEDS) {
			walk(outline(parseReport(readSeed(seed)), 'zh'), (n, parent) => {
				assert.ok(rangeWithin(n.selectionRange, n.range), `${seed}: ${n.name}`);
				assert.ok(n.name.length > 0, `${seed}: empty name`);
				if (parent) assert.ok(rangeWithin(n.range, parent.range), `${seed}: ${n.name} outside ${parent.name}`);
			});
		}
	});

	it('lists every table of the model exactly once', () => {
		for (const seed of SEEDS) {
			const model = parseReport(readSeed(seed));
			let tables = 0;
			walk(outline(model, 'zh'), (n) => (tables += n.kind === 'table' ? 1 : 0));
			assert.equal(tables, model.tables.length, seed);
		}
	});

	it('shows a document without headings as its tables alone, and nothing for empty text', () => {
		assert.deepEqual(outline(parseReport(''), 'zh'), []);
		const text = readSeed('003_6d0cd6ca3bfdf8d5.txt').split('\n').filter((l) => !/^[一二三四五六]、/.test(l)).join('\n');
		const model = parseReport(text);
		const nodes = outline(model, 'zh');
		assert.ok(nodes.length >= model.tables.length);
	});
});

describe('folding', () => {
	it('folds every multi-line section and table, outer ranges first', () => {
		const model = parseReport(readSeed(SEED0));
		const regions = foldingRegions(model);
		for (const t of model.tables) assert.ok(regions.some((r) => r.startLine === t.range.start.line && r.endLine === t.range.end.line));
		assert.ok(regions.every((r) => r.endLine > r.startLine));
		const third = model.sections[2];
		assert.ok(regions.some((r) => r.startLine === third.range.start.line && r.endLine === third.range.end.line));
	});
});

describe('hover', () => {
	const model = parseReport(seed0With66());
	it('writes a wrong total as its formula with the numbers, and what it should be', () => {
		const h = hoverAt(model, pos(93, 1), 'zh')!;
		assert.ok(h.markdown.includes('总计 = 60 + 4 + 0 + 0 + 1 + 0 = 65'), h.markdown);
		assert.ok(h.markdown.includes('表中为 66，应为 65'));
		assert.ok(h.markdown.includes('一、本年新收政府信息公开申请数量 · 总计'));
		assert.deepEqual(h.range, { start: pos(93, 1), end: pos(93, 3) });
	});
	it('says a balanced total balances, and which totals a term feeds', () => {
		const ok = hoverAt(parseReport(readSeed(SEED0)), pos(93, 1), 'zh')!;
		assert.ok(ok.markdown.includes('总计 = 60 + 4 + 0 + 0 + 1 + 0 = 65`　✓ 平衡'), ok.markdown);
		const term = hoverAt(model, pos(87, 1), 'zh')!;
		assert.ok(term.markdown.includes('计入'));
		assert.ok(term.markdown.includes('一、本年新收政府信息公开申请数量 · 总计　✗ 表中为 66，应为 65'), term.markdown);
	});
	it('speaks English for en', () => {
		const h = hoverAt(model, pos(93, 1), 'en')!;
		assert.ok(h.markdown.includes('= 60 + 4 + 0 + 0 + 1 + 0 = 65'));
		assert.ok(h.markdown.includes('the table has 66, it should be 65'), h.markdown);
	});
	it('names the mandated section of a heading', () => {
		const line = model.headings.find((h) => h.section?.key === 'requests')!.line;
		const h = hoverAt(model, pos(line, 2), 'zh')!;
		assert.ok(h.markdown.includes('第 3 部分'), h.markdown);
		assert.ok(h.markdown.includes('三、收到和处理政府信息公开申请情况'));
	});
	it('has nothing to say on body text or past the end', () => {
		assert.equal(hoverAt(model, pos(2, 5), 'zh'), undefined);
		assert.equal(hoverAt(model, pos(99999, 0), 'zh'), undefined);
	});
});

describe('inlay hints', () => {
	it('labels each number with its column where cells stand one a line', () => {
		const hints = columnHints(parseReport(readSeed(SEED0)), { start: pos(86, 0), end: pos(94, 0) }, 'zh');
		assert.deepEqual(
			hints.map((h) => [h.position.line, h.position.character, h.label]),
			[
				[87, 3, '自然人'],
				[88, 2, '商业企业'],
				[89, 2, '科研机构'],
				[90, 2, '社会公益组织'],
				[91, 2, '法律服务机构'],
				[92, 2, '其他'],
				[93, 3, '总计'],
			],
		);
	});
	it('labels the cell-per-line layout too, and never a pipe row', () => {
		assert.ok(columnHints(parseReport(readSeed('004_9106e2caa941d205.txt')), everything, 'zh').some((h) => h.label === '商业企业'));
		assert.deepEqual(columnHints(parseReport(readSeed('003_6d0cd6ca3bfdf8d5.txt')), everything, 'zh'), []);
	});
});

describe('code lens and per-table fixes', () => {
	it('marks the table with a wrong total and offers its fix; the others balance', () => {
		const model = parseReport(seed0With66());
		const lenses = tableLenses(model, checkReport(model), 'zh');
		const requests = model.tables.findIndex((t) => t.def.id === 'requests');
		// The row total and its column's identity fail and cross at the total: one located finding (issue 11).
		assert.equal(lenses[requests].status, '✗ 1 处勾稽问题');
		assert.equal(lenses[requests].fixTitle, '修正本表合计（1 处）');
		// The 第二十条 tables have no balance rule: they say so rather than "balances" (issue 11).
		for (const l of lenses) if (l.tableIndex !== requests) assert.equal(l.status, model.tables[l.tableIndex].def.id.startsWith('active.') ? '无可核对的勾稽关系' : '✓ 勾稽平衡');
	});
	it('a rule turned off does not count', () => {
		const model = parseReport(seed0With66());
		const lenses = tableLenses(model, checkReport(model).filter((f) => f.code !== 'balance.row-total'), 'zh');
		assert.deepEqual(
			lenses.map((l) => l.status),
			[...Array(4).fill('无可核对的勾稽关系'), '✓ 勾稽平衡', '✓ 勾稽平衡'],
		);
	});
	it('the fixes of all tables together are exactly fix-all', () => {
		const texts = [seed0With66(), ...SEEDS.map(readSeed)];
		for (const text of texts) {
			const model: ReportModel = parseReport(text);
			const perTable = model.tables.flatMap((t) => tableFixEdits(model, t));
			assert.deepEqual(perTable, fixAllEdits(model));
		}
		const model = parseReport(seed0With66());
		assert.equal(applyEdits(seed0With66(), fixAllEdits(model)), readSeed(SEED0));
	});
});
