import { detach } from './memo.ts';

/**
 * What a document's last version read, kept to read its next version: an edit changes a line or
 * two, and the results of pure readings of the others (a sentence's claims, whether a long line
 * holds a glued table) need no new reading. The caller (the language server, one per open
 * document) keeps it; nothing is shared between documents, and each version keeps only the
 * entries it used, so memory stays that of one version's readings.
 */
export class ReadingReuse {
	private previous = new Map<string, unknown>();
	private current = new Map<string, unknown>();

	/** Starts reading a new version: what the last one used stays available to this one. */
	nextVersion(): void {
		this.previous = this.current;
		this.current = new Map();
	}

	/** The value read for this key by this version or the last, else read now. */
	get<T>(kind: string, key: string, read: () => T): T {
		const k = `${kind}\u0000${key}`;
		let v = this.current.get(k) as T | undefined;
		if (v !== undefined || this.current.has(k)) return v as T;
		v = this.previous.has(k) ? (this.previous.get(k) as T) : read();
		// Detached: a key cut from a document is a view that would keep the whole text alive.
		this.current.set(detach(k), v);
		return v;
	}
}
