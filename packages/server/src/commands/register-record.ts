import { type ActKindCode, type ActKindDefinition, type DataCheck, nationalRecordId } from '@sabt/core';
import { sql } from 'kysely';
import { appendAction, mergeCheckFlags, type RecordRow } from '../unit-of-work/record-store.ts';
import type { WriteContext } from '../unit-of-work/write.ts';
import { KIND_EFFECTS } from './effects/index.ts';
import { recordRegistered } from './record-events.ts';
import { saveVersion } from './record-versions.ts';

/** Takes the next act number of (office, kind, year). The row lock makes numbers gapless: a rolled-back registration gives its number back. */
async function nextActNumber(
  ctx: WriteContext,
  officeId: string,
  kind: string,
  year: number,
): Promise<number> {
  const res = await sql<{ last_number: number }>`
    INSERT INTO act_counters (office_id, kind, year, last_number) VALUES (${officeId}, ${kind}, ${year}, 1)
    ON CONFLICT (office_id, kind, year) DO UPDATE SET last_number = act_counters.last_number + 1
    RETURNING last_number`.execute(ctx.trx);
  return Number(res.rows[0]!.last_number);
}

/**
 * Registers a locked, validated record: act number, national ID, then the effects on other records.
 * `marks` are flags the registration sets (`self-registered`, where the office kind allows it).
 */
export async function registerLocked(
  ctx: WriteContext,
  rec: RecordRow,
  def: ActKindDefinition<unknown>,
  check: DataCheck,
  revision: number,
  marks: readonly string[] = [],
) {
  const office = await ctx.trx
    .selectFrom('offices')
    .select(['numeric_code'])
    .where('id', '=', rec.office_id)
    .executeTakeFirstOrThrow();
  const year = Number(ctx.today.slice(0, 4));
  const number = await nextActNumber(ctx, rec.office_id, rec.kind, year);
  const nationalId = nationalRecordId(rec.kind as ActKindCode, office.numeric_code, year, number);
  await ctx.trx
    .updateTable('records')
    .set({
      status: 'registered',
      flags: mergeCheckFlags(rec.flags, check, ['rejected'], [...marks]),
      year,
      number,
      national_id: nationalId,
      registered_at: ctx.now,
      revision,
      updated_at: ctx.now,
    })
    .where('id', '=', rec.id)
    .execute();
  const actionId = await appendAction(ctx, {
    recordId: rec.id,
    action: 'register',
    fromStatus: rec.status,
    toStatus: 'registered',
    revision,
    payload: {
      number,
      year,
      nationalId,
      ...(check.warnings.length ? { warnings: check.warnings } : {}),
      ...(marks.includes('self-registered') ? { selfRegistered: true } : {}),
    },
  });
  await saveVersion(ctx, rec.id, rec.version, def.schemaVersion, rec.data, actionId);
  await recordRegistered(ctx, rec, { number, year, nationalId });
  await KIND_EFFECTS[def.code]?.apply?.(
    ctx,
    { ...rec, status: 'registered', number, year },
    { number, year, nationalId, actionId },
  );
}
