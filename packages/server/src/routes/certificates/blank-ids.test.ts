import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveBlanks } from '../../certificates/testing/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

/** A blank's id in the URL is read strictly: only its digits name it. */

let t: TestApp;
let front: Client;
let head: Client;
let blank: { id: number; status: string };

beforeAll(async () => {
  t = await startTestApp();
  [front, head] = await Promise.all([t.as('front'), t.as('head')]);
  await receiveBlanks(head, {
    document: 'DIVORCE_CERTIFICATE',
    series: 'I-ИД',
    from: '000001',
    to: '000001',
  });
  blank = (await front.get('/api/v1/blanks?document=DIVORCE_CERTIFICATE&series=I-ИД')).body.items[0];
  expect(blank.status).toBe('IN_STOCK');
});
afterAll(() => t?.close());

const statusOf = async (id: number) =>
  (
    (await front.get('/api/v1/blanks?document=DIVORCE_CERTIFICATE&series=I-ИД')).body
      .items as (typeof blank)[]
  ).find((b) => b.id === id)?.status;

describe('a loose id of a blank', () => {
  const loose = (id: number) => [
    `0x${id.toString(16)}`,
    `0X${id.toString(16).toUpperCase()}`,
    `%20${id}`,
    `${id}%20`,
    `${id}.0`,
    `${id}e0`,
    `%2B${id}`,
    `0${id}`,
    `${id}n`,
    `0b${id.toString(2)}`,
    '1e400',
    '99999999999999999',
  ];

  it('is a 400 problem at params.id, in the user’s language, and spoils nothing', async () => {
    for (const form of loose(blank.id)) {
      for (const verdict of ['', '/confirm', '/reject']) {
        const res = await front.post(
          `/api/v1/blanks/${form}/spoil${verdict}`,
          { reason: 'Коғаз дарида шуд' },
          { 'accept-language': 'en' },
        );
        expect(res.status, `${form}${verdict}: ${JSON.stringify(res.body)}`).toBe(400);
        expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
        expect(res.body.errors).toEqual([
          expect.objectContaining({
            path: 'params.id',
            key: 'error.numericId',
            message: expect.stringMatching(/digits/),
          }),
        ]);
      }
    }
    expect(await statusOf(blank.id)).toBe('IN_STOCK');
  });

  it('its plain digits still name it', async () => {
    const res = await front.post(`/api/v1/blanks/${blank.id}/spoil`, { reason: 'Коғаз дарида шуд' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await statusOf(blank.id)).not.toBe('IN_STOCK');
  });
});
