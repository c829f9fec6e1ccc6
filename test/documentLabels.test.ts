// The labels of the documents corpus (test/corpus/pdf, test/corpus/html-rows) are the ones
// tools/documents/build.mjs writes from its manifest: a label edited by hand in an
// expected.json, not in the manifest, is lost on the next build (or a wrong one comes back).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
// @ts-expect-error: plain JavaScript of the generator, no types
import { locateFindings, pageNumberFindings } from '../tools/documents/lib/label.mjs';

const ROOT = join(__dirname, '..');
interface Entry {
	name: string;
	routes?: string[];
	agency: string;
	year: number;
	format: string;
	sections: number;
	tables: string[];
	notes?: string;
	findings?: unknown[];
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'tools', 'documents', 'manifest.json'), 'utf8')) as { reports: Entry[] };
const ROUTES = [
	{ key: 'layout', route: 'pdftotext-layout', file: (n: string) => join(ROOT, 'test', 'corpus', 'pdf', `${n}.layout`) },
	{ key: 'raw', route: 'pdftotext-raw', file: (n: string) => join(ROOT, 'test', 'corpus', 'pdf', `${n}.raw`) },
	{ key: 'rows', route: 'html-rows', file: (n: string) => join(ROOT, 'test', 'corpus', 'html-rows', n) },
];

describe('documents corpus: the committed labels are the manifest\'s', () => {
	for (const e of manifest.reports) {
		for (const r of ROUTES.filter((r) => (e.routes ?? ['layout', 'raw', 'rows']).includes(r.key))) {
			test(`${e.name} (${r.route})`, () => {
				const base = r.file(e.name);
				assert.ok(existsSync(`${base}.txt`), `${base}.txt`);
				const lines = readFileSync(`${base}.txt`, 'utf8').split('\n');
				const log = console.log;
				console.log = () => undefined;
				let findings: unknown[];
				try {
					findings = [...locateFindings(e.findings ?? [], lines, r.route, e.name), ...(r.route === 'html-rows' ? [] : pageNumberFindings(lines))];
				} finally {
					console.log = log;
				}
				const label = JSON.parse(readFileSync(`${base}.expected.json`, 'utf8'));
				assert.deepEqual(
					{ route: label.route, agency: label.agency, year: label.year, format: label.format, sections: label.sections, tables: label.tables, findings: label.findings, notes: label.notes },
					{ route: r.route, agency: e.agency, year: e.year, format: e.format, sections: e.sections, tables: e.tables, findings, notes: e.notes },
				);
			});
		}
	}
});
