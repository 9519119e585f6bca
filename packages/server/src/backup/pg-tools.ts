import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where Debian puts the PostgreSQL 15 client tools (as scripts/test.mjs looks for them first). */
const PG_15_BINDIR = '/usr/lib/postgresql/15/bin';

/**
 * The directory of pg_dump and pg_restore: PostgreSQL 15's on Debian, else `pg_config --bindir`,
 * else whatever the PATH finds (an empty string).
 */
export function pgBindir(): string {
  if (existsSync(path.join(PG_15_BINDIR, 'pg_dump'))) return PG_15_BINDIR;
  const res = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const dir = res.status === 0 ? res.stdout.trim() : '';
  return dir && existsSync(path.join(dir, 'pg_dump')) ? dir : '';
}

/**
 * libpq's variables for a connection URL, so that no password shows in the tools' arguments (ps).
 * The URL's query parameters libpq knows as variables (sslmode …) are passed too.
 */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = {};
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname.replace(/^\[|\]$/g, ''));
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const db = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (db) env.PGDATABASE = db;
  const known: Record<string, string> = {
    sslmode: 'PGSSLMODE',
    sslrootcert: 'PGSSLROOTCERT',
    sslcert: 'PGSSLCERT',
    sslkey: 'PGSSLKEY',
    host: 'PGHOST',
    port: 'PGPORT',
    user: 'PGUSER',
    password: 'PGPASSWORD',
    application_name: 'PGAPPNAME',
  };
  for (const [name, value] of u.searchParams) if (known[name]) env[known[name]] = value;
  return env;
}

/** Runs a PostgreSQL client tool against the database of `url`; rejects with its error output. */
export function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const dir = pgBindir();
  const cmd = dir ? path.join(dir, tool) : tool;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: { ...process.env, ...libpqEnv(url) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('error', (e) =>
      reject(new Error(`${tool} could not be run (${e.message}): install the PostgreSQL 15 client tools`)),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
