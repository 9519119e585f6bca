import type { BirthData, Change, FieldIssue } from '@sabt/core';
import { sql } from 'kysely';
import { findBirthRecord, type PersonRef } from '../../queries/find-person.ts';
import type { RecordRow } from '../../unit-of-work/record-store.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { linkRecords, notate } from '../links.ts';
import { amendRegistered } from '../record-versions.ts';
import type { Annulment, Registration } from './types.ts';

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
 * birth record and asks for a new birth certificate. Returns the new version and its action.
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
  const { version, changes, actionId } = await amendRegistered(ctx, birthId, amended, {
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
  return { version, actionId };
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

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const valueAt = (data: unknown, path: string[]) =>
  path.reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), data);

/** Writes a value at a path; null or undefined removes the field, and objects left empty go too. */
function setAt(data: Record<string, unknown>, path: string[], value: unknown) {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    if (value === null || value === undefined) delete data[head];
    else data[head] = structuredClone(value);
    return;
  }
  if (!isObject(data[head])) {
    if (value === null || value === undefined) return;
    data[head] = {};
  }
  const child = data[head] as Record<string, unknown>;
  setAt(child, rest, value);
  if (Object.keys(child).length === 0) delete data[head];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields an annulled act changed return to what they were before it, and the fields it added
 * go. A field that existed before and was changed again since (by a later amendment) keeps its
 * later value and is reported as kept. Returns the version
 * the act made, and the version (with its action) that restores the fields; none when nothing was
 * left to restore.
 */
export async function revertBirthAmendment(
  ctx: WriteContext,
  act: RecordRow,
  birthId: string,
  a: Annulment,
  notation: string,
) {
  const birth = await ctx.trx
    .selectFrom('records')
    .select(['data', 'status'])
    .where('id', '=', birthId)
    .executeTakeFirstOrThrow();
  const amendment = await ctx.trx
    .selectFrom('record_actions')
    .select('payload')
    .where('record_id', '=', birthId)
    .where('action', '=', 'amend')
    .where(sql<string>`payload->'cause'->>'recordId'`, '=', act.id)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const made = amendment?.payload as { version?: number; changes?: Change[] } | undefined;
  const changes = (made?.changes ?? []).filter((c) => c.path !== '');
  const next = structuredClone(birth.data) as Record<string, unknown>;
  const restored: string[] = [];
  const kept: string[] = [];
  for (const c of changes) {
    const path = c.path.split('.');
    const now = valueAt(birth.data, path);
    if (same(now, c.before)) continue;
    // What the act added goes, even if edited since (a father's data it brought, say); what it
    // changed returns, unless changed again since.
    if (c.before === null || same(now, c.after)) {
      setAt(next, path, c.before);
      restored.push(c.path);
    } else kept.push(c.path);
  }
  let version: number | undefined;
  let actionId: number | undefined;
  if (restored.length > 0 && birth.status === 'registered') {
    ({ version, actionId } = await amendRegistered(ctx, birthId, next, {
      cause: { type: 'ANNULMENT', recordId: act.id },
      reason: a.reason,
      addFlags: ['certificate-reissue'],
    }));
  }
  await notate(ctx, birthId, {
    type: notation,
    ...a.cite,
    ...(version ? { version, changed: restored } : {}),
    ...(kept.length > 0 ? { kept } : {}),
  });
  return { amendedVersion: made?.version, version, actionId };
}
