import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, FullDocumentDiagnosticReport, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { PUSH_CAPABILITIES, range, seedText, seedUri, start, type Session } from './harness.ts';

const SEED = '000_64647beae46556e6.txt';
const ORIGINAL = seedText(SEED);
const URI = seedUri(SEED).replace(/\.txt$/, '.modified.txt');

/** Seed 000 with cells replaced: [line, old, new]. Lines 93 and 112 hold "\t65" and "\t16". */
function modified(...changes: Array<[number, string, string]>): string {
	const lines = ORIGINAL.split('\n');
	for (const [n, from, to] of changes) {
		assert.equal(lines[n].replace('\r', ''), `\t${from}`);
		lines[n] = lines[n].replace(from, to);
	}
	return lines.join('\n');
}

async function pull(s: Session, uri: string, previousResultId?: string) {
	return s.request<FullDocumentDiagnosticReport | { kind: 'unchanged'; resultId: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
}

async function diagnostics(s: Session, uri: string): Promise<Diagnostic[]> {
	const r = await pull(s, uri);
	assert.equal(r.kind, 'full');
	return (r as FullDocumentDiagnosticReport).items;
}

function actionsFor(s: Session, uri: string, d: Diagnostic[], only?: string[]) {
	const r = d[0]?.range ?? range(0, 0, 0, 0);
	return s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: r, context: { diagnostics: d, only } });
}

describe('diagnostics and fixes over LSP (pull client)', () => {
	let s: Session;
	before(async () => {
		s = await start();
	});
	after(async () => s?.stop());

	it('reports a wrong total at its exact cell, with the cells it was summed from', async () => {
		await s.open(URI, modified([93, '65', '66']));
		const items = await diagnostics(s, URI);
		const d = items.find((x) => x.code === 'balance.row-total')!;
		assert.ok(d, JSON.stringify(items.map((x) => x.code)));
		assert.deepEqual(d.range, range(93, 1, 93, 3));
		assert.equal(d.severity, 1);
		assert.equal(d.source, 'nianbao');
		// The row total and the identity 新收 + 结转 = 办理结果 + 结转下年 of its column fail and cross at
		// this cell: one finding, which names both rules (issue 11), not a second one on the identity.
		assert.equal(d.message, '“一、本年新收政府信息公开申请数量”的总计应为 65（60 + 4 + 0 + 0 + 1 + 0），表中为 66。 定位：“一、本年新收政府信息公开申请数量”的总计、“总计”列的勾稽关系均不成立，仅在此格相交。');
		assert.deepEqual(
			d.relatedInformation!.slice(0, 6).map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character]),
			[87, 88, 89, 90, 91, 92].map((line) => [URI, line, 1]),
		);
		assert.equal(d.relatedInformation![0].message, '一、本年新收政府信息公开申请数量 · 自然人 = 60');
		assert.deepEqual(
			d.relatedInformation!.slice(6).map((r) => r.message.split('：')[0]),
			['“一、本年新收政府信息公开申请数量”的总计', '“总计”列的勾稽关系'],
		);
		assert.equal((d.data as { version: number }).version, 1);
		assert.ok(!items.some((x) => x.code === 'balance.identity'));
		// The unchanged seed's artefact warning is still there.
		assert.ok(items.some((x) => x.code === 'cleanup.artifact' && x.range.start.line === 432));
	});

	it('answers "unchanged" for a result the client already holds, and a new one after an edit', async () => {
		const first = await pull(s, URI);
		const again = await pull(s, URI, (first as { resultId: string }).resultId);
		assert.equal(again.kind, 'unchanged');
	});

	it("the quick fix's edit restores the total, and the error goes away", async () => {
		const d = (await diagnostics(s, URI)).find((x) => x.code === 'balance.row-total')!;
		const actions = await actionsFor(s, URI, [d], ['quickfix']);
		const fix = actions.find((a) => a.title === '将总计改为 65')!;
		assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
		assert.equal(fix.kind, 'quickfix');
		assert.equal(fix.isPreferred, true);
		assert.deepEqual(fix.diagnostics, [d]);
		assert.deepEqual(fix.edit, { documentChanges: [{ textDocument: { uri: URI, version: 1 }, edits: [{ range: range(93, 1, 93, 3), newText: '65' }] }] });
		assert.ok(!actions.some((a) => a.kind?.startsWith('source')), 'only: quickfix excludes source actions');
		await s.apply(fix.edit!);
		assert.equal(s.text(URI), ORIGINAL);
		const after = await diagnostics(s, URI);
		assert.ok(!after.some((x) => String(x.code).startsWith('balance.')), JSON.stringify(after.map((x) => x.code)));
	});

	it('offers no fix for a diagnostic from an older version of the text', async () => {
		const stale: Diagnostic = { range: range(93, 1, 93, 3), code: 'balance.row-total', source: 'nianbao', message: 'old', severity: 1 };
		assert.deepEqual(await actionsFor(s, URI, [stale], ['quickfix']), []);
	});

	it('source.fixAll.nianbao recomputes every total: the result is byte-identical to the seed and balances', async () => {
		await s.replaceAll(URI, modified([93, '65', '66'], [112, '16', '61']));
		const items = await diagnostics(s, URI);
		assert.equal(items.filter((x) => x.code === 'balance.row-total').length, 2);
		const sourceActions = await actionsFor(s, URI, [], ['source.fixAll']);
		assert.equal(sourceActions.length, 1);
		assert.equal(sourceActions[0].kind, 'source.fixAll.nianbao');
		// Each quick fix comes with a "fix every total" beside it.
		const quick = await actionsFor(s, URI, items.filter((x) => x.code === 'balance.row-total'));
		assert.ok(quick.some((a) => a.title === '修正文档中所有合计（2 处）' && a.kind === 'quickfix'), JSON.stringify(quick.map((a) => a.title)));
		await s.apply(sourceActions[0].edit!);
		assert.equal(s.text(URI), ORIGINAL);
		const after = await diagnostics(s, URI);
		assert.ok(!after.some((x) => String(x.code).startsWith('balance.') || x.severity === 1));
		// Fixing twice changes nothing: no action is offered.
		assert.deepEqual(await actionsFor(s, URI, [], ['source.fixAll.nianbao']), []);
	});

	it('executes fixTable and fixAll through workspace/applyEdit', async () => {
		await s.replaceAll(URI, modified([93, '65', '70']));
		const version = s.version(URI);
		s.applied.length = 0;
		await s.request('workspace/executeCommand', { command: 'nianbao.server.fixTable', arguments: [URI, 4] });
		assert.deepEqual(s.applied, [{ documentChanges: [{ textDocument: { uri: URI, version }, edits: [{ range: range(93, 1, 93, 3), newText: '65' }] }] }] satisfies WorkspaceEdit[]);
		await s.request('workspace/executeCommand', { command: 'nianbao.server.fixTable', arguments: [URI, 0] });
		assert.equal(s.applied.length, 1, 'a balanced table needs no edit');
		await s.request('workspace/executeCommand', { command: 'nianbao.server.fixAll', arguments: [URI] });
		assert.equal(s.applied.length, 2);
		await s.apply(s.applied[1]);
		assert.equal(s.text(URI), ORIGINAL);
	});

	it('re-reads nianbao.rules on didChangeConfiguration: off drops a code, a level replaces a severity', async () => {
		await s.replaceAll(URI, modified([93, '65', '66']));
		s.settings = { rules: { 'balance.row-total': 'off', 'cleanup.artifact': 'hint' } };
		s.refreshes.length = 0;
		await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
		await s.refreshed('workspace/diagnostic/refresh', 'workspace/inlayHint/refresh');
		const items = await diagnostics(s, URI);
		assert.ok(!items.some((x) => x.code === 'balance.row-total'));
		assert.equal(items.find((x) => x.code === 'cleanup.artifact')!.severity, 4);
		// The identity this total breaks is part of the one located finding (issue 11), so it goes with it.
		assert.ok(!items.some((x) => x.code === 'balance.identity'));
		s.settings = { language: 'en' };
		s.refreshes.length = 0;
		await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
		// The refresh says the server has read the new settings.
		await s.refreshed('workspace/diagnostic/refresh');
		const en = (await diagnostics(s, URI)).find((x) => x.code === 'balance.row-total')!;
		assert.match(String(en.message), /^The total of "[A-Za-z ,]+" should be 65 \(60 \+ 4 \+ 0 \+ 0 \+ 1 \+ 0\), the table has 66\. Located where the total of "[A-Za-z ,]+" and the balance of column "[A-Za-z]+" fail and meet\.$/);
		s.settings = {};
		await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
	});
});

describe('diagnostics over LSP (push client)', () => {
	let s: Session;
	before(async () => {
		s = await start({ capabilities: PUSH_CAPABILITIES, locale: 'en-US' });
	});
	after(async () => s?.stop());

	it('publishes on open with the version, in the client locale, and answers fixes with plain changes', async () => {
		await s.open(URI, modified([93, '65', '66']));
		const p = await s.waitForPublish(URI, 1);
		const d = p.diagnostics.find((x) => x.code === 'balance.row-total')!;
		assert.deepEqual(d.range, range(93, 1, 93, 3));
		assert.match(String(d.message), /should be 65/);
		const actions = await actionsFor(s, URI, [d]);
		const fix = actions.find((a) => a.title === 'Change the total to 65')!;
		assert.deepEqual(fix.edit, { changes: { [URI]: [{ range: range(93, 1, 93, 3), newText: '65' }] } });
	});

	it('debounces a burst of edits and never publishes for a version that is already stale', async () => {
		const before = s.published.length;
		for (let i = 0; i < 30; i++) await s.edit(URI, [{ range: range(93, 1, 93, 3), newText: String(66 + (i % 3)) }]);
		await s.edit(URI, [{ range: range(93, 1, 93, 3), newText: '65' }]);
		const last = s.version(URI);
		const p = await s.waitForPublish(URI, last);
		assert.ok(!p.diagnostics.some((x) => String(x.code).startsWith('balance.')));
		const burst = s.published.slice(before).filter((x) => x.uri === URI);
		assert.ok(burst.length <= 3, `published ${burst.length} times for 31 edits`);
		assert.equal(burst[burst.length - 1].version, last);
	});

	it('clears the diagnostics of a closed document', async () => {
		await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
		// (No deadline: the runner's --test-timeout bounds a wait that never ends, however slow the machine.)
		while (!(s.published.at(-1)?.uri === URI && s.published.at(-1)!.diagnostics.length === 0)) await new Promise((r) => setTimeout(r, 10));
		assert.deepEqual(s.published.at(-1), { uri: URI, diagnostics: [] });
	});
});
