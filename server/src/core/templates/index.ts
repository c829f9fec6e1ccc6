import { FORMAT_2008 } from './format2008.ts';
import { FORMAT_2019 } from './format2019.ts';
import { FORMAT_2021 } from './format2021.ts';
import type { TemplateDef, TemplateId } from './types.ts';

export * from './types.ts';

export const TEMPLATES: Record<TemplateId, TemplateDef> = {
	'2021': FORMAT_2021,
	'2019': FORMAT_2019,
	'2008': FORMAT_2008,
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

export function templateForYear(year: number): TemplateId {
	for (const id of TEMPLATE_IDS) {
		const [from, to] = TEMPLATES[id].years;
		if (year >= from && year <= to) return id;
	}
	return year < 2008 ? '2008' : '2021';
}
