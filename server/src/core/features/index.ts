/**
 * Editor features computed from a parsed report: plain data shaped like LSP's, with no LSP
 * import, so the language server, the CLI and tests all read the same answers.
 */
export { outline, foldingRegions, valuesSummary, type OutlineNode, type FoldingRegion } from './symbols.ts';
export { hoverAt, type HoverContent } from './hover.ts';
export { columnHints, type ColumnHint } from './inlayHints.ts';
export { tableLenses, isBalanceFinding, type TableLens } from './codeLens.ts';
export { cellRole, formulaText, verdictText, tableBalance, tableFixEdits, type CellRole } from './balanceInfo.ts';
export { targetAt, rangesIntersect, rangeWithin, union, type Target } from './locate.ts';
