import type { Range, TextEdit } from '../read/text.ts';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Lang = 'zh' | 'en';

interface CodeInfo {
	severity: Severity;
	/** What the check is about, for documentation, settings and hovers. */
	title: { zh: string; en: string };
	/** Message templates; {name} is replaced by the finding's parameter of that name. */
	message: { zh: string; en: string };
	/** Other wordings of the same finding, by name (a table seen but not read at all). */
	variants?: Record<string, { zh: string; en: string }>;
}

/**
 * Every diagnostic code nianbao emits, with its default severity and its message in Chinese and
 * English. The codes are stable: settings, suppressions and CI pipelines refer to them.
 */
export const CODES = {
	'balance.row-total': {
		severity: 'error',
		title: { zh: '行总计不等于各列之和', en: 'Row total is not the sum of its columns' },
		message: { zh: '“{row}”的总计应为 {expected}（{formula}），表中为 {actual}。', en: 'The total of "{row}" should be {expected} ({formula}), the table has {actual}.' },
	},
	'balance.column-total': {
		severity: 'error',
		title: { zh: '（七）总计不等于各办理结果之和', en: 'Total of results is not the sum of the result rows' },
		message: { zh: '“{column}”列的（七）总计应为 {expected}（各办理结果之和：{formula}），表中为 {actual}。', en: 'The total of results in column "{column}" should be {expected} (sum of the result rows: {formula}), the table has {actual}.' },
	},
	'balance.subtotal': {
		severity: 'error',
		title: { zh: '小计不等于其分项之和', en: 'Subtotal is not the sum of its items' },
		message: { zh: '“{row}”的“{column}”应为 {expected}（{formula}），表中为 {actual}。', en: '"{row}" in column "{column}" should be {expected} ({formula}), the table has {actual}.' },
	},
	'balance.identity': {
		severity: 'error',
		title: { zh: '勾稽关系不成立：第一项加第二项之和应等于第三项加第四项之和', en: 'Balance identity fails: items 1 + 2 must equal items 3 + 4' },
		message: {
			zh: '“{column}”列勾稽关系不成立：本年新收 + 上年结转 = {left}（{leftFormula}），办理结果总计 + 结转下年度 = {right}（{rightFormula}），相差 {difference}。',
			en: 'Column "{column}" does not balance: new + carried over = {left} ({leftFormula}), results + carried forward = {right} ({rightFormula}), a difference of {difference}.',
		},
	},
	'balance.group-total': {
		severity: 'error',
		title: { zh: '复议、诉讼总计不等于各结果之和', en: 'Review/lawsuit total is not the sum of its outcomes' },
		message: { zh: '“{group}”的总计应为 {expected}（{formula}），表中为 {actual}。', en: 'The total of "{group}" should be {expected} ({formula}), the table has {actual}.' },
	},
	'balance.stat-sum': {
		severity: 'error',
		title: { zh: '统计表合计不等于其分项之和', en: 'Statistics total is not the sum of its items' },
		message: { zh: '“{row}”应为 {expected}（{formula}），表中为 {actual}。', en: '"{row}" should be {expected} ({formula}), the table has {actual}.' },
	},
	'cell.blank-total': {
		severity: 'warning',
		title: { zh: '合计单元格未填写', en: 'Total cell is not filled in' },
		message: { zh: '“{row}”的“{column}”未填写，按各项之和应为 {expected}（{formula}）。', en: '"{row}" / "{column}" is not filled in; the sum of its items is {expected} ({formula}).' },
	},
	'cell.blank': {
		severity: 'information',
		title: { zh: '单元格未填写', en: 'Cell left empty' },
		message: { zh: '“{row}”的{columns}未填写：本表别处没有发生的事项填了 0，空白不等于 0，请补填。', en: '"{row}" has no figure in {columns}: the table writes 0 elsewhere for what did not happen, and an empty cell is not a 0; please fill it in.' },
		variants: {
			row: { zh: '“{row}”一行未填写：本表别处没有发生的事项填了 0，空白不等于 0，请补填。', en: 'The "{row}" row is empty: the table writes 0 elsewhere for what did not happen, and an empty row is not a row of 0s; please fill it in.' },
		},
	},
	'cell.not-a-number': {
		severity: 'warning',
		title: { zh: '单元格不是数字', en: 'Cell is not a number' },
		message: { zh: '“{row}”的“{column}”应为数字，表中为“{text}”，无法核对相关合计。', en: '"{row}" / "{column}" should be a number but reads "{text}"; the sums that use it cannot be checked.' },
	},
	'cell.negative': {
		severity: 'error',
		title: { zh: '数量为负数', en: 'Negative count' },
		message: { zh: '“{row}”的“{column}”为负数（{text}），数量不能为负。', en: '"{row}" / "{column}" is negative ({text}); counts cannot be negative.' },
	},
	'cell.fraction': {
		severity: 'warning',
		title: { zh: '件数不是整数', en: 'Count is not a whole number' },
		message: { zh: '“{row}”的“{column}”为 {text}，件数应为整数。', en: '"{row}" / "{column}" is {text}; counts are whole numbers.' },
	},
	'cell.format': {
		severity: 'hint',
		title: { zh: '数字写法不规范', en: 'Number written unusually' },
		message: { zh: '“{text}”按 {value} 读取；统计表中宜写作阿拉伯数字 {value}。', en: '"{text}" is read as {value}; write it as {value} in a statistics table.' },
	},
	'table.missing': {
		severity: 'error',
		title: { zh: '缺少统计表', en: 'Statistics table missing' },
		message: { zh: '未找到“{table}”统计表（{template}要求）。', en: 'The "{table}" table is missing (required by the {template}).' },
	},
	'table.none': {
		severity: 'warning',
		title: { zh: '文中没有统计表', en: 'No statistics table in the text' },
		message: {
			zh: '文中没有找到任何统计表（{template}要求 {count} 张：{tables}）。表格若是图片或附件，无法核对；否则应补上。',
			en: 'The text holds no statistics table ({count} required by the {template}: {tables}). Tables given as pictures or attachments cannot be checked; otherwise they must be added.',
		},
	},
	'table.missing-row': {
		severity: 'warning',
		title: { zh: '统计表缺少行', en: 'Table row missing' },
		message: { zh: '“{table}”缺少“{row}”一行。', en: 'The "{table}" table has no "{row}" row.' },
		variants: {
			tail: {
				zh: '“{table}”在“{after}”一行之后就中断了：其后 {count} 行（“{first}”至“{last}”）都没有读到，表格可能被截断或尚未填完。',
				en: 'The "{table}" table stops after its "{after}" row: the {count} rows after it ("{first}" to "{last}") are not there; the table may have been cut off or not finished.',
			},
		},
	},
	'table.cell-count': {
		severity: 'warning',
		title: { zh: '行的单元格数不对', en: 'Wrong number of cells in a row' },
		message: { zh: '“{row}”应有 {expected} 个数值，此处有 {actual} 个。', en: '"{row}" should have {expected} values; it has {actual}.' },
	},
	'table.duplicate-row': {
		severity: 'warning',
		title: { zh: '统计表行重复', en: 'Duplicated table row' },
		message: { zh: '“{row}”在“{table}”中重复出现，只核对第一次出现的数值。', en: '"{row}" appears twice in "{table}"; only the first is checked.' },
	},
	'table.unknown-row': {
		severity: 'hint',
		title: { zh: '模板中没有的行', en: 'Row not in the template' },
		message: { zh: '“{row}”不是{template}中的行，未纳入勾稽核对。', en: '"{row}" is not a row of the {template}; it is not part of any balance check.' },
	},
	'table.blank': {
		severity: 'warning',
		title: { zh: '表格尚未填写', en: 'Table not filled in' },
		message: { zh: '“{table}”的单元格全部空白：表格尚未填写（本年没有发生的事项应填 0）。', en: 'Every cell of "{table}" is blank: the table has not been filled in (write 0 for what did not happen this year).' },
	},
	'table.inferred': {
		severity: 'information',
		title: { zh: '表格数值系推断', en: 'Table values inferred' },
		message: { zh: '“{table}”{reason}，核对结果仅供参考，不提供自动修正。', en: 'In "{table}", {reason}, so checks are indicative and no fix is offered.' },
	},
	'table.unreadable': {
		severity: 'warning',
		title: { zh: '表格无法可靠读取', en: 'Table cannot be read with confidence' },
		message: {
			zh: '“{table}”无法可靠读取：{reason}。表中数值仅供参考：只报告与数值所在列无关的错误（如一行的总计与各项之和不等），不提供自动修正。',
			en: 'The "{table}" table cannot be read with confidence: {reason}. Its values are indicative only: only errors that do not depend on which column a number is in are reported (a row whose items do not add up to its total), and no fix is offered.',
		},
		variants: {
			notRead: {
				zh: '“{table}”未能读出：{reason}。表格在文中，但不能按列读出其数值，故不核对、也不报告缺少。',
				en: 'The "{table}" table could not be read: {reason}. The table is in the text, but its numbers cannot be read by column, so they are not checked, nor is the table reported missing.',
			},
		},
	},
	'section.missing': {
		severity: 'error',
		title: { zh: '缺少规定章节', en: 'Mandated section missing' },
		message: { zh: '缺少“{section}”部分（{template}规定的第 {number} 部分）。', en: 'Section "{section}" is missing (part {number} of the {template}).' },
	},
	'section.duplicate': {
		severity: 'warning',
		title: { zh: '章节重复', en: 'Duplicated section' },
		message: { zh: '“{section}”部分重复出现（第一次在第 {firstLine} 行）。', en: 'Section "{section}" appears again (first at line {firstLine}).' },
	},
	'section.order': {
		severity: 'warning',
		title: { zh: '章节顺序不符合规定', en: 'Sections out of order' },
		message: { zh: '“{section}”应在“{after}”之后。', en: 'Section "{section}" should come after "{after}".' },
	},
	'section.wording': {
		severity: 'information',
		title: { zh: '章节标题与规定格式的表述不一致', en: 'Section heading worded otherwise than the format' },
		message: { zh: '标题“{heading}”应为“{section}”（按规定格式的表述）。', en: 'The heading "{heading}" should read "{section}" (the format\'s wording).' },
	},
	'section.untitled': {
		severity: 'information',
		title: { zh: '规定章节没有自己的标题', en: 'Mandated section without its own heading' },
		message: { zh: '“{section}”没有单独的标题，其内容在“{heading}”等小标题之下。', en: '"{section}" has no heading of its own; its content is under "{heading}" and the sub-headings after it.' },
	},
	'section.unreadable': {
		severity: 'warning',
		title: { zh: '无法确定报告的章节结构', en: 'The report\'s sections cannot be read with confidence' },
		message: { zh: '未检查章节是否齐全：{reason}。', en: 'Sections not checked for completeness: {reason}.' },
	},
	'document.truncated': {
		severity: 'warning',
		title: { zh: '文本中途中断', en: 'The text stops in the middle' },
		message: {
			zh: '文本在此中断（“{end}”）：其后的{what}都不在文中，故不报告其缺少。文本可能被截断、复制不全或尚未写完。',
			en: 'The text stops here ("{end}"): {what} after this point are not in it, so they are not reported missing. The text may have been cut off, copied in part, or not finished.',
		},
	},
	'template.year-mismatch': {
		severity: 'warning',
		title: { zh: '表格格式与报告年度不符', en: 'Table format does not fit the report year' },
		message: { zh: '{year}年度报告应使用{expected}，表格却是{actual}。', en: 'A report for {year} should use the {expected}, but its tables follow the {actual}.' },
	},
	'claim.mismatch': {
		severity: 'warning',
		title: { zh: '正文数字与统计表不一致', en: 'Prose contradicts the table' },
		message: { zh: '正文称{subject}为 {claimed}（“{text}”），统计表中为 {actual}（{cells}）。', en: 'The text gives {claimed} {subject} ("{text}"); the table has {actual} ({cells}).' },
	},
	'claim.outcome': {
		severity: 'warning',
		title: { zh: '正文对办理结果或复议诉讼结果的表述与统计表不符', en: 'Outcome claim contradicts the table' },
		message: { zh: '正文称“{text}”，但统计表中{what}。', en: 'The text says "{text}", but the table has {what}.' },
	},
	'claim.percent': {
		severity: 'warning',
		title: { zh: '百分比与数字不符', en: 'Percentage does not match its counts' },
		message: { zh: '{part} ÷ {whole} = {computed}%，正文写作 {stated}%。', en: '{part} ÷ {whole} = {computed}%, the text says {stated}%.' },
	},
	'claim.breakdown': {
		severity: 'warning',
		title: { zh: '分项之和与总数不符', en: 'Breakdown does not add up to its total' },
		message: { zh: '“其中”各项之和为 {sum}（{formula}），超过总数 {whole}。', en: 'The items after 其中 add up to {sum} ({formula}), more than the total {whole}.' },
		variants: {
			short: {
				zh: '所列各项以“其他”收尾、应涵盖全部，其和却为 {sum}（{formula}），少于总数 {whole}。',
				en: 'The items listed end in a catch-all "other" and so cover the whole, yet add up to {sum} ({formula}), less than the total {whole}.',
			},
			shortKinds: {
				zh: '主动公开、依申请公开与不予公开合起来应是全部信息，所列之和却为 {sum}（{formula}），少于总数 {whole}。',
				en: 'Proactively disclosed, disclosed on request and withheld together make all the information, yet add up to {sum} ({formula}), less than the total {whole}.',
			},
		},
	},
	'year.carry-over': {
		severity: 'error',
		title: { zh: '上年结转与上年度报告的结转下年度不一致', en: 'Carry-over differs from last year’s report' },
		message: { zh: '“{column}”的上年结转为 {actual}，而{previousYear}年度报告的结转下年度继续办理为 {expected}。', en: 'Carried over in "{column}" is {actual}, but the {previousYear} report carried forward {expected}.' },
	},
	'year.stock': {
		severity: 'warning',
		title: { zh: '数量与上年度报告不衔接', en: 'Figure does not follow from last year’s report' },
		message: { zh: '“{row}”的{column}应为 {expected}（{formula}），表中为 {actual}；如有集中清理或机构改革，可忽略。', en: '{column} of "{row}" should be {expected} ({formula}), the table has {actual}; a clean-up campaign or reorganisation can explain it.' },
	},
	'date.placeholder': {
		severity: 'warning',
		title: { zh: '年份占位符未填写', en: 'Year placeholder left unfilled' },
		message: { zh: '“{text}”是模板中未填写的年份。', en: '"{text}" is a year the template left blank.' },
	},
	'date.period': {
		severity: 'warning',
		title: { zh: '统计期限与报告年度不一致', en: 'Statistics period does not match the report year' },
		message: { zh: '统计期限写的是 {found} 年，报告年度为 {year} 年。', en: 'The statistics period says {found}; the report is for {year}.' },
	},
	'date.plan-year': {
		severity: 'warning',
		title: { zh: '改进计划的年份不是下一年度', en: 'Improvement plan is not for the next year' },
		message: { zh: '改进计划写的是 {found} 年，应为下一年度 {expected} 年。', en: 'The improvement plan is for {found}; it should be for the next year, {expected}.' },
	},
	'date.statement-year': {
		severity: 'warning',
		title: { zh: '本年工作情况写成了上一年度', en: 'This year’s work is dated last year' },
		message: { zh: '这里叙述的是本年工作，年份却是 {found} 年（报告年度为 {year} 年），像是沿用了上年报告。', en: 'This describes the year’s work but is dated {found} (the report is for {year}), as if copied from last year’s report.' },
	},
	'date.as-of': {
		severity: 'warning',
		title: { zh: '截至日期与统计期限不符', en: 'As-of date does not fit the period' },
		message: { zh: '截至日期“{text}”{reason}（报告年度为 {year} 年）。', en: 'The as-of date "{text}" {reason} (the report is for {year}).' },
	},
	'plausibility.lower-bound': {
		severity: 'warning',
		title: { zh: '数字不可能成立', en: 'Figure cannot be right' },
		message: { zh: '{cell}为 {actual}，至少应为 {least}（{formula}）：{why}。', en: '{cell} is {actual} but must be at least {least} ({formula}): {why}.' },
	},
	'plausibility.rules-power': {
		severity: 'warning',
		title: { zh: '无规章制定权的机关填报了规章', en: 'Regulations reported by an agency that cannot make them' },
		message: { zh: '“{agency}”无规章制定权（《立法法》），规章一行应为 0，请核对是否误填了行政规范性文件。', en: '"{agency}" has no power to make regulations (Legislation Law): the 规章 row should be 0; check whether normative documents were entered there.' },
	},
	'plausibility.appeals-without-requests': {
		severity: 'information',
		title: { zh: '有复议、诉讼却没有任何公开申请', en: 'Reviews or lawsuits with no requests at all' },
		message: { zh: '本年有 {cases} 件行政复议、行政诉讼，而本年新收和上年结转的政府信息公开申请均为 0，请核对。', en: '{cases} reviews or lawsuits this year, but no requests received this year or carried over: please check.' },
	},
	'year.copied-text': {
		severity: 'information',
		title: { zh: '与上年度报告逐字相同', en: 'Word for word as last year’s report' },
		message: { zh: '这 {sentences} 句（{chars} 字）与{previousYear}年度报告逐字相同：问题和改进措施是否仍是去年的？', en: 'These {sentences} sentences ({chars} characters) are word for word as in the {previousYear} report: are the problems and plans still last year’s?' },
	},
	'fees.unreported': {
		severity: 'information',
		title: { zh: '未说明信息处理费收取情况', en: 'Fees for handling requests not reported' },
		message: { zh: '“{section}”没有说明本年收取信息处理费的情况（2021 年格式要求写明，未收取也应说明）。', en: '"{section}" says nothing on the fees charged for handling requests (the 2021 format asks for it, even when none were charged).' },
	},
	'section.empty': {
		severity: 'warning',
		title: { zh: '法定部分没有内容', en: 'Mandated section says nothing' },
		message: { zh: '“{section}”{what}：这一部分应写明本年度的实际情况。', en: '"{section}" {what}: the section should state this year’s facts.' },
	},
	'cleanup.artifact': {
		severity: 'warning',
		title: { zh: '转换残留内容', en: 'Conversion artefact' },
		message: { zh: '“{text}”是{kind}，不属于报告正文。', en: '"{text}" is {kind}, not part of the report.' },
	},
	'document.unreadable': {
		severity: 'error',
		title: { zh: '文档无法读取', en: 'Document cannot be read' },
		message: { zh: '无法读取此文档：{reason}', en: 'This document cannot be read: {reason}' },
	},
	'document.encrypted': {
		severity: 'error',
		title: { zh: '文档已加密', en: 'Document is encrypted' },
		message: { zh: '无法读取此文档：{reason}', en: 'This document cannot be read: {reason}' },
	},
	'document.scanned': {
		severity: 'error',
		title: { zh: '扫描版 PDF：没有文字层', en: 'Scanned PDF: no text layer' },
		message: { zh: '扫描版 PDF：没有文字层，请先做 OCR。{reason}', en: 'Scanned PDF: no text layer; run OCR first. {reason}' },
	},
	'document.too-large': {
		severity: 'error',
		title: { zh: '文档超过读取上限', en: 'Document over the reading limits' },
		message: { zh: '未读取此文档：{reason}', en: 'This document was not read: {reason}' },
	},
} satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

/**
 * How a balance finding says where the wrong cell is. A located error is reported once, on the
 * cell the failing rules share, with the code of a rule through it and these sentences; {rules}
 * names the failing rules through the cell ("“一、本年新收…”的总计、“自然人”列的勾稽关系").
 */
export const LOCATED_TEXTS = {
	/** The located cell is an item or a side of an identity, not the total the rule's message is about. */
	cell: { zh: '“{row}”的“{column}”应为 {expected}，表中为 {actual}。', en: '"{row}" / "{column}" should be {expected}, the table has {actual}.' },
	/** Several rules fail and cross only at this cell. */
	crossing: { zh: '定位：{rules}均不成立，仅在此格相交。', en: 'Located where {rules} fail and meet.' },
	/** One rule fails and every other cell of it is vouched for by a rule that holds. */
	single: { zh: '定位：{rules}不成立，其余各格均有成立的勾稽关系印证。', en: 'Located: {rules} fails, and its other cells are confirmed by rules that hold.' },
	/** Two cells are wrong, and only this pair explains every failing rule. */
	pair: { zh: '本表另一处错误在“{other}”，两处一并改正后全部成立。', en: 'The table has one more wrong cell, "{other}"; with both corrected every rule holds.' },
	/** Text from a PDF where exchanging two neighbouring numbers, and no one cell put right, makes every rule hold. */
	swapped: {
		zh: '（从 PDF 提取的文本中，相邻的 {a} 与 {b} 可能顺序颠倒：两者互换后，表中各项勾稽关系均成立。）',
		en: ' (in text extracted from a PDF, the neighbouring {a} and {b} may have changed places: exchanged, every rule of the table holds.)',
	},
	/** A rule that adds up a row whose numbers' columns are unknown (the extraction dropped its blank cells). */
	columnsUnknown: {
		zh: '（提取的文本丢掉了这一行的空白单元格，各数所在的列无法确定，但无论空白在哪里，各项之和都不变。）',
		en: "(The extracted text dropped this row's blank cells, so which column each number is in is unknown; its items add up the same wherever the blanks stood.)",
	},
	/** A row whose items do not add up to a total the rules over totals confirm (the items' columns unknown). */
	itemsWrong: {
		zh: '“{row}”各项之和为 {expected}（{formula}），与总计 {actual} 不符；总计与其他勾稽关系一致，有误的是某一项。',
		en: 'The items of "{row}" add up to {expected} ({formula}), not to its total {actual}; the total agrees with the other balance rules, so one of the items is wrong.',
	},
	/** No single cell is located: the user picks among the repairs. */
	choices: {
		zh: '可改正的单元格不止一处（{count} 种），请核对后选择。',
		en: 'More than one cell could be the wrong one ({count} choices); check and pick one.',
	},
} satisfies Record<string, { zh: string; en: string }>;

/** A rule's short name in a list of the rules that located a cell. */
export const RULE_NAMES = {
	'balance.row-total': { zh: '“{row}”的总计', en: 'the total of "{row}"' },
	'balance.column-total': { zh: '“{column}”列的（七）总计', en: 'the total of results in column "{column}"' },
	'balance.subtotal': { zh: '“{row}”的“{column}”', en: '"{row}" in column "{column}"' },
	'balance.identity': { zh: '“{column}”列的勾稽关系', en: 'the balance of column "{column}"' },
	'balance.group-total': { zh: '“{group}”的总计', en: 'the total of "{group}"' },
	'balance.stat-sum': { zh: '“{row}”的合计', en: 'the sum of "{row}"' },
} satisfies Record<string, { zh: string; en: string }>;

export const ARTIFACT_KINDS = {
	bookmark: { zh: 'Word 书签残留', en: 'a Word bookmark left by conversion' },
	'page-number': { zh: '页码', en: 'a page number' },
	'web-chrome': { zh: '网页页眉页脚', en: 'web-page chrome' },
	'attachment-link': { zh: '附件链接', en: 'an attachment link' },
	invisible: { zh: '表格中不可见或装饰性的字符', en: 'an invisible or decorative character in a table' },
};

export interface RelatedInfo {
	range: Range;
	message: string;
	/** Another report (a path or URI) the range is in; absent for the report itself. */
	file?: string;
}

export interface Fix {
	title: string;
	edits: TextEdit[];
}

/** One problem found in a report: what a diagnostic shows, in plain data. */
export interface Finding {
	code: Code;
	severity: Severity;
	message: string;
	range: Range;
	related?: RelatedInfo[];
	/** The certain fix: offered as preferred and applied by fix-all (balance) or on request. */
	fix?: Fix;
	/** Fixes to choose from when none is certain (several cells could be the wrong one): never preferred, never applied by fix-all. */
	alternatives?: Fix[];
	/** Facts the finding was made from (expected value, the rule id), for hovers and code actions. */
	data?: Record<string, unknown>;
}

export function formatMessage(template: string, params: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function message(code: Code, lang: Lang, params: Record<string, string | number>, variant?: string): string {
	const info: CodeInfo = CODES[code];
	return formatMessage((variant ? info.variants?.[variant] : undefined)?.[lang] ?? info.message[lang], params);
}
