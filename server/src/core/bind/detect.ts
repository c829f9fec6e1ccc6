import type { TableBlock } from '../read/layout/types.ts';
import { normalizeLabel } from '../read/normalize.ts';
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from '../templates/index.ts';

const SIGNATURES = TEMPLATE_IDS.map((id) => ({ id, labels: TEMPLATES[id].signatures.map(normalizeLabel) }));

/**
 * The format the tables are written in, by the labels only one format uses (本年制发件数 is 2021,
 * 上一年项目数量 is 2019, 统计指标 is the pre-2019 statistics table), or undefined when the
 * tables name none.
 */
export function detectTableTemplate(blocks: TableBlock[], longLines: string[] = []): TemplateId | undefined {
	const hits = new Map<TemplateId, number>();
	const count = (text: string) => {
		const t = normalizeLabel(text);
		for (const s of SIGNATURES) for (const l of s.labels) if (t.includes(l)) hits.set(s.id, (hits.get(s.id) ?? 0) + 1);
	};
	for (const b of blocks) for (const c of b.cells) if (c.text.length >= 3) count(c.text);
	// Squashed web text: the labels stand inside long lines rather than in cells.
	if (hits.size === 0) for (const line of longLines) count(line.slice(0, 400_000));
	let best: TemplateId | undefined;
	let bestHits = 0;
	for (const [id, n] of hits) if (n > bestHits) [best, bestHits] = [id, n];
	return best;
}
