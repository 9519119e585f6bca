import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { openSecrets } from '../../notifications/secret.ts';
import { notifyDb } from '../../notifications/tables.ts';

/**
 * The sign-in code a challenge's message carries, read from its notification while it waits to be
 * sent (opened with the passphrase, as the sender opens it): for tests that run no mail server.
 */
export async function queuedSignInCode({ db }: Db, config: Config, challenge: string): Promise<string> {
  const row = await notifyDb(db)
    .selectFrom('notifications')
    .select(['id', 'secret_params'])
    .where('related_kind', '=', 'citizen-sign-in')
    .where('related_id', '=', challenge)
    .executeTakeFirstOrThrow();
  if (!row.secret_params) throw new Error(`the code of ${challenge} has been sent and wiped`);
  const { code } = await openSecrets(config.keyPassphrase, row.id, row.secret_params);
  return String(code);
}
