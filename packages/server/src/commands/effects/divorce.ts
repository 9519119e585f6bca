import type { FieldIssue } from '@sabt/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { linkedRecords } from '../../queries/links.ts';
import type { RecordRow } from '../../unit-of-work/record-store.ts';
import { linkRecords, notate } from '../links.ts';
import { restoreMarriage } from './revocation.ts';
import { type KindEffects, registeredCitation } from './types.ts';

interface DivorceRef {
  marriageRecordId?: string;
  marriage?: { number?: string | number; date?: string; office?: string };
}

/** The registered marriage a divorce ends: the one cited by id, or by its number, year and office. */
async function findMarriage(trx: Transaction<Database>, d: DivorceRef) {
  let q = trx
    .selectFrom('records')
    .select(['id', 'status', 'flags', 'number', 'year', 'office_id'])
    .where('kind', '=', 'MARRIAGE');
  if (d.marriageRecordId) q = q.where('id', '=', d.marriageRecordId);
  else if (d.marriage?.number && d.marriage.date && d.marriage.office) {
    q = q
      .where('number', '=', Number(d.marriage.number))
      .where('year', '=', Number(d.marriage.date.slice(0, 4)))
      .where('office_id', '=', d.marriage.office);
  } else return undefined;
  return q.executeTakeFirst();
}

/** A divorce ends a marriage in force; annulled by a court, the marriage is in force again. */
export const divorceEffects: KindEffects = {
  async check(ctx, rec) {
    const d = rec.data as DivorceRef;
    const m = await findMarriage(ctx.trx, d);
    const path = d.marriageRecordId ? ['marriageRecordId'] : ['marriage'];
    const issues: FieldIssue[] = [];
    if (m?.status !== 'registered') issues.push({ path, key: 'error.divorce.marriageNotFound' });
    else if (m.flags.includes('dissolved') || m.flags.includes('ended'))
      issues.push({ path, key: 'error.divorce.marriageNotInForce' });
    return issues;
  },
  async apply(ctx, rec: RecordRow, reg) {
    const d = rec.data as DivorceRef & { marriageEndDate?: string };
    const m = await findMarriage(ctx.trx, d);
    if (!m) return;
    await linkRecords(ctx, rec.id, m.id, 'dissolves', 'dissolved-by', reg.actionId);
    await notate(
      ctx,
      m.id,
      {
        type: 'divorce',
        ...registeredCitation(rec, reg),
        eventDate: d.marriageEndDate,
      },
      ['dissolved'],
    );
  },
  async revoke(ctx, rec, a) {
    for (const id of await linkedRecords(ctx, rec.id, 'dissolves'))
      await restoreMarriage(ctx, id, a, { flag: 'dissolved', backLink: 'dissolved-by' });
  },
};
