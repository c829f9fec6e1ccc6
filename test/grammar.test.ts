import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';

/**
 * The TextMate grammar (syntaxes/nianbao.tmLanguage.json) and the editor language configuration.
 * The scope assertions themselves live in test/grammar/*.txt (vscode-tmgrammar-test format; run them
 * alone with test/grammar/run.sh); this file runs them under node:test and adds structural and
 * performance checks.
 */
const ROOT = join(__dirname, '..');
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'nianbao.tmLanguage.json');
const GRAMMAR_TESTS = join('test', 'grammar');
const SEEDS_DIR = join(ROOT, 'test', 'fixtures', 'seeds');
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

interface Rule {
	name?: string;
	contentName?: string;
	match?: string;
	begin?: string;
	end?: string;
	include?: string;
	patterns?: Rule[];
	captures?: Record<string, Rule>;
	beginCaptures?: Record<string, Rule>;
	endCaptures?: Record<string, Rule>;
}
interface Grammar {
	scopeName: string;
	patterns: Rule[];
	repository: Record<string, Rule>;
}

function readGrammar(): Grammar {
	return JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as Grammar;
}

/** Every rule object of the grammar, depth first. */
function allRules(g: Grammar): Rule[] {
	const out: Rule[] = [];
	const visit = (r: Rule): void => {
		out.push(r);
		r.patterns?.forEach(visit);
		for (const caps of [r.captures, r.beginCaptures, r.endCaptures]) if (caps) Object.values(caps).forEach(visit);
	};
	g.patterns.forEach(visit);
	Object.values(g.repository).forEach(visit);
	return out;
}

describe('TextMate grammar', () => {
	test('vscode-tmgrammar-test: every assertion in test/grammar/*.txt holds', () => {
		const files = readdirSync(join(ROOT, GRAMMAR_TESTS)).filter((f) => f.endsWith('.txt'));
		assert.ok(files.length >= 10, 'grammar test files are missing');
		const cli = requireFromRoot.resolve('vscode-tmgrammar-test/dist/unit.js');
		const r = spawnSync(
			process.execPath,
			[cli, '--grammar', GRAMMAR_PATH, '--config', join(GRAMMAR_TESTS, 'tmgrammar-test.config.json'), '--compact', `${GRAMMAR_TESTS}/*.txt`],
			{ cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
		);
		const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
		assert.equal(r.error, undefined, String(r.error));
		assert.equal(r.status, 0, output);
		const passed = output.split('\n').filter((l) => l.includes('run successfuly')).length;
		assert.equal(passed, files.length, output);
	});

	test('structure: scope text.nianbao, top level only includes, every include resolves, every scope ends in .nianbao', () => {
		const g = readGrammar();
		assert.equal(g.scopeName, 'text.nianbao');
		for (const p of g.patterns) assert.deepEqual(Object.keys(p), ['include'], JSON.stringify(p));
		for (const r of allRules(g)) {
			if (r.include !== undefined) {
				assert.match(r.include, /^#/, r.include);
				assert.ok(g.repository[r.include.slice(1)], `unresolved include ${r.include}`);
			}
			for (const name of [r.name, r.contentName]) {
				for (const scope of name?.split(/\s+/) ?? []) assert.match(scope, /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.nianbao$/, scope);
			}
		}
	});

	test('every regex compiles with oniguruma and none uses a non-possessive {n,m}+ (a nested quantifier in Ruby syntax)', async () => {
		const onig = await loadOniguruma();
		for (const r of allRules(readGrammar())) {
			for (const src of [r.match, r.begin, r.end]) {
				if (src === undefined) continue;
				assert.doesNotMatch(src, /\}\+/, `{n,m}+ is not possessive in Oniguruma: use (?>…) in ${src}`);
				assert.doesNotThrow(() => new onig.OnigScanner([src]).dispose(), src);
			}
		}
	});

	test('tokenizes the seed reports, 50× concatenations and 150 000-character single lines to their ends (times printed)', async (t) => {
		const vsctm = requireFromRoot('vscode-textmate') as typeof import('vscode-textmate');
		const onig = await loadOniguruma();
		const registry = new vsctm.Registry({
			onigLib: Promise.resolve({
				createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
				createOnigString: (s: string) => new onig.OnigString(s),
			}),
			loadGrammar: async () => vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH),
		});
		const grammar = await registry.loadGrammar('text.nianbao');
		assert.ok(grammar);

		/** Tokenizes text line by line; returns total and worst-line milliseconds. */
		const run = (text: string): { total: number; worst: number } => {
			let state = vsctm.INITIAL;
			let worst = 0;
			const start = performance.now();
			for (const line of text.split('\n')) {
				const t0 = performance.now();
				const r = grammar.tokenizeLine(line, state);
				worst = Math.max(worst, performance.now() - t0);
				assert.equal(r.stoppedEarly, false);
				state = r.ruleStack;
			}
			return { total: performance.now() - start, worst };
		};

		const seeds = readdirSync(SEEDS_DIR)
			.filter((f) => f.endsWith('.txt'))
			.map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'));
		assert.ok(seeds.length > 0);
		run(seeds[0]!); // warm up: compiles every scanner once

		// Every line is tokenized to its end (never stopped early). The times are printed, not asserted:
		// tests never depend on how fast the machine is; a catastrophic-backtracking pattern shows as a run
		// of minutes here, and `npm run bench` is where speed is measured.
		const times: string[] = [];
		for (const seed of seeds) {
			const { total, worst } = run(seed.repeat(50));
			times.push(`seed ×50 ${total.toFixed(0)} ms (worst line ${worst.toFixed(1)} ms)`);
		}
		const N = 150_000;
		const fill = (unit: string, prefix = ''): string => prefix + unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
		const all = seeds.join('\n');
		const lines: Array<[string, string]> = [
			['glued report', fill(all.replace(/\n/g, ''))],
			['glued report, tab separated', fill(all.replace(/\n/g, '\t'), '\t')],
			['glued report, pipe separated', fill(all.replace(/\n/g, ' | '))],
			['glued report after a heading', fill(all.replace(/\n/g, ''), '一、')],
		];
		// Inputs that make a non-linear regex scan to the end of the line from every position.
		const units = ['《', '“', '"', '1', ' ', '\u3000', '|', '| ', '\t', '政', '〔', '1.', '12.', '2023年', '（一）', '第1页', '[bookmark:', '国办函〔', '| 规 章 '];
		for (const unit of units) {
			lines.push([`${JSON.stringify(unit)} repeated`, fill(unit)]);
			lines.push([`${JSON.stringify(unit)} repeated in a table row`, fill(unit, '|')]);
		}
		for (const [label, line] of lines) {
			const { total } = run(line);
			times.push(`${label}: ${line.length} characters ${total.toFixed(0)} ms`);
		}
		t.diagnostic(times.join('; '));
	});
});

describe('language configuration', () => {
	const config = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8')) as {
		comments?: unknown;
		brackets: Array<[string, string]>;
		autoClosingPairs: Array<{ open: string; close: string }>;
		surroundingPairs: Array<[string, string]>;
		wordPattern: string;
	};

	test('no comment syntax; Chinese and ASCII pairs for brackets, auto-closing and surrounding', () => {
		assert.equal(config.comments, undefined);
		const pairs = ['《》', '（）', '「」', '【】', '“”', '‘’', '〔〕', '()', '[]'];
		const has = (list: string[], p: string): boolean => list.includes(p);
		for (const p of pairs) {
			assert.ok(has(config.brackets.map(([o, c]) => o + c), p), `brackets lacks ${p}`);
			assert.ok(has(config.autoClosingPairs.map(({ open, close }) => open + close), p), `autoClosingPairs lacks ${p}`);
			assert.ok(has(config.surroundingPairs.map(([o, c]) => o + c), p), `surroundingPairs lacks ${p}`);
		}
	});

	test('wordPattern keeps decimals, percentages and Han runs together', () => {
		const re = new RegExp(config.wordPattern, 'g');
		assert.equal(re.test(''), false, 'wordPattern must not match the empty string');
		assert.deepEqual('累计阅读量12.6万，同比增长12.3%，共1,404条'.match(re), ['累计阅读量', '12.6', '万', '同比增长', '12.3%', '共', '1,404', '条']);
		assert.deepEqual('５９４９．０８万元'.match(re), ['５９４９．０８', '万元']);
	});
});

async function loadOniguruma(): Promise<typeof import('vscode-oniguruma')> {
	const onig = requireFromRoot('vscode-oniguruma') as typeof import('vscode-oniguruma');
	const wasm = readFileSync(requireFromRoot.resolve('vscode-oniguruma/release/onig.wasm'));
	await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
	return onig;
}
