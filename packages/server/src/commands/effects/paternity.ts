import type { PaternityData } from '@sabt/core';
import { citedPerson, findBirthRecord } from '../../queries/find-person.ts';
import { linkedRecords } from '../../queries/links.ts';
import { amendBirthRecord, requireBirthRecord, revertBirthAmendment, withNames } from './birth-amendments.ts';
import type { KindEffects } from './types.ts';

const childRef = (d: PaternityData) => citedPerson(d.childBefore, d.birthRecordId);

/**
 * Paternity amends the child's birth record: the father's data and the child's changed names.
 * Contested in court and annulled, the birth record says again what it said before.
 */
export const paternityEffects: KindEffects = {
  check: (ctx, rec) => requireBirthRecord(ctx, childRef(rec.data as PaternityData), true),
  async apply(ctx, rec, reg) {
    const d = rec.data as PaternityData;
    const birthId = await findBirthRecord(ctx.trx, childRef(d));
    if (!birthId) return;
    await amendBirthRecord(
      ctx,
      rec,
      reg,
      birthId,
      (b) => ({
        ...b,
        child: withNames(b.child, d.childAfter),
        father: d.father,
        fatherBasis: {
          type: 'PATERNITY_RECORD',
          recordId: rec.id,
          recordNumber: String(reg.number),
          recordDate: ctx.today,
          recordOffice: rec.office_id,
        },
      }),
      { link: 'amends-birth', backLink: 'paternity', notation: 'paternity' },
    );
  },
  async revoke(ctx, rec, a) {
    for (const id of await linkedRecords(ctx, rec.id, 'amends-birth'))
      await revertBirthAmendment(ctx, rec, id, a, 'amendment-annulled');
  },
};
