// Writes the template-generated reports the document corpus renders (tools/documents/sources/generated-*.txt):
// the benchmark's generator (bench/generate.ts: the official skeleton with random counts), then every
// total set here by the official sums, so each generated report balances by construction.
// Run: node --import tsx tools/documents/generate-sources.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateReport } from '../../bench/generate.ts';
import { applyEdits, parseReport, type TextEdit } from '../../server/src/core/index.ts';

const OUT = join(__dirname, 'sources');
const APPLICANTS = ['natural', 'commercial', 'research', 'publicInterest', 'legal', 'other'];

/** Table 2: row totals, （七）总计 as the sum of the result rows, 本年新收 from the identity; Table 3: group totals. */
function balance(text: string): string {
	const requests = () => parseReport(text).tables.find((t) => t.def.id === 'requests')!;
	const set = (edits: TextEdit[]) => (text = applyEdits(text, edits));
	const val = (t: ReturnType<typeof requests>, row: string, col: string) => t.byKey.get(row)?.cells.get(col)?.value.value ?? 0;
	let t = requests();
	const results = t.rows.map((r) => r.def?.key ?? '').filter((k) => /^R3\.\d(\.[1-9])?$/.test(k) && k !== 'R3.7' && !(k.length === 4 && t.rows.some((r) => r.def?.key?.startsWith(k + '.'))));
	set(APPLICANTS.map((c) => ({ range: t.byKey.get('R3.7')!.cells.get(c)!.range, newText: String(results.reduce((s, k) => s + val(t, k, c), 0)) })));
	t = requests();
	set(APPLICANTS.flatMap((c) => {
		let carried = val(t, 'R2', c);
		const needed = val(t, 'R3.7', c) + val(t, 'R4', c);
		const edits = [];
		if (carried > needed) {
			carried = 0;
			edits.push({ range: t.byKey.get('R2')!.cells.get(c)!.range, newText: '0' });
		}
		edits.push({ range: t.byKey.get('R1')!.cells.get(c)!.range, newText: String(needed - carried) });
		return edits;
	}));
	t = requests();
	set(t.rows.filter((r) => r.cells.get('total')).map((r) => ({ range: r.cells.get('total')!.range, newText: String(APPLICANTS.reduce((s, c) => s + (r.cells.get(c)?.value.value ?? 0), 0)) })));
	const appeals = parseReport(text).tables.find((x) => x.def.id === 'appeals')!;
	const row = appeals.rows[0];
	set(['review', 'suit', 'suitAfterReview'].map((g) => ({ range: row.cells.get(`${g}.total`)!.range, newText: String(['upheld', 'corrected', 'other', 'pending'].reduce((s, o) => s + (row.cells.get(`${g}.${o}`)?.value.value ?? 0), 0)) })));
	return text;
}

const picks = [
	{ name: 'generated-tab-cells-s7', layout: 'tab-cells', seed: 7 },
	{ name: 'generated-pipe-rows-s12', layout: 'pipe-rows', seed: 12 },
	{ name: 'generated-pipe-rows-s31', layout: 'pipe-rows', seed: 31 },
] as const;
for (const p of picks) {
	writeFileSync(join(OUT, `${p.name}.txt`), balance(generateReport({ layout: p.layout, seed: p.seed, paragraphs: 2 })));
	console.log(`${p.name}.txt`);
}
