import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { NianbaoSettings } from '../protocol.ts';
import { Analysis } from './analysis.ts';
import { ReadingReuse } from '../core/index.ts';

/**
 * The open documents and, for each, the analysis of its current version. A request for a
 * version already analysed is answered from the cache; a new version replaces the old analysis,
 * so memory holds one model per open document.
 */
export class DocumentStore {
	readonly documents = new TextDocuments(TextDocument);
	private readonly cache = new Map<string, Analysis>();
	/** Per open document, what its last version read (core/reuse.ts): an edit re-reads only what it changed. */
	private readonly reuse = new Map<string, ReadingReuse>();

	constructor(
		private readonly settings: () => NianbaoSettings,
		/** Told of every parse (the server traces it: `$/setTrace` verbose shows what a request cost). */
		private readonly onParsed: (uri: string, version: number, ms: number) => void = () => {},
	) {
		// A replaced or closed version's analysis (and with it that version's text) is let go at once.
		this.documents.onDidChangeContent((e) => {
			if (this.cache.get(e.document.uri)?.version !== e.document.version) this.cache.delete(e.document.uri);
		});
		this.documents.onDidClose((e) => {
			this.cache.delete(e.document.uri);
			this.reuse.delete(e.document.uri);
		});
	}

	get(uri: string): TextDocument | undefined {
		return this.documents.get(uri);
	}

	/** The analysis of the document's current version, parsing it if nobody has yet. */
	analysis(uri: string): Analysis | undefined {
		const doc = this.documents.get(uri);
		if (!doc) return undefined;
		const settings = this.settings();
		const cached = this.cache.get(uri);
		if (cached && cached.version === doc.version && cached.settings === settings) return cached;
		const text = doc.getText();
		const t0 = performance.now();
		let reuse = this.reuse.get(uri);
		if (!reuse) this.reuse.set(uri, (reuse = new ReadingReuse()));
		const a = new Analysis(uri, doc.version, text.length, text, settings, reuse);
		this.onParsed(uri, doc.version, performance.now() - t0);
		this.cache.set(uri, a);
		return a;
	}

	/** Whether `analysis(uri)` would answer without parsing. */
	isCached(uri: string): boolean {
		const doc = this.documents.get(uri);
		const cached = this.cache.get(uri);
		return !!doc && !!cached && cached.version === doc.version && cached.settings === this.settings();
	}

	all(): TextDocument[] {
		return this.documents.all();
	}
}
