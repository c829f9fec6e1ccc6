// The extension in a real VS Code extension host (see test/e2e/run.mjs): detection, diagnostics
// from the language server at the exact cell, the outline, a quick fix applied through the editor,
// the commands. The workspace folder holds copies of test/fixtures/seeds named report-NNN.txt
// (no 年报 in the name, so only detection can make them reports), closed-broken.txt (a seed
// with a wrong total, never opened), notes.txt and other.txt (not reports) and 某局2023年度报告.txt (a draft
// that is a report by its file name only).
import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { describe, it, before } from 'mocha';
import * as vscode from 'vscode';
import { parseReport, TEMPLATES, type BoundCell } from '../../../server/src/core/index.ts';

const LANG = 'nianbao';
const EXTENSION_ID = 'nianbao.nianbao';
const SECTION_KEYS = TEMPLATES['2021'].sections.map((s) => s.key);

function folder(): vscode.Uri {
	const f = vscode.workspace.workspaceFolders?.[0];
	assert.ok(f, 'the test run opens a workspace folder');
	return f.uri;
}
const file = (name: string) => vscode.Uri.joinPath(folder(), name);

async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 20_000): Promise<T> {
	const end = Date.now() + ms;
	for (;;) {
		const v = await fn();
		if (v) return v;
		if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
		await sleep(100);
	}
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function docFor(uri: vscode.Uri): vscode.TextDocument | undefined {
	return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
}

/** Opens a file in an editor and waits until it is a report document. */
async function openReport(name: string): Promise<vscode.TextDocument> {
	const uri = file(name);
	await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
	const doc = await waitFor(`${name} to become ${LANG}`, () => {
		const d = docFor(uri);
		return d?.languageId === LANG && d;
	});
	// After a language switch the editor holds the new document object.
	await vscode.window.showTextDocument(doc);
	return doc;
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const balanceDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d).startsWith('balance.'));
const toRange = (r: BoundCell['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
const show = (r: vscode.Range) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

function cellOf(doc: vscode.TextDocument, table: string, row: string, column: string): BoundCell {
	const t = parseReport(doc.getText()).tables.find((x) => x.def.id === table);
	const cell = t?.byKey.get(row)?.cells.get(column);
	assert.ok(cell, `${table}/${row}/${column} in ${doc.uri.path}`);
	return cell;
}

/** Replaces a cell's number with another, returns the new cell range. */
async function setCell(doc: vscode.TextDocument, cell: BoundCell, text: string): Promise<vscode.Range> {
	const range = toRange(cell.range);
	const edit = new vscode.WorkspaceEdit();
	edit.replace(doc.uri, range, text);
	assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
	return new vscode.Range(range.start, range.start.translate(0, text.length));
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
	const all = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind, 20)) ?? [];
	return all.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

describe('nianbao in a real VS Code', function () {
	this.timeout(60_000);

	before(async () => {
		const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'nianbao');
		assert.ok(ext, 'the extension under development is loaded');
	});

	it('detects a report opened as a .txt file and switches it to nianbao', async () => {
		const doc = await openReport('report-000.txt');
		assert.equal(doc.languageId, LANG);
		const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'nianbao')!;
		assert.ok(ext.isActive, 'activated');
		assert.equal(await (ext.exports as { ready: Promise<boolean> }).ready, true, 'language server started');
	});

	it('opens *年度报告*.txt as nianbao by its file name', async () => {
		const uri = file('某局2023年度报告.txt');
		const doc = await vscode.workspace.openTextDocument(uri);
		assert.equal(doc.languageId, LANG);
	});

	it('leaves a plain text file that is no report alone, and switches it on request', async () => {
		const uri = file('notes.txt');
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
		await sleep(1500);
		assert.equal(docFor(uri)?.languageId, 'plaintext');
		const switched = await vscode.commands.executeCommand<string>('nianbao.switchToNianbao');
		assert.equal(switched, uri.toString());
		await waitFor('notes.txt switched by hand', () => docFor(uri)?.languageId === LANG);
		// Back to plain text: detection must not take it again.
		await vscode.languages.setTextDocumentLanguage(docFor(uri)!, 'plaintext');
		await sleep(1000);
		assert.equal(docFor(uri)?.languageId, 'plaintext');
		const stale = await waitFor('notes.txt diagnostics to clear', () => vscode.languages.getDiagnostics(uri).length === 0, 4000).then(
			() => 0,
			() => vscode.languages.getDiagnostics(uri).length,
		);
		// Reported, not failed: the findings of a document that stops being a report should go.
		if (stale) console.warn(`WARNING: notes.txt keeps ${stale} diagnostics after switching back to plain text`);
	});

	it('detects a report pasted into a new untitled document', async () => {
		const seed = docFor(file('report-000.txt'))!.getText();
		const doc = await vscode.workspace.openTextDocument({ content: '' });
		assert.equal(doc.languageId, 'plaintext');
		const editor = await vscode.window.showTextDocument(doc);
		await editor.edit((b) => b.insert(new vscode.Position(0, 0), seed));
		await waitFor('the untitled document to become a report', () => docFor(doc.uri)?.languageId === LANG);
	});

	it('lists the six mandated sections in the outline (document symbols)', async () => {
		for (const name of ['report-000.txt', 'report-003.txt']) {
			const doc = await openReport(name);
			const headings = parseReport(doc.getText()).sections.filter((s) => s.heading.section);
			assert.deepEqual(headings.map((s) => s.heading.section!.key), SECTION_KEYS, `${name}: the core sees the six sections`);
			const symbols = await waitFor(`symbols of ${name}`, async () => {
				const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
				return s && s.length > 0 && s;
			});
			for (const s of headings) {
				const hit = symbols.find((sym) => sym.name.includes(s.heading.title) && sym.range.start.line === s.heading.line);
				assert.ok(hit, `${name}: a symbol for "${s.heading.ordinal}${s.heading.title}" at line ${s.heading.line + 1}; got ${symbols.map((x) => `${x.name}@${x.range.start.line + 1}`).join(', ')}`);
			}
		}
	});

	it('reports a wrong row total at the exact cell, and a quick fix through the editor puts the number back', async () => {
		const doc = await openReport('report-003.txt');
		const cell = cellOf(doc, 'requests', 'R1', 'total');
		const original = cell.text;
		assert.equal(
			balanceDiagnostics(doc.uri).filter((d) => d.range.isEqual(toRange(cell.range))).length,
			0,
			'no balance finding at the cell before the edit',
		);
		const wrong = String(Number(original) + 7);
		const range = await setCell(doc, cell, wrong);
		const diag = await waitFor(`balance.row-total at ${show(range)}`, () =>
			vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'balance.row-total' && d.range.isEqual(range)),
		);
		assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
		assert.match(diag.message, new RegExp(`${wrong}`));

		const fixes = (await codeActions(doc.uri, range, vscode.CodeActionKind.QuickFix.value)).filter((a) => a.edit);
		assert.ok(fixes.length > 0, 'a quick fix with an edit is offered');
		const fix = fixes.find((a) => a.diagnostics?.some((d) => codeOf(d) === 'balance.row-total')) ?? fixes[0];
		assert.ok(await vscode.workspace.applyEdit(fix.edit!), `applied "${fix.title}"`);
		assert.equal(doc.getText(new vscode.Range(range.start, range.start.translate(0, original.length))), original);
		await waitFor('the balance diagnostics to go away', () => balanceDiagnostics(doc.uri).length === 0);
	});

	it('the fix-all command restores the cells the rules locate and leaves the one they do not', async () => {
		const doc = await openReport('report-000.txt');
		const original = doc.getText();
		const review = cellOf(doc, 'appeals', 'cases', 'review.total');
		await setCell(doc, cellOf(doc, 'requests', 'R1', 'total'), '999');
		await setCell(doc, cellOf(doc, 'requests', 'R3.7', 'natural'), '888');
		const reviewRange = await setCell(doc, review, '77');
		await waitFor('three balance findings', () => balanceDiagnostics(doc.uri).length >= 3 && true);
		const changed = await vscode.commands.executeCommand<boolean>('nianbao.fixAll');
		assert.equal(changed, true, 'the command reports a change');
		// Table 2's two wrong cells are each where two failing rules cross: restored. Table 3's total is in one rule
		// only, so any of its five cells could be the wrong one: fix-all leaves it, with the choices offered.
		const left = await waitFor('only the unlocated total left', () => {
			const d = balanceDiagnostics(doc.uri);
			return d.length === 1 && d;
		});
		assert.equal(codeOf(left[0]), 'balance.group-total');
		assert.ok(left[0].range.isEqual(reviewRange), `at ${show(left[0].range)}`);
		const choices = (await codeActions(doc.uri, left[0].range, vscode.CodeActionKind.QuickFix.value)).filter((a) => a.edit);
		assert.ok(choices.length >= 2 && choices.every((a) => !a.isPreferred), 'several choices, none preferred');
		await setCell(doc, { ...review, range: { start: review.range.start, end: { line: review.range.end.line, character: review.range.start.character + 2 } } }, review.text);
		assert.equal(doc.getText(), original, 'with that cell put back by hand the text is the original byte for byte');
	});

	it('inserts the official 2021 skeleton, which the server reads as a complete report', async () => {
		const uri = await vscode.commands.executeCommand<string>('nianbao.insertSkeleton', { layout: 'markdown', fill: '0' });
		assert.ok(uri);
		const doc = await waitFor('the skeleton document', () => docFor(vscode.Uri.parse(uri)));
		assert.equal(doc.languageId, LANG);
		const symbols = await waitFor('skeleton symbols', async () => {
			const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
			return s && s.length >= 6 && s;
		});
		assert.ok(symbols.some((s) => s.name.includes('收到和处理政府信息公开申请情况')));
		// Into an empty editor: fills it and makes it a report.
		const empty = await vscode.workspace.openTextDocument({ content: '' });
		await vscode.window.showTextDocument(empty);
		const same = await vscode.commands.executeCommand<string>('nianbao.insertSkeleton', { layout: 'tab-cells', fill: '' });
		assert.equal(same, empty.uri.toString());
		const filled = await waitFor('the filled editor', () => docFor(empty.uri)?.languageId === LANG && docFor(empty.uri));
		assert.match(filled.getText(), /^\t第二十条第（一）项$/m);
	});

	it('checks every report of the workspace, including files that are not open', async () => {
		const result = await vscode.commands.executeCommand<{ files: number; reports: number; withProblems: number }>('nianbao.checkWorkspace');
		assert.ok(result.files >= 8, `files: ${result.files}`);
		assert.ok(result.reports >= 7, `reports: ${result.reports}`);
		const uri = file('closed-broken.txt');
		assert.equal(docFor(uri), undefined, 'closed-broken.txt is not open');
		const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		const cell = parseReport(text).tables.find((t) => t.def.id === 'requests')!.byKey.get('R1')!.cells.get('total')!;
		// From the server's workspace diagnostics, or from the command when the server has none: once either way.
		const atCell = () => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'balance.row-total' && d.range.isEqual(toRange(cell.range)));
		await waitFor(`balance.row-total at ${show(toRange(cell.range))} in closed-broken.txt`, () => atCell().length > 0).catch((e) => {
			throw new Error(`${e.message}; got ${vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${show(d.range)}`).join(', ')}`);
		});
		await sleep(2500);
		assert.equal(atCell().length, 1, 'shown once, not twice');
		assert.equal(vscode.languages.getDiagnostics(file('other.txt')).length, 0, 'other.txt is not a report');
	});

	it('opens the preview beside the report, redraws it as the report changes, and reveals a clicked cell', async () => {
		const doc = await openReport('report-001.txt');
		type Cell = { text: string; status?: string; range: BoundCell['range'] };
		type Model = { tables: Array<{ title: string; rows: Array<{ label: string; cells: Array<Cell | null> }> }> };
		const first = await vscode.commands.executeCommand<Model>('nianbao.showPreview');
		assert.ok(first && first.tables.length >= 3, 'the preview draws the tables');
		const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('nianbao.preview'));
		assert.ok(tab, 'a webview tab beside the report');
		const api = vscode.extensions.getExtension<{ previews: { get(uri: vscode.Uri): { model?: Model; reveal(r: BoundCell['range']): Promise<void> } | undefined } }>(EXTENSION_ID)!.exports;
		const preview = api.previews.get(doc.uri)!;
		const r1 = (m: Model) => m.tables.flatMap((t) => t.rows).find((r) => r.label === '一、本年新收政府信息公开申请数量')!;
		const cell = cellOf(doc, 'requests', 'R1', 'total');
		await setCell(doc, cell, String(Number(cell.text) + 1));
		const marked = await waitFor('the preview to mark the changed total', () => preview.model && r1(preview.model).cells.at(-1)?.status === 'error' && r1(preview.model).cells.at(-1)!);
		// The page's click posts {type: 'reveal', range}; the extension shows that range selected in the report's editor.
		await preview.reveal(marked.range);
		const editor = vscode.window.activeTextEditor!;
		assert.equal(editor.document.uri.toString(), doc.uri.toString());
		assert.ok(editor.selection.isEqual(toRange(marked.range)), `selection ${show(editor.selection)}`);
		await vscode.commands.executeCommand('workbench.action.files.revert');
	});

	it('checks a Word draft and a PDF in place, and converts the draft to a text report', async () => {
		for (const name of ['draft.docx', 'published.pdf']) {
			const uri = file(name);
			const count = await vscode.commands.executeCommand<number>('nianbao.checkFile', uri);
			assert.ok(count && count >= 1, `${name}: ${count} findings`);
			// The workspace check (run before) may have shown the document in its own collection too: count places, not entries.
			const wrong = [...new Map(vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'balance.row-total').map((d) => [`${show(d.range)} ${d.message}`, d])).values()];
			assert.equal(wrong.length, 1, `${name}: ${vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)} ${d.message}`).join('; ')}`);
			assert.match(wrong[0].message, /四、结转下年度继续办理/);
		}
		const converted = await vscode.commands.executeCommand<string>('nianbao.convertToText', file('draft.docx'));
		assert.ok(converted, 'the conversion opens a text report');
		const doc = await waitFor('the converted report', () => docFor(vscode.Uri.parse(converted)));
		await waitFor('the converted report to be nianbao', () => docFor(doc.uri)?.languageId === LANG || undefined);
		const row = cellOf(docFor(doc.uri)!, 'requests', 'R4', 'total');
		await waitFor('the same wrong total in the text report', () => balanceDiagnostics(doc.uri).some((d) => d.range.isEqual(toRange(row.range))));
	});

	it('shows the output channel', async () => {
		await vscode.commands.executeCommand('nianbao.showOutput');
	});

	// Last: a report with a squiggle, the outline and the Problems panel, photographed by the test
	// host while the extension host still runs (TEST_HOST_SCREENSHOT; see tools/code-server-test-host.js).
	it('shows a report with a squiggle and its outline (screenshot)', async () => {
		for (const d of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
			await vscode.window.showTextDocument(d);
			await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
		}
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
		const doc = await openReport('report-003.txt');
		const cell = cellOf(doc, 'requests', 'R1', 'total');
		const range = await setCell(doc, cell, String(Number(cell.text) + 5));
		await waitFor('the squiggle', () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.range.isEqual(range)));
		await vscode.commands.executeCommand('workbench.actions.view.problems');
		await vscode.commands.executeCommand('outline.focus').then(undefined, () => undefined);
		const editor = await vscode.window.showTextDocument(doc);
		editor.selection = new vscode.Selection(range.start, range.start);
		editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
		await sleep(1500);
		const shot = process.env.TEST_HOST_SCREENSHOT;
		if (!shot) return;
		const request = `${shot}.request`;
		writeFileSync(request, shot);
		await waitFor('the test host to take the screenshot', () => !existsSync(request), 15_000).catch(() => rmSync(request, { force: true }));
	});
});
