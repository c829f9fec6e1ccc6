import type { TableBlock } from '../read/layout/types.ts';
import { normalizeLabel } from '../read/normalize.ts';
import { memoize } from '../memo.ts';
import { FORMAT_MIXES, type FormatMix } from '../templates/mixes.ts';
import { TEMPLATE_IDS, TEMPLATES, type TemplateDef, type TemplateId } from '../templates/index.ts';

/** Each signature label with the section of the table that prints it. */
const SIGNATURES = TEMPLATE_IDS.map((id) => ({ id, labels: TEMPLATES[id].signatures.map((s) => ({ label: normalizeLabel(s), section: sectionOf(TEMPLATES[id], normalizeLabel(s)) })) }));

/**
 * Every signature holds an ideograph, and no character before U+2E80 normalises to one (NFKC maps
 * only the compatibility forms from there on to ideographs): a cell without such a character
 * (a number, most of a table's cells) holds no signature and is not normalised to look.
 */
const IDEOGRAPH = /[\u4e00-\u9fff]/;
const SIGNATURES_IDEOGRAPHIC = SIGNATURES.every((s) => s.labels.every((l) => IDEOGRAPH.test(l.label)));

function mayHoldSignature(text: string): boolean {
	if (!SIGNATURES_IDEOGRAPHIC) return true;
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) return true;
	return false;
}

function sectionOf(template: TemplateDef, signature: string): string | undefined {
	for (const t of template.tables) {
		const texts = [...t.anchors, ...t.headers, ...t.columns.flatMap((c) => [c.label, ...(c.aliases ?? [])]), ...t.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])])];
		if (texts.some((x) => normalizeLabel(x).includes(signature))) return t.section;
	}
	return undefined;
}

/** A line at least this long that no table claimed is taken for squashed web text. */
const SQUASHED_LINE = 300;
/** Lines shorter than this are not looked at for signatures outside tables. */
export const SIGNATURE_LINE = 40;

/** Signature hits by format and by the section their table belongs to. */
export type SignatureHits = Map<TemplateId, Map<string, number>>;

/** The signature labels the tables (or, where no cell names one, the long lines) hold: what both detections below read, found once. */
export function signatureHits(blocks: TableBlock[], longLines: string[]): SignatureHits {
	const hits = new Map<TemplateId, Map<string, number>>();
	const count = (text: string, found = signaturesIn(text)) => {
		for (const [id, section] of found) {
			const bySection = hits.get(id) ?? new Map<string, number>();
			bySection.set(section, (bySection.get(section) ?? 0) + 1);
			hits.set(id, bySection);
		}
	};
	for (const b of blocks) for (const c of b.cells) if (c.text.length >= 3) count(c.text);
	// Squashed web text: the labels stand inside long lines rather than in cells. A shorter line (a
	// glued table in text a converter broke into lines) counts where it names two labels, as a
	// table's header does and a sentence that mentions one (政府集中采购) does not.
	if (hits.size === 0) {
		for (const line of longLines) {
			const found = signaturesIn(line.slice(0, 400_000));
			if (line.length >= SQUASHED_LINE || found.length >= 2) count(line, found);
		}
	}
	return hits;
}

/** Every signature label in SIGNATURES' order, as the (format, section) pair it counts for. */
const SIGNATURE_LIST = SIGNATURES.flatMap((s) => s.labels.map((l) => ({ label: l.label, hit: [s.id, l.section ?? ''] as const })));
/** By UTF-16 unit, 1 + the index in OPENING of the labels that open with it (0: none does). */
const OPENS_SIGNATURE = new Uint8Array(65536);
/** The indices (in SIGNATURE_LIST) of the labels that open with each unit some label opens with. */
const OPENING: number[][] = [];
SIGNATURE_LIST.forEach(({ label }, i) => {
	const c = label.charCodeAt(0);
	if (!OPENS_SIGNATURE[c]) OPENS_SIGNATURE[c] = OPENING.push([]);
	OPENING[OPENS_SIGNATURE[c] - 1].push(i);
});

/** The signature labels a text holds, as (format, section) pairs; cached, as every report repeats the same cell labels. */
const signaturesIn = memoize((text: string): ReadonlyArray<readonly [TemplateId, string]> => {
	if (!mayHoldSignature(text)) return [];
	const t = normalizeLabel(text);
	// One pass over the text marks the labels that start where each opening unit stands, rather
	// than a search of the whole text for every label; the pairs come out in SIGNATURES' order.
	let held: Uint8Array | undefined;
	for (let k = 0; k < t.length; k++) {
		const opening = OPENS_SIGNATURE[t.charCodeAt(k)];
		if (opening === 0) continue;
		for (const i of OPENING[opening - 1]) if (!held?.[i] && t.startsWith(SIGNATURE_LIST[i].label, k)) (held ??= new Uint8Array(SIGNATURE_LIST.length))[i] = 1;
	}
	return held ? SIGNATURE_LIST.filter((_, i) => held![i]).map((s) => s.hit) : [];
});

const total = (m: Map<string, number> | undefined) => [...(m?.values() ?? [])].reduce((a, b) => a + b, 0);

/**
 * The format the tables are written in, by the labels only one format uses (本年制发件数 is 2021,
 * 上一年项目数量 is 2019, 统计指标 is the pre-2019 statistics table), or undefined when the
 * tables name none.
 */
export function detectTableTemplate(blocks: TableBlock[], longLines: string[] = [], hits: SignatureHits = signatureHits(blocks, longLines)): TemplateId | undefined {
	let best: TemplateId | undefined;
	let bestHits = 0;
	for (const [id, m] of hits) if (total(m) > bestHits) [best, bestHits] = [id, total(m)];
	return best;
}

/**
 * A known mix of formats (FORMAT_MIXES) the tables show: one section's tables carry only the
 * other format's labels while the other sections' tables carry the base format's.
 */
export function detectFormatMix(blocks: TableBlock[], longLines: string[] = [], hits: SignatureHits = signatureHits(blocks, longLines)): FormatMix | undefined {
	return FORMAT_MIXES.find((mix) => {
		const base = hits.get(mix.base);
		const from = hits.get(mix.tablesFrom);
		if (!base || !from) return false;
		const inSection = (m: Map<string, number>) => m.get(mix.section) ?? 0;
		return inSection(from) > 0 && inSection(base) === 0 && total(base) - inSection(base) > 0 && total(from) - inSection(from) === 0;
	});
}
