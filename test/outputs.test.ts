/**
 * The CLI's outputs for evaluators and pipelines: SARIF 2.1.0 (validated against the schema),
 * and `extract` as CSV (one row a report, one column a template cell) and JSON Lines.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { readSeed } from './helpers.ts';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SCHEMA = createRequire(__filename)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
let dir: string;
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir, timeout: 120_000, maxBuffer: 1 << 28 });

before(() => {
	if (!existsSync(CLI)) spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
	dir = mkdtempSync(join(tmpdir(), 'nianbao-outputs-'));
	writeFileSync(join(dir, '西城区人社局2023年报.txt'), readSeed('000_64647beae46556e6.txt').replace('\t65\n', '\t66\n'));
	writeFileSync(join(dir, 'seed-002.txt'), readSeed('002_80c9c3334538e3f2.txt'));
	writeFileSync(join(dir, 'binary.txt'), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x00, 0x01]));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('SARIF', () => {
	test('the log validates against the SARIF 2.1.0 schema, with rules, regions, fixes and the unreadable file noted', () => {
		const r = run('check', '--format', 'sarif', '.');
		assert.equal(r.status, 2, r.stderr);
		const log = JSON.parse(r.stdout) as Sarif.Log;
		// The schema is draft-04 and has one pattern that is not valid under the u flag.
		const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
		addFormats(ajv);
		const validate = ajv.compile(SCHEMA);
		assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
		const run0 = log.runs[0];
		assert.equal(run0.columnKind, 'utf16CodeUnits');
		const rules = run0.tool.driver.rules!;
		assert.ok(rules.some((x) => x.id === 'balance.row-total' && x.defaultConfiguration?.level === 'error'));
		const total = run0.results!.find((x) => x.ruleId === 'balance.row-total')!;
		assert.equal(rules[total.ruleIndex!].id, 'balance.row-total');
		const loc = total.locations![0].physicalLocation!;
		assert.equal(decodeURIComponent(loc.artifactLocation!.uri!), '西城区人社局2023年报.txt');
		assert.equal(loc.artifactLocation!.uri, encodeURIComponent('西城区人社局2023年报.txt'));
		assert.equal(loc.region!.startLine, 94);
		assert.equal(loc.region!.startColumn, 2);
		const replacement = total.fixes![0].artifactChanges[0].replacements[0];
		assert.equal(replacement.insertedContent!.text, '65');
		assert.deepEqual([replacement.deletedRegion.startLine, replacement.deletedRegion.startColumn, replacement.deletedRegion.endColumn], [94, 2, 4]);
		assert.equal(run0.invocations![0].executionSuccessful, false);
		assert.match(run0.invocations![0].toolExecutionNotifications![0].message.text!, /binary\.txt/);
	});
	test('English messages with --lang en', () => {
		const log = JSON.parse(run('check', '--format', 'sarif', '--lang', 'en', '西城区人社局2023年报.txt').stdout) as Sarif.Log;
		assert.match(log.runs[0].results![0].message.text!, /[a-z]/);
		assert.equal(log.runs[0].tool.driver.language, 'en');
	});
});

/** RFC 4180 fields of one line (no embedded line breaks in these files). */
function csvFields(line: string): string[] {
	const out: string[] = [];
	for (const m of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)) out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
	return out;
}

describe('extract as a spreadsheet', () => {
	test('CSV: a BOM, a header of stable cell names, a row a report with its values', () => {
		const r = run('extract', '--format', 'csv', '西城区人社局2023年报.txt', 'seed-002.txt');
		assert.equal(r.status, 0, r.stderr);
		assert.ok(r.stdout.startsWith('\ufeff'));
		const [header, ...rows] = r.stdout.slice(1).trimEnd().split('\r\n').map(csvFields);
		assert.deepEqual(header.slice(0, 5), ['file', 'agency', 'year', 'template', 'title']);
		assert.equal(new Set(header).size, header.length);
		assert.equal(rows.length, 2);
		const at = (row: string[], name: string) => row[header.indexOf(name)];
		assert.equal(at(rows[0], 'agency'), '北京市西城区人力资源和社会保障局');
		assert.equal(at(rows[0], 'requests.R1.natural'), '60');
		assert.equal(at(rows[0], 'requests.R1.total'), '66');
		assert.equal(at(rows[1], 'template'), '2008');
		assert.equal(at(rows[1], 'requests.R1.total'), '');
		assert.ok(rows.every((row) => row.length === header.length));
	});
	test('JSON Lines: one object a report, cells by the same names', () => {
		const r = run('extract', '--format', 'jsonl', '西城区人社局2023年报.txt', 'seed-002.txt');
		const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
		assert.equal(lines.length, 2);
		assert.equal(lines[0].cells['requests.R1.natural'], 60);
		assert.equal(lines[1].template, '2008');
	});
	test('a format that does not go with the command is a usage error', () => {
		assert.equal(run('extract', '--format', 'sarif', 'seed-002.txt').status, 2);
		assert.equal(run('check', '--format', 'csv', 'seed-002.txt').status, 2);
	});
});
