import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, type NianbaoSettings, type RuleLevel } from '../../server/src/protocol.ts';
import type { Lang } from '../../server/src/core/index.ts';

export const SECTION = 'nianbao';

/** The `nianbao` settings for a resource, with the defaults filled in. */
export function readSettings(scope?: vscode.ConfigurationScope): NianbaoSettings {
	const c = vscode.workspace.getConfiguration(SECTION, scope);
	return {
		template: c.get('template', DEFAULT_SETTINGS.template),
		rules: c.get<Record<string, RuleLevel>>('rules', DEFAULT_SETTINGS.rules) ?? {},
		language: c.get('language', DEFAULT_SETTINGS.language),
		inlayHints: { enabled: c.get('inlayHints.enabled', DEFAULT_SETTINGS.inlayHints.enabled) },
		codeLens: { enabled: c.get('codeLens.enabled', DEFAULT_SETTINGS.codeLens.enabled) },
		autoDetect: c.get('autoDetect', DEFAULT_SETTINGS.autoDetect),
		maxDocumentSize: c.get('maxDocumentSize', DEFAULT_SETTINGS.maxDocumentSize),
	};
}

/** The language messages are written in: the setting, or VS Code's display language. */
export function messageLanguage(settings: NianbaoSettings): Lang {
	if (settings.language === 'zh' || settings.language === 'en') return settings.language;
	return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
