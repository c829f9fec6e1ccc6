import type { CodeAction, Command, WorkspaceEdit } from 'vscode-languageserver';

/**
 * Server-side command that applies a workspace edit: a client without
 * `codeActionLiteralSupport` takes only Commands from `textDocument/codeAction`, so each code
 * action's edit travels as this command's argument and comes back through
 * `workspace/executeCommand`. The edit names the document version it was made for, so a client
 * that has moved on rejects it.
 */
export const APPLY_EDIT_COMMAND = 'nianbao.server.applyEdit';

export function asCommands(actions: CodeAction[]): Command[] {
	return actions.flatMap((a): Command[] => {
		if (a.edit) return [{ title: a.title, command: APPLY_EDIT_COMMAND, arguments: [a.edit, a.title] }];
		return a.command ? [a.command] : [];
	});
}

/** The edit an APPLY_EDIT_COMMAND carries, if its arguments are what asCommands wrote. */
export function editArgument(args: unknown[] | undefined): { edit: WorkspaceEdit; label: string } | undefined {
	const [edit, label] = args ?? [];
	if (typeof edit !== 'object' || edit === null || Array.isArray(edit)) return undefined;
	const e = edit as WorkspaceEdit;
	if (!e.changes && !e.documentChanges) return undefined;
	return { edit: e, label: typeof label === 'string' ? label : 'nianbao' };
}
