// Other real LSP clients, headless, against the bundled server over stdio:
//   node --import tsx --test test/e2e/editors/editors.check.ts
// Needs dist/server.js (npm run build) and Debian's neovim, emacs-nox and elpa-eglot; a test is
// skipped when its editor is missing. Not part of `npm test` (named .check.ts on purpose).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseReport, TEMPLATES } from '../../../server/src/core/index.ts';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const SEED = join(ROOT, 'test', 'fixtures', 'seeds', '003_6d0cd6ca3bfdf8d5.txt');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** A seed with one wrong row total, the cell's position, and the line that puts it right. */
function fixture() {
	const text = readFileSync(SEED, 'utf8');
	const cell = parseReport(text).tables.find((t) => t.def.id === 'requests')!.byKey.get('R1')!.cells.get('total')!;
	const lines = text.split('\n');
	const n = cell.range.start.line;
	const original = lines[n];
	const c = cell.range.start.character;
	lines[n] = original.slice(0, c) + String(Number(cell.text) + 5) + original.slice(cell.range.end.character);
	const dir = mkdtempSync(join(tmpdir(), 'nianbao-editors-'));
	writeFileSync(join(dir, 'report.txt'), lines.join('\n'));
	writeFileSync(join(dir, 'fix.txt'), original + '\n');
	return {
		dir,
		line: n + 1,
		/** Column of the cell in characters (Emacs) and in UTF-8 bytes (Neovim). */
		charCol: c,
		byteCol: Buffer.byteLength(original.slice(0, c)),
		env: { ...process.env, LSP_SERVER: SERVER, FIX_LINE: String(n + 1), FIX_FILE: join(dir, 'fix.txt'), LANG: 'C.UTF-8' },
	};
}

function checkSymbols(out: string) {
	for (const s of TEMPLATES['2021'].sections) {
		const title = s.title.replace(/^[一二三四五六]、/, '');
		assert.match(out, new RegExp(`^SYMBOL .*${title}`, 'm'), `a symbol for ${s.title}`);
	}
	assert.match(out, /^after fix: 0 balance$/m);
	assert.match(out, /^OK$/m);
}

const skipNoServer = !existsSync(SERVER) && 'dist/server.js missing (npm run build)';

test('neovim built-in LSP client', { skip: skipNoServer || (!has('nvim') && 'nvim not installed') }, () => {
	const f = fixture();
	try {
		const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(__dirname, 'lsp_check.lua')}`, 'report.txt'], { cwd: f.dir, env: f.env, timeout: 60_000, encoding: 'utf8' });
		const out = r.stdout + r.stderr;
		assert.equal(r.status, 0, out);
		assert.match(out, new RegExp(`^DIAG ${f.line}:${f.byteCol}-\\d+ balance\\.row-total `, 'm'), out);
		checkSymbols(out);
	} finally {
		rmSync(f.dir, { recursive: true, force: true });
	}
});

test('emacs eglot', { skip: skipNoServer || (!has('emacs') && 'emacs not installed') }, () => {
	const f = fixture();
	try {
		const r = spawnSync('emacs', ['--batch', '-Q', '-l', join(__dirname, 'eglot-check.el')], { cwd: f.dir, env: f.env, timeout: 60_000, encoding: 'utf8' });
		const out = r.stdout + r.stderr;
		assert.equal(r.status, 0, out);
		assert.match(out, new RegExp(`^DIAG ${f.line}:${f.charCol} `, 'm'), out);
		checkSymbols(out);
	} finally {
		rmSync(f.dir, { recursive: true, force: true });
	}
});
