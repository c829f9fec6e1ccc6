// A report's blocks as an HTML document that LibreOffice lays out like a published report: A4,
// a 宋体-like CJK serif (Noto Serif CJK SC), headings in a 黑体-like sans, bordered tables with the
// official merged headers, a centred page number in the footer (LibreOffice's own <sdfield> markup).
import { activeTable, appealsTable, plainTable, requestsTable } from './tables.mjs';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Column widths in percent of each table a block prints (set in the .docx: LibreOffice's HTML import ignores them). */
export function tableWidths(block, styleName) {
	const style = STYLES[styleName];
	if (block.kind === 'requests') return [...style.labelWidths, ...Array(7).fill(style.numberWidth ?? (100 - style.labelWidths.reduce((s, w) => s + w, 0)) / 7)];
	if (block.kind === 'appeals') return Array(15).fill(100 / 15);
	const width = block.kind === 'active' ? 1 + Math.max(...block.tables.map((t) => t.columns.length)) : Math.max(...block.sourceRows.map((r) => r.length));
	const first = block.kind === 'active' ? (style.activeLabelWidth ?? 34) : (style.plainLabelWidth ?? 60);
	return [first, ...Array(width - 1).fill((100 - first) / (width - 1))];
}

export const STYLES = {
	// Wide label columns, numbers 7 × ~8%: header cells wrap to two lines (商业/企业).
	official: { labelWidths: [7, 11, 27], bodySize: 14, tableSize: 9 },
	// Narrow columns, as many county reports print them: 三、本年度办理结果 one character a line, labels over 2–3 lines.
	narrow: { labelWidths: [3, 7, 18], numberWidth: 10.28, bodySize: 16, tableSize: 10.5, activeLabelWidth: 25 },
	// Number columns one character wide, as some offices print Table 2: header cells one character a line (自 / 然 / 人).
	vertical: { labelWidths: [3, 10, 61.8], numberWidth: 3.6, bodySize: 16, tableSize: 10.5, activeLabelWidth: 30 },
	// Small type and wide number columns: most labels on one line, zeros left blank as some drafters do.
	compact: { labelWidths: [8, 14, 38], bodySize: 12, tableSize: 8, blankZeroInputs: true, activeLabelWidth: 40 },
};

function tableHtml(block, style, sourceRows) {
	const html =
		block.kind === 'active' ? activeTable(block.tables, style)
		: block.kind === 'requests' ? requestsTable(block.tables[0], style)
		: block.kind === 'appeals' ? appealsTable(block.tables[0], style)
		: plainTable(sourceRows, style);
	// LibreOffice's HTML import applies a cell's own style, not a stylesheet rule for table cells.
	return html.replaceAll('<td', `<td style="font-size: ${style.tableSize}pt"`);
}

/** singleFont: one regular serif face for everything (headings by size only), so the PDF embeds one font and stays small. */
export function renderHtml(blocks, { styleName = 'official', charset = 'utf-8', lang = 'zh-CN', pageNumbers = true, singleFont = false } = {}) {
	const style = STYLES[styleName];
	const title = blocks.find((b) => b.type === 'title');
	const css = `@page { size: 21cm 29.7cm; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
body { font-family: "Noto Serif CJK SC", "SimSun", serif; font-size: ${style.bodySize}pt; }
p.title { font-family: "Noto Serif CJK SC", serif; font-weight: bold; font-size: 22pt; text-align: center; }
h1, h2, h3 { font-family: "Noto Sans CJK SC", "SimHei", sans-serif; font-weight: normal; font-size: ${style.bodySize}pt; }
h2, h3 { font-family: "Noto Serif CJK SC", serif; font-weight: bold; }
p { text-indent: 2em; margin: 0; }
table.grid { border-collapse: collapse; }
table.grid td { border: 1px solid #000; font-size: ${style.tableSize}pt; text-indent: 0; }
div.footer p { text-align: center; text-indent: 0; }${singleFont ? `
p.title, h1, h2, h3 { font-family: "Noto Serif CJK SC", serif; font-weight: normal; }
h1 { font-size: ${style.bodySize + 2}pt; }` : ''}`;
	const body = [];
	for (const b of blocks) {
		if (b.type === 'title') for (const line of b.lines) body.push(`<p class="title">${esc(line)}</p>`);
		else if (b.type === 'heading') body.push(`<h${Math.min(3, b.level)}>${esc(b.text)}</h${Math.min(3, b.level)}>`);
		else if (b.type === 'para') body.push(`<p>${esc(b.text)}</p>`);
		else if (b.type === 'table') body.push(tableHtml(b, style, b.sourceRows));
	}
	const footer = pageNumbers ? `<div title="footer" class="footer"><p align="center">— <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> —</p></div>` : '';
	return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="${charset}">
<title>${esc(title ? title.lines.join('') : '')}</title>
<style>
${css}
</style></head>
<body>
${body.join('\n')}
${footer}
</body></html>
`;
}
