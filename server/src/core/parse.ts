import { findArtifacts } from './read/artifacts.ts';
import { bindTables } from './bind/bind.ts';
import { unreadTables } from './bind/tableTraces.ts';
import { findClaims, proseSentences } from './bind/claims/find.ts';
import { isLabelOfAny, pieceOfLabelOfAny, startsLabelOfAny } from './bind/labels.ts';
import { detectFormatMix, detectTableTemplate, SIGNATURE_LINE, signatureHits } from './bind/detect.ts';
import { findTableBlocks } from './read/layout/blocks.ts';
import { findGluedBlocks } from './read/layout/glued.ts';
import { findInvisibleMarks } from './read/layout/invisibleMarks.ts';
import { readMetadata } from './read/metadata.ts';
import type { ReportModel } from './model.ts';
import { buildSectionTree, findHeadings, readSectionHeadings } from './bind/sections.ts';
import { templateForYear, TEMPLATES, type TemplateId } from './templates/index.ts';
import { LineIndex } from './read/text.ts';
import { unwrap } from './read/hardWrap.ts';
import { onWrittenText } from './writtenPositions.ts';
import { mixedTemplate } from './templates/mixes.ts';
import type { ReadingReuse } from './reuse.ts';

const IS_LABEL = isLabelOfAny(Object.values(TEMPLATES));
const STARTS_LABEL = startsLabelOfAny(Object.values(TEMPLATES));
const PIECE_OF_LABEL = pieceOfLabelOfAny(Object.values(TEMPLATES));

/** The report says (in its title or 统计期限, not just by mentioning it) that it is for a year before the 2019 format. */
function yearBefore2019(metadata: ReportModel['metadata']): boolean {
	return metadata.year !== undefined && metadata.year >= 2008 && metadata.year <= 2018 && metadata.yearSource !== 'frequent';
}

export interface ParseOptions {
	/** Force a format instead of detecting it. */
	template?: TemplateId | 'auto';
	/** What the document's last version read (an editor's open document), to read this one. */
	reuse?: ReadingReuse;
}

/**
 * Reads a report's text into its model. Never throws on any input: text that is not a report
 * yields a model with no sections and no tables, which the checks then report on.
 */
export function parseReport(text: string, options: ParseOptions = {}): ReportModel {
	// A BOM is read as a space: it stays out of every label but keeps its UTF-16 slot, so every
	// range is a range of the text given.
	options.reuse?.nextVersion();
	const written = new LineIndex(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text);
	// Text a tool wrapped at a fixed width is read with its paragraphs whole, and its model then names the written lines.
	const unwrapped = unwrap(written);
	return unwrapped ? onWrittenText(readReport(new LineIndex(unwrapped.text), options), written, unwrapped.breaks) : readReport(written, options);
}

function readReport(index: LineIndex, options: ParseOptions): ReportModel {
	const shownBlocks = findTableBlocks(index, IS_LABEL, STARTS_LABEL, PIECE_OF_LABEL, options.reuse);
	const claimed = new Uint8Array(index.lineCount);
	for (const b of shownBlocks) for (let n = b.firstLine; n <= b.lastLine; n++) claimed[n] = 1;
	const longLines: string[] = [];
	for (let n = 0; n < index.lineCount; n++) if (!claimed[n] && index.lines[n].length >= SIGNATURE_LINE) longLines.push(index.lines[n]);
	const lineHeadings = findHeadings(index, shownBlocks);
	const metadata = readMetadata(index, lineHeadings);
	const signatures = signatureHits(shownBlocks, longLines);
	const tableTemplate = detectTableTemplate(shownBlocks, longLines, signatures);

	let templateId: TemplateId;
	let templateSource: ReportModel['templateSource'];
	if (options.template && options.template !== 'auto') {
		templateId = options.template;
		templateSource = 'override';
	} else if (tableTemplate && !(yearBefore2019(metadata) && tableTemplate !== '2008')) {
		// A report for 2016–2018 is never judged by the 2019 or 2021 format: its tables' labels were misread.
		templateId = tableTemplate;
		templateSource = 'tables';
	} else if (metadata.year !== undefined) {
		templateId = templateForYear(metadata.year);
		templateSource = 'year';
	} else {
		templateId = '2021';
		templateSource = 'default';
	}
	// A report that keeps one section's tables in another format is read against the tables it has.
	const mix = templateSource === 'tables' ? detectFormatMix(shownBlocks, longLines, signatures) : undefined;
	const template = mix ? mixedTemplate(mix) : TEMPLATES[templateId];
	const blocks = [...shownBlocks, ...findGluedBlocks(index, template, claimed, options.reuse)].sort((a, b) => a.firstLine - b.firstLine);
	const headings = readSectionHeadings(index, lineHeadings, blocks, template);
	const tables = bindTables(template, blocks);
	const sections = buildSectionTree(index, headings, tables);
	// Marks are looked for in the tables read: a block that read as no table (a site's navigation, bulleted) is no table.
	const tableBlocks = blocks.filter((b) => tables.some((t) => t.range.start.line <= b.lastLine && t.range.end.line >= b.firstLine));
	const artifacts = [...findArtifacts(index, blocks, options.reuse), ...findInvisibleMarks(index, tableBlocks)];
	const sentences = proseSentences(index, shownBlocks, paragraphBreaks(index, headings, artifacts, metadata));
	const claims = findClaims(sentences, template, tables, metadata, options.reuse);
	return { index, template, templateSource, tableTemplate, metadata, headings, sections, tables, claims, sentences, artifacts, unreadTables: unreadTables(index, headings, tables, template) };
}

/**
 * Lines no sentence runs on through: a heading or title alone on its line, a page number or a
 * page's furniture that stands between the two halves of a paragraph.
 */
function paragraphBreaks(index: LineIndex, headings: ReportModel['headings'], artifacts: ReportModel['artifacts'], metadata: ReportModel['metadata']): Set<number> {
	const out = new Set<number>();
	const wholeLine = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
		const line = index.lines[r.start.line];
		const indent = line.length - line.trimStart().length;
		return r.start.character <= indent && (r.end.line > r.start.line || r.end.character >= line.trimEnd().length);
	};
	for (const h of headings) if (wholeLine(h.range)) for (let n = h.range.start.line; n <= h.range.end.line; n++) out.add(n);
	for (const a of artifacts) if (wholeLine(a.range)) for (let n = a.range.start.line; n <= Math.min(a.range.end.line, index.lineCount - 1); n++) out.add(n);
	if (metadata.title) for (let n = metadata.title.range.start.line; n <= metadata.title.range.end.line; n++) out.add(n);
	return out;
}
