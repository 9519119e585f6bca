import type { FieldIssue } from '@sabt/core';
import { officeNames } from '../../offices/office-names.ts';
import {
  closeKinship,
  findBirthRecord,
  marriagesInForce,
  type Spouse,
  spouseRef,
} from '../../queries/find-person.ts';
import type { KindEffects } from './types.ts';

const KINSHIP_KEYS = {
  'direct-line': 'error.marriage.kin.directLine',
  siblings: 'error.marriage.kin.siblings',
  'uncle-niece': 'error.marriage.kin.uncleNiece',
  'first-cousins': 'error.marriage.kin.firstCousins',
} as const;

/** Impediments the registry can see: a marriage in force, or close kinship through linked birth records. */
export const marriageEffects: KindEffects = {
  async check(ctx, rec) {
    const d = rec.data as { husband?: Spouse; wife?: Spouse };
    const issues: FieldIssue[] = [];
    const births: Partial<Record<'husband' | 'wife', string>> = {};
    for (const side of ['husband', 'wife'] as const) {
      const s = d[side];
      if (!s) continue;
      const existing = await marriagesInForce(ctx.trx, spouseRef(s), rec.id);
      if (existing[0]) {
        const m = existing[0];
        issues.push({
          path: [side],
          key: 'error.marriage.alreadyMarried',
          params: { number: m.number, year: m.year, office: await officeNames(ctx.trx, m.office_id) },
        });
      }
      births[side] = await findBirthRecord(ctx.trx, spouseRef(s));
    }
    if (births.husband && births.wife) {
      const kin = await closeKinship(ctx.trx, births.husband, births.wife);
      if (kin) issues.push({ path: ['wife'], key: KINSHIP_KEYS[kin] });
    }
    return issues;
  },
};
