// Column widths for the tables of a .docx LibreOffice made from our HTML. LibreOffice's HTML import
// sizes columns from their content and ignores <col width>, so the official layouts (a label
// column one character wide, number columns of one or two characters) are set here in the
// document's own table grid: w:tblW, w:gridCol and each cell's w:tcW (the tables are fixed-layout).
// The container is read with fflate and the XML with fast-xml-parser (the project's dependencies),
// in document order so the rest of the document is written back as it was.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

const OPTIONS = { preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: false, processEntities: false };

const tagOf = (node) => Object.keys(node).find((k) => k !== ':@');
const kids = (node, name) => (node[tagOf(node)] ?? []).filter((n) => tagOf(n) === name);
const attr = (node, name) => node[':@']?.[`@_${name}`];
const setAttr = (node, name, value) => {
	node[':@'] = { ...(node[':@'] ?? {}), [`@_${name}`]: String(value) };
};

function* walk(nodes, name) {
	for (const n of nodes) {
		const tag = tagOf(n);
		if (tag === name) yield n;
		if (tag && Array.isArray(n[tag])) yield* walk(n[tag], name);
	}
}

/** The w:tcW of a cell's properties, created first among them when absent. */
function cellWidth(tcPr) {
	let tcW = kids(tcPr, 'w:tcW')[0];
	if (!tcW) {
		tcW = { 'w:tcW': [] };
		tcPr['w:tcPr'].unshift(tcW);
	}
	return tcW;
}

/**
 * @param docx the .docx bytes
 * @param percents one entry per table of the document, in order: its column widths in percent, or null to leave it
 */
export function setTableWidths(docx, percents) {
	const files = unzipSync(docx);
	const xml = new XMLParser(OPTIONS).parse(strFromU8(files['word/document.xml']));
	// The text width of the (single) section: LibreOffice may have made a table wider than the page.
	const pgSz = walk(xml, 'w:pgSz').next().value;
	const pgMar = walk(xml, 'w:pgMar').next().value;
	const textWidth = Number(attr(pgSz, 'w:w')) - Number(attr(pgMar, 'w:left')) - Number(attr(pgMar, 'w:right'));
	[...walk(xml, 'w:tbl')].forEach((tbl, i) => {
		const pct = percents[i];
		if (!pct) return;
		const cols = kids(kids(tbl, 'w:tblGrid')[0] ?? {}, 'w:gridCol');
		if (cols.length !== pct.length) throw new Error(`table ${i + 1}: ${cols.length} grid columns, ${pct.length} widths given`);
		const tblW = kids(kids(tbl, 'w:tblPr')[0], 'w:tblW')[0];
		setAttr(tblW, 'w:w', textWidth);
		setAttr(tblW, 'w:type', 'dxa');
		const sum = pct.reduce((s, p) => s + p, 0);
		const twips = pct.map((p) => Math.round((p / sum) * textWidth));
		cols.forEach((c, j) => setAttr(c, 'w:w', twips[j]));
		for (const tr of kids(tbl, 'w:tr')) {
			let col = 0;
			for (const tc of kids(tr, 'w:tc')) {
				const tcPr = kids(tc, 'w:tcPr')[0];
				const span = Number(attr(kids(tcPr, 'w:gridSpan')[0] ?? {}, 'w:val') ?? 1);
				const tcW = cellWidth(tcPr);
				setAttr(tcW, 'w:w', twips.slice(col, col + span).reduce((s, w) => s + w, 0));
				setAttr(tcW, 'w:type', 'dxa');
				col += span;
			}
		}
	});
	files['word/document.xml'] = strToU8(new XMLBuilder({ ...OPTIONS, suppressEmptyNode: true }).build(xml));
	return zipSync(files);
}
