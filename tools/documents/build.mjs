#!/usr/bin/env node
// Renders the reports listed in manifest.json as real documents and extracts them the ways users
// do: HTML with the official tables -> .docx and .pdf (LibreOffice headless) -> `pdftotext -layout`
// and plain `pdftotext`, and the HTML's tables converted to rows. Writes the extracted texts with
// their labels into test/corpus/pdf/ and test/corpus/html-rows/, and the small document fixtures
// into test/fixtures/documents/. Usage: node tools/documents/build.mjs [--only NAME,…] [--keep DIR] [--refresh]
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { toBlocks } from './lib/blocks.mjs';
import { setTableWidths } from './lib/docxWidths.mjs';
import { renderHtml, tableWidths } from './lib/html.mjs';
import { locateFindings, pageNumberFindings } from './lib/label.mjs';
import { htmlToRows } from './lib/rows.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
// The project's own reader (npm run build); NIANBAO_CLI may point to a copy when dist/ is being rebuilt.
const CLI = process.env.NIANBAO_CLI ?? join(ROOT, 'dist', 'cli.js');
const PDF_OUT = join(ROOT, 'test', 'corpus', 'pdf');
const ROWS_OUT = join(ROOT, 'test', 'corpus', 'html-rows');
const FIXTURES_OUT = join(ROOT, 'test', 'fixtures', 'documents');

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const keep = args.includes('--keep') ? args[args.indexOf('--keep') + 1] : null;
const refresh = args.includes('--refresh');
const work = keep ?? mkdtempSync(join(tmpdir(), 'nianbao-documents-'));
mkdirSync(work, { recursive: true });
// A private LibreOffice profile, so a desktop instance or another run does not block the conversion.
const profile = `-env:UserInstallation=file://${join(work, 'lo-profile')}`;

const manifest = JSON.parse(readFileSync(join(HERE, 'manifest.json'), 'utf8'));
const entries = manifest.reports.filter((e) => !only || only.includes(e.name));

function applyEdits(text, edits = []) {
	for (const e of edits) {
		const at = text.indexOf(e.find);
		if (at < 0 || text.indexOf(e.find, at + 1) >= 0) throw new Error(`edit '${e.find}' must occur exactly once`);
		text = text.slice(0, at) + e.replace + text.slice(at + e.find.length);
	}
	return text;
}

function extract(file) {
	const out = execFileSync(process.execPath, [CLI, 'extract', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
	return JSON.parse(out)[0];
}

/** The model's reading of a glued or ambiguous cell, corrected where the manifest says what the report means. */
function applyOverrides(model, overrides = []) {
	for (const o of overrides) {
		const table = model.tables.find((t) => t.id === o.table);
		if (!table) throw new Error(`override: no table ${o.table}`);
		let row = table.rows.find((r) => r.key === o.row);
		if (!row && o.label) {
			// A row the text prints without cells: placed after the row it follows in the template.
			row = { key: o.row, label: o.label, known: true, values: {} };
			const after = o.insertAfter ? table.rows.findIndex((r) => r.key === o.insertAfter) : -1;
			if (after >= 0) table.rows.splice(after + 1, 0, row);
			else table.rows.push(row);
		}
		if (!row) throw new Error(`override: no row ${o.table} ${o.row}`);
		if (o.label) row.label = o.label;
		for (const [column, text] of Object.entries(o.values ?? {})) row.values[column] = { value: text === '' ? null : Number(text), text };
	}
}

/**
 * Tables the reader does not split (pre-2019 统计表 glued in web text), laid out by hand in the
 * manifest: the text from `from` (kept before the table) to `until` is replaced by the given rows.
 */
function addHandTables(text, model, handTables = []) {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
	const pos = (offset) => {
		let line = starts.findLastIndex((s) => s <= offset);
		return { line, character: offset - starts[line] };
	};
	for (const h of handTables) {
		const from = text.indexOf(h.after);
		if (from < 0) throw new Error(`hand table: '${h.after}' not found`);
		const start = from + h.after.length;
		const end = h.until === undefined ? text.length : text.indexOf(h.until, start);
		if (end < 0) throw new Error(`hand table: '${h.until}' not found`);
		const abs = (p) => starts[p.line] + p.character;
		model.tables = model.tables.filter((t) => abs(t.range.end) <= start || abs(t.range.start) >= end);
		model.tables.push({ id: h.id, title: '', columns: [], rows: [], range: { start: pos(start), end: pos(end) }, handRows: h.rows });
	}
	model.tables.sort((a, b) => abs2(a) - abs2(b));
	function abs2(t) {
		return starts[t.range.start.line] + t.range.start.character;
	}
}

function sourceRowsOf(text, start, end) {
	return text
		.slice(start, end)
		.split(/\r?\n/)
		.filter((l) => l.trim() !== '')
		.map((l) => l.split('|').map((c) => c.trim()).filter((c, i, all) => c !== '' || (i > 0 && i < all.length - 1)));
}

const rendered = [];
for (const e of entries) {
	const raw = readFileSync(join(ROOT, e.source));
	let text = e.encoding ? iconv.decode(raw, e.encoding) : raw.toString('utf8').replace(/^\uFEFF/, '');
	text = applyEdits(text, e.edits);
	const edited = join(work, `${e.name}.txt`);
	writeFileSync(edited, text);
	// The reader's model is kept beside the manifest once reviewed, so a later change of the reader
	// (or a rebuild of dist/ while this runs) does not change the documents; --refresh re-reads it.
	const modelFile = join(HERE, 'models', `${e.name}.json`);
	let model;
	if (existsSync(modelFile) && !refresh) model = JSON.parse(readFileSync(modelFile, 'utf8'));
	else {
		model = extract(edited);
		delete model.file;
		delete model.claims;
		for (const t of model.tables) for (const r of t.rows) for (const v of Object.values(r.values)) delete v.range;
		mkdirSync(dirname(modelFile), { recursive: true });
		writeFileSync(modelFile, JSON.stringify(model, null, 1) + '\n');
	}
	applyOverrides(model, e.overrides);
	addHandTables(text, model, e.handTables);
	const find = (s, from = 0) => {
		if (s === undefined) return undefined;
		const i = text.indexOf(s, from);
		if (i < 0) throw new Error(`${e.name}: '${s}' not found`);
		return i;
	};
	let bodyStart = find(e.bodyStart) ?? 0;
	let title = e.title;
	if (!title && model.title && text.trimStart().startsWith(model.title)) {
		// A generated report's first line is its title.
		title = [model.title];
		bodyStart = text.indexOf(model.title) + model.title.length;
	}
	const bodyEnd = e.bodyEnd !== undefined ? find(e.bodyEnd, bodyStart) : text.length;
	const blocks = toBlocks(text, model, { bodyStart, bodyEnd, title, dropTexts: e.dropTexts, breakBefore: e.breakBefore, headingFixes: e.headingFixes, tableStarts: e.tableStarts, tableUntil: e.tableUntil });
	for (const b of blocks) {
		if (b.type !== 'table' || ['active', 'requests', 'appeals'].includes(b.kind)) continue;
		const starts = [0];
		for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
		const t = b.tables[0];
		b.sourceRows = t.handRows ?? sourceRowsOf(text, starts[t.range.start.line] + t.range.start.character, starts[t.range.end.line] + t.range.end.character);
	}
	const html = renderHtml(blocks, { styleName: e.style ?? 'official', singleFont: !!e.singleFont });
	writeFileSync(join(work, `${e.name}.html`), html);
	writeFileSync(join(work, `${e.name}.source.txt`), text);
	rendered.push({ e, html, text, widths: blocks.filter((b) => b.type === 'table').map((b) => tableWidths(b, e.style ?? 'official')) });
	console.log(`${e.name}: ${blocks.length} blocks, tables ${blocks.filter((b) => b.type === 'table').map((b) => b.kind).join(', ')}`);
}

// LibreOffice: HTML imported as a Writer document (not Writer/Web, so pages are A4), saved as .docx, then .docx to .pdf.
const soffice = (convertTo, files, infilter) =>
	execFileSync('soffice', [profile, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', convertTo, '--outdir', work, ...files], { stdio: 'pipe' });
if (rendered.length) {
	soffice('docx:MS Word 2007 XML', rendered.map((r) => join(work, `${r.e.name}.html`)), 'HTML (StarWriter)');
	for (const r of rendered) {
		const docx = join(work, `${r.e.name}.docx`);
		writeFileSync(docx, setTableWidths(readFileSync(docx), r.widths));
	}
	soffice('pdf:writer_pdf_Export', rendered.map((r) => join(work, `${r.e.name}.docx`)));
}

function writeLabelled(dir, name, text, e, route, how) {
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, `${name}.txt`), text);
	const lines = text.split('\n');
	const findings = [...locateFindings(e.findings ?? [], lines, route, `${name}`), ...(route === 'html-rows' ? [] : pageNumberFindings(lines))];
	const label = {
		source: { ...e.origin, how },
		route,
		agency: e.agency,
		year: e.year,
		format: e.format,
		sections: e.sections,
		tables: e.tables,
		findings,
		notes: e.notes,
	};
	writeFileSync(join(dir, `${name}.expected.json`), JSON.stringify(label, null, 2) + '\n');
}

for (const { e, html } of rendered) {
	const pdf = join(work, `${e.name}.pdf`);
	const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1];
	const routes = e.routes ?? ['layout', 'raw', 'rows'];
	const injected = [...(e.edits ?? []), ...(e.overrides ?? [])].filter((x) => x.inject).map((x) => x.why);
	const base = `${e.from}${injected.length ? ` with ${injected.join('; ')}` : ''}, rendered by tools/documents (HTML, style '${e.style ?? 'official'}' -> LibreOffice .docx -> .pdf, ${pages} pages)`;
	if (routes.includes('layout')) {
		const out = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
		writeLabelled(PDF_OUT, `${e.name}.layout`, out, e, 'pdftotext-layout', `${base} then pdftotext -layout (poppler 22.12)`);
	}
	if (routes.includes('raw')) {
		const out = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
		writeLabelled(PDF_OUT, `${e.name}.raw`, out, e, 'pdftotext-raw', `${base} then pdftotext (poppler 22.12)`);
	}
	if (routes.includes('rows')) {
		const out = htmlToRows(html, { trailingPipe: !!e.trailingPipe });
		writeLabelled(ROWS_OUT, e.name, out, e, 'html-rows', `${e.from}${injected.length ? ` with ${injected.join('; ')}` : ''}, rendered to HTML by tools/documents (style '${e.style ?? 'official'}'), tables converted to rows by tools/documents/lib/rows.mjs (htmlparser2)${e.trailingPipe ? ', a trailing " |" on every row' : ''}`);
	}
	if (e.fixture) {
		mkdirSync(FIXTURES_OUT, { recursive: true });
		const f = e.fixture;
		copyFileSync(join(work, `${e.name}.source.txt`), join(FIXTURES_OUT, `${f.name}.txt`));
		if (f.formats.includes('docx')) copyFileSync(join(work, `${e.name}.docx`), join(FIXTURES_OUT, `${f.name}.docx`));
		if (f.formats.includes('pdf')) copyFileSync(pdf, join(FIXTURES_OUT, `${f.name}.pdf`));
		if (f.formats.includes('html')) {
			const charset = f.charset ?? 'utf-8';
			const page = html.replace('<meta charset="utf-8">', `<meta charset="${charset}">`);
			writeFileSync(join(FIXTURES_OUT, `${f.name}.html`), charset === 'utf-8' ? page : iconv.encode(page, charset));
		}
	}
}
if (!keep) rmSync(work, { recursive: true, force: true });
