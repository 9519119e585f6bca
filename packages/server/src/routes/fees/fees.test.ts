import { addDays, todayIn } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Client;
let front: Client;
let head: Client;
let auditor: Client;

beforeAll(async () => {
  t = await startTestApp();
  [admin, front, head, auditor] = await Promise.all([
    t.as('admin'),
    t.as('front'),
    t.as('head'),
    t.as('auditor'),
  ]);
});
afterAll(async () => {
  await t?.close();
});

const calc = (q: Record<string, string>, headers?: Record<string, string>) =>
  t.anonymous().get(`/api/v1/fees/calculate?${new URLSearchParams(q)}`, headers);

/** A day a month from now: a new version may take effect then. */
const later = () => addDays(todayIn('Asia/Dushanbe'), 30);

const eightPdr = () => ({
  kind: 'line',
  key: 'NAME_CHANGE_REG.duty',
  validFrom: later(),
  validTo: null,
  value: { pdr: '8' },
  basis: {
    tg: 'Қонун «Дар бораи боҷи давлатӣ»',
    ru: 'Закон «О государственной пошлине»',
    en: 'Law "On State Duty"',
  },
  verified: true,
  note: null,
});

describe('the public fee calculator', () => {
  it('answers without sign-in: the lines with their rule versions and bases, the total in somoni and diram', async () => {
    const res = await calc({ service: 'NAME_CHANGE_REG', applicationDate: '2025-11-01' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toEqual({ currency: 'TJS', minor: 48750, text: '487.50' });
    expect(
      res.body.lines.map((l: { kind: string; amount: { text: string } }) => [l.kind, l.amount.text]),
    ).toEqual([
      ['duty', '450.00'],
      ['service', '22.50'],
      ['blank', '15.00'],
    ]);
    expect(res.body.lines[0].versionId).toBe('default:line:NAME_CHANGE_REG.duty:2025-11-01');
    expect(res.body.lines[1].verified).toBe(false);
    expect(res.body.unverified).toBe(true);
  });

  it('picks the late-registration bucket and applies an exemption by category', async () => {
    const late = await calc({ service: 'BIRTH_REG', eventDate: '2010-05-05', applicationDate: '2019-01-01' });
    expect(late.body.service).toBe('BIRTH_REG_LATE_1_16');
    const disabled = await calc({
      service: 'NAME_CHANGE_REG',
      applicationDate: '2025-11-01',
      category: 'disabled',
    });
    expect(disabled.body.total.text).toBe('37.50');
    expect(disabled.body.exemptions[0].key).toBe('disabled-duty');
  });

  it("says what is wrong in the asker's language and computes nothing", async () => {
    const noEvent = await calc(
      { service: 'BIRTH_REG', applicationDate: '2025-03-01' },
      { 'accept-language': 'ru' },
    );
    expect(noEvent.status).toBe(422);
    expect(noEvent.body.errors).toEqual([
      expect.objectContaining({ path: 'eventDate', key: 'error.fees.eventDateRequired' }),
    ]);
    expect(noEvent.body.errors[0].message).toContain('дату события');
    const unknown = await calc({ service: 'HORSE_REG', applicationDate: '2025-03-01' });
    expect(unknown.status).toBe(400);
    const badDate = await calc({ service: 'MARRIAGE_REG', applicationDate: '2025-02-30' });
    expect(badDate.status).toBe(400);
    const tooEarly = await calc(
      { service: 'MARRIAGE_REG', applicationDate: '2015-06-01' },
      { 'accept-language': 'en' },
    );
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.errors[0].message).toContain('01.01.2016');
  });

  it('lists the services, the applicant categories and the PDR without sign-in', async () => {
    const res = await t.anonymous().get('/api/v1/fees/services?date=2025-03-01');
    expect(res.status).toBe(200);
    expect(res.body.services).toHaveLength(21);
    expect(res.body.categories.map((c: { key: string }) => c.key)).toEqual([
      'disabled',
      'orphan',
      'state_body',
      'veteran',
    ]);
    expect(res.body.pdr.find((p: { validFrom: string }) => p.validFrom === '2025-01-01')).toMatchObject({
      amount: { text: '75.00' },
      verified: true,
    });
    const rules = await t.anonymous().get('/api/v1/fees/rules');
    expect(rules.status).toBe(200);
    expect(rules.body.versions.length).toBeGreaterThan(80);
  });
});

describe("the central department's versions", () => {
  it('are refused to every other role, and to nobody signed in', async () => {
    for (const who of [front, head, auditor]) {
      expect((await who.post('/api/v1/fees/versions', eightPdr())).status, who.login).toBe(403);
      expect(
        (await who.post('/api/v1/fees/versions/preview', { version: eightPdr() })).status,
        who.login,
      ).toBe(403);
      expect((await who.get('/api/v1/fees/versions')).status, who.login).toBe(403);
    }
    expect((await t.anonymous().post('/api/v1/fees/versions', eightPdr())).status).toBe(401);
    const { count } = await sql<{ count: string }>`SELECT count(*) FROM fee_rule_versions`
      .execute(t.dbx.db)
      .then((r) => r.rows[0]!);
    expect(Number(count)).toBe(0);
  });

  it('previews what a version would change for which service, storing nothing', async () => {
    const res = await admin.post('/api/v1/fees/versions/preview', { version: eightPdr() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.sampleDate).toBe(later());
    expect(res.body.issues).toEqual([]);
    const changed = res.body.rows.filter((r: { changed: boolean }) => r.changed);
    expect(changed[0]).toMatchObject({
      service: 'NAME_CHANGE_REG',
      category: 'general',
      before: { text: '487.50' },
      after: { text: '637.50' },
    });
    expect(new Set(changed.map((r: { service: string }) => r.service))).toEqual(new Set(['NAME_CHANGE_REG']));
    const past = await admin.post('/api/v1/fees/versions/preview', {
      version: { ...eightPdr(), validFrom: '2025-01-01' },
    });
    expect(past.body.issues).toEqual([expect.objectContaining({ key: 'error.fees.pastValidFrom' })]);
  });

  it('refuses a version that would change the past', async () => {
    const res = await admin.post(
      '/api/v1/fees/versions',
      { ...eightPdr(), validFrom: '2025-01-01' },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'validFrom', key: 'error.fees.pastValidFrom' });
    expect(res.body.errors[0].message).toContain('does not change the past');
  });

  it('adds a version once under retries, audited; past dates compute as before, its date on computes anew', async () => {
    const key = { 'idempotency-key': 'fees-eight-pdr' };
    const before = await calc({ service: 'NAME_CHANGE_REG', applicationDate: '2025-11-01' });
    const first = await admin.post('/api/v1/fees/versions', eightPdr(), key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      id: expect.stringMatching(/^v\d+$/),
      source: 'stored',
      recordedBy: 'admin',
    });
    const again = await admin.post('/api/v1/fees/versions', eightPdr(), key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const rows = await sql<{ count: string }>`SELECT count(*) FROM fee_rule_versions`.execute(t.dbx.db);
    expect(Number(rows.rows[0]!.count)).toBe(1);
    const audit = await sql<{ detail: { versionId: string } }>`
      SELECT detail FROM audit_log WHERE event = 'fees.version-added'`.execute(t.dbx.db);
    expect(audit.rows.map((r) => r.detail.versionId)).toEqual([first.body.id]);

    const after = await calc({ service: 'NAME_CHANGE_REG', applicationDate: '2025-11-01' });
    expect(after.body).toEqual(before.body);
    const dayBefore = await calc({ service: 'NAME_CHANGE_REG', applicationDate: addDays(later(), -1) });
    expect(dayBefore.body.lines[0].multiple).toBe('6');
    const from = await calc({ service: 'NAME_CHANGE_REG', applicationDate: later() });
    expect(from.body.lines[0]).toMatchObject({ multiple: '8', versionId: first.body.id });

    const listed = await admin.get('/api/v1/fees/versions');
    expect(listed.body.versions.find((v: { id: string }) => v.id === first.body.id)).toMatchObject({
      recordedBy: 'admin',
    });
    const publicRules = await t.anonymous().get('/api/v1/fees/rules');
    expect(
      publicRules.body.versions.find((v: { id: string }) => v.id === first.body.id).recordedBy,
    ).toBeNull();
  });

  it('keeps stored versions as they are: the table refuses a change', async () => {
    await expect(sql`UPDATE fee_rule_versions SET verified = false`.execute(t.dbx.db)).rejects.toThrow(
      /append-only/,
    );
  });
});
