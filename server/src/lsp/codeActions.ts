import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { fixAllEdits, mergeDeletions, type Finding, type Lang } from '../core/index.ts';
import { isBalanceFinding } from '../core/features/index.ts';
import type { Analysis } from './analysis.ts';
import { SOURCE } from './diagnostics.ts';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;

/** Builds a WorkspaceEdit the way the client can apply it: versioned when it supports that. */
export type EditBuilder = (uri: string, version: number | null, edits: TextEdit[]) => WorkspaceEdit;

export function editBuilder(documentChanges: boolean): EditBuilder {
	return (uri, version, edits) =>
		documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

/** Whether the client asked for actions of this kind (`context.only` lists kinds or their parents). */
export function wanted(only: string[] | undefined, kind: string): boolean {
	return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/**
 * A quick fix per diagnostic the client sent that still matches a current finding (same code,
 * same range: a stale diagnostic gets no fix), a "fix every total" and a "remove every artefact"
 * quick fix beside them, and `source.fixAll.nianbao` for fix-on-save.
 */
export function codeActions(params: CodeActionParams, analysis: Analysis, findings: Finding[], lang: Lang, build: EditBuilder): CodeAction[] {
	const model = analysis.model;
	if (!model) return [];
	const { uri, version } = analysis;
	const only = params.context.only;
	const zh = lang === 'zh';
	const out: CodeAction[] = [];
	if (wanted(only, CodeActionKind.QuickFix)) {
		const balanceDiags: Diagnostic[] = [];
		const artifactDiags: Diagnostic[] = [];
		for (const d of params.context.diagnostics) {
			if (d.source !== SOURCE) continue;
			const f = findings.find((x) => x.code === d.code && sameRange(x.range, d.range));
			if (!f || (!f.fix && !f.alternatives?.length)) continue;
			const balance = isBalanceFinding(f);
			if (balance) balanceDiags.push(d);
			if (f.code === 'cleanup.artifact') artifactDiags.push(d);
			// A balance finding has a fix only when the rules locate the wrong cell (or a total is blank): that one is preferred.
			if (f.fix) out.push({ title: f.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: balance, edit: build(uri, version, f.fix.edits) });
			for (const alt of f.alternatives ?? []) out.push({ title: alt.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: false, edit: build(uri, version, alt.edits) });
		}
		if (balanceDiags.length > 0) {
			const edits = fixAllEdits(model);
			if (edits.length > 1) out.push({ title: zh ? `修正文档中所有合计（${edits.length} 处）` : `Fix all totals in the document (${edits.length})`, kind: CodeActionKind.QuickFix, diagnostics: balanceDiags, edit: build(uri, version, edits) });
		}
		if (artifactDiags.length > 0) {
			const artefacts = findings.filter((f) => f.code === 'cleanup.artifact' && f.fix);
			// Two artefact lines at the very end each take the break before them: merged, they are one edit.
			const edits = mergeDeletions(artefacts.flatMap((f) => f.fix!.edits));
			if (artefacts.length > 1) out.push({ title: zh ? `删除所有转换残留（${artefacts.length} 处）` : `Remove all conversion artefacts (${artefacts.length})`, kind: CodeActionKind.QuickFix, diagnostics: artifactDiags, edit: build(uri, version, edits) });
		}
	}
	if (wanted(only, FIX_ALL_KIND)) {
		const edits = fixAllEdits(model);
		if (edits.length > 0) out.push({ title: zh ? '重新计算所有合计' : 'Recompute all totals', kind: FIX_ALL_KIND, edit: build(uri, version, edits) });
	}
	return out;
}

function sameRange(a: Finding['range'], b: Diagnostic['range']): boolean {
	return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
