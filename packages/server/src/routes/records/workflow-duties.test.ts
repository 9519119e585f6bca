import { addDays, todayIn } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../auth/users.ts';
import { marriageOf } from '../../test/family.ts';
import { payFee } from '../../test/fees.ts';
import { birthData } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, R, show } from '../../test/workflow.ts';

/*
 * Issue 14, items 2, 7, 8 and 9 as a user of the API meets them: the month a marriage waits and the
 * head's decision that shortens it; who may register whose act; cancelled and forgotten drafts; a
 * history that shows a person's autosaves as one entry.
 */

let t: TestApp;
let front: Client;
let back: Client;
let registrar: Client;
let registrar2: Client;
let head: Client;
let jamoat: Client;
let rudakiHead: Client;
let today: string;

beforeAll(async () => {
  t = await startTestApp();
  await createUser(
    t.dbx.db,
    {
      login: 'registrar2',
      password: 'sabt-demo',
      fullName: 'Сафарова Мунира',
      role: 'registrar',
      officeId: 'DU-03-00',
    },
    { demoPassword: true },
  );
  await createUser(
    t.dbx.db,
    {
      login: 'rudaki_head',
      password: 'sabt-demo',
      fullName: 'Қодиров Баҳром',
      role: 'head_of_office',
      officeId: 'RA-13-00',
    },
    { demoPassword: true },
  );
  front = await t.as('front');
  back = await t.as('back');
  registrar = await t.as('registrar');
  registrar2 = await t.as('registrar2');
  head = await t.as('head');
  jamoat = await t.as('jamoat');
  rudakiHead = await t.as('rudaki_head');
  today = todayIn(t.config.timeZone);
});
afterAll(() => t.close());

const RU = { 'accept-language': 'ru' };

/** A marriage applied for `daysAgo` days ago, the ceremony not yet dated: taken up to validated. */
async function validatedMarriage(daysAgo: number, n: number) {
  const data = marriageOf(
    { surname: 'Ҳасанов', name: `Фирӯз${'а'.repeat(n)}`, birthDate: addDays('1995-03-01', n) },
    { surname: 'Ҳасанова', name: `Нигина${'а'.repeat(n)}`, birthDate: addDays('1998-06-01', n) },
  ) as Record<string, unknown>;
  data.applicationDate = addDays(today, -daysAgo);
  delete data.registrationDate;
  const id = await createRecord(front, 'MARRIAGE', data);
  expect((await front.post(`${R}/${id}/submit`)).status).toBe(200);
  expect((await back.post(`${R}/${id}/validate`)).status).toBe(200);
  // the duty paid at the front office, so that only the waiting period stands in the way
  await payFee(front, id);
  return id;
}

describe('the month between a marriage application and its registration (item 2)', () => {
  it('refuses registration five days after the application, saying from when, in the user’s language', async () => {
    const id = await validatedMarriage(5, 1);
    const read = await registrar.get(`${R}/${id}`);
    expect(read.body.waitingPeriod).toMatchObject({
      applicationDate: addDays(today, -5),
      met: false,
      shortening: null,
    });
    const res = await registrar.post(`${R}/${id}/register`, undefined, RU);
    expect(res.status, show(res)).toBe(422);
    expect(res.body.key).toBe('problem.waitingPeriod');
    expect(res.body.title).toContain('Брак регистрируется через месяц');
    const [y, m, d] = read.body.waitingPeriod.earliest.split('-');
    expect(res.body.title).toContain(`${d}.${m}.${y}`);
    expect((await registrar.get(`${R}/${id}`)).body.status).toBe('validated');
  });

  it('registers after the head of office shortens it, with the decision, its ground, reason and basis on the record', async () => {
    const id = await validatedMarriage(5, 2);
    expect((await head.get(`${R}/${id}`)).body.actions).toEqual(['shorten-waiting']);
    const decision = {
      ground: 'PREGNANCY',
      allowedFrom: today,
      reason: 'Арӯс ҳомиладор аст',
      basis: { type: 'OTHER_DOCUMENT', number: '118', date: today, issuer: 'Маркази саломатии №5' },
    };
    // only the head decides
    const byRegistrar = await registrar.post(`${R}/${id}/shorten-waiting`, decision);
    expect(byRegistrar.status).toBe(403);
    // the reason is required, and the new first day lies within the month
    expect((await head.post(`${R}/${id}/shorten-waiting`, { ...decision, reason: ' ' })).status).toBe(400);
    const tooEarly = await head.post(`${R}/${id}/shorten-waiting`, {
      ...decision,
      allowedFrom: addDays(today, -6),
    });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.errors[0]).toMatchObject({ path: 'allowedFrom', key: 'error.waiting.allowedFrom' });

    const shortened = await head.post(`${R}/${id}/shorten-waiting`, decision);
    expect(shortened.status, show(shortened)).toBe(200);
    expect(shortened.body.waitingPeriod).toMatchObject({
      allowedFrom: today,
      met: true,
      shortening: {
        ground: 'PREGNANCY',
        reason: 'Арӯс ҳомиладор аст',
        by: 'head',
        basis: decision.basis,
      },
    });
    const reg = await registrar.post(`${R}/${id}/register`);
    expect(reg.status, show(reg)).toBe(200);
    expect(reg.body.status).toBe('registered');
    const history = (await registrar.get(`${R}/${id}/history`)).body.items;
    const entry = history.find((h: { action: string }) => h.action === 'shorten-waiting');
    expect(entry).toMatchObject({
      reason: 'Арӯс ҳомиладор аст',
      by: { login: 'head', role: 'head_of_office' },
      payload: { ground: 'PREGNANCY', allowedFrom: today, applicationDate: addDays(today, -5) },
    });
  });

  it('a decision made for one application date does not carry over when the date is corrected', async () => {
    const id = await validatedMarriage(3, 3);
    expect(
      (
        await head.post(`${R}/${id}/shorten-waiting`, {
          ground: 'OTHER',
          allowedFrom: addDays(today, -3),
          reason: 'Хизмати ҳарбӣ',
        })
      ).status,
    ).toBe(200);
    // sent back, the date corrected, submitted and validated again
    expect((await back.post(`${R}/${id}/reject`, { reason: 'Санаи ариза хато' })).status).toBe(200);
    const draft = await front.get(`${R}/${id}`);
    const patched = await front.patch(
      `${R}/${id}`,
      { data: { applicationDate: addDays(today, -2) } },
      { 'if-match': draft.headers.etag as string },
    );
    expect(patched.status, show(patched)).toBe(200);
    expect(patched.body.waitingPeriod.shortening).toBeNull();
    expect((await front.post(`${R}/${id}/submit`)).status).toBe(200);
    expect((await back.post(`${R}/${id}/validate`)).status).toBe(200);
    expect((await registrar.post(`${R}/${id}/register`)).status).toBe(422);
  });

  it('needs no decision once the month has passed', async () => {
    const id = await validatedMarriage(40, 4);
    const shorten = await head.post(`${R}/${id}/shorten-waiting`, {
      ground: 'OTHER',
      allowedFrom: today,
      reason: 'Лозим нест',
    });
    expect(shorten.status).toBe(409);
    expect(shorten.body.key).toBe('problem.waitingPeriodOver');
    expect((await registrar.post(`${R}/${id}/register`)).status).toBe(200);
  });
});

describe('who may register whose act (item 7)', () => {
  it('in a district office whoever created and validated a record may not register it; another registrar does', async () => {
    const id = await createRecord(registrar, 'BIRTH', birthData());
    expect((await registrar.post(`${R}/${id}/submit`)).status).toBe(200);
    const validated = await registrar.post(`${R}/${id}/validate`);
    expect(validated.body.actions).toEqual(['reject']);
    const refused = await registrar.post(`${R}/${id}/register`, undefined, RU);
    expect(refused.status).toBe(403);
    expect(refused.body.key).toBe('problem.selfRegistration');
    expect(refused.body.title).toContain('другой регистратор');
    expect((await registrar2.get(`${R}/${id}`)).body.actions).toContain('register');
    const reg = await registrar2.post(`${R}/${id}/register`);
    expect(reg.status, show(reg)).toBe(200);
    expect(reg.body.flags).not.toContain('self-registered');
  });

  it('a validator may not register either, even when a clerk created the record', async () => {
    const id = await createRecord(front, 'BIRTH', birthData());
    expect((await front.post(`${R}/${id}/submit`)).status).toBe(200);
    expect((await registrar.post(`${R}/${id}/validate`)).status).toBe(200);
    expect((await registrar.post(`${R}/${id}/register`)).status).toBe(403);
    expect((await registrar2.post(`${R}/${id}/register`)).status).toBe(200);
  });

  it('in a jamoat one registrar may do it all: the act is flagged and listed for the head of the district', async () => {
    const id = await createRecord(jamoat, 'BIRTH', birthData());
    expect((await jamoat.post(`${R}/${id}/submit`)).status).toBe(200);
    expect((await jamoat.post(`${R}/${id}/validate`)).status).toBe(200);
    const reg = await jamoat.post(`${R}/${id}/register`);
    expect(reg.status, show(reg)).toBe(200);
    expect(reg.body.flags).toContain('self-registered');
    const history = (await jamoat.get(`${R}/${id}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ action: 'register', payload: { selfRegistered: true } });

    const listed = await rudakiHead.get(`${R}?flag=self-registered`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await rudakiHead.get(`${R}/counts`)).body.selfRegistered).toBe(1);
  });
});

describe('cancelling a draft, and drafts nobody touches (item 8)', () => {
  it('its author cancels a draft with a reason: kept, out of the queues, the reason and who in its history', async () => {
    const id = await createRecord(front, 'BIRTH', birthData());
    const notMine = await back.post(`${R}/${id}/cancel`, { reason: 'Хато' }, RU);
    expect(notMine.status).toBe(403);
    expect(notMine.body.key).toBe('problem.notAuthor');
    expect((await front.post(`${R}/${id}/cancel`, {})).status).toBe(422);

    const cancelled = await front.post(`${R}/${id}/cancel`, { reason: 'Ариза ду бор ворид шуд' });
    expect(cancelled.status, show(cancelled)).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.actions).toEqual([]);
    expect(cancelled.body.check).toBeNull();
    expect(cancelled.body.cancellation).toMatchObject({ reason: 'Ариза ду бор ворид шуд', by: 'front' });
    const drafts = await front.get(`${R}?status=draft&limit=200`);
    expect(drafts.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await front.get(`${R}?status=cancelled`)).body.items.map((i: { id: string }) => i.id)).toContain(
      id,
    );
    const history = (await front.get(`${R}/${id}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({
      action: 'cancel',
      from: 'draft',
      to: 'cancelled',
      reason: 'Ариза ду бор ворид шуд',
      by: { login: 'front' },
    });
    // nothing more happens to it
    const edit = await front.patch(
      `${R}/${id}`,
      { data: {} },
      { 'if-match': `"${cancelled.body.revision}"` },
    );
    expect(edit.status).toBe(409);
    expect((await front.post(`${R}/${id}/submit`)).status).toBe(409);
  });

  it('the head of office cancels anyone’s draft', async () => {
    const id = await createRecord(back, 'BIRTH', birthData());
    const res = await head.post(`${R}/${id}/cancel`, { reason: 'Аризадиҳанда аризаро бозпас гирифт' });
    expect(res.status, show(res)).toBe(200);
    expect(res.body.status).toBe('cancelled');
  });

  it('lists the drafts nobody has changed for 30 days', async () => {
    const old = await createRecord(front, 'BIRTH', birthData());
    const fresh = await createRecord(front, 'BIRTH', birthData());
    await t.dbx.db
      .updateTable('records')
      .set({ updated_at: new Date(Date.now() - 31 * 86_400_000) })
      .where('id', '=', old)
      .execute();
    const stale = await head.get(`${R}?status=draft&untouchedDays=30`);
    const ids = stale.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(old);
    expect(ids).not.toContain(fresh);
    expect((await head.get(`${R}/counts`)).body.staleDrafts).toBe(ids.length);
  });
});

describe('a history not flooded by autosaves (item 9)', () => {
  it('shows one person’s consecutive autosaves as one entry with the combined difference, and every save on request', async () => {
    const data = birthData();
    const id = await createRecord(front, 'BIRTH', data);
    let rev = 1;
    const save = async (by: Client, patch: Record<string, unknown>) => {
      const res = await by.patch(`${R}/${id}`, { data: patch }, { 'if-match': `"${rev}"` });
      expect(res.status, show(res)).toBe(200);
      rev = res.body.revision;
    };
    // front types the name letter by letter, changes the sex and back again
    for (const name of ['Ф', 'Фа', 'Фар', 'Фарз']) await save(front, { child: { name } });
    await save(front, { child: { sex: 'M' } });
    await save(front, { child: { sex: 'F' } });
    // then back corrects the surname twice
    await save(back, { child: { surname: 'Раҳимов' } });
    await save(back, { child: { surname: 'Раҳимова' } });
    expect((await front.post(`${R}/${id}/submit`)).status).toBe(200);

    const all = (await front.get(`${R}/${id}/history?autosaves=each`)).body.items;
    expect(all.map((h: { action: string }) => h.action)).toEqual([
      'create',
      ...Array(8).fill('edit'),
      'submit',
    ]);

    const items = (await front.get(`${R}/${id}/history`)).body.items;
    expect(items.map((h: { action: string; by: { login: string } }) => [h.action, h.by.login])).toEqual([
      ['create', 'front'],
      ['edit', 'front'],
      ['edit', 'back'],
      ['submit', 'front'],
    ]);
    expect(items[1].payload).toMatchObject({
      autosaves: 6,
      changes: [{ path: 'child.name', before: data.child.name, after: 'Фарз' }],
    });
    expect(items[1].payload.entries).toEqual(all.slice(1, 7).map((h: { id: number }) => h.id));
    expect(items[2].payload).toMatchObject({
      autosaves: 2,
      changes: [{ path: 'child.surname', before: data.child.surname, after: 'Раҳимова' }],
    });
  });
});
