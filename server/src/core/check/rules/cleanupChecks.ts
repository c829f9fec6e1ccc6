import { ARTIFACT_KINDS, CODES, message, type Finding, type Lang } from '../findings.ts';
import type { ReportModel } from '../../model.ts';

/** Conversion and web-page artefacts, each with a fix that deletes it. */
export function cleanupFindings(model: ReportModel, lang: Lang): Finding[] {
	return model.artifacts.map((a) => ({
		code: 'cleanup.artifact',
		severity: CODES['cleanup.artifact'].severity,
		message: message('cleanup.artifact', lang, { text: a.text.length > 40 ? a.text.slice(0, 40) + '…' : a.text, kind: ARTIFACT_KINDS[a.kind][lang] }),
		range: a.range,
		fix: { title: lang === 'zh' ? `删除${ARTIFACT_KINDS[a.kind].zh}` : `Remove ${ARTIFACT_KINDS[a.kind].en}`, edits: [{ range: a.deleteRange, newText: '' }] },
		data: { artifact: a.kind },
	}));
}
