import type { Finding, Lang } from '../findings.ts';
import type { ReportModel } from '../../model.ts';
import { comparePositions } from '../../read/text.ts';
import { withoutUnwritableFixes } from '../fix.ts';
import { balanceFindings } from './balanceChecks.ts';
import { blankCellFindings } from './blankCells.ts';
import { cellFindings } from './cellChecks.ts';
import { claimFindings } from './claimChecks.ts';
import { contentFindings } from './contentChecks.ts';
import { dateFindings } from './dateChecks.ts';
import { plausibilityFindings } from './plausibilityChecks.ts';
import { cleanupFindings } from './cleanupChecks.ts';
import { sectionFindings, tableFindings, withoutGuessedMissing } from './structureChecks.ts';
import { withTruncation } from './truncation.ts';

export interface CheckOptions {
	lang?: Lang;
}

/** Every finding of every check, in document order. */
export function checkReport(model: ReportModel, options: CheckOptions = {}): Finding[] {
	const lang = options.lang ?? 'zh';
	const findings = [
		...sectionFindings(model, lang),
		...contentFindings(model, lang),
		...tableFindings(model, lang),
		...cellFindings(model, lang),
		...blankCellFindings(model, lang),
		...balanceFindings(model, lang),
		...claimFindings(model, lang),
		...dateFindings(model, lang),
		...plausibilityFindings(model, lang),
		...cleanupFindings(model, lang),
	];
	return withoutUnwritableFixes(model, withTruncation(model, withoutGuessedMissing(findings), lang)).sort((a, b) => comparePositions(a.range.start, b.range.start) || a.code.localeCompare(b.code));
}
