import type { AdoptionData } from '@sabt/core';
import { citedPerson, findBirthRecord } from '../../queries/find-person.ts';
import { linkedRecords } from '../../queries/links.ts';
import { indexRecord } from '../../search/index-record.ts';
import { withFlags } from '../../unit-of-work/record-store.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { amendBirthRecord, requireBirthRecord, revertBirthAmendment, withNames } from './birth-amendments.ts';
import type { KindEffects } from './types.ts';

const childRef = (d: AdoptionData) => citedPerson(d.childBefore, d.birthRecordId);

/**
 * Adoption amends the child's birth record as the court decided and seals what it said before:
 * the earlier versions (and the adoption record itself) are readable only by roles that may see
 * sealed records. When a court annuls the adoption, the birth record says again what it said
 * before, and the versions that named the adopters are sealed in turn, with the action that turned
 * them back (its difference names them too): the adoption stays secret.
 */
export const adoptionEffects: KindEffects = {
  check: (ctx, rec) => requireBirthRecord(ctx, childRef(rec.data as AdoptionData), true),
  async apply(ctx, rec, reg) {
    const d = rec.data as AdoptionData;
    const birthId = await findBirthRecord(ctx.trx, childRef(d));
    if (!birthId) return;
    const earlier = await ctx.trx
      .selectFrom('record_versions')
      .select(['version'])
      .where('record_id', '=', birthId)
      .execute();
    const { version, actionId } = await amendBirthRecord(
      ctx,
      rec,
      reg,
      birthId,
      (b) => {
        const child = {
          ...withNames(b.child, d.childAfter),
          birthDate: d.childAfter.birthDate,
          birthPlace: d.childAfter.birthPlace,
        };
        // From now on the record rests on the court decision, which may have moved the date and
        // place of birth; the original medical document stays in the sealed versions.
        const birthBasis = {
          type: 'COURT_DECISION' as const,
          number: d.court.caseNumber,
          date: d.court.date,
          issuer: d.court.court,
          court: d.court,
        };
        if (!d.adoptersRecordedAsParents) return { ...b, child, birthBasis };
        const next = { ...b, child, birthBasis };
        const adopter = d.adoptiveMother ?? d.adoptiveFather;
        if (adopter) {
          next.applicant = {
            type: d.adoptiveMother ? 'MOTHER' : 'FATHER',
            surname: adopter.surname,
            name: adopter.name,
            ...(adopter.patronymic ? { patronymic: adopter.patronymic } : {}),
          };
        }
        if (d.adoptiveMother) next.mother = d.adoptiveMother;
        if (d.adoptiveFather) {
          next.father = d.adoptiveFather;
          next.fatherBasis = {
            type: 'ADOPTION_RECORD',
            recordId: rec.id,
            recordNumber: String(reg.number),
            recordDate: ctx.today,
            recordOffice: rec.office_id,
          };
        }
        return next;
      },
      { link: 'amends-birth', backLink: 'adoption', notation: 'adoption' },
    );
    await sealVersions(ctx, birthId, earlier, actionId, { currentVersion: version, adoption: rec.id });
    for (const id of [birthId, rec.id]) {
      const r = await ctx.trx
        .selectFrom('records')
        .select('flags')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await ctx.trx
        .updateTable('records')
        .set({ flags: withFlags(r.flags, ['sealed']) })
        .where('id', '=', id)
        .execute();
    }
  },
  async revoke(ctx, rec, a) {
    for (const birthId of await linkedRecords(ctx, rec.id, 'amends-birth')) {
      const reverted = await revertBirthAmendment(ctx, rec, birthId, a, 'amendment-annulled');
      const { amendedVersion, version, actionId } = reverted;
      if (!amendedVersion || !version || !actionId) continue;
      const adoptive = await ctx.trx
        .selectFrom('record_versions')
        .select('version')
        .where('record_id', '=', birthId)
        .where('version', '>=', amendedVersion)
        .where('version', '<', version)
        .execute();
      await sealVersions(ctx, birthId, adoptive, actionId, { currentVersion: version, annulled: rec.id });
    }
  },
};

/**
 * Seals versions of a birth record, with the actions up to `actionId` (their differences name
 * what the versions held), re-indexes its names and writes the seal to the audit log.
 */
async function sealVersions(
  ctx: WriteContext,
  birthId: string,
  versions: { version: number }[],
  actionId: number,
  detail: Record<string, unknown>,
) {
  if (versions.length > 0) {
    await ctx.trx
      .insertInto('sealed_versions')
      .values(versions.map((v) => ({ record_id: birthId, version: v.version, action_id: actionId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await indexRecord(ctx.trx, birthId);
  ctx.audit.push({
    event: 'record.seal',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    recordId: birthId,
    detail: { sealedVersions: versions.map((v) => v.version), ...detail },
  });
}
