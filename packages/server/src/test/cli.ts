import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, vi } from 'vitest';
import { main } from '../cli/main.ts';
import type { PasswordInput } from '../cli/read-password.ts';
import { connect } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { throwawayDatabase } from './harness.ts';

/** What a command line run printed: standard output and console.log as `out`, console.error as `err`. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the `sabt` command line in-process, capturing what it prints. */
export async function runCli(argv: string[], io?: PasswordInput): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    }),
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(`${a.join(' ')}\n`)),
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(`${a.join(' ')}\n`)),
  ];
  try {
    const code = await (io ? main(argv, io) : main(argv));
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

/**
 * The command line's own database for a test file (or a describe block): an embedded one in a scratch
 * folder, or a throwaway PostgreSQL database when SABT_TEST_DATABASE_URL is set. `env` sets more of the
 * CLI's environment (undefined: unset); everything is restored afterwards.
 */
export function useCliDatabase(
  prefix: string,
  env: () => Promise<Record<string, string | undefined>> | Record<string, string | undefined> = () => ({}),
) {
  const saved: Record<string, string | undefined> = {};
  const state = { dataDir: '', drop: undefined as (() => Promise<void>) | undefined };
  const set = (name: string, value: string | undefined) => {
    if (!(name in saved)) saved[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  beforeAll(async () => {
    state.dataDir = mkdtempSync(path.join(tmpdir(), `sabt-${prefix}-`));
    set('SABT_DATA_DIR', state.dataDir);
    set('DATABASE_URL', undefined);
    for (const [name, value] of Object.entries(await env())) set(name, value);
    const server = process.env.SABT_TEST_DATABASE_URL;
    if (server) {
      const db = await throwawayDatabase(server, 'sabt_cli');
      set('DATABASE_URL', db.url);
      state.drop = db.drop;
    }
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await state.drop?.();
    if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
  });
  return {
    get dataDir() {
      return state.dataDir;
    },
    /** Opens the database the CLI uses (closed before the CLI runs again: PGlite is single-process). */
    async withDb<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
      const dbx = await connect({ databaseUrl: process.env.DATABASE_URL, dataDir: state.dataDir });
      try {
        return await fn(dbx.db);
      } finally {
        await dbx.close();
      }
    },
  };
}
