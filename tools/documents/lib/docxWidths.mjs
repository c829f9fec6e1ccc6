// Column widths for the tables of a .docx LibreOffice made from our HTML. LibreOffice's HTML import
// sizes columns from their content and ignores <col width>, so the official layouts (a label
// column one character wide, number columns of one or two characters) are set here in the
// document's own table grid: w:gridCol and each cell's w:tcW (the tables are already fixed-layout).
// The container is read with fflate and the XML with @xmldom/xmldom (the project's dependencies).
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const children = (el, name) => Array.from(el.childNodes).filter((n) => n.nodeType === 1 && n.localName === name && n.namespaceURI === W);

function setWidth(tcPr, twips) {
	let tcW = children(tcPr, 'tcW')[0];
	if (!tcW) {
		tcW = tcPr.ownerDocument.createElementNS(W, 'w:tcW');
		tcPr.insertBefore(tcW, tcPr.firstChild);
	}
	tcW.setAttributeNS(W, 'w:w', String(twips));
	tcW.setAttributeNS(W, 'w:type', 'dxa');
}

/**
 * @param docx the .docx bytes
 * @param percents one entry per table of the document, in order: its column widths in percent, or null to leave it
 */
export function setTableWidths(docx, percents) {
	const files = unzipSync(docx);
	const xml = new DOMParser().parseFromString(strFromU8(files['word/document.xml']), 'text/xml');
	const tables = Array.from(xml.getElementsByTagNameNS(W, 'tbl'));
	tables.forEach((tbl, i) => {
		const pct = percents[i];
		if (!pct) return;
		const grid = children(tbl, 'tblGrid')[0];
		const cols = grid ? children(grid, 'gridCol') : [];
		if (cols.length !== pct.length) throw new Error(`table ${i + 1}: ${cols.length} grid columns, ${pct.length} widths given`);
		const tblW = children(children(tbl, 'tblPr')[0], 'tblW')[0];
		const total = Number(tblW?.getAttributeNS(W, 'w') || cols.reduce((s, c) => s + Number(c.getAttributeNS(W, 'w')), 0));
		const sum = pct.reduce((s, p) => s + p, 0);
		const twips = pct.map((p) => Math.round((p / sum) * total));
		cols.forEach((c, j) => c.setAttributeNS(W, 'w:w', String(twips[j])));
		for (const tr of children(tbl, 'tr')) {
			let col = 0;
			for (const tc of children(tr, 'tc')) {
				const tcPr = children(tc, 'tcPr')[0];
				const span = Number(children(tcPr, 'gridSpan')[0]?.getAttributeNS(W, 'val') || 1);
				setWidth(tcPr, twips.slice(col, col + span).reduce((s, w) => s + w, 0));
				col += span;
			}
		}
	});
	files['word/document.xml'] = strToU8(new XMLSerializer().serializeToString(xml));
	return zipSync(files);
}
