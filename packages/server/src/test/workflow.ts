import { expect } from 'vitest';
import { payFee } from './fees.ts';
import type { Client, Response } from './harness.ts';

/** The records collection of the API. */
export const R = '/api/v1/records';

/** A response body as text, for assertion messages. */
export const show = (res: Response) => JSON.stringify(res.body);

/** The clerks who take a record through the district office: submit, validate, register. */
export interface Workflow {
  front: Client;
  back: Client;
  registrar: Client;
}

/** Creates a draft of `kind` with `data` as `by`, and returns its id. */
export async function createRecord(by: Client, kind: string, data: unknown): Promise<string> {
  const res = await by.post(R, { kind, data });
  expect(res.status, show(res)).toBe(201);
  return res.body.id;
}

/**
 * Takes a draft through submit, validate and register in the district office (or all by `by`,
 * as in a jamoat), its registration's fee paid when one is due, and returns the registered record.
 */
export async function advance(w: Workflow, id: string, by?: Client) {
  const submitted = await (by ?? w.front).post(`${R}/${id}/submit`);
  expect(submitted.status, show(submitted)).toBe(200);
  const validated = await (by ?? w.back).post(`${R}/${id}/validate`);
  expect(validated.status, show(validated)).toBe(200);
  // a payable registration is paid first, at the front office (or by the jamoat's clerk)
  await payFee(by ?? w.front, id);
  const registered = await (by ?? w.registrar).post(`${R}/${id}/register`);
  expect(registered.status, show(registered)).toBe(200);
  expect(registered.body.status).toBe('registered');
  return registered.body;
}

/** Creates a record of `kind` with `data` and registers it (see `advance`). */
export async function registerThrough(w: Workflow, kind: string, data: unknown, by?: Client) {
  return advance(w, await createRecord(by ?? w.front, kind, data), by);
}
