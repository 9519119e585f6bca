import { randomUUID } from 'node:crypto';
import { ACT_KIND_DEFINITIONS, birthKind, deathKind } from '@sabt/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthData } from '../../test/fixtures.ts';
import { type Client, type Response, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let front: Client;
let back: Client;

beforeAll(async () => {
  t = await startTestApp();
  [front, back] = await Promise.all([t.as('front'), t.as('back')]);
});
afterAll(() => t.close());

/** Letters found in Tajik Cyrillic but not in Russian. */
const TAJIK_LETTERS = /[ҒғӢӣҚқӮӯҲҳҶҷ]/;

function expectProblem(res: Response, status: number, key: string) {
  expect(res.status).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.body.key).toBe(key);
  expect(res.body.status).toBe(status);
  expect(res.body.type).toMatch(/^https:\/\//);
  expect(typeof res.body.title).toBe('string');
}

function errorAt(res: Response, path: string) {
  const found = (res.body.errors ?? []).filter((e: { path: string }) => e.path === path);
  expect(found, `errors at ${path} in ${JSON.stringify(res.body.errors)}`).toHaveLength(1);
  return found[0] as { path: string; key: string; message: string; params?: Record<string, unknown> };
}

async function recordCount() {
  const res = await back.get('/api/v1/records?limit=1');
  expect(res.status).toBe(200);
  return res.body.total as number;
}

async function newDraft(): Promise<{ id: string; etag: string }> {
  const res = await front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
  expect(res.status).toBe(201);
  return { id: res.body.id, etag: res.headers.etag as string };
}

describe('malformed requests', () => {
  it.each([
    ['a truncated object', '{"kind": "BIRTH", "data": {'],
    ['a trailing comma', '{"kind": "BIRTH", "data": {},}'],
    ['single quotes', "{'kind': 'BIRTH'}"],
    ['bare words', 'kind=BIRTH'],
    ['an empty body', ''],
  ])('%s is a 400 malformedJson problem', async (_label, payload) => {
    const before = await recordCount();
    const res = await front.raw('POST', '/api/v1/records', payload);
    expectProblem(res, 400, 'problem.malformedJson');
    expect(await recordCount()).toBe(before);
  });

  it('malformed JSON on PATCH is a 400 too', async () => {
    const { id, etag } = await newDraft();
    const res = await front.raw('PATCH', `/api/v1/records/${id}`, '{"data": {"child": ', {
      'if-match': etag,
    });
    expectProblem(res, 400, 'problem.malformedJson');
  });

  it('a body that is not JSON at all is refused as an unsupported media type', async () => {
    const res = await front.raw('POST', '/api/v1/records', '<record kind="BIRTH"/>', {
      'content-type': 'application/xml',
    });
    expectProblem(res, 415, 'problem.unsupportedMediaType');
  });

  it('a body over the size limit is a 413', async () => {
    const res = await front.raw(
      'POST',
      '/api/v1/records',
      JSON.stringify({ kind: 'BIRTH', data: { x: 'a'.repeat(1_200_000) } }),
    );
    expectProblem(res, 413, 'problem.payloadTooLarge');
  });

  it('a JSON value that is not an object is a 400 validation problem', async () => {
    for (const body of [null, [], 'BIRTH', 42, true]) {
      const res = await front.post('/api/v1/records', body);
      expectProblem(res, 400, 'problem.validation');
    }
  });
});

describe('wrong values in data', () => {
  it('a wrong type is a 422 at the exact path with error.type', async () => {
    const res = await front.post('/api/v1/records', {
      kind: 'BIRTH',
      data: birthData({ child: { ...birthData().child, plurality: 'two' as never } }),
    });
    expectProblem(res, 422, 'problem.validation');
    const e = errorAt(res, 'data.child.plurality');
    expect(e.key).toBe('error.type');
    expect(res.body.errors).toHaveLength(1);
  });

  it('other wrong types and choices are each reported where they are', async () => {
    const res = await front.post('/api/v1/records', {
      kind: 'BIRTH',
      data: { child: { liveBorn: 'yes', sex: 'X', surname: 42 }, mother: 'Каримова' },
    });
    expect(res.status).toBe(422);
    expect(errorAt(res, 'data.child.liveBorn').key).toBe('error.type');
    expect(errorAt(res, 'data.child.sex').key).toBe('error.choice');
    expect(errorAt(res, 'data.child.surname').key).toBe('error.type');
    expect(errorAt(res, 'data.mother').key).toBe('error.type');
  });

  it('an impossible date (2023-02-29) is error.date.invalid at its path', async () => {
    const res = await front.post('/api/v1/records', {
      kind: 'BIRTH',
      data: birthData({ child: { ...birthData().child, birthDate: '2023-02-29' } }),
    });
    expectProblem(res, 422, 'problem.validation');
    expect(errorAt(res, 'data.child.birthDate').key).toBe('error.date.invalid');
    const mother = await front.post('/api/v1/records', {
      kind: 'BIRTH',
      data: { mother: { ...birthData().mother, birthDate: '1996-13-01' } },
    });
    expect(mother.status).toBe(422);
    expect(errorAt(mother, 'data.mother.birthDate').key).toBe('error.date.invalid');
  });

  it('a 100 KB string is error.tooLong, and no record is made', async () => {
    const id = randomUUID();
    const before = await recordCount();
    const res = await front.post('/api/v1/records', {
      id,
      kind: 'BIRTH',
      data: birthData({ child: { ...birthData().child, name: 'Ф'.repeat(100_000) } }),
    });
    expectProblem(res, 422, 'problem.validation');
    const e = errorAt(res, 'data.child.name');
    expect(e.key).toBe('error.tooLong');
    expect(e.params).toEqual({ max: 100 });
    // the answer does not echo the huge value back
    expect(JSON.stringify(res.body).length).toBeLessThan(5_000);
    expect(await recordCount()).toBe(before);
    expectProblem(await back.get(`/api/v1/records/${id}`), 404, 'problem.notFound');
  });

  it('an unknown field inside data is a 422 with error.unknownField at its path', async () => {
    const res = await front.post('/api/v1/records', {
      kind: 'BIRTH',
      data: { ...birthData(), child: { ...birthData().child, nickname: 'Фара' }, remarks: 'x' },
    });
    expectProblem(res, 422, 'problem.validation');
    expect(errorAt(res, 'data.child.nickname').key).toBe('error.unknownField');
    expect(errorAt(res, 'data.remarks').key).toBe('error.unknownField');
  });

  it('a death with a wrong ICD-10 code is refused at data.cause.lines.0.icd10', async () => {
    const data = structuredClone(deathKind.example) as { cause: { lines: { icd10?: string }[] } };
    data.cause.lines[0]!.icd10 = 'heart';
    const res = await front.post('/api/v1/records', { kind: 'DEATH', data });
    expect(res.status).toBe(422);
    expect(errorAt(res, 'data.cause.lines.0.icd10').key).toBe('error.icd10');
  });
});

describe('wrong requests', () => {
  it('an unknown field at the top level is a 400 with error.unknownField', async () => {
    const before = await recordCount();
    const res = await front.post('/api/v1/records', {
      kind: 'BIRTH',
      data: birthData(),
      status: 'registered',
    });
    expectProblem(res, 400, 'problem.validation');
    const e = errorAt(res, 'status');
    expect(e.key).toBe('error.unknownField');
    expect(await recordCount()).toBe(before);
    const { id, etag } = await newDraft();
    const patch = await front.patch(`/api/v1/records/${id}`, { data: {}, revision: 7 }, { 'if-match': etag });
    expectProblem(patch, 400, 'problem.validation');
    expect(errorAt(patch, 'revision').key).toBe('error.unknownField');
  });

  it.each(['CENSUS', 'birth', 'UNKNOWN', 'BIRTH '])(
    'the kind %j is refused with a 400 at kind',
    async (kind) => {
      const res = await front.post('/api/v1/records', { kind, data: {} });
      expectProblem(res, 400, 'problem.validation');
      expect(errorAt(res, 'kind').key).toBe('error.choice');
    },
  );

  it('a missing kind or data is a 400 error.required', async () => {
    const res = await front.post('/api/v1/records', {});
    expectProblem(res, 400, 'problem.validation');
    expect(errorAt(res, 'kind').key).toBe('error.required');
    expect(errorAt(res, 'data').key).toBe('error.required');
    const blank = await front.post('/api/v1/records', { kind: '', data: {} });
    expectProblem(blank, 400, 'problem.validation');
    expect(errorAt(blank, 'kind').key).toBe('error.required');
  });

  it('a client id that is not a UUID is a 400 at id', async () => {
    const res = await front.post('/api/v1/records', { id: 'record-1', kind: 'BIRTH', data: birthData() });
    expectProblem(res, 400, 'problem.validation');
    expect(errorAt(res, 'id').key).toBe('error.uuid');
  });

  it.each([
    ['GET', '/api/v1/records/123'],
    ['GET', '/api/v1/records/123/history'],
    ['GET', `/api/v1/records/${encodeURIComponent("1' OR '1'='1")}`],
    ['GET', '/api/v1/records/00000000-0000-0000-0000-00000000000g'],
    ['POST', '/api/v1/records/not-a-uuid/submit'],
    ['PATCH', '/api/v1/records/not-a-uuid'],
  ])('%s %s (an id that is not a UUID) is a 400 at params.id', async (method, url) => {
    const res =
      method === 'GET'
        ? await back.get(url)
        : method === 'PATCH'
          ? await front.patch(url, { data: {} }, { 'if-match': '"1"' })
          : await front.post(url);
    expectProblem(res, 400, 'problem.validation');
    expect(errorAt(res, 'params.id').key).toBe('error.uuid');
  });

  it('an unknown action in the URL is a 400 at params.action', async () => {
    const { id } = await newDraft();
    const res = await front.post(`/api/v1/records/${id}/approve`);
    expectProblem(res, 400, 'problem.validation');
    expect(errorAt(res, 'params.action').key).toBe('error.choice');
  });

  it('a well-formed id of no record is a 404', async () => {
    expectProblem(await back.get(`/api/v1/records/${randomUUID()}`), 404, 'problem.notFound');
    expectProblem(await front.post(`/api/v1/records/${randomUUID()}/submit`), 404, 'problem.notFound');
    expectProblem(
      await front.patch(`/api/v1/records/${randomUUID()}`, { data: {} }, { 'if-match': '"1"' }),
      404,
      'problem.notFound',
    );
  });

  it('bad list parameters are 400s at querystring.*', async () => {
    const res = await back.get('/api/v1/records?limit=abc&status=lost&sort=name');
    expectProblem(res, 400, 'problem.validation');
    expect(errorAt(res, 'querystring.limit').key).toBe('error.type');
    expect(errorAt(res, 'querystring.status').key).toBe('error.choice');
    expect(errorAt(res, 'querystring.sort').key).toBe('error.choice');
    expect(errorAt(await back.get('/api/v1/records?limit=500'), 'querystring.limit').key).toBe(
      'error.tooBig',
    );
    expect(errorAt(await back.get('/api/v1/records?surname=x'), 'querystring.surname').key).toBe(
      'error.unknownField',
    );
  });

  it('an unknown route is a 404 problem', async () => {
    expectProblem(await back.get('/api/v1/no-such-thing'), 404, 'problem.notFound');
  });
});

describe('editing with If-Match', () => {
  it('a stale If-Match is a 412 carrying the current revision, and the data is unchanged', async () => {
    const { id, etag } = await newDraft();
    expect(etag).toBe('"1"');
    const ok = await front.patch(
      `/api/v1/records/${id}`,
      { data: { child: { name: 'Нозия' } } },
      { 'if-match': etag },
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    for (const stale of ['"1"', '"3"', 'W/"1"', 'garbage']) {
      const res = await front.patch(
        `/api/v1/records/${id}`,
        { data: { child: { name: 'Малика' } } },
        { 'if-match': stale },
      );
      expectProblem(res, 412, 'problem.preconditionFailed');
      expect(res.body.revision).toBe(2);
    }
    const now = await back.get(`/api/v1/records/${id}`);
    expect(now.body.data.child.name).toBe('Нозия');
    expect(now.body.revision).toBe(2);
    const history = await back.get(`/api/v1/records/${id}/history`);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['create', 'edit']);
    // a weak ETag of the current revision is accepted
    const weak = await front.patch(
      `/api/v1/records/${id}`,
      { data: { child: { name: 'Малика' } } },
      { 'if-match': 'W/"2"' },
    );
    expect(weak.status).toBe(200);
  });

  it('a missing If-Match is a 428 and changes nothing', async () => {
    const { id } = await newDraft();
    const res = await front.patch(`/api/v1/records/${id}`, { data: { child: { name: 'Малика' } } });
    expectProblem(res, 428, 'problem.preconditionRequired');
    const now = await back.get(`/api/v1/records/${id}`);
    expect(now.body.data.child.name).toBe('Фарзона');
    expect(now.body.revision).toBe(1);
  });

  it('a PATCH to a submitted record is a 409', async () => {
    const { id } = await newDraft();
    const submitted = await front.post(`/api/v1/records/${id}/submit`);
    expect(submitted.status).toBe(200);
    const res = await front.patch(
      `/api/v1/records/${id}`,
      { data: { child: { name: 'Малика' } } },
      {
        'if-match': submitted.headers.etag as string,
      },
    );
    expectProblem(res, 409, 'problem.transitionNotAllowed');
    const now = await back.get(`/api/v1/records/${id}`);
    expect(now.body.status).toBe('submitted');
    expect(now.body.data.child.name).toBe('Фарзона');
  });

  it('a patch that makes the data wrong is a 422 and is not saved', async () => {
    const { id, etag } = await newDraft();
    const before = await back.get(`/api/v1/records/${id}`);
    const res = await front.patch(
      `/api/v1/records/${id}`,
      { data: { child: { birthDate: '2023-02-29' } } },
      { 'if-match': etag },
    );
    expect(res.status).toBe(422);
    expect(errorAt(res, 'data.child.birthDate').key).toBe('error.date.invalid');
    const now = await back.get(`/api/v1/records/${id}`);
    expect(now.body.data.child.birthDate).toBe(before.body.data.child.birthDate);
    expect(now.body.revision).toBe(1);
  });
});

describe('the language of errors', () => {
  const wrong = {
    kind: 'BIRTH',
    data: birthData({ child: { ...birthData().child, plurality: 'two' as never } }),
  };

  it('follows Accept-Language: Tajik by default, Russian and English on request', async () => {
    const tg = await front.post('/api/v1/records', wrong);
    const tgExplicit = await front.post('/api/v1/records', wrong, { 'accept-language': 'tg' });
    const ru = await front.post('/api/v1/records', wrong, { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' });
    const en = await front.post('/api/v1/records', wrong, { 'accept-language': 'en-GB' });
    for (const r of [tg, tgExplicit, ru, en]) expect(r.status).toBe(422);
    const msg = (r: Response) => errorAt(r, 'data.child.plurality').message;
    expect(msg(tg)).toBe(msg(tgExplicit));
    expect(new Set([msg(tg), msg(ru), msg(en)]).size).toBe(3);
    expect(new Set([tg.body.title, ru.body.title, en.body.title]).size).toBe(3);
    expect(msg(tg)).toMatch(TAJIK_LETTERS);
    expect(msg(tg)).toContain('Қимати нодуруст');
    expect(msg(ru)).toContain('Неверное значение');
    expect(msg(ru)).not.toMatch(TAJIK_LETTERS);
    expect(ru.body.title).toContain('Данные неверны');
    expect(msg(en)).toMatch(/^Wrong kind of value/);
    expect(msg(en)).not.toMatch(/[А-Яа-яЁё]/);
    // the key and path do not depend on the language
    expect(errorAt(ru, 'data.child.plurality').key).toBe('error.type');
    expect(errorAt(en, 'data.child.plurality').key).toBe('error.type');
  });

  it('falls back to Tajik for a language it does not speak, and honours q-values', async () => {
    const fr = await front.post('/api/v1/records', wrong, { 'accept-language': 'fr-FR,de;q=0.8' });
    expect(fr.body.title).toContain('Маълумот нодуруст');
    const preferEn = await front.post('/api/v1/records', wrong, { 'accept-language': 'ru;q=0.3, en;q=0.9' });
    expect(preferEn.body.title).toBe('The data is not valid: correct the fields shown.');
  });

  it.each([
    [
      'malformed JSON',
      () => front.raw('POST', '/api/v1/records', '{', { 'accept-language': 'ru' }),
      'Запрос не прочитан',
    ],
    [
      'not found',
      () => back.get(`/api/v1/records/${randomUUID()}`, { 'accept-language': 'ru' }),
      'Не найдено',
    ],
    [
      'signed out',
      () => t.anonymous().get('/api/v1/records', { 'accept-language': 'ru' }),
      'Войдите в систему',
    ],
    ['a bad id', () => back.get('/api/v1/records/123', { 'accept-language': 'ru' }), 'Данные неверны'],
  ])('%s is explained in Russian when asked', async (_label, send, words) => {
    const res = await send();
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(res.body.title).toContain(words);
    expect(res.body.title).not.toMatch(TAJIK_LETTERS);
  });

  it('field messages are filled in (no {placeholders} left)', async () => {
    const res = await front.post(
      '/api/v1/records',
      { kind: 'BIRTH', data: { child: { name: 'Ф'.repeat(101), nickname: 'x' } } },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(422);
    expect(errorAt(res, 'data.child.name').message).toBe('Too long: at most 100 characters.');
    expect(errorAt(res, 'data.child.nickname').message).toBe('Unknown field “nickname”: remove it.');
    for (const e of res.body.errors) expect(e.message).not.toMatch(/\{\w+\}/);
  });
});

describe('strings the database cannot store', () => {
  // PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses lone UTF-16 surrogates.
  it('a NUL character in a name is a 4xx, not a 500', async () => {
    const before = await recordCount();
    const res = await front.post('/api/v1/records', {
      kind: 'BIRTH',
      data: birthData({ child: { ...birthData().child, name: 'Фар\u0000зона' } }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await recordCount()).toBe(before);
  });

  it('a lone surrogate in a name is a 4xx, not a 500', async () => {
    const res = await front.post('/api/v1/records', {
      kind: 'BIRTH',
      data: birthData({ child: { ...birthData().child, name: 'Фар\ud800зона' } }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('a NUL character in a PATCH is a 4xx and the draft is unchanged', async () => {
    const { id, etag } = await newDraft();
    const res = await front.patch(
      `/api/v1/records/${id}`,
      { data: { mother: { surname: 'Кари\u0000мова' } } },
      { 'if-match': etag },
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await back.get(`/api/v1/records/${id}`)).body.revision).toBe(1);
  });

  it('deeply nested data (3,000 levels, ~15 KB) is a 4xx, not a 500', async () => {
    const depth = 3_000;
    const nested = `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const post = await front.raw('POST', '/api/v1/records', `{"kind":"BIRTH","data":{"child":${nested}}}`);
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(post.status).toBeLessThan(500);
    const { id, etag } = await newDraft();
    const patch = await front.raw('PATCH', `/api/v1/records/${id}`, `{"data":{"child":${nested}}}`, {
      'if-match': etag,
    });
    expect(patch.status).toBeGreaterThanOrEqual(400);
    expect(patch.status).toBeLessThan(500);
  });
});

describe('no input makes the server fail (property)', () => {
  type Path = (string | number)[];

  function pathsOf(value: unknown, at: Path = []): Path[] {
    const out: Path[] = at.length > 0 ? [at] : [];
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value))
        out.push(...pathsOf(v, [...at, Array.isArray(value) ? Number(k) : k]));
    }
    return out;
  }

  /** A copy of `root` with the value at `path` replaced (or removed when `value` is undefined). */
  function setAt(root: unknown, path: Path, value: unknown): unknown {
    const copy = structuredClone(root) as Record<string | number, unknown>;
    let cur = copy;
    for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (value === undefined) delete cur[last];
    else cur[last] = value;
    return copy;
  }

  /** Every act kind the server knows, with its valid example. */
  const examples: Record<string, unknown> = Object.fromEntries(
    ACT_KIND_DEFINITIONS.map((k) => [k.code, k.example]),
  );
  const kind = fc.constantFrom(...Object.keys(examples));
  /** More runs for a deeper search: SABT_FUZZ_RUNS=2000 npx vitest run … */
  const runs = (n: number) => Number(process.env.SABT_FUZZ_RUNS ?? n);
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('2023-02-29', '1999', 'TJ', 'DU-03', 'Ф'.repeat(300)),
  );
  const json = fc.jsonValue({ maxDepth: 4 });
  const anyValue = fc.oneof(json, text, fc.integer(), fc.double(), fc.constant(null));
  /** The valid example with one value, anywhere in it, replaced or removed. */
  const mutated = kind.chain((k) =>
    fc.record({
      kind: fc.constant(k),
      data: fc
        .tuple(fc.constantFrom(...pathsOf(examples[k])), fc.option(anyValue, { nil: undefined }))
        .map(([p, v]) => setAt(examples[k], p, v)),
    }),
  );
  const randomData = fc.record({
    kind: fc.oneof(kind, text),
    data: fc.dictionary(text, anyValue, { maxKeys: 6 }),
  });
  const randomBody = fc.oneof(
    json,
    randomData,
    mutated,
    fc.record({ kind, data: anyValue, id: fc.oneof(fc.uuid(), text) }, { requiredKeys: [] }),
  );

  const check = (res: Response, input: unknown) =>
    expect(
      res.status,
      `${res.status} for ${JSON.stringify(input).slice(0, 500)}: ${JSON.stringify(res.body)}`,
    ).toBeLessThan(500);

  it('POST /records answers every random JSON body with less than 500', async () => {
    await fc.assert(
      fc.asyncProperty(randomBody, async (body) => {
        const res = await front.post('/api/v1/records', body);
        check(res, body);
        if (res.status >= 400)
          expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: runs(100) },
    );
  });

  it('PATCH /records/{id} answers every random merge patch with less than 500', async () => {
    let { id, etag } = await newDraft();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          json,
          fc.record({ data: fc.dictionary(text, anyValue, { maxKeys: 5 }) }),
          mutated.map((m) => ({ data: m.data })),
        ),
        async (body) => {
          const res = await front.patch(`/api/v1/records/${id}`, body, { 'if-match': etag });
          check(res, body);
          if (res.status === 200) etag = res.headers.etag as string;
          if (res.status === 412) ({ id, etag } = await newDraft());
        },
      ),
      { numRuns: runs(50) },
    );
  });

  it('no string of any code units makes the server fail', async () => {
    const anyUnit = fc.oneof(
      fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', '\ufeff'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    const nasty = fc.string({ unit: anyUnit, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pathsOf(birthKind.example)), nasty, async (path, value) => {
        const body = { kind: 'BIRTH', data: setAt(birthKind.example, path, value) };
        check(await front.post('/api/v1/records', body), body);
      }),
      { numRuns: 40 },
    );
  });
});
