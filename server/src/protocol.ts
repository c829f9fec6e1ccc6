/**
 * What the VS Code client and the language server agree on: command ids and settings. Both sides
 * import this file, so they cannot drift apart.
 */

export type RuleLevel = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** The `nianbao` settings section. */
export interface NianbaoSettings {
	/** Report format: detected, or forced. */
	template: 'auto' | '2021' | '2019' | '2008';
	/** Per diagnostic code: a severity, or 'off'. Codes not listed keep their default. */
	rules: Record<string, RuleLevel>;
	/** Language of messages: follow the client's locale, or force one. */
	language: 'auto' | 'zh' | 'en';
	inlayHints: { enabled: boolean };
	codeLens: { enabled: boolean };
	autoDetect: boolean;
	/**
	 * Documents longer than this many UTF-16 characters are not checked: a real report is well
	 * under 200 000, and parsing is synchronous, so a huge file would stall every request.
	 */
	maxDocumentSize?: number;
}

export const DEFAULT_SETTINGS: NianbaoSettings = {
	template: 'auto',
	rules: {},
	language: 'auto',
	inlayHints: { enabled: true },
	codeLens: { enabled: true },
	autoDetect: true,
	maxDocumentSize: 1_000_000,
};

/** Commands the server executes (workspace/executeCommand). */
export const ServerCommands = {
	/** Arguments: [uri: string]. Recomputes every total of the document (applies a workspace edit). */
	fixAll: 'nianbao.server.fixAll',
	/** Arguments: [uri: string, tableIndex: number]. Recomputes every total of one table. */
	fixTable: 'nianbao.server.fixTable',
	/** Arguments: [uri: string]. Rewrites every statistics table as aligned pipe rows (applies a workspace edit). */
	formatTables: 'nianbao.server.formatTables',
} as const;

/** Commands the client contributes (package.json). */
export const ClientCommands = {
	fixAll: 'nianbao.fixAll',
	insertSkeleton: 'nianbao.insertSkeleton',
	checkWorkspace: 'nianbao.checkWorkspace',
	showOutput: 'nianbao.showOutput',
	switchLanguage: 'nianbao.switchToNianbao',
	/** Checks a .docx, .pdf or .html report (explorer or palette): findings in the Problems panel. */
	checkFile: 'nianbao.checkFile',
	/** Opens a .docx, .pdf or .html report as a text report beside it. */
	convertToText: 'nianbao.convertToText',
	formatTables: 'nianbao.formatTables',
	showPreview: 'nianbao.showPreview',
} as const;

export const LANGUAGE_ID = 'nianbao';

/** A request of the client's (params: { textDocument: { uri } }): the report as the preview draws it (PreviewModel), or null. */
export const PREVIEW_REQUEST = 'nianbao/preview';
