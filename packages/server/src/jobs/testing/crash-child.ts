import { sql } from 'kysely';
import { loadConfig } from '../../config.ts';
import { connect } from '../../db/connect.ts';
import { prepareDatabase } from '../../prepare.ts';
import { defineSubscriber } from '../job.ts';
import { silentLog } from '../log.ts';
import { startJobs } from '../runtime.ts';
import { writeEvent } from './helpers.ts';

/**
 * A Sabt process for the crash tests (crash.test.ts), on DATABASE_URL or the PGlite of
 * SABT_DATA_DIR. It says what it did on stdout, one line each.
 *
 *   write  commits events one write after another, with no job runtime (so nothing is
 *          dispatched), until it is killed: `committed <record id>` after each commit
 *   slow   runs the job runtime with a subscriber whose job takes a second, writes one event,
 *          says `started <key>` when the job starts and `done <key>` when its effect committed;
 *          SIGTERM stops it as `sabt worker` stops (running jobs finish or are released)
 */

const mode = process.argv[2];
const config = loadConfig({ ...process.env, SABT_LOG_LEVEL: 'error' });
const dbx = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await prepareDatabase(dbx.db);
await sql`CREATE TABLE IF NOT EXISTS test_effects (id serial PRIMARY KEY, queue text NOT NULL, key text NOT NULL, note text)`.execute(
  dbx.db,
);
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'write') {
  say('ready');
  for (;;) say(`committed ${await writeEvent(dbx, config)}`);
} else if (mode === 'slow') {
  const slow = defineSubscriber({
    name: 'crash-slow',
    events: ['record.annulled'],
    handler: async (_event, ctx) => {
      say(`started ${ctx.key}`);
      // the job's own work: a second
      await new Promise((r) => setTimeout(r, 1000));
      await ctx.once((trx) =>
        sql`INSERT INTO test_effects (queue, key) VALUES ('crash-slow', ${ctx.key})`.execute(trx),
      );
      say(`done ${ctx.key}`);
    },
  });
  const runtime = await startJobs({
    dbx,
    config,
    registry: { jobs: [], subscribers: [slow] },
    log: silentLog,
    pollIntervalSeconds: 0.5,
  });
  process.once('SIGTERM', async () => {
    await runtime.stop();
    await dbx.close();
    say('stopped');
    process.exit(0);
  });
  await writeEvent(dbx, config);
  say('ready');
} else {
  throw new Error(`unknown mode ${mode}`);
}
