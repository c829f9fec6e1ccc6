import type { ReportModel, Section } from '../../model.ts';
import { CODES, message, type Finding, type Lang } from '../findings.ts';

/**
 * Mandated sections that are there but say nothing: no text at all, or only 无/暂无. Section 六
 * may well be 无 (nothing else to report), so only its being blank is said.
 */
const NOTHING = /^(?:无|暂无|没有|无此项|本年度无|本年无|无相关情况|无相关内容|略)$/;
const BARE = /[\s\u3000，。、；：！？,.;:!?（）()“”"'‘’\-—_]/g;
const MAY_BE_NOTHING = new Set(['other']);

export function contentFindings(model: ReportModel, lang: Lang): Finding[] {
	const out: Finding[] = [];
	const visit = (sections: Section[]) => {
		for (const s of sections) {
			const def = s.heading.section;
			if (def && s.tables.length === 0 && s.children.length === 0) {
				const body = model.index.textOf({ start: s.heading.range.end, end: s.range.end });
				// A body this long says something, however it is spaced (pdftotext pads with spaces).
				const bare = body.length > 400 ? body : body.replace(BARE, '');
				const what = bare === '' ? 'blank' : NOTHING.test(bare) && !MAY_BE_NOTHING.has(def.key) ? 'nothing' : undefined;
				if (what) {
					const title = lang === 'zh' ? def.title : def.en;
					out.push({
						code: 'section.empty',
						severity: CODES['section.empty'].severity,
						message: message('section.empty', lang, { section: title, what: EMPTY[what][lang].replace('{text}', bare) }),
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
};
