import { formatValue } from '../../read/cellValue.ts';
import { COMPLETION_CLAIMS, OUTCOME_CLAIMS } from '../../bind/claims/patterns.ts';
import { followsDirectly, sentencePosition, sentenceRange as rangeInSentence } from '../../bind/claims/find.ts';
import { cellAt, derivedCells, evaluate, ruleInstances } from '../balance.ts';
import { CODES, message, type Finding, type Lang } from '../findings.ts';
import type { BoundCell, ReportModel, Sentence } from '../../model.ts';
import { cellName, columnName } from '../../features/names.ts';
import type { Range } from '../../read/text.ts';

/** Prose against tables: claimed numbers, outcome claims, percentages and breakdowns. */
export function claimFindings(model: ReportModel, lang: Lang): Finding[] {
	return [...mismatches(model, lang), ...outcomes(model, lang), ...completions(model, lang), ...arithmetic(model, lang)];
}

function mismatches(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	let sums: Map<BoundCell, number> | undefined;
	for (const claim of model.claims) {
		if (claim.cells.length === 0 || claim.cells.some((c) => c.inferred || (c.value.kind !== 'number' && c.value.kind !== 'blank'))) continue;
		// A total the table leaves blank (上海's rows fill their items, not their 总计) is the sum of its items.
		sums ??= blankTotalSums(model);
		const values = claim.cells.map((c) => (c.value.kind === 'number' ? c.value.value! : sums!.get(c)));
		if (values.some((v) => v === undefined)) continue;
		const actual = values.reduce((a: number, v) => a + v!, 0);
		if (actual === claim.value || agreesWithOtherCount(claim.alsoCounts, claim.value)) continue;
		const cells = claim.cells.map((c) => cellName(model, c, lang)).join(' + ');
		out.push({
			code: 'claim.mismatch',
			severity: CODES['claim.mismatch'].severity,
			message: message('claim.mismatch', lang, { subject: claim.subject[lang], claimed: claim.value, text: claim.text, actual: formatValue(actual), cells }),
			range: claim.valueRange,
			related: claim.cells.map((c, k) => ({ range: c.range, message: `${cellName(model, c, lang)} = ${formatValue(values[k]!)}` })),
			data: { claim: claim.id, claimed: claim.value, actual },
		});
	}
	return out;
}

function agreesWithOtherCount(cells: BoundCell[] | undefined, value: number): boolean {
	if (!cells || cells.length === 0 || cells.some((c) => c.inferred || c.value.kind !== 'number')) return false;
	return cells.reduce((a, c) => a + c.value.value!, 0) === value;
}

/** Each blank total whose items are filled in, with the sum of its items (a table's sum rules, read as they stand). */
function blankTotalSums(model: ReportModel): Map<BoundCell, number> {
	const out = new Map<BoundCell, number>();
	for (const table of model.tables) {
		if (table.unreadable) continue;
		const derived = derivedCells(model, table);
		for (const inst of ruleInstances(model, table)) {
			if (inst.rule.kind !== 'sum' || inst.inferred || !inst.target || out.has(inst.target)) continue;
			const ev = evaluate(inst, derived);
			if (ev.status === 'blank-target' && inst.terms.some((c) => c.value.kind === 'number')) out.set(inst.target, ev.expected);
		}
	}
	return out;
}

function outcomes(model: ReportModel, lang: Lang): Finding[] {
	const table = model.tables.find((t) => t.def.id === 'appeals');
	const row = table?.byKey.get('cases');
	if (!table || !row) return [];
	const out: Finding[] = [];
	for (const s of model.sentences) {
		const review = s.text.includes('复议');
		const suit = s.text.includes('诉讼');
		if (!review && !suit) continue;
		for (const claim of OUTCOME_CLAIMS) {
			const m = claim.pattern.exec(s.text);
			if (!m) continue;
			const groups = [...(review ? ['review'] : []), ...(suit ? ['suit', 'suitAfterReview'] : [])];
			const against = groups.flatMap((g) => claim.contradictedBy.map((o) => row.cells.get(`${g}.${o}`))).filter((c): c is BoundCell => c?.value.kind === 'number' && c.value.value! > 0 && !c.inferred);
			if (against.length === 0) continue;
			const what = against.map((c) => `${columnName(table, c.column, lang)} ${c.value.value}`).join(lang === 'zh' ? '，' : ', ');
			out.push({
				code: 'claim.outcome',
				severity: CODES['claim.outcome'].severity,
				message: message('claim.outcome', lang, { text: m[0], what }),
				range: sentenceRange(s, m.index, m.index + m[0].length),
				related: against.map((c) => ({ range: c.range, message: `${columnName(table, c.column, lang)} = ${c.value.value}` })),
				data: { claim: claim.id, outcomes: against.map((c) => c.column) },
			});
		}
	}
	return out;
}

/** "均已按时办结" while requests are carried forward to next year. */
function completions(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	for (const claim of COMPLETION_CLAIMS) {
		const table = model.tables.find((t) => t.def.id === claim.contradictedBy.table);
		const cell = table && cellAt(table, claim.contradictedBy);
		if (!table || !cell || cell.inferred || cell.value.kind !== 'number' || !(cell.value.value! > 0)) continue;
		for (const s of model.sentences) {
			if (!claim.topic.test(s.text) || /上年|去年|结转/.test(s.text)) continue;
			const m = claim.pattern.exec(s.text);
			if (!m) continue;
			const what = `${cellName(model, cell, lang)} ${cell.value.value}`;
			out.push({
				code: 'claim.outcome',
				severity: CODES['claim.outcome'].severity,
				message: message('claim.outcome', lang, { text: m[0], what }),
				range: sentenceRange(s, m.index, m.index + m[0].length),
				related: [{ range: cell.range, message: `${cellName(model, cell, lang)} = ${cell.value.value}` }],
				data: { claim: claim.id, outcomes: [cell.column] },
			});
		}
	}
	return out;
}

const sentenceRange = (s: Sentence, a: number, b: number): Range => rangeInSentence(s, a, b);

/** Words that say the items of a breakdown may overlap (an incomplete list, 等, only falls short, so it is no excuse for more). */
const OVERLAP = /渠道|平台|重复|同时|分别|计1条|计一条|涉及|包括/;

/**
 * The prose's sentences for its arithmetic: a list that goes on after ； is one statement
 * (其中：A 5条；B共7条；…), so a clause after ； that is one more item (a name and a count, no comma)
 * is joined to the clause before it; a clause that says more starts a statement of its own.
 */
const LIST_ITEM = /^[^，,。；;]{1,40}?(?:共|计)?\d+(?:条|件|篇|次)等?[。；;]?$/;

/** Two sentences one after the other as one, its line breaks kept (and the one between them, where `b` opens the next line). */
function joined(a: Sentence, b: Sentence, acrossLines: boolean): Sentence {
	const breaks = [...(a.breaks ?? []), ...(acrossLines ? [{ at: a.text.length, line: b.line, character: b.start }] : []), ...(b.breaks ?? []).map((x) => ({ ...x, at: x.at + a.text.length }))];
	return { ...a, text: a.text + b.text, ...(breaks.length > 0 ? { breaks } : {}) };
}

/** A list item after ； that a PDF's text put on the next line (其中：A 5条；⏎B 7条；…). */
function opensNextLine(a: Sentence, b: Sentence): boolean {
	return b.line === sentencePosition(a, a.text.length).line + 1;
}

function statements(sentences: Sentence[]): Sentence[] {
	const out: Sentence[] = [];
	for (const s of sentences) {
		const last = out[out.length - 1];
		if (last && /[；;]$/.test(last.text) && (followsDirectly(last, s) || opensNextLine(last, s)) && LIST_ITEM.test(s.text)) out[out.length - 1] = joined(last, s, opensNextLine(last, s));
		else out.push(s);
	}
	return out;
}

/** "主动公开的政府信息占Z%" after "政府信息总数T条，其中主动公开政府信息P条": the share of a count named just before. */
const SHARE = /(?<what>主动公开|依申请公开|不予公开)的?(?:政府)?信息(?:数)?占(?:比)?(?:为)?(?<z>\d+(?:\.\d+)?)[%％]/;
const TOTAL_COUNT = /(?:信息|政府信息)(?:总数|总量)(?:为|共|达)?(\d+)条/g;

function shareOfNamedCount(prev: Sentence | undefined, s: Sentence, lang: Lang): Finding[] {
	const m = SHARE.exec(s.text);
	if (!m) return [];
	const scope = (prev && followsDirectly(prev, s) ? prev.text : '') + s.text.slice(0, m.index);
	const totals = [...scope.matchAll(TOTAL_COUNT)];
	const parts = [...scope.matchAll(new RegExp(`${m.groups!.what}(?:的)?(?:政府)?信息(?:数)?(?:为|共|达)?(\\d+)条`, 'g'))];
	// Exactly one total and one count of that kind, or the sentence is not clear enough to bind.
	if (totals.length !== 1 || parts.length !== 1) return [];
	const whole = Number(totals[0][1]);
	const part = Number(parts[0][1]);
	if (whole === 0 || part > whole) return [];
	const stated = m.groups!.z;
	const decimals = stated.includes('.') ? stated.split('.')[1].length : 0;
	const computed = (part / whole) * 100;
	if (Math.abs(computed - Number(stated)) <= 0.5 * 10 ** -decimals + 1e-9) return [];
	const at = m.index + m[0].lastIndexOf(stated);
	return [
		{
			code: 'claim.percent',
			severity: CODES['claim.percent'].severity,
			message: message('claim.percent', lang, { part, whole, computed: computed.toFixed(Math.max(decimals, 1)), stated }),
			range: sentenceRange(s, at, at + stated.length),
		},
	];
}

/** The year's disclosures counted in a sentence of their own (2018年度，主动公开政府信息389条，…). */
const DISCLOSED_COUNT = /主动公开(?:政府)?信息(?:数量|数)?(?:为|共|达)?(\d+)条/;
/** How many sentences back the count a 其中 list breaks down may stand, with only words between. */
const BREAKDOWN_REACH = 3;

/**
 * "主动公开政府信息389条。…类别主要涉及A、B等政府信息。其中A类71条，B类13条…": a list opening its
 * sentence with 其中 breaks down the last count before it, when the sentences between name no
 * number (a sub-heading or a sentence of words). Only the year's disclosures are such a whole,
 * and only a list that exceeds it is reported, as for a breakdown in one sentence.
 */
function breakdownOfEarlierCount(list: Sentence[], i: number, lang: Lang): Finding[] {
	const s = list[i];
	const opening = /^\s*其中[：:，,]?/.exec(s.text);
	if (!opening || OVERLAP.test(s.text)) return [];
	for (let j = i - 1; j >= Math.max(0, i - BREAKDOWN_REACH); j--) {
		const before = list[j];
		if (!/\d/.test(before.text)) continue;
		const whole = DISCLOSED_COUNT.exec(before.text);
		// The nearest sentence with a number must be the count itself (and no other 条 count after it).
		if (!whole || /\d+条/.test(before.text.slice(whole.index + whole[0].length).replace(/历年累计[^，。；]*/g, ''))) return [];
		const total = Number(whole[1]);
		const found = [...s.text.matchAll(/(\d+)条(?![^，,、]*[%％])/g)];
		const items = found.map((m) => Number(m[1]));
		const sum = items.reduce((a, b) => a + b, 0);
		if (items.length < 2 || sum <= total) return [];
		// (On the list, from 其中 to its last count: the count it breaks down stands sentences away.)
		const last = found[found.length - 1];
		return [
			{
				code: 'claim.breakdown',
				severity: CODES['claim.breakdown'].severity,
				message: message('claim.breakdown', lang, { sum, formula: items.join(' + '), whole: total }),
				range: sentenceRange(s, opening.index + opening[0].indexOf('其中'), last.index! + last[0].length),
			},
		];
	}
	return [];
}

/** The year's items counted just before their list (公开政府信息44条，其中…, 共公布政府信息2599条，(其中…, 主动公开信息数共90条，…). */
const LISTED_WHOLE = /(?:公开|公布|发布|制作|获取)(?:的)?(?:政府)?信息(?:[（(][\u4e00-\u9fa5]{1,4}[）)])?(?:数|数量|总数)?(?:为|共|计|达)?(\d+)(?:条|份)[，,：:]?[\s\u3000]*[（(]?(其中[：:，,]?)?/;
/** One item of such a list: a name without a count, then its count. */
const LISTED_ITEM = /[\s\u3000]*([^，,；;。（）()\d%％]{1,40}?)(\d+)(?:条|份)[\s\u3000]*([，,；;、]?)/y;
/** The list's last item that takes in whatever the others leave (其他应主动公开的政府信息38条). */
const CATCH_ALL = /^其他|其他[^，,；;、]{0,12}信息$/;
/** An item of the split of all the year's information into 主动公开, 依申请公开 and 不予公开 (依申请公开及不予公开431份). */
const DISCLOSURE_KIND = /^(?:主动公开|依申请公开|不予公开)(?:[及和、](?:主动公开|依申请公开|不予公开))*的?(?:政府)?(?:信息)?(?:数|数量)?$/;

/**
 * "公开政府信息44条，其中A 1条；B 2条；…其他应主动公开的政府信息38条": a list that ends in the
 * catch-all 其他 is the whole, so its sum must be the count it follows, short or over; so is a
 * 其中 list of the kinds of disclosure (其中主动公开138份、依申请公开及不予公开431份).
 */
function breakdownOfWhole(s: Sentence, lang: Lang): Finding[] {
	const whole = LISTED_WHOLE.exec(s.text);
	// (Words that let items overlap count in the list, not in what leads up to it.)
	if (!whole || OVERLAP.test(s.text.slice(whole.index))) return [];
	const items: Array<{ name: string; count: number }> = [];
	LISTED_ITEM.lastIndex = whole.index + whole[0].length;
	for (let m = LISTED_ITEM.exec(s.text); m; m = LISTED_ITEM.exec(s.text)) {
		items.push({ name: m[1].trim(), count: Number(m[2]) });
		if (!m[3]) break;
	}
	if (items.length < 2 || items.some((i) => /累计|历年|同比|其中/.test(i.name))) return [];
	// (A list that ends in 等 says it is not all: 其他文件共54条等.)
	if (s.text[LISTED_ITEM.lastIndex] === '等') return [];
	const kinds = whole[2] !== undefined && items.every((i) => DISCLOSURE_KIND.test(i.name));
	if (!kinds && !CATCH_ALL.test(items[items.length - 1].name)) return [];
	const total = Number(whole[1]);
	const sum = items.reduce((a, i) => a + i.count, 0);
	if (sum === total) return [];
	const at = whole.index + whole[0].indexOf(whole[1]);
	return [
		{
			code: 'claim.breakdown',
			severity: CODES['claim.breakdown'].severity,
			message: message('claim.breakdown', lang, { sum, formula: items.map((i) => i.count).join(' + '), whole: total }, sum > total ? undefined : kinds ? 'shortKinds' : 'short'),
			range: sentenceRange(s, at, at + whole[1].length),
		},
	];
}

function arithmetic(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	const list = statements(model.sentences);
	for (const [i, s] of list.entries()) {
		out.push(...shareOfNamedCount(list[i - 1], s, lang));
		const before = out.length;
		out.push(...breakdownOfWhole(s, lang));
		// (A list the catch-all closes is judged once, by that rule.)
		if (out.length > before) continue;
		const whole = /共(?:计|有)?(\d+)(件|条|次|篇)/.exec(s.text);
		if (!whole) {
			out.push(...breakdownOfEarlierCount(list, i, lang));
			continue;
		}
		const total = Number(whole[1]);
		const unit = whole[2];
		const after = s.text.slice(whole.index + whole[0].length);
		// "占Z%" right after a count of the same unit: the count's share of the total.
		for (const m of after.matchAll(new RegExp(`(\\d+)${unit}[^，。；,%\\d]{0,3}[，,]?\\s*占(?:比|总数的?|全部的?)?(\\d+(?:\\.\\d+)?)[%％]`, 'g'))) {
			if (total === 0) continue;
			const part = Number(m[1]);
			const stated = Number(m[2]);
			const decimals = m[2].includes('.') ? m[2].split('.')[1].length : 0;
			const computed = (part / total) * 100;
			if (Math.abs(computed - stated) <= 0.5 * 10 ** -decimals + 1e-9) continue;
			const at = whole.index + whole[0].length + m.index!;
			out.push({
				code: 'claim.percent',
				severity: CODES['claim.percent'].severity,
				message: message('claim.percent', lang, { part, whole: total, computed: computed.toFixed(Math.max(decimals, 1)), stated: m[2] }),
				range: sentenceRange(s, at + m[0].lastIndexOf(m[2]), at + m[0].lastIndexOf(m[2]) + m[2].length),
			});
		}
		// "共T件，其中A件，B件": a breakdown that adds up to more than its total, unless items may overlap.
		const rest = /^[^。；]*?其中/.exec(after);
		if (!rest || OVERLAP.test(s.text)) continue;
		const items = [...after.slice(rest[0].length).matchAll(new RegExp(`(\\d+)${unit}(?![^，,、]*[%％])`, 'g'))].map((m) => Number(m[1]));
		const sum = items.reduce((a, b) => a + b, 0);
		if (items.length >= 2 && sum > total) {
			out.push({
				code: 'claim.breakdown',
				severity: CODES['claim.breakdown'].severity,
				message: message('claim.breakdown', lang, { sum, formula: items.join(' + '), whole: total }),
				range: sentenceRange(s, whole.index + whole[0].indexOf(whole[1]), whole.index + whole[0].indexOf(whole[1]) + whole[1].length),
			});
		}
	}
	return out;
}

