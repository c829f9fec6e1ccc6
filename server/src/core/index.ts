/**
 * nianbao's core: parse a report's text into a model, check it against its official format,
 * compute fixes. Pure TypeScript: no editor API, no file system, no network.
 */
export { parseReport, type ParseOptions } from './parse.ts';
export { ReadingReuse } from './reuse.ts';
export { checkReport, type CheckOptions } from './check/rules/index.ts';
export { allFixEdits, fixAllEdits, mergeDeletions, recomputedValues, recomputeTotalsEdits, tableFixValues, type FixAllOptions } from './check/fix.ts';
export { decodeBytes, encodeText, type Decoded, type DecodeResult, type Encoding } from './read/encoding.ts';
export { extractReport, type ExtractedReport } from './features/extract.ts';
export { CODES, type Code, type Finding, type Fix, type Lang, type Severity, type RelatedInfo } from './check/findings.ts';
export { applyEdits, LineIndex, type Position, type Range, type TextEdit } from './read/text.ts';
export { TEMPLATES, TEMPLATE_IDS, type TemplateId, type TemplateDef, type TableDef, type RowDef, type ColumnDef, type BalanceRule } from './templates/index.ts';
export { ruleInstances, derivedCells, evaluate, formulaOf, cellAt, type RuleInstance, type Evaluation } from './check/balance.ts';
export { rowName, columnName, tableName } from './features/names.ts';
export { crossYearFindings, pairByYear, sameAgency, yearFacts, type YearFacts } from './check/rules/yearChecks.ts';
export type { ReportModel, BoundTable, BoundRow, BoundCell, Section, Heading, Artifact, Claim } from './model.ts';
