#!/usr/bin/env node
// Runs a TypeScript entry point of the project in Node: bundles it with esbuild (WGSL as text,
// npm packages left external) into node_modules/.cache and runs it with the remaining arguments.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outDir = resolve('node_modules/.cache/lucid-run');
mkdirSync(outDir, { recursive: true });
const outfile = resolve(outDir, basename(entry).replace(/\.tsx?$/, '.mjs'));
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  loader: { '.wgsl': 'text' },
  sourcemap: 'inline',
  logLevel: 'error',
});
// Ctrl-C reaches the child through the terminal's process group; the child decides what to do with it
// (the fit command writes the best state so far), so this launcher must not die first.
process.on('SIGINT', () => {});
const res = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
process.exit(res.status ?? 1);
