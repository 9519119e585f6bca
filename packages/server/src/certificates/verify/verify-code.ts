import { randomInt } from 'node:crypto';
import { formatVerifyCode, makeVerifyCode } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { certDb } from '../tables.ts';

/**
 * A new verification code (core numbering/verify-code.ts) of a certificate or a fee receipt: nine
 * random characters and a check character, drawn again while another certificate or receipt has it
 * (so a code names one document; a unique index on each table is the last word), and the short
 * address printed with it.
 */
export async function newVerifyCode(db: Kysely<Database>): Promise<string> {
  for (;;) {
    const code = makeVerifyCode(Array.from({ length: 9 }, () => randomInt(32)));
    const taken = await certDb(db)
      .selectFrom('certificates')
      .select('id')
      .where('verify_code', '=', code)
      .executeTakeFirst();
    if (taken) continue;
    const receipt = await db
      .withTables<{ fee_payments: { id: string; verify_code: string | null } }>()
      .selectFrom('fee_payments')
      .select('id')
      .where('verify_code', '=', code)
      .executeTakeFirst();
    if (!receipt) return code;
  }
}

/** Where the page checks a code: typed by hand, so short (`<public URL>/verify/7KQ2M-X9D4G`). */
export function verifyUrlOf(config: Pick<Config, 'publicUrl'>, code: string): string {
  return `${config.publicUrl}/verify/${formatVerifyCode(code)}`;
}
