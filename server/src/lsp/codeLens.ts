import type { CodeLens } from 'vscode-languageserver';
import type { Finding, Lang } from '../core/index.ts';
import { tableLenses } from '../core/features/index.ts';
import { ServerCommands } from '../protocol.ts';
import type { Analysis } from './analysis.ts';

/**
 * Above each table: its balance state (a lens with an empty command, which editors show as a
 * plain label) and, when a total can be recomputed, the command that fixes the table.
 */
export function codeLenses(analysis: Analysis, findings: Finding[], lang: Lang): CodeLens[] {
	if (!analysis.model) return [];
	const out: CodeLens[] = [];
	for (const lens of tableLenses(analysis.model, findings, lang)) {
		out.push({ range: lens.range, command: { title: lens.status, command: '' } });
		if (lens.fixTitle) out.push({ range: lens.range, command: { title: lens.fixTitle, command: ServerCommands.fixTable, arguments: [analysis.uri, lens.tableIndex] } });
	}
	return out;
}
