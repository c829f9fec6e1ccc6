import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { Lang } from '../core/index.ts';
import { foldingRegions, outline, type OutlineNode } from '../core/features/index.ts';
import type { Analysis } from './analysis.ts';
import { checkCancelled, type Token } from './safe.ts';

const KIND: Record<OutlineNode['kind'], SymbolKind> = {
	section: SymbolKind.Namespace,
	table: SymbolKind.Struct,
	row: SymbolKind.Field,
};

export function documentSymbols(analysis: Analysis, lang: Lang, token?: Token): DocumentSymbol[] {
	if (!analysis.model) return [];
	const nodes = outline(analysis.model, lang);
	checkCancelled(token);
	return nodes.map(toSymbol);
}

function toSymbol(n: OutlineNode): DocumentSymbol {
	return { name: n.name, detail: n.detail || undefined, kind: KIND[n.kind], range: n.range, selectionRange: n.selectionRange, children: n.children.map(toSymbol) };
}

export function foldingRanges(analysis: Analysis): FoldingRange[] {
	if (!analysis.model) return [];
	return foldingRegions(analysis.model).map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: FoldingRangeKind.Region }));
}
