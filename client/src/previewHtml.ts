/**
 * The preview's page: a strict CSP (no remote resource, only this nonce's style and script), the
 * system's Chinese fonts and VS Code's theme colours. The script draws what the extension posts
 * ({type: 'model', model}), marks the cell the editor's cursor is in ({type: 'cursor', position}),
 * and asks the extension to reveal a clicked cell or heading ({type: 'reveal', range}).
 * No vscode import: the page is tested in a plain browser too.
 */
export function previewHtml(nonce: string, cspSource: string, title: string): string {
	const csp = [`default-src 'none'`, `style-src ${cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src ${cspSource} data:`].join('; ');
	return `<!doctype html>
<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${title.replace(/[<>&"]/g, '')}</title>
<style nonce="${nonce}">
body{font-family:var(--vscode-font-family,"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:0 1rem 2rem}
h1{font-size:1.3em}.meta{color:var(--vscode-descriptionForeground)}
.heading{cursor:pointer;margin:.8em 0 .3em;font-weight:bold}.heading.l1{font-size:1.15em}.heading.l2{margin-left:1em}.heading.l3{margin-left:2em;font-weight:normal}
.heading:not(.mandated){color:var(--vscode-descriptionForeground)}
table{border-collapse:collapse;margin:.5em 0 1.2em}caption{text-align:left;font-weight:bold;padding:.2em 0}
th,td{border:1px solid var(--vscode-panel-border,#8886);padding:.15em .45em}th{font-weight:normal;text-align:left}
thead th{background:var(--vscode-editorWidget-background);font-size:.9em}tr.group th{font-weight:bold;background:var(--vscode-editorWidget-background)}
td{text-align:right;cursor:pointer;font-variant-numeric:tabular-nums}td.absent{background:repeating-linear-gradient(45deg,transparent,transparent 4px,#8882 4px,#8882 8px);cursor:default}
td.error{background:var(--vscode-inputValidation-errorBackground,#f002);outline:1px solid var(--vscode-inputValidation-errorBorder,#c00)}
td.warning{background:var(--vscode-inputValidation-warningBackground,#fa02);outline:1px solid var(--vscode-inputValidation-warningBorder,#b80)}
td.inferred{font-style:italic}td.cursor,th.cursor,.heading.cursor{box-shadow:inset 0 0 0 2px var(--vscode-focusBorder)}
#empty{color:var(--vscode-descriptionForeground)}
</style></head>
<body><div id="root"><p id="empty">…</p></div>
<script nonce="${nonce}">
(function () {
	const vscode = acquireVsCodeApi();
	const root = document.getElementById('root');
	let targets = [];
	const el = (tag, props, ...children) => {
		const e = document.createElement(tag);
		Object.assign(e, props || {});
		for (const c of children) if (c != null) e.append(c);
		return e;
	};
	const before = (a, b) => a.line < b.line || (a.line === b.line && a.character <= b.character);
	const reveal = (range) => vscode.postMessage({ type: 'reveal', range });
	function draw(m) {
		targets = [];
		const out = [el('h1', { textContent: m.title || '' }), el('p', { className: 'meta', textContent: m.format + ' · ' + (m.lang === 'zh' ? '错误 ' + m.counts.errors + '，警告 ' + m.counts.warnings : m.counts.errors + ' errors, ' + m.counts.warnings + ' warnings') })];
		const items = [...m.headings.map((h) => ({ at: h.range.start, h })), ...m.tables.map((t) => ({ at: t.range.start, t }))].sort((a, b) => (before(a.at, b.at) ? -1 : 1));
		for (const it of items) {
			if (it.h) {
				const d = el('div', { className: 'heading l' + it.h.level + (it.h.mandated ? ' mandated' : ''), textContent: it.h.text });
				d.addEventListener('click', () => reveal(it.h.range));
				targets.push({ range: it.h.range, node: d });
				out.push(d);
				continue;
			}
			const t = it.t;
			const head = el('tr', {}, el('th'), ...t.columns.map((c) => el('th', { textContent: c })));
			const body = t.rows.map((r) => {
				if (r.group) return el('tr', { className: 'group' }, el('th', { colSpan: t.columns.length + 1, textContent: r.label }));
				const label = el('th', { textContent: r.label });
				if (r.range) {
					label.addEventListener('click', () => reveal(r.range));
					targets.push({ range: r.range, node: label });
				}
				return el('tr', {}, label, ...r.cells.map((c) => {
					if (!c) return el('td', { className: 'absent' });
					const td = el('td', { textContent: c.text, className: [c.status || '', c.inferred ? 'inferred' : ''].join(' ').trim() });
					if (c.messages.length) td.title = c.messages.join('\\n');
					td.dataset.line = String(c.range.start.line);
					td.dataset.character = String(c.range.start.character);
					td.addEventListener('click', () => reveal(c.range));
					targets.push({ range: c.range, node: td });
					return td;
				}));
			});
			out.push(el('table', {}, el('caption', { textContent: t.title }), el('thead', {}, head), el('tbody', {}, ...body)));
		}
		root.replaceChildren(...out);
	}
	function cursor(p) {
		for (const n of document.querySelectorAll('.cursor')) n.classList.remove('cursor');
		// The innermost target whose range holds the cursor: a cell before its row's label.
		const hit = targets.filter((x) => before(x.range.start, p) && before(p, x.range.end)).pop();
		if (hit) {
			hit.node.classList.add('cursor');
			hit.node.scrollIntoView({ block: 'nearest' });
		}
	}
	window.addEventListener('message', (e) => {
		const msg = e.data;
		if (msg && msg.type === 'model') draw(msg.model);
		else if (msg && msg.type === 'cursor') cursor(msg.position);
	});
	vscode.postMessage({ type: 'ready' });
})();
</script></body></html>`;
}
