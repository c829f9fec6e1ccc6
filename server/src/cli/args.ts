import type { Lang, TemplateId } from '../core/index.ts';

export interface CliOptions {
	command: 'check' | 'extract' | 'convert' | 'help' | 'version';
	/** check: text, json, sarif or html; extract: json, csv or jsonl. */
	format: 'text' | 'json' | 'sarif' | 'html' | 'csv' | 'jsonl';
	fix: boolean;
	template: TemplateId | 'auto';
	lang: Lang;
	/** Worker threads to use; undefined lets the CLI decide from the number of files and cores. */
	jobs?: number;
	/** convert: the file or folder to write to (-o). */
	output?: string;
	/** convert: overwrite an existing text file. */
	force?: boolean;
	paths: string[];
}

export class UsageError extends Error {}

const TEMPLATES = ['auto', '2021', '2019', '2008'];

export function parseArgs(argv: string[]): CliOptions {
	const opts: CliOptions = { command: 'help', format: 'text', fix: false, template: 'auto', lang: 'zh', paths: [] };
	const args = [...argv];
	const first = args[0];
	if (first === undefined || first === '-h' || first === '--help' || first === 'help') return opts;
	if (first === '-v' || first === '--version') return { ...opts, command: 'version' };
	if (first !== 'check' && first !== 'extract' && first !== 'convert') throw new UsageError(`unknown command "${first}" (expected check, extract or convert)`);
	opts.command = first;
	args.shift();
	const value = (name: string, v: string | undefined): string => {
		if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
		return v;
	};
	while (args.length > 0) {
		const a = args.shift()!;
		if (a === '--') {
			opts.paths.push(...args.splice(0));
			break;
		}
		if ((a === '-o' || a === '--output') && opts.command === 'convert') {
			opts.output = value(a, args.shift());
			continue;
		}
		if (!a.startsWith('--') || a === '-') {
			opts.paths.push(a);
			continue;
		}
		const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
		switch (name) {
			case '--format': {
				const v = value(name, inline ?? args.shift());
				const allowed = opts.command === 'extract' ? ['json', 'csv', 'jsonl'] : ['text', 'json', 'sarif', 'html'];
				if (!allowed.includes(v)) throw new UsageError(`--format must be ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}, not "${v}"`);
				opts.format = v as CliOptions['format'];
				break;
			}
			case '--template': {
				const v = value(name, inline ?? args.shift());
				if (!TEMPLATES.includes(v)) throw new UsageError(`--template must be one of ${TEMPLATES.join(', ')}, not "${v}"`);
				opts.template = v as CliOptions['template'];
				break;
			}
			case '--lang': {
				const v = value(name, inline ?? args.shift());
				if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang must be zh or en, not "${v}"`);
				opts.lang = v;
				break;
			}
			case '--jobs': {
				const v = value(name, inline ?? args.shift());
				const n = Number(v);
				if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, not "${v}"`);
				opts.jobs = n;
				break;
			}
			case '--fix':
				if (opts.command !== 'check') throw new UsageError('--fix goes with check');
				opts.fix = true;
				break;
			case '--output':
				if (opts.command !== 'convert') throw new UsageError('--output goes with convert');
				opts.output = value(name, inline ?? args.shift());
				break;
			case '--force':
				if (opts.command !== 'convert') throw new UsageError('--force goes with convert');
				opts.force = true;
				break;
			case '--help':
				return { ...opts, command: 'help' };
			default:
				throw new UsageError(`unknown option ${name}`);
		}
	}
	if (opts.paths.length === 0) throw new UsageError('no files or folders given');
	return opts;
}

export const USAGE = `Usage:
  nianbao check [--format text|json|sarif|html] [--fix] [--template auto|2021|2019|2008] [--lang zh|en] [--jobs N] PATH...
  nianbao extract [--format json|csv|jsonl] [--template auto|2021|2019|2008] [--jobs N] PATH...
  nianbao convert [-o OUT] [--force] FILE...

Checks 政府信息公开工作年度报告 (government information disclosure annual reports).
PATH is a file or a folder; folders are searched recursively for *.txt, *.md, *.nianbao and the
documents *.docx, *.pdf, *.html, *.htm, *.shtml (read directly; findings name page, table, row, column).
convert writes a document as a text report in the pipe-row layout: NAME.txt beside it, or -o OUT.
Files may be UTF-8, UTF-16 or GBK; --fix keeps the encoding, BOM and line endings.
With many files the work is spread over worker threads (--jobs N sets how many; 1 turns them off).

Exit status: 0 no errors, 1 some error-severity finding, 2 bad usage or unreadable input.`;
