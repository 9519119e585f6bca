import type { OfficeDetails, OfficeKind, PublicOffice } from '@sabt/core';
import { OFFICE_ACT_KINDS } from '@sabt/core';
import { DomainError } from '../errors/domain-error.ts';
import { assertOfficeInReach } from '../policies/administration.ts';
import type { WriteContext } from '../unit-of-work/write.ts';
import { publicOffice } from './public-info.ts';
import { portalDb } from './tables.ts';

/**
 * What an office publishes on the citizen portal: its address in the three languages, telephone
 * and opening hours (null: not published). The central department anywhere, a head of office for
 * their office and those below (core ADMIN_MATRIX `publish-office-details`); only an office where
 * citizens apply (one that registers acts). Audited `office.details-published` when it changes.
 */
export async function publishOfficeDetails(
  ctx: WriteContext,
  id: string,
  input: OfficeDetails,
): Promise<PublicOffice> {
  const pdb = portalDb(ctx.trx);
  const office = await pdb.selectFrom('offices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!office) throw new DomainError('not-found', 'problem.admin.unknownOffice');
  const names = { tg: office.name_tg, ru: office.name_ru, en: office.name_en };
  assertOfficeInReach(ctx.actor, 'publish-office-details', { path: office.path, names });
  if (OFFICE_ACT_KINDS[office.kind as OfficeKind].length === 0)
    throw new DomainError('conflict', 'problem.portal.noPublicOffice', { office: names });
  const set = {
    address_tg: input.address?.tg ?? null,
    address_ru: input.address?.ru ?? null,
    address_en: input.address?.en ?? null,
    phone: input.phone,
    hours: input.hours === null ? null : JSON.stringify(input.hours),
  };
  const before = {
    address: office.address_tg
      ? { tg: office.address_tg, ru: office.address_ru, en: office.address_en }
      : null,
    phone: office.phone,
    hours: office.hours ?? null,
  };
  const after = { address: input.address, phone: input.phone, hours: input.hours };
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await pdb.updateTable('offices').set(set).where('id', '=', id).execute();
    ctx.audit.push({
      event: 'office.details-published',
      actorId: ctx.actor.id,
      actorLogin: ctx.actor.login,
      officeId: ctx.actor.officeId,
      detail: { office: id, from: before, to: after },
    });
  }
  const published = await publicOffice(ctx.trx, id);
  if (!published) throw new DomainError('conflict', 'problem.portal.noPublicOffice', { office: names });
  return published;
}
