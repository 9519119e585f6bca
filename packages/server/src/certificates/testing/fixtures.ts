import type { Role } from '@sabt/core';
import { expect } from 'vitest';
import { createUser } from '../../auth/users.ts';
import { DEMO_PASSWORD } from '../../demo/demo-data.ts';
import { payFee } from '../../test/fees.ts';
import { birthData } from '../../test/fixtures.ts';
import type { Client, TestApp } from '../../test/harness.ts';

/** Test support for certificates: registered records and blanks in stock. */

export interface Staff {
  front: Client;
  back: Client;
  registrar: Client;
}

/** A record taken through the workflow to registered; returns the registered record. */
export async function registered(staff: Staff, kind: string, data: unknown) {
  const created = await staff.front.post('/api/v1/records', { kind, data });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  const submitted = await staff.front.post(`/api/v1/records/${id}/submit`);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  expect((await staff.back.post(`/api/v1/records/${id}/validate`)).status).toBe(200);
  await payFee(staff.front, id);
  const reg = await staff.registrar.post(`/api/v1/records/${id}/register`);
  expect(reg.status, JSON.stringify(reg.body)).toBe(200);
  return reg.body;
}

export const registeredBirth = (staff: Staff, over: Parameters<typeof birthData>[0] = {}) =>
  registered(staff, 'BIRTH', birthData(over));

/** Receives a batch of blanks as the head of office. */
export async function receiveBlanks(
  head: Client,
  batch: { document?: string; series?: string; from: string; to: string; office?: string },
) {
  const res = await head.post('/api/v1/blanks/batches', {
    document: 'BIRTH_CERTIFICATE',
    series: 'I-ДУ',
    ...batch,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/**
 * One more member of staff beside the demo users (a second head of office, a consul, a region's
 * head …): their login, role, office and full name; the demo password; signed in.
 */
export async function staffMember(
  t: TestApp,
  login: string,
  role: Role,
  officeId: string,
  fullName: string,
): Promise<Client> {
  await createUser(
    t.dbx.db,
    { login, role, officeId, fullName, password: DEMO_PASSWORD },
    { demoPassword: true },
  );
  return t.as(login);
}

/**
 * A district office ready to print: its front office, back office and registrar, its head, and
 * ten blanks in stock (birth certificates; with `adoption`, ten adoption certificates too).
 */
export async function certificateDesk(t: TestApp, opts: { adoption?: boolean } = {}) {
  const [front, back, registrar, head] = await Promise.all([
    t.as('front'),
    t.as('back'),
    t.as('registrar'),
    t.as('head'),
  ]);
  await receiveBlanks(head, { from: '000001', to: '000010' });
  if (opts.adoption) {
    await receiveBlanks(head, {
      document: 'ADOPTION_CERTIFICATE',
      series: 'I-ФХ',
      from: '000001',
      to: '000010',
    });
  }
  return { staff: { front, back, registrar } as Staff, head };
}

/**
 * A certificate checked the three public ways, as anyone may: its QR code, the verification code
 * printed under it, and its series, number and date of issue. Each answer's body.
 */
export async function checkedEveryWay(
  anyone: Client,
  cert: { qr: string; verifyCode: string; series: string; number: string; issuedOn: string },
) {
  const [qr, code, number] = await Promise.all([
    anyone.get(`/api/v1/verify/${cert.qr}`),
    anyone.post('/api/v1/verify', { code: cert.verifyCode }),
    anyone.post('/api/v1/verify/by-number', {
      series: cert.series,
      number: cert.number,
      issuedOn: cert.issuedOn,
    }),
  ]);
  for (const res of [qr, code, number]) expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { qr: qr.body, code: code.body, number: number.body };
}
