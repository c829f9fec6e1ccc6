import { documentBlocks, layoutPage, type PageContent, type PageLayout, type Ruling, type TextItem } from './pdfLayout.ts';
import { foldRadicals } from '../radicals.ts';
import { DEFAULT_LIMITS, renderBlocks, type DocumentLimits, type DocumentProblem, type DocumentResult } from './render.ts';

/**
 * Reads a PDF report with pdf.js: the text layer with positions, and the rulings drawn around
 * table cells, rebuilt into paragraphs and tables (pdfLayout.ts). pdf.js runs on this thread with
 * eval, font loading and every fetch turned off: the document's scripts never run and nothing
 * it names is loaded.
 */

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfJs> | undefined;

/**
 * pdf.js and its worker code, loaded once; the worker runs on this thread (no worker file is
 * fetched). pdf.js's display module builds a DOMMatrix when it loads: Node has none, so a
 * JavaScript one stands in (text extraction never draws). The warnings pdf.js prints while it
 * looks for a canvas package go nowhere: they are not the user's concern.
 */
/**
 * pdf.js assigns `globalThis.navigator` when it has no `language`; where navigator is a getter
 * (VS Code's extension host, Node 21+) that assignment throws and no PDF could be read. So the
 * language is given first, without replacing the navigator other code may use.
 */
function giveNavigatorALanguage(): void {
	const nav = (globalThis as { navigator?: { language?: string } }).navigator;
	if (nav?.language) return;
	if (nav) {
		try {
			Object.defineProperty(nav, 'language', { value: 'en-US', configurable: true });
			if (nav.language) return;
		} catch {
			// a frozen navigator: replace it below
		}
	}
	Object.defineProperty(globalThis, 'navigator', { value: { ...(nav ?? {}), language: 'en-US', platform: '', userAgent: '' }, configurable: true, writable: true });
}

function pdfjs(): Promise<PdfJs> {
	loaded ??= (async () => {
		const g = globalThis as { DOMMatrix?: unknown; pdfjsWorker?: unknown };
		g.DOMMatrix ??= (await import('@thednp/dommatrix')).default;
		// @ts-expect-error: pdf.js ships no types for its worker module
		g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
		giveNavigatorALanguage();
		const warn = console.warn;
		console.warn = (...args: unknown[]) => {
			if (!(typeof args[0] === 'string' && args[0].startsWith('Warning:'))) warn(...args);
		};
		try {
			return await import('pdfjs-dist/legacy/build/pdf.mjs');
		} finally {
			console.warn = warn;
		}
	})();
	return loaded;
}

function problem(code: DocumentProblem['code'], zh: string, en: string, page?: number): DocumentResult {
	return { problem: { code, message: { zh, en }, ...(page ? { page } : {}) } };
}

/** Clock for the time limit; a test passes its own so that no result depends on how fast the machine is. */
export interface PdfReadOptions {
	now?: () => number;
	/** Time one document may take, checked between pages. */
	maxMillis?: number;
}

export async function readPdf(bytes: Uint8Array, limits: DocumentLimits = DEFAULT_LIMITS, options: PdfReadOptions = {}): Promise<DocumentResult> {
	if (bytes.length > limits.maxBytes) return problem('document.too-large', `文件有 ${bytes.length} 字节，超过上限 ${limits.maxBytes} 字节，未读取`, `the file has ${bytes.length} bytes, over the limit of ${limits.maxBytes}; not read`);
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
	if (!head.includes('%PDF-')) return problem('document.unreadable', '不是 PDF 文件（没有 %PDF- 文件头）', 'not a PDF file (no %PDF- header)');
	const now = options.now ?? Date.now;
	const maxMillis = options.maxMillis ?? 60_000;
	const started = now();
	const lib = await pdfjs();
	const task = lib.getDocument({
		// pdf.js takes ownership of the buffer it is given: hand it a copy.
		data: new Uint8Array(bytes),
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		disableAutoFetch: true,
		disableStream: true,
		disableRange: true,
		enableXfa: false,
		useWorkerFetch: false,
		isOffscreenCanvasSupported: false,
		isImageDecoderSupported: false,
		stopAtErrors: false,
		verbosity: 0,
	});
	let doc;
	try {
		doc = await task.promise;
	} catch (e) {
		await task.destroy().catch(() => undefined);
		const name = (e as Error)?.name;
		if (name === 'PasswordException') return problem('document.encrypted', 'PDF 已加密，需要密码才能打开', 'the PDF is encrypted and needs a password');
		return problem('document.unreadable', `PDF 文件已损坏（${(e as Error)?.message ?? e}）`, `the PDF file is corrupt (${(e as Error)?.message ?? e})`);
	}
	try {
		if (doc.numPages > limits.maxPages) return problem('document.too-large', `PDF 有 ${doc.numPages} 页，超过上限 ${limits.maxPages} 页，未读取`, `the PDF has ${doc.numPages} pages, over the limit of ${limits.maxPages}; not read`);
		const layouts: PageLayout[] = [];
		let tables = 0;
		let chars = 0;
		let images = 0;
		for (let n = 1; n <= doc.numPages; n++) {
			if (now() - started > maxMillis) return problem('document.too-large', `读取 PDF 超过 ${Math.round(maxMillis / 1000)} 秒，已在第 ${n} 页停止`, `reading the PDF took over ${Math.round(maxMillis / 1000)} s; stopped at page ${n}`, n);
			const page = await doc.getPage(n);
			const content = await pageContent(lib, page, n);
			images += content.images;
			chars += content.items.reduce((s, i) => s + i.text.length, 0);
			if (chars > limits.maxChars) return problem('document.too-large', `PDF 文字超过 ${limits.maxChars} 个字符，未读取`, `the PDF has more than ${limits.maxChars} characters of text; not read`, n);
			layouts.push(layoutPage(content, () => ++tables));
			page.cleanup();
		}
		const meaningful = layouts.reduce((s, l) => s + l.blocks.length, 0);
		if (chars < 20 || meaningful === 0) {
			if (images > 0) return problem('document.scanned', `共 ${doc.numPages} 页，只有图像`, `${doc.numPages} page(s), images only`);
			return problem('document.unreadable', 'PDF 中没有文字', 'the PDF has no text');
		}
		return { rendering: renderBlocks('pdf', documentBlocks(layouts), doc.numPages) };
	} finally {
		await doc.destroy().catch(() => undefined);
	}
}

type Page = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;
type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
	m[0] * n[0] + m[2] * n[1],
	m[1] * n[0] + m[3] * n[1],
	m[0] * n[2] + m[2] * n[3],
	m[1] * n[2] + m[3] * n[3],
	m[0] * n[4] + m[2] * n[5] + m[4],
	m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

async function pageContent(lib: PdfJs, page: Page, n: number): Promise<PageContent & { images: number }> {
	const [x0, y0, x1, y1] = page.view;
	const text = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
	const items: TextItem[] = [];
	for (const raw of text.items) {
		if (!('str' in raw) || raw.str.trim() === '') continue;
		const [a, b, c, d, e, f] = raw.transform as Matrix;
		// Upright text only: rotated watermarks and seals are not report text.
		if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d)) continue;
		items.push({ text: foldRadicals(raw.str), x: e - x0, y: f - y0, width: raw.width, size: Math.hypot(c, d) || Math.abs(raw.height) || 10 });
	}
	const { rulings, images } = await pageRulings(lib, page, x0, y0);
	return { page: n, width: x1 - x0, height: y1 - y0, items, rulings, images };
}

/** The straight lines drawn on a page (strokes, and fills thin enough to be lines), in page space. */
async function pageRulings(lib: PdfJs, page: Page, x0: number, y0: number): Promise<{ rulings: Ruling[]; images: number }> {
	const { OPS } = lib;
	const ops = await page.getOperatorList();
	const rulings: Ruling[] = [];
	let images = 0;
	let ctm: Matrix = [1, 0, 0, 1, 0, 0];
	const stack: Matrix[] = [];
	const strokes = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
	const fills = new Set<number>([OPS.fill, OPS.eoFill]);
	/** A straight segment in page space, kept when horizontal or vertical. */
	const add = (px: number, py: number, qx: number, qy: number) => {
		if (Math.abs(py - qy) < 1 && Math.abs(px - qx) > 2) rulings.push({ dir: 'h', at: (py + qy) / 2 - y0, a: Math.min(px, qx) - x0, b: Math.max(px, qx) - x0 });
		else if (Math.abs(px - qx) < 1 && Math.abs(py - qy) > 2) rulings.push({ dir: 'v', at: (px + qx) / 2 - x0, a: Math.min(py, qy) - y0, b: Math.max(py, qy) - y0 });
	};
	for (let i = 0; i < ops.fnArray.length; i++) {
		const fn = ops.fnArray[i];
		const args = ops.argsArray[i];
		if (fn === OPS.save) stack.push(ctm);
		else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
		else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
		else if (fn === OPS.paintFormXObjectBegin) {
			stack.push(ctm);
			if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix);
		} else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
		else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) images++;
		else if (fn === OPS.constructPath) {
			const [paint, [data]] = args as [number, [Float32Array | null]];
			if (!data || (!strokes.has(paint) && !fills.has(paint))) continue;
			for (const sub of subpaths(data)) {
				const pts = sub.map(([x, y]) => apply(ctm, x, y));
				if (strokes.has(paint)) for (let k = 1; k < pts.length; k++) add(pts[k - 1][0], pts[k - 1][1], pts[k][0], pts[k][1]);
				else thinFill(pts, add);
			}
		}
	}
	return { rulings, images };
}

/** A filled shape as thin as a line is a ruling (Word and LibreOffice draw cell borders so). */
function thinFill(pts: Array<[number, number]>, add: (px: number, py: number, qx: number, qy: number) => void): void {
	if (pts.length < 2) return;
	const xs = pts.map((p) => p[0]);
	const ys = pts.map((p) => p[1]);
	const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	if (maxY - minY < 2.5 && maxX - minX > 2) add(minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2);
	else if (maxX - minX < 2.5 && maxY - minY > 2) add((minX + maxX) / 2, minY, (minX + maxX) / 2, maxY);
}

/** The points of each subpath of a pdf.js path buffer (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4). */
function subpaths(data: Float32Array): Array<Array<[number, number]>> {
	const out: Array<Array<[number, number]>> = [];
	let cur: Array<[number, number]> = [];
	for (let k = 0; k < data.length; ) {
		const op = data[k++];
		if (op === 0) {
			if (cur.length) out.push(cur);
			cur = [[data[k], data[k + 1]]];
			k += 2;
		} else if (op === 1) {
			cur.push([data[k], data[k + 1]]);
			k += 2;
		} else if (op === 2) {
			cur.push([data[k + 4], data[k + 5]]);
			k += 6;
		} else if (op === 3) {
			cur.push([data[k + 2], data[k + 3]]);
			k += 4;
		} else if (op === 4) {
			if (cur.length) cur.push(cur[0]);
		} else break;
	}
	if (cur.length) out.push(cur);
	return out;
}
