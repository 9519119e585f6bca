import type { DeathData } from '@sabt/core';
import { findBirthRecord, marriagesInForce } from '../../queries/find-person.ts';
import { linkedRecords } from '../../queries/links.ts';
import { linkRecords, notate } from '../links.ts';
import { liftMark, restoreMarriage } from './revocation.ts';
import { type KindEffects, registeredCitation } from './types.ts';

/**
 * A registered death marks the deceased's birth record and ends their marriage in force; the
 * surviving spouse is noted as widowed. Annulled by a court, the death no longer marks the birth
 * record and the marriage it ended is in force again.
 */
export const deathEffects: KindEffects = {
  async apply(ctx, rec, reg) {
    const d = rec.data as DeathData;
    const person = {
      surnames: [d.deceased.surname],
      name: d.deceased.name,
      patronymic: d.deceased.patronymic,
      birthDate: d.deceased.birthDate,
      birthRecordId: d.deceased.birthRecordId,
    };
    const cite = { ...registeredCitation(rec, reg), eventDate: d.death.date };
    const birthId = await findBirthRecord(ctx.trx, person);
    if (birthId) {
      await linkRecords(ctx, rec.id, birthId, 'birth-of-deceased', 'death', reg.actionId);
      await notate(ctx, birthId, { type: 'death', ...cite }, ['deceased']);
    }
    for (const m of await marriagesInForce(ctx.trx, {
      ...person,
      birthRecordId: birthId ?? person.birthRecordId,
    })) {
      await linkRecords(ctx, rec.id, m.id, 'ended-marriage', 'ended-by-death', reg.actionId);
      await notate(
        ctx,
        m.id,
        {
          type: 'marriage-ended-by-death',
          deceased: m.side,
          widowed: m.side === 'husband' ? 'wife' : 'husband',
          ...cite,
        },
        ['ended'],
      );
    }
  },
  async revoke(ctx, rec, a) {
    for (const id of await linkedRecords(ctx, rec.id, 'ended-marriage'))
      await restoreMarriage(ctx, id, a, { flag: 'ended', backLink: 'ended-by-death' });
    for (const id of await linkedRecords(ctx, rec.id, 'birth-of-deceased'))
      await liftMark(ctx, id, a, { flag: 'deceased', backLink: 'death', notation: 'death-annulled' });
  },
};
