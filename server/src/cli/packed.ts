import { deflateRawSync, inflateRawSync, constants } from 'node:zlib';
import type { YearFacts } from '../core/index.ts';
import { detach } from '../core/memo.ts';
import { entryText, jsonEntry, type FileResult } from './report.ts';

/**
 * A checked file held until the output is written, for JSON output: its entry as the JSON text
 * the output prints, and its year facts as JSON text, both compressed, with what pairing and the
 * exit status need in the clear. A folder of 20,000 reports then holds well under 1 KB a report,
 * not the 16 KB of its findings and facts as objects.
 *
 * Texts are compressed many files together (a chunk of about CHUNK_BYTES), not one by one: a
 * zlib call costs about as much to set up as a small report's entry takes to compress, and the
 * entries of one folder share most of their words.
 */
export interface PackedResult {
	file: string;
	error?: string;
	/** Whether a finding is an error (the exit status). */
	errors: boolean;
	agency?: string;
	year?: number;
	/** The entry as formatted in the output (JSON.stringify(entry, null, 1), indented one space more). */
	entry: PackedText;
	/** Only for a report that names its agency and year: no other is ever paired with another year's. */
	facts?: PackedText;
}

/** Texts compressed together; `bytes` is set once the chunk is sealed. */
interface Chunk {
	bytes?: Uint8Array;
}

/** One text inside a chunk: its UTF-8 bytes start..end once inflated. */
export interface PackedText {
	chunk: Chunk;
	start: number;
	end: number;
}

const CHUNK_BYTES = 64 * 1024;
/**
 * Facts are read only for the reports that pair, last year's in no order (the first report of an
 * agency, again and again): small chunks, so that reading one inflates little.
 */
const FACTS_CHUNK_BYTES = 8 * 1024;

/** Collects texts into chunks; a chunk is compressed when full, and the last one by seal(). */
class Packer {
	constructor(private readonly chunkBytes: number) {}

	private parts: Buffer[] = [];
	private size = 0;
	private chunk: Chunk = {};

	add(text: string): PackedText {
		const bytes = Buffer.from(text, 'utf8');
		const at: PackedText = { chunk: this.chunk, start: this.size, end: this.size + bytes.length };
		this.parts.push(bytes);
		this.size += bytes.length;
		if (this.size >= this.chunkBytes) this.seal();
		return at;
	}

	seal(): void {
		if (this.parts.length === 0) return;
		// Copied out: zlib's result is a view of its whole output buffer, which it would keep alive.
		this.chunk.bytes = new Uint8Array(deflateRawSync(Buffer.concat(this.parts, this.size), { level: constants.Z_BEST_SPEED }));
		this.parts = [];
		this.size = 0;
		this.chunk = {};
	}
}

// Entries and facts apart: entries are read once, in order; facts only for the reports that pair, in any order.
const entries = new Packer(CHUNK_BYTES);
const facts = new Packer(FACTS_CHUNK_BYTES);

/** Compresses what is still pending: before results leave a worker, and before any is read. */
export function sealPacked(): void {
	entries.seal();
	facts.seal();
}

export function packResult(r: FileResult): PackedResult {
	const f = r.facts;
	return {
		file: r.file,
		...(r.error ? { error: r.error } : {}),
		errors: r.findings.some((x) => x.severity === 'error'),
		entry: entries.add(entryText(jsonEntry(r))),
		// The agency's name is cut out of the report's text: kept as it is, it would keep the whole text alive.
		...(f && f.agency && f.year !== undefined ? { agency: detach(f.agency), year: f.year, facts: facts.add(JSON.stringify(f)) } : {}),
	};
}

/**
 * The chunks used last, inflated (least recently used first): entries are read in order; facts of
 * pairs in any order, last year's reports often again and again (the first of an agency's).
 */
const inflated = new Map<Chunk, Buffer>();
const KEEP_INFLATED = 8;

function textOf(p: PackedText): string {
	if (!p.chunk.bytes) sealPacked();
	let bytes = inflated.get(p.chunk);
	if (bytes) inflated.delete(p.chunk);
	else {
		bytes = inflateRawSync(p.chunk.bytes!);
		if (inflated.size >= KEEP_INFLATED) inflated.delete(inflated.keys().next().value!);
	}
	inflated.set(p.chunk, bytes);
	return bytes.toString('utf8', p.start, p.end);
}

/** The entry's text as the output prints it. */
export function entryTextOf(p: PackedResult): string {
	return textOf(p.entry);
}

export function entryOf(p: PackedResult): { diagnostics: unknown[] } {
	return JSON.parse(textOf(p.entry)) as { diagnostics: unknown[] };
}

export function factsOf(p: PackedResult): YearFacts {
	return JSON.parse(textOf(p.facts!)) as YearFacts;
}
