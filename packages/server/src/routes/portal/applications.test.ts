import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveBlanks } from '../../certificates/testing/fixtures.ts';
import { DEMO_JAMOAT_ID, DEMO_OFFICE_ID } from '../../demo/demo-data.ts';
import { type JobsRuntime, startJobs } from '../../jobs/runtime.ts';
import { memoryLog } from '../../notifications/testing/log.ts';
import { waitFor } from '../../notifications/testing/wait.ts';
import { notifyApplicationFromRecord } from '../../portal/application-notices.ts';
import { portalDb } from '../../portal/tables.ts';
import {
  type CitizenClient,
  noticesTo as listNotices,
  signedInCitizen,
} from '../../portal/testing/citizen-client.ts';
import { samplePdf, samplePng } from '../../storage/testing/samples.ts';
import { birthData } from '../../test/fixtures.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { advance, R, show, type Workflow } from '../../test/workflow.ts';

/**
 * Online applications: a citizen's draft with the staff forms' schema and checks, scans attached,
 * submitted to an office for a tracking code; the front office's queue, accepting it into a draft
 * record or returning it; the status read from the record; tracking without sign-in; and each
 * change told to the citizen.
 */

let t: TestApp;
let w: Workflow;
let jobs: JobsRuntime;

beforeAll(async () => {
  t = await startTestApp();
  w = { front: await t.as('front'), back: await t.as('back'), registrar: await t.as('registrar') };
  // the statuses read from the record are told by the outbox's subscriber, as the server runs it;
  // nothing is sent, so each notice (and a sign-in code) stays queued to be read here
  jobs = await startJobs({
    dbx: t.dbx,
    config: t.config,
    registry: { jobs: [], subscribers: [notifyApplicationFromRecord] },
    log: memoryLog(),
    pollIntervalSeconds: 0.5,
    dispatchPollMs: 100,
    shutdownTimeoutMs: 2000,
  });
});
afterAll(async () => {
  await jobs?.stop();
  await t?.close();
});

const citizen = (language = 'en') => signedInCitizen(t, language);
type Citizen = CitizenClient;

const A = '/api/v1/portal/applications';
const O = '/api/v1/online-applications';
const b64 = (b: Buffer) => b.toString('base64');

/** A birth application made, a scan attached and submitted to the district office. */
async function submitted(c: Citizen, data = birthData()) {
  const draft = await c.post(A, { kind: 'BIRTH', office: DEMO_OFFICE_ID, data });
  expect(draft.status, show(draft)).toBe(201);
  const file = await c.post(`${A}/${draft.body.id}/attachments`, {
    fileName: 'medical.pdf',
    content: b64(samplePdf()),
  });
  expect(file.status, show(file)).toBe(201);
  const sent = await c.post(`${A}/${draft.body.id}/submit`, { birthDate: '1990-04-12' });
  expect(sent.status, show(sent)).toBe(200);
  return sent.body;
}

const noticesTo = (email: string) => listNotices(t, email);

describe('a citizen’s application', () => {
  it('starts as a draft that may be incomplete, never wrong, and is saved again', async () => {
    const c = await citizen();
    const draft = await c.post(A, { kind: 'BIRTH', data: { child: { surname: 'Раҳимов' } } });
    expect(draft.status, show(draft)).toBe(201);
    expect(draft.body).toMatchObject({ kind: 'BIRTH', status: 'draft', trackingCode: null, office: null });

    const wrong = await c.put(`${A}/${draft.body.id}`, { data: { child: { birthDate: '2999-01-01' } } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: { path: string }) => e.path)).toContain('data.child.birthDate');

    const saved = await c.put(`${A}/${draft.body.id}`, {
      office: DEMO_OFFICE_ID,
      data: { child: { surname: 'Каримов' } },
    });
    expect(saved.status, show(saved)).toBe(200);
    expect(saved.body.data).toEqual({ child: { surname: 'Каримов' } });
    expect(saved.body.office.id).toBe(DEMO_OFFICE_ID);

    const list = await c.get(A);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([draft.body.id]);
  });

  it('is sent only to an office that registers its kind, and only complete', async () => {
    const c = await citizen();
    const adoption = await c.post(A, { kind: 'ADOPTION', office: DEMO_JAMOAT_ID });
    expect(adoption.status).toBe(422);
    expect(adoption.body.errors[0].path).toBe('office');

    const draft = await c.post(A, { kind: 'BIRTH', data: { child: { surname: 'Раҳимов' } } });
    const noOffice = await c.post(`${A}/${draft.body.id}/submit`, { birthDate: '1990-04-12' });
    expect(noOffice.status).toBe(422);
    await c.put(`${A}/${draft.body.id}`, { office: DEMO_OFFICE_ID, data: { child: { surname: 'Раҳимов' } } });
    const incomplete = await c.post(`${A}/${draft.body.id}/submit`, { birthDate: '1990-04-12' });
    expect(incomplete.status).toBe(422);
    expect((await c.get(`${A}/${draft.body.id}`)).body.status).toBe('draft');
  });

  it('takes scans whose content is what they claim, and refuses anything else', async () => {
    const c = await citizen();
    const draft = await c.post(A, { kind: 'BIRTH' });
    const png = await c.post(`${A}/${draft.body.id}/attachments`, {
      fileName: 'scan.png',
      content: b64(samplePng()),
    });
    expect(png.status, show(png)).toBe(201);
    expect(png.body).toMatchObject({ fileName: 'scan.png', contentType: 'image/png' });
    const lying = await c.post(`${A}/${draft.body.id}/attachments`, {
      fileName: 'scan.pdf',
      content: b64(samplePng()),
    });
    expect(lying.status).toBe(415);
    const text = await c.post(`${A}/${draft.body.id}/attachments`, {
      fileName: 'notes.pdf',
      content: b64(Buffer.from('just text')),
    });
    expect(text.status).toBe(415);
    expect((await c.get(`${A}/${draft.body.id}`)).body.attachments).toHaveLength(1);
  });

  it('is submitted once per Idempotency-Key, gets a tracking code and tells the citizen', async () => {
    const c = await citizen('ru');
    const draft = await c.post(A, { kind: 'BIRTH', office: DEMO_OFFICE_ID, data: birthData() });
    const key = { 'idempotency-key': 'submit-1' };
    const first = await c.post(`${A}/${draft.body.id}/submit`, { birthDate: '1990-04-12' }, key);
    const again = await c.post(`${A}/${draft.body.id}/submit`, { birthDate: '1990-04-12' }, key);
    expect(first.status, show(first)).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body.trackingCode).toBe(first.body.trackingCode);
    expect(first.body.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(first.body.status).toBe('received');
    const notices = await noticesTo(c.email);
    expect(notices.filter((n) => n.template === 'application.received')).toHaveLength(1);
    expect(notices.at(-1)!.language).toBe('ru');

    const edit = await c.put(`${A}/${draft.body.id}`, { data: birthData() });
    expect(edit.status).toBe(409);
  });

  it('is another citizen’s business only to its citizen: not found for anyone else', async () => {
    const owner = await citizen();
    const other = await citizen();
    const app = await submitted(owner);
    // the owner reads their own scan back, as they sent it; nobody else does
    const [scan] = (await owner.get(`${A}/${app.id}`)).body.attachments;
    const own = await owner.get(`${A}/${app.id}/attachments/${scan.id}`);
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toContain('medical.pdf');
    expect(own.body).toBe(samplePdf().toString());
    expect((await other.get(`${A}/${app.id}/attachments/${scan.id}`)).status).toBe(404);
    expect((await t.anonymous().get(`${A}/${app.id}/attachments/${scan.id}`)).status).toBe(401);
    expect((await other.get(`${A}/${app.id}`)).status).toBe(404);
    expect((await other.put(`${A}/${app.id}`, { data: {} })).status).toBe(404);
    expect((await other.post(`${A}/${app.id}/submit`, { birthDate: '1990-04-12' })).status).toBe(404);
    expect((await other.get(A)).body.items).toEqual([]);
    expect((await t.anonymous().get(A)).status).toBe(401);
  });
});

describe('tracking without sign-in', () => {
  it('answers the status for the code and the applicant’s date of birth, and the same 404 for a wrong pair', async () => {
    const app = await submitted(await citizen());
    const code = app.trackingCode as string;
    const typed = `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`;
    const found = await t.anonymous().get(`/api/v1/portal/track?code=${typed}&birthDate=1990-04-12`);
    expect(found.status, show(found)).toBe(200);
    expect(found.body).toMatchObject({ trackingCode: code, status: 'received', kind: 'BIRTH' });
    expect(found.body).not.toHaveProperty('data');

    const wrongDate = await t.anonymous().get(`/api/v1/portal/track?code=${code}&birthDate=1990-04-13`);
    const unknown = await t.anonymous().get('/api/v1/portal/track?code=0000000000&birthDate=1990-04-12');
    expect(wrongDate.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongDate.body.title).toBe(unknown.body.title);
  });
});

describe('the office’s queue', () => {
  it('returns an application with a message; the citizen corrects and submits it again under the same code', async () => {
    const c = await citizen('tg');
    const app = await submitted(c);
    const queue = await w.front.get(O);
    expect(queue.status, show(queue)).toBe(200);
    expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(app.id);

    const returned = await w.front.post(`${O}/${app.id}/return`, {
      message: 'Нусхаи шиносномаро илова кунед.',
    });
    expect(returned.status, show(returned)).toBe(200);
    const seen = await c.get(`${A}/${app.id}`);
    expect(seen.body).toMatchObject({
      status: 'needs-correction',
      message: 'Нусхаи шиносномаро илова кунед.',
    });
    const notice = (await noticesTo(c.email)).at(-1)!;
    expect(notice).toMatchObject({ template: 'application.status-changed', language: 'tg' });
    expect(notice.params).toMatchObject({
      status: 'needs-information',
      note: 'Нусхаи шиносномаро илова кунед.',
    });

    expect((await w.front.post(`${O}/${app.id}/accept`)).status).toBe(409);
    const again = await c.post(`${A}/${app.id}/submit`, { birthDate: '1990-04-12' });
    expect(again.status, show(again)).toBe(200);
    expect(again.body).toMatchObject({ status: 'received', trackingCode: app.trackingCode, message: null });
  });

  it('accepts one into a draft record pre-filled from it; the status follows the record to registration and its printed certificate, each change told', async () => {
    const c = await citizen();
    const data = birthData();
    const app = await submitted(c, data);
    const opened = await w.front.get(`${O}/${app.id}`);
    expect(opened.status, show(opened)).toBe(200);
    expect(opened.body.attachments).toHaveLength(1);
    const scan = await w.front.get(`${O}/${app.id}/files/${opened.body.attachments[0].id}`);
    expect(scan.status).toBe(200);
    expect(scan.headers['content-type']).toBe('application/pdf');

    const accepted = await w.front.post(`${O}/${app.id}/accept`, undefined, {
      'idempotency-key': 'accept-1',
    });
    expect(accepted.status, show(accepted)).toBe(200);
    const retried = await w.front.post(`${O}/${app.id}/accept`, undefined, { 'idempotency-key': 'accept-1' });
    expect(retried.body.recordId).toBe(accepted.body.recordId);
    const recordId = accepted.body.recordId as string;
    const record = await w.front.get(`${R}/${recordId}`);
    expect(record.body.status).toBe('draft');
    expect(record.body.data).toEqual(data);
    // the record tells which application it was made from
    expect(record.body.onlineApplication).toEqual({ id: app.id, trackingCode: app.trackingCode });
    expect((await c.get(`${A}/${app.id}`)).body.status).toBe('waiting-for-visit');
    expect(
      (await w.front.get(`${O}?status=waiting-for-visit`)).body.items.map((x: { id: string }) => x.id),
    ).toContain(app.id);
    expect((await w.front.get(O)).body.items.map((x: { id: string }) => x.id)).not.toContain(app.id);

    await advance(w, recordId);
    expect((await c.get(`${A}/${app.id}`)).body.status).toBe('registered');
    const tracked = await t
      .anonymous()
      .get(`/api/v1/portal/track?code=${app.trackingCode}&birthDate=1990-04-12`);
    expect(tracked.body.status).toBe('registered');
    const told = async () =>
      (await noticesTo(c.email)).map((n) => [n.template, (n.params as { status?: string }).status]);
    expect(await told()).toContainEqual(['application.status-changed', 'waiting-for-visit']);
    await waitFor('the registered notice', async () =>
      (await told()).some(([, status]) => status === 'registered') ? true : undefined,
    );

    // a certificate printed: ready for collection, and the citizen is told where
    await receiveBlanks(await t.as('head'), { from: '000001', to: '000010' });
    const printed = await w.front.post(`${R}/${recordId}/certificates`, { mode: 'full' });
    expect(printed.status, show(printed)).toBe(201);
    expect((await c.get(`${A}/${app.id}`)).body.status).toBe('ready-for-collection');
    await waitFor('the collection notice', async () =>
      (await told()).some(([template]) => template === 'application.ready-for-collection') ? true : undefined,
    );
  });

  it('is closed when the office withdraws the record made of it unregistered, and the citizen is told', async () => {
    const c = await citizen('tg');
    const app = await submitted(c);
    const accepted = await w.front.post(`${O}/${app.id}/accept`, undefined, {
      'idempotency-key': 'accept-c',
    });
    expect(accepted.status, show(accepted)).toBe(200);
    const recordId = accepted.body.recordId as string;
    const cancelled = await w.front.post(`${R}/${recordId}/cancel`, { reason: 'the applicant did not come' });
    expect(cancelled.status, show(cancelled)).toBe(200);

    expect((await c.get(`${A}/${app.id}`)).body.status).toBe('closed');
    const tracked = await t
      .anonymous()
      .get(`/api/v1/portal/track?code=${app.trackingCode}&birthDate=1990-04-12`);
    expect(tracked.body.status).toBe('closed');
    // out of the office's queues
    for (const queue of ['received', 'waiting-for-visit', 'needs-correction'])
      expect(
        (await w.front.get(`${O}?status=${queue}`)).body.items.map((x: { id: string }) => x.id),
      ).not.toContain(app.id);
    await waitFor('the closing notice', async () =>
      (await noticesTo(c.email)).find(
        (n) =>
          n.template === 'application.status-changed' &&
          (n.params as { status?: string }).status === 'closed',
      ),
    );
  });

  it('pages a long queue by token: each application once, oldest sent first; a token of another list refused', async () => {
    const c = await citizen();
    const { id: citizenId } = await portalDb(t.dbx.db)
      .selectFrom('citizens')
      .select('id')
      .where('contact', '=', c.email)
      .executeTakeFirstOrThrow();
    // 55 applications sent the same minute years ago (ties broken by id), straight into the table
    const made = Array.from({ length: 55 }, (_, i) => ({
      id: randomUUID(),
      code: `P${String(i).padStart(2, '0')}${randomUUID()
        .replace(/[^0-9]/g, '')
        .slice(0, 7)}`,
    }));
    for (const m of made)
      await sql`
        INSERT INTO citizen_applications
          (id, citizen_id, kind, office_id, data, status, tracking_code, tracking_birth_date, submitted_at)
        VALUES (${m.id}, ${citizenId}, 'BIRTH', ${DEMO_OFFICE_ID}, '{}'::jsonb, 'received', ${m.code},
          '1990-04-12', '2020-01-02T03:04:05.123456Z')`.execute(t.dbx.db);
    const seen: { id: string; submittedAt: string }[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const res = await w.front.get(`${O}?status=received${next ? `&after=${next}` : ''}`);
      expect(res.status, show(res)).toBe(200);
      if (pages === 0) expect(res.body.items).toHaveLength(50);
      seen.push(...res.body.items);
      next = res.body.next;
      pages++;
    } while (next && pages < 20);
    const ids = seen.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(made.map((m) => m.id)));
    expect(ids.slice(0, 55).sort()).toEqual(made.map((m) => m.id).sort());
    const times = seen.map((x) => x.submittedAt);
    expect(times).toEqual([...times].sort());

    const first = await w.front.get(`${O}?status=received`);
    const wrongList = await w.front.get(`${O}?status=needs-correction&after=${first.body.next}`);
    expect(wrongList.status).toBe(400);
    expect((await w.front.get(`${O}?after=not-a-token`)).status).toBe(400);
  });

  it('is the clerk’s own office only, and not for a role that takes no applications', async () => {
    const app = await submitted(await citizen());
    const jamoat = await t.as('jamoat');
    expect((await jamoat.get(`${O}/${app.id}`)).status).toBe(404);
    expect((await jamoat.post(`${O}/${app.id}/accept`)).status).toBe(404);
    expect((await (await t.as('auditor')).get(O)).status).toBe(403);
  });
});
