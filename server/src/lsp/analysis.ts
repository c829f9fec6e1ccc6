import { checkReport, parseReport, type Finding, type Lang, type ReadingReuse, type ReportModel } from '../core/index.ts';
import type { NianbaoSettings } from '../protocol.ts';

/**
 * One document's text parsed once, with its findings per message language. Every feature of the
 * server reads this object; none parses again.
 */
export class Analysis {
	/** Undefined when the document was too large to parse: every feature then answers empty. */
	readonly model: ReportModel | undefined;
	private readonly findingsByLang = new Map<Lang, Finding[]>();

	constructor(
		readonly uri: string,
		readonly version: number | null,
		readonly length: number,
		text: string,
		readonly settings: NianbaoSettings,
		reuse?: ReadingReuse,
	) {
		this.model = length > (settings.maxDocumentSize ?? Infinity) ? undefined : parseReport(text, { template: settings.template, reuse });
	}

	get tooLarge(): boolean {
		return this.model === undefined;
	}

	/** Every finding of the core, before the user's rule settings are applied. */
	findings(lang: Lang): Finding[] {
		if (!this.model) return [];
		let f = this.findingsByLang.get(lang);
		if (!f) {
			f = checkReport(this.model, { lang });
			this.findingsByLang.set(lang, f);
		}
		return f;
	}
}
