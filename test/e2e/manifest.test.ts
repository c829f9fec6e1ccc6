// Unit tests of the extension manifest and the client's detection (plain node, no VS Code).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { detectReport } from '../../client/src/detect.ts';
import { CODES } from '../../server/src/core/index.ts';
import { renderSkeleton } from '../../server/src/core/features/skeleton.ts';
import { ClientCommands, DEFAULT_SETTINGS, LANGUAGE_ID } from '../../server/src/protocol.ts';
import { readSeed, SEEDS } from '../helpers.ts';

const ROOT = join(__dirname, '..', '..');
const json = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8'));
const pkg = json('package.json');
const nlsEn: Record<string, string> = json('package.nls.json');
const nlsZh: Record<string, string> = json('package.nls.zh-cn.json');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const properties: Record<string, any> = pkg.contributes.configuration.properties;

/** Setting keys of an object of defaults: nested objects become dotted keys, except `rules` (an object setting). */
function flatKeys(o: Record<string, unknown>, prefix = ''): string[] {
	return Object.entries(o).flatMap(([k, v]) =>
		v && typeof v === 'object' && !Array.isArray(v) && k !== 'rules' ? flatKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
	);
}

describe('extension manifest', () => {
	test('nianbao.rules lists exactly the diagnostic codes of the core, each with the five levels', () => {
		const rules = properties['nianbao.rules'];
		assert.equal(rules.type, 'object');
		assert.deepEqual(Object.keys(rules.properties).sort(), Object.keys(CODES).sort());
		for (const p of Object.values<{ enum: string[] }>(rules.properties)) assert.deepEqual(p.enum, ['off', 'hint', 'information', 'warning', 'error']);
	});

	test('every setting of NianbaoSettings is contributed with its default, plus the server trace', () => {
		const keys = flatKeys(DEFAULT_SETTINGS as unknown as Record<string, unknown>);
		assert.deepEqual(Object.keys(properties).sort(), [...keys.map((k) => `nianbao.${k}`), 'nianbao.trace.server'].sort());
		for (const k of keys) {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			const value = k.split('.').reduce<any>((o, part) => o[part], DEFAULT_SETTINGS);
			assert.deepEqual(properties[`nianbao.${k}`].default, value, k);
		}
		for (const [k, p] of Object.entries(properties)) assert.ok(p.description || p.markdownDescription, `${k} has a description`);
	});

	test("commands are the protocol's client commands, with a category", () => {
		assert.deepEqual(pkg.contributes.commands.map((c: { command: string }) => c.command).sort(), Object.values(ClientCommands).sort());
		for (const c of pkg.contributes.commands) assert.equal(c.category, '%category%');
	});

	test('language, grammar, activation and engine', () => {
		const [lang] = pkg.contributes.languages;
		assert.equal(lang.id, LANGUAGE_ID);
		assert.ok(lang.aliases.includes('政府信息公开年报') && lang.aliases.includes('Government Disclosure Report'));
		assert.deepEqual(lang.extensions, ['.nianbao']);
		assert.deepEqual(lang.filenamePatterns, ['*年度报告*.txt', '*年报*.txt']);
		assert.equal(lang.configuration, './language-configuration.json');
		assert.deepEqual(pkg.contributes.grammars, [{ language: LANGUAGE_ID, scopeName: 'text.nianbao', path: './syntaxes/nianbao.tmLanguage.json' }]);
		assert.ok(pkg.activationEvents.includes('onLanguage:nianbao') && pkg.activationEvents.includes('onLanguage:plaintext'));
		assert.equal(pkg.engines.vscode, '^1.91.0');
		assert.equal(pkg.main, './dist/extension.js');
		assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
	});

	test('every %string% of the manifest has an English and a Chinese text, and nothing else is there', () => {
		const used = new Set([...JSON.stringify(pkg).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
		assert.deepEqual(Object.keys(nlsEn).sort(), [...used].sort());
		assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nlsEn).sort());
		for (const [k, v] of Object.entries(nlsZh)) assert.match(v, /[\u4e00-\u9fff]/, `${k} is Chinese`);
	});

	test('the manifest is what tools/manifest.ts generates', () => {
		const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tools', 'manifest.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
		assert.equal(r.status, 0, r.stderr + r.stdout);
	});

	test('every runtime string of the client has a Chinese translation', () => {
		const dir = join(ROOT, 'client', 'src');
		const used = new Set<string>();
		for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
			for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
		}
		assert.ok(used.size > 10);
		const zh = json('l10n/bundle.l10n.zh-cn.json');
		const en = json('l10n/bundle.l10n.json');
		assert.deepEqual(Object.keys(en).sort(), [...used].sort(), 'l10n/bundle.l10n.json is current (npx @vscode/l10n-dev export -o ./l10n ./client/src)');
		assert.deepEqual(Object.keys(zh).sort(), [...used].sort());
		const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
		for (const [k, v] of Object.entries<string>(zh)) assert.deepEqual(placeholders(v), placeholders(k), k);
	});
});

describe('report detection (client)', () => {
	for (const seed of SEEDS) {
		const text = readSeed(seed);
		test(`${seed} is a report`, () => assert.equal(detectReport(text).report, true));
		test(`${seed} without its first 5 lines (no title) is still a report`, () => {
			const d = detectReport(text.split('\n').slice(5).join('\n'));
			assert.equal(d.report, true, JSON.stringify(d));
			assert.notEqual(d.reason, 'title');
		});
	}
	test('a title alone', () => assert.equal(detectReport('某某区教育局\n2023年政府信息公开工作年度报告\n\n正文。').reason, 'title'));
	test('the zero-filled skeleton without its title is recognised by its sections', () => {
		const d = detectReport(renderSkeleton({ fill: '0' }).split('\n').slice(1).join('\n'));
		assert.equal(d.report, true);
		assert.deepEqual(d.sections, ['overview', 'active', 'requests', 'appeals', 'problems', 'other']);
	});
	test('a bare statistics table is recognised by its labels', () => {
		const d = detectReport('信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 1 | 0 | 6 |\n');
		assert.equal(d.report, true);
		assert.equal(d.reason, 'tables');
	});
	test('other texts are not reports', () => {
		for (const text of [
			'',
			'hello world\nthis is a note about disclosure\n',
			'工作总结\n一、总体情况\n今年工作顺利。\n二、存在的问题\n人手不足。\n三、其他\n无。\n',
			'关于政府信息公开的说明\n本单位依法公开信息。\n',
		]) assert.equal(detectReport(text).report, false, text);
	});
});
