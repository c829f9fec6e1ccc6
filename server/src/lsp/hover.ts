import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Lang } from '../core/index.ts';
import { hoverAt } from '../core/features/index.ts';
import type { Analysis } from './analysis.ts';

export function hover(analysis: Analysis, params: HoverParams, lang: Lang, markdown: boolean): Hover | null {
	if (!analysis.model) return null;
	const h = hoverAt(analysis.model, params.position, lang);
	if (!h) return null;
	// A client without Markdown still gets readable text: only the emphasis marks are dropped.
	const value = markdown ? h.markdown : h.markdown.replace(/\*\*|`|(?<=^|\s)_|_(?=$|\s)/gm, '');
	return { contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range: h.range };
}
