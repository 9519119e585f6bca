import { describe, expect, it } from 'vitest';
import { runCli, useCliDatabase } from '../test/cli.ts';

const cli = useCliDatabase('cli-recount');

describe('sabt records recount', () => {
  it('puts a wrong counter right and says which it was', async () => {
    expect((await runCli(['migrate'])).code).toBe(0);
    await cli.withDb((db) =>
      db
        .insertInto('record_counts')
        .values({
          office_id: 'DU-03-00',
          office_path: 'HQ-00-00/DU/DU-03-00/',
          kind: 'BIRTH',
          status: 'draft',
          flag: '',
          n: 3,
        })
        .execute(),
    );
    const fixed = await runCli(['records', 'recount']);
    expect(fixed).toMatchObject({
      code: 0,
      out: 'DU-03-00 BIRTH draft (all): 3 → 0\n1 counters corrected\n',
    });
    expect(await runCli(['records', 'recount'])).toMatchObject({ code: 0, out: '0 counters corrected\n' });
  }, 240_000);
});
