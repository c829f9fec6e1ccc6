/**
 * Writes the extension's part of package.json (contributes, activationEvents, capabilities, …) and
 * its translations (package.nls.json, package.nls.zh-cn.json) from one place, with the
 * `nianbao.rules` schema generated from the core's CODES so the two cannot drift apart.
 *
 *   npx tsx tools/manifest.ts          rewrite the files
 *   npx tsx tools/manifest.ts --check  exit 1 if they are out of date
 *
 * Only the keys listed in OWNED are touched; package.json is read, modified and written in one go
 * so concurrent edits to other keys (scripts, dependencies) are kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, TEMPLATES } from '../server/src/core/index.ts';
import { ClientCommands, DEFAULT_SETTINGS, LANGUAGE_ID } from '../server/src/protocol.ts';

const ROOT = join(__dirname, '..');
const LEVELS = ['off', 'hint', 'information', 'warning', 'error'] as const;

type Strings = Record<string, { en: string; zh: string }>;

const S: Strings = {
	displayName: { en: 'nianbao — Government Information Disclosure Annual Reports', zh: '年报 — 政府信息公开工作年度报告检查' },
	description: {
		en: 'Checks 政府信息公开工作年度报告 (government information disclosure annual reports): mandated sections, statistics tables and their totals, with fixes.',
		zh: '检查政府信息公开工作年度报告：规定章节、统计表及其勾稽关系，并可一键修正合计。',
	},
	'category': { en: 'nianbao', zh: '年报' },
	'command.fixAll': { en: 'Fix All Totals', zh: '修正全部合计' },
	'command.formatTables': { en: 'Rewrite Tables as Aligned Pipe Rows', zh: '统计表转为对齐的竖线表格' },
	'command.showPreview': { en: 'Open Preview to the Side', zh: '在侧边打开预览' },
	'command.insertSkeleton': { en: 'Insert Official 2021 Report Skeleton…', zh: '插入 2021 年官方报告框架…' },
	'command.checkWorkspace': { en: 'Check All Reports in the Workspace', zh: '检查工作区中的全部年报' },
	'command.showOutput': { en: 'Show Output', zh: '显示输出' },
	'command.switchToNianbao': { en: 'Treat This File as an Annual Report', zh: '将此文件作为政府信息公开年报' },
	'command.checkFile': { en: 'Check This File', zh: '检查此文件' },
	'command.convertToText': { en: 'Convert to a Text Report', zh: '转为文本报告' },
	'config.title': { en: 'nianbao (annual reports)', zh: '年报（政府信息公开工作年度报告）' },
	'config.template': {
		en: 'The official report format to check against. `auto` reads it from the tables and the report year.',
		zh: '按哪一种官方格式检查。`auto` 根据统计表和报告年度自动判断。',
	},
	'config.template.auto': { en: 'Detect from the tables, else from the report year.', zh: '根据统计表判断，否则根据报告年度判断。' },
	'config.template.2021': { en: TEMPLATES['2021'].name.en + ': reports for 2021 onwards.', zh: TEMPLATES['2021'].name.zh + '：2021 年度起的报告。' },
	'config.template.2019': { en: TEMPLATES['2019'].name.en + ': reports for 2019 and 2020.', zh: TEMPLATES['2019'].name.zh + '：2019、2020 年度的报告。' },
	'config.template.2008': { en: TEMPLATES['2008'].name.en + ': reports for 2008 to 2018.', zh: TEMPLATES['2008'].name.zh + '：2008 至 2018 年度的报告。' },
	'config.rules': {
		en: 'Severity of each check, by diagnostic code: `off`, `hint`, `information`, `warning` or `error`. Codes not listed keep their default severity.',
		zh: '各项检查的严重级别（按诊断代码）：`off`（关闭）、`hint`、`information`、`warning` 或 `error`。未列出的代码保持默认级别。',
	},
	'config.rules.level.off': { en: 'Do not report.', zh: '不报告。' },
	'config.rules.level.hint': { en: 'Show as a hint (faint dots, not in the Problems panel).', zh: '作为提示显示（淡色虚线，不进入“问题”面板）。' },
	'config.rules.level.information': { en: 'Show as information.', zh: '作为信息显示。' },
	'config.rules.level.warning': { en: 'Show as a warning.', zh: '作为警告显示。' },
	'config.rules.level.error': { en: 'Show as an error.', zh: '作为错误显示。' },
	'config.language': {
		en: 'Language of the messages: follow VS Code\'s display language, or always Chinese or English.',
		zh: '提示信息的语言：跟随 VS Code 显示语言，或固定为中文、英文。',
	},
	'config.language.auto': { en: 'Follow VS Code\'s display language.', zh: '跟随 VS Code 显示语言。' },
	'config.language.zh': { en: 'Chinese.', zh: '中文。' },
	'config.language.en': { en: 'English.', zh: '英文。' },
	'config.inlayHints.enabled': {
		en: 'Show each number\'s column label beside it where the layout hides the column (one cell a line: tab cells, `0 |` lines) (inlay hints).',
		zh: '在看不出列的版式（每行一个单元格：制表符单元格、“0 |”行）中，在数字旁显示其所在列的名称（内嵌提示）。',
	},
	'config.codeLens.enabled': {
		en: 'Show a summary above each statistics table with an action to recompute its totals (CodeLens).',
		zh: '在每张统计表上方显示核对结果和“重新计算合计”操作（CodeLens）。',
	},
	'config.autoDetect': {
		en: 'Switch a plain-text file to the annual-report language when its content looks like a report (title, mandated headings or statistics tables).',
		zh: '纯文本文件的内容像年报（标题、规定章节或统计表）时，自动切换为年报语言模式。',
	},
	'config.maxDocumentSize': {
		en: 'Documents longer than this many characters are not checked (a real report has well under 200,000).',
		zh: '超过此字符数的文档不做检查（真实年报一般远少于 20 万字符）。',
	},
	'config.trace.server': { en: 'Traces the communication between VS Code and the nianbao language server (in the "nianbao" output).', zh: '在“nianbao”输出中记录 VS Code 与年报语言服务器之间的通信。' },
	'capabilities.virtualWorkspaces': {
		en: 'Checking open reports works in virtual workspaces; "Check All Reports in the Workspace" needs file search, which some virtual file systems lack.',
		zh: '在虚拟工作区中可以检查已打开的年报；“检查工作区中的全部年报”需要文件搜索，部分虚拟文件系统不支持。',
	},
};

// One string per diagnostic code, from the core's titles.
for (const [code, info] of Object.entries(CODES)) {
	S[`config.rules.${code}`] = {
		en: `${info.title.en}. Default: \`${info.severity}\`.`,
		zh: `${info.title.zh}。默认：\`${info.severity}\`。`,
	};
}

const nls = (key: string) => {
	if (!S[key]) throw new Error(`no string ${key}`);
	return `%${key}%`;
};

const category = nls('category');
const command = (id: string, key: string, icon?: string) => ({ command: id, title: nls(key), category, ...(icon ? { icon } : {}) });
const whenReport = `editorLangId == ${LANGUAGE_ID}`;
/** A Word, PDF or web-page file in the explorer: read directly by the documents commands. */
const whenDocument = 'resourceExtname =~ /^\\.(docx|pdf|html?|shtml)$/i';

const rulesProperties = Object.fromEntries(
	Object.entries(CODES).map(([code]) => [
		code,
		{
			type: 'string',
			enum: LEVELS,
			enumDescriptions: LEVELS.map((l) => nls(`config.rules.level.${l}`)),
			markdownDescription: nls(`config.rules.${code}`),
		},
	]),
);

const manifest: Record<string, unknown> = {
	displayName: nls('displayName'),
	description: nls('description'),
	categories: ['Programming Languages', 'Linters'],
	keywords: ['政府信息公开', '年度报告', '年报', '政务公开', 'government', 'disclosure', 'annual report', 'chinese', 'lsp'],
	galleryBanner: { color: '#9E1B1B', theme: 'dark' },
	main: './dist/extension.js',
	l10n: './l10n',
	activationEvents: [`onLanguage:${LANGUAGE_ID}`, 'onLanguage:plaintext'],
	capabilities: {
		untrustedWorkspaces: { supported: true },
		virtualWorkspaces: { supported: 'limited', description: nls('capabilities.virtualWorkspaces') },
	},
	contributes: {
		languages: [
			{
				id: LANGUAGE_ID,
				aliases: ['政府信息公开年报', 'Government Disclosure Report', LANGUAGE_ID],
				extensions: ['.nianbao'],
				filenamePatterns: ['*年度报告*.txt', '*年报*.txt'],
				configuration: './language-configuration.json',
			},
		],
		grammars: [{ language: LANGUAGE_ID, scopeName: 'text.nianbao', path: './syntaxes/nianbao.tmLanguage.json' }],
		commands: [
			command(ClientCommands.fixAll, 'command.fixAll'),
			command(ClientCommands.formatTables, 'command.formatTables'),
			command(ClientCommands.showPreview, 'command.showPreview', '$(open-preview)'),
			command(ClientCommands.insertSkeleton, 'command.insertSkeleton'),
			command(ClientCommands.checkWorkspace, 'command.checkWorkspace'),
			command(ClientCommands.showOutput, 'command.showOutput'),
			command(ClientCommands.switchLanguage, 'command.switchToNianbao'),
			command(ClientCommands.checkFile, 'command.checkFile'),
			command(ClientCommands.convertToText, 'command.convertToText'),
		],
		menus: {
			commandPalette: [
				{ command: ClientCommands.fixAll, when: whenReport },
				{ command: ClientCommands.formatTables, when: whenReport },
				{ command: ClientCommands.showPreview, when: whenReport },
				{ command: ClientCommands.switchLanguage, when: `editorIsOpen && editorLangId != ${LANGUAGE_ID}` },
				{ command: ClientCommands.checkWorkspace, when: 'workspaceFolderCount > 0' },
				{ command: ClientCommands.checkFile },
				{ command: ClientCommands.convertToText },
			],
			'editor/context': [
				{ command: ClientCommands.fixAll, when: whenReport, group: '1_modification@90' },
				{ command: ClientCommands.formatTables, when: whenReport, group: '1_modification@91' },
			],
			'editor/title': [{ command: ClientCommands.showPreview, when: whenReport, group: 'navigation' }],
			'explorer/context': [
				{ command: ClientCommands.checkFile, when: whenDocument, group: '7_nianbao@1' },
				{ command: ClientCommands.convertToText, when: whenDocument, group: '7_nianbao@2' },
			],
		},
		configuration: {
			title: nls('config.title'),
			properties: {
				'nianbao.template': {
					type: 'string',
					enum: ['auto', '2021', '2019', '2008'],
					enumDescriptions: ['auto', '2021', '2019', '2008'].map((t) => nls(`config.template.${t}`)),
					default: 'auto',
					scope: 'resource',
					markdownDescription: nls('config.template'),
					order: 1,
				},
				'nianbao.rules': {
					type: 'object',
					default: {},
					scope: 'resource',
					markdownDescription: nls('config.rules'),
					properties: rulesProperties,
					additionalProperties: false,
					order: 2,
				},
				'nianbao.language': {
					type: 'string',
					enum: ['auto', 'zh', 'en'],
					enumDescriptions: ['auto', 'zh', 'en'].map((l) => nls(`config.language.${l}`)),
					default: 'auto',
					scope: 'window',
					markdownDescription: nls('config.language'),
					order: 3,
				},
				'nianbao.inlayHints.enabled': { type: 'boolean', default: true, scope: 'resource', markdownDescription: nls('config.inlayHints.enabled'), order: 4 },
				'nianbao.codeLens.enabled': { type: 'boolean', default: true, scope: 'resource', markdownDescription: nls('config.codeLens.enabled'), order: 5 },
				'nianbao.autoDetect': { type: 'boolean', default: true, scope: 'resource', markdownDescription: nls('config.autoDetect'), order: 6 },
				// Present once the protocol has it (the server's guard against huge files).
				...('maxDocumentSize' in DEFAULT_SETTINGS
					? {
							'nianbao.maxDocumentSize': {
								type: 'number',
								default: (DEFAULT_SETTINGS as { maxDocumentSize?: number }).maxDocumentSize,
								minimum: 1000,
								scope: 'resource',
								markdownDescription: nls('config.maxDocumentSize'),
								order: 8,
							},
						}
					: {}),
				'nianbao.trace.server': {
					type: 'string',
					enum: ['off', 'messages', 'verbose'],
					default: 'off',
					scope: 'window',
					description: nls('config.trace.server'),
					order: 7,
				},
			},
		},
		configurationDefaults: {
			[`[${LANGUAGE_ID}]`]: {
				'editor.wordWrap': 'on',
				// Full-width punctuation is normal in a Chinese report; don't box it for English UIs.
				'editor.unicodeHighlight.ambiguousCharacters': false,
				'editor.unicodeHighlight.invisibleCharacters': false,
			},
		},
	},
};

/** The package.json keys this script owns. */
const OWNED = Object.keys(manifest);

function stringify(o: unknown): string {
	return JSON.stringify(o, null, 2) + '\n';
}

function nlsFile(lang: 'en' | 'zh'): string {
	return stringify(Object.fromEntries(Object.keys(S).sort().map((k) => [k, S[k][lang]])));
}

const pkgPath = join(ROOT, 'package.json');
const files: Record<string, string> = {
	'package.nls.json': nlsFile('en'),
	'package.nls.zh-cn.json': nlsFile('zh'),
};

const check = process.argv.includes('--check');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as Record<string, unknown>;
const stale: string[] = [];
for (const [k, v] of Object.entries(manifest)) if (JSON.stringify(pkg[k]) !== JSON.stringify(v)) stale.push(`package.json#${k}`);
for (const [f, text] of Object.entries(files)) {
	let current = '';
	try {
		current = readFileSync(join(ROOT, f), 'utf8');
	} catch {}
	if (current !== text) stale.push(f);
}
if (check) {
	if (stale.length) {
		console.error(`out of date: ${stale.join(', ')} (run npx tsx tools/manifest.ts)`);
		process.exit(1);
	}
	console.log('manifest up to date');
} else {
	// Keep the key order of the existing file; new keys go after "description".
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(pkg)) {
		out[k] = k in manifest ? manifest[k] : v;
		if (k === 'description') for (const m of OWNED) if (!(m in pkg)) out[m] = manifest[m];
	}
	for (const m of OWNED) if (!(m in out)) out[m] = manifest[m];
	writeFileSync(pkgPath, stringify(out));
	for (const [f, text] of Object.entries(files)) writeFileSync(join(ROOT, f), text);
	console.log(stale.length ? `updated: ${stale.join(', ')}` : 'nothing to update');
}
