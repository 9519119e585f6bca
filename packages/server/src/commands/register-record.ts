import { type ActKindDefinition, type ActKindCode, type DataCheck, type DeathData, isPlainDate, nationalRecordId } from '@sabt/core';
import { sql } from 'kysely';
import { appendAction, mergeCheckFlags, type RecordRow } from './record-store.ts';
import type { WriteContext } from './write.ts';

/** Takes the next act number of (office, kind, year). The row lock makes numbers gapless: a rolled-back registration gives its number back. */
async function nextActNumber(ctx: WriteContext, officeId: string, kind: string, year: number): Promise<number> {
  const res = await sql<{ last_number: number }>`
    INSERT INTO act_counters (office_id, kind, year, last_number) VALUES (${officeId}, ${kind}, ${year}, 1)
    ON CONFLICT (office_id, kind, year) DO UPDATE SET last_number = act_counters.last_number + 1
    RETURNING last_number`.execute(ctx.trx);
  return Number(res.rows[0]!.last_number);
}

/** Registers a locked, validated record: act number, national ID, then the effects on other records. */
export async function registerLocked(
  ctx: WriteContext,
  rec: RecordRow,
  def: ActKindDefinition<unknown>,
  check: DataCheck,
  revision: number,
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
      flags: mergeCheckFlags(rec.flags, check, ['rejected']),
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
    payload: { number, year, nationalId, ...(check.warnings.length ? { warnings: check.warnings } : {}) },
  });
  if (def.code === 'DEATH') await linkDeathToBirth(ctx, rec, actionId, { number, year, nationalId });
}

/**
 * A registered death marks the deceased's birth record: the birth record named by the clerk, or
 * else the one registered birth with the same name and date of birth. An ambiguous match links nothing.
 */
async function linkDeathToBirth(
  ctx: WriteContext,
  death: RecordRow,
  actionId: number,
  reg: { number: number; year: number; nationalId: string },
) {
  const d = death.data as DeathData;
  let birthId: string | undefined = d.deceased.birthRecordId;
  if (!birthId && d.deceased.birthDate && isPlainDate(d.deceased.birthDate)) {
    let q = ctx.trx
      .selectFrom('records')
      .select('id')
      .where('kind', '=', 'BIRTH')
      .where('status', '=', 'registered')
      .where(sql`lower(surname)`, '=', d.deceased.surname.toLocaleLowerCase())
      .where(sql`lower(given_name)`, '=', d.deceased.name.toLocaleLowerCase())
      .where('birth_date', '=', d.deceased.birthDate);
    if (d.deceased.patronymic) q = q.where(sql`lower(patronymic)`, '=', d.deceased.patronymic.toLocaleLowerCase());
    const found = await q.limit(2).execute();
    if (found.length === 1) birthId = found[0]!.id;
  }
  if (!birthId) return;
  const birth = await ctx.trx
    .selectFrom('records')
    .select(['id', 'kind', 'status', 'flags', 'revision'])
    .where('id', '=', birthId)
    .forUpdate()
    .executeTakeFirst();
  if (!birth || birth.kind !== 'BIRTH' || birth.status !== 'registered') return;
  await ctx.trx
    .insertInto('record_links')
    .values([
      { record_id: death.id, linked_record_id: birth.id, type: 'birth-of-deceased', action_id: actionId },
      { record_id: birth.id, linked_record_id: death.id, type: 'death', action_id: actionId },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  const birthRevision = birth.revision + 1;
  await ctx.trx
    .updateTable('records')
    .set({ flags: [...new Set([...birth.flags, 'deceased'])].sort(), revision: birthRevision, updated_at: ctx.now })
    .where('id', '=', birth.id)
    .execute();
  await appendAction(ctx, {
    recordId: birth.id,
    action: 'notation',
    fromStatus: 'registered',
    toStatus: 'registered',
    revision: birthRevision,
    payload: {
      type: 'death',
      recordId: death.id,
      number: reg.number,
      year: reg.year,
      nationalId: reg.nationalId,
      officeId: death.office_id,
      eventDate: d.death.date,
    },
  });
}
