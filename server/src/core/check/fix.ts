import { cellKey, derivedCells, evaluate, isEmptyTotal, roundSum, ruleInstances, type RuleInstance } from './balance.ts';
import { diagnoseTable, locatedRepairs } from './locate.ts';
import { formatValue } from '../read/cellValue.ts';
import type { Finding, Fix } from './findings.ts';
import type { BoundCell, BoundTable, ReportModel } from '../model.ts';
import { comparePositions, type TextEdit } from '../read/text.ts';

export interface FixAllOptions {
	/** Also remove conversion artefacts (page numbers, web footers, bookmarks). */
	cleanup?: boolean;
}

/**
 * The edits fix-all makes: in each table, the wrong cells its rules locate (totals or items)
 * and the blank totals (see tableFixValues). No rule that holds before fails after, and a
 * second run yields no edits. With `cleanup`, conversion artefacts are removed too.
 */
export function fixAllEdits(model: ReportModel, options: FixAllOptions = {}, findings?: Finding[]): TextEdit[] {
	const edits: TextEdit[] = [];
	for (const table of model.tables) edits.push(...tableFixEdits(model, table));
	if (options.cleanup) {
		const cleanup = findings ? findings.filter((f) => f.code === 'cleanup.artifact').flatMap((f) => f.fix!.edits) : model.artifacts.map((a) => ({ range: a.deleteRange, newText: '' }));
		edits.push(...mergeDeletions(cleanup));
	}
	return edits;
}

/**
 * Joins deletions that overlap or touch: two artefact lines at the very end of a document each
 * take the line break before them, and applied together they must be one edit.
 */
export function mergeDeletions(edits: TextEdit[]): TextEdit[] {
	const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
	const out: TextEdit[] = [];
	for (const e of sorted) {
		const last = out[out.length - 1];
		if (last && last.newText === '' && e.newText === '' && comparePositions(e.range.start, last.range.end) <= 0) {
			if (comparePositions(e.range.end, last.range.end) > 0) last.range = { start: last.range.start, end: e.range.end };
			continue;
		}
		out.push({ range: e.range, newText: e.newText });
	}
	return out;
}

/**
 * The values fix-all writes into one table, by cellKey: the cells the rules locate, when they
 * locate them (see locatedRepairs), and every blank total filled in from its items, repeated
 * until nothing changes (a filled-in total can make a rule checkable that then locates a
 * cell). Located repairs make every rule hold and a blank total is in no rule that holds, so no
 * rule that held before fails after; where the rules do not locate the wrong cells, nothing is
 * written. Guessed cells never are.
 */
export function tableFixValues(model: ReportModel, table: BoundTable): Map<string, { cell: BoundCell; value: number }> {
	const overrides = new Map<string, number>();
	const written = new Map<string, { cell: BoundCell; value: number }>();
	const write = (cell: BoundCell, value: number) => {
		overrides.set(cellKey(cell), value);
		written.set(cellKey(cell), { cell, value });
	};
	// A table said unreadable is never written to: its findings say so.
	// Nor is a table whose numbers were placed by their order alone.
	if (table.unreadable || table.readInOrder || table.blanksLost) return written;
	const derived = derivedCells(model, table);
	const instances = ruleInstances(model, table).filter((i) => i.rule.kind === 'sum' && !i.inferred);
	const limit = instances.length + 2;
	for (let round = 0; round < limit; round++) {
		let changed = false;
		const located = locatedRepairs(diagnoseTable(model, table, overrides), overrides);
		for (const repair of located ?? []) {
			write(repair.cell, repair.value);
			changed = true;
		}
		// Blank totals in dependency order: a row's total before the column total that adds it up.
		for (let filled = true; filled; ) {
			filled = false;
			for (const inst of instances) {
				const ev = evaluate(inst, derived, overrides);
				if (ev.status !== 'blank-target' || inst.target!.inferred || isEmptyTotal(ev)) continue;
				write(inst.target!, ev.expected);
				filled = changed = true;
			}
		}
		if (!changed) break;
	}
	return written;
}

/** The edits of fix-all in one table (fix-all is these for every table), in document order. */
export function tableFixEdits(model: ReportModel, table: BoundTable): TextEdit[] {
	const edits: TextEdit[] = [];
	for (const { cell, value } of tableFixValues(model, table).values()) {
		if (cell.value.kind === 'invalid' || cell.unwritable) continue;
		if (cell.value.kind === 'number' && Math.abs(cell.value.value! - value) < 1e-9) continue;
		edits.push({ range: cell.range, newText: formatValue(value) });
	}
	return edits.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/**
 * Every total of a table recomputed from its items, keyed by cellKey, for the totals that can be
 * computed: items taken as they are, in dependency order. This is how a report is made to
 * balance from its inputs (the benchmark generator); it is not a fix, since a wrong item would
 * be copied into its totals.
 */
export function recomputedValues(model: ReportModel, table: BoundTable): Map<string, { cell: BoundCell; value: number }> {
	const byTarget = new Map<string, RuleInstance[]>();
	for (const inst of ruleInstances(model, table)) {
		if (inst.rule.kind !== 'sum' || inst.inferred) continue;
		const k = cellKey(inst.target!);
		const list = byTarget.get(k);
		if (list) list.push(inst);
		else byTarget.set(k, [inst]);
	}
	const memo = new Map<string, number | undefined>();
	const visiting = new Set<string>();
	const valueOf = (cell: BoundCell): number | undefined => {
		const k = cellKey(cell);
		if (memo.has(k)) return memo.get(k);
		const rules = byTarget.get(k);
		let v: number | undefined;
		if (!rules) v = cell.value.kind === 'number' ? cell.value.value! : cell.value.kind === 'blank' ? 0 : undefined;
		else if (visiting.has(k)) v = undefined;
		else {
			visiting.add(k);
			// The first rule that can be computed defines the cell; all of them agree once inputs are fixed.
			for (const inst of rules) {
				let total = 0;
				let ok = true;
				for (const t of inst.terms) {
					const tv = valueOf(t);
					if (tv === undefined) {
						ok = false;
						break;
					}
					total += tv;
				}
				if (ok) {
					v = roundSum(total);
					break;
				}
			}
			visiting.delete(k);
		}
		memo.set(k, v);
		return v;
	};
	const out = new Map<string, { cell: BoundCell; value: number }>();
	for (const [k, insts] of byTarget) {
		const cell = insts[0].target!;
		const v = valueOf(cell);
		if (v !== undefined) out.set(k, { cell, value: v });
	}
	return out;
}

/** The edits that write every recomputed total of every table (see recomputedValues). */
export function recomputeTotalsEdits(model: ReportModel): TextEdit[] {
	const edits: TextEdit[] = [];
	for (const table of model.tables) {
		// (A table whose numbers were placed by their order alone is never written to.)
		if (table.unreadable || table.readInOrder || table.blanksLost) continue;
		for (const { cell, value } of recomputedValues(model, table).values()) {
			if (cell.value.kind === 'invalid') continue;
			if (cell.value.kind === 'number' && Math.abs(cell.value.value! - value) < 1e-9) continue;
			edits.push({ range: cell.range, newText: formatValue(value) });
		}
	}
	return edits;
}

/**
 * Every fix at once, as `nianbao check --fix` writes it: recomputed totals, removed artefacts and
 * rewritten number formats. Where two fixes name the same cell, the recomputed total wins.
 */
export function allFixEdits(model: ReportModel, findings: Finding[]): TextEdit[] {
	const edits = fixAllEdits(model, { cleanup: true }, findings);
	const taken = edits.map((e) => e.range);
	for (const f of findings) {
		if (f.code !== 'cell.format' || !f.fix) continue;
		const e = f.fix.edits[0];
		if (taken.some((r) => overlaps(r, e.range))) continue;
		edits.push(e);
		taken.push(e.range);
	}
	return edits;
}

function overlaps(a: TextEdit['range'], b: TextEdit['range']): boolean {
	const before = (p: TextEdit['range']['start'], q: TextEdit['range']['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
	return !(before(a.end, b.start) || before(b.end, a.start));
}

/**
 * The findings with no fix or alternative that writes at a cell nothing may be written at (see
 * RawCell.unwritable): the finding stands, only its edit goes.
 */
export function withoutUnwritableFixes(model: ReportModel, findings: Finding[]): Finding[] {
	const unwritable: Array<TextEdit['range']> = [];
	for (const t of model.tables) for (const r of t.rows) for (const c of r.cells.values()) if (c.unwritable) unwritable.push(c.range);
	if (unwritable.length === 0) return findings;
	const writesThere = (fix: Fix | undefined) => fix !== undefined && fix.edits.some((e) => unwritable.some((r) => touches(r, e.range)));
	return findings.map((f) => {
		if (!writesThere(f.fix) && !(f.alternatives ?? []).some(writesThere)) return f;
		const { fix: _fix, alternatives: _alternatives, ...rest } = f;
		return rest;
	});
}

/** Whether an edit writes at the range: the same range (an empty one included), or text shared with it. */
function touches(r: TextEdit['range'], e: TextEdit['range']): boolean {
	if (comparePositions(r.start, e.start) === 0 && comparePositions(r.end, e.end) === 0) return true;
	return comparePositions(e.start, r.end) < 0 && comparePositions(r.start, e.end) < 0;
}
