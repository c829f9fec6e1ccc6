import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { numberLabel } from './numbering.ts';
import { cellLine, DEFAULT_LIMITS, NUMERIC, renderBlocks, type Block, type DocumentLimits, type DocumentResult, type GridTable } from './render.ts';

/**
 * Reads a Word report (.docx): the body's paragraphs in order, each with the label its automatic
 * numbering prints (一、 （一） 1.), and its tables as grids, merged cells (gridSpan, vMerge)
 * written once where they start. Text of deleted revisions, field codes and fallback copies of
 * drawings is left out, as Word does not show it.
 */

/** An element of the XML, in document order, names without their namespace prefix (w:p is p). */
interface El {
	localName: string;
	attrs: Record<string, string>;
	children: El[];
	/** Character data directly inside, for w:t. */
	text: string;
}

type Ordered = Array<Record<string, unknown>>;

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	removeNSPrefix: true,
	trimValues: false,
	parseTagValue: false,
	parseAttributeValue: false,
	processEntities: true,
	htmlEntities: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
});

function toTree(nodes: Ordered): El[] {
	const out: El[] = [];
	for (const node of nodes) {
		for (const key of Object.keys(node)) {
			if (key === ':@' || key === '#text') continue;
			const el: El = { localName: key, attrs: (node[':@'] as Record<string, string> | undefined) ?? {}, children: [], text: '' };
			const inner = node[key] as Ordered;
			for (const c of inner) if ('#text' in c) el.text += String(c['#text']);
			el.children = toTree(inner);
			out.push(el);
		}
	}
	return out;
}

function children(el: El, name?: string): El[] {
	return name === undefined ? el.children : el.children.filter((c) => c.localName === name);
}

function child(el: El | undefined, name: string): El | undefined {
	return el?.children.find((c) => c.localName === name);
}

function attr(el: El | undefined, name: string): string | undefined {
	return el?.attrs[name];
}

function val(el: El | undefined): string | undefined {
	return attr(el, 'val');
}

/** The root element of an XML part, or undefined when it does not parse. */
function parseXml(text: string): El | undefined {
	try {
		return toTree(parser.parse(text) as Ordered)[0];
	} catch {
		return undefined;
	}
}

export function readDocx(bytes: Uint8Array, limits: DocumentLimits = DEFAULT_LIMITS): DocumentResult {
	if (bytes.length > limits.maxBytes) return tooLarge(bytes.length, limits);
	if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
		// An OLE container with a .docx name: an encrypted Word file (or an old binary .doc).
		return problem('document.encrypted', '文档已加密（或是旧版 .doc 格式），无法读取：请另存为未加密的 .docx', 'the document is encrypted (or an old binary .doc): save it as an unencrypted .docx');
	}
	if (!(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b)) return problem('document.unreadable', '不是有效的 .docx 文件（不是 zip 容器）', 'not a valid .docx file (not a zip container)');
	let files: Record<string, Uint8Array>;
	let expanded = 0;
	let bomb = false;
	try {
		files = unzipSync(bytes, {
			filter: (f) => {
				if (!/^word\/(document|numbering|styles)\.xml$/.test(f.name)) return false;
				expanded += f.originalSize;
				if (expanded > limits.maxExpandedBytes) bomb = true;
				return !bomb;
			},
		});
	} catch (e) {
		return problem('document.unreadable', `.docx 文件已损坏：${(e as Error).message}`, `the .docx file is corrupt: ${(e as Error).message}`);
	}
	if (bomb) return problem('document.too-large', `.docx 解压后超过 ${limits.maxExpandedBytes} 字节，未读取`, `the .docx expands to more than ${limits.maxExpandedBytes} bytes; not read`);
	const main = files['word/document.xml'];
	if (!main) return problem('document.unreadable', '.docx 中没有 word/document.xml', 'the .docx has no word/document.xml');
	const decoder = new TextDecoder('utf-8');
	const doc = parseXml(decoder.decode(main));
	const body = child(doc, 'body');
	if (!body) return problem('document.unreadable', '.docx 的正文 XML 无法解析', 'the .docx body XML cannot be parsed');
	const styles = files['word/styles.xml'] ? parseXml(decoder.decode(files['word/styles.xml'])) : undefined;
	const numbering = files['word/numbering.xml'] ? parseXml(decoder.decode(files['word/numbering.xml'])) : undefined;
	const reader = new BodyReader(new Numbering(numbering, styles), limits);
	reader.readContainer(body);
	if (reader.chars > limits.maxChars) return problem('document.too-large', `文档文字超过 ${limits.maxChars} 个字符，未读取`, `the document has more than ${limits.maxChars} characters of text; not read`);
	return { rendering: renderBlocks('docx', reader.blocks) };
}

function problem(code: 'document.unreadable' | 'document.encrypted' | 'document.too-large', zh: string, en: string): DocumentResult {
	return { problem: { code, message: { zh, en } } };
}

function tooLarge(size: number, limits: DocumentLimits): DocumentResult {
	return problem('document.too-large', `文件有 ${size} 字节，超过上限 ${limits.maxBytes} 字节，未读取`, `the file has ${size} bytes, over the limit of ${limits.maxBytes}; not read`);
}

class BodyReader {
	blocks: Block[] = [];
	chars = 0;
	private paragraphs = 0;
	private tables = 0;
	constructor(
		private numbering: Numbering,
		private limits: DocumentLimits,
	) {}

	readContainer(el: El): void {
		for (const c of children(el)) {
			if (this.chars > this.limits.maxChars) return;
			if (c.localName === 'p') {
				this.paragraphs++;
				const text = this.paragraphText(c);
				this.chars += text.length;
				this.blocks.push({ kind: 'paragraph', text, place: { paragraph: this.paragraphs } });
			} else if (c.localName === 'tbl') {
				this.tables++;
				const table = this.table(c, this.tables);
				this.blocks.push({ kind: 'table', table });
			} else if (c.localName === 'sdt') this.readContainer(child(c, 'sdtContent') ?? c);
			else if (c.localName === 'customXml' || c.localName === 'ins' || c.localName === 'smartTag') this.readContainer(c);
		}
	}

	/** The paragraph as Word shows it: its numbering label, then its runs. */
	paragraphText(p: El): string {
		const label = this.numbering.labelFor(child(p, 'pPr'));
		return (label + runText(p)).replace(/\t/g, ' ');
	}

	table(tbl: El, index: number): GridTable {
		interface Slot {
			column: number;
			span: number;
			merge: 'restart' | 'continue' | undefined;
			text: string;
		}
		const rows: Slot[][] = [];
		for (const tr of children(tbl, 'tr')) {
			const trPr = child(tr, 'trPr');
			let column = Number(val(child(trPr, 'gridBefore')) ?? 0) || 0;
			const slots: Slot[] = [];
			for (const tc of cellsOf(tr)) {
				const tcPr = child(tc, 'tcPr');
				const span = Math.max(1, Math.min(200, Number(val(child(tcPr, 'gridSpan')) ?? 1) || 1));
				const vMerge = child(tcPr, 'vMerge');
				const merge = vMerge ? (val(vMerge) === 'restart' ? 'restart' : 'continue') : undefined;
				const parts = children(tc)
					.filter((e) => e.localName === 'p' || e.localName === 'tbl' || e.localName === 'sdt')
					.flatMap((e) => (e.localName === 'p' ? [this.paragraphText(e)] : [runText(e)]));
				const text = cellLine(parts);
				this.chars += text.length;
				slots.push({ column, span, merge, text });
				column += span;
			}
			rows.push(slots);
		}
		// The cell each merged-on slot continues, by row and column.
		const merged = new Map<string, Slot>();
		rows.forEach((slots, r) => {
			for (const s of slots) if (s.merge === 'continue') merged.set(`${r}:${s.column}`, merged.get(`${r - 1}:${s.column}`) ?? rows[r - 1]?.find((o) => o.column === s.column) ?? s);
		});
		const out: GridTable['rows'] = rows.map((slots, r) =>
			slots.flatMap((s) => {
				const place = { table: index, row: r + 1, column: s.column + 1 };
				// A number merged down over rows of their own (（六）其他处理's three rows under one 0)
				// counts once, in its first row: the rows below hold a blank there, as in HTML.
				if (s.merge === 'continue') return NUMERIC.test(merged.get(`${r}:${s.column}`)?.text.trim() ?? '') ? [{ column: s.column, cell: { text: '', rowSpan: 1, colSpan: s.span, place } }] : [];
				let rowSpan = 1;
				if (s.merge === 'restart') while (r + rowSpan < rows.length && rows[r + rowSpan].some((o) => o.column === s.column && o.merge === 'continue')) rowSpan++;
				return [{ column: s.column, cell: { text: s.text, rowSpan, colSpan: s.span, place } }];
			}),
		);
		return { rows: out, place: { table: index } };
	}
}

/** The cells of a row, including those wrapped in content controls or custom XML. */
function cellsOf(tr: El): El[] {
	const out: El[] = [];
	for (const c of children(tr)) {
		if (c.localName === 'tc') out.push(c);
		else if (c.localName === 'sdt') out.push(...cellsOf(child(c, 'sdtContent') ?? c));
		else if (c.localName === 'customXml') out.push(...cellsOf(c));
	}
	return out;
}

const SKIPPED = new Set(['delText', 'instrText', 'Fallback', 'pPr', 'rPr', 'del', 'moveFrom', 'fldData']);

/** The visible text under an element: w:t runs, tabs and breaks as spaces. */
function runText(el: El): string {
	let out = '';
	const walk = (e: El) => {
		for (const c of e.children) {
			const name = c.localName;
			if (SKIPPED.has(name)) continue;
			if (name === 't') out += c.text;
			else if (name === 'tab' || name === 'br' || name === 'cr') out += ' ';
			else if (name === 'noBreakHyphen') out += '-';
			else if (name === 'p' && out !== '') {
				out += ' ';
				walk(c);
			} else walk(c);
		}
	};
	walk(el);
	return out;
}

interface Level {
	start: number;
	format: string;
	text: string;
}

/** Word's automatic numbering: lists, their levels' formats and counters, styles that carry numbering. */
class Numbering {
	private levels = new Map<string, Level[]>();
	private counters = new Map<string, number[]>();
	private styleNum = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();

	constructor(numbering: El | undefined, styles: El | undefined) {
		const root = numbering;
		if (root) {
			const abstract = new Map<string, El>();
			for (const a of children(root, 'abstractNum')) abstract.set(attr(a, 'abstractNumId') ?? '', a);
			for (const num of children(root, 'num')) {
				const id = attr(num, 'numId') ?? '';
				const a = abstract.get(val(child(num, 'abstractNumId')) ?? '');
				if (!a) continue;
				const levels: Level[] = [];
				for (const lvl of children(a, 'lvl')) {
					const i = Number(attr(lvl, 'ilvl') ?? 0);
					levels[i] = { start: Number(val(child(lvl, 'start')) ?? 1), format: val(child(lvl, 'numFmt')) ?? 'decimal', text: val(child(lvl, 'lvlText')) ?? '' };
				}
				for (const o of children(num, 'lvlOverride')) {
					const i = Number(attr(o, 'ilvl') ?? 0);
					const start = val(child(o, 'startOverride'));
					if (start !== undefined && levels[i]) levels[i] = { ...levels[i], start: Number(start) };
				}
				this.levels.set(id, levels);
			}
		}
		const sroot = styles;
		if (sroot) {
			for (const s of children(sroot, 'style')) {
				const id = attr(s, 'styleId') ?? '';
				const numPr = child(child(s, 'pPr'), 'numPr');
				const ilvl = val(child(numPr, 'ilvl'));
				this.styleNum.set(id, { numId: val(child(numPr, 'numId')), ilvl: ilvl === undefined ? undefined : Number(ilvl), basedOn: val(child(s, 'basedOn')) });
			}
		}
	}

	/** The label a paragraph's numbering prints (advancing its counter), or ''. */
	labelFor(pPr: El | undefined): string {
		const numPr = child(pPr, 'numPr');
		let numId = val(child(numPr, 'numId'));
		let ilvl = val(child(numPr, 'ilvl')) === undefined ? undefined : Number(val(child(numPr, 'ilvl')));
		let style = val(child(pPr, 'pStyle'));
		for (let depth = 0; style && depth < 10 && (numId === undefined || ilvl === undefined); depth++) {
			const s = this.styleNum.get(style);
			if (!s) break;
			numId ??= s.numId;
			ilvl ??= s.ilvl;
			style = s.basedOn;
		}
		if (numId === undefined || numId === '0') return '';
		const levels = this.levels.get(numId);
		const level = ilvl ?? 0;
		if (!levels || !levels[level]) return '';
		const counts = this.counters.get(numId) ?? [];
		counts[level] = counts[level] === undefined ? levels[level].start : counts[level] + 1;
		for (let deeper = level + 1; deeper < counts.length; deeper++) counts[deeper] = undefined as unknown as number;
		this.counters.set(numId, counts);
		const def = levels[level];
		if (def.format === 'bullet' || def.format === 'none') return '';
		return def.text.replace(/%(\d)/g, (_, d: string) => {
			const i = Number(d) - 1;
			const l = levels[i];
			return l ? numberLabel(counts[i] ?? l.start, i === level ? def.format : l.format) : '';
		});
	}
}
