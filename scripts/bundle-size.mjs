#!/usr/bin/env node
// Sums the gzip sizes of the JavaScript that a page of the built web app loads at once (the entry
// script and every <link rel="modulepreload">) and prints it; with the build's manifest it also
// prints what each lazy screen adds on top.
//
//   node scripts/bundle-size.mjs [--page index.html] [--max-kb 300]
//   node scripts/bundle-size.mjs --page portal.html --max-kb 100     (the citizen portal)
//
// Exit code 1 when the first screen is over budget. Only Node built-ins are used (scripts/first-screen.ts).
// Run `npm run build:web` first.

import { parseArgs } from 'node:util';
import { firstScreen, kb, lazyExtra, readManifest, sum } from './first-screen.ts';

const { values } = parseArgs({
  options: { page: { type: 'string', default: 'index.html' }, 'max-kb': { type: 'string', default: '300' } },
});
const page = values.page;
const budgetKb = Number(values['max-kb']);

let initial;
try {
  initial = firstScreen(page);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

console.log(`first screen (${page}: entry + modulepreload):`);
for (const s of initial) {
  console.log(`  /${s.file.padEnd(43)} ${kb(s.raw).padStart(10)} raw ${kb(s.gzip).padStart(10)} gzip`);
}
const total = sum(initial);
console.log(
  `  ${'total'.padEnd(44)} ${kb(sum(initial, 'raw')).padStart(10)} raw ${kb(total).padStart(10)} gzip`,
);

// What each lazy screen of this page loads on top of that, from Vite's manifest.
const manifest = readManifest();
if (manifest) {
  const entry = Object.values(manifest).find((c) => c.src === page);
  const reachable = new Set();
  const walk = (key) => {
    const chunk = manifest[key];
    if (!chunk || reachable.has(key)) return;
    reachable.add(key);
    for (const k of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) walk(k);
  };
  if (entry) walk(page);
  console.log('\nlazy screens (JavaScript added on top of the first screen, gzip):');
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry || (entry && !reachable.has(key))) continue;
    const bytes = sum(lazyExtra(manifest, key, initial));
    console.log(`  ${key.padEnd(44)} +${kb(bytes).padStart(9)}  (first screen + this: ${kb(total + bytes)})`);
  }
}

console.log(`\nfirst-screen JavaScript: ${kb(total)} gzipped (budget ${budgetKb} KB)`);
if (total > budgetKb * 1024) {
  console.error(`over budget by ${kb(total - budgetKb * 1024)}`);
  process.exit(1);
}
