// The statistics tables laid out as the official forms print them (国办公开办函〔2021〕30号 and
// 〔2019〕60号): Table 2 with its merged header (the 勾稽 note over 3×3 cells, 申请人情况 over the
// seven columns, 法人或其他组织 over five) and its row groups merged down the left, Table 3 with its
// 行政复议 / 行政诉讼 groups. Values come from the model; widths come from the document style.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (content, attrs = {}) => {
	const a = Object.entries(attrs)
		.filter(([, v]) => v !== undefined && v !== 1)
		.map(([k, v]) => ` ${k}="${v}"`)
		.join('');
	return `<td${a}>${esc(content)}</td>`;
};

const TOTAL_COLUMNS = new Set(['total', 'review.total', 'suit.total', 'suitAfterReview.total']);

/** The text a value cell prints: blank for a 0 input cell of Table 2 when the style leaves zeros blank. */
function cellText(row, column, style, blankZeros = false) {
	const v = row.values[column];
	if (!v) return '';
	const text = v.text ?? (v.value === null || v.value === undefined ? '' : String(v.value));
	if (blankZeros && style.blankZeroInputs && text === '0' && !TOTAL_COLUMNS.has(column) && row.key !== 'R3.7') return '';
	return text;
}

function colgroup(widths) {
	return `<colgroup>${widths.map((w) => `<col width="${w}%">`).join('')}</colgroup>`;
}

/** Table 1: one grid of four columns, a title row per 第二十条 item, the single-value blocks spanning three. */
export function activeTable(tables, style) {
	const width = 1 + Math.max(...tables.map((t) => t.columns.length));
	const rows = [];
	for (const t of tables) {
		const item = t.title.split(/\s+/)[0];
		rows.push(`<tr>${td(item, { colspan: width, align: 'center' })}</tr>`);
		const spans = t.columns.map((_, i) => (i === t.columns.length - 1 ? width - t.columns.length : 1));
		rows.push(`<tr>${td('信息内容', { align: 'center' })}${t.columns.map((c, i) => td(c.label, { colspan: spans[i], align: 'center' })).join('')}</tr>`);
		for (const r of t.rows) rows.push(`<tr>${td(r.label)}${t.columns.map((c, i) => td(cellText(r, c.key, style), { colspan: spans[i], align: 'center' })).join('')}</tr>`);
	}
	const first = style.activeLabelWidth ?? 34;
	const rest = (100 - first) / (width - 1);
	return `<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="2">${colgroup([first, ...Array(width - 1).fill(rest.toFixed(2))])}<tbody>${rows.join('')}</tbody></table>`;
}

/** Which merged group of Table 2 a row belongs to: top rows, or a result sub-group under 三、本年度办理结果. */
function requestGroup(key) {
	const m = /^R3\.(\d)\.\d$/.exec(key);
	return m ? `R3.${m[1]}` : key.startsWith('R3.') ? 'R3' : 'top';
}

const SUBGROUP_LABELS = { 'R3.3': '（三）不予公开', 'R3.4': '（四）无法提供', 'R3.5': '（五）不予处理', 'R3.6': '（六）其他处理' };

export function requestsTable(table, style) {
	const cols = table.columns.map((c) => c.key);
	const [a, b, c] = style.labelWidths;
	const n = style.numberWidth ?? (100 - a - b - c) / 7;
	const head = [
		`<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rowspan: 3, colspan: 3 })}${td('申请人情况', { colspan: 7, align: 'center' })}</tr>`,
		`<tr>${td('自然人', { rowspan: 2, align: 'center' })}${td('法人或其他组织', { colspan: 5, align: 'center' })}${td('总计', { rowspan: 2, align: 'center' })}</tr>`,
		`<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((l) => td(l, { align: 'center' })).join('')}</tr>`,
	];
	// Rows of a result sub-group are merged under its heading cell; unknown local rows stay where the model has them.
	let rows = table.rows.map((r) => ({ row: r, group: r.key.startsWith('?') ? null : requestGroup(r.key) }));
	for (let i = 0; i < rows.length; i++) if (rows[i].group === null) rows[i].group = i > 0 && rows[i - 1].group !== 'top' && rows[i - 1].row.key !== 'R3.7' ? rows[i - 1].group : 'top';
	const r3Count = rows.filter((r) => r.group !== 'top').length;
	const body = [];
	let r3Printed = false;
	for (let i = 0; i < rows.length; i++) {
		const { row, group } = rows[i];
		const values = cols.map((k) => td(cellText(row, k, style, true), { align: 'center' })).join('');
		if (group === 'top') {
			body.push(`<tr>${td(row.label, { colspan: 3 })}${values}</tr>`);
			continue;
		}
		let lead = '';
		if (!r3Printed) {
			lead += td('三、本年度办理结果', { rowspan: r3Count });
			r3Printed = true;
		}
		if (group === 'R3') {
			body.push(`<tr>${lead}${td(row.label, { colspan: 2 })}${values}</tr>`);
			continue;
		}
		if (i === 0 || rows[i - 1].group !== group) {
			let span = 0;
			while (rows[i + span] && rows[i + span].group === group) span++;
			lead += td(SUBGROUP_LABELS[group] ?? group, { rowspan: span });
		}
		body.push(`<tr>${lead}${td(row.label)}${values}</tr>`);
	}
	return `<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="2">${colgroup([a, b, c, ...Array(7).fill(n.toFixed(2))])}<thead>${head.join('')}</thead><tbody>${body.join('')}</tbody></table>`;
}

export function appealsTable(table, style) {
	const outcome = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
	const head = [
		`<tr>${td('行政复议', { colspan: 5, align: 'center' })}${td('行政诉讼', { colspan: 10, align: 'center' })}</tr>`,
		`<tr>${outcome.map((l) => td(l, { rowspan: 2, align: 'center' })).join('')}${td('未经复议直接起诉', { colspan: 5, align: 'center' })}${td('复议后起诉', { colspan: 5, align: 'center' })}</tr>`,
		`<tr>${[...outcome, ...outcome].map((l) => td(l, { align: 'center' })).join('')}</tr>`,
	];
	const body = table.rows.map((r) => `<tr>${table.columns.map((c) => td(cellText(r, c.key, style), { align: 'center' })).join('')}</tr>`);
	return `<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="2">${colgroup(Array(15).fill('6.66'))}<thead>${head.join('')}</thead><tbody>${body.join('')}</tbody></table>`;
}

/** Any other table (pre-2019 统计表, local tables): its rows as the text lays them out, cells split on pipes. */
export function plainTable(sourceRows, style) {
	const width = Math.max(...sourceRows.map((r) => r.length));
	const body = sourceRows.map((cells, i) => {
		const spanLast = width - cells.length + 1;
		return `<tr>${cells.map((c, j) => td(c, { colspan: j === cells.length - 1 ? spanLast : 1, align: j === 0 ? undefined : 'center' })).join('')}</tr>`;
	});
	const first = style.plainLabelWidth ?? 60;
	const rest = (100 - first) / Math.max(1, width - 1);
	return `<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="2">${colgroup([first, ...Array(width - 1).fill(rest.toFixed(2))])}<tbody>${body.join('')}</tbody></table>`;
}
