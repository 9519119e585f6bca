import { createPublicKey } from 'node:crypto';
import { LOCALES, type Locale, pickLocale } from '@sabt/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listKeys } from '../../certificates/keys/key-store.ts';
import { MAX_PAYLOAD_LENGTH } from '../../certificates/keys/qr-payload.ts';
import { type VerifyResult, verifyCode } from '../../certificates/verify/verify.ts';
import { renderVerifyPage } from '../../certificates/verify/verify-page.ts';
import type { RouteDeps } from '../../http/context.ts';
import { problems, responses } from '../../http/responses.ts';
import { auditRead } from '../../unit-of-work/write.ts';

/**
 * Public certificate checks (no sign-in, rate-limited): the JSON API under /api/v1/verify, the
 * published keys under /api/v1/keys, and the HTML page at /verify that QR codes point to.
 */

const code = z
  .string()
  .trim()
  .min(1)
  .max(MAX_PAYLOAD_LENGTH * 3);
// a wildcard: payloads are longer than a path parameter may be (find-my-way's maxParamLength)
const payloadParams = z.strictObject({ '*': code });
const verifyBody = z.strictObject({ code }).meta({ examples: [{ code: 'SABT1.eyJyIjoi….MEUCIQ…' }] });

const office = z.object({ id: z.string(), nameTg: z.string(), nameRu: z.string(), nameEn: z.string() });

/** What a check of a code answers (VerifyResult). */
const verifyResultSchema = z.object({
  genuine: z.boolean(),
  status: z.enum(['valid', 'superseded', 'annulled', 'spoiled', 'unknown']),
  reason: z
    .enum(['format', 'key', 'signature', 'key-validity', 'not-issued'])
    .optional()
    .describe('why a code is not genuine'),
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

function publicLimit(max: number) {
  return { public: true, rateLimit: { max, timeWindow: '1 minute' } };
}

async function check(deps: RouteDeps, req: FastifyRequest, input: string): Promise<VerifyResult> {
  const result = await verifyCode(deps.dbx.db, deps.config.timeZone, input);
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
        ...(result.certificateNumber ? { certificate: result.certificateNumber } : {}),
      },
    },
  ]);
  return result;
}

/** The JSON API (registered under /api/v1). */
export async function verifyApiRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limit = publicLimit(deps.config.verifyRateLimitPerMinute);

  r.get(
    '/verify/*',
    {
      config: limit,
      schema: {
        tags: ['verification'],
        summary: "Check a certificate's QR code (no sign-in): genuine or not, valid, superseded or annulled",
        security: [],
        params: payloadParams,
        response: responses({
          200: verifyResultSchema.describe('What the check found'),
          ...problems(400, 429, 500),
        }),
      },
    },
    async (req) => check(deps, req, req.params['*']),
  );

  r.post(
    '/verify',
    {
      config: limit,
      schema: {
        tags: ['verification'],
        summary: 'Check a certificate code sent in the body (no sign-in)',
        security: [],
        body: verifyBody,
        response: responses({
          200: verifyResultSchema.describe('What the check found'),
          ...problems(400, 413, 415, 429, 500),
        }),
      },
    },
    async (req) => check(deps, req, req.body.code),
  );

  r.get(
    '/keys',
    {
      config: limit,
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

const pageQuery = z.object({ c: z.string().optional(), lang: z.string().optional() });

/** The public HTML page (registered at the root, before the web app). */
export async function verifyPageRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/verify',
    {
      config: publicLimit(deps.config.verifyRateLimitPerMinute),
      schema: { hide: true, querystring: pageQuery },
    },
    async (req, reply) => {
      const lang = req.query.lang?.toLowerCase();
      const locale: Locale = (LOCALES as readonly string[]).includes(lang ?? '')
        ? (lang as Locale)
        : pickLocale(req.headers['accept-language']);
      const c = req.query.c?.trim() ?? '';
      const result = c ? await check(deps, req, c) : null;
      return reply
        .type('text/html; charset=utf-8')
        .header('content-language', locale)
        .header('cache-control', 'no-store')
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        )
        .send(renderVerifyPage(locale, c, result));
    },
  );
}
