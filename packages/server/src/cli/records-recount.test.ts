import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from '../db/connect.ts';
import { throwawayDatabase } from '../test/harness.ts';
import { main } from './main.ts';

const saved = { DATABASE_URL: process.env.DATABASE_URL, SABT_DATA_DIR: process.env.SABT_DATA_DIR };
let dataDir: string;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'sabt-cli-recount-'));
  process.env.SABT_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  const server = process.env.SABT_TEST_DATABASE_URL;
  if (server) {
    const db = await throwawayDatabase(server, 'sabt_cli');
    process.env.DATABASE_URL = db.url;
    dropDatabase = db.drop;
  }
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

async function sabt(...argv: string[]) {
  const out: string[] = [];
  const spy = vi
    .spyOn(console, 'log')
    .mockImplementation((...a: unknown[]) => void out.push(`${a.join(' ')}\n`));
  try {
    return { code: await main(argv), out: out.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('sabt records recount', () => {
  it('puts a wrong counter right and says which it was', async () => {
    expect((await sabt('migrate')).code).toBe(0);
    const dbx = await connect({ databaseUrl: process.env.DATABASE_URL, dataDir });
    try {
      await dbx.db
        .insertInto('record_counts')
        .values({
          office_id: 'DU-03-00',
          office_path: 'HQ-00-00/DU/DU-03-00/',
          kind: 'BIRTH',
          status: 'draft',
          flag: '',
          n: 3,
        })
        .execute();
    } finally {
      await dbx.close();
    }
    const fixed = await sabt('records', 'recount');
    expect(fixed).toEqual({ code: 0, out: 'DU-03-00 BIRTH draft (all): 3 → 0\n1 counters corrected\n' });
    expect(await sabt('records', 'recount')).toEqual({ code: 0, out: '0 counters corrected\n' });
  }, 240_000);
});
