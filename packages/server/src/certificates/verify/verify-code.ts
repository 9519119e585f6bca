import { randomInt } from 'node:crypto';
import { formatVerifyCode, makeVerifyCode } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { certDb } from '../tables.ts';

/**
 * A new certificate's verification code (core numbering/verify-code.ts): nine random characters
 * and a check character, drawn again while another certificate has it (a unique index is the last
 * word), and the short address printed with it.
 */
export async function newVerifyCode(db: Kysely<Database>): Promise<string> {
  for (;;) {
    const code = makeVerifyCode(Array.from({ length: 9 }, () => randomInt(32)));
    const taken = await certDb(db)
      .selectFrom('certificates')
      .select('id')
      .where('verify_code', '=', code)
      .executeTakeFirst();
    if (!taken) return code;
  }
}

/** Where the page checks a code: typed by hand, so short (`<public URL>/verify/7KQ2M-X9D4G`). */
export function verifyUrlOf(config: Pick<Config, 'publicUrl'>, code: string): string {
  return `${config.publicUrl}/verify/${formatVerifyCode(code)}`;
}
