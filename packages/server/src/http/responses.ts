import { problemSchema } from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** What each error status means in this API; every one is problem+json. */
const PROBLEMS = {
  400: 'The request does not fit its schema, or its JSON is malformed: field errors with message keys',
  401: 'No session, or it has ended',
  403: 'Your role or office may not do this, or a signed-in write came from another site',
  404: 'No such thing in your jurisdiction',
  409: 'The registry refuses it as things stand (the workflow, a possible duplicate, a blank taken …)',
  412: 'If-Match does not name the current revision: read the record again',
  413: 'The body is too large',
  414: 'A path parameter is longer than any this API takes',
  415: 'The body is not JSON',
  422: 'The data is well formed but breaks a rule (field errors with message keys)',
  428: 'If-Match is required',
  429: 'Too many requests, or too many wrong sign-ins: wait as long as Retry-After says',
  500: 'Our fault: the error is logged',
} as const;
export type ProblemStatus = keyof typeof PROBLEMS;

const problem = (status: ProblemStatus) => ({
  description: PROBLEMS[status],
  content: { 'application/problem+json': { schema: problemSchema } },
});

/** The problem+json answers of a route, by status. */
export function problems<S extends ProblemStatus>(...statuses: S[]) {
  return Object.fromEntries(statuses.map((s) => [s, problem(s)])) as Record<S, ReturnType<typeof problem>>;
}

/** A signed-in read: what it asked may not fit, be someone else's or not exist. */
export const READ_PROBLEMS = problems(400, 401, 403, 404, 500);
/** A signed-in write with a JSON body. */
export const WRITE_PROBLEMS = problems(400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 500);

/** A binary answer (a PDF). */
export const pdfResponse = (description: string) => ({
  description,
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
});

/** An answer with no body (the document then names no content). */
export const noContent = (description: string) => z.null().describe(description);

/**
 * A route's answers by status, for the OpenAPI document. The handlers' return types are not bound
 * to them (rows from the database carry plain strings where the schemas name enums): the contract
 * test (routes/openapi-contract.test.ts) checks every real answer against its schema instead.
 */
export function responses(byStatus: Record<number, unknown>): Record<number, unknown> {
  return byStatus;
}

/** A signed-in read's answers: `schema` with 200, or one of READ_PROBLEMS. */
export const readAnswers = (schema: unknown) => responses({ 200: schema, ...READ_PROBLEMS });

/** A signed-in write's answers: `schema` with 200 (201 where it made something), or one of WRITE_PROBLEMS. */
export const writeAnswers = (schema: unknown, status: 200 | 201 = 200) =>
  responses({ [status]: schema, ...WRITE_PROBLEMS });

/**
 * A route's entry in the API document under its tag: `doc('Summary', { params, body, response })`
 * is `{ schema: { tags: [tag], summary, params, body, response } }`; `options` adds route config.
 */
export function routeDoc(tag: string) {
  return <S extends object, C extends object = object>(
    summary: string,
    schema: S,
    options?: { config: C },
  ) => ({
    schema: { tags: [tag], summary, ...schema },
    ...(options ?? {}),
  });
}

/**
 * A route file's opening: the router that reads params, query and body through their zod schemas
 * (`r`), and `doc` for its routes' entries under `tag` in the API document.
 */
export function documentedRoutes(app: FastifyInstance, tag: string) {
  return { r: app.withTypeProvider<ZodTypeProvider>(), doc: routeDoc(tag) };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A route's entry in the API document, with the headers a write takes, which the handlers read
 * themselves (so a missing If-Match is a 428, not a schema error): Idempotency-Key on every signed-in
 * write, If-Match required on a draft's edit (PATCH) and optional on a record's workflow steps. The
 * public checks (no sign-in) are reads sent by POST: they keep nothing a retry could get again. A
 * public route (config `public`) needs no session: its security is empty. A route with a named path
 * parameter may answer 414 (the router's limit on its length).
 */
export const documentTransform: typeof jsonSchemaTransform = (input) => {
  // the router refuses an over-long path parameter (414) before any route sees it
  const route = input.schema as { response?: Record<string, unknown> } | undefined;
  const named = /\/:/.test(input.url) && route?.response && !(414 in route.response);
  const transformed = jsonSchemaTransform(
    named ? { ...input, schema: { ...route, response: { ...route.response, ...problems(414) } } } : input,
  );
  const method = [input.route.method].flat()[0]?.toUpperCase() ?? '';
  const open = (input.route.config as { public?: boolean } | undefined)?.public === true;
  // a route reachable without a session says so (the document's default is the session cookie)
  const out =
    open && transformed.schema && !('security' in transformed.schema)
      ? { ...transformed, schema: { ...transformed.schema, security: [] } }
      : transformed;
  if (!WRITE_METHODS.has(method) || open || input.url.startsWith('/api/v1/auth/')) return out;
  const properties: Record<string, unknown> = {
    'idempotency-key': {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'Any string unique to this request: a retry with the same key gets the first answer',
    },
  };
  const required: string[] = [];
  if (method === 'PATCH' || input.url.startsWith('/api/v1/records/:id/')) {
    properties['if-match'] = {
      type: 'string',
      description: 'The ETag of the revision this write changes; a changed record answers 412',
    };
    if (method === 'PATCH') required.push('if-match');
  }
  const schema = out.schema as { headers?: { properties?: Record<string, unknown>; required?: string[] } };
  const headers = schema.headers ?? {};
  return {
    ...out,
    schema: {
      ...schema,
      headers: {
        type: 'object',
        ...headers,
        properties: { ...(headers.properties ?? {}), ...properties },
        required: [...(headers.required ?? []), ...required],
      },
    },
  };
};
