import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { checkReport, extractReport, parseReport, yearFacts, type Lang } from '../core/index.ts';
import { describeLocation, documentFormatOf, locateInDocument, placeAt, problemFinding, readDocument, type DocumentRendering } from '../core/read/documents/index.ts';
import type { CliOptions } from './args.ts';
import type { FileResult, LocatedFinding } from './report.ts';

/** Word, PDF and web-page reports in the CLI: read, checked through their text rendering, never written. */

export function isDocument(file: string): boolean {
	return documentFormatOf(file) !== undefined;
}

type Rendered = { rendering: DocumentRendering } | { result: FileResult };

async function render(file: string, opts: CliOptions): Promise<Rendered> {
	const format = documentFormatOf(file)!;
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(file);
	} catch (e) {
		return { result: { file, findings: [], error: (e as Error).message } };
	}
	const read = await readDocument(bytes, format);
	if ('problem' in read) return { result: { file, findings: [{ ...problemFinding(read.problem, opts.lang), location: read.problem.page ? { page: read.problem.page } : {} }] } };
	return { rendering: read.rendering };
}

export async function checkDocument(file: string, opts: CliOptions): Promise<FileResult> {
	const r = await render(file, opts);
	if ('result' in r) return r.result;
	const model = parseReport(r.rendering.text, { template: opts.template });
	// Fixes are edits of the rendering, not of the document: none is offered.
	const findings: LocatedFinding[] = checkReport(model, { lang: opts.lang }).map(({ fix: _fix, alternatives: _alternatives, ...f }) => ({ ...f, location: locateInDocument(r.rendering, model, f.range, opts.lang) }));
	const notice = opts.fix ? fixNotice(file, opts.lang) : undefined;
	return { file, template: model.template.id, findings, fixed: 0, facts: yearFacts(model), ...(notice ? { notice } : {}), ...(opts.format === 'html' ? { report: extractReport(model) } : {}) };
}

function fixNotice(file: string, lang: Lang): string {
	const ext = extname(file);
	return lang === 'zh'
		? `--fix 不改写 ${ext} 文件；请用 nianbao convert 转为文本报告后修正`
		: `--fix never rewrites a ${ext} file; convert it with nianbao convert and fix the text`;
}

/** The model as JSON, each value with the place in the document it was read from. */
export async function extractDocument(file: string, opts: CliOptions): Promise<{ extracted?: unknown; result?: FileResult }> {
	const r = await render(file, opts);
	if ('result' in r) {
		const f = r.result.findings[0];
		return f ? { result: { ...r.result, error: f.message } } : { result: r.result };
	}
	const extracted = extractReport(parseReport(r.rendering.text, { template: opts.template }));
	for (const t of extracted.tables)
		for (const row of t.rows)
			for (const v of Object.values(row.values) as Array<{ range: { start: { line: number; character: number } }; source?: unknown }>) v.source = placeAt(r.rendering, v.range.start);
	return { extracted: { file, document: { format: r.rendering.format, ...(r.rendering.pages ? { pages: r.rendering.pages } : {}) }, ...extracted } };
}

/** Where `nianbao convert` writes a document's text: NAME.txt beside it, or under/as -o. */
export function convertTarget(file: string, output: string | undefined, many: boolean): string {
	const name = basename(file, extname(file)) + '.txt';
	if (output === undefined) return join(dirname(file), name);
	if (many || (existsSync(output) && statSync(output).isDirectory())) return join(output, name);
	return output;
}

export async function convertDocument(file: string, opts: CliOptions, many: boolean): Promise<{ file: string; written?: string; error?: string }> {
	if (!isDocument(file)) return { file, error: opts.lang === 'zh' ? '不是 .docx、.pdf 或 .html 文件' : 'not a .docx, .pdf or .html file' };
	const r = await render(file, opts);
	if ('result' in r) return { file, error: r.result.error ?? r.result.findings[0]?.message };
	const target = convertTarget(file, opts.output, many);
	if (existsSync(target) && !opts.force) return { file, error: opts.lang === 'zh' ? `${target} 已存在（--force 覆盖）` : `${target} exists (--force overwrites it)` };
	try {
		writeFileSync(target, r.rendering.text, 'utf8');
	} catch (e) {
		return { file, error: (e as Error).message };
	}
	return { file, written: target };
}

export { describeLocation };
