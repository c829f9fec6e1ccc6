import { deflateRawSync, inflateRawSync, constants } from 'node:zlib';
import type { YearFacts } from '../core/index.ts';
import { jsonEntry, type FileResult } from './report.ts';

/**
 * A checked file held until the output is written, for JSON output: its entry as compressed
 * JSON text, and its year facts the same way, with what pairing and the exit status need in the
 * clear. A folder of 20,000 reports then holds about 2 KB a report, not the 16 KB of its
 * findings and facts as objects (the entry's text is what JSON output prints anyway).
 */
export interface PackedResult {
	file: string;
	error?: string;
	/** Whether a finding is an error (the exit status). */
	errors: boolean;
	agency?: string;
	year?: number;
	entry: Uint8Array;
	/** Only for a report that names its agency and year: no other is ever paired with another year's. */
	facts?: Uint8Array;
}

// Copied out: zlib's result is a view of its whole output chunk (16 KB), which it would keep alive.
const pack = (value: unknown): Uint8Array => new Uint8Array(deflateRawSync(JSON.stringify(value), { level: constants.Z_BEST_SPEED }));
const unpack = <T>(bytes: Uint8Array): T => JSON.parse(inflateRawSync(bytes).toString('utf8')) as T;

export function packResult(r: FileResult): PackedResult {
	const f = r.facts;
	return {
		file: r.file,
		...(r.error ? { error: r.error } : {}),
		errors: r.findings.some((x) => x.severity === 'error'),
		entry: pack(jsonEntry(r)),
		...(f && f.agency && f.year !== undefined ? { agency: f.agency, year: f.year, facts: pack(f) } : {}),
	};
}

export function entryOf(p: PackedResult): { diagnostics: unknown[] } {
	return unpack(p.entry);
}

export function factsOf(p: PackedResult): YearFacts {
	return unpack(p.facts!);
}
