/**
 * Scores nianbao's findings on the labelled corpus of real reports (test/corpus/): each document
 * has a NAME.expected.json beside it naming the true findings a careful reviewer raises (and so,
 * that there are no others), how many mandated sections and which tables it really has.
 * Pure: takes the labels, the documents' texts and what the CLI printed; returns the scorecard.
 */
import { TEMPLATES } from '../../server/src/core/index.ts';

export interface ExpectedFinding {
	code: string;
	severity?: 'error' | 'warning';
	/** 1-based line where the finding's range starts. */
	line?: number;
	/** A short exact snippet of the document at or right after the place the finding points to. */
	context?: string;
	/** A finding a reviewer may or may not raise: neither counted as false nor as missed. */
	optional?: boolean;
	why?: string;
}

export interface CorpusLabel {
	source?: unknown;
	route: string;
	agency?: string;
	year?: number;
	format?: string;
	sections?: number;
	tables?: string[];
	findings: ExpectedFinding[];
	/** A document a careful reader could not read either: one *.unreadable finding is the answer. */
	unreadable?: boolean;
	notes?: string;
}

interface Position {
	line: number;
	character: number;
}
export interface ProducedFinding {
	code: string;
	severity: string;
	message: string;
	range: { start: Position; end: Position };
}
export interface ProducedModel {
	sections: Array<{ mandated?: string; range?: { start: Position }; children?: ProducedModel['sections'] }>;
	tables: Array<{ id: string; range?: { start: Position } }>;
}

export interface FileScore {
	file: string;
	route: string;
	falseErrors: ProducedFinding[];
	falseWarnings: ProducedFinding[];
	found: ExpectedFinding[];
	missed: ExpectedFinding[];
	/** Of the missed, those in a part the reader said it could not read (a table.unreadable before them, no table or section read between). */
	missedUnread: ExpectedFinding[];
	/** Labelled errors that were found, but at a lower severity. */
	lowered: ExpectedFinding[];
	/** Why the file was not understood (sections or tables the reader did not find and did not say so); empty when understood. */
	notUnderstood: string[];
	/** The reader said once that it could not read the document or a table. */
	saidUnreadable: boolean;
	counts: { producedErrors: number; producedWarnings: number; trueErrors: number; trueWarnings: number; labelledErrors: number; labelledWarnings: number };
}

/** How far (in UTF-16 units, on the same line) a finding may sit from its labelled context. */
const NEAR = 40;

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
	}
	return starts;
}

/**
 * Where a label's context stands in the text, as offsets of the text: a context may run over a
 * line break the text has and the label's words do not (text a tool wrapped at a fixed width).
 */
function contextPlaces(text: string, context: string): number[] {
	const out: number[] = [];
	for (let k = text.indexOf(context); k >= 0; k = text.indexOf(context, k + 1)) out.push(k);
	if (out.length > 0 || /[\r\n]/.test(context)) return out;
	if (flattened?.text !== text) {
		const at: number[] = [];
		let flat = '';
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 10 || c === 13) continue;
			flat += text[i];
			at.push(i);
		}
		flattened = { text, flat, at };
	}
	for (let k = flattened.flat.indexOf(context); k >= 0; k = flattened.flat.indexOf(context, k + 1)) out.push(flattened.at[k]);
	return out;
}
let flattened: { text: string; flat: string; at: number[] } | undefined;

function matches(label: ExpectedFinding, f: ProducedFinding, text: string, starts: number[]): boolean {
	if (label.code !== f.code) return false;
	if (label.line !== undefined && f.range.start.line + 1 !== label.line) return false;
	if (label.context === undefined) return true;
	const from = (starts[f.range.start.line] ?? 0) + f.range.start.character;
	const to = (starts[f.range.end.line] ?? 0) + f.range.end.character;
	for (const at of contextPlaces(text, label.context)) {
		if (to >= at - NEAR && from <= at + label.context.length + NEAR) return true;
	}
	return false;
}

const UNREADABLE = /\.unreadable$|^document\.(scanned|encrypted|corrupt)/;

/** The titles (zh, en) of the table each balance code is about, from the templates. */
const BALANCE_TABLES: Record<string, string[]> = (() => {
	// (A table's variants count as it: statistics.fujian is a 统计表 too.)
	const titlesOf = (ids: string[]) => Object.values(TEMPLATES).flatMap((t) => t.tables.filter((d) => ids.includes(d.id.split('.')[0])).flatMap((d) => [d.title.zh, d.title.en]));
	const requests = titlesOf(['requests']);
	return {
		'balance.row-total': requests,
		'balance.column-total': requests,
		'balance.identity': requests,
		'balance.subtotal': requests,
		'balance.group-total': titlesOf(['appeals']),
		'balance.stat-sum': titlesOf(['statistics']),
	};
})();

/** Where a label points, as an offset: its context's first place on its line (or in the text), else its line's start. */
function labelOffset(l: ExpectedFinding, text: string, starts: number[]): number | undefined {
	const lineStart = l.line !== undefined ? starts[l.line - 1] : undefined;
	if (l.context !== undefined) {
		const at = contextPlaces(text, l.context).find((k) => k >= (lineStart ?? 0));
		if (at !== undefined) return at;
	}
	return lineStart;
}

/**
 * Whether a missed label lies in a part the reader said it could not read: the nearest place before
 * it where something starts (a table or section the reader read, or an unreadable notice) is an
 * unreadable notice. Such a miss is the reader's honest "cannot read", not a silent loss.
 */
function inUnreadPart(l: ExpectedFinding, text: string, starts: number[], produced: ProducedFinding[], model: ProducedModel | undefined): boolean {
	// A balance finding belongs to one table: the reader's notice names it (text extracted from PDF scatters a table's cells far from its start).
	const titles = BALANCE_TABLES[l.code];
	if (titles && produced.some((f) => UNREADABLE.test(f.code) && titles.some((t) => f.message.includes(t)))) return true;
	const at = labelOffset(l, text, starts);
	if (at === undefined) return false;
	const offset = (p: Position) => (starts[p.line] ?? 0) + p.character;
	const marks: Array<{ at: number; unread: boolean }> = produced.filter((f) => UNREADABLE.test(f.code)).map((f) => ({ at: offset(f.range.start), unread: true }));
	const visit = (sections: ProducedModel['sections']) => {
		for (const s of sections) {
			if (s.range) marks.push({ at: offset(s.range.start), unread: false });
			if (s.children) visit(s.children);
		}
	};
	if (model) {
		for (const t of model.tables) if (t.range) marks.push({ at: offset(t.range.start), unread: false });
		visit(model.sections);
	}
	// At the same place a notice outranks what was read there (a table that was read only in part).
	const before = marks.filter((m) => m.at <= at).sort((a, b) => a.at - b.at || Number(a.unread) - Number(b.unread));
	return before.length > 0 && before[before.length - 1].unread;
}

function mandatedSections(sections: ProducedModel['sections'], into = new Set<string>()): Set<string> {
	for (const s of sections) {
		if (s.mandated) into.add(s.mandated);
		if (s.children) mandatedSections(s.children, into);
	}
	return into;
}

export function scoreFile(file: string, label: CorpusLabel, text: string, produced: ProducedFinding[], model: ProducedModel | undefined): FileScore {
	const starts = lineStarts(text);
	const used = new Set<ProducedFinding>();
	const found: ExpectedFinding[] = [];
	const missed: ExpectedFinding[] = [];
	const lowered: ExpectedFinding[] = [];
	// Labels that name their line first: a label that names none (one of a file's page-chrome lines) takes what is left.
	const ordered = [...label.findings].sort((a, b) => Number(a.line === undefined) - Number(b.line === undefined));
	for (const l of ordered) {
		const hit = produced.find((f) => !used.has(f) && matches(l, f, text, starts));
		if (hit) {
			used.add(hit);
			if (!l.optional) found.push(l);
			if ((l.severity ?? 'error') === 'error' && hit.severity !== 'error' && !l.optional) lowered.push(l);
		} else if (!l.optional) missed.push(l);
	}
	const unmatched = produced.filter((f) => !used.has(f));
	const missedUnread = missed.filter((l) => inUnreadPart(l, text, starts, produced, model));
	const saidUnreadable = produced.some((f) => UNREADABLE.test(f.code));
	const notUnderstood: string[] = [];
	if (model && !saidUnreadable && !label.unreadable) {
		const sections = mandatedSections(model.sections).size;
		if (label.sections !== undefined && sections < label.sections) notUnderstood.push(`${sections} of ${label.sections} sections read`);
		const tables = new Set(model.tables.map((t) => t.id.split('.')[0]));
		const lost = (label.tables ?? []).filter((t) => !tables.has(t));
		if (lost.length) notUnderstood.push(`table${lost.length > 1 ? 's' : ''} not read: ${lost.join(', ')}`);
	}
	if (label.unreadable && !saidUnreadable) notUnderstood.push('unreadable, and not said so');
	const labelled = (sev: string) => label.findings.filter((l) => !l.optional && (l.severity ?? 'error') === sev).length;
	const produces = (sev: string) => produced.filter((f) => f.severity === sev).length;
	return {
		file,
		route: label.route,
		falseErrors: unmatched.filter((f) => f.severity === 'error'),
		falseWarnings: unmatched.filter((f) => f.severity === 'warning'),
		found,
		missed,
		missedUnread,
		lowered,
		notUnderstood,
		saidUnreadable,
		counts: {
			producedErrors: produces('error'),
			producedWarnings: produces('warning'),
			trueErrors: produced.filter((f) => f.severity === 'error' && used.has(f)).length,
			trueWarnings: produced.filter((f) => f.severity === 'warning' && used.has(f)).length,
			labelledErrors: labelled('error'),
			labelledWarnings: labelled('warning'),
		},
	};
}

export interface Totals {
	files: number;
	falseErrors: number;
	falseWarnings: number;
	found: number;
	missed: number;
	missedErrors: number;
	/** Missed errors in parts the reader said it could not read. */
	missedErrorsUnread: number;
	notUnderstood: number;
	saidUnreadable: number;
	precision: { error: number; warning: number };
	recall: { error: number; warning: number };
}

export function totals(scores: FileScore[]): Totals {
	const sum = (f: (s: FileScore) => number) => scores.reduce((n, s) => n + f(s), 0);
	const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
	const labelledFound = (sev: string) => sum((s) => s.found.filter((l) => (l.severity ?? 'error') === sev).length);
	return {
		files: scores.length,
		falseErrors: sum((s) => s.falseErrors.length),
		falseWarnings: sum((s) => s.falseWarnings.length),
		found: sum((s) => s.found.length),
		missed: sum((s) => s.missed.length),
		missedErrors: sum((s) => s.missed.filter((l) => (l.severity ?? 'error') === 'error').length),
		missedErrorsUnread: sum((s) => s.missedUnread.filter((l) => (l.severity ?? 'error') === 'error').length),
		notUnderstood: scores.filter((s) => s.notUnderstood.length > 0).length,
		saidUnreadable: scores.filter((s) => s.saidUnreadable).length,
		precision: {
			error: ratio(sum((s) => s.counts.trueErrors), sum((s) => s.counts.producedErrors)),
			warning: ratio(sum((s) => s.counts.trueWarnings), sum((s) => s.counts.producedWarnings)),
		},
		recall: {
			error: ratio(labelledFound('error'), sum((s) => s.counts.labelledErrors)),
			warning: ratio(labelledFound('warning'), sum((s) => s.counts.labelledWarnings)),
		},
	};
}
