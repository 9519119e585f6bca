import { isMessageKey, MESSAGES, pickLocale } from '@sabt/core';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import fc from 'fast-check';
import { generateSync, type JsonSchema } from 'json-schema-faker';

/**
 * Requests generated from the OpenAPI document, and what an answer to one must be. The values come
 * from the document's own schemas (json-schema-faker, seeded by fast-check), the examples it
 * carries, and the pools of real ids a test gives; a quarter have hostile text (NUL, lone surrogates,
 * control and bidirectional characters, injections) for every text; half are broken on purpose in
 * one place (a body of the wrong type, a required field left out, a field too long, an unknown
 * field, a path parameter or a query value that does not fit, malformed JSON, another content type,
 * a bad Idempotency-Key, a missing If-Match), each checked against the document to truly break it.
 */

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}
interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
export interface Operation {
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, { description: string; content?: Record<string, MediaType> }>;
}
export interface OpenApiDocument {
  security?: unknown[];
  paths: Record<string, Record<string, Operation>>;
}
export interface DocumentedOperation {
  method: string;
  path: string;
  op: Operation;
  /** Whether the document says the operation needs a session (its own security, else the document's). */
  signedIn: boolean;
}

/** Every operation of the document, as `METHOD /path`. */
export function operationsOf(doc: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      op,
      signedIn: (op.security ?? doc.security ?? []).length > 0,
    })),
  );
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const addFormats = addFormatsModule as unknown as FormatsPlugin;
/** Bodies and answers are checked as sent. */
const strictAjv = new Ajv2020({ allErrors: true, strict: false });
/** Path, query and header values are text that the server reads as the schema's type. */
const textAjv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: true });
for (const a of [strictAjv, textAjv]) {
  addFormats(a);
  a.addFormat('binary', true);
}
const compiled = new WeakMap<object, ValidateFunction>();
function validator(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = strictAjv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}
const textValidators = new WeakMap<object, ValidateFunction>();
function fitsText(schema: Schema, value: string | undefined, required: boolean): boolean {
  if (value === undefined) return !required;
  let v = textValidators.get(schema);
  if (!v) {
    v = textAjv.compile({ type: 'object', properties: { v: schema } });
    textValidators.set(schema, v);
  }
  return v({ v: value }) as boolean;
}
const fitsJson = (schema: Schema | undefined, value: unknown) =>
  !schema || (validator(schema)(value) as boolean);

/** What fast-check draws for one request; `realize` turns it into the request. */
export interface Draw {
  seed: number;
  user: string;
  language: string | undefined;
  /** Per parameter: sent (optional ones), taken from a pool (by index) or generated. */
  choices: number[];
  fromExample: boolean;
  /** Text as generated, or (one draw in four) every text of the body and the query made hostile. */
  hostile: boolean;
  key: 'fresh' | 'generated' | 'none';
  ifMatch: 'current' | 'generated' | 'none';
  /** The part broken on purpose, if any, and a number choosing how. */
  mutation: Mutation | null;
  how: number;
}

const MUTATIONS = [
  'body-type',
  'body-missing',
  'body-extra',
  'body-field-type',
  'body-too-long',
  'body-malformed',
  'body-content-type',
  'path-param',
  'query-value',
  'query-missing',
  'header-key',
  'header-if-match-missing',
] as const;
type Mutation = (typeof MUTATIONS)[number];

export interface GeneratedRequest {
  user: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** The part of the request that does not fit the document, or undefined when all of it does. */
  violates?: string;
}

/** What a run gives the generator: real ids, and the ETag of a record now. */
export interface RequestContext {
  /** Real values for a path parameter (record ids for /records/{id} …), or none. */
  pool(path: string, param: string): string[];
  /** The current ETag of the thing a path names, as `user` reads it (for a correct If-Match). */
  etag(user: string, path: string): Promise<string | undefined>;
}

const params = (op: Operation, where: Parameter['in']) => (op.parameters ?? []).filter((p) => p.in === where);
const jsonBody = (op: Operation): MediaType | undefined => op.requestBody?.content['application/json'];
const LANGUAGES = [undefined, 'tg', 'ru', 'en', 'ru-RU,ru;q=0.9,en;q=0.8', 'en-GB', 'de, en;q=0.5', 'fr'];

/** The mutations that can break something this operation takes. */
function mutationsOf({ op }: DocumentedOperation): Mutation[] {
  const body = jsonBody(op)?.schema as Schema | undefined;
  const top = (body?.properties ?? {}) as Record<string, Schema>;
  const all = MUTATIONS.filter((m) => {
    switch (m) {
      case 'body-type':
      case 'body-malformed':
      case 'body-content-type':
        return body !== undefined;
      case 'body-missing':
        return ((body?.required as string[] | undefined) ?? []).length > 0;
      case 'body-extra':
        return body?.additionalProperties === false;
      case 'body-field-type':
        return Object.keys(top).length > 0;
      case 'body-too-long':
        return Object.values(top).some((s) => typeof s.maxLength === 'number');
      case 'path-param':
        return params(op, 'path').some((p) => !p.schema.enum);
      case 'query-value':
        return params(op, 'query').length > 0;
      case 'query-missing':
        return params(op, 'query').some((p) => p.required);
      case 'header-key':
        return params(op, 'header').some((p) => p.name === 'idempotency-key');
      case 'header-if-match-missing':
        return params(op, 'header').some((p) => p.name === 'if-match' && p.required);
    }
    return false;
  });
  return all;
}

/** Draws for one operation: about half fit the document, half break it in one place. */
export function drawsFor(operation: DocumentedOperation, users: string[]): fc.Arbitrary<Draw> {
  const breakable = mutationsOf(operation);
  const n = operation.op.parameters?.length ?? 0;
  return fc.record({
    seed: fc.integer({ min: 1, max: 0x7fffffff }),
    user: fc.constantFrom(...users),
    language: fc.constantFrom(...LANGUAGES),
    choices: fc.array(fc.nat({ max: 1000 }), { minLength: n, maxLength: n }),
    fromExample: fc.boolean(),
    hostile: fc.constantFrom(false, false, false, true),
    key: fc.constantFrom('fresh', 'fresh', 'generated', 'none'),
    ifMatch: fc.constantFrom('current', 'current', 'generated', 'none'),
    mutation:
      breakable.length > 0 ? fc.option(fc.constantFrom(...breakable), { freq: 2 }) : fc.constant(null),
    how: fc.nat({ max: 1000 }),
  });
}

const generate = (schema: Schema, seed: number) =>
  generateSync(schema as JsonSchema, { seed, maxDefaultItems: 2, optionalsProbability: 0.5 });

/** A header value as HTTP can carry it (visible ASCII). */
const headerText = (v: unknown) => String(v).replace(/[^\x20-\x7e]/g, 'x');

/**
 * Text a careless or hostile client sends: what PostgreSQL cannot store (NUL, lone surrogates),
 * control and bidirectional characters, injections, look-alike digits and letters, a long text.
 */
const HOSTILE = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  'Али\u202eреза',
  '\u0007\u001b[31m',
  '\u200b',
  ' ',
  '😀👨‍👩‍👧',
  "'; DROP TABLE records; --",
  '%00%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'ж'.repeat(3000),
  '\\',
  '١٢٣',
  '𝟙𝟚',
  'Ｆｕｌｌ',
  '0',
  '-1',
];
/** A value with every text in it replaced by hostile text, chosen from `n` on. */
function roughen(value: unknown, n: { i: number }): unknown {
  if (typeof value === 'string') return HOSTILE[n.i++ % HOSTILE.length];
  if (Array.isArray(value)) return value.map((v) => roughen(v, n));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roughen(v, n)]));
  return value;
}

/** Values that break a JSON schema, in order of preference: the first that truly does is used. */
const WRONG_JSON: unknown[] = [[], 'text', 12345, true, null, {}, -1.5];
/** Path and query values that break a schema of text or numbers. */
const WRONG_TEXT = [
  '0x1F',
  ' 31',
  '31.0',
  '+31',
  '-1',
  'not-an-id',
  'ф',
  '1e3',
  '99999999999999999999',
  '',
  'x'.repeat(90),
  '9'.repeat(120),
];

function wrongJson(schema: Schema | undefined, how: number): unknown {
  const candidates = WRONG_JSON.filter((v) => !fitsJson(schema, v));
  return candidates.length ? candidates[how % candidates.length] : undefined;
}

/** Turns a draw into a request; `violates` says what (if anything) it breaks. */
export async function realize(
  { method, path, op }: DocumentedOperation,
  d: Draw,
  ctx: RequestContext,
): Promise<GeneratedRequest> {
  let violates: string | undefined;
  let choice = 0;
  const next = () => d.choices[choice++] ?? 0;

  // path parameters: a real id from the pool (three times in four), else generated from the schema
  const pathParams = params(op, 'path');
  const values: Record<string, string> = {};
  for (const p of pathParams) {
    const pool = ctx.pool(path, p.name);
    const c = next();
    values[p.name] =
      pool.length > 0 && c % 4 !== 0 ? pool[c % pool.length]! : String(generate(p.schema, d.seed + c));
  }
  if (d.mutation === 'path-param') {
    const breakable = pathParams.filter((p) => !p.schema.enum);
    const p = breakable[d.how % breakable.length]!;
    const wrong = WRONG_TEXT.filter((v) => !fitsText(p.schema, v, true));
    if (wrong.length) {
      values[p.name] = wrong[d.how % wrong.length]!;
      violates = `path parameter ${p.name} = ${JSON.stringify(values[p.name])}`;
    }
  }
  const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));

  // query: required parameters always, the others when drawn
  const query = new URLSearchParams();
  const queryParams = params(op, 'query');
  const sent: Record<string, string> = {};
  const rough = { i: d.how };
  for (const p of queryParams) {
    const c = next();
    if (!p.required && c % 2 === 0) continue;
    const value = generate(p.schema, d.seed + c);
    sent[p.name] =
      d.hostile && typeof value === 'string'
        ? String(roughen(value, rough)).replace(/[\ud800-\udfff]/g, '')
        : String(value);
    if (!fitsText(p.schema, sent[p.name], true))
      violates = `query ${p.name} = ${JSON.stringify(sent[p.name])}`;
  }
  if (d.mutation === 'query-value') {
    const p = queryParams[d.how % queryParams.length]!;
    const candidates = [
      ...WRONG_TEXT,
      'zz-nowhere',
      '1.5',
      'x'.repeat(((p.schema.maxLength as number) ?? 0) + 1),
    ];
    const wrong = candidates.filter((v) => !fitsText(p.schema, v, true));
    if (wrong.length) {
      sent[p.name] = wrong[d.how % wrong.length]!;
      violates = `query ${p.name} = ${JSON.stringify(sent[p.name])}`;
    }
  }
  if (d.mutation === 'query-missing') {
    const required = queryParams.filter((p) => p.required);
    const p = required[d.how % required.length]!;
    delete sent[p.name];
    violates = `query ${p.name} left out`;
  }
  for (const [k, v] of Object.entries(sent)) query.set(k, v);
  const search = query.toString();

  // headers: the language, the Idempotency-Key and If-Match as drawn
  const headers: Record<string, string> = {};
  if (d.language) headers['accept-language'] = d.language;
  for (const p of params(op, 'header')) {
    if (p.name === 'idempotency-key') {
      if (d.key === 'fresh') headers[p.name] = `k-${d.seed}-${d.how}-${next()}`;
      else if (d.key === 'generated') headers[p.name] = headerText(generate(p.schema, d.seed + next()));
      else next();
    } else if (p.name === 'if-match') {
      next();
      const etag = d.ifMatch === 'current' ? await ctx.etag(d.user, url) : undefined;
      if (etag) headers[p.name] = etag;
      else if (d.ifMatch !== 'none' || p.required) headers[p.name] = headerText(generate(p.schema, d.seed));
    } else if (p.required || next() % 2 === 1) {
      headers[p.name] = headerText(generate(p.schema, d.seed));
    }
  }
  if (d.mutation === 'header-key') {
    headers['idempotency-key'] = d.how % 2 === 0 ? 'k'.repeat(201) : '';
    violates = `Idempotency-Key of ${headers['idempotency-key'].length} characters`;
  }
  if (d.mutation === 'header-if-match-missing') {
    delete headers['if-match'];
    violates = 'If-Match left out';
  }

  // the body: the document's example or one generated from its schema, then broken if drawn
  let payload: string | undefined;
  const media = jsonBody(op);
  if (media) {
    const schema = media.schema;
    const examples = [media.example, ...Object.values(media.examples ?? {}).map((e) => e.value)].filter(
      (e) => e !== undefined,
    );
    let body: unknown =
      d.fromExample && examples.length > 0
        ? structuredClone(examples[d.seed % examples.length])
        : generate(schema ?? {}, d.seed);
    if (d.hostile) body = roughen(body, rough);
    if (!fitsJson(schema, body)) violates = `hostile text in the body ${JSON.stringify(body).slice(0, 120)}`;
    const top = (schema?.properties ?? {}) as Record<string, Schema>;
    const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
    const fields = Object.keys(top);
    switch (d.mutation) {
      case 'body-type': {
        const wrong = wrongJson(schema, d.how);
        if (wrong !== undefined) body = wrong;
        break;
      }
      case 'body-missing': {
        const required = (schema?.required as string[]) ?? [];
        if (isObject) delete (body as Record<string, unknown>)[required[d.how % required.length]!];
        else body = {};
        break;
      }
      case 'body-extra':
        body = { ...(isObject ? (body as object) : {}), unexpectedField: 1 };
        break;
      case 'body-field-type': {
        const f = fields[d.how % fields.length]!;
        const wrong = wrongJson(top[f], d.how);
        if (wrong !== undefined) body = { ...(isObject ? (body as object) : {}), [f]: wrong };
        break;
      }
      case 'body-too-long': {
        const limited = fields.filter((f) => typeof top[f]!.maxLength === 'number');
        const f = limited[d.how % limited.length]!;
        body = {
          ...(isObject ? (body as object) : {}),
          [f]: 'ж'.repeat((top[f]!.maxLength as number) + 1),
        };
        break;
      }
    }
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
    if (d.mutation?.startsWith('body-') && !fitsJson(schema, body)) {
      violates = `body ${payload.slice(0, 120)}`;
    }
    if (d.mutation === 'body-malformed') {
      payload = payload.slice(0, Math.max(1, payload.length - 1 - (d.how % 3)));
      violates = 'malformed JSON';
    }
    if (d.mutation === 'body-content-type') {
      headers['content-type'] = d.how % 2 === 0 ? 'text/plain' : 'application/x-www-form-urlencoded';
      violates = `content type ${headers['content-type']}`;
    }
  }

  return {
    user: d.user,
    method: method as GeneratedRequest['method'],
    url: search ? `${url}?${search}` : url,
    headers,
    ...(payload !== undefined ? { payload } : {}),
    ...(violates ? { violates } : {}),
  };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** A problem's title as the catalogue has it in `locale`, its parameters matching anything. */
function titleFits(key: string, title: string, locale: ReturnType<typeof pickLocale>): boolean {
  if (!isMessageKey(key)) return false;
  const template = MESSAGES[key][locale];
  const pattern = template
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${pattern}$`).test(title);
}

/**
 * What is wrong with an answer to a generated request, by the document: a server error; a status the
 * operation does not list; a success without the session the document requires; a content type or
 * body its schema does not describe; an error that is not
 * problem+json with a title in the asked language; a request that breaks the schema yet succeeded.
 */
export function answerFaults(
  { op, signedIn }: DocumentedOperation,
  req: GeneratedRequest,
  res: Answer,
): string[] {
  const faults: string[] = [];
  if (res.status >= 500) faults.push(`server error ${res.status}`);
  if (signedIn && req.user === 'anonymous' && res.status < 400)
    faults.push('answered without a session, where the document requires one');
  const described = op.responses[String(res.status)];
  if (!described) faults.push(`status ${res.status} is not documented`);
  const contentType = String(res.headers['content-type'] ?? '').split(';')[0]!;
  let body: unknown;
  if (contentType.endsWith('json')) {
    try {
      body = JSON.parse(res.body);
    } catch {
      faults.push('a JSON content type over a body that is not JSON');
    }
  }
  if (res.status >= 400) {
    if (contentType !== 'application/problem+json')
      faults.push(`an error as ${contentType || 'no content type'}`);
    const p = body as { key?: unknown; title?: unknown; status?: unknown } | undefined;
    const locale = pickLocale(req.headers['accept-language']);
    if (p?.status !== res.status) faults.push(`problem status ${p?.status} under HTTP ${res.status}`);
    if (typeof p?.key !== 'string' || typeof p.title !== 'string' || !titleFits(p.key, p.title, locale))
      faults.push(
        `problem title ${JSON.stringify(p?.title)} (key ${p?.key}) is not the catalogue's ${locale} text`,
      );
  }
  if (req.violates && res.status < 400)
    faults.push(`accepted a request that breaks the document: ${req.violates}`);
  if (described) {
    if (!described.content) {
      if (res.body.length > 0) faults.push('a body where the document names none');
    } else if (!described.content[contentType]) {
      faults.push(`content type ${contentType} is not one of ${Object.keys(described.content)}`);
    } else if (body !== undefined) {
      const validate = validator(described.content[contentType]!.schema ?? {});
      if (!validate(body)) {
        const errors = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath} ${e.message}`);
        faults.push(`answer does not fit its schema: ${errors.join('; ')}`);
      }
    }
  }
  return faults;
}

/** Whether a retry of this request with its Idempotency-Key must answer as the first did. */
export const retriable = (req: GeneratedRequest) =>
  WRITES.has(req.method) && req.headers['idempotency-key'] !== undefined;
