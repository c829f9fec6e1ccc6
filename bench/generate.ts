import { applyEdits, recomputeTotalsEdits, parseReport } from '../server/src/core/index.ts';
import { renderSkeleton } from '../server/src/core/features/skeleton.ts';

/**
 * Realistic reports for the benchmark, built from the template data: the official skeleton in a
 * chosen layout, prose paragraphs of the kind reports contain, input cells set to random counts
 * and every total recomputed by the core's own fix-all, so a generated report balances unless an
 * error is injected on purpose.
 */

export type BenchLayout = 'tab-cells' | 'pipe-rows' | 'cell-per-line' | 'markdown';
export const BENCH_LAYOUTS: BenchLayout[] = ['tab-cells', 'pipe-rows', 'cell-per-line', 'markdown'];

/** A small deterministic PRNG (mulberry32), so every run generates the same corpus. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PLACES = ['北京市西城区', '杭州市拱墅区', '南昌市西湖区', '上海市浦东新区', '广州市天河区', '成都市武侯区', '西安市雁塔区', '福州市鼓楼区', '武汉市江汉区', '长沙市岳麓区'];
const AGENCIES = ['人力资源和社会保障局', '政务服务管理局', '住房和城乡建设局', '市场监督管理局', '生态环境局', '教育局', '卫生健康委员会', '人民政府办公室', '交通运输局', '民政局'];
const PHRASES = [
	'严格对照《政府信息公开条例》第二十条规定，结合工作职责，对机构职责、机构设置、领导介绍、办公地址等信息进行动态调整',
	'全年通过政府门户网站主动公开政府信息{n}条，其中政策文件{m}条，政策解读{k}篇',
	'健全依申请公开工作机制，规范受理、交办、审核、答复等环节，确保在法定期限内答复',
	'定期维护更新“政府信息公开指南”“政府信息公开制度”“法定主动公开内容”等栏目，积极抓好错敏信息整改',
	'持续做强政务新媒体内容生产，全年发布推文{n}余篇，累计阅读量{m}万',
	'组织开展政府信息公开专题培训{k}次，参训人员{n}人次，提升工作人员业务水平',
	'落实保密审查制度，坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密事件',
	'对照年度政务公开工作要点，逐项分解任务，明确责任科室和完成时限',
];

function paragraph(next: () => number, sentences: number): string {
	const out: string[] = [];
	for (let i = 0; i < sentences; i++) {
		const p = PHRASES[Math.floor(next() * PHRASES.length)];
		out.push(p.replace('{n}', String(10 + Math.floor(next() * 2000))).replace('{m}', String(1 + Math.floor(next() * 500))).replace('{k}', String(1 + Math.floor(next() * 30))));
	}
	return out.join('；') + '。';
}

/** Cell-per-line: each cell of a piped row on its own line, rows closed by a line of bare pipes. */
function toCellPerLine(text: string): string {
	return text
		.split('\n')
		.flatMap((line) => {
			if (!line.includes('|')) return [line];
			const cells = line.split('|').map((c) => c.trim()).filter((c, i, all) => c !== '' || i < all.length - 1);
			return [...cells.filter((c) => c !== '').map((c) => `${c} |`), '||'];
		})
		.join('\n');
}

export interface GenerateOptions {
	layout: BenchLayout;
	seed: number;
	/** Prose paragraphs per section: the report's size grows with it (about 1 KB each). */
	paragraphs?: number;
	/** Change one value cell after balancing, so the report has an error. */
	injectError?: boolean;
}

export function generateReport(o: GenerateOptions): string {
	const next = rng(o.seed);
	const year = 2021 + Math.floor(next() * 4);
	// One report per agency, as in a province's corpus for one year: no two generated reports pair up by year.
	const agency = `${PLACES[Math.floor(next() * PLACES.length)]}第${o.seed}${AGENCIES[Math.floor(next() * AGENCIES.length)]}`;
	const skeletonLayout = o.layout === 'cell-per-line' || o.layout === 'markdown' ? 'pipe-rows' : o.layout;
	let text = renderSkeleton({ layout: o.layout === 'markdown' ? 'markdown' : skeletonLayout, year, agency, fill: '0' });
	const paragraphs = o.paragraphs ?? 8;
	text = text.replace(/在此填写本部分内容。/g, () => Array.from({ length: paragraphs }, () => paragraph(next, 6 + Math.floor(next() * 6))).join('\n'));
	if (o.layout === 'cell-per-line') text = toCellPerLine(text);
	// Random counts in the input cells, then the totals recomputed, so the report balances.
	const model = parseReport(text);
	const inputs = model.tables.flatMap((t) => t.rows.flatMap((r) => [...r.cells.values()])).filter((c) => c.column !== 'total' && !c.column.endsWith('.total') && c.row !== 'R3.7');
	text = applyEdits(text, inputs.map((c) => ({ range: c.range, newText: String(next() < 0.6 ? 0 : Math.floor(next() * (next() < 0.1 ? 500 : 20))) })));
	text = applyEdits(text, recomputeTotalsEdits(parseReport(text)));
	text = plausibleRules(text, next);
	text = balanceIdentity(text);
	if (o.injectError) {
		const cells = parseReport(text).tables.flatMap((t) => t.rows.flatMap((r) => [...r.cells.values()])).filter((c) => c.row.startsWith('R'));
		const c = cells[Math.floor(next() * cells.length)];
		text = applyEdits(text, [{ range: c.range, newText: String((c.value.value ?? 0) + 1 + Math.floor(next() * 5)) }]);
	}
	return text;
}

/**
 * Table 1 as a real agency fills it: no 规章 (a county or district agency cannot make them), and
 * as many documents in force as it issued this year and kept, at least (plausibility.lower-bound).
 */
function plausibleRules(text: string, next: () => number): string {
	const rules = parseReport(text).tables.find((t) => t.def.id === 'active.rules');
	if (!rules) return text;
	const edits = [];
	for (const c of rules.byKey.get('regulations')?.cells.values() ?? []) edits.push({ range: c.range, newText: '0' });
	const docs = rules.byKey.get('normativeDocuments');
	const [issued, repealed, inForce] = ['issued', 'repealed', 'inForce'].map((k) => docs?.cells.get(k));
	if (issued && repealed && inForce) edits.push({ range: inForce.range, newText: String(Math.max(0, (issued.value.value ?? 0) - (repealed.value.value ?? 0)) + Math.floor(next() * 20)) });
	return applyEdits(text, edits);
}

/** Sets 本年新收 (and 上年结转 when needed) so that new + carried over = results + carried forward in every column. */
function balanceIdentity(text: string): string {
	const requests = parseReport(text).tables.find((t) => t.def.id === 'requests');
	if (!requests) return text;
	const v = (row: string, column: string) => requests.byKey.get(row)?.cells.get(column);
	const edits = [];
	for (const column of requests.def.columns.map((c) => c.key).filter((c) => c !== 'total')) {
		const [r1, r2, r37, r4] = [v('R1', column), v('R2', column), v('R3.7', column), v('R4', column)];
		if (!r1 || !r2 || !r37 || !r4) continue;
		let carried = r2.value.value ?? 0;
		const needed = (r37.value.value ?? 0) + (r4.value.value ?? 0);
		if (carried > needed) {
			carried = 0;
			edits.push({ range: r2.range, newText: '0' });
		}
		edits.push({ range: r1.range, newText: String(needed - carried) });
	}
	const balanced = applyEdits(text, edits);
	return applyEdits(balanced, recomputeTotalsEdits(parseReport(balanced)));
}
