import {
  adoptionKind,
  mayCertificate,
  mayRead,
  type RecordRead,
  ROLES,
  type Role,
  type SealedPart,
  sealedAccess,
} from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequenceAudit } from '../audit/sequencer.ts';
import { cleanUpPdfFiles, pdfTextFlat } from '../certificates/documents/pdf-tools.ts';
import { certificateDesk, registered, type Staff } from '../certificates/testing/fixtures.ts';
import { fetchBytes } from '../certificates/testing/tools.ts';
import { DEMO_USERS } from '../demo/demo-data.ts';
import { payForPrint } from '../test/fees.ts';
import { preAdoptionBirth } from '../test/fixtures.ts';
import { type Client, type Response, startTestApp, type TestApp } from '../test/harness.ts';
import { R, show } from '../test/workflow.ts';

/**
 * Adoption secrecy on every read path, for every role, against core's rule (`sealedAccess`): a
 * birth is registered, a certificate printed, the child adopted, new certificates printed; then
 * each role reads the records, their versions and history, searches by the child's original and
 * new names, lists the records, fetches and previews the certificates, and the public checks them.
 * Whatever a path shows must be what the rule says for that role and that part of the data; a
 * read the role does not make at all (core READ_MATRIX) is refused.
 */

const ex = adoptionKind.example;
const ORIGINAL = ex.childBefore.surname; // what only the sealed versions and the adoption say
const NEW = ex.childAfter.surname; // the post-adoption name
const BIRTH_MOTHER = 'Ҳамидова';
const ADOPTION_NOTED = 'Фарзандхондӣ ба қайд гирифта шуд';

const originalBirth = preAdoptionBirth(); // born to BIRTH_MOTHER, named ORIGINAL

/** The demo user of each role (all in one district office). */
const loginOf = (role: Role) => DEMO_USERS.find((u) => u.role === role && u.officeId === 'DU-03-00')!.login;

let t: TestApp;
let staff: Staff;
let birth: { id: string };
let adoption: { id: string };
/** Certificates: the birth certificate of before the adoption, the one after, the adoption's own. */
let certs: Record<'before' | 'after' | 'adoption', { id: string; qr: string; pdf: string }>;

beforeAll(async () => {
  t = await startTestApp();
  const desk = await certificateDesk(t, { adoption: true });
  staff = desk.staff;
  const { front, registrar } = staff;
  const print = async (by: Client, id: string) => {
    await payForPrint(by, id);
    const res = await by.post(`${R}/${id}/certificates`, { mode: 'overlay' });
    expect(res.status, show(res)).toBe(201);
    return res.body as { id: string; qr: string; pdf: string };
  };
  birth = await registered(staff, 'BIRTH', originalBirth);
  const before = await print(front, birth.id);
  // the birth mother collects the first birth certificate
  const receipt = await front.post(`/api/v1/certificates/${before.id}/receipt`, {
    name: `${BIRTH_MOTHER} Зарина`,
    idDocument: { type: 'PASSPORT', series: 'A', number: '09990001' },
  });
  expect(receipt.status, show(receipt)).toBe(200);
  adoption = await registered(staff, 'ADOPTION', { ...structuredClone(ex), birthRecordId: birth.id });
  certs = { before, after: await print(front, birth.id), adoption: await print(registrar, adoption.id) };
}, 300_000);
afterAll(async () => {
  cleanUpPdfFiles();
  await t?.close();
});

const ids = (res: Response) => (res.body.items as { id: string }[]).map((i) => i.id);
const row = (res: Response, id: string) => (res.body.items as { id: string }[]).find((i) => i.id === id);

describe.each(ROLES)('as %s', (role) => {
  const full = (part: SealedPart) => sealedAccess(role, part) === 'full';
  const issues = mayCertificate('issue-certificate', { role, officeKind: 'district' });
  /** Whether the role reads this way at all; if not, the read is refused and there is nothing more to see. */
  const refused = async (read: RecordRead, url: string) => {
    if (mayRead(role, read)) return false;
    expect((await c.get(url)).status).toBe(403);
    return true;
  };
  let c: Client;
  beforeAll(async () => {
    c = await t.as(loginOf(role));
  });

  it('reads each record as the rule says', async () => {
    if (await refused('record', `${R}/${birth.id}`)) return;
    const b = await c.get(`${R}/${birth.id}`);
    expect(b.status, show(b)).toBe(200);
    expect(full('current')).toBe(true);
    expect(b.body.data.child.surname).toBe(NEW);
    const a = await c.get(`${R}/${adoption.id}`);
    expect(a.status, show(a)).toBe(200);
    if (full('adoption-record')) expect(a.body.data.childBefore.surname).toBe(ORIGINAL);
    else expect(a.body.data).toBeNull();
  });

  it("reads the birth record's versions and history as the rule says", async () => {
    if (await refused('record', `${R}/${birth.id}/versions`)) return;
    const versions = await c.get(`${R}/${birth.id}/versions`);
    const [v1, v2] = versions.body.items;
    expect(v2.data.child.surname).toBe(NEW);
    if (full('sealed-version')) expect(v1.data.child.surname).toBe(ORIGINAL);
    else expect(v1.data).toBeNull();
    const history = await c.get(`${R}/${birth.id}/history`);
    const created = history.body.items[0];
    if (full('sealed-version')) expect(created.payload.data.child.surname).toBe(ORIGINAL);
    else expect(created.payload).toEqual({ sealed: true });
    if (!full('sealed-version')) {
      expect(show(versions)).not.toContain(ORIGINAL);
      expect(show(history)).not.toContain(ORIGINAL);
      expect(show(history)).not.toContain(BIRTH_MOTHER);
    }
  });

  it.each([
    ['free text', { q: `${ORIGINAL} ${ex.childBefore.name}` }],
    ['name parts', { surname: ORIGINAL, name: ex.childBefore.name }],
    [
      'name and date of birth',
      { surname: ORIGINAL, name: ex.childBefore.name, birthDate: ex.childBefore.birthDate },
    ],
  ])('searches by the original name (%s) as the rule says', async (_, query) => {
    if (await refused('search', `/api/v1/search?${new URLSearchParams(query)}`)) return;
    const res = await c.get(`/api/v1/search?${new URLSearchParams(query)}`);
    expect(res.status, show(res)).toBe(200);
    // the birth record may be found by its current data (the same given name, a similar surname);
    // by the sealed name only for those who may see it
    const hit = row(res, birth.id) as { matched?: { surname: string; historical: boolean } } | undefined;
    expect(hit?.matched?.surname === ORIGINAL).toBe(full('sealed-version'));
    if (full('sealed-version')) expect(hit).toMatchObject({ surname: NEW, matched: { historical: true } });
    expect(ids(res).includes(adoption.id)).toBe(full('adoption-record'));
    if (!full('sealed-version')) expect(show(res)).not.toContain(ORIGINAL);
  });

  it.each([
    ['free text', { q: `${NEW} ${ex.childAfter.name}` }],
    [
      'name and date of birth',
      { surname: NEW, name: ex.childAfter.name, birthDate: ex.childAfter.birthDate },
    ],
  ])('searches by the new name (%s) as the rule says', async (_, query) => {
    if (await refused('search', `/api/v1/search?${new URLSearchParams(query)}`)) return;
    const res = await c.get(`/api/v1/search?${new URLSearchParams(query)}`);
    expect(res.status, show(res)).toBe(200);
    expect(row(res, birth.id)).toMatchObject({ surname: NEW, name: ex.childAfter.name });
    const a = row(res, adoption.id);
    if (full('adoption-record'))
      expect(a).toMatchObject({ surname: NEW, birthDate: ex.childAfter.birthDate });
    else expect(a).toBeUndefined();
  });

  it('lists the records with their rows as the rule says', async () => {
    if (await refused('list', `${R}?kind=BIRTH`)) return;
    const births = await c.get(`${R}?kind=BIRTH`);
    expect(births.status, show(births)).toBe(200);
    expect(row(births, birth.id)).toMatchObject({ surname: NEW, name: ex.childAfter.name });
    const adoptions = await c.get(`${R}?kind=ADOPTION&status=registered`);
    expect(adoptions.status, show(adoptions)).toBe(200);
    const a = row(adoptions, adoption.id);
    expect(a).toMatchObject({ kind: 'ADOPTION', flags: expect.arrayContaining(['sealed']) });
    if (full('adoption-record'))
      expect(a).toMatchObject({ surname: NEW, birthDate: ex.childAfter.birthDate });
    else
      expect(a).toMatchObject({
        surname: null,
        name: null,
        patronymic: null,
        birthDate: null,
        nationalId: null,
      });
    const all = await c.get(R);
    if (!full('adoption-record')) expect(show(all)).not.toContain(ORIGINAL);
  });

  it("fetches the certificates' PDFs as the rule says", async () => {
    const status = async (cert: { pdf: string }) => (await fetchBytes(t, loginOf(role), cert.pdf)).status;
    if (!mayRead(role, 'certificates')) {
      for (const cert of Object.values(certs)) expect(await status(cert)).toBe(403);
      return;
    }
    expect(await status(certs.before)).toBe(full('sealed-version') ? 200 : 403);
    expect(await status(certs.after)).toBe(200);
    expect(await status(certs.adoption)).toBe(full('adoption-record') ? 200 : 403);
    // the receipt slip of the hand-over before the adoption names the birth mother
    const slip = await fetchBytes(t, loginOf(role), `/api/v1/certificates/${certs.before.id}/receipt-slip`);
    expect(slip.status).toBe(full('sealed-version') ? 200 : 403);
    if (full('sealed-version')) expect(pdfTextFlat(slip.body)).toContain(BIRTH_MOTHER);
  });

  it("lists the birth record's certificates as the rule says", async () => {
    if (await refused('certificates', `${R}/${birth.id}/certificates`)) return;
    const list = await c.get(`${R}/${birth.id}/certificates`);
    expect(list.status, show(list)).toBe(200);
    const one = await c.get(`/api/v1/certificates/${certs.before.id}`);
    expect(one.status, show(one)).toBe(200);
    for (const cert of [row(list, certs.before.id), one.body]) {
      if (full('sealed-version')) expect(cert.receipt.name).toBe(`${BIRTH_MOTHER} Зарина`);
      else expect(cert.receipt).toMatchObject({ name: null, idDocument: null });
    }
    if (!full('sealed-version')) {
      expect(show(list)).not.toContain(BIRTH_MOTHER);
      expect(show(one)).not.toContain(BIRTH_MOTHER);
    }
  });

  it('previews an extract and the adoption certificate as the rule says', async () => {
    const extract = await fetchBytes(
      t,
      loginOf(role),
      `${R}/${birth.id}/certificates/preview?document=ARCHIVE_EXTRACT`,
    );
    const own = await fetchBytes(t, loginOf(role), `${R}/${adoption.id}/certificates/preview?mode=overlay`);
    if (!issues) {
      expect(extract.status).toBe(403);
      expect(own.status).toBe(403);
      return;
    }
    expect(extract.status).toBe(200);
    const text = pdfTextFlat(extract.body);
    expect(text).toContain(NEW);
    expect(text.includes(ADOPTION_NOTED)).toBe(full('sealed-version'));
    if (!full('sealed-version')) {
      expect(text).not.toContain(ORIGINAL);
      expect(text).not.toContain(BIRTH_MOTHER);
    }
    expect(own.status).toBe(full('adoption-record') ? 200 : 403);
  });

  it('is audited as having read sealed data exactly when it was shown', async () => {
    await sequenceAudit(t.dbx.db);
    const events = await t.dbx.db
      .selectFrom('audit_log')
      .select(['event', 'record_id', 'detail'])
      .where('actor_login', '=', loginOf(role))
      .orderBy('seq')
      .execute();
    const sealedIn = (event: string) =>
      events
        .filter((e) => e.event === event)
        .flatMap((e) => ((e.detail as { sealed?: string[] }).sealed ?? []) as string[]);
    expect(sealedIn('records.list').includes(adoption.id)).toBe(full('adoption-record'));
    expect(sealedIn('search').includes(adoption.id)).toBe(full('adoption-record'));
    expect(sealedIn('search').includes(birth.id)).toBe(full('sealed-version'));
    const sealedReads = events.filter((e) => /sealed/.test(e.event)).map((e) => [e.event, e.record_id]);
    if (!full('sealed-version') && !full('adoption-record')) expect(sealedReads).toEqual([]);
    else {
      expect(sealedReads).toEqual(
        expect.arrayContaining([
          ['record.sealed-read', adoption.id],
          ['record.sealed-versions', birth.id],
          ['record.sealed-history', birth.id],
          ['certificate.sealed-pdf', birth.id],
          ['certificate.sealed-pdf', adoption.id],
        ]),
      );
      if (issues) expect(sealedReads).toContainEqual(['certificate.sealed-preview', adoption.id]);
    }
  });
});

describe('the public check of a certificate', () => {
  const verify = async (code: string) => (await t.anonymous().get(`/api/v1/verify/${code}`)).body;

  it('names the person only on a certificate of post-adoption data', async () => {
    const named = (part: SealedPart) => sealedAccess(null, part) === 'full';
    expect(named('current')).toBe(true);
    const before = await verify(certs.before.qr);
    expect(before.genuine).toBe(true);
    expect(before.names).toEqual(named('sealed-version') ? [`${ORIGINAL} С.`] : null);
    expect((await verify(certs.after.qr)).names).toEqual([`${NEW} ${ex.childAfter.name[0]}.`]);
    const own = await verify(certs.adoption.qr);
    expect(own.genuine).toBe(true);
    expect(own.names).toEqual(named('adoption-record') ? expect.any(Array) : null);
  });

  it('shows no sealed name on the public page', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/verify?c=${certs.before.qr}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(ORIGINAL);
  });
});
