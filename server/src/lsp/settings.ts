import type { Lang } from '../core/index.ts';
import { DEFAULT_SETTINGS, type NianbaoSettings, type RuleLevel } from '../protocol.ts';

const LEVELS: ReadonlySet<string> = new Set(['off', 'hint', 'information', 'warning', 'error']);
const TEMPLATES: ReadonlySet<string> = new Set(['auto', '2021', '2019', '2008']);

/**
 * Settings as the client sent them, made whole: every missing or ill-typed field falls back to
 * its default, so a typo in settings.json cannot break the server.
 */
export function normalizeSettings(raw: unknown): NianbaoSettings {
	const r = isObject(raw) ? raw : {};
	const rules: Record<string, RuleLevel> = {};
	if (isObject(r.rules)) for (const [code, level] of Object.entries(r.rules)) if (typeof level === 'string' && LEVELS.has(level)) rules[code] = level as RuleLevel;
	return {
		template: typeof r.template === 'string' && TEMPLATES.has(r.template) ? (r.template as NianbaoSettings['template']) : DEFAULT_SETTINGS.template,
		rules,
		language: r.language === 'zh' || r.language === 'en' ? r.language : 'auto',
		inlayHints: { enabled: flag(r.inlayHints, DEFAULT_SETTINGS.inlayHints.enabled) },
		codeLens: { enabled: flag(r.codeLens, DEFAULT_SETTINGS.codeLens.enabled) },
		autoDetect: typeof r.autoDetect === 'boolean' ? r.autoDetect : DEFAULT_SETTINGS.autoDetect,
		maxDocumentSize: typeof r.maxDocumentSize === 'number' && r.maxDocumentSize > 0 ? r.maxDocumentSize : DEFAULT_SETTINGS.maxDocumentSize,
	};
}

/** zh, zh-cn, zh-tw … read Chinese; every other locale reads English. */
export function langOfLocale(locale: string | undefined): Lang {
	return locale && /^zh(?:$|[-_])/i.test(locale) ? 'zh' : 'en';
}

export function resolveLang(settings: NianbaoSettings, locale: string | undefined): Lang {
	return settings.language === 'auto' ? langOfLocale(locale) : settings.language;
}

function flag(v: unknown, fallback: boolean): boolean {
	return isObject(v) && typeof v.enabled === 'boolean' ? v.enabled : fallback;
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}
