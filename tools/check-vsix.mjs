#!/usr/bin/env node
// Checks a packaged extension (npm run package) the way its details page will read it:
//   - the manifest's icon is in the package, is a PNG of at least 128x128, and the .vsixmanifest
//     names it as the icon asset;
//   - every relative image and link of the packaged README resolves to a file in the package
//     (images must be PNG, JPEG or GIF: vsce and VS Code refuse SVG); an absolute image must be
//     https (NIANBAO_BASE_URL, see tools/package-vsix.mjs); and it shows at least one picture;
//   - the bundles the manifest starts (main) and the language server are there.
//
//   node tools/check-vsix.mjs nianbao-0.1.0.vsix
//
// Prints what it checked; exits 1 on the first list of problems.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, resolve, sep } from 'node:path';

const vsix = process.argv[2];
if (!vsix || !existsSync(vsix)) {
	console.error('usage: node tools/check-vsix.mjs FILE.vsix');
	process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'nianbao-check-vsix-'));
let r = spawnSync('unzip', ['-q', resolve(vsix), '-d', dir], { stdio: 'inherit' });
if (r.status !== 0) r = spawnSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', resolve(vsix), dir], { stdio: 'inherit' });
if (r.status !== 0) {
	console.error(`check-vsix: could not unpack ${vsix}`);
	process.exit(1);
}
const ext = join(dir, 'extension');
const problems = [];
const inPackage = (rel) => {
	const p = normalize(join(ext, decodeURI(rel.split('#')[0])));
	return p.startsWith(ext + sep) && existsSync(p) && statSync(p).isFile() ? p : undefined;
};

/** The picture's format and size from its first bytes, or undefined when it is none we accept. */
function picture(path) {
	const b = readFileSync(path);
	if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && b.subarray(12, 16).toString('latin1') === 'IHDR')
		return { format: 'PNG', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
	if (b[0] === 0xff && b[1] === 0xd8) return { format: 'JPEG' };
	if (b.subarray(0, 4).toString('latin1') === 'GIF8') return { format: 'GIF', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
	return undefined;
}

// 1. Manifest, icon, bundles.
const manifest = JSON.parse(readFileSync(join(ext, 'package.json'), 'utf8'));
if (!manifest.icon) problems.push('package.json names no "icon"');
else {
	const icon = inPackage(manifest.icon);
	const pic = icon && picture(icon);
	if (!icon) problems.push(`the icon ${manifest.icon} is not in the package`);
	else if (!pic || pic.format !== 'PNG') problems.push(`the icon ${manifest.icon} is not a PNG`);
	else if (pic.width < 128 || pic.height < 128) problems.push(`the icon is ${pic.width}x${pic.height}, smaller than 128x128`);
	else console.log(`check-vsix: icon ${manifest.icon} (${pic.width}x${pic.height} PNG)`);
	const vsixManifest = readFileSync(join(dir, 'extension.vsixmanifest'), 'utf8');
	const asset = /Type="Microsoft\.VisualStudio\.Services\.Icons\.Default" Path="([^"]+)"/.exec(vsixManifest);
	if (asset?.[1] !== `extension/${manifest.icon.replace(/^\.\//, '')}`) problems.push(`extension.vsixmanifest names the icon ${asset?.[1] ?? 'nowhere'}`);
}
for (const f of [manifest.main, 'dist/server.js', 'dist/document-worker.js']) if (!inPackage(f)) problems.push(`${f} is not in the package`);

// 2. The README as packaged (vsce stores it as readme.md) and everything it points to.
const readmeName = readdirSync(ext).find((f) => f.toLowerCase() === 'readme.md');
if (!readmeName) problems.push('the package has no README');
else {
	const readme = readFileSync(join(ext, readmeName), 'utf8').replace(/```[\s\S]*?```/g, '');
	const targets = [
		...[...readme.matchAll(/(!?)\[(?:[^\]\[]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => ({ image: m[1] === '!', target: m[2] })),
		...[...readme.matchAll(/<img[^>]+src=["']([^"']+)["']/g)].map((m) => ({ image: true, target: m[1] })),
	];
	let images = 0;
	let links = 0;
	for (const { image, target } of targets) {
		if (/^(\w+:|#)/.test(target)) {
			if (image && !/^https:/.test(target)) problems.push(`README image ${target} is neither in the package nor on https`);
			else if (image) {
				console.log(`check-vsix: README image ${target} is on https (not checked from here)`);
				images++;
			}
			continue;
		}
		const file = inPackage(target);
		if (!file) {
			problems.push(`README ${image ? 'image' : 'link'} ${target} does not resolve inside the package`);
			continue;
		}
		if (image) {
			const pic = picture(file);
			if (!pic) problems.push(`README image ${target} is not a PNG, JPEG or GIF`);
			else console.log(`check-vsix: README image ${target} (${pic.format}${pic.width ? ` ${pic.width}x${pic.height}` : ''}) is in the package`);
			images++;
		} else links++;
	}
	if (images === 0) problems.push('the packaged README shows no picture');
	console.log(`check-vsix: ${readmeName}: ${images} image(s); ${links} relative link(s) resolve inside the package`);
}

rmSync(dir, { recursive: true, force: true });
if (problems.length) {
	for (const p of problems) console.error(`check-vsix: ${p}`);
	process.exit(1);
}
console.log(`check-vsix: ${vsix} ok`);
