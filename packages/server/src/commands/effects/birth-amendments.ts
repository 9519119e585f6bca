import type { BirthData, FieldIssue } from '@sabt/core';
import { findBirthRecord, type PersonRef } from '../find-person.ts';
import { linkRecords, notate } from '../links.ts';
import type { RecordRow } from '../record-store.ts';
import { amendRegistered } from '../record-versions.ts';
import type { WriteContext } from '../write.ts';
import type { Registration } from './types.ts';

/** Later acts that change a birth record must find it; the error says where to point to it. */
export async function requireBirthRecord(
  ctx: WriteContext,
  person: PersonRef,
  required: boolean,
): Promise<FieldIssue[]> {
  const found = await findBirthRecord(ctx.trx, person);
  if (found) return [];
  if (person.birthRecordId) return [{ path: ['birthRecordId'], key: 'error.birthRecord.notFound' }];
  return required ? [{ path: ['birthRecordId'], key: 'error.birthRecord.notFound' }] : [];
}

/**
 * Amends the birth record as a later act decided, links the two both ways, notes the act on the
 * birth record and asks for a new birth certificate.
 */
export async function amendBirthRecord(
  ctx: WriteContext,
  act: RecordRow,
  reg: Registration,
  birthId: string,
  change: (birth: BirthData) => BirthData,
  types: { link: string; backLink: string; notation: string },
) {
  const birth = await ctx.trx
    .selectFrom('records')
    .select(['data'])
    .where('id', '=', birthId)
    .executeTakeFirstOrThrow();
  const amended = change(structuredClone(birth.data as BirthData));
  const { version, changes } = await amendRegistered(ctx, birthId, amended, {
    cause: { type: act.kind, recordId: act.id },
    addFlags: ['certificate-reissue'],
  });
  await linkRecords(ctx, act.id, birthId, types.link, types.backLink, reg.actionId);
  await notate(ctx, birthId, {
    type: types.notation,
    recordId: act.id,
    number: reg.number,
    year: reg.year,
    nationalId: reg.nationalId,
    officeId: act.office_id,
    version,
    changed: changes.map((c) => c.path),
  });
  return version;
}

/** Writes optional name parts: an absent patronymic removes the old one. */
export function withNames<T extends { surname: string; name: string; patronymic?: string }>(
  person: T,
  names: { surname: string; name: string; patronymic?: string | undefined },
): T {
  const { patronymic: _old, ...rest } = person;
  return {
    ...rest,
    surname: names.surname,
    name: names.name,
    ...(names.patronymic ? { patronymic: names.patronymic } : {}),
  } as T;
}
