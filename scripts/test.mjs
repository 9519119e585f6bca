#!/usr/bin/env node
// The command behind `npm test`.
//
// Steps (each streams its output to the console):
//   1. lint       `biome check .`                       (counts as one test)
//   2. typecheck  `tsc -p tsconfig.json --noEmit`       (counts as one test)
//   3. build:web  `npm run build:web` (vite build of packages/web, served by the server; counts as one test)
//   4. vitest against embedded PGlite (SABT_TEST_DATABASE_URL unset)
//   5. vitest for packages/server against a throwaway PostgreSQL 15
//      (skipped with SABT_SKIP_POSTGRES=1)
//
// The very last line printed is `${passed} passed, ${failed} failed`; the exit code is 1 when anything failed.
// Only Node built-ins are used.

import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TMP = join(ROOT, '.tmp');
const PG_VERSION_BINDIR = '/usr/lib/postgresql/15/bin';
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
// initdb refuses to run as root: as root, PostgreSQL binaries run via `runuser -u postgres --`.
const RUNUSER =
  ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p)) ?? 'runuser';

/** @type {{ name: string; passed: number; failed: number; note: string }[]} */
const results = [];

/** @type {import('node:child_process').ChildProcess | null} */
let currentChild = null;

/** State of the throwaway PostgreSQL server, for cleanup. */
const pg = {
  /** @type {string | null} */ bindir: null,
  /** @type {string | null} */ tmpDir: null,
  /** @type {string | null} */ dataDir: null,
  started: false,
};

function log(message) {
  console.log(`[test] ${message}`);
}

function banner(title) {
  console.log(`\n[test] ==== ${title} ====`);
}

/**
 * Runs a command, streaming (or capturing) its output.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv; cwd?: string; capture?: boolean }} [options]
 * @returns {Promise<{ code: number; output: string }>}
 */
function run(cmd, args, options = {}) {
  return new Promise((resolvePromise) => {
    let output = '';
    let settled = false;
    const finish = (code) => {
      if (settled) return;
      settled = true;
      currentChild = null;
      resolvePromise({ code, output });
    };
    let child;
    try {
      child = spawn(cmd, args, {
        cwd: options.cwd ?? ROOT,
        env: options.env ?? process.env,
        stdio: ['ignore', options.capture ? 'pipe' : 'inherit', options.capture ? 'pipe' : 'inherit'],
        // Own process group, so the whole tree (npx -> vitest -> workers) can be signalled on interrupt.
        detached: true,
      });
    } catch (error) {
      output = `failed to start ${cmd}: ${error instanceof Error ? error.message : String(error)}`;
      finish(127);
      return;
    }
    currentChild = child;
    if (options.capture) {
      child.stdout?.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr?.on('data', (chunk) => {
        output += chunk;
      });
    }
    child.on('error', (error) => {
      output += `\nfailed to start ${cmd}: ${error.message}`;
      finish(127);
    });
    child.on('close', (code, signal) => {
      finish(code ?? (signal ? 128 : 1));
    });
  });
}

/** Records a step that counts as a single test. */
function recordSingle(name, code) {
  const ok = code === 0;
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, note: ok ? 'ok' : `exit code ${code}` });
}

async function stepCommand(name, cmd, args) {
  banner(`${name}: ${cmd} ${args.join(' ')}`);
  const { code, output } = await run(cmd, args);
  if (output) console.error(output);
  recordSingle(name, code);
}

/**
 * Runs vitest with a JSON report and records passed/failed counts from it.
 * @param {string} name
 * @param {string[]} filters
 * @param {string} reportName
 * @param {NodeJS.ProcessEnv} env
 */
async function stepVitest(name, filters, reportName, env) {
  mkdirSync(TMP, { recursive: true });
  const outputFile = join(TMP, reportName);
  rmSync(outputFile, { force: true });
  const args = [
    'vitest',
    'run',
    ...filters,
    '--passWithNoTests',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${join('.tmp', reportName)}`,
  ];
  banner(`${name}: npx ${args.join(' ')}`);
  const { code, output } = await run('npx', args, { env });
  if (output) console.error(output);

  if (!existsSync(outputFile)) {
    if (code === 0) {
      results.push({ name, passed: 0, failed: 0, note: 'no tests (no JSON report written)' });
    } else {
      results.push({
        name,
        passed: 0,
        failed: 1,
        note: `vitest exited with code ${code} without a JSON report`,
      });
    }
    return;
  }

  let report;
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.push({ name, passed: 0, failed: 1, note: `unreadable JSON report ${outputFile}: ${message}` });
    return;
  }

  const passed = Number(report.numPassedTests ?? 0);
  let failed = Number(report.numFailedTests ?? 0);
  const notes = [];
  // Files that failed without a failing test (failed to load, failing beforeAll/afterAll hooks, ...).
  const testResults = Array.isArray(report.testResults) ? report.testResults : [];
  const brokenFiles = testResults.filter(
    (file) =>
      file.status === 'failed' &&
      !(Array.isArray(file.assertionResults) && file.assertionResults.some((t) => t.status === 'failed')),
  );
  // The failing tests by name, so the summary at the end of a long log says which they were.
  const failedTests = testResults.flatMap((file) =>
    (Array.isArray(file.assertionResults) ? file.assertionResults : [])
      .filter((t) => t.status === 'failed')
      .map((t) => {
        const why = String((t.failureMessages ?? [])[0] ?? '')
          .split('\n')[0]
          .slice(0, 200);
        return `${file.name.replace(`${ROOT}/`, '')} > ${t.fullName ?? t.title}${why ? ` (${why})` : ''}`;
      }),
  );
  for (const t of failedTests.slice(0, 10)) notes.push(`failed: ${t}`);
  if (failedTests.length > 10) notes.push(`and ${failedTests.length - 10} more failed`);
  if (brokenFiles.length > 0) {
    failed += brokenFiles.length;
    for (const file of brokenFiles) {
      notes.push(
        `failed suite ${file.name.replace(`${ROOT}/`, '')}: ${String(file.message ?? '').split('\n')[0]}`,
      );
    }
  } else if (failed === 0 && Number(report.numFailedTestSuites ?? 0) > 0) {
    failed += Number(report.numFailedTestSuites);
    notes.push(`${report.numFailedTestSuites} failed suite(s)`);
  }
  if (code !== 0 && failed === 0) {
    // e.g. unhandled errors during the run: vitest fails although every test passed.
    failed += 1;
    notes.push(`vitest exited with code ${code} although no test failed (unhandled errors?)`);
  }
  const total = Number(report.numTotalTests ?? 0);
  if (total === 0 && testResults.length === 0) notes.push('no test files');
  results.push({
    name,
    passed,
    failed,
    note: notes.join('\n[test]      ') || (failed > 0 ? 'tests failed' : 'ok'),
  });
}

// ---------------------------------------------------------------------------
// Throwaway PostgreSQL
// ---------------------------------------------------------------------------

function findPgBindir() {
  if (existsSync(join(PG_VERSION_BINDIR, 'postgres')) && existsSync(join(PG_VERSION_BINDIR, 'initdb'))) {
    return PG_VERSION_BINDIR;
  }
  const res = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (res.status === 0) {
    const dir = res.stdout.trim();
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

/** Command + args to run a PostgreSQL server binary as the `postgres` OS user when we are root. */
function asPostgres(bin, args) {
  const path = join(/** @type {string} */ (pg.bindir), bin);
  return IS_ROOT ? [RUNUSER, ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

function lookupId(flag) {
  const res = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`cannot look up the postgres OS user (id ${flag} postgres failed)`);
  return Number(res.stdout.trim());
}

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

function tail(text, lines = 30) {
  return text.split('\n').slice(-lines).join('\n');
}

function logTail() {
  if (!pg.tmpDir) return '';
  try {
    return tail(readFileSync(join(pg.tmpDir, 'postgres.log'), 'utf8'));
  } catch {
    return '';
  }
}

/** Starts PostgreSQL; returns the connection URL. Throws with a clear message on failure. */
async function startPostgres() {
  pg.bindir = findPgBindir();
  if (!pg.bindir) {
    throw new Error(
      `PostgreSQL binaries not found (looked in ${PG_VERSION_BINDIR} and \`pg_config --bindir\`); ` +
        'install postgresql-15 or set SABT_SKIP_POSTGRES=1',
    );
  }
  log(`using PostgreSQL binaries from ${pg.bindir}`);

  pg.tmpDir = mkdtempSync('/tmp/sabt-pg-');
  if (IS_ROOT) chownSync(pg.tmpDir, lookupId('-u'), lookupId('-g'));
  pg.dataDir = join(pg.tmpDir, 'data');
  const tmpDir = pg.tmpDir;
  const dataDir = pg.dataDir;

  // initdb (try C.UTF-8 first, fall back to C).
  let initOk = false;
  let initOutput = '';
  for (const locale of ['C.UTF-8', 'C']) {
    rmSync(dataDir, { recursive: true, force: true });
    const [cmd, args] = asPostgres('initdb', [
      '-D',
      dataDir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--encoding=UTF8',
      `--locale=${locale}`,
      '--no-sync',
    ]);
    log(`initdb (locale ${locale})`);
    const res = await run(cmd, args, { cwd: tmpDir, capture: true });
    initOutput = res.output;
    if (res.code === 0) {
      initOk = true;
      break;
    }
    log(`initdb with locale ${locale} failed (exit ${res.code})`);
  }
  if (!initOk) throw new Error(`initdb failed:\n${tail(initOutput)}`);

  // Start on a free port; retry a few times in case the port got taken in between.
  let port = 0;
  let lastError = '';
  for (let attempt = 1; attempt <= 3 && !pg.started; attempt++) {
    port = await freePort();
    const serverOptions = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${tmpDir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    const [cmd, args] = asPostgres('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      join(tmpDir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      '-o',
      serverOptions,
      'start',
    ]);
    log(`starting PostgreSQL on 127.0.0.1:${port} (attempt ${attempt})`);
    const res = await run(cmd, args, { cwd: tmpDir, capture: true });
    if (res.code === 0) {
      pg.started = true;
    } else {
      lastError = `${res.output}\n${logTail()}`;
      // Make sure a half-started server does not linger before retrying.
      stopPostgresSync();
    }
  }
  if (!pg.started) throw new Error(`pg_ctl start failed:\n${tail(lastError)}`);

  // Wait until it accepts connections.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await run(
      join(pg.bindir, 'pg_isready'),
      ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres'],
      { capture: true },
    );
    if (res.code === 0) break;
    if (Date.now() > deadline)
      throw new Error(`PostgreSQL did not become ready:\n${res.output}\n${logTail()}`);
    await sleep(250);
  }

  const created = await run(
    join(pg.bindir, 'createdb'),
    ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'sabt_test'],
    { capture: true },
  );
  if (created.code !== 0) throw new Error(`createdb sabt_test failed:\n${created.output}`);

  log(`PostgreSQL ready on 127.0.0.1:${port}, database sabt_test created`);
  return `postgres://postgres@127.0.0.1:${port}/sabt_test`;
}

function postmasterPid() {
  if (!pg.dataDir) return null;
  try {
    const pid = Number(readFileSync(join(pg.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Synchronous, idempotent, silent: usable from exit and signal handlers. */
function stopPostgresSync() {
  if (pg.bindir && pg.dataDir && existsSync(pg.dataDir)) {
    const pid = postmasterPid();
    if (pid !== null || pg.started) {
      const [cmd, args] = asPostgres('pg_ctl', [
        '-D',
        pg.dataDir,
        'stop',
        '-m',
        'immediate',
        '-w',
        '-t',
        '30',
      ]);
      spawnSync(cmd, args, { cwd: pg.tmpDir ?? '/tmp', stdio: 'ignore', timeout: 40_000 });
    }
    // Fallback: if pg_ctl could not stop it, signal the postmaster we started (SIGQUIT = immediate shutdown).
    if (pid !== null && isAlive(pid)) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {}
      const until = Date.now() + 10_000;
      while (isAlive(pid) && Date.now() < until) spawnSync('sleep', ['0.1']);
      if (isAlive(pid)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {}
      }
    }
  }
  pg.started = false;
}

function cleanupPostgresSync() {
  stopPostgresSync();
  if (pg.tmpDir) {
    try {
      rmSync(pg.tmpDir, { recursive: true, force: true });
    } catch {}
    pg.tmpDir = null;
    pg.dataDir = null;
  }
}

/** Signals the process group led by `pid` (children are spawned detached); ignores errors. */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {}
}

process.on('exit', () => {
  cleanupPostgresSync();
});

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
for (const [signal, number] of Object.entries(SIGNALS)) {
  process.on(/** @type {NodeJS.Signals} */ (signal), () => {
    console.error(`\n[test] received ${signal}, cleaning up`);
    const child = currentChild;
    if (child?.pid && child.exitCode === null) signalGroup(child.pid, /** @type {NodeJS.Signals} */ (signal));
    cleanupPostgresSync();
    const finish = () => {
      if (child?.pid) signalGroup(child.pid, 'SIGKILL');
      cleanupPostgresSync();
      process.exit(128 + number);
    };
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      // Give the child tree a moment to exit on its own, then kill whatever is left of its group.
      child.once('close', finish);
      setTimeout(finish, 5_000).unref();
    } else {
      finish();
    }
  });
}

async function stepPostgres() {
  const name = 'vitest (postgres)';
  if (process.env.SABT_SKIP_POSTGRES === '1') {
    banner(`${name}: skipped (SABT_SKIP_POSTGRES=1)`);
    results.push({ name, passed: 0, failed: 0, note: 'skipped (SABT_SKIP_POSTGRES=1)' });
    return;
  }
  banner(`${name}: starting a throwaway PostgreSQL 15`);
  try {
    let url;
    try {
      url = await startPostgres();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[test] ERROR: could not start PostgreSQL: ${message}`);
      results.push({
        name,
        passed: 0,
        failed: 1,
        note: `PostgreSQL could not be started: ${message.split('\n').filter(Boolean).slice(0, 2).join(' ')}`,
      });
      return;
    }
    const env = { ...process.env, SABT_TEST_DATABASE_URL: url };
    await stepVitest(name, ['packages/server'], 'vitest-postgres.json', env);
  } finally {
    log('stopping PostgreSQL and removing its temp dir');
    cleanupPostgresSync();
  }
}

async function main() {
  process.chdir(ROOT);

  await stepCommand('lint', 'npx', ['biome', 'check', '.']);
  await stepCommand('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  await stepCommand('build:web', 'npm', ['run', 'build:web']);

  const pgliteEnv = { ...process.env };
  delete pgliteEnv.SABT_TEST_DATABASE_URL;
  await stepVitest('vitest (pglite)', [], 'vitest-pglite.json', pgliteEnv);

  await stepPostgres();
}

let crashed = null;
try {
  await main();
} catch (error) {
  crashed = error;
  console.error('[test] ERROR: test runner crashed:', error);
  cleanupPostgresSync();
}

console.log('\n[test] ==== summary ====');
for (const r of results) {
  const status = r.failed > 0 ? 'FAIL' : 'ok  ';
  console.log(`[test] ${status} ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.note})`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0) + (crashed ? 1 : 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
