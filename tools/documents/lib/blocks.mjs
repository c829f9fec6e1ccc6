// Turns a report text and the project's own model of it (`nianbao extract`) into document blocks:
// title, headings, paragraphs and tables, in reading order. Tables keep the model's values, so a
// document shows exactly the cells the text reader saw (or the ones the manifest corrects).

/** Offsets of each line start, so the model's (line, character) positions become string offsets. */
function lineStarts(text) {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
	return starts;
}

function flattenSections(sections, out = []) {
	for (const s of sections) {
		out.push(s);
		flattenSections(s.children ?? [], out);
	}
	return out;
}

/**
 * Tables that the official form prints as one grid: the 主动公开 sub-tables (第二十条第（一）（五）（六）（八）（九）项)
 * are one table with a title row per item, so consecutive `active.*` tables are merged.
 */
function groupTables(tables) {
	const groups = [];
	for (const t of tables) {
		const last = groups[groups.length - 1];
		if (last && t.id.startsWith('active.') && last.kind === 'active') last.tables.push(t);
		else groups.push({ kind: t.id.startsWith('active.') ? 'active' : t.id, tables: [t] });
	}
	return groups;
}

/**
 * @param text the report text (as decoded)
 * @param model one element of `nianbao extract` output
 * @param options {bodyStart, bodyEnd, title, dropTexts}
 */
export function toBlocks(text, model, options = {}) {
	const starts = lineStarts(text);
	const abs = (p) => starts[p.line] + p.character;
	const bodyStart = options.bodyStart ?? 0;
	const bodyEnd = options.bodyEnd ?? text.length;
	// A mandated table belongs inside its own section: the web-text reader may also see one in an
	// introduction that lists the section names, and may run a glued table on into the next section.
	const mandated = model.sections.filter((s) => s.mandated).map((s) => ({ key: s.mandated, start: abs(s.range.start) })).sort((a, b) => a.start - b.start);
	const sectionOf = (at) => [...mandated].reverse().find((s) => s.start <= at);
	const nextSectionAfter = (at) => mandated.find((s) => s.start > at)?.start ?? Infinity;
	const inOwnSection = (t) => {
		const kind = t.id.split('.')[0];
		if (!['active', 'requests', 'appeals'].includes(kind) || mandated.length === 0) return true;
		return sectionOf(abs(t.range.start))?.key === kind;
	};
	const groups = groupTables(model.tables.filter(inOwnSection)).map((g) => {
		const start = Math.min(...g.tables.map((t) => abs(t.range.start)));
		return { ...g, start, end: Math.min(Math.max(...g.tables.map((t) => abs(t.range.end))), nextSectionAfter(start)) };
	});
	// Where a table's printed header (before the model's first row) starts: the manifest may extend a table back.
	for (const g of groups) {
		const back = options.tableStarts?.[g.kind];
		if (back) {
			const i = text.lastIndexOf(back, g.start);
			if (i >= 0 && i >= bodyStart) g.start = Math.min(g.start, i);
		}
		const until = options.tableUntil?.[g.kind];
		if (until) {
			const i = text.indexOf(until, g.start);
			if (i < 0) throw new Error(`tableUntil '${until}' not found after the ${g.kind} table`);
			g.end = i;
		}
	}
	const headings = flattenSections(model.sections).map((s) => ({ at: abs(s.range.start), heading: s.heading, level: s.level }));
	// A glued table may be read as starting inside its section's heading (…公开行政复议、行政诉讼情况行政复议行政诉讼…):
	// the heading stays whole.
	for (const g of groups) {
		for (const h of headings) {
			const end = text.startsWith(h.heading, h.at) ? h.at + h.heading.length : h.at;
			if (h.at < g.start && end > g.start) g.start = end;
		}
	}
	const blocks = [];
	if (options.title) blocks.push({ type: 'title', lines: options.title });
	let cursor = bodyStart;
	const prose = (from, to) => {
		const piece = text.slice(from, to);
		// Break the prose at every heading the model found, and at the text's own line breaks.
		const cuts = headings.filter((h) => h.at > from && h.at < to).map((h) => h.at - from);
		const parts = [];
		let prev = 0;
		for (const c of [...cuts, piece.length]) {
			let s = piece.slice(prev, c);
			for (const d of options.dropTexts ?? []) s = s.split(d).join('\n');
			for (const b of options.breakBefore ?? []) s = s.split(b).join(`\n${b}`);
			parts.push({ s, heading: headings.find((h) => h.at - from === prev) });
			prev = c;
		}
		for (const part of parts) {
			let s = part.s;
			let first = true;
			for (const raw of s.split(/\r?\n/)) {
				const line = raw.replace(/\s+$/, '');
				// Blank lines, and the closing pipe of a table row the model's range stops short of.
				if (/^[\s|]*$/.test(line)) {
					first = false;
					continue;
				}
				const h = first ? part.heading : undefined;
				first = false;
				// The heading as the text writes it (spaces may sit inside it: 一、 概述), or as the manifest corrects
				// the reader's cut (六、主要问题和改进 | 措施… is 六、主要问题和改进措施).
				const wording = h ? (options.headingFixes?.[h.heading] ?? h.heading) : '';
				const inText = h ? new RegExp('^\\s*' + [...wording].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')).exec(line) : null;
				if (h && inText && line.trim().length > inText[0].trim().length && h.level > 0) {
					// A heading run into its paragraph (web text): print them as a heading and a paragraph.
					blocks.push({ type: 'heading', level: h.level, text: inText[0].trim() });
					const restText = line.slice(inText[0].length).replace(/^[\s。：:]+/, '');
					if (restText) blocks.push({ type: 'para', text: restText });
				} else if (h) blocks.push({ type: 'heading', level: h.level, text: line.trim() });
				else blocks.push({ type: 'para', text: line.trim() });
			}
		}
	};
	for (const g of groups.sort((a, b) => a.start - b.start)) {
		if (g.end <= bodyStart || g.start >= bodyEnd) continue;
		prose(cursor, Math.max(cursor, g.start));
		blocks.push({ type: 'table', kind: g.kind, tables: g.tables });
		cursor = Math.max(cursor, g.end);
	}
	prose(cursor, bodyEnd);
	return blocks;
}
