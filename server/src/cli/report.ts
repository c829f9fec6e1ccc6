import type { ExtractedReport, Finding, Lang, Severity, YearFacts } from '../core/index.ts';
import { describeLocation, type DocumentLocation } from '../core/read/documents/location.ts';

/** Output formats of `nianbao check`. */

/** A finding in a .docx, .pdf or .html report carries where it is in that document. */
export interface LocatedFinding extends Finding {
	location?: DocumentLocation;
}

export interface FileResult {
	file: string;
	template?: string;
	findings: LocatedFinding[];
	/** Something the user should know about how the file was handled (a document --fix left alone). */
	notice?: string;
	/** Set when the file could not be read or decoded; the file was not checked. */
	error?: string;
	/** The model as plain data, kept only for the HTML report (it draws the tables). */
	report?: ExtractedReport;
	/** Number of edits --fix wrote. */
	fixed?: number;
	/** What pairing with last year's report needs (agency, year, the cells the rules read). */
	facts?: YearFacts;
}

const SEVERITY_WORD: Record<Lang, Record<Severity, string>> = {
	zh: { error: '错误', warning: '警告', information: '提示', hint: '建议' },
	en: { error: 'error', warning: 'warning', information: 'info', hint: 'hint' },
};

/** One line per finding, `file:line:col  severity  message  code`, as eslint's unix-style output reads. */
export function formatText(results: FileResult[], lang: Lang): string {
	const lines: string[] = [];
	const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
	let fixed = 0;
	for (const r of results) {
		if (r.error) {
			lines.push(`${r.file}: ${lang === 'zh' ? '无法读取' : 'cannot read'}: ${r.error}`);
			continue;
		}
		fixed += r.fixed ?? 0;
		if (r.notice) lines.push(`${r.file}: ${r.notice}`);
		for (const f of r.findings) {
			if (f.severity === 'hint') {
				counts.hint++;
				continue;
			}
			counts[f.severity]++;
			// A document has no lines of its own to point at: its page, table, row and column stand in.
			const where = f.location ? ` (${describeLocation(f.location, lang) || (lang === 'zh' ? '文档开头' : 'start of document')})` : `:${f.range.start.line + 1}:${f.range.start.character + 1}`;
			lines.push(`${r.file}${where}  ${SEVERITY_WORD[lang][f.severity]}  ${f.message}  ${f.code}`);
		}
	}
	const checked = results.filter((r) => !r.error).length;
	const unreadable = results.length - checked;
	const summary =
		lang === 'zh'
			? `检查了 ${checked} 个文件：${counts.error} 个错误，${counts.warning} 个警告，${counts.information} 个提示` +
				(fixed ? `；已修正 ${fixed} 处` : '') +
				(unreadable ? `；${unreadable} 个文件无法读取` : '')
			: `${checked} file${checked === 1 ? '' : 's'} checked: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information} info` +
				(fixed ? `; ${fixed} fix${fixed === 1 ? '' : 'es'} written` : '') +
				(unreadable ? `; ${unreadable} unreadable` : '');
	if (lines.length > 0) lines.push('');
	lines.push(summary);
	return lines.join('\n') + '\n';
}

export function formatJson(results: FileResult[]): string {
	return JSON.stringify(results.map(jsonEntry), null, 1) + '\n';
}

/** One file's entry in the JSON output. */
export function jsonEntry(r: FileResult): { file: string; diagnostics: unknown[] } {
	return {
		file: r.file,
		...(r.error ? { error: r.error } : { template: r.template }),
		...(r.fixed ? { fixed: r.fixed } : {}),
		...(r.notice ? { notice: r.notice } : {}),
		diagnostics: r.findings.map(jsonDiagnostic),
	};
}

export function jsonDiagnostic(f: LocatedFinding): unknown {
	return {
		code: f.code,
		severity: f.severity,
		message: f.message,
		range: f.range,
		...(f.location ? { location: f.location } : {}),
		...(f.related?.length ? { related: f.related } : {}),
		...(f.fix ? { fix: { title: f.fix.title, edits: f.fix.edits } } : {}),
	};
}

/** One entry's text as it stands in the JSON output's array: indented one space more than alone (JSON strings hold no raw line breaks). */
export function entryText(entry: unknown): string {
	return JSON.stringify(entry, null, 1).replace(/\n/g, '\n ');
}

/** formatJson's text piece by piece from the entries' texts (entryText): the same text, never all of it in memory at once. */
export function* jsonTextChunks(texts: Iterable<string>): Generator<string> {
	let first = true;
	for (const t of texts) {
		yield (first ? '[\n ' : ',\n ') + t;
		first = false;
	}
	yield first ? '[]\n' : '\n]\n';
}
