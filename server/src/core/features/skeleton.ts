import { FORMAT_2021 } from '../templates/format2021.ts';
import type { TableDef, TemplateDef } from '../templates/index.ts';

/**
 * The official 2021 report skeleton (国办公开办函〔2021〕30号): a title, the six mandated sections
 * and the three statistics tables, laid out the way reports are written as plain text. Everything
 * comes from the template data, so the skeleton cannot drift from what the checks expect.
 */

/** The plain-text table layouts a skeleton can be written in. */
export type SkeletonLayout = 'tab-cells' | 'pipe-rows' | 'markdown';

export const SKELETON_LAYOUTS: readonly SkeletonLayout[] = ['tab-cells', 'pipe-rows', 'markdown'];

export interface SkeletonOptions {
	layout?: SkeletonLayout;
	/** Report year in the title; omitted, the title says ××××年. */
	year?: number;
	/** Agency in the title; omitted, a placeholder. */
	agency?: string;
	/** What goes in every value cell: '' (blank, to fill in) or e.g. '0'. */
	fill?: string;
	/** Line break; '\n' by default. */
	eol?: string;
}

/** A table as rows of cells, before it is laid out. */
type Grid = string[][];

const PLACEHOLDER = '在此填写本部分内容。';
/** 六 asks for the 信息处理费 charged (国办公开办函〔2021〕30号): the prompt says so (fees.unreported). */
const PLACEHOLDER_OTHER = '在此填写本部分内容，含本年收取信息处理费的情况（未收取也应说明）。';

const INTRO =
	'本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。';

/** Renders the skeleton of a 2021-format report. */
export function renderSkeleton(options: SkeletonOptions = {}): string {
	const layout = options.layout ?? 'pipe-rows';
	const fill = options.fill ?? '';
	const eol = options.eol ?? '\n';
	const template: TemplateDef = FORMAT_2021;
	const year = options.year !== undefined ? String(options.year) : '××××';
	const agency = options.agency ?? '××××（机关名称）';

	const out: string[] = [`${agency}${year}年政府信息公开工作年度报告`, '', INTRO, ''];
	for (const section of template.sections) {
		out.push(section.title);
		const tables = template.tables.filter((t) => t.section === section.key && t.required);
		if (tables.length === 0) {
			out.push(section.key === 'other' ? PLACEHOLDER_OTHER : PLACEHOLDER, '');
			continue;
		}
		out.push('');
		for (const table of tables) {
			out.push(...layoutGrid(tableGrid(table, fill), layout), '');
		}
	}
	return out.join(eol).replace(/(\r?\n)+$/, '') + eol;
}

/** The cells of one table: its anchor and headers as printed on the official form, then its rows. */
function tableGrid(table: TableDef, fill: string): Grid {
	const values = (n: number) => Array.from({ length: n }, () => fill);
	const numberColumns = table.columns.length;
	const grid = headerGrid(table);
	if (table.unlabeledRow) return [...grid, values(numberColumns)];
	let groups: string[] = [];
	for (const row of table.rows) {
		if (row.optional) continue;
		if (row.kind === 'group') {
			groups.push(row.label);
			continue;
		}
		grid.push([...groups, row.label, ...values(numberColumns)]);
		groups = [];
	}
	return grid;
}

/** The anchor and header rows of a table as the official form prints them (no value row). */
export function headerGrid(table: TableDef): string[][] {
	if (table.unlabeledRow) {
		// Table 3: group headers over outcome headers, both read from the columns' groups.
		const groups = [...new Set(table.columns.map((c) => c.group!.zh))];
		const outcomes = table.columns.filter((c) => c.group!.zh === groups[0]).map((c) => c.group!.header);
		return [[groups[0], table.headers[0]], [...outcomes, ...groups.slice(1)], groups.slice(1).flatMap(() => outcomes)];
	}
	const grid: Grid = [];
	if (table.id === 'requests') {
		// The note cell, 申请人情况 and 法人或其他组织 are the table's first headers.
		const [note, applicants, organisations] = table.headers;
		grid.push([note.replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：').replace(/,/g, '，'), applicants]);
		const [natural, ...rest] = table.columns.map((c) => c.label);
		const total = rest.pop()!;
		grid.push([natural, organisations, total]);
		grid.push(rest);
	} else {
		grid.push([table.anchors[0].replace('(', '（').replace(')', '）')]);
		grid.push(['信息内容', ...table.columns.map((c) => c.label)]);
	}
	return grid;
}

function layoutGrid(grid: Grid, layout: SkeletonLayout): string[] {
	switch (layout) {
		case 'tab-cells': {
			// One cell a line, each after a TAB; a blank line closes a row.
			const lines: string[] = [];
			for (const row of grid) lines.push(...row.map((c) => `\t${c}`), '');
			lines.pop();
			return lines;
		}
		case 'pipe-rows':
			return grid.map((row) => row.map((c) => (c === '' ? ' ' : c)).join(' | ') + ' |');
		case 'markdown': {
			const width = Math.max(...grid.map((r) => r.length));
			const line = (row: string[]) => '| ' + [...row, ...Array(width - row.length).fill('')].map((c) => c || ' ').join(' | ') + ' |';
			const [first, ...rest] = grid;
			return [line(first), '|' + Array(width).fill(' --- ').join('|') + '|', ...rest.map(line)];
		}
	}
}
