// The adapter's own logic, in process: settings, locale, rule levels, code-action kinds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wanted } from '../../server/src/lsp/codeActions.ts';
import { effectiveSeverity } from '../../server/src/lsp/diagnostics.ts';
import { langOfLocale, normalizeSettings, resolveLang } from '../../server/src/lsp/settings.ts';
import { DEFAULT_SETTINGS } from '../../server/src/protocol.ts';

describe('settings', () => {
	it('fills in defaults and drops ill-typed values', () => {
		assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
		const s = normalizeSettings({ template: '1999', rules: { 'balance.row-total': 'off', 'cell.format': 'loud', x: 3 }, language: 'fr', inlayHints: { enabled: false }, codeLens: 'no', maxDocumentSize: -1 });
		assert.equal(s.template, 'auto');
		assert.deepEqual(s.rules, { 'balance.row-total': 'off' });
		assert.equal(s.language, 'auto');
		assert.equal(s.inlayHints.enabled, false);
		assert.equal(s.codeLens.enabled, true);
		assert.equal(s.maxDocumentSize, DEFAULT_SETTINGS.maxDocumentSize);
	});
	it('reads Chinese for zh locales only, and the setting wins', () => {
		for (const l of ['zh', 'zh-cn', 'zh-TW', 'zh_CN']) assert.equal(langOfLocale(l), 'zh', l);
		for (const l of [undefined, 'en', 'en-US', 'ja', 'zhx']) assert.equal(langOfLocale(l), 'en', String(l));
		assert.equal(resolveLang({ ...DEFAULT_SETTINGS, language: 'en' }, 'zh-cn'), 'en');
		assert.equal(resolveLang({ ...DEFAULT_SETTINGS, language: 'zh' }, 'en'), 'zh');
	});
});

describe('rule levels', () => {
	it("'off' drops a finding, a level replaces its default", () => {
		assert.equal(effectiveSeverity('balance.row-total', 'error', { 'balance.row-total': 'off' }), undefined);
		assert.equal(effectiveSeverity('balance.row-total', 'error', { 'balance.row-total': 'hint' }), 'hint');
		assert.equal(effectiveSeverity('cell.format', 'hint', {}), 'hint');
	});
});

describe('code action kinds', () => {
	it('honours context.only by kind prefix', () => {
		assert.ok(wanted(undefined, 'quickfix'));
		assert.ok(wanted(['source'], 'source.fixAll.nianbao'));
		assert.ok(wanted(['source.fixAll'], 'source.fixAll.nianbao'));
		assert.ok(wanted(['source.fixAll.nianbao'], 'source.fixAll.nianbao'));
		assert.ok(!wanted(['quickfix'], 'source.fixAll.nianbao'));
		assert.ok(!wanted(['source.fixAll.eslint'], 'source.fixAll.nianbao'));
		assert.ok(!wanted(['source.organizeImports'], 'quickfix'));
	});
});
