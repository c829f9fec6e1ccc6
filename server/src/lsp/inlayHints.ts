import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import type { Lang } from '../core/index.ts';
import { columnHints } from '../core/features/index.ts';
import type { Analysis } from './analysis.ts';

export function inlayHints(analysis: Analysis, params: InlayHintParams, lang: Lang): InlayHint[] {
	if (!analysis.model) return [];
	return columnHints(analysis.model, params.range, lang).map((h) => ({ position: h.position, label: h.label, tooltip: h.tooltip, paddingLeft: true }));
}
