// Bundles the three entry points (VS Code client, language server, CLI) from the one package.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
	bundle: true,
	format: 'cjs',
	platform: 'node',
	target: 'node20',
	sourcemap: !production,
	minify: production,
	logLevel: 'warning',
};

// The CLI's document readers (pdf.js and the rest) are a bundle of their own, required on the
// first .docx/.pdf/.html: checking text reports never compiles them.
const cliDocuments = {
	name: 'cli-documents',
	setup(build) {
		build.onResolve({ filter: /^\.\/documents\.ts$/ }, (args) => (args.importer.endsWith('main.ts') ? { path: './cli-documents.js', external: true } : undefined));
	},
};

const entries = [
	{ entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [cliDocuments] },
	{ entryPoints: ['server/src/cli/documents.ts'], outfile: 'dist/cli-documents.js' },
	{ entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
	{ entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
	// The extension's document readers, on a worker thread (pdf.js's globals stay there).
	{ entryPoints: ['client/src/documentWorker.ts'], outfile: 'dist/document-worker.js' },
].filter((e) => existsSync(e.entryPoints[0]));

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
	await Promise.all(contexts.map((c) => c.watch()));
} else {
	await Promise.all(contexts.map((c) => c.rebuild()));
	await Promise.all(contexts.map((c) => c.dispose()));
}
