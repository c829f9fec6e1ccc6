import { parseReport } from '../../server/src/core/index.ts';

/**
 * Whether a plain-text document is a 政府信息公开工作年度报告, decided by the core's own parse:
 * a report title, or at least three of the mandated sections (one of them specific to
 * disclosure, so a generic 工作总结 with 总体情况/问题/其他 is not taken), or a statistics table
 * of an official format. No VS Code API here, so it is unit-tested in plain node.
 */
export interface Detection {
	report: boolean;
	reason?: 'title' | 'sections' | 'tables';
	/** Distinct mandated sections found among the headings. */
	sections: string[];
	/** Official statistics tables found. */
	tables: string[];
}

/** Only the head of a huge file is read: a report shows what it is long before 400,000 characters. */
const MAX_CHARS = 400_000;
const TITLE = /政府信息公开.{0,8}年度报告|政务公开.{0,8}年度报告|政府信息公开年报/;
const DISCLOSURE_SECTIONS = new Set(['active', 'requests', 'appeals', 'fees']);
const NOT_A_REPORT: Detection = { report: false, sections: [], tables: [] };

export function detectReport(text: string): Detection {
	const sample = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
	// Cheap exit: a report is Chinese from its first lines on.
	if (!/[\u4e00-\u9fff]/.test(sample.slice(0, 50_000))) return NOT_A_REPORT;
	const model = parseReport(sample);
	const sections = [...new Set(model.headings.flatMap((h) => (h.section ? [h.section.key] : [])))];
	const tables = [...new Set(model.tables.filter((t) => t.anchorRange || t.rows.filter((r) => r.known).length >= 2).map((t) => t.def.id))];
	let reason: Detection['reason'];
	if (model.metadata.title && TITLE.test(model.metadata.title.text)) reason = 'title';
	else if (sections.length >= 3 && sections.some((s) => DISCLOSURE_SECTIONS.has(s))) reason = 'sections';
	else if (tables.length > 0) reason = 'tables';
	return { report: reason !== undefined, reason, sections, tables };
}
