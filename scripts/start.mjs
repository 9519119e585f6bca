#!/usr/bin/env node
// The command behind `npm start`.
//
//   1. builds the web app (vite build in packages/web) when packages/web/dist/index.html is missing
//      or older than any of its sources (packages/web/src, index.html, portal.html, vite.config.ts,
//      package.json) or of packages/core/src, which the app bundles; then its compressed copies;
//   2. runs the server with demo data: `node packages/server/src/cli/main.ts start --demo`,
//      forwarding SIGINT/SIGTERM/SIGHUP to it and exiting with its exit code.
//
// Extra arguments are passed to `sabt start`. Set SABT_SKIP_WEB_BUILD=1 to start without building.
// Only Node built-ins are used.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'packages/web');
const BUILT = join(WEB, 'dist/index.html');
const SOURCES = [
  join(WEB, 'src'),
  join(WEB, 'index.html'),
  join(WEB, 'portal.html'),
  join(WEB, 'vite.config.ts'),
  join(WEB, 'package.json'),
  join(ROOT, 'packages/core/src'),
];

function log(message) {
  console.log(`[start] ${message}`);
}

/** The newest modification time under `path` (a file or a folder, recursively). */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function webBuildReason() {
  if (!existsSync(BUILT)) return 'packages/web/dist/index.html is missing';
  const built = statSync(BUILT).mtimeMs;
  const changed = SOURCES.find((source) => newest(source) > built);
  return changed ? `${changed.slice(ROOT.length + 1)} changed since the last build` : null;
}

function buildWeb() {
  const reason = webBuildReason();
  if (!reason) {
    log('web app is up to date (packages/web/dist)');
    return;
  }
  log(`building the web app: ${reason}`);
  const vite = join(
    dirname(createRequire(join(WEB, 'package.json')).resolve('vite/package.json')),
    'bin/vite.js',
  );
  const res = spawnSync(process.execPath, [vite, 'build'], { cwd: WEB, stdio: 'inherit' });
  const compressed =
    res.status === 0
      ? spawnSync(process.execPath, [join(ROOT, 'scripts/compress-build.mjs')], {
          cwd: ROOT,
          stdio: 'inherit',
        })
      : res;
  if (res.status !== 0 || compressed.status !== 0) {
    console.error('[start] the web app did not build; see the messages above');
    process.exit(res.status ?? 1);
  }
}

if (process.env.SABT_SKIP_WEB_BUILD === '1') log('SABT_SKIP_WEB_BUILD=1: not building the web app');
else buildWeb();

const server = spawn(
  process.execPath,
  ['packages/server/src/cli/main.ts', 'start', '--demo', ...process.argv.slice(2)],
  // Its own process group: a Ctrl-C in the terminal reaches it once, through us, not twice.
  { cwd: ROOT, stdio: 'inherit', detached: true },
);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}

server.on('error', (error) => {
  console.error(`[start] could not start the server: ${error.message}`);
  process.exit(1);
});

server.on('exit', (code, signal) => {
  if (signal) {
    const numbers = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1, SIGKILL: 9 };
    process.exit(128 + (numbers[signal] ?? 1));
  }
  process.exit(code ?? 1);
});
