import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Command, FullDocumentDiagnosticReport, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { PULL_CAPABILITIES, seedText, start } from './harness.ts';

const SEED = seedText('000_64647beae46556e6.txt');

describe('a client without codeActionLiteralSupport', () => {
	it('is sent Commands, and running one applies the fix', async () => {
		const capabilities = { ...PULL_CAPABILITIES, textDocument: { ...PULL_CAPABILITIES.textDocument, codeAction: {} } };
		const s = await start({ capabilities });
		try {
			const uri = 'file:///commands.txt';
			const lines = SEED.split('\n');
			assert.equal(lines[93], '\t65');
			lines[93] = '\t66';
			await s.open(uri, lines.join('\n'));
			const report = await s.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
			const d = report.items.find((x) => x.code === 'balance.row-total')!;
			const actions = await s.request<Command[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
			assert.ok(actions.length > 0);
			for (const a of actions) {
				assert.equal(typeof a.command, 'string', JSON.stringify(a));
				assert.ok(!('edit' in a) && !('kind' in a), `a CodeAction was sent: ${JSON.stringify(a).slice(0, 200)}`);
			}
			const fix = actions[0];
			await s.request('workspace/executeCommand', { command: fix.command, arguments: fix.arguments });
			assert.equal(s.applied.length, 1);
			await s.apply(s.applied[0] as WorkspaceEdit);
			const after = await s.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
			assert.ok(!after.items.some((x) => x.code === 'balance.row-total'), JSON.stringify(after.items.map((x) => x.code)));
		} finally {
			await s.stop();
		}
	});
});
