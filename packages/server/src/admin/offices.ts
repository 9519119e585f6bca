import { randomUUID } from 'node:crypto';
import {
  type AdminOffice,
  MOVABLE_OFFICE_KINDS,
  type OfficeKind,
  type OpenableOfficeKind,
  PARENT_KIND,
  type Visit,
} from '@sabt/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import { officialName } from '../offices/office-names.ts';
import { childOffice, consulate, type NewOffice } from '../offices/office-tree.ts';
import { assertMayAdminister, assertOfficeInReach, reachPrefix } from '../policies/administration.ts';
import type { WriteContext } from '../unit-of-work/write.ts';
import { adminDb } from './tables.ts';

/**
 * The office tree as the central department keeps it: open a jamoat or a mobile office under a
 * district, a consulate under the centre; close an office (no new records, the existing ones stay
 * readable) and open it again; rename it (the three names and the official name documents print);
 * move a jamoat or a mobile office to another district, its records with it. And the visits of a
 * mobile office (where and when its minivan is), planned by the head of office above it.
 */

type OfficeRow = Awaited<ReturnType<typeof officeById>>;

async function officeById(db: Kysely<Database>, id: string) {
  const o = await db.selectFrom('offices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o) throw new DomainError('not-found', 'problem.admin.unknownOffice');
  return { ...o, names: { tg: o.name_tg, ru: o.name_ru, en: o.name_en } };
}

function present(o: Omit<OfficeRow, 'names'>, users: number): AdminOffice {
  return {
    id: o.id,
    parent: o.parent_id,
    kind: o.kind as OfficeKind,
    numericCode: o.numeric_code,
    name: { tg: o.name_tg, ru: o.name_ru, en: o.name_en },
    officialName: officialName(o),
    active: o.active,
    closedAt: o.closed_at ? new Date(o.closed_at).toISOString() : null,
    users,
  };
}

/** The offices the actor administers users in (all of them for the central department), tree order. */
export async function listAdminOffices(db: Kysely<Database>, actor: Actor): Promise<AdminOffice[]> {
  const reach = assertMayAdminister(actor, 'read-users');
  const rows = await db
    .selectFrom('offices as o')
    .selectAll('o')
    .select((eb) =>
      eb
        .selectFrom('users as u')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('u.office_id', '=', 'o.id')
        .where('u.active', '=', true)
        .as('users'),
    )
    .where('o.path', 'like', `${reachPrefix(actor, reach)}%`)
    .orderBy('o.path')
    .execute();
  return rows.map((r) => present(r, Number(r.users ?? 0)));
}

const usersIn = async (db: Kysely<Database>, officeId: string) =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('office_id', '=', officeId)
        .where('active', '=', true)
        .executeTakeFirstOrThrow()
    ).n,
  );

const audit = (ctx: WriteContext, event: string, officeId: string, detail: Record<string, unknown> = {}) =>
  ctx.audit.push({
    event,
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    detail: { office: officeId, ...detail },
  });

/** The next free two-digit number of an office below a district (jamoats 01–89, mobile offices 90–99). */
async function nextChildNumber(trx: Transaction<Database>, districtId: string, kind: 'jamoat' | 'mobile') {
  const prefix = districtId.slice(0, -3);
  // every id ever given under this prefix, wherever the office is now (one moved away keeps its id)
  const rows = await trx.selectFrom('offices').select('id').where('id', 'like', `${prefix}-%`).execute();
  const used = new Set(rows.map((r) => Number(r.id.slice(prefix.length + 1))));
  const [from, to] = kind === 'jamoat' ? [1, 89] : [90, 99];
  for (let n = from; n <= to; n++) if (!used.has(n)) return n;
  throw new DomainError('conflict', 'problem.admin.wrongParent', { parent: districtId });
}

async function newConsulate(trx: Transaction<Database>, country: string, names: AdminOffice['name']) {
  const all = await trx
    .selectFrom('offices')
    .select(['id', 'numeric_code'])
    .where('kind', '=', 'consulate')
    .execute();
  const ofCountry = all.filter((o) => o.id.startsWith(`CN-${country}-`));
  const seq = Math.max(0, ...ofCountry.map((o) => Number(o.id.slice(-2)))) + 1;
  const countrySeq = ofCountry[0]
    ? Number(ofCountry[0].numeric_code.slice(2, 4))
    : Math.max(0, ...all.map((o) => Number(o.numeric_code.slice(2, 4)))) + 1;
  return consulate(country, seq, countrySeq, names);
}

/** A new jamoat or mobile office under a district, or a consulate under the centre. */
export async function openOffice(
  ctx: WriteContext,
  input: {
    kind: OpenableOfficeKind;
    parent: string;
    name: AdminOffice['name'];
    officialName?: string | undefined;
    country?: string | undefined;
  },
) {
  assertMayAdminister(ctx.actor, 'open-office');
  const parent = await officeById(ctx.trx, input.parent);
  assertOfficeInReach(ctx.actor, 'open-office', parent);
  if (parent.kind !== PARENT_KIND[input.kind])
    throw new DomainError('conflict', 'problem.admin.wrongParent', { parent: parent.names });
  if (!parent.active)
    throw new DomainError('conflict', 'problem.admin.officeClosed', { office: parent.names });
  let office: NewOffice;
  if (input.kind === 'consulate') {
    if (!input.country)
      throw new DomainError('invalid', 'problem.validation', {}, [
        { path: ['country'], key: 'error.required', params: {} },
      ]);
    office = await newConsulate(ctx.trx, input.country, input.name);
  } else {
    office = childOffice(
      parent,
      input.kind,
      await nextChildNumber(ctx.trx, parent.id, input.kind),
      input.name,
    );
  }
  await ctx.trx
    .insertInto('offices')
    .values({ ...office, official_name: input.officialName ?? null })
    .execute();
  audit(ctx, 'office.opened', office.id, { kind: input.kind, parent: parent.id });
  return present(await officeById(ctx.trx, office.id), 0);
}

/** Closed: no new records; what it holds stays readable. Open again: records may be made again. */
export async function setOfficeOpen(ctx: WriteContext, id: string, open: boolean) {
  const office = await officeById(ctx.trx, id);
  assertOfficeInReach(ctx.actor, 'close-office', office);
  if (office.kind === 'central') throw new DomainError('forbidden', 'problem.admin.forbidden');
  if (office.active !== open) {
    if (!open) {
      // an office above an open one stays open: close those below first
      const below = await ctx.trx
        .selectFrom('offices')
        .select('id')
        .where('path', 'like', `${office.path}_%`)
        .where('active', '=', true)
        .executeTakeFirst();
      if (below) {
        const b = await officeById(ctx.trx, below.id);
        throw new DomainError('conflict', 'problem.admin.officeOpenBelow', { office: b.names });
      }
    }
    await ctx.trx
      .updateTable('offices')
      .set({ active: open, closed_at: open ? null : ctx.now })
      .where('id', '=', id)
      .execute();
    audit(ctx, open ? 'office.reopened' : 'office.closed', id);
  }
  return present(await officeById(ctx.trx, id), await usersIn(ctx.trx, id));
}

/** New names in the three languages, and the official name documents print (null: the derived one). */
export async function renameOffice(
  ctx: WriteContext,
  id: string,
  input: { name: AdminOffice['name']; officialName?: string | null | undefined },
) {
  const office = await officeById(ctx.trx, id);
  assertOfficeInReach(ctx.actor, 'rename-office', office);
  const set = {
    name_tg: input.name.tg,
    name_ru: input.name.ru,
    name_en: input.name.en,
    ...(input.officialName !== undefined ? { official_name: input.officialName } : {}),
  };
  const changed =
    set.name_tg !== office.name_tg ||
    set.name_ru !== office.name_ru ||
    set.name_en !== office.name_en ||
    (input.officialName !== undefined && input.officialName !== office.official_name);
  if (changed) {
    await ctx.trx.updateTable('offices').set(set).where('id', '=', id).execute();
    audit(ctx, 'office.renamed', id, {
      from: { ...office.names, official: office.official_name },
      to: { ...input.name, official: input.officialName ?? office.official_name },
    });
  }
  return present(await officeById(ctx.trx, id), await usersIn(ctx.trx, id));
}

/**
 * A jamoat or a mobile office moved under another district: its path, and the path its records
 * carry (lists and jurisdiction read them by prefix), so the new district's head answers for all
 * of it at once and the old one sees it no more. Its id, numeric code, act numbers and history stay.
 */
export async function moveOffice(ctx: WriteContext, id: string, parentId: string) {
  const office = await officeById(ctx.trx, id);
  assertOfficeInReach(ctx.actor, 'move-office', office);
  if (!MOVABLE_OFFICE_KINDS.includes(office.kind as OfficeKind))
    throw new DomainError('conflict', 'problem.admin.notMovable');
  const parent = await officeById(ctx.trx, parentId);
  assertOfficeInReach(ctx.actor, 'move-office', parent);
  if (parent.kind !== 'district')
    throw new DomainError('conflict', 'problem.admin.wrongParent', { parent: parent.names });
  if (!parent.active)
    throw new DomainError('conflict', 'problem.admin.officeClosed', { office: parent.names });
  if (office.parent_id !== parent.id) {
    const from = office.path;
    const to = `${parent.path}${office.id}/`;
    const rewrite = (column: string) => sql<string>`${to} || substr(${sql.ref(column)}, ${from.length + 1})`;
    await ctx.trx
      .updateTable('offices')
      .set({ parent_id: parent.id, region: parent.region, unit: parent.unit })
      .where('id', '=', id)
      .execute();
    await ctx.trx
      .updateTable('offices')
      .set({ path: rewrite('path') })
      .where('path', 'like', `${from}%`)
      .execute();
    const moved = await ctx.trx
      .updateTable('records')
      .set({ office_path: rewrite('office_path') })
      .where('office_path', 'like', `${from}%`)
      .executeTakeFirst();
    await ctx.trx
      .updateTable('record_counts')
      .set({ office_path: rewrite('office_path') })
      .where('office_path', 'like', `${from}%`)
      .execute();
    audit(ctx, 'office.moved', id, {
      from: office.parent_id,
      to: parent.id,
      records: Number(moved.numUpdatedRows ?? 0),
    });
  }
  return present(await officeById(ctx.trx, id), await usersIn(ctx.trx, id));
}

/** Records are made only in an open office (create-record asks). */
export async function assertOfficeOpen(db: Kysely<Database>, officeId: string): Promise<void> {
  const o = await db.selectFrom('offices').select('active').where('id', '=', officeId).executeTakeFirst();
  if (o && !o.active) throw new DomainError('conflict', 'problem.officeClosedForRecords');
}

/** A mobile office the actor plans visits for (or reads them). */
async function mobileInReach(db: Kysely<Database>, actor: Actor, id: string) {
  const office = await officeById(db, id);
  assertOfficeInReach(actor, 'schedule-visits', office);
  if (office.kind !== 'mobile') throw new DomainError('conflict', 'problem.admin.notMobile');
  return office;
}

const visitRows = (db: Kysely<Database>) =>
  adminDb(db)
    .selectFrom('office_visits as v')
    .leftJoin('offices as h', 'h.id', 'v.host_office_id')
    .selectAll('v')
    .select(['h.name_tg as host_tg', 'h.name_ru as host_ru', 'h.name_en as host_en']);

function presentVisit(
  v: Awaited<ReturnType<ReturnType<typeof visitRows>['executeTakeFirstOrThrow']>>,
): Visit {
  return {
    id: v.id,
    office: v.office_id,
    date: v.visit_date,
    from: v.starts_at,
    to: v.ends_at,
    place: v.place,
    host: v.host_office_id
      ? { id: v.host_office_id, name: { tg: v.host_tg ?? '', ru: v.host_ru ?? '', en: v.host_en ?? '' } }
      : null,
    cancelled: v.cancelled_at !== null,
  };
}

/** A mobile office's visits from a day on (by date and time). */
export async function listVisits(db: Kysely<Database>, actor: Actor, officeId: string, from: string) {
  await mobileInReach(db, actor, officeId);
  const rows = await visitRows(db)
    .where('v.office_id', '=', officeId)
    .where('v.visit_date', '>=', from)
    .orderBy('v.visit_date')
    .orderBy('v.starts_at')
    .execute();
  return rows.map(presentVisit);
}

/** A visit planned: where the minivan stands, on what day, from when to when. */
export async function addVisit(
  ctx: WriteContext,
  officeId: string,
  input: { date: string; from: string; to: string; place: string; host?: string | null | undefined },
) {
  const office = await mobileInReach(ctx.trx, ctx.actor, officeId);
  if (!office.active)
    throw new DomainError('conflict', 'problem.admin.officeClosed', { office: office.names });
  if (input.date < ctx.today)
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['date'], key: 'error.admin.visitPast', params: {} },
    ]);
  if (input.host) {
    const host = await officeById(ctx.trx, input.host);
    assertOfficeInReach(ctx.actor, 'schedule-visits', host);
  }
  const id = randomUUID();
  await adminDb(ctx.trx)
    .insertInto('office_visits')
    .values({
      id,
      office_id: officeId,
      visit_date: input.date,
      starts_at: input.from,
      ends_at: input.to,
      place: input.place,
      host_office_id: input.host ?? null,
      cancelled_at: null,
      created_by: ctx.actor.id,
    })
    .execute();
  audit(ctx, 'office.visit-planned', officeId, { visit: id, date: input.date });
  return presentVisit(await visitRows(ctx.trx).where('v.id', '=', id).executeTakeFirstOrThrow());
}

/** A visit called off (kept, marked cancelled). */
export async function cancelVisit(ctx: WriteContext, officeId: string, visitId: string) {
  await mobileInReach(ctx.trx, ctx.actor, officeId);
  const v = await visitRows(ctx.trx)
    .where('v.id', '=', visitId)
    .where('v.office_id', '=', officeId)
    .executeTakeFirst();
  if (!v) throw new DomainError('not-found', 'problem.notFound');
  if (v.cancelled_at === null) {
    await adminDb(ctx.trx)
      .updateTable('office_visits')
      .set({ cancelled_at: ctx.now })
      .where('id', '=', visitId)
      .execute();
    audit(ctx, 'office.visit-cancelled', officeId, { visit: visitId });
  }
  return presentVisit(await visitRows(ctx.trx).where('v.id', '=', visitId).executeTakeFirstOrThrow());
}
