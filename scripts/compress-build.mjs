#!/usr/bin/env node
// Writes a gzip (level 9) and a brotli (quality 11) copy beside every text file of the web build
// (scripts, styles, HTML, SVG), so that the server sends them compressed without compressing on each
// request (@fastify/static `preCompressed`: .br, else .gz, else the file, by the browser's
// Accept-Encoding). Run after `vite build` by `npm run build:web`. Only Node built-ins are used.
//
//   node scripts/compress-build.mjs [dist]      (default: packages/web/dist)

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(ROOT, 'packages/web/dist'));
const TEXT = new Set(['.js', '.css', '.html', '.svg', '.txt', '.json']);
const MIN_BYTES = 1024;

let files = 0;
let before = 0;
let after = 0;
function walk(dir) {
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue; // .vite: the build's manifest, never served
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (TEXT.has(extname(entry)) && statSync(path).size >= MIN_BYTES) {
      const bytes = readFileSync(path);
      const gz = gzipSync(bytes, { level: 9 });
      const br = brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      });
      writeFileSync(`${path}.gz`, gz);
      writeFileSync(`${path}.br`, br);
      files++;
      before += bytes.length;
      after += br.length;
    }
  }
}
walk(dist);
console.log(
  `compressed ${files} files of ${dist}: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB (brotli)`,
);
