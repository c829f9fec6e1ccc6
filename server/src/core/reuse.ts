import { detach } from './memo.ts';

/**
 * What a document's last version read, kept to read its next version: an edit changes a line or
 * two, and the results of pure readings of the others (a sentence's claims, whether a long line
 * holds a glued table, whether a line is a web page's furniture) need no new reading. The caller
 * (the language server, one per open document) keeps it; nothing is shared between documents, and
 * each version keeps only the entries it used, so memory stays that of one version's readings.
 */
export class ReadingReuse {
	/** By kind of reading, then by key: the value read and the key's own detached copy (made once, when the key was first seen). */
	private previous = new Map<string, Map<string, Entry>>();
	private current = new Map<string, Map<string, Entry>>();

	/** Starts reading a new version: what the last one used stays available to this one. */
	nextVersion(): void {
		this.previous = this.current;
		this.current = new Map();
	}

	/**
	 * The value read for this key by this version or the last, else read now. `kind` names the
	 * reading and whatever else its value depends on (the template, the year); kinds are few, so
	 * they key maps of their own and the key, often a whole line, is never copied to look it up.
	 */
	get<T>(kind: string, key: string, read: () => T): T {
		let current = this.current.get(kind);
		if (!current) this.current.set(kind, (current = new Map()));
		const hit = current.get(key);
		if (hit) return hit.value as T;
		// Detached: a key cut from a document is a view that would keep the whole text alive.
		const entry = this.previous.get(kind)?.get(key) ?? { key: detach(key), value: read() };
		current.set(entry.key, entry);
		return entry.value as T;
	}
}

interface Entry {
	key: string;
	value: unknown;
}
