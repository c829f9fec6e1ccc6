import type * as Sarif from 'sarif';
import { CODES, type Code, type Lang, type Severity } from '../core/index.ts';
import type { FileResult } from './report.ts';

/**
 * `nianbao check --format sarif`: SARIF 2.1.0, the format code-scanning tools read. Every code is
 * a rule with its title and default level; regions count UTF-16 code units (as LSP does), so
 * ranges need no conversion; certain fixes become SARIF fixes.
 */

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'none' };

/** A file path as a URI reference: forward slashes, each segment percent-encoded (Chinese names are common). */
export function pathToUriReference(path: string): string {
	return path.split(/[\\/]/).map((segment, i) => (i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment))).join('/');
}

const region = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): Sarif.Region => ({
	startLine: r.start.line + 1,
	startColumn: r.start.character + 1,
	endLine: r.end.line + 1,
	endColumn: r.end.character + 1,
});

export function formatSarif(results: FileResult[], lang: Lang, version: string): string {
	const codes = Object.keys(CODES) as Code[];
	const ruleIndex = new Map(codes.map((c, i) => [c, i]));
	const rules: Sarif.ReportingDescriptor[] = codes.map((code) => ({
		id: code,
		name: code.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
		shortDescription: { text: CODES[code].title[lang] },
		defaultConfiguration: { level: LEVEL[CODES[code].severity as Severity] },
	}));
	const artifacts: Sarif.Artifact[] = [];
	const artifactIndex = new Map<string, number>();
	const artifact = (file: string): Sarif.ArtifactLocation => {
		const uri = pathToUriReference(file);
		if (!artifactIndex.has(uri)) {
			artifactIndex.set(uri, artifacts.length);
			artifacts.push({ location: { uri } });
		}
		return { uri, index: artifactIndex.get(uri)! };
	};
	const out: Sarif.Result[] = [];
	const notifications: Sarif.Notification[] = [];
	for (const r of results) {
		if (r.error) {
			notifications.push({ level: 'error', message: { text: `${r.file}: ${r.error}` }, locations: [{ physicalLocation: { artifactLocation: artifact(r.file) } }] });
			continue;
		}
		for (const f of r.findings) {
			// A range in a .docx/.pdf/.html report is a range of its text rendering: the document is located by page, table, row and column instead.
			const place = f.location;
			const result: Sarif.Result = {
				ruleId: f.code,
				ruleIndex: ruleIndex.get(f.code),
				level: LEVEL[f.severity],
				message: { text: f.message },
				locations: [
					place
						? {
								physicalLocation: { artifactLocation: artifact(r.file) },
								logicalLocations: [{ fullyQualifiedName: [place.table, place.row, place.column].filter(Boolean).join(' / ') || undefined, kind: 'element' }],
								properties: { ...place },
							}
						: { physicalLocation: { artifactLocation: artifact(r.file), region: region(f.range) } },
				],
			};
			if (f.related?.length) {
				result.relatedLocations = f.related.map((rel, i) => ({
					id: i,
					message: { text: rel.message },
					physicalLocation: { artifactLocation: artifact(rel.file ?? r.file), region: region(rel.range) },
				}));
			}
			if (f.fix && !place) {
				result.fixes = [
					{
						description: { text: f.fix.title },
						artifactChanges: [
							{
								artifactLocation: artifact(r.file),
								replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
							},
						],
					},
				];
			}
			out.push(result);
		}
	}
	const log: Sarif.Log = {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [
			{
				tool: { driver: { name: 'nianbao', version, semanticVersion: /^\d+\.\d+\.\d+/.test(version) ? version : undefined, language: lang === 'zh' ? 'zh-CN' : 'en', rules } },
				invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
				artifacts,
				columnKind: 'utf16CodeUnits',
				results: out,
			},
		],
	};
	return JSON.stringify(log, null, 1) + '\n';
}
