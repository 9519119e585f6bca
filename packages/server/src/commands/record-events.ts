import { type ActKindCode, outboxEvent } from '@sabt/core';
import type { RecordRow } from '../unit-of-work/record-store.ts';
import type { WriteContext } from '../unit-of-work/write.ts';
import type { AnnulBasis } from './amend-record.ts';
import type { Restoration } from './create-record.ts';
import type { AmendInput } from './record-versions.ts';

/**
 * The outbox events of the record commands (core/events): pushed onto the write context, written
 * by runWrite with the audit entries, so they exist exactly when the change committed.
 */

const cite = (rec: Pick<RecordRow, 'id' | 'kind' | 'office_id' | 'national_id'>) => ({
  recordId: rec.id,
  kind: rec.kind as ActKindCode,
  officeId: rec.office_id,
  nationalId: rec.national_id,
});

/**
 * A record was registered. A restored record (made again on a court decision) is registered like
 * any other, and its registration is also told as `record.restored`, with the decision.
 */
export async function recordRegistered(
  ctx: WriteContext,
  rec: RecordRow,
  reg: { number: number; year: number; nationalId: string },
) {
  const registered = { ...cite(rec), nationalId: reg.nationalId };
  ctx.events.push(
    outboxEvent('record.registered', {
      ...registered,
      year: reg.year,
      number: reg.number,
      version: rec.version,
      registeredAt: ctx.now.toISOString(),
    }),
  );
  if (!rec.flags.includes('restored')) return;
  const restore = await ctx.trx
    .selectFrom('record_actions')
    .select('payload')
    .where('record_id', '=', rec.id)
    .where('action', '=', 'restore')
    .executeTakeFirst();
  const restoration = (restore?.payload as { restoration?: Restoration } | undefined)?.restoration;
  if (!restoration) return;
  ctx.events.push(
    outboxEvent('record.restored', {
      ...registered,
      court: restoration.court,
      ...(restoration.original ? { original: restoration.original } : {}),
    }),
  );
}

/** A registered record has a new version. */
export function recordAmended(
  ctx: WriteContext,
  rec: Pick<RecordRow, 'id' | 'kind' | 'office_id' | 'national_id'>,
  change: { version: number; previousVersion: number; changedFields: string[]; cause: AmendInput['cause'] },
) {
  ctx.events.push(outboxEvent('record.amended', { ...cite(rec), ...change }));
}

/** A draft was cancelled. */
export function recordCancelled(
  ctx: WriteContext,
  rec: Pick<RecordRow, 'id' | 'kind' | 'office_id' | 'national_id'>,
) {
  ctx.events.push(outboxEvent('record.cancelled', { ...cite(rec), cancelledAt: ctx.now.toISOString() }));
}

/** A registered record was annulled. */
export function recordAnnulled(ctx: WriteContext, rec: RecordRow, basis: AnnulBasis) {
  ctx.events.push(
    outboxEvent('record.annulled', {
      ...cite(rec),
      basis: basis.type,
      ...(basis.court ? { court: basis.court } : {}),
      ...(basis.type === 'DUPLICATE' && basis.duplicateOf ? { duplicateOf: basis.duplicateOf } : {}),
    }),
  );
}
