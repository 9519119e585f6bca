import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/audit-log.ts';
import { sequenceAudit } from '../audit/sequencer.ts';
import { prepareDatabase } from '../prepare.ts';
import { throwawayDatabase } from '../test/harness.ts';
import { connect, type Db } from './connect.ts';

const server = process.env.SABT_TEST_DATABASE_URL;
const SCRIPT = readFileSync(new URL('../../../../scripts/db-roles.sql', import.meta.url), 'utf8');

/**
 * scripts/db-roles.sql on PostgreSQL: the migrations run as sabt_owner, the servers as sabt_app, which
 * can neither rewrite the logs nor switch their guards off. (PGlite has no roles: production runs on
 * PostgreSQL.)
 */
describe.skipIf(!server)('the PostgreSQL roles of production (scripts/db-roles.sql)', () => {
  let url: string;
  let drop: () => Promise<void>;
  let app: Db;

  const as = (role: string) => {
    const u = new URL(url);
    u.username = role;
    u.password = '';
    return u.toString();
  };
  async function asSuperuser(text: string) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  }

  beforeAll(async () => {
    ({ url, drop } = await throwawayDatabase(server!, 'sabt_roles'));
    await asSuperuser(SCRIPT);
    const owner = await connect({ databaseUrl: as('sabt_owner'), dataDir: '' });
    await prepareDatabase(owner.db);
    await owner.close();
    await asSuperuser(SCRIPT);
    app = await connect({ databaseUrl: as('sabt_app'), dataDir: '' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('lets the runtime role start, append to the audit log and chain it', async () => {
    const res = await prepareDatabase(app.db);
    expect(res.migrations).toEqual([]);
    await app.db
      .transaction()
      .execute((trx) => appendAudit(trx, [{ event: 'auth.login', actorLogin: 'admin' }]));
    expect(await sequenceAudit(app.db)).toBe(1);
    const head = await app.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    expect(Number(head.seq)).toBe(1);
  });

  it.each([
    ['ALTER TABLE audit_log DISABLE TRIGGER USER', /must be owner/],
    ['ALTER TABLE record_actions DISABLE TRIGGER record_actions_append_only', /must be owner/],
    ["SET session_replication_role = 'replica'", /permission denied/],
    ['DELETE FROM audit_log', /permission denied/],
    ["UPDATE audit_log SET actor_login = 'mallory'", /permission denied/],
    ["UPDATE audit_log SET hash = repeat('0', 64)", /append-only/],
    ['UPDATE audit_log SET seq = NULL, prev_hash = NULL, hash = NULL', /append-only/],
    ['TRUNCATE audit_log', /permission denied/],
    ['TRUNCATE audit_head', /permission denied/],
    ['DELETE FROM audit_anchors', /permission denied/],
    ["UPDATE record_actions SET reason = 'x'", /permission denied/],
    ["UPDATE record_versions SET data = '{}'", /permission denied/],
    ['DELETE FROM record_versions', /permission denied/],
    ["UPDATE audit_head SET seq = 0, hash = repeat('0', 64)", /only moves forward/],
    ['DROP TABLE audit_log', /must be owner/],
  ])('refuses the runtime role: %s', async (statement, refusal) => {
    await expect(sql.raw(statement).execute(app.db)).rejects.toThrow(refusal);
  });
});
