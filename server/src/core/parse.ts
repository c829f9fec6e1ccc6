import { findArtifacts } from './artifacts.ts';
import { bindTables } from './bind.ts';
import { detectTableTemplate } from './detect.ts';
import { findTableBlocks } from './layout/blocks.ts';
import { readMetadata } from './metadata.ts';
import type { ReportModel } from './model.ts';
import { assignSections, buildSectionTree, findHeadings } from './sections.ts';
import { templateForYear, TEMPLATES, type TemplateId } from './templates/index.ts';
import { LineIndex } from './text.ts';

export interface ParseOptions {
	/** Force a format instead of detecting it. */
	template?: TemplateId | 'auto';
}

/**
 * Reads a report's text into its model. Never throws on any input: text that is not a report
 * yields a model with no sections and no tables, which the checks then report on.
 */
export function parseReport(text: string, options: ParseOptions = {}): ReportModel {
	// A BOM is read as a space: it stays out of every label but keeps its UTF-16 slot, so every
	// range is a range of the text given.
	const index = new LineIndex(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text);
	const blocks = findTableBlocks(index);
	const headings = findHeadings(index, blocks);
	const metadata = readMetadata(index, headings);
	const tableTemplate = detectTableTemplate(blocks);

	let templateId: TemplateId;
	let templateSource: ReportModel['templateSource'];
	if (options.template && options.template !== 'auto') {
		templateId = options.template;
		templateSource = 'override';
	} else if (tableTemplate) {
		templateId = tableTemplate;
		templateSource = 'tables';
	} else if (metadata.year !== undefined) {
		templateId = templateForYear(metadata.year);
		templateSource = 'year';
	} else {
		templateId = '2021';
		templateSource = 'default';
	}
	const template = TEMPLATES[templateId];
	assignSections(headings, template);
	const tables = bindTables(template, blocks);
	const sections = buildSectionTree(index, headings, tables);
	const artifacts = findArtifacts(index, blocks);
	return { index, template, templateSource, tableTemplate, metadata, headings, sections, tables, artifacts };
}
