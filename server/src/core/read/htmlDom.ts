/** The parts of an htmlparser2 DOM both HTML readers walk: a saved page (documents/html.ts) and <table> markup inside text (layout/htmlTable.ts). */

export interface DomNode {
	type: string;
	startIndex: number | null;
	/** The node's last character (parsed with withEndIndices). */
	endIndex: number | null;
	parent: DomNode | null;
}
export interface DomText extends DomNode {
	data: string;
}
export interface DomElement extends DomNode {
	name: string;
	attribs: Record<string, string>;
	children: DomNode[];
}

export const isElement = (n: DomNode): n is DomElement => n.type === 'tag' || n.type === 'script' || n.type === 'style';
export const isText = (n: DomNode): n is DomText => n.type === 'text';

export const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'head', 'nav', 'header', 'footer', 'aside', 'select', 'button', 'input', 'textarea', 'map', 'audio', 'video']);

/** A class or id that names site chrome (nav-bar, footer_box, breadcrumb), as whole words only. */
const CHROME = /(^|[\s_-])(nav|navbar|menu|topbar|header|footer|foot|breadcrumbs?|crumbs?|sidebar|share|copyright|toolbar|position|location|dqwz)($|[\s_-])/i;

export const BLOCK = new Set([
	'address', 'article', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'ul', 'caption', 'html', 'font',
]);

/** Site chrome or hidden: navigation, header and footer, display:none. */
export function isChrome(el: DomElement): boolean {
	if (DROPPED.has(el.name)) return true;
	const style = el.attribs.style ?? '';
	if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style) || 'hidden' in el.attribs) return true;
	return CHROME.test(el.attribs.class ?? '') || CHROME.test(el.attribs.id ?? '');
}

/** A rowspan or colspan attribute's value: at least 1, at most 1000. */
export function spanOf(v: string | undefined): number {
	const n = Number.parseInt(v ?? '1', 10);
	return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** The rows of a table, directly or in its thead/tbody/tfoot, not those of nested tables. */
export function rowsOf(t: DomElement): DomElement[] {
	const out: DomElement[] = [];
	for (const c of t.children) {
		if (!isElement(c)) continue;
		if (c.name === 'tr') out.push(c);
		else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') for (const r of c.children) if (isElement(r) && r.name === 'tr') out.push(r);
	}
	return out;
}

/** A cell's lines: blocks and <br> inside it break lines, which the cell joins as a wrapped label. */
export function cellParts(cell: DomElement): string[] {
	const parts: string[] = [''];
	// Walked without recursion (markup may nest thousands deep); a marker closes a block's parts.
	const BREAK = null;
	const stack: Array<DomNode | typeof BREAK> = [...cell.children].reverse();
	while (stack.length > 0) {
		const c = stack.pop()!;
		if (c === BREAK) parts.push('');
		else if (isText(c)) parts[parts.length - 1] += c.data;
		else if (isElement(c) && !isChrome(c)) {
			if (c.name === 'br' || BLOCK.has(c.name)) parts.push('');
			if (BLOCK.has(c.name)) stack.push(BREAK);
			for (let k = c.children.length - 1; k >= 0; k--) stack.push(c.children[k]);
		}
	}
	return parts;
}
