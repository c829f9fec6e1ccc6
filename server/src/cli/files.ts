import { closeSync, fsyncSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** Text reports, and the documents read directly (Word, PDF, saved web pages). */
const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.nianbao', '.docx', '.pdf', '.html', '.htm', '.shtml']);
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.svn', '.hg']);

export interface FileList {
	files: string[];
	/** Paths that could not be read, with the reason. */
	problems: Array<{ path: string; reason: string }>;
}

/** The report files named by the arguments: files as given, folders searched recursively, sorted. */
export function collectFiles(paths: string[]): FileList {
	const files: string[] = [];
	const problems: FileList['problems'] = [];
	for (const p of paths) {
		let st;
		try {
			st = statSync(p);
		} catch (e) {
			problems.push({ path: p, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String((e as Error).message) });
			continue;
		}
		if (st.isDirectory()) walk(p, files, problems);
		else files.push(p);
	}
	return { files, problems };
}

function walk(dir: string, out: string[], problems: FileList['problems']): void {
	let entries;
	try {
		entries = readdirSync(dir, { withFileTypes: true });
	} catch (e) {
		problems.push({ path: dir, reason: (e as Error).message });
		return;
	}
	entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const e of entries) {
		const p = join(dir, e.name);
		if (e.isDirectory()) {
			if (!SKIPPED_DIRS.has(e.name)) walk(p, out, problems);
		} else if (e.isFile() && REPORT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
	}
}

/**
 * Replaces a file's content atomically: the bytes go to a temporary file beside it, are flushed
 * to disk, and the temporary file is renamed over the original. A crash at any moment leaves
 * either the old file or the new one, never a mix.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
	const tmp = join(dirname(path), `.${basename(path)}.nianbao-${process.pid}-${Date.now()}.tmp`);
	const mode = statSync(path).mode & 0o7777;
	const fd = openSync(tmp, 'w', mode);
	try {
		let written = 0;
		while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
		fsyncSync(fd);
	} catch (e) {
		closeSync(fd);
		try {
			unlinkSync(tmp);
		} catch {
			// the temporary file may not exist; the original is untouched either way
		}
		throw e;
	}
	closeSync(fd);
	renameSync(tmp, path);
}
