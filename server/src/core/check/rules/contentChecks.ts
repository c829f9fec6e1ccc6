import type { ReportModel, Section } from '../../model.ts';
import { CODES, message, type Finding, type Lang } from '../findings.ts';

/**
 * Mandated sections that are there but say nothing: no text at all, or only 无/暂无. Section 六
 * may well be 无 (nothing else to report), so only its being blank is said.
 */
const NOTHING = /^(?:无|暂无|没有|无此项|本年度无|本年无|无相关情况|无相关内容|略)$/;
const BARE = /[\s\u3000，。、；：！？,.;:!?（）()“”"'‘’\-—_]/g;
const MAY_BE_NOTHING = new Set(['other']);
/** The template's own instruction left in place of the text, in its brackets: （文字描述）, （此处填写…）, （请填写…）. */
const PLACEHOLDER_LINE = /^[（(]\s*(?:文字描述|此处填写|请填写|请在此处|填写说明|待填写|待补充|在此处填写)[^（()）\n]*[）)]$/;
const PLACEHOLDER = new RegExp(PLACEHOLDER_LINE.source.slice(1, -1));
/** Most characters after the instruction that still leave it alone (stray words a PDF extraction put there), not counting spaces and punctuation. */
const MAX_AFTER_PLACEHOLDER = 24;

function isPlaceholder(body: string): boolean {
	// (Lines of markup alone, the ** that closes a Markdown heading, come first in some routes.)
	const [first = '', ...rest] = body.split('\n').map((l) => l.trim()).filter((l) => l.replace(/[*_#>\s\u3000]/g, '') !== '');
	return PLACEHOLDER_LINE.test(first) && rest.join('').replace(BARE, '').length <= MAX_AFTER_PLACEHOLDER;
}

/** The 2021 format's 六 reports the 信息处理费 charged (国办公开办函〔2021〕30号; 《政府信息公开信息处理费管理办法》). */
const FEES_WORDS = /处理费|收费|费用|收取/;

export function contentFindings(model: ReportModel, lang: Lang): Finding[] {
	return [...emptySections(model, lang), ...feesUnreported(model, lang)];
}

/** A 2021-format report whose 六 says not a word on fees (not even that none were charged). */
function feesUnreported(model: ReportModel, lang: Lang): Finding[] {
	if (model.template.id !== '2021') return [];
	const other = model.sections.find((s) => s.heading.section?.key === 'other');
	if (!other) return [];
	if (FEES_WORDS.test(model.index.textOf({ start: other.heading.range.end, end: other.range.end }))) return [];
	return [
		{
			code: 'fees.unreported',
			severity: CODES['fees.unreported'].severity,
			message: message('fees.unreported', lang, { section: lang === 'zh' ? other.heading.section!.title : other.heading.section!.en }),
			range: other.heading.range,
		},
	];
}

function emptySections(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	const visit = (sections: Section[]) => {
		for (const s of sections) {
			const def = s.heading.section;
			if (def && s.tables.length === 0 && s.children.length === 0) {
				const body = model.index.textOf({ start: s.heading.range.end, end: s.range.end });
				// A body this long says something, however it is spaced (pdftotext pads with spaces).
				const bare = body.length > 400 ? body : body.replace(BARE, '');
				const what = bare === '' ? 'blank' : isPlaceholder(body) ? 'placeholder' : NOTHING.test(bare) && !MAY_BE_NOTHING.has(def.key) ? 'nothing' : undefined;
				if (what) {
					const title = lang === 'zh' ? def.title : def.en;
					out.push({
						code: 'section.empty',
						severity: CODES['section.empty'].severity,
						message: message('section.empty', lang, { section: title, what: EMPTY[what][lang].replace('{text}', what === 'placeholder' ? PLACEHOLDER.exec(body)![0] : bare) }),
						range: s.heading.range,
						data: { section: def.key, what },
					});
				}
			}
			visit(s.children);
		}
	};
	visit(model.sections);
	return out;
}

const EMPTY = {
	blank: { zh: '没有任何内容', en: 'has no content at all' },
	nothing: { zh: '只写了“{text}”', en: 'says only "{text}"' },
	placeholder: { zh: '只有模板的填写说明“{text}”', en: 'holds only the template\'s instruction "{text}"' },
};
