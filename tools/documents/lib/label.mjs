// Places the manifest's true findings on the lines of an extracted text: each finding names the
// row (a fragment of its label, `anchor`) and the cell's printed value (`context`); the finding's
// line is the nearest line to the anchor that shows that value as a whole number. Routes move
// values away from their labels differently (pdftotext raw prints a row's cells after its label),
// so the window looks further ahead than behind.

const asNumber = (v) => new RegExp(`(?<![\\d.])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d.])`);

export function locateFindings(findings, lines, route, name) {
	const out = [];
	for (const f of findings) {
		if (f.routes && !f.routes.includes(route)) continue;
		if (f.anchor === undefined) {
			const label = { code: f.code, severity: f.severity };
			if (f.optional) label.optional = true;
			label.why = f.why;
			out.push(label);
			continue;
		}
		let from = 0;
		if (f.after) {
			const a = lines.findIndex((l) => l.includes(f.after));
			if (a < 0) throw new Error(`${name}: 'after' anchor '${f.after}' not found`);
			from = a;
		}
		const anchors = [].concat(f.anchor);
		let at = -1;
		for (const anchor of anchors) {
			at = lines.findIndex((l, i) => i >= from && l.includes(anchor));
			if (at >= 0) break;
		}
		if (at < 0) throw new Error(`${name}: anchor '${anchors.join("' / '")}' not found`);
		let line = at;
		if (f.context !== undefined) {
			const re = asNumber(f.context);
			const ahead = route === 'pdftotext-raw' ? 400 : (f.ahead ?? 6);
			const candidates = [];
			// pdftotext raw prints cells in drawing order: a row's values may come before its (merged) label.
			const behind = route === 'pdftotext-raw' ? 400 : 3;
			for (let d = -behind; d <= ahead; d++) if (lines[at + d] !== undefined && re.test(lines[at + d])) candidates.push(at + d);
			if (!candidates.length) throw new Error(`${name}: no '${f.context}' near '${anchors[0]}' (line ${at + 1})`);
			const nth = (route === 'pdftotext-raw' ? f.rawNth : undefined) ?? f.nth ?? 0;
			line = f.nth !== undefined || (route === 'pdftotext-raw' && f.rawNth !== undefined) ? candidates.filter((c) => c >= at)[nth] ?? candidates[0] : candidates.sort((a, b) => Math.abs(a - at) - Math.abs(b - at) || b - a)[0];
		}
		const label = { code: f.code, severity: f.severity, line: line + 1, context: f.context ?? lines[line].trim().slice(0, 12) };
		if (f.optional) label.optional = true;
		label.why = f.why;
		console.log(`  ${name}: ${f.code} line ${line + 1}: ${lines[line].trim().slice(0, 90)}`);
		out.push(label);
	}
	return out;
}

/** The PDF's page numbers (— 3 —) as pdftotext prints them: removable artefacts a reviewer may or may not mention. */
export function pageNumberFindings(lines) {
	const out = [];
	lines.forEach((l, i) => {
		const m = /^\f?\s*(—\s*\d+\s*—)\s*$/.exec(l);
		if (m) out.push({ code: 'cleanup.artifact', severity: 'warning', line: i + 1, context: m[1], optional: true, why: 'page number printed in the PDF footer' });
	});
	return out;
}
