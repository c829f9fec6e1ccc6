// The generator behind the edit fuzzing (test/editFuzz.test.ts, test/protocol/editFuzz.test.ts).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, TextEdit } from '../server/src/core/index.ts';
import { rng } from '../bench/generate.ts';

export const FUZZ_SEED = Number(process.env.NIANBAO_FUZZ_SEED ?? 20261201);

export type Rng = () => number;
/** The seeded generator the benchmark's reports come from too. */
export { rng };

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, n: number) => Math.floor(r() * n);

/** What people and converters put into reports: table fragments, labels, layout characters, oddities. */
const JUNK = [
	'\t', '\n', '\n\n', '\t\n', '|', ' | ', '||', '\r\n', '\r', ' ', '\u3000', '\ufeff', '\0', '\u200b', '\u2060', '* ', '—', '/', '无',
	'0', '1', '65', '１２', '1,404', '0.00', '十二', '5件', '-3', '2.5', '9007199254740993', '12345678901234567890',
	'总计', '自然人', '商业企业', '法人或其他组织', '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量',
	'（一）予以公开', '（七）总计', '四、结转下年度继续办理', '行政复议', '行政诉讼', '维持', '纠正', '其他结果', '尚未审结',
	'一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
	'2022年', '2023年度', '[bookmark: _GoBack]', '扫一扫在手机上打开页面', '京ICP备05060933号', '第 3 页', '收到政府信息公开申请65件', '上年结转1件',
	'😀', '\ud800', 'x', '。', '，', '：',
];

const NUMBERS = ['0', '1', '2', '7', '10', '65', '66', '99', '100', '1404', '-1', '１２', '1,404', '0.00', '2.5', '十二', '—', '', ' ', '9007199254740993', '99999999999999999999'];

/**
 * `count` random edits of `start`, each against the text the previous ones left, as an editor
 * sends them (ranges in UTF-16 positions of the current text).
 */
export function* editedTexts(r: Rng, start: string, count: number): Generator<TextEdit> {
	let doc = TextDocument.create('file:///gen.txt', 'nianbao', 0, start);
	for (let i = 0; i < count; i++) {
		const text = doc.getText();
		const edit = oneEdit(r, doc, text);
		doc = TextDocument.update(doc, [{ range: edit.range, text: edit.newText }], doc.version + 1);
		yield edit;
	}
}

function oneEdit(r: Rng, doc: TextDocument, text: string): TextEdit {
	const at = (offset: number) => doc.positionAt(Math.max(0, Math.min(text.length, offset)));
	const span = (s: number, e: number): TextEdit['range'] => ({ start: at(s), end: at(e) });
	const kind = int(r, 10);
	if (kind <= 2) {
		// Change a number where one is written (the commonest edit of a statistics table).
		const numbers = [...text.slice(0, 200_000).matchAll(/\d+/g)];
		if (numbers.length > 0) {
			const m = pick(r, numbers);
			return { range: span(m.index!, m.index! + m[0].length), newText: pick(r, NUMBERS) };
		}
	}
	const o = int(r, text.length + 1);
	if (kind === 3) return { range: span(o, o), newText: pick(r, JUNK).slice(0, 1) || 'x' }; // type one character
	if (kind === 4) return { range: span(o, o), newText: pick(r, JUNK) };
	if (kind === 5) return { range: span(o, o + 1 + int(r, r() < 0.8 ? 8 : 400)), newText: '' };
	const lineCount = doc.lineCount;
	const line = int(r, lineCount);
	const lineStart = doc.offsetAt({ line, character: 0 });
	const lineEnd = line + 1 < lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : text.length;
	const whole = text.slice(lineStart, lineEnd);
	if (kind === 6) return { range: span(lineStart, lineStart), newText: whole.endsWith('\n') ? whole : whole + '\n' }; // duplicate a line
	if (kind === 7 && line + 1 < lineCount) {
		// Swap a line with the next.
		const nextEnd = line + 2 < lineCount ? doc.offsetAt({ line: line + 2, character: 0 }) : text.length;
		const next = text.slice(lineEnd, nextEnd);
		return { range: span(lineStart, nextEnd), newText: (next.endsWith('\n') ? next : next + '\n') + (whole.endsWith('\n') && nextEnd === text.length ? whole.slice(0, -1) : whole) };
	}
	if (kind === 8) return { range: span(lineStart, lineEnd), newText: '' }; // delete a line
	// Replace a short range by a few fragments.
	const parts = Array.from({ length: 1 + int(r, 4) }, () => pick(r, JUNK));
	return { range: span(o, o + int(r, 30)), newText: parts.join('') };
}

/** A finding list as text, for comparing two parses of one text. */
export function sampledFindings(findings: Finding[]): string {
	return JSON.stringify(findings);
}
