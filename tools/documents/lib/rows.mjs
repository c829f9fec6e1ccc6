// An HTML report as the text people get when a page's tables are converted to rows: one line per
// <tr>, its cells joined by " | " (merged cells are not repeated, so rows differ in width), and
// each paragraph or heading on its own line. Parsed with htmlparser2, not by pattern matching.
import { Parser } from 'htmlparser2';

/**
 * @param html the document
 * @param options.trailingPipe end every row with " |" (some converters do: an empty last cell)
 */
export function htmlToRows(html, { trailingPipe = false } = {}) {
	const lines = [];
	let skip = 0; // inside <style>, <title>, <head> or the page footer
	let text = null; // the paragraph being read
	let row = null;
	let cell = null;
	const depthStack = [];
	const parser = new Parser(
		{
			onopentag(name, attrs) {
				const skipping = name === 'style' || name === 'title' || name === 'head' || (name === 'div' && attrs.title === 'footer');
				depthStack.push(skipping);
				if (skipping) skip++;
				if (skip) return;
				if (name === 'tr') row = [];
				else if (name === 'td' || name === 'th') cell = '';
				else if (/^(p|h[1-6])$/.test(name) && cell === null) text = '';
			},
			ontext(t) {
				if (skip) return;
				const s = t.replace(/\s+/g, ' ');
				if (cell !== null) cell += s;
				else if (text !== null) text += s;
			},
			onclosetag(name) {
				const skipping = depthStack.pop();
				if (skipping) {
					skip--;
					return;
				}
				if (skip) return;
				if ((name === 'td' || name === 'th') && row) {
					row.push(cell.trim());
					cell = null;
				} else if (name === 'tr' && row) {
					lines.push(row.join(' | ') + (trailingPipe ? ' |' : ''));
					row = null;
				} else if (/^(p|h[1-6])$/.test(name) && text !== null) {
					if (text.trim()) lines.push(text.trim());
					text = null;
				}
			},
		},
		{ decodeEntities: true },
	);
	parser.write(html);
	parser.end();
	return lines.join('\n') + '\n';
}
