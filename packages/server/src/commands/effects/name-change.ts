import type { FieldIssue, NameChangeData } from '@sabt/core';
import { citedPerson, findBirthRecord } from '../../queries/find-person.ts';
import { linkedRecords } from '../../queries/links.ts';
import { linkRecords, notate } from '../links.ts';
import { amendBirthRecord, requireBirthRecord, revertBirthAmendment, withNames } from './birth-amendments.ts';
import { type KindEffects, registeredCitation } from './types.ts';

/** The person's names before or after the change. */
const namesOf = (d: NameChangeData, when: 'Before' | 'After') => ({
  surname: d.person[`surname${when}`],
  name: d.person[`name${when}`],
  patronymic: d.person[`patronymic${when}`],
});

const personRef = (d: NameChangeData) =>
  citedPerson(d.person && { ...namesOf(d, 'Before'), birthDate: d.person.birthDate }, d.birthRecordId);

/**
 * A change of name amends the person's birth record, and notes the change on their marriage record
 * and their minor children's birth records, each of which then needs a new certificate. Annulled
 * by a court, the birth record gets the earlier names back and the noted records are told, each
 * again needing a new certificate.
 */
export const nameChangeEffects: KindEffects = {
  async check(ctx, rec) {
    const d = rec.data as NameChangeData;
    const issues: FieldIssue[] = await requireBirthRecord(ctx, personRef(d), false);
    const cited: [string, string, (string | number)[]][] = [];
    if (d.marriageRecordId) cited.push([d.marriageRecordId, 'MARRIAGE', ['marriageRecordId']]);
    for (const [i, id] of (d.childrenBirthRecordIds ?? []).entries())
      cited.push([id, 'BIRTH', ['childrenBirthRecordIds', i]]);
    for (const [id, kind, path] of cited) {
      const r = await ctx.trx
        .selectFrom('records')
        .select(['kind', 'status'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!r || r.kind !== kind || r.status !== 'registered')
        issues.push({ path, key: 'error.linkedRecord.notFound' });
    }
    return issues;
  },
  async apply(ctx, rec, reg) {
    const d = rec.data as NameChangeData;
    const cite = registeredCitation(rec, reg);
    const after = namesOf(d, 'After');
    const before = namesOf(d, 'Before');
    const birthId = await findBirthRecord(ctx.trx, personRef(d));
    if (birthId) {
      await amendBirthRecord(ctx, rec, reg, birthId, (b) => ({ ...b, child: withNames(b.child, after) }), {
        link: 'amends-birth',
        backLink: 'name-change',
        notation: 'name-change',
      });
    }
    const others: [string, string][] = [];
    if (d.marriageRecordId) others.push([d.marriageRecordId, 'name-change-of-spouse']);
    for (const id of d.childrenBirthRecordIds ?? []) others.push([id, 'name-change-of-parent']);
    for (const [id, type] of others) {
      await linkRecords(ctx, rec.id, id, 'notes-on', type, reg.actionId);
      await notate(ctx, id, { type, ...cite, before, after }, ['certificate-reissue']);
    }
  },
  async revoke(ctx, rec, a) {
    const d = rec.data as NameChangeData;
    for (const id of await linkedRecords(ctx, rec.id, 'amends-birth'))
      await revertBirthAmendment(ctx, rec, id, a, 'amendment-annulled');
    // The names swap places: what the change brought is what the annulment takes away.
    const before = namesOf(d, 'After');
    const after = namesOf(d, 'Before');
    for (const id of await linkedRecords(ctx, rec.id, 'notes-on'))
      await notate(ctx, id, { type: 'name-change-annulled', ...a.cite, before, after }, [
        'certificate-reissue',
      ]);
  },
};
