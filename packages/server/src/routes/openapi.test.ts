import { ACT_KIND_DEFINITIONS } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let front: Client;

beforeAll(async () => {
  t = await startTestApp();
  front = await t.as('front');
});
afterAll(() => t.close());

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema: { enum?: string[] } }[];
  requestBody?: {
    content: Record<
      string,
      {
        schema: { properties: Record<string, { enum?: string[] }> };
        examples?: Record<string, { value: { kind: string; data: unknown } }>;
      }
    >;
  };
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  components: { securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

const KINDS = ACT_KIND_DEFINITIONS.map((k) => k.code);

/**
 * Posts a record as is and submits it: the server's own word that the data is complete and valid.
 * Returns the submitted record, or what went wrong (so one test can report every kind at once).
 */
async function createAndSubmit(body: { kind: string; data: unknown }) {
  const created = await front.post('/api/v1/records', body);
  if (created.status !== 201)
    return { problem: { kind: body.kind, step: 'create', status: created.status, body: created.body } };
  const submitted = await front.post(`/api/v1/records/${created.body.id}/submit`);
  if (submitted.status !== 200 || submitted.body.status !== 'submitted') {
    return { problem: { kind: body.kind, step: 'submit', status: submitted.status, body: submitted.body } };
  }
  return { record: submitted.body };
}

describe('the OpenAPI document', () => {
  let doc: OpenApiDocument;

  beforeAll(async () => {
    const res = await t.anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.body;
  });

  it('is OpenAPI 3.1, served without a login', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBeTruthy();
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
  });

  it('describes every route of the API with its methods', () => {
    const expected: Record<string, string[]> = {
      '/api/v1/auth/login': ['post'],
      '/api/v1/auth/logout': ['post'],
      '/api/v1/me': ['get'],
      '/api/v1/offices': ['get'],
      '/api/v1/records': ['get', 'post'],
      '/api/v1/records/{id}': ['get', 'patch'],
      '/api/v1/records/{id}/history': ['get'],
      '/api/v1/records/{id}/{action}': ['post'],
      '/api/v1/act-kinds': ['get'],
    };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(Object.keys(expected)));
    for (const [p, methods] of Object.entries(expected)) {
      for (const m of methods) expect(doc.paths[p]?.[m], `${m.toUpperCase()} ${p}`).toBeDefined();
    }
    // internal routes stay out of it
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
    expect(doc.paths['/health']).toBeUndefined();
  });

  it('names the path parameters and the transition actions', () => {
    const action = doc.paths['/api/v1/records/{id}/{action}']!.post!;
    const params = Object.fromEntries((action.parameters ?? []).map((p) => [p.name, p]));
    expect(params.id).toMatchObject({ in: 'path', required: true });
    expect(params.action).toMatchObject({ in: 'path', required: true });
    expect(params.action!.schema.enum).toEqual(['submit', 'validate', 'reject', 'register', 'cancel']);
  });

  it('names the headers a write takes: If-Match required on an edit, Idempotency-Key on every write', () => {
    const headers = (path: string, method: string) =>
      Object.fromEntries(
        ((doc.paths[path]?.[method]?.parameters ?? []) as { in: string; name: string; required?: boolean }[])
          .filter((p) => p.in === 'header')
          .map((p) => [p.name.toLowerCase(), p]),
      );
    expect(headers('/api/v1/records/{id}', 'patch')['if-match']).toMatchObject({ required: true });
    expect(headers('/api/v1/records/{id}/{action}', 'post')['if-match']).toMatchObject({ required: false });
    for (const [path, method] of [
      ['/api/v1/records', 'post'],
      ['/api/v1/records/{id}', 'patch'],
      ['/api/v1/blanks/batches', 'post'],
      ['/api/v1/blanks/transfers', 'post'],
    ] as const)
      expect(headers(path, method)['idempotency-key'], `${method} ${path}`).toMatchObject({
        required: false,
      });
    // reads and sign-in take neither
    expect(headers('/api/v1/records', 'get')).toEqual({});
    expect(headers('/api/v1/auth/login', 'post')).toEqual({});
  });

  it('gives the public checks, reads sent by POST that keep no answer, no Idempotency-Key', () => {
    for (const path of ['/api/v1/verify', '/api/v1/verify/by-number']) {
      const names = (doc.paths[path]?.post?.parameters ?? []).map((p) => p.name.toLowerCase());
      expect(names, path).not.toContain('idempotency-key');
    }
  });

  it('says which operations need no session: the public ones, and only they', async () => {
    const anonymous = t.anonymous();
    const open = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => (op as { security?: unknown[] }).security?.length === 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(open).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/auth/session', 'POST /api/v1/verify']),
    );
    expect(open).not.toContain('POST /api/v1/auth/logout');
    expect((await anonymous.get('/api/v1/auth/session')).status).toBe(200);
    expect((await anonymous.post('/api/v1/auth/logout')).status).toBe(401);
  });

  it('lists 414 on every operation with a path parameter, as the router answers an over-long one', async () => {
    const named = Object.entries(doc.paths)
      .filter(([path]) => /\{(?!\*)[^}]+\}/.test(path))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(named.length).toBeGreaterThan(20);
    for (const { path, method, op } of named)
      expect(Object.keys((op as { responses: object }).responses), `${method} ${path}`).toContain('414');
    const res = await front.post(`/api/v1/blanks/${'9'.repeat(120)}/spoil`, { reason: 'Коғаз дарида шуд' });
    expect(res.status).toBe(414);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('bounds the Idempotency-Key as the server does: 1 to 200 characters', async () => {
    const key = doc.paths['/api/v1/records']!.post!.parameters!.find((p) => p.name === 'idempotency-key')!;
    expect(key.schema).toMatchObject({ minLength: 1, maxLength: 200 });
    const res = await front.post('/api/v1/records', { kind: 'BIRTH', data: {} }, { 'idempotency-key': '' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('carries one example per act kind for POST /records, each complete and valid as is', async () => {
    const content = doc.paths['/api/v1/records']!.post!.requestBody!.content['application/json']!;
    expect(content.schema.properties.kind!.enum).toEqual(KINDS);
    const examples = Object.values(content.examples ?? {}).map((e) => e.value);
    expect(examples.map((e) => e.kind).sort()).toEqual([...KINDS].sort());
    const problems = [];
    for (const example of examples) {
      const { record, problem } = await createAndSubmit(example);
      if (problem) {
        // Divorce, adoption and paternity cite an earlier record that a fresh registry does not hold:
        // their data is complete and valid, and only the check against the registry stops them.
        const cites = ['DIVORCE', 'ADOPTION', 'PATERNITY'].includes(example.kind);
        if (cites && problem.step === 'submit' && problem.body.key === 'problem.registryCheck') {
          const list = await front.get(`/api/v1/records?kind=${example.kind}&status=draft&limit=1`);
          const draft = await front.get(`/api/v1/records/${list.body.items[0].id}`);
          expect(draft.body.check).toMatchObject({ complete: true, errors: [] });
          continue;
        }
        problems.push(problem);
        continue;
      }
      expect(record.kind).toBe(example.kind);
      expect(record.data).toEqual(example.data);
      expect(record.check).toMatchObject({ complete: true, errors: [] });
    }
    expect(problems).toEqual([]);
  });
});

describe('the API docs page', () => {
  it('serves HTML without a login', async () => {
    const res = await t.anonymous().get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(String(res.body)).toMatch(/swagger/i);
  });
});

describe('GET /api/v1/act-kinds', () => {
  it('lists BIRTH and DEATH with a schema version, a JSON Schema and an example that validates', async () => {
    const res = await front.get('/api/v1/act-kinds');
    expect(res.status).toBe(200);
    const items: {
      code: string;
      schemaVersion: number;
      jsonSchema: { type: string; properties?: Record<string, unknown> };
      example: unknown;
      labels: unknown;
    }[] = res.body.items;
    expect(items.map((i) => i.code)).toEqual(expect.arrayContaining(['BIRTH', 'DEATH']));
    expect(items.map((i) => i.code)).toEqual(KINDS);
    for (const item of items) {
      expect(Number.isInteger(item.schemaVersion) && item.schemaVersion >= 1).toBe(true);
      expect(item.jsonSchema.type).toBe('object');
      expect(Object.keys(item.jsonSchema.properties ?? {}).length).toBeGreaterThan(0);
      expect(item.example).toBeTypeOf('object');
      expect(item.labels).toBeTruthy();
    }
    for (const code of ['BIRTH', 'DEATH']) {
      const item = items.find((i) => i.code === code)!;
      const { record, problem } = await createAndSubmit({ kind: code, data: item.example });
      expect(problem).toBeUndefined();
      expect(record.schemaVersion).toBe(item.schemaVersion);
    }
    const birth = items.find((i) => i.code === 'BIRTH')!;
    expect(Object.keys(birth.jsonSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['child', 'mother']),
    );
    const death = items.find((i) => i.code === 'DEATH')!;
    expect(Object.keys(death.jsonSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['deceased', 'death']),
    );
  });

  it('needs a session', async () => {
    const res = await t.anonymous().get('/api/v1/act-kinds');
    expect(res.status).toBe(401);
  });
});
