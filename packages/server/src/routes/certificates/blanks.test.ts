import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certDb } from '../../certificates/tables.ts';
import {
  receiveBlanks,
  registeredBirth,
  type Staff,
  staffMember,
} from '../../certificates/testing/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Staff;
let head: Client;
let head2: Client;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  // a second head of office: a write-off needs two people
  head2 = await staffMember(t, 'head2', 'head_of_office', 'DU-03-00', 'Дилором Юсупова');
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  staff = { front, back, registrar };
  [head, admin] = await Promise.all([t.as('head'), t.as('admin')]);
});
afterAll(() => t?.close());

const stock = async (c: Client, office?: string) =>
  (await c.get(`/api/v1/blanks/stock${office ? `?office=${office}` : ''}`)).body;
const docStock = (report: { documents: { document: string }[] }, document: string) =>
  report.documents.find((d) => d.document === document) as unknown as {
    counts: Record<string, number>;
    total: number;
    ranges: { series: string; status: string; from: string; to: string; count: number }[];
  };

describe('receiving blanks', () => {
  it('the head of office receives a batch: one blank per number, all in stock', async () => {
    const batch = await receiveBlanks(head, {
      document: 'DEATH_CERTIFICATE',
      series: 'II-ДУ',
      from: '000101',
      to: '000150',
    });
    expect(batch).toMatchObject({
      office: 'DU-03-00',
      series: 'II-ДУ',
      from: '000101',
      to: '000150',
      count: 50,
      receivedBy: 'head',
      receivedByName: 'Зарина Саидзода',
    });
    const report = docStock(await stock(staff.front), 'DEATH_CERTIFICATE');
    expect(report.counts.IN_STOCK).toBe(50);
    expect(report.ranges).toEqual([
      { series: 'II-ДУ', status: 'IN_STOCK', from: '000101', to: '000150', count: 50 },
    ]);
  });

  it('refuses numbers already received, a series of the wrong form, a reversed range, and clerks', async () => {
    await receiveBlanks(head, {
      document: 'MARRIAGE_CERTIFICATE',
      series: 'I-НК',
      from: '000001',
      to: '000010',
    });
    const overlap = await head.post('/api/v1/blanks/batches', {
      document: 'MARRIAGE_CERTIFICATE',
      series: 'I-НК',
      from: '000010',
      to: '000020',
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.key).toBe('problem.blank.rangeTaken');
    const series = await head.post(
      '/api/v1/blanks/batches',
      { document: 'MARRIAGE_CERTIFICATE', series: 'AB-12', from: '000001', to: '000002' },
      { 'accept-language': 'ru' },
    );
    expect(series.status).toBe(422);
    expect(series.body.errors[0]).toMatchObject({ path: 'series', key: 'error.blank.series' });
    expect(series.body.errors[0].message).toBe(
      'Серия не соответствует установленному формату. Образец: I-ДУ.',
    );
    // Every wrong field at once, each under its own name.
    const allWrong = await head.post('/api/v1/blanks/batches', {
      document: 'MARRIAGE_CERTIFICATE',
      series: 'AB-12',
      from: '12a',
      to: '7',
    });
    expect(allWrong.status).toBe(422);
    expect(allWrong.body.errors.map((e: { path: string; key: string }) => [e.path, e.key])).toEqual([
      ['series', 'error.blank.series'],
      ['from', 'error.blank.number'],
      ['to', 'error.blank.number'],
    ]);
    const reversed = await head.post('/api/v1/blanks/batches', {
      document: 'MARRIAGE_CERTIFICATE',
      series: 'II-НК',
      from: '000020',
      to: '000010',
    });
    expect(reversed.status).toBe(422);
    expect(reversed.body.errors[0]).toMatchObject({ path: 'to', key: 'error.blank.range' });
    const digits = await head.post('/api/v1/blanks/batches', {
      document: 'MARRIAGE_CERTIFICATE',
      series: 'II-НК',
      from: '1',
      to: '000010',
    });
    expect(digits.status).toBe(422);
    const plainPaper = await head.post('/api/v1/blanks/batches', {
      document: 'ARCHIVE_EXTRACT',
      series: 'II-НК',
      from: '000001',
      to: '000010',
    });
    expect(plainPaper.status).toBe(400);
    const clerk = await staff.front.post('/api/v1/blanks/batches', {
      document: 'MARRIAGE_CERTIFICATE',
      series: 'III-НК',
      from: '000001',
      to: '000002',
    });
    expect(clerk.status).toBe(403);
  });

  it('the central administrator receives for an office below; a head only for their own', async () => {
    const forJamoat = await admin.post('/api/v1/blanks/batches', {
      office: 'RA-13-01',
      document: 'BIRTH_CERTIFICATE',
      series: 'I-РТ',
      from: '000001',
      to: '000005',
    });
    // the demo administrator sits in the Firdavsi office: Rudaki's jamoat is outside their subtree
    expect(forJamoat.status).toBe(404);
    const forMobile = await admin.post('/api/v1/blanks/batches', {
      office: 'DU-03-90',
      document: 'BIRTH_CERTIFICATE',
      series: 'I-МБ',
      from: '000001',
      to: '000005',
    });
    expect(forMobile.status, JSON.stringify(forMobile.body)).toBe(201);
    expect(forMobile.body.office).toBe('DU-03-90');
    const headElsewhere = await head.post('/api/v1/blanks/batches', {
      office: 'DU-03-90',
      document: 'BIRTH_CERTIFICATE',
      series: 'II-МБ',
      from: '000001',
      to: '000005',
    });
    expect(headElsewhere.status).toBe(403);
    expect(docStock(await stock(head, 'DU-03-90'), 'BIRTH_CERTIFICATE').counts.IN_STOCK).toBe(5);
  });
});

describe('a spoiled blank', () => {
  it('is written off only when a second person confirms the report', async () => {
    await receiveBlanks(head, {
      document: 'DIVORCE_CERTIFICATE',
      series: 'I-ТК',
      from: '000001',
      to: '000003',
    });
    const blanks = (await staff.front.get('/api/v1/blanks?document=DIVORCE_CERTIFICATE')).body.items;
    const blank = blanks[0];
    expect(blank).toMatchObject({ series: 'I-ТК', number: '000001', status: 'IN_STOCK' });

    const noReason = await staff.front.post(`/api/v1/blanks/${blank.id}/spoil`, { reason: '' });
    expect(noReason.status).toBe(400);
    const reported = await staff.front.post(`/api/v1/blanks/${blank.id}/spoil`, {
      reason: 'Коғаз дар чопгар дарида шуд',
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    expect(reported.body).toMatchObject({
      status: 'SPOIL_REQUESTED',
      spoil: {
        outcome: 'SPOILED',
        reason: 'Коғаз дар чопгар дарида шуд',
        requestedBy: 'front',
        decidedBy: null,
      },
    });
    // the clerk cannot confirm it, nor can another clerk
    expect((await staff.front.post(`/api/v1/blanks/${blank.id}/spoil/confirm`)).status).toBe(403);
    expect((await staff.back.post(`/api/v1/blanks/${blank.id}/spoil/confirm`)).status).toBe(403);
    expect(docStock(await stock(head), 'DIVORCE_CERTIFICATE').counts).toMatchObject({
      IN_STOCK: 2,
      SPOIL_REQUESTED: 1,
    });

    const confirmed = await head.post(`/api/v1/blanks/${blank.id}/spoil/confirm`);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'SPOILED',
      spoil: {
        requestedBy: 'front',
        requestedByName: 'Мадина Раҳимова',
        decidedBy: 'head',
        decidedByName: 'Зарина Саидзода',
      },
    });
    const again = await head.post(`/api/v1/blanks/${blank.id}/spoil/confirm`);
    expect(again.status).toBe(409);
  });

  it('reported by the head of office, needs another head: never the same person', async () => {
    const blanks = (await head.get('/api/v1/blanks?document=DIVORCE_CERTIFICATE&status=IN_STOCK')).body.items;
    const blank = blanks[0];
    await head.post(`/api/v1/blanks/${blank.id}/spoil`, { reason: 'Гум шуд', lost: true });
    const self = await head.post(`/api/v1/blanks/${blank.id}/spoil/confirm`, {}, { 'accept-language': 'en' });
    expect(self.status).toBe(409);
    expect(self.body.key).toBe('problem.blank.secondPerson');
    expect(self.body.title).toMatch(/Another person must confirm/);
    const other = await head2.post(`/api/v1/blanks/${blank.id}/spoil/confirm`);
    expect(other.status).toBe(200);
    expect(other.body.status).toBe('LOST');
    // and the database itself refuses one person in both roles
    await expect(
      certDb(t.dbx.db)
        .updateTable('blanks')
        .set({
          spoil_decided_by: (
            await t.dbx.db
              .selectFrom('users')
              .select('id')
              .where('login', '=', 'head')
              .executeTakeFirstOrThrow()
          ).id,
        })
        .where('id', '=', blank.id)
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });

  it('can be rejected back into stock with a reason', async () => {
    const blank = (await head.get('/api/v1/blanks?document=DIVORCE_CERTIFICATE&status=IN_STOCK')).body
      .items[0];
    await staff.back.post(`/api/v1/blanks/${blank.id}/spoil`, { reason: 'Доғ дорад' });
    const noReason = await head.post(`/api/v1/blanks/${blank.id}/spoil/reject`, {});
    expect(noReason.status).toBe(400);
    const rejected = await head.post(`/api/v1/blanks/${blank.id}/spoil/reject`, {
      reason: 'Бланк солим аст',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'IN_STOCK',
      spoil: { decidedBy: 'head', decisionReason: 'Бланк солим аст' },
    });
  });

  it('printed on: its certificate is spoiled, checks as such, and the next print is a first certificate again', async () => {
    await receiveBlanks(head, { from: '000001', to: '000010' });
    const rec = await registeredBirth(staff);
    const cert = (await staff.front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'overlay' })).body;
    expect(cert.issue).toBe('first');
    await staff.front.post(`/api/v1/blanks/${cert.blankId}/spoil`, {
      reason: 'Чопгар сатрҳоро каҷ чоп кард',
    });
    await head.post(`/api/v1/blanks/${cert.blankId}/spoil/confirm`);
    const list = (await staff.front.get(`/api/v1/records/${rec.id}/certificates`)).body.items;
    expect(list[0].status).toBe('spoiled');
    const check = (await t.anonymous().get(`/api/v1/verify/${cert.qr}`)).body;
    expect(check).toMatchObject({ genuine: true, status: 'spoiled' });
    const receipt = await staff.front.post(`/api/v1/certificates/${cert.id}/receipt`, {
      name: 'Каримов Фаридун',
      idDocument: { type: 'PASSPORT', number: '01234567' },
    });
    expect(receipt.status).toBe(409);
    expect(receipt.body.key).toBe('problem.certificate.spoiled');
    const next = (await staff.front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'overlay' })).body;
    expect(next.issue).toBe('first');
    expect(next.number).not.toBe(cert.number);
  });
});

describe('the stock report', () => {
  it('counts per document and status and shows the ranges', async () => {
    const mhead = await staffMember(t, 'mobile-head', 'head_of_office', 'DU-03-90', 'Сайёра Раҳимова');
    await receiveBlanks(mhead, {
      document: 'DEATH_CERTIFICATE',
      series: 'I-МБ',
      from: '000010',
      to: '000019',
    });
    await receiveBlanks(mhead, {
      document: 'DEATH_CERTIFICATE',
      series: 'I-МБ',
      from: '000030',
      to: '000034',
    });
    const blanks = (await mhead.get('/api/v1/blanks?document=DEATH_CERTIFICATE')).body.items;
    const b12 = blanks.find((b: { number: string }) => b.number === '000012');
    await mhead.post(`/api/v1/blanks/${b12.id}/spoil`, { reason: 'Вайрон' });
    const report = await stock(mhead);
    expect(report.office.id).toBe('DU-03-90');
    const death = docStock(report, 'DEATH_CERTIFICATE');
    expect(death.counts).toEqual({
      IN_STOCK: 14,
      ISSUED: 0,
      SPOIL_REQUESTED: 1,
      SPOILED: 0,
      LOST: 0,
      WRITTEN_OFF: 0,
    });
    expect(death.total).toBe(15);
    expect(death.ranges).toEqual([
      { series: 'I-МБ', status: 'IN_STOCK', from: '000010', to: '000011', count: 2 },
      { series: 'I-МБ', status: 'SPOIL_REQUESTED', from: '000012', to: '000012', count: 1 },
      { series: 'I-МБ', status: 'IN_STOCK', from: '000013', to: '000019', count: 7 },
      { series: 'I-МБ', status: 'IN_STOCK', from: '000030', to: '000034', count: 5 },
    ]);
    // the district office (above the mobile office) sees it; the mobile office does not see the district's
    expect((await stock(head, 'DU-03-90')).office.id).toBe('DU-03-90');
    expect((await mhead.get('/api/v1/blanks/stock?office=DU-03-00')).status).toBe(404);
    expect((await (await t.as('statistician')).get('/api/v1/blanks/stock')).status).toBe(403);
  });
});

describe('handing blanks over to a jamoat', () => {
  type Report = {
    office: { id: string };
    documents: {
      document: string;
      counts: Record<string, number>;
      writtenOff: number;
      total: number;
      transferredOut: number;
      receivedByTransfer: number;
    }[];
  };
  const births = (r: Report) => r.documents.find((d) => d.document === 'BIRTH_CERTIFICATE')!;

  it('the district head hands a range to the jamoat, which prints on it; the district no longer holds it; a retry moves nothing twice', async () => {
    const rudaki = await t.as('rudaki');
    const jamoat = await t.as('jamoat');
    await receiveBlanks(rudaki, { series: 'I-РД', from: '000001', to: '000020' });
    const rec = await registeredBirth({ front: jamoat, back: jamoat, registrar: jamoat });
    // before: the jamoat has no blank to print on
    const none = await jamoat.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
    expect(none.status).toBe(409);
    expect(none.body.title).toContain('Шаҳодатнома дар бораи таваллуд');

    const key = { 'idempotency-key': 'transfer-rudaki-1' };
    const body = {
      toOffice: 'RA-13-01',
      document: 'BIRTH_CERTIFICATE',
      series: 'І-РД', // typed with the Cyrillic І: the same series
      from: '000005',
      to: '000014',
      note: 'Бо мошини ҷамоат бурда шуд',
    };
    const sent = await rudaki.post('/api/v1/blanks/transfers', body, key);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({
      fromOffice: { id: 'RA-13-00' },
      toOffice: { id: 'RA-13-01', nameTg: 'Ҷамоати деҳоти Чимтеппа' },
      document: 'BIRTH_CERTIFICATE',
      series: 'I-РД',
      from: '000005',
      to: '000014',
      count: 10,
      transferredBy: 'rudaki',
      transferredByName: 'Нозим Давлатов',
    });
    const again = await rudaki.post('/api/v1/blanks/transfers', body, key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body).toEqual(sent.body);

    // the jamoat prints on the first blank it received
    const cert = await jamoat.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
    expect(cert.status, JSON.stringify(cert.body)).toBe(201);
    expect(cert.body).toMatchObject({ series: 'I-РД', number: '000005' });

    // counted once on each side
    const district = births((await stock(rudaki)) as Report);
    expect(district).toMatchObject({ transferredOut: 10, receivedByTransfer: 0, total: 10 });
    expect(district.counts.IN_STOCK).toBe(10);
    const village = births((await stock(rudaki, 'RA-13-01')) as Report);
    expect(village).toMatchObject({ transferredOut: 0, receivedByTransfer: 10, total: 10 });
    expect(village.counts).toMatchObject({ IN_STOCK: 9, ISSUED: 1 });
    expect(births((await stock(jamoat)) as Report).receivedByTransfer).toBe(10);

    // the district can no longer hand them over (nor list them as its own)
    const gone = await rudaki.post('/api/v1/blanks/transfers', { ...body, from: '000010', to: '000011' });
    expect(gone.status).toBe(409);
    expect(gone.body.title).toBe(
      'Бланки I-РД 000010 дар анбори «Шуъбаи САҲШ — Рӯдакӣ» нест: танҳо бланкҳои ҳамин идора супорида мешаванд.',
    );
    const own = (await rudaki.get('/api/v1/blanks?office=RA-13-00&number=000010')).body;
    expect(own.total).toBe(0);

    // a blank the jamoat spoils is written off by the district's head (the jamoat has none)
    const spoilt = (await jamoat.get('/api/v1/blanks?status=IN_STOCK&number=000006')).body.items[0];
    expect((await jamoat.post(`/api/v1/blanks/${spoilt.id}/spoil`, { reason: 'Тар шуд' })).status).toBe(200);
    expect((await head.post(`/api/v1/blanks/${spoilt.id}/spoil/confirm`, {})).status).toBe(404);
    const confirmed = await rudaki.post(`/api/v1/blanks/${spoilt.id}/spoil/confirm`, {});
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.status).toBe('SPOILED');

    // both sides list the movement
    for (const [c, office] of [
      [rudaki, 'RA-13-00'],
      [jamoat, 'RA-13-01'],
    ] as const) {
      const list = await c.get(`/api/v1/blanks/transfers?office=${office}`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([sent.body.id]);
    }
  });

  it('refuses blanks not in the sender’s stock, used or spoiled ones, an office not below, and clerks; changes nothing', async () => {
    const rudaki = await t.as('rudaki');
    await receiveBlanks(rudaki, {
      document: 'DEATH_CERTIFICATE',
      series: 'I-РД',
      from: '000001',
      to: '000010',
    });
    const free = (await rudaki.get('/api/v1/blanks?office=RA-13-00&document=DEATH_CERTIFICATE&number=000003'))
      .body.items[0];
    expect((await rudaki.post(`/api/v1/blanks/${free.id}/spoil`, { reason: 'Тар шуд' })).status).toBe(200);
    const before = await stock(rudaki);
    const send = (over: Record<string, string>, headers?: Record<string, string>) =>
      rudaki.post(
        '/api/v1/blanks/transfers',
        {
          toOffice: 'RA-13-02',
          document: 'DEATH_CERTIFICATE',
          series: 'I-РД',
          from: '000001',
          to: '000005',
          ...over,
        },
        headers,
      );

    const spoiled = await send({}, { 'accept-language': 'en' });
    expect(spoiled.status).toBe(409);
    expect(spoiled.body.title).toBe(
      'Blank I-РД 000003 is “awaiting confirmation”: only unused blanks can be handed over.',
    );
    const ru = await send({}, { 'accept-language': 'ru' });
    expect(ru.body.title).toBe(
      'Бланк I-РД 000003 в состоянии «ожидает подтверждения»: передать можно только неиспользованные бланки.',
    );
    const beyond = await send({ from: '000008', to: '000012' }, { 'accept-language': 'en' });
    expect(beyond.status).toBe(409);
    expect(beyond.body.title).toBe(
      'Blank I-РД 000011 is not in the stock of “Civil Registry Office — Rudaki”: only its own blanks can be handed over.',
    );
    for (const toOffice of ['DU-03-90', 'RA-13-00', 'RA', 'nowhere']) {
      const wrong = await send({ toOffice, from: '000004', to: '000005' }, { 'accept-language': 'en' });
      expect(wrong.status, toOffice).toBe(422);
      expect(wrong.body.errors).toEqual([
        {
          path: 'toOffice',
          key: 'error.blank.transferTarget',
          message:
            'Choose an office under “Civil Registry Office — Rudaki” that keeps blanks (a district, a jamoat, a mobile office).',
          params: { office: 'Civil Registry Office — Rudaki' },
        },
      ]);
    }
    const series = await send({ series: 'DU-1', from: '000004', to: '000005' });
    expect(series.status).toBe(422);
    expect(series.body.errors[0]).toMatchObject({ path: 'series', key: 'error.blank.series' });
    // a clerk, and the head of another district, may not
    const jamoat = await t.as('jamoat');
    const byClerk = await jamoat.post('/api/v1/blanks/transfers', {
      toOffice: 'RA-13-02',
      document: 'DEATH_CERTIFICATE',
      series: 'I-РД',
      from: '000004',
      to: '000005',
    });
    expect(byClerk.status).toBe(403);
    const byOther = await head.post('/api/v1/blanks/transfers', {
      office: 'RA-13-00',
      toOffice: 'RA-13-02',
      document: 'DEATH_CERTIFICATE',
      series: 'I-РД',
      from: '000004',
      to: '000005',
    });
    expect(byOther.status).toBe(404);
    expect(await stock(rudaki)).toEqual(before);
    expect((await rudaki.get('/api/v1/blanks/stock?office=RA-13-02')).body.documents).toEqual([]);

    // the central administrator may hand over for an office below it
    const central = await staffMember(t, 'hq-admin', 'central_admin', 'HQ-00-00', 'Ҷамшед Раҳимов');
    const byCentre = await central.post('/api/v1/blanks/transfers', {
      office: 'RA-13-00',
      toOffice: 'RA-13-02',
      document: 'DEATH_CERTIFICATE',
      series: 'I-РД',
      from: '000004',
      to: '000005',
    });
    expect(byCentre.status, JSON.stringify(byCentre.body)).toBe(201);
    expect(byCentre.body.transferredBy).toBe('hq-admin');
  });
});

describe('a region keeps blanks for its districts', () => {
  it('the region head receives a batch and hands part of it to a district, which hands some on to its jamoat', async () => {
    const region = await staffMember(t, 'region-head', 'head_of_office', 'RA', 'Фирӯза Каримова');
    const rudaki = await t.as('rudaki');
    const deaths = async (c: Client, office?: string) =>
      (await stock(c, office)).documents.find(
        (d: { document: string }) => d.document === 'DEATH_CERTIFICATE',
      ) ?? { transferredOut: 0, receivedByTransfer: 0 }; // an office with none yet has no row
    const [district0, jamoat0] = [await deaths(rudaki), await deaths(region, 'RA-13-01')];
    await receiveBlanks(region, {
      document: 'DEATH_CERTIFICATE',
      series: 'I-РР',
      from: '000001',
      to: '000010',
    });
    const down = await region.post('/api/v1/blanks/transfers', {
      toOffice: 'RA-13-00',
      document: 'DEATH_CERTIFICATE',
      series: 'I-РР',
      from: '000001',
      to: '000004',
    });
    expect(down.status, JSON.stringify(down.body)).toBe(201);
    expect(down.body).toMatchObject({ fromOffice: { id: 'RA' }, toOffice: { id: 'RA-13-00' }, count: 4 });
    const on = await rudaki.post('/api/v1/blanks/transfers', {
      toOffice: 'RA-13-01',
      document: 'DEATH_CERTIFICATE',
      series: 'I-РР',
      from: '000001',
      to: '000002',
    });
    expect(on.status, JSON.stringify(on.body)).toBe(201);
    expect(await deaths(region)).toMatchObject({ transferredOut: 4, receivedByTransfer: 0, total: 6 });
    const district = await deaths(rudaki);
    expect(district.transferredOut - district0.transferredOut).toBe(2);
    expect(district.receivedByTransfer - district0.receivedByTransfer).toBe(4);
    const jamoat = await deaths(region, 'RA-13-01');
    expect(jamoat.receivedByTransfer - jamoat0.receivedByTransfer).toBe(2);
  });
});

describe('the stock report, as staff read it', () => {
  it('lists the documents in the official order and counts a written-off blank as written off', async () => {
    const consul = await staffMember(t, 'consul', 'head_of_office', 'CN-RU-01', 'Ҷамшед Ҳакимов');
    const consul2 = await staffMember(t, 'consul2', 'head_of_office', 'CN-RU-01', 'Фарида Ҳакимова');
    for (const document of [
      'DEATH_CERTIFICATE',
      'NAME_CHANGE_CERTIFICATE',
      'MARRIAGE_CERTIFICATE',
      'BIRTH_CERTIFICATE',
    ])
      await receiveBlanks(consul, { document, series: 'I-КН', from: '000001', to: '000004' });
    const blanks = (await consul.get('/api/v1/blanks?document=BIRTH_CERTIFICATE')).body.items as {
      id: number;
    }[];
    await consul.post(`/api/v1/blanks/${blanks[0]!.id}/spoil`, { reason: 'Тар шуд' });
    await consul2.post(`/api/v1/blanks/${blanks[0]!.id}/spoil/confirm`, {});
    await consul.post(`/api/v1/blanks/${blanks[1]!.id}/spoil`, { reason: 'Гум шуд', lost: true });
    await consul2.post(`/api/v1/blanks/${blanks[1]!.id}/spoil/confirm`, {});
    await consul.post(`/api/v1/blanks/${blanks[2]!.id}/spoil`, { reason: 'Намунаи кӯҳна' });
    await consul2.post(`/api/v1/blanks/${blanks[2]!.id}/spoil/confirm`, { status: 'WRITTEN_OFF' });
    const report = await stock(consul);
    expect(report.documents.map((d: { document: string }) => d.document)).toEqual([
      'BIRTH_CERTIFICATE',
      'MARRIAGE_CERTIFICATE',
      'NAME_CHANGE_CERTIFICATE',
      'DEATH_CERTIFICATE',
    ]);
    expect(report.documents[0]).toMatchObject({
      counts: { IN_STOCK: 1, ISSUED: 0, SPOIL_REQUESTED: 0, SPOILED: 1, LOST: 1, WRITTEN_OFF: 1 },
      writtenOff: 3,
      total: 4,
    });
  });
});

describe('a series typed on either keyboard', () => {
  it('is the series of the set format: Cyrillic І and Х, Latin Y, a long dash, lower case', async () => {
    for (const [typed, kept, from] of [
      ['ІІ-ДУ', 'II-ДУ', '000701'], // Cyrillic І (U+0406)
      ['Х–ДY', 'X-ДУ', '000711'], // Cyrillic Х, an en dash, Latin Y
      ['iv-ду', 'IV-ДУ', '000721'],
    ] as const) {
      const batch = await receiveBlanks(head, {
        document: 'ADOPTION_CERTIFICATE',
        series: typed,
        from,
        to: from,
      });
      expect(batch.series, typed).toBe(kept);
    }
    // the same series typed the other way finds the same blanks: in the list, and already received
    const found = await head.get(
      `/api/v1/blanks?document=ADOPTION_CERTIFICATE&series=${encodeURIComponent('ІІ-ДУ')}`,
    );
    expect(
      found.body.items.map((b: { series: string; number: string }) => `${b.series} ${b.number}`),
    ).toEqual(['II-ДУ 000701']);
    const twice = await head.post('/api/v1/blanks/batches', {
      document: 'ADOPTION_CERTIFICATE',
      series: 'II-ДУ',
      from: '000701',
      to: '000701',
    });
    expect(twice.status).toBe(409);
    const wrong = await head.post('/api/v1/blanks/batches', {
      document: 'ADOPTION_CERTIFICATE',
      series: 'I-D1',
      from: '000731',
      to: '000731',
    });
    expect(wrong.status).toBe(422);
  });
});
