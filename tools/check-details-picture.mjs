#!/usr/bin/env node
// Checks the route by which the README's picture reaches the extension's details page: VS Code
// shows README pictures there only from https, so `npm run package` rewrites the README's links
// to NIANBAO_BASE_URL when it is set (tools/package-vsix.mjs). This script stands in for the
// public host on this machine only:
//   1. a throwaway self-signed certificate (openssl) and an https server on 127.0.0.1 (a free
//      port) serving this repository's docs/ folder, read-only, for as long as the check runs;
//   2. a .vsix packaged with NIANBAO_BASE_URL pointing at it (from the dist/ already built);
//   3. that .vsix installed into code-server and its details page opened
//      (tools/show-details-page.mjs --expect-picture): the picture must be shown.
//
//   node tools/check-details-picture.mjs [--out test-output/details-page-picture.png]
//
// Needs what tools/show-details-page.mjs needs, and openssl.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(ROOT, 'docs');
const args = process.argv.slice(2);
const out = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1] : join(ROOT, 'test-output', 'details-page-picture.png'));
const log = (s) => console.log(`details-picture: ${s}`);
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-picture-'));
const done = (code) => {
	rmSync(tmp, { recursive: true, force: true });
	process.exit(code);
};

// 1. Certificate and server.
const key = join(tmp, 'key.pem');
const cert = join(tmp, 'cert.pem');
const ssl = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { encoding: 'utf8' });
if (ssl.status !== 0) {
	console.error(`details-picture: openssl could not make a certificate: ${ssl.stderr || ssl.error}`);
	done(1);
}
const served = [];
const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
	const path = normalize(join(ROOT, decodeURIComponent(new URL(req.url ?? '/', 'https://127.0.0.1').pathname)));
	if (req.method !== 'GET' || !path.startsWith(DOCS + sep) || !existsSync(path) || !statSync(path).isFile()) {
		res.writeHead(404).end();
		return;
	}
	served.push(path.slice(ROOT.length + 1));
	res.writeHead(200, { 'content-type': path.endsWith('.png') ? 'image/png' : 'application/octet-stream' }).end(readFileSync(path));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `https://127.0.0.1:${server.address().port}`;
log(`serving ${DOCS} at ${base}`);
const run = (cmd, argv, env = {}) =>
	new Promise((ok) => spawn(cmd, argv, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } }).once('exit', (code) => ok(code ?? 1)));

// 2. The package, its README links pointing at the server.
const vsix = join(tmp, 'nianbao-https.vsix');
let code = await run(process.execPath, [join(ROOT, 'tools', 'package-vsix.mjs'), '--out', vsix], { NIANBAO_BASE_URL: base });
if (code === 0) code = await run(process.execPath, [join(ROOT, 'tools', 'check-vsix.mjs'), vsix]);

// 3. Installed, and its details page must show the picture (fetched from the server above).
if (code === 0) code = await run(process.execPath, [join(ROOT, 'tools', 'show-details-page.mjs'), vsix, '--out', out, '--expect-picture', '--ignore-certificate-errors']);
server.close();
log(`the server sent: ${served.length ? [...new Set(served)].join(', ') : 'nothing'}`);
if (code === 0 && served.length === 0) {
	console.error('details-picture: the page showed a picture that did not come from the server');
	code = 1;
}
log(code === 0 ? 'the details page shows the README picture when the package names an https base' : 'FAILED');
done(code);
