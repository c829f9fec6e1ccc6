import iconv from 'iconv-lite';
import { parseDocument } from 'htmlparser2';
import { BLOCK, cellParts, isChrome, isElement, isText, rowsOf, spanOf, type DomElement, type DomNode } from '../htmlDom.ts';
import { cellLine, DEFAULT_LIMITS, gridFromSpans, renderBlocks, type Block, type DocumentLimits, type DocumentResult } from './render.ts';

/**
 * Reads a saved web page (.html, .htm, .shtml) of a report: decoded in the page's declared
 * charset, the site's navigation, header and footer left out, the report's body read as
 * paragraphs and its data tables as grids with rowspan/colspan resolved. Scripts are never run,
 * and nothing the page links to is fetched.
 */

export function decodeHtml(bytes: Uint8Array): string {
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
	const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
	const charset = declared === undefined ? undefined : /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/.test(declared) ? 'gb18030' : declared;
	if (charset && charset !== 'utf-8' && charset !== 'utf8' && iconv.encodingExists(charset)) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Undeclared and not UTF-8: Chinese sites of this kind save GBK.
		return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
	}
}

export function readHtml(bytes: Uint8Array, limits: DocumentLimits = DEFAULT_LIMITS): DocumentResult {
	if (bytes.length > limits.maxBytes) {
		return { problem: { code: 'document.too-large', message: { zh: `文件有 ${bytes.length} 字节，超过上限 ${limits.maxBytes} 字节，未读取`, en: `the file has ${bytes.length} bytes, over the limit of ${limits.maxBytes}; not read` } } };
	}
	const source = decodeHtml(bytes);
	const dom = parseDocument(source, { withStartIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }) as unknown as DomElement;
	const starts = lineStarts(source);
	const lineOf = (n: DomNode) => (n.startIndex === null ? undefined : upperBound(starts, n.startIndex));
	const { root, title } = reportRoot(dom);
	const reader = new PageReader(lineOf);
	if (title) {
		reader.walk(title);
		reader.flush();
	}
	reader.walk(root);
	reader.flush();
	const rendering = renderBlocks('html', reader.blocks);
	if (rendering.text.trim() === '') return { problem: { code: 'document.unreadable', message: { zh: '网页中没有可读的正文文字', en: 'the page has no readable body text' } } };
	return { rendering };
}

function lineStarts(s: string): number[] {
	const out = [0];
	for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) out.push(i + 1);
	return out;
}

/** 1-based line holding offset i. */
function upperBound(starts: number[], i: number): number {
	let lo = 0;
	let hi = starts.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (starts[mid] <= i) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The text of an element, chrome left out (for choosing the report's root). */
function textOf(n: DomNode, cache: Map<DomNode, string>): string {
	const hit = cache.get(n);
	if (hit !== undefined) return hit;
	let s = '';
	if (isText(n)) s = n.data;
	else if (isElement(n) && !isChrome(n)) for (const c of n.children) s += textOf(c, cache);
	cache.set(n, s);
	return s;
}

/** A link to a downloadable file (an attachment), by its address's extension. */
const FILE_LINK = /\.(xlsx?|docx?|wps|et|pdf|ofd|zip|rar|7z)(?:[?#].*)?$/i;

const SECTION_MARK = /^[\s\u3000]*[一二三四五六七八]、/;
const TITLE_OPENING = /^[^。，；：,;:]{0,80}?(年度报告|工作报告|年报)/;

/**
 * The element holding the report: the deepest one holding every top-level section heading
 * (一、…六、) and every data table. Its title, when the element does not hold one, is read from
 * the page's last title-like line before it (a saved page puts the article's title above the
 * source and date lines, share buttons and tabs, which are not the report).
 */
function reportRoot(dom: DomElement): { root: DomElement; title?: DomElement } {
	const cache = new Map<DomNode, string>();
	const markers: DomElement[] = [];
	const visit = (el: DomElement) => {
		for (const c of el.children) {
			if (!isElement(c) || isChrome(c)) continue;
			if (c.name === 'table' && !hasDescendant(c, 'table')) {
				markers.push(c);
				continue;
			}
			const own = ownText(c);
			if (SECTION_MARK.test(own)) markers.push(c);
			visit(c);
		}
	};
	visit(dom);
	const body = findFirst(dom, 'body') ?? dom;
	if (markers.length === 0) return { root: body };
	const root = commonAncestor(markers) ?? body;
	// Titled when its text opens with a title (before any sentence's punctuation).
	if (TITLE_OPENING.test(textOf(root, cache).replace(/[\s\u00a0\u3000]+/g, '').slice(0, 120))) return { root };
	return { root, title: titleBefore(body, root) };
}

/** A line that is a report's title: short, ending in 年度报告, 工作报告 or 年报. */
const TITLE_LINE = /^.{4,80}(年度报告|工作报告|年报)$/;

/** The last element before `root` (in reading order, chrome left out) whose own text is a title line. */
function titleBefore(from: DomElement, root: DomElement): DomElement | undefined {
	let found: DomElement | undefined;
	let done = false;
	const walk = (el: DomElement) => {
		for (const c of el.children) {
			if (done) return;
			if (!isElement(c) || isChrome(c)) continue;
			if (c === root) {
				done = true;
				return;
			}
			if (TITLE_LINE.test(ownText(c).replace(/[\s\u00a0\u3000]+/g, ''))) found = c;
			walk(c);
		}
	};
	walk(from);
	return done ? found : undefined;
}

/** Text directly in an element and its inline children (not in nested blocks). */
function ownText(el: DomElement): string {
	let s = '';
	for (const c of el.children) {
		if (isText(c)) s += c.data;
		else if (isElement(c) && !BLOCK.has(c.name) && c.name !== 'table' && c.name !== 'br' && !isChrome(c)) s += ownText(c);
	}
	return s;
}

function hasDescendant(el: DomElement, name: string): boolean {
	for (const c of el.children) if (isElement(c) && (c.name === name || hasDescendant(c, name))) return true;
	return false;
}

function findFirst(el: DomElement, name: string): DomElement | undefined {
	for (const c of el.children) {
		if (!isElement(c)) continue;
		if (c.name === name) return c;
		const f = findFirst(c, name);
		if (f) return f;
	}
	return undefined;
}

function commonAncestor(nodes: DomElement[]): DomElement | undefined {
	const chain = (n: DomNode) => {
		const out: DomNode[] = [];
		for (let p: DomNode | null = n; p; p = p.parent) out.unshift(p);
		return out;
	};
	let common = chain(nodes[0]);
	for (const n of nodes.slice(1)) {
		const c = chain(n);
		let i = 0;
		while (i < common.length && i < c.length && common[i] === c[i]) i++;
		common = common.slice(0, i);
	}
	// A marker's own parent when there is one marker: a lone table or heading is not the report.
	let last = common[common.length - 1] as DomElement | undefined;
	if (nodes.length === 1 && last === nodes[0]) last = last.parent as DomElement | undefined;
	return last && isElement(last) ? last : undefined;
}

class PageReader {
	blocks: Block[] = [];
	private buffer = '';
	private bufferLine: number | undefined;
	private tables = 0;
	constructor(private lineOf: (n: DomNode) => number | undefined) {}

	flush(): void {
		const text = this.buffer.replace(/[\s\u00a0]+/g, ' ').trim();
		if (text !== '') this.blocks.push({ kind: 'paragraph', text, place: { sourceLine: this.bufferLine } });
		this.buffer = '';
		this.bufferLine = undefined;
	}

	walk(el: DomElement): void {
		for (const c of el.children) {
			if (isText(c)) {
				if (this.bufferLine === undefined && c.data.trim() !== '') this.bufferLine = this.lineOf(c);
				this.buffer += c.data;
				continue;
			}
			if (!isElement(c) || isChrome(c)) continue;
			// A link to a file (the 统计表.xls under the report) is the page's download, not report text.
			if (c.name === 'a' && FILE_LINK.test(c.attribs.href ?? '')) continue;
			if (c.name === 'br') {
				this.flush();
				continue;
			}
			if (c.name === 'table') {
				this.flush();
				if (hasDescendant(c, 'table')) this.walkLayoutTable(c);
				else this.table(c);
				continue;
			}
			const block = BLOCK.has(c.name) && c.name !== 'font';
			if (block) this.flush();
			this.walk(c);
			if (block) this.flush();
		}
	}

	/** A table used for page layout: its cells hold the page's blocks. */
	private walkLayoutTable(t: DomElement): void {
		for (const tr of rowsOf(t)) for (const cell of tr.children) if (isElement(cell) && (cell.name === 'td' || cell.name === 'th')) {
			this.walk(cell);
			this.flush();
		}
	}

	private table(t: DomElement): void {
		const index = ++this.tables;
		const rows = rowsOf(t).map((tr) =>
			tr.children
				.filter((c): c is DomElement => isElement(c) && (c.name === 'td' || c.name === 'th') && !isChrome(c))
				.map((cell) => ({
					text: cellLine(cellParts(cell)),
					rowSpan: spanOf(cell.attribs.rowspan),
					colSpan: spanOf(cell.attribs.colspan),
					place: { table: index, sourceLine: this.lineOf(cell) },
				})),
		);
		const grid = gridFromSpans(rows, { table: index, sourceLine: this.lineOf(t) });
		this.blocks.push({ kind: 'table', table: grid });
	}
}
