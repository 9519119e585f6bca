import { randomUUID } from 'node:crypto';
import { addDays, birthKind, marriageKind, todayIn } from '@sabt/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorAudit } from '../audit/anchor.ts';
import { receiveBlanks } from '../certificates/testing/fixtures.ts';
import { DEMO_OFFICE_ID, DEMO_PASSWORD } from '../demo/demo-data.ts';
import { insertCharge, insertEntry, userIdOf } from '../fees/testing/ledger.ts';
import { queuedSignInCode } from '../portal/testing/sign-in-code.ts';
import { samplePdf } from '../storage/testing/samples.ts';
import { payFee } from '../test/fees.ts';
import { birthData, deathData } from '../test/fixtures.ts';
import { type Client, type Response, startTestApp, type TestApp } from '../test/harness.ts';
import { R, registerThrough, type Workflow } from '../test/workflow.ts';

/**
 * The API answers what its OpenAPI document says: real requests through the app reach every
 * documented operation, and each answer (its status, its content type, its body) must be one the
 * document describes for that operation.
 */

interface MediaType {
  schema?: object;
}
interface Operation {
  responses?: Record<string, { description: string; content?: Record<string, MediaType> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

const addFormats = addFormatsModule as unknown as FormatsPlugin;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addFormat('binary', true);

let t: TestApp;
let doc: OpenApiDocument;
let clerks: Workflow;
let head: Client;
let admin: Client;

/** Every answer the app gave in this file, with the operation it belongs to. */
const answers: { operation: string; method: string; url: string; res: Response; contentType: string }[] = [];

/** The operation of the document a request path belongs to: static segments before parameters, as the router does. */
function operationOf(method: string, url: string): string | undefined {
  const path = url.split('?')[0]!;
  const candidates = Object.keys(doc.paths)
    .filter((p) => doc.paths[p]![method])
    .map((p) => ({
      p,
      params: (p.match(/\{/g) ?? []).length,
      re: new RegExp(
        `^${p.replace(/\{\*\}/g, '.+').replace(/\{[^}]+\}/g, '[^/]+')}$`.replace(/[.](?![+*])/g, '\\.'),
      ),
    }))
    .sort((a, b) => a.params - b.params);
  const hit = candidates.find((c) => c.re.test(path));
  return hit && `${method.toUpperCase()} ${hit.p}`;
}

/** A client whose every answer is kept to be checked against the document. */
function recorded(c: Client): Client {
  const keep =
    (method: string, url: string) =>
    async (p: Promise<Response>): Promise<Response> => {
      const res = await p;
      const operation = operationOf(method, url) ?? `${method.toUpperCase()} ${url} (undocumented)`;
      const contentType = String(res.headers['content-type'] ?? '').split(';')[0]!;
      answers.push({ operation, method, url, res, contentType });
      return res;
    };
  return {
    login: c.login,
    get: (url, headers) => keep('get', url)(c.get(url, headers)),
    post: (url, body, headers) => keep('post', url)(c.post(url, body, headers)),
    patch: (url, body, headers) => keep('patch', url)(c.patch(url, body, headers)),
    put: (url, body, headers) => keep('put', url)(c.put(url, body, headers)),
    raw: (method, url, payload, headers) =>
      keep(method.toLowerCase(), url)(c.raw(method, url, payload, headers)),
  };
}

/** What is wrong with one answer, measured against the document; nothing when it fits. */
function mismatch(a: (typeof answers)[number]): string | undefined {
  const [method, path] = a.operation.split(' ') as [string, string];
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) return 'no such operation in the document';
  const described = op.responses?.[String(a.res.status)];
  if (!described) return `status ${a.res.status} is not documented: ${JSON.stringify(a.res.body)}`;
  if (!described.content) return a.res.body === undefined ? undefined : 'a body where none is documented';
  const media = described.content[a.contentType];
  if (!media) return `content type ${a.contentType} is not one of ${Object.keys(described.content)}`;
  if (a.contentType !== 'application/json' && a.contentType !== 'application/problem+json') return undefined;
  const validate = ajv.compile(media.schema ?? {});
  if (validate(a.res.body)) return undefined;
  const errors = (validate.errors ?? []).map(
    (e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
  );
  return `${errors.join('; ')} in ${JSON.stringify(a.res.body).slice(0, 200)}`;
}

beforeAll(async () => {
  t = await startTestApp();
  doc = (await t.anonymous().get('/api/openapi.json')).body;
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  clerks = { front: recorded(front), back: recorded(back), registrar: recorded(registrar) };
  head = recorded(await t.as('head'));
  admin = recorded(await t.as('admin'));
});
afterAll(() => t?.close());

describe('the OpenAPI document', () => {
  it('gives every operation a response schema for success and for its problems', () => {
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const statuses = Object.keys(op.responses ?? {});
        const name = `${method.toUpperCase()} ${path}`;
        if (!statuses.some((s) => s.startsWith('2'))) missing.push(`${name}: no success answer`);
        if (!statuses.some((s) => s.startsWith('4') || s.startsWith('5')))
          missing.push(`${name}: no problem`);
        for (const s of statuses) {
          const r = op.responses![s]!;
          if (r.description === 'Default Response') missing.push(`${name} ${s}: no description`);
          if (s !== '204' && !Object.values(r.content ?? {}).some((m) => m.schema))
            missing.push(`${name} ${s}: no schema`);
          if (/^[45]/.test(s) && !r.content?.['application/problem+json'])
            missing.push(`${name} ${s}: not problem+json`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('every documented operation, driven through the app', () => {
  // apart from the long walk below, whose time it would add to: its answers are checked there
  it("drives the day's cash, a bank statement and the fee report", async () => {
    const { front } = clerks;
    const ok = (res: Response, status = 200) => {
      expect(res.status, JSON.stringify(res.body)?.slice(0, 300)).toBe(status);
      return res.body;
    };
    // the day's cash, a bank statement, the fee report
    const cashDay = todayIn('Asia/Dushanbe');
    const cashRecord = ok(await front.post(R, { kind: 'BIRTH', data: birthData() }), 201);
    const frontId = await userIdOf(t.dbx.db, 'front');
    const cashCharge = await insertCharge(t.dbx.db, {
      officeId: DEMO_OFFICE_ID,
      recordId: cashRecord.id,
      query: { service: 'NAME_CHANGE_REG', applicationDate: cashDay },
      recordedBy: frontId,
    });
    for (const [method, reference] of [
      ['cash', undefined],
      ['bank-transfer', 'OA-1'],
    ] as const) {
      await insertEntry(t.dbx.db, cashCharge.id, {
        officeId: DEMO_OFFICE_ID,
        amountMinor: 1_000,
        method,
        ...(reference ? { reference } : {}),
        recordedBy: frontId,
        businessDate: cashDay,
      });
    }
    ok(await front.post('/api/v1/fees/cash/handovers', { date: cashDay, amountMinor: 500 }), 201);
    ok(await front.post('/api/v1/fees/cash/handovers', { date: cashDay, amountMinor: 900 }), 422);
    const report = ok(await front.post('/api/v1/fees/cash/reports', { date: cashDay, scope: 'clerk' }), 201);
    ok(await front.post('/api/v1/fees/cash/reports', { date: cashDay, scope: 'clerk' }));
    ok(await front.post(`/api/v1/fees/cash/reports/${report.id}/sign`), 403);
    ok(await head.post(`/api/v1/fees/cash/reports/${report.id}/sign`));
    ok(await head.get(`/api/v1/fees/cash/day?date=${cashDay}`));
    const csv = Buffer.from(
      `Date;Amount;Reference\n${cashDay.split('-').reverse().join('.')};10,00;OA-1\n`,
    ).toString('base64');
    const imported = ok(await head.post('/api/v1/fees/statements', { content: csv }), 201);
    ok(await head.post('/api/v1/fees/statements', { content: csv }));
    ok(
      await head.post('/api/v1/fees/statements', {
        content: Buffer.from('Date;Amount\n').toString('base64'),
      }),
      422,
    );
    ok(await head.get('/api/v1/fees/statements'));
    ok(await head.get(`/api/v1/fees/statements/${imported.id}`));
    ok(await head.get(`/api/v1/fees/reports?from=${cashDay}&to=${cashDay}`));
    ok(await front.get(`/api/v1/fees/reports?from=${cashDay}&to=${cashDay}`), 403);
  });

  it('answers only what the document describes, and every operation is reached', async () => {
    const { front, back, registrar } = clerks;
    const anonymous = recorded(t.anonymous());
    const ok = (res: Response, status = 200) => {
      expect(res.status, JSON.stringify(res.body)?.slice(0, 300)).toBe(status);
      return res.body;
    };

    // signing in and out, the session, who I am; the reference data
    ok(await anonymous.post('/api/v1/auth/login', { login: 'front', password: 'wrong-password' }), 401);
    ok(await anonymous.post('/api/v1/auth/login', { login: '' }), 400);
    ok(await anonymous.get('/api/v1/auth/session'));
    ok(await anonymous.get('/api/v1/me'), 401);
    ok(await anonymous.post('/api/v1/auth/login', { login: 'verifier', password: DEMO_PASSWORD }));
    const visitor = recorded(await t.as('verifier'));
    ok(await visitor.get('/api/v1/auth/session'));
    ok(await visitor.get('/api/v1/me'));
    ok(await visitor.post('/api/v1/auth/logout'), 204);
    ok(await visitor.get('/api/v1/me'), 401);
    ok(await front.get('/api/v1/offices'));
    ok(await front.get('/api/v1/offices?kind=nowhere'), 400);
    ok(await front.get('/api/v1/act-kinds'));

    // a birth from draft to registered, with its reads
    const key = { 'idempotency-key': crypto.randomUUID() };
    const born = { kind: 'BIRTH', data: birthData() };
    const draft = ok(await front.post(R, born, key), 201);
    ok(await front.post(R, born, key), 201);
    ok(await front.post(R, { id: draft.id, kind: 'DEATH', data: deathData() }), 409);
    ok(await front.post(R, { kind: 'NOPE', data: {} }), 400);
    const patched = await front.patch(
      `${R}/${draft.id}`,
      { data: { child: { name: 'Фарангис' } } },
      { 'if-match': `"${draft.revision}"` },
    );
    ok(patched);
    ok(await front.patch(`${R}/${draft.id}`, { data: {} }, { 'if-match': '"1"' }), 412);
    ok(await front.patch(`${R}/${draft.id}`, { data: {} }), 428);
    ok(await front.post(`${R}/${draft.id}/submit`));
    ok(await front.post(`${R}/${draft.id}/register`), 403);
    ok(await back.post(`${R}/${draft.id}/validate`));
    const birth = ok(await registrar.post(`${R}/${draft.id}/register`));
    ok(await front.get(`${R}/${birth.id}`));
    ok(await front.get(`${R}/00000000-0000-4000-8000-000000000000`), 404);
    ok(await front.get(`${R}/not-a-uuid`), 400);
    ok(await front.get(`${R}/${birth.id}/history`));
    ok(await front.get(`${R}/${birth.id}/history?autosaves=each`));
    ok(await front.get(`${R}/${birth.id}/versions`));
    ok(await front.get(`${R}/counts`));
    ok(await front.get(`${R}?status=registered&limit=5`));
    ok(await front.get(`${R}?limit=0`), 400);
    ok(await front.get('/api/v1/search?q=Фарангис'));
    ok(await front.get('/api/v1/search?birthYear=1'), 400);

    // a draft cancelled with a reason
    const cancelled = ok(await front.post(R, { kind: 'DEATH', data: deathData() }), 201);
    ok(await front.post(`${R}/${cancelled.id}/cancel`, { reason: 'Бо хато оғоз шуд' }));

    // an amendment requested, approved; another requested, rejected; a death annulled
    const basis = { type: 'APPLICATION', number: '45', date: '2026-01-12', issuer: 'Каримзода Н. С.' };
    const amend = { patch: { mother: { surname: 'Каримзода' } }, reason: 'Хатои имлоӣ', basis };
    ok(await front.post(`${R}/${birth.id}/amendments`, amend), 201);
    ok(await front.get(`${R}/${birth.id}/amendments`));
    await payFee(front, birth.id, 'amendment');
    ok(await registrar.post(`${R}/${birth.id}/amendments/approve`));
    ok(await registrar.post(`${R}/${birth.id}/amendments/approve`), 409);
    ok(
      await front.post(`${R}/${birth.id}/amendments`, { ...amend, patch: { mother: { name: 'Нигора' } } }),
      201,
    );
    ok(await registrar.post(`${R}/${birth.id}/amendments/reject`, { reason: 'Асос тасдиқ нашуд' }));
    const death = await registerThrough(clerks, 'DEATH', deathData({}));
    const court = { court: 'Суди ноҳияи Фирдавсӣ', caseNumber: '2-114/2026', date: '2026-02-20' };
    ok(
      await registrar.post(`${R}/${death.id}/annul`, {
        reason: 'Қарори суд',
        basis: { type: 'COURT_DECISION', court },
      }),
    );
    ok(
      await registrar.post(`${R}/${death.id}/annul`, {
        reason: 'Қарори суд',
        basis: { type: 'COURT_DECISION', court },
      }),
      409,
    );
    ok(await back.post(`${R}/restorations`, { kind: 'BIRTH', data: birthData(), court }), 201);
    ok(await front.post(`${R}/restorations`, { kind: 'BIRTH', data: birthData(), court }), 403);

    // a possible duplicate, its side-by-side view and the verdict
    const twin = (surname: string, date: string) =>
      birthData({ child: { ...birthKind.example.child, surname, name: 'Фарзона', birthDate: date } });
    await registerThrough(clerks, 'BIRTH', twin('Раҳимова', '2025-05-10'));
    const second = ok(await front.post(R, { kind: 'BIRTH', data: twin('Рахимова', '2025-05-12') }), 201);
    ok(await front.post(`${R}/${second.id}/submit`));
    ok(await back.post(`${R}/${second.id}/validate`));
    ok(await registrar.post(`${R}/${second.id}/register`), 409);
    const side = ok(await back.get(`${R}/${second.id}/duplicates`));
    expect(side.candidates.length).toBeGreaterThan(0);
    ok(
      await back.post(`${R}/${second.id}/duplicates/${side.candidates[0].candidateId}`, {
        verdict: 'not-duplicate',
        reason: 'Дугоникҳо',
      }),
    );

    // a marriage whose month the head of office shortens
    const today = new Date().toISOString().slice(0, 10);
    const marriage = { ...structuredClone(marriageKind.example), applicationDate: today } as Record<
      string,
      unknown
    >;
    delete marriage.registrationDate;
    const wed = ok(await front.post(R, { kind: 'MARRIAGE', data: marriage }), 201);
    ok(await front.post(`${R}/${wed.id}/submit`));
    ok(await back.post(`${R}/${wed.id}/validate`));
    ok(await registrar.post(`${R}/${wed.id}/register`), 422);
    const decision = { ground: 'PREGNANCY', allowedFrom: today, reason: 'Арӯс ҳомиладор аст' };
    ok(await registrar.post(`${R}/${wed.id}/shorten-waiting`, decision), 403);
    ok(await head.post(`${R}/${wed.id}/shorten-waiting`, decision));
    // its fee: what is due, the charge, a payment (and one refused), then it registers
    const due = ok(await front.get(`${R}/${wed.id}/fees`));
    expect(due.registrationSettled).toBe(false);
    ok(await front.post(`${R}/${wed.id}/fees/charges`, { purpose: 'certificate' }), 409);
    const charged = ok(await front.post(`${R}/${wed.id}/fees/charges`, { purpose: 'registration' }), 201);
    const chargeId = charged.charges[0].id;
    ok(
      await front.post(`${R}/${wed.id}/fees/entries`, {
        chargeId,
        kind: 'payment',
        amountMinor: 1,
        method: 'bank-transfer',
      }),
      422,
    );
    ok(
      await front.post(`${R}/${wed.id}/fees/entries`, {
        chargeId,
        kind: 'refund',
        amountMinor: 1,
        method: 'cash',
        reason: 'x',
      }),
      403,
    );
    const settled = ok(
      await front.post(`${R}/${wed.id}/fees/entries`, {
        chargeId,
        kind: 'payment',
        amountMinor: charged.charges[0].totalMinor,
        method: 'bank-transfer',
        externalReference: 'BANK-2026-0001',
        payerName: 'Ҳасанов Фирӯз',
      }),
      201,
    );
    expect(settled.registrationSettled).toBe(true);

    // who signs, the blanks, a certificate from issue to hand-over, the printer page
    ok(await head.get('/api/v1/signatories'));
    ok(await front.post('/api/v1/signatories', { basis: 'head', fullName: 'Х', title: 'Х' }), 403);
    ok(
      await head.post('/api/v1/signatories', { basis: 'head', fullName: 'Зарина Саидзода', title: 'Сардор' }),
      201,
    );
    ok(await front.get('/api/v1/blanks/next?document=BIRTH_CERTIFICATE'));
    await receiveBlanks(head, { from: '000001', to: '000010' });
    ok(
      await head.post('/api/v1/blanks/batches', {
        document: 'BIRTH_CERTIFICATE',
        series: 'I-ДУ',
        from: '000011',
        to: '000012',
      }),
      201,
    );
    ok(
      await head.post('/api/v1/blanks/batches', {
        document: 'BIRTH_CERTIFICATE',
        series: 'I-ДУ',
        from: '000011',
        to: '000012',
      }),
      409,
    );
    // blanks handed over to the mobile office under the district office
    const handOver = {
      toOffice: 'DU-03-90',
      document: 'BIRTH_CERTIFICATE',
      series: 'I-ДУ',
      from: '000011',
      to: '000012',
    };
    ok(await front.post('/api/v1/blanks/transfers', handOver), 403);
    ok(await head.post('/api/v1/blanks/transfers', { ...handOver, toOffice: 'DU-04-00' }), 422);
    ok(await head.post('/api/v1/blanks/transfers', handOver), 201);
    ok(await head.post('/api/v1/blanks/transfers', handOver), 409);
    ok(await head.get('/api/v1/blanks/transfers'));
    ok(await head.get('/api/v1/blanks/transfers?office=nowhere'), 404);
    ok(await head.get('/api/v1/blanks/batches'));
    ok(await head.get('/api/v1/blanks/stock'));
    ok(await admin.get('/api/v1/blanks/stock?office=nowhere'), 404);
    ok(await front.get('/api/v1/blanks/next?document=BIRTH_CERTIFICATE'));
    const preview = await front.get(`${R}/${birth.id}/certificates/preview?mode=overlay`);
    ok(preview);
    expect(preview.headers['content-type']).toMatch(/^application\/pdf/);
    ok(await front.get(`${R}/${draft.id}/certificates/preview?mode=sideways`), 400);
    const cert = ok(await front.post(`${R}/${birth.id}/certificates`, { mode: 'full' }), 201);
    ok(await front.post(`${R}/${birth.id}/certificates`, { mode: 'full', issue: 'first' }), 409);
    ok(await front.get(`${R}/${birth.id}/certificates`));
    ok(await front.get(`/api/v1/certificates/${cert.id}`));
    ok(await front.get('/api/v1/certificates/00000000-0000-4000-8000-000000000000'), 404);
    ok(await front.get(`/api/v1/certificates/${cert.id}/pdf`));
    ok(await front.get('/api/v1/certificates/calibration-page?document=BIRTH_CERTIFICATE&dxMm=1'));
    ok(await anonymous.get('/api/v1/certificates/calibration-page?document=BIRTH_CERTIFICATE'), 401);
    const receipt = {
      name: 'Каримов Фаридун Саидович',
      idDocument: { type: 'PASSPORT', series: 'A', number: '01234567' },
    };
    ok(await front.get(`/api/v1/certificates/${cert.id}/receipt-slip`), 409);
    ok(await front.post(`/api/v1/certificates/${cert.id}/receipt`, receipt));
    const slip = await front.get(`/api/v1/certificates/${cert.id}/receipt-slip`);
    ok(slip);
    expect(slip.headers['content-type']).toMatch(/^application\/pdf/);

    // spoiled blanks: reported, one confirmed, one rejected
    const free = ok(await head.get('/api/v1/blanks?status=IN_STOCK&limit=2'));
    const [a, b] = free.items;
    ok(await front.post(`/api/v1/blanks/${a.id}/spoil`, { reason: 'Принтер коғазро хоид' }));
    ok(await front.post(`/api/v1/blanks/${a.id}/spoil/confirm`, {}), 403);
    ok(await head.post(`/api/v1/blanks/${a.id}/spoil/confirm`, {}));
    ok(await front.post(`/api/v1/blanks/${b.id}/spoil`, { reason: 'Гум шуд', lost: true }));
    ok(await head.post(`/api/v1/blanks/${b.id}/spoil/reject`, { reason: 'Ёфт шуд' }));
    ok(await head.get('/api/v1/blanks?number=abc'), 400);

    // the public checks
    ok(await anonymous.get(`/api/v1/verify/${encodeURIComponent(cert.qr)}`));
    ok(await anonymous.post('/api/v1/verify', { code: cert.qr }));
    ok(await anonymous.post('/api/v1/verify', { code: 'SABT1.nonsense' }));
    ok(await anonymous.post('/api/v1/verify', {}), 400);
    ok(await anonymous.post('/api/v1/verify', { code: cert.verifyCode }));
    ok(await anonymous.post('/api/v1/verify', { code: '7KQ2M-X9D4G' }));
    const issued = { series: cert.series, number: cert.number, issuedOn: cert.issuedOn };
    expect(ok(await anonymous.post('/api/v1/verify/by-number', issued)).genuine).toBe(true);
    ok(await anonymous.post('/api/v1/verify/by-number', { ...issued, issuedOn: '2020-01-01' }));
    ok(await anonymous.post('/api/v1/verify/by-number', { ...issued, issuedOn: '2020-02-30' }), 400);
    ok(await anonymous.get('/api/v1/keys'));

    // the audit chain's anchor, public
    ok(await anonymous.get('/api/v1/audit/anchors/latest'), 404);
    await anchorAudit(t.dbx.db, t.config);
    ok(await anonymous.get('/api/v1/audit/anchors/latest'));
    // the auditor's view: the log searched, the chain's status, the exports
    const page = await admin.get('/api/v1/audit/entries?limit=2&event=record.');
    ok(page);
    ok(await admin.get(`/api/v1/audit/entries?limit=2&page=${page.body.next}`));
    ok(await admin.get('/api/v1/audit/entries?page=nope'), 400);
    ok(await front.get('/api/v1/audit/entries'), 403);
    ok(await admin.get('/api/v1/audit/status'));
    ok(await admin.get('/api/v1/audit/export?format=csv&event=record.register'));
    ok(await admin.get('/api/v1/audit/export?format=jsonl&event=record.register'));
    ok(await admin.get('/api/v1/audit/export?format=xml'), 400);

    // fees: the calculator and the catalogue, public; the central department's versions
    ok(await anonymous.get('/api/v1/fees/calculate?service=NAME_CHANGE_REG&applicationDate=2025-11-01'));
    ok(
      await anonymous.get(
        '/api/v1/fees/calculate?service=MARRIAGE_REG&applicationDate=2025-03-01&consular=true&category=disabled',
      ),
    );
    ok(await anonymous.get('/api/v1/fees/calculate?service=BIRTH_REG&applicationDate=2025-03-01'), 422);
    ok(await anonymous.get('/api/v1/fees/calculate?service=NOPE&applicationDate=2025-03-01'), 400);
    ok(await anonymous.get('/api/v1/fees/services'));
    ok(await anonymous.get('/api/v1/fees/rules'));
    ok(await front.get('/api/v1/fees/versions'), 403);
    const pdr = {
      kind: 'pdr',
      key: 'pdr',
      validFrom: '2099-01-01',
      validTo: null,
      value: { diram: 9000 },
      basis: { tg: 'Қонуни буҷет', ru: 'Закон о бюджете', en: 'Budget law' },
      verified: true,
      note: null,
    };
    ok(await admin.post('/api/v1/fees/versions/preview', { version: pdr }));
    ok(await admin.post('/api/v1/fees/versions', pdr), 201);
    ok(await admin.post('/api/v1/fees/versions', { ...pdr, validFrom: '2020-01-01' }), 422);
    ok(await admin.get('/api/v1/fees/versions'));

    // a fee receipt (the ledger's rows written as the payment commands write them), and its public check
    const charge = await insertCharge(t.dbx.db, {
      recordId: birth.id,
      query: { service: 'NAME_CHANGE_REG', applicationDate: '2026-01-15' },
    });
    const paid = await insertEntry(t.dbx.db, charge.id, { kind: 'payment', amountMinor: charge.totalMinor });
    const waived = await insertEntry(t.dbx.db, charge.id, {
      kind: 'waiver',
      amountMinor: 100,
      reason: 'Имтиёз',
    });
    const receiptPdf = await front.get(`/api/v1/fees/entries/${paid.id}/receipt.pdf`);
    ok(receiptPdf);
    expect(receiptPdf.headers['content-type']).toMatch(/^application\/pdf/);
    ok(await front.get(`/api/v1/fees/entries/${waived.id}/receipt.pdf`), 409);
    ok(await recorded(await t.as('auditor')).get(`/api/v1/fees/entries/${paid.id}/receipt.pdf`), 403);
    ok(await front.get('/api/v1/fees/entries/00000000-0000-4000-8000-000000000000/receipt.pdf'), 404);
    expect(ok(await anonymous.post('/api/v1/verify', { code: paid.verifyCode })).receipt.kind).toBe(
      'payment',
    );

    // administration: users in one's jurisdiction, offices and mobile offices' visits
    const U = '/api/v1/admin/users';
    ok(await front.get(U), 403);
    ok(await head.get(`${U}?role=registrar&limit=5`));
    const made = ok(
      await head.post(U, {
        login: 'contract-user',
        fullName: 'Корманди нав',
        role: 'registrar',
        officeId: 'DU-03-00',
      }),
      201,
    );
    ok(
      await head.post(U, {
        login: 'contract-user',
        fullName: 'Корманди нав',
        role: 'registrar',
        officeId: 'DU-03-00',
      }),
      409,
    );
    ok(await head.get(`${U}/${made.user.id}`));
    ok(await head.get(`${U}/00000000-0000-4000-8000-000000000000`), 404);
    ok(await head.patch(`${U}/${made.user.id}`, { role: 'back_office' }));
    ok(await head.patch(`${U}/${made.user.id}`, { role: 'central_admin' }), 403);
    ok(await head.post(`${U}/${made.user.id}/disable`));
    ok(await head.post(`${U}/${made.user.id}/enable`));
    ok(await head.post(`${U}/${made.user.id}/unlock`));
    ok(await head.post(`${U}/${made.user.id}/reset-password`));
    ok(await head.post(`${U}/${made.user.id}/sessions/revoke`, {}));
    const O = '/api/v1/admin/offices';
    ok(await head.get(O));
    const names = { tg: 'Ҷамоати деҳоти Лоиқ', ru: 'Джамоат Лоик', en: 'Loiq jamoat' };
    const opened = ok(await admin.post(O, { kind: 'jamoat', parent: 'DU-03-00', name: names }), 201);
    ok(await head.post(O, { kind: 'jamoat', parent: 'DU-03-00', name: names }), 403);
    ok(await admin.patch(`${O}/${opened.id}`, { name: { ...names, en: 'Loiq Sherali jamoat' } }));
    ok(await admin.post(`${O}/${opened.id}/move`, { parent: 'RA-13-00' }));
    ok(await admin.post(`${O}/${opened.id}/close`));
    ok(await admin.post(`${O}/${opened.id}/reopen`));
    const visit = { date: '2099-05-04', from: '09:00', to: '13:00', place: 'Назди мактаби № 5' };
    const planned = ok(await head.post(`${O}/DU-03-90/visits`, visit), 201);
    ok(await head.get(`${O}/DU-03-90/visits`));
    ok(await head.post(`${O}/DU-03-90/visits/${planned.id}/cancel`));
    const published = {
      address: { tg: 'кӯчаи Сино 1', ru: 'ул. Сино 1', en: '1 Sino St' },
      phone: '+992 37 221 00 00',
      hours: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' }],
    };
    ok(await head.put(`${O}/DU-03-00/details`, published));
    ok(await head.put(`${O}/RA-13-00/details`, published), 403);
    ok(await head.put(`${O}/DU-03-00/details`, { ...published, phone: 'call us' }), 400);
    // two-factor sign-in: the registrar set it up at sign-in (the harness does as a person would);
    // an archivist, whose role does not require it, chooses to; the head resets it (a lost phone)
    ok(await registrar.get('/api/v1/me/two-factor'));
    ok(await registrar.post('/api/v1/me/two-factor/enrolment'), 409);
    const archivist = recorded(await t.as('archivist'));
    const begun = ok(await archivist.post('/api/v1/me/two-factor/enrolment'));
    t.authenticator.add('archivist', begun.secret);
    ok(await archivist.post('/api/v1/me/two-factor/enrolment/confirm', { code: '12' }), 400);
    const code = () => t.authenticator.code('archivist');
    ok(await archivist.post('/api/v1/me/two-factor/enrolment/confirm', { code: await code() }));
    ok(await archivist.post('/api/v1/me/two-factor/recovery-codes', { code: await code() }));
    const step = ok(
      await anonymous.post('/api/v1/auth/login', { login: 'archivist', password: DEMO_PASSWORD }),
    );
    ok(
      await anonymous.post('/api/v1/auth/login/code', { challenge: step.challenge, code: 'wrong-code' }),
      401,
    );
    ok(await anonymous.post('/api/v1/auth/login/code', { challenge: step.challenge, code: await code() }));
    const archivistId = ok(await archivist.get('/api/v1/me')).id;
    ok(await head.post(`${U}/${archivistId}/reset-two-factor`));
    ok(await head.post(`${U}/${archivistId}/reset-two-factor`));
    ok(
      await head.post('/api/v1/me/password', {
        current: 'wrong-password',
        password: 'Kuhi-Tojik-2026-bahor',
      }),
      422,
    );
    ok(await head.post('/api/v1/me/password', { current: DEMO_PASSWORD, password: 'Kuhi-Tojik-2026-bahor' }));

    // the citizen portal: public information, a citizen's sign-in with a one-time code, their account
    ok(await anonymous.get('/api/v1/portal/offices'));
    ok(await anonymous.get('/api/v1/portal/visits'));
    ok(await anonymous.get('/api/v1/portal/visits?from=2026-02-30'), 400);
    ok(await anonymous.get('/api/v1/portal/session'));
    ok(await anonymous.get('/api/v1/portal/applications'), 401);
    ok(await anonymous.post('/api/v1/portal/sign-out'), 401);
    ok(await anonymous.post('/api/v1/portal/sign-in/code', { to: { email: 'not-an-address' } }), 422);
    ok(await anonymous.post('/api/v1/portal/sign-in/code', { to: {} }), 400);
    const { challenge } = ok(
      await anonymous.post('/api/v1/portal/sign-in/code', { to: { email: 'contract@example.tj' } }),
      202,
    );
    const signInCode = await queuedSignInCode(t.dbx, t.config, challenge);
    const other = String((Number(signInCode) + 1) % 1_000_000).padStart(6, '0');
    ok(await anonymous.post('/api/v1/portal/sign-in', { challenge, code: other }), 401);
    ok(await anonymous.post('/api/v1/portal/sign-in', { challenge, code: '12' }), 400);
    const signedIn = await anonymous.post('/api/v1/portal/sign-in', { challenge, code: signInCode });
    ok(signedIn);
    const citizen = { cookie: String([signedIn.headers['set-cookie']].flat()[0]).split(';')[0]! };
    ok(await anonymous.get('/api/v1/portal/session', citizen));
    ok(await anonymous.get('/api/v1/portal/applications', citizen));
    // questions to staff: the citizen asks, the office answers from its inbox, canned answers
    const QS = '/api/v1/portal/questions';
    ok(await anonymous.post(QS, { office: 'HQ-00-00', subject: 'S', text: 'T' }, citizen), 422);
    const q = ok(
      await anonymous.post(QS, { office: 'DU-03-00', subject: 'Савол', text: 'Матн' }, citizen),
      201,
    );
    ok(await anonymous.get(QS, citizen));
    ok(await anonymous.get(`${QS}/${q.id}`, citizen));
    ok(await anonymous.get(`${QS}/${crypto.randomUUID()}`, citizen), 404);
    ok(await anonymous.post(`${QS}/${q.id}/messages`, { text: 'Боз' }, citizen), 201);
    ok(await head.get('/api/v1/questions'));
    ok(await head.get('/api/v1/questions?office=RA-13-01'), 403);
    ok(await head.get(`/api/v1/questions/${q.id}`));
    const canned = ok(
      await head.post('/api/v1/canned-answers', { title: 'Т', text: { tg: 'а', ru: 'б', en: 'c' } }),
      201,
    );
    ok(await head.get('/api/v1/canned-answers'));
    ok(
      await head.put(`/api/v1/canned-answers/${canned.id}`, {
        title: 'Т2',
        text: { tg: 'а', ru: 'б', en: 'c' },
      }),
    );
    ok(await head.post(`/api/v1/questions/${q.id}/answers`, { cannedAnswer: canned.id }), 201);
    ok(await head.post(`/api/v1/questions/${q.id}/close`));
    ok(await anonymous.post(`${QS}/${q.id}/messages`, { text: 'Боз' }, citizen), 409);
    // an online application: a draft, a scan, sent; tracked; the office returns one and accepts another
    const PA = '/api/v1/portal/applications';
    const application = ok(
      await anonymous.post(PA, { kind: 'BIRTH', office: 'DU-03-00', data: birthData() }, citizen),
      201,
    );
    ok(await anonymous.post(PA, { kind: 'BIRTH', office: 'nowhere' }, citizen), 422);
    ok(await anonymous.get(`${PA}/${application.id}`, citizen));
    ok(await anonymous.get(`${PA}/${randomUUID()}`, citizen), 404);
    ok(await anonymous.put(`${PA}/${application.id}`, { office: 'DU-03-00', data: birthData() }, citizen));
    const pdf = { fileName: 'medical.pdf', content: samplePdf().toString('base64') };
    const scan = ok(await anonymous.post(`${PA}/${application.id}/attachments`, pdf, citizen), 201);
    ok(
      await anonymous.post(`${PA}/${application.id}/attachments`, { ...pdf, fileName: 'scan.png' }, citizen),
      415,
    );
    ok(await anonymous.get(`${PA}/${application.id}/attachments/${scan.id}`, citizen));
    ok(await anonymous.get(`${PA}/${application.id}/attachments/${randomUUID()}`, citizen), 404);
    const extra = ok(
      await anonymous.post(`${PA}/${application.id}/attachments`, { ...pdf, fileName: 'copy.pdf' }, citizen),
      201,
    );
    ok(
      await anonymous.post(`${PA}/${application.id}/attachments/${extra.id}/remove`, undefined, citizen),
      204,
    );
    const sent = ok(
      await anonymous.post(`${PA}/${application.id}/submit`, { birthDate: '1990-04-12' }, citizen),
    );
    ok(await anonymous.put(`${PA}/${application.id}`, { data: {} }, citizen), 409);
    ok(await anonymous.get(`/api/v1/portal/track?code=${sent.trackingCode}&birthDate=1990-04-12`));
    ok(await anonymous.get(`/api/v1/portal/track?code=${sent.trackingCode}&birthDate=1990-04-13`), 404);
    ok(await anonymous.get('/api/v1/portal/track?code=X'), 400);
    const OA = '/api/v1/online-applications';
    ok(await front.get(OA));
    ok(await front.get(`${OA}/${application.id}`));
    ok(await front.get(`${OA}/${application.id}/files/${scan.id}`));
    ok(await front.post(`${OA}/${application.id}/return`, { message: 'Нусхаи шиносномаро илова кунед.' }));
    ok(await front.post(`${OA}/${application.id}/return`, { message: '' }), 400);
    ok(await front.post(`${OA}/${application.id}/accept`), 409);
    ok(await anonymous.post(`${PA}/${application.id}/submit`, { birthDate: '1990-04-12' }, citizen));
    ok(await front.post(`${OA}/${application.id}/accept`));
    // a request for an extract: the office links the registered record it found
    const person = { surname: 'Раҳимзода', name: 'Фарангис', birthDate: '2025-03-14' };
    const copyData = { actKind: 'BIRTH', relationship: 'self', person, purpose: 'Барои суд' };
    const copy = ok(
      await anonymous.post(PA, { kind: 'EXTRACT', office: 'DU-03-00', data: copyData }, citizen),
      201,
    );
    ok(await anonymous.post(`${PA}/${copy.id}/attachments`, pdf, citizen), 201);
    ok(await anonymous.post(`${PA}/${copy.id}/submit`, { birthDate: '1990-04-12' }, citizen));
    ok(await front.post(`${OA}/${copy.id}/link`, { recordId: randomUUID() }), 404);
    ok(await front.post(`${OA}/${copy.id}/link`, { recordId: birth.id }));
    // appointments: the head publishes slots, the citizen books, moves and cancels, the office reads its day
    let day = addDays(todayIn(t.config.timeZone), 1);
    while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, 1);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const series = {
      days: [weekday],
      from: '09:00',
      to: '10:00',
      minutes: 30,
      capacity: 1,
      firstDay: day,
      lastDay: day,
    };
    ok(await head.post('/api/v1/offices/DU-03-00/slot-series', series), 201);
    ok(await front.post('/api/v1/offices/DU-03-00/slot-series', series), 403);
    ok(await head.post('/api/v1/offices/DU-03-00/slot-series', { ...series, to: '08:00' }), 400);
    const bookable = ok(
      await anonymous.get(`/api/v1/portal/slots?office=DU-03-00&from=${day}&to=${day}`),
    ).items;
    ok(await anonymous.get('/api/v1/portal/slots?office=DU-03-00&from=2026-02-30'), 400);
    ok(await anonymous.post('/api/v1/portal/appointments', { slot: bookable[0].id }), 401);
    const appointment = ok(
      await anonymous.post('/api/v1/portal/appointments', { slot: bookable[0].id }, citizen),
      201,
    );
    ok(await anonymous.post('/api/v1/portal/appointments', { slot: bookable[1].id }, citizen), 409);
    ok(await anonymous.get('/api/v1/portal/appointments', citizen));
    ok(
      await anonymous.post(
        `/api/v1/portal/appointments/${appointment.id}/move`,
        { slot: bookable[1].id },
        citizen,
      ),
    );
    ok(await front.get(`/api/v1/appointments/day?date=${day}`));
    ok(await anonymous.post(`/api/v1/portal/appointments/${appointment.id}/cancel`, undefined, citizen));
    ok(await anonymous.post(`/api/v1/portal/appointments/${appointment.id}/cancel`, undefined, citizen), 409);
    ok(await head.post(`/api/v1/slots/${bookable[0].id}/close`));
    ok(await front.post(`/api/v1/slots/${bookable[0].id}/close`), 403);
    ok(await anonymous.post('/api/v1/portal/sign-out', undefined, citizen), 204);

    const wrong = answers.flatMap((a) => {
      const why = mismatch(a);
      return why ? [`${a.method.toUpperCase()} ${a.url} → ${a.res.status}: ${why}`] : [];
    });
    expect(wrong).toEqual([]);

    const documented = Object.entries(doc.paths).flatMap(([p, ms]) =>
      Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const reached = new Set(answers.filter((a) => a.res.status < 300).map((a) => a.operation));
    expect(documented.filter((o) => !reached.has(o))).toEqual([]);
  });

  it('fails an answer the document does not describe', () => {
    const me = answers.find((a) => a.operation === 'GET /api/v1/me' && a.res.status === 200)!;
    expect(mismatch(me)).toBeUndefined();
    expect(mismatch({ ...me, res: { ...me.res, body: { ...me.res.body, secret: 1 } } })).toMatch(
      /additional/,
    );
    expect(mismatch({ ...me, res: { ...me.res, status: 418 } })).toMatch(/not documented/);
    expect(mismatch({ ...me, contentType: 'text/html' })).toMatch(/content type/);
  });
});
