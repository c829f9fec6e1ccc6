import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { SEED_FILES, seedText, seedUri, start, type Session } from './harness.ts';

const UNIFIED = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
const UNIFIED_TABLES = [
	'二、主动公开政府信息情况 > 第二十条第（一）项 规章和规范性文件',
	'二、主动公开政府信息情况 > 第二十条第（五）项 行政许可',
	'二、主动公开政府信息情况 > 第二十条第（六）项 行政处罚和行政强制',
	'二、主动公开政府信息情况 > 第二十条第（八）项 行政事业性收费',
	'三、收到和处理政府信息公开申请情况 > 收到和处理政府信息公开申请情况',
	'四、政府信息公开行政复议、行政诉讼情况 > 政府信息公开行政复议、行政诉讼情况',
];
const EXPECTED: Record<string, { top: string[]; tables: string[] }> = {
	'000_64647beae46556e6.txt': { top: UNIFIED, tables: UNIFIED_TABLES },
	'001_2c73ece5a30f6368.txt': { top: UNIFIED, tables: UNIFIED_TABLES },
	'002_80c9c3334538e3f2.txt': {
		top: ['一、概述', '二、主动公开情况', '三、依申请公开情况', '四、行政复议和诉讼情况', '五、要点工作落实情况', '六、存在不足及改进措施', '政府信息公开情况统计'],
		tables: ['政府信息公开情况统计 > 政府信息公开情况统计表'],
	},
	'003_6d0cd6ca3bfdf8d5.txt': { top: UNIFIED, tables: UNIFIED_TABLES },
	'004_9106e2caa941d205.txt': { top: UNIFIED, tables: UNIFIED_TABLES },
};

/** "section > … > table" for every table symbol. */
function tablePaths(symbols: DocumentSymbol[], path: string[] = []): string[] {
	return symbols.flatMap((s) => (s.kind === 23 ? [[...path, s.name].join(' > ')] : tablePaths(s.children ?? [], [...path, s.name])));
}

function contains(outer: DocumentSymbol['range'], inner: DocumentSymbol['range']): boolean {
	const le = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
	return le(outer.start, inner.start) && le(inner.end, outer.end);
}

describe('document symbols and folding over LSP', () => {
	let s: Session;
	before(async () => {
		s = await start();
		for (const f of SEED_FILES) await s.open(seedUri(f), seedText(f));
	});
	after(async () => s?.stop());

	for (const f of SEED_FILES) {
		it(`outlines seed ${f.slice(0, 3)}: sections in order, tables under their sections`, async () => {
			const symbols = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: seedUri(f) } });
			assert.deepEqual(
				symbols.map((x) => x.name),
				EXPECTED[f].top,
			);
			assert.deepEqual(tablePaths(symbols), EXPECTED[f].tables);
			const check = (list: DocumentSymbol[]) => {
				for (const x of list) {
					assert.ok(contains(x.range, x.selectionRange), `${x.name}: selection outside range`);
					check(x.children ?? []);
				}
			};
			check(symbols);
		});
	}

	it('puts the rows, with their values, under the table', async () => {
		const symbols = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: seedUri(SEED_FILES[0]) } });
		const table = symbols[2].children!.find((c) => c.kind === 23)!;
		assert.equal(table.children!.length, 26);
		assert.deepEqual(
			{ name: table.children![0].name, detail: table.children![0].detail, kind: table.children![0].kind },
			{ name: '一、本年新收政府信息公开申请数量', detail: '60 · 4 · 0 · 0 · 1 · 0 · 65', kind: 8 },
		);
		assert.deepEqual(table.selectionRange, { start: { line: 67, character: 1 }, end: { line: 67, character: 35 } });
	});

	it('folds sections and tables', async () => {
		const folds = await s.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: seedUri(SEED_FILES[0]) } });
		assert.ok(folds.some((r) => r.startLine === 67 && r.endLine === 361), 'requests table');
		assert.ok(folds.some((r) => r.startLine === 3 && r.endLine === 17), 'section 一');
		assert.ok(folds.every((r) => r.endLine > r.startLine));
	});
});
