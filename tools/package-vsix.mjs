#!/usr/bin/env node
// `npm run package`'s second half: vsce package, without node_modules (esbuild bundled them).
//
// The README's relative links (its picture, docs/*.md, SECURITY.md) are shipped inside the .vsix
// (.vscodeignore) and, by default, kept relative, so they resolve inside the package. VS Code's
// extension details page, though, shows a README picture only from an https URL (1.139 drops
// relative and data: image sources). When this repository's files are served over https, set
// NIANBAO_BASE_URL to the address of its root (the folder holding README.md, e.g. a raw-file URL
// of the default branch): relative links are then rewritten to absolute ones there, and the
// details page shows the picture. A "repository" field in package.json does the same for GitHub
// and GitLab (vsce derives the URLs); without either, links stay relative.
//
//   npm run package                                     # links stay relative
//   NIANBAO_BASE_URL=https://host/path npm run package  # links point to https://host/path/…
// Extra arguments are passed on to vsce (e.g. --out FILE).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const vscePackage = require.resolve('@vscode/vsce/package.json');
const vsce = join(dirname(vscePackage), JSON.parse(readFileSync(vscePackage, 'utf8')).bin.vsce);
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const base = process.env.NIANBAO_BASE_URL?.replace(/\/+$/, '');
if (base && !/^https:\/\//.test(base)) {
	console.error(`package: NIANBAO_BASE_URL must be an https URL (VS Code shows README pictures only from https), not ${base}`);
	process.exit(2);
}
const links = base ? ['--baseContentUrl', base, '--baseImagesUrl', base] : manifest.repository ? [] : ['--no-rewrite-relative-links'];
console.log(`package: README links ${base ? `rewritten to ${base}/…` : manifest.repository ? 'rewritten to the repository' : 'kept relative (inside the package)'}`);
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', ...links, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
