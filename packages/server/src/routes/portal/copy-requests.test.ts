import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateDesk,
  registered,
  registeredBirth,
  type Staff,
} from '../../certificates/testing/fixtures.ts';
import { DEMO_JAMOAT_ID, DEMO_OFFICE_ID } from '../../demo/demo-data.ts';
import { type JobsRuntime, startJobs } from '../../jobs/runtime.ts';
import { memoryLog } from '../../notifications/testing/log.ts';
import { waitFor } from '../../notifications/testing/wait.ts';
import { notifyApplicationFromRecord } from '../../portal/application-notices.ts';
import { type CitizenClient, noticesTo, signedInCitizen } from '../../portal/testing/citizen-client.ts';
import { samplePdf, samplePng } from '../../storage/testing/samples.ts';
import { feesOf, payFee } from '../../test/fees.ts';
import { deathData } from '../../test/fixtures.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { R, show } from '../../test/workflow.ts';

/**
 * Online requests for a repeat certificate or an extract: a citizen's draft with core's request
 * checks (whose record, who may receive it, the scans), submitted for a tracking code; the clerk
 * links the registered record found, which puts the fee in place as the office's services on
 * request are; the paid print makes it ready for collection and the citizen is told.
 */

let t: TestApp;
let staff: Staff;
let jobs: JobsRuntime;

beforeAll(async () => {
  t = await startTestApp();
  ({ staff } = await certificateDesk(t));
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

const A = '/api/v1/portal/applications';
const O = '/api/v1/online-applications';
const b64 = (b: Buffer) => b.toString('base64');
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON
type Json = any;
const paths = (res: { body: Json }) => (res.body.errors ?? []).map((e: { path: string }) => e.path);

/** A registered birth record of the front office whose first certificate is printed. */
async function recordWithCertificate() {
  const rec = await registeredBirth(staff);
  const first = await staff.front.post(`${R}/${rec.id}/certificates`, { mode: 'overlay' });
  expect(first.status, show(first)).toBe(201);
  return rec as {
    id: string;
    data: { child: { surname: string; name: string; patronymic: string; birthDate: string } };
  };
}

/** A parent's request for their child's record, as the record's data names the child. */
const forChild = (rec: Awaited<ReturnType<typeof recordWithCertificate>>) => ({
  actKind: 'BIRTH',
  relationship: 'minor',
  person: {
    surname: rec.data.child.surname,
    name: rec.data.child.name,
    patronymic: rec.data.child.patronymic,
    birthDate: rec.data.child.birthDate,
  },
});

async function submittedRequest(c: CitizenClient, kind: string, data: object, scans = 2) {
  const draft = await c.post(A, { kind, office: DEMO_OFFICE_ID, data });
  expect(draft.status, show(draft)).toBe(201);
  for (let i = 0; i < scans; i++) {
    const file = await c.post(`${A}/${draft.body.id}/attachments`, {
      fileName: `scan-${i}.pdf`,
      content: b64(samplePdf()),
    });
    expect(file.status, show(file)).toBe(201);
  }
  const sent = await c.post(`${A}/${draft.body.id}/submit`, { birthDate: '1992-05-20' });
  expect(sent.status, show(sent)).toBe(200);
  return sent.body;
}

describe('a citizen’s request for a copy', () => {
  it('is a draft that may be incomplete, never wrong, at an office that offers the service', async () => {
    const c = await signedInCitizen(t);
    const draft = await c.post(A, { kind: 'CERT_REPEAT', data: { person: { surname: 'Раҳимзода' } } });
    expect(draft.status, show(draft)).toBe(201);
    expect(draft.body).toMatchObject({ kind: 'CERT_REPEAT', status: 'draft', trackingCode: null });

    const wrong = await c.put(`${A}/${draft.body.id}`, {
      data: { actKind: 'DEATH', relationship: 'self', person: { birthDate: '2999-01-01' } },
    });
    expect(wrong.status).toBe(422);
    expect(paths(wrong)).toEqual(expect.arrayContaining(['data.person.birthDate', 'data.relationship']));

    const jamoat = await c.put(`${A}/${draft.body.id}`, { office: DEMO_JAMOAT_ID, data: {} });
    expect(jamoat.status).toBe(422);
    expect(paths(jamoat)).toEqual(['office']);

    const saved = await c.put(`${A}/${draft.body.id}`, {
      office: DEMO_OFFICE_ID,
      data: { actKind: 'BIRTH', person: { surname: 'Раҳимзода' } },
    });
    expect(saved.status, show(saved)).toBe(200);
    expect(saved.body.data).toEqual({ actKind: 'BIRTH', person: { surname: 'Раҳимзода' } });
    expect((await c.get(A)).body.items.map((x: Json) => x.kind)).toEqual(['CERT_REPEAT']);
  });

  it('is sent only complete, with the identity document and a proof of kinship, errors in the citizen’s language', async () => {
    const rec = await recordWithCertificate();
    const c = await signedInCitizen(t, 'ru');
    const draft = await c.post(A, { kind: 'EXTRACT', office: DEMO_OFFICE_ID, data: forChild(rec) });
    expect(draft.status, show(draft)).toBe(201);
    await c.post(`${A}/${draft.body.id}/attachments`, {
      fileName: 'passport.png',
      content: b64(samplePng()),
    });
    const refused = await c.post(
      `${A}/${draft.body.id}/submit`,
      { birthDate: '1992-05-20' },
      {
        'accept-language': 'ru',
      },
    );
    expect(refused.status).toBe(422);
    expect(paths(refused)).toEqual(expect.arrayContaining(['data.purpose', 'attachments']));
    const scans = refused.body.errors.find((e: Json) => e.path === 'attachments');
    expect(scans.message).toContain('документ о родстве');
    expect((await c.get(`${A}/${draft.body.id}`)).body.status).toBe('draft');

    const grown = await c.put(`${A}/${draft.body.id}`, {
      data: { ...forChild(rec), person: { ...forChild(rec).person, birthDate: '1990-01-01' } },
    });
    expect(grown.status).toBe(422);
    expect(paths(grown)).toEqual(['data.relationship']);
  });

  it('is submitted for a tracking code, told to the citizen, and is nobody else’s business', async () => {
    const rec = await recordWithCertificate();
    const c = await signedInCitizen(t);
    const app = await submittedRequest(c, 'CERT_REPEAT', forChild(rec));
    expect(app).toMatchObject({ kind: 'CERT_REPEAT', status: 'received' });
    expect(app.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect((await noticesTo(t, c.email)).map((n) => n.template)).toContain('application.received');
    const tracked = await t
      .anonymous()
      .get(`/api/v1/portal/track?code=${app.trackingCode}&birthDate=1992-05-20`);
    expect(tracked.body).toMatchObject({ kind: 'CERT_REPEAT', status: 'received' });

    const other = await signedInCitizen(t);
    expect((await other.get(`${A}/${app.id}`)).status).toBe(404);
    expect((await other.put(`${A}/${app.id}`, { data: {} })).status).toBe(404);
    expect((await other.post(`${A}/${app.id}/submit`, { birthDate: '1992-05-20' })).status).toBe(404);
  });
});

describe('the office and a request for a copy', () => {
  it('shows it in the queue; the clerk links the record found, its fee is in place, the paid print makes it ready and the citizen is told', async () => {
    const rec = await recordWithCertificate();
    const c = await signedInCitizen(t);
    const app = await submittedRequest(c, 'CERT_REPEAT', forChild(rec));

    const queue = await staff.front.get(O);
    const listed = queue.body.items.find((x: Json) => x.id === app.id);
    expect(listed).toMatchObject({
      kind: 'CERT_REPEAT',
      summary: {
        surname: rec.data.child.surname,
        name: rec.data.child.name,
        birthDate: rec.data.child.birthDate,
      },
    });
    const opened = await staff.front.get(`${O}/${app.id}`);
    expect(opened.body.attachments).toHaveLength(2);
    expect(opened.body.data.relationship).toBe('minor');

    // not a record to make; a record of another kind or not registered is not the one
    expect((await staff.front.post(`${O}/${app.id}/accept`)).status).toBe(409);
    const draftRecord = await staff.front.post(R, { kind: 'BIRTH', data: {} });
    const notRegistered = await staff.front.post(`${O}/${app.id}/link`, { recordId: draftRecord.body.id });
    expect(notRegistered.status).toBe(409);

    const key = { 'idempotency-key': `link-${app.id}` };
    const linked = await staff.front.post(`${O}/${app.id}/link`, { recordId: rec.id }, key);
    expect(linked.status, show(linked)).toBe(200);
    const again = await staff.front.post(`${O}/${app.id}/link`, { recordId: rec.id }, key);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(linked.body).toMatchObject({ recordId: rec.id, status: 'waiting-for-visit' });
    expect((await c.get(`${A}/${app.id}`)).body.status).toBe('waiting-for-visit');
    const waiting = async () =>
      (await staff.front.get(`${O}?status=waiting-for-visit`)).body.items.map((x: Json) => x.id);
    expect(await waiting()).toContain(app.id);
    expect((await staff.front.get(O)).body.items.map((x: Json) => x.id)).not.toContain(app.id);

    // the repeat certificate's charge, as the staff's services on request store it, open and unpaid
    const fees = await feesOf(staff.front, rec.id);
    const charges = fees.charges.filter((x: Json) => x.purpose === 'certificate' && !x.spent);
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({ service: 'CERT_REPEAT' });
    expect(charges[0].balance.settled).toBe(false);
    const unpaid = await staff.front.post(`${R}/${rec.id}/certificates`, { mode: 'overlay' });
    expect(unpaid.status).toBe(409);
    expect((await c.get(`${A}/${app.id}`)).body.status).toBe('waiting-for-visit');

    await payFee(staff.front, rec.id, 'certificate');
    const printed = await staff.front.post(`${R}/${rec.id}/certificates`, { mode: 'overlay' });
    expect(printed.status, show(printed)).toBe(201);
    expect(printed.body.issue).toBe('repeat');
    expect((await c.get(`${A}/${app.id}`)).body.status).toBe('ready-for-collection');
    expect(await waiting()).not.toContain(app.id);
    const tracked = await t
      .anonymous()
      .get(`/api/v1/portal/track?code=${app.trackingCode}&birthDate=1992-05-20`);
    expect(tracked.body.status).toBe('ready-for-collection');
    await waitFor('the collection notice', async () =>
      (await noticesTo(t, c.email)).some((n) => n.template === 'application.ready-for-collection')
        ? true
        : undefined,
    );
    const told = (await noticesTo(t, c.email)).map((n) => [
      n.template,
      (n.params as { status?: string }).status,
    ]);
    expect(told).toContainEqual(['application.status-changed', 'waiting-for-visit']);
  });

  it('links one record to later requests too; an extract’s is ready by the extract printed, not by a certificate', async () => {
    const rec = await recordWithCertificate();
    const c = await signedInCitizen(t);
    const first = await submittedRequest(c, 'CERT_REPEAT', forChild(rec));
    const extract = await submittedRequest(c, 'EXTRACT', { ...forChild(rec), purpose: 'Барои суд' });
    for (const app of [first, extract]) {
      const linked = await staff.front.post(`${O}/${app.id}/link`, { recordId: rec.id });
      expect(linked.status, show(linked)).toBe(200);
    }
    await payFee(staff.front, rec.id, 'certificate');
    expect((await staff.front.post(`${R}/${rec.id}/certificates`, { mode: 'overlay' })).status).toBe(201);
    expect((await c.get(`${A}/${first.id}`)).body.status).toBe('ready-for-collection');
    expect((await c.get(`${A}/${extract.id}`)).body.status).toBe('waiting-for-visit');

    await payFee(staff.front, rec.id, 'extract');
    const printed = await staff.front.post(`${R}/${rec.id}/certificates`, {
      mode: 'full',
      document: 'ARCHIVE_EXTRACT',
    });
    expect(printed.status, show(printed)).toBe(201);
    expect((await c.get(`${A}/${extract.id}`)).body.status).toBe('ready-for-collection');
    await waitFor('both collection notices', async () =>
      (await noticesTo(t, c.email)).filter((n) => n.template === 'application.ready-for-collection')
        .length === 2
        ? true
        : undefined,
    );
  });

  it('is returned with a message when no record is found, and is the clerk’s own office only', async () => {
    const c = await signedInCitizen(t, 'tg');
    const rec = await recordWithCertificate();
    const app = await submittedRequest(c, 'CERT_REPEAT', forChild(rec));
    const death = await registered(staff, 'DEATH', deathData());
    const wrongKind = await staff.front.post(
      `${O}/${app.id}/link`,
      { recordId: death.id },
      { 'accept-language': 'en' },
    );
    expect(wrongKind.status).toBe(409);
    expect(wrongKind.body.title).toContain('Birth');
    const jamoat = await t.as('jamoat');
    expect((await jamoat.post(`${O}/${app.id}/link`, { recordId: rec.id })).status).toBe(404);
    const returned = await staff.front.post(`${O}/${app.id}/return`, { message: 'Сабт ёфт нашуд.' });
    expect(returned.status, show(returned)).toBe(200);
    expect((await c.get(`${A}/${app.id}`)).body).toMatchObject({
      status: 'needs-correction',
      message: 'Сабт ёфт нашуд.',
    });
    expect((await staff.front.post(`${O}/${app.id}/link`, { recordId: rec.id })).status).toBe(409);
  });
});
