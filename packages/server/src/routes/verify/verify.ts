import { createPublicKey } from 'node:crypto';
import { LOCALES, type Locale, pickLocale, plainDate } from '@sabt/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listKeys } from '../../certificates/keys/key-store.ts';
import { MAX_PAYLOAD_LENGTH } from '../../certificates/keys/qr-payload.ts';
import {
  type NumberCheck,
  VERIFY_FAILURES,
  type VerifyResult,
  verifyByNumber,
  verifyCode,
} from '../../certificates/verify/verify.ts';
import { type PageInput, readPageInput, renderVerifyPage } from '../../certificates/verify/verify-page.ts';
import type { Config } from '../../config.ts';
import { readDb } from '../../db/read-replica.ts';
import type { RouteDeps } from '../../http/context.ts';
import { problems, responses } from '../../http/responses.ts';
import { auditRead } from '../../unit-of-work/write.ts';

/**
 * Public certificate checks (no sign-in): the JSON API under /api/v1/verify, the published keys
 * under /api/v1/keys, and the HTML page at /verify (and /verify/<code>, the short address printed
 * under the QR code). All of them share one limit of requests per minute from one address.
 */

const code = z
  .string()
  .trim()
  .min(1)
  .max(MAX_PAYLOAD_LENGTH * 3);
// a wildcard: payloads are longer than a path parameter may be (find-my-way's maxParamLength)
const payloadParams = z.strictObject({ '*': code });
const verifyBody = z
  .strictObject({
    code: code.describe(
      'the QR code text (SABT1.…), or the verification code printed under it (7KQ2M-X9D4G)',
    ),
  })
  .meta({ examples: [{ code: 'SABT1.eyJyIjoi….MEUCIQ…' }, { code: '7KQ2M-X9D4G' }] });
const numberBody = z
  .strictObject({
    series: z.string().trim().min(1).max(20).describe("the blank's series as printed (I-ДУ)"),
    number: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[№#\s]*[0-9][0-9\s/]*$/, { error: 'error.format' })
      .describe("the blank's number, with or without its leading zeros"),
    issuedOn: plainDate.describe('the date of issue printed on the certificate'),
  })
  .meta({ examples: [{ series: 'I-ДУ', number: '000123', issuedOn: '2026-03-14' }] });

const office = z.object({ id: z.string(), nameTg: z.string(), nameRu: z.string(), nameEn: z.string() });

const money = z.object({ currency: z.enum(['TJS', 'USD']), minor: z.int(), text: z.string() });

/** What a check of a code answers (VerifyResult). */
const verifyResultSchema = z.object({
  genuine: z.boolean(),
  status: z
    .enum(['valid', 'superseded', 'annulled', 'spoiled', 'refunded', 'corrected', 'unknown'])
    .describe(
      'a certificate: valid, superseded, annulled, spoiled; a fee receipt: valid (it stands), refunded (money was given back on its charge), corrected (the entry was undone); unknown: not confirmed',
    ),
  reason: z
    .enum(VERIFY_FAILURES)
    .optional()
    .describe(
      'why it is not confirmed: format, key, signature, key-validity, not-issued (a QR code); typo (a verification code whose check character fails); not-found (no certificate with this verification code, or this series, number and date)',
    ),
  document: z.string().optional(),
  certificateNumber: z.string().optional(),
  issuedOn: z.string().optional(),
  office: office.optional(),
  signatory: z
    .object({ title: z.string(), fullName: z.string() })
    .nullable()
    .optional()
    .describe("the office's signatory in force when it was issued (null: none was set then)"),
  names: z
    .array(z.string())
    .nullable()
    .optional()
    .describe('surname and initial of each person the document is about; null when sealed'),
  recordVersion: z.int().optional(),
  currentVersion: z.int().optional(),
  keyId: z.string().optional(),
  receipt: z
    .object({
      number: z.string().describe('<office numeric code>-<year>-<n>'),
      kind: z.enum(['payment', 'refund']),
      date: z.string().describe("the office's business day of the entry"),
      amount: money,
      service: z.string().describe('the service charged (the fee catalogue)'),
      refunded: money.optional().describe("what was given back on a payment's charge since"),
    })
    .optional()
    .describe("a fee receipt found by its verification code (no one's name)"),
});

const iso = z.string().nullable();
const keyStatus = z.enum(['active', 'retired']);

/** GET /keys: Sabt's published keys. */
const keysSchema = z.object({
  qrFormat: z.string(),
  root: z.array(
    z.object({
      id: z.string(),
      status: keyStatus,
      certificatePem: z.string().nullable(),
      validFrom: iso,
      validTo: iso,
    }),
  ),
  officeCertificates: z.array(
    z.object({
      id: z.string(),
      office: z.string().nullable(),
      status: keyStatus,
      issuer: z.string().nullable(),
      certificatePem: z.string().nullable(),
      validFrom: iso,
      validTo: iso,
      retiredAt: iso,
    }),
  ),
  qrKeys: z.array(
    z.object({
      id: z.string(),
      office: z.string().nullable(),
      algorithm: z.literal('Ed25519'),
      status: keyStatus,
      spkiPem: z.string(),
      jwk: z.looseObject({
        kty: z.string(),
        crv: z.string(),
        x: z.string(),
        kid: z.string(),
        alg: z.string(),
        use: z.string(),
      }),
      validFrom: iso,
      validTo: iso,
    }),
  ),
});

/**
 * One limit for every public check, counted per client address across the API and the page
 * (@fastify/rate-limit: one store; over the limit, a 429 problem in the reader's language).
 */
export function publicCheckLimit(app: FastifyInstance, config: Config): onRequestAsyncHookHandler {
  return app.rateLimit({ max: config.verifyRateLimitPerMinute, timeWindow: '1 minute' });
}

const open = { public: true };

type Asked = { code: string } | NumberCheck;

async function check(deps: RouteDeps, req: FastifyRequest, asked: Asked): Promise<VerifyResult> {
  // the public check may lag (a certificate is handed over after it is issued): from the replica,
  // unless the one asking is signed in and wrote since it last caught up
  const reads = readDb(deps.dbx, req.actor?.readAfterLsn);
  const result =
    'code' in asked
      ? await verifyCode(reads, deps.config.timeZone, asked.code)
      : await verifyByNumber(reads, asked);
  // who checked what is kept, as any read of personal data (the holder's initials) is
  await auditRead(deps.dbx, [
    {
      event: 'certificate.verify',
      actorId: null,
      actorLogin: null,
      officeId: result.office?.id ?? null,
      recordId: null,
      detail: {
        ip: req.ip,
        genuine: result.genuine,
        status: result.status,
        ...(result.reason ? { reason: result.reason } : {}),
        asked: 'code' in asked ? 'code' : 'number',
        ...(result.certificateNumber ? { certificate: result.certificateNumber } : {}),
        ...(result.receipt ? { receipt: result.receipt.number } : {}),
      },
    },
  ]);
  return result;
}

/** The JSON API (registered under /api/v1). */
export async function verifyApiRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  limit: onRequestAsyncHookHandler,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/verify/*',
    {
      config: open,
      onRequest: limit,
      schema: {
        tags: ['verification'],
        summary:
          "Check a certificate's QR code or the verification code printed under it, or a fee receipt's verification code (no sign-in): genuine or not, valid, superseded or annulled; a receipt valid, refunded or corrected",
        security: [],
        params: payloadParams,
        response: responses({
          200: verifyResultSchema.describe('What the check found'),
          ...problems(400, 429, 500),
        }),
      },
    },
    async (req) => check(deps, req, { code: req.params['*'] }),
  );

  r.post(
    '/verify',
    {
      config: open,
      onRequest: limit,
      schema: {
        tags: ['verification'],
        summary:
          'Check a certificate by the code sent in the body: its QR code or its verification code (no sign-in)',
        security: [],
        body: verifyBody,
        response: responses({
          200: verifyResultSchema.describe('What the check found'),
          ...problems(400, 413, 415, 429, 500),
        }),
      },
    },
    async (req) => check(deps, req, { code: req.body.code }),
  );

  r.post(
    '/verify/by-number',
    {
      config: open,
      onRequest: limit,
      schema: {
        tags: ['verification'],
        summary:
          "Check a certificate by its blank's series and number and its date of issue, without a scanner (no sign-in)",
        security: [],
        body: numberBody,
        response: responses({
          200: verifyResultSchema.describe(
            'What the check found (not-found: no such certificate issued that day)',
          ),
          ...problems(400, 413, 415, 429, 500),
        }),
      },
    },
    async (req) => check(deps, req, req.body),
  );

  r.get(
    '/keys',
    {
      config: open,
      onRequest: limit,
      schema: {
        tags: ['verification'],
        summary:
          "Sabt's published keys for offline checks: the root CA, every office certificate (PEM) and every Ed25519 QR key",
        security: [],
        response: responses({ 200: keysSchema.describe('The published keys'), ...problems(429, 500) }),
      },
    },
    async (_req, reply) => {
      const keys = await listKeys(deps.dbx.db);
      const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
      reply.header('cache-control', 'public, max-age=300');
      return {
        qrFormat:
          'SABT1.<base64url(JSON {r,v,c,k,d})>.<base64url(Ed25519 signature of the text before the last dot)>',
        root: keys
          .filter((k) => k.purpose === 'root')
          .map((k) => ({
            id: k.id,
            status: k.status,
            certificatePem: k.certificate_pem,
            validFrom: iso(k.valid_from),
            validTo: iso(k.valid_to),
          })),
        officeCertificates: keys
          .filter((k) => k.purpose === 'office-x509')
          .map((k) => ({
            id: k.id,
            office: k.office_id,
            status: k.status,
            issuer: k.issuer_key_id,
            certificatePem: k.certificate_pem,
            validFrom: iso(k.valid_from),
            validTo: iso(k.valid_to),
            retiredAt: iso(k.retired_at),
          })),
        qrKeys: keys
          .filter((k) => k.purpose === 'office-qr')
          .map((k) => ({
            id: k.id,
            office: k.office_id,
            algorithm: 'Ed25519',
            status: k.status,
            spkiPem: k.public_key_pem,
            jwk: {
              ...createPublicKey(k.public_key_pem).export({ format: 'jwk' }),
              kid: k.id,
              alg: 'EdDSA',
              use: 'sig',
            },
            validFrom: iso(k.valid_from),
            validTo: iso(k.valid_to),
          })),
      };
    },
  );
}

const pageQuery = z.object({
  c: z.string().optional(),
  series: z.string().optional(),
  number: z.string().optional(),
  issued: z.string().optional(),
  lang: z.string().optional(),
});

/** The public HTML page (registered at the root, before the web app): /verify, and /verify/<code> as printed. */
export async function verifyPageRoutes(
  app: FastifyInstance,
  deps: RouteDeps,
  limit: onRequestAsyncHookHandler,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // both routes' schemas check the query (and the code in the path) before this runs
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const query = req.query as z.infer<typeof pageQuery>;
    const params = req.params as { code?: string };
    const lang = query.lang?.toLowerCase();
    const locale: Locale = (LOCALES as readonly string[]).includes(lang ?? '')
      ? (lang as Locale)
      : pickLocale(req.headers['accept-language']);
    const input: PageInput = readPageInput({ ...query, c: params.code ?? query.c });
    const result = input.ask ? await check(deps, req, input.ask) : null;
    return reply
      .type('text/html; charset=utf-8')
      .header('content-language', locale)
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      )
      .send(renderVerifyPage(locale, input, result));
  };
  r.get(
    '/verify',
    { config: open, onRequest: limit, schema: { hide: true, querystring: pageQuery } },
    handler,
  );
  r.get(
    '/verify/:code',
    {
      config: open,
      onRequest: limit,
      schema: { hide: true, querystring: pageQuery, params: z.object({ code: z.string().max(2000) }) },
    },
    handler,
  );
}
