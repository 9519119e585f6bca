import { divorceKind, marriageKind } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  receiveBlanks,
  registered,
  registeredBirth,
  type Staff,
} from '../../certificates/testing/fixtures.ts';
import { fetchBytes, type Scratch, scratchDir, tool } from '../../certificates/testing/tools.ts';
import { payForPrint } from '../../test/fees.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

/** A divorce gives each former spouse a certificate of their own; other records one certificate. */

let t: TestApp;
let staff: Staff;
let head: Client;
let scratch: Scratch;
let divorceId: string;

beforeAll(async () => {
  t = await startTestApp();
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  staff = { front, back, registrar };
  head = await t.as('head');
  scratch = scratchDir();
  await receiveBlanks(head, {
    document: 'DIVORCE_CERTIFICATE',
    series: 'I-БН',
    from: '000001',
    to: '000020',
  });
  await receiveBlanks(head, { from: '000001', to: '000005' });
  divorceId = (await registered(staff, 'DIVORCE', await divorceOfNewMarriage())).id;
});
afterAll(async () => {
  scratch?.remove();
  await t?.close();
});

/** A registered marriage (Шарипов Далер and Шарипова Мадина, née Назарова) and its divorce. */
async function divorceOfNewMarriage() {
  const m = marriageKind.example;
  const marriage = await registered(staff, 'MARRIAGE', m);
  const ex = structuredClone(divorceKind.example);
  return {
    ...ex,
    marriageRecordId: marriage.id,
    marriage: { number: String(marriage.number), date: m.registrationDate, office: marriage.office },
    husband: { ...ex.husband, ...pick(m.husband), surnameBefore: 'Шарипов', surnameAfter: 'Шарипов' },
    wife: { ...ex.wife, ...pick(m.wife), surnameBefore: 'Шарипова', surnameAfter: 'Назарова' },
    marriageEndDate: '2026-02-10',
    applicationDate: '2026-01-09',
    applicant: { type: 'SPOUSE', surname: 'Шарипов', name: 'Далер' },
  };
}
const pick = (p: { name: string; patronymic?: string | undefined; birthDate: string }) => ({
  name: p.name,
  ...(p.patronymic ? { patronymic: p.patronymic } : {}),
  birthDate: p.birthDate,
});

/** A print as the front office makes it: a repeat's fee paid first. */
const post = async (recordId: string, body: Record<string, unknown>) => {
  await payForPrint(staff.front, recordId, body.document as string | undefined);
  return staff.front.post(`/api/v1/records/${recordId}/certificates`, body);
};

describe('divorce certificates', () => {
  it('refuses a print that does not say which former spouse it is for, and takes no blank', async () => {
    const res = await post(divorceId, { mode: 'overlay' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'holder', key: 'error.choice' });
    // the parties by name, not by code
    expect(res.body.errors[0].message).toContain('шавҳар, зан');
    const stock = await head.get('/api/v1/blanks?document=DIVORCE_CERTIFICATE&status=IN_STOCK');
    expect(stock.body.items.length).toBe(20);
  });

  it('gives the husband and the wife each a first certificate, and a repeat only of their own', async () => {
    const husband = await post(divorceId, { mode: 'overlay', holder: 'husband' });
    expect(husband.status, JSON.stringify(husband.body)).toBe(201);
    expect(husband.body).toMatchObject({ holder: 'husband', issue: 'first', number: '000001' });

    const wife = await post(divorceId, { mode: 'overlay', holder: 'wife', issue: 'first' });
    expect(wife.status, JSON.stringify(wife.body)).toBe(201);
    expect(wife.body).toMatchObject({ holder: 'wife', issue: 'first', number: '000002' });

    const again = await post(divorceId, { mode: 'overlay', holder: 'wife' });
    expect(again.body).toMatchObject({ holder: 'wife', issue: 'repeat' });

    const list = (await staff.front.get(`/api/v1/records/${divorceId}/certificates`)).body.items;
    expect(
      list.map((c: { holder: string; issue: string; status: string }) => [c.holder, c.issue, c.status]),
    ).toEqual([
      ['husband', 'first', 'valid'],
      ['wife', 'first', 'valid'],
      ['wife', 'repeat', 'valid'],
    ]);

    // each certificate names whom it was issued to (the wife under her surname after the divorce)
    const pdf = await fetchBytes(t, 'front', `/api/v1/certificates/${wife.body.id}/pdf`);
    const text = tool('pdftotext', [scratch.file('wife.pdf', pdf.body), '-']).output.replace(/\s+/g, ' ');
    expect(text).toContain('зан: Назарова Мадина');
    const hisPdf = await fetchBytes(t, 'front', `/api/v1/certificates/${husband.body.id}/pdf`);
    const his = tool('pdftotext', [scratch.file('husband.pdf', hisPdf.body), '-']).output.replace(
      /\s+/g,
      ' ',
    );
    expect(his).toContain('шавҳар: Шарипов Далер');
  });

  it('previews for the spouse chosen', async () => {
    const res = await fetchBytes(
      t,
      'front',
      `/api/v1/records/${divorceId}/certificates/preview?mode=full&holder=husband`,
    );
    expect(res.status).toBe(200);
    const text = tool('pdftotext', [scratch.file('preview.pdf', res.body), '-']).output.replace(/\s+/g, ' ');
    expect(text).toContain('шавҳар: Шарипов Далер');
  });
});

describe('other certificates', () => {
  it('refuses a holder where one certificate serves the record', async () => {
    const birth = await registeredBirth(staff);
    const res = await post(birth.id, { mode: 'overlay', holder: 'wife' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'holder', key: 'error.unknownField' });
    const ok = await post(birth.id, { mode: 'overlay' });
    expect(ok.status).toBe(201);
    expect(ok.body.holder).toBeNull();
  });
});
