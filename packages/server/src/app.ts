import type { Writable } from 'node:stream';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { toFieldIssues } from '@sabt/core';
import Fastify, { type FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { type AuditSequencer, startAuditSequencer } from './audit/sequencer.ts';
import {
  resolveSession,
  SESSION_COOKIE,
  WHILE_PASSWORD_TEMPORARY,
  WHILE_TWO_FACTOR_ENROLMENT,
} from './auth/sessions.ts';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import { compressAnswers } from './http/compression.ts';
import { refuseCrossSiteWrite } from './http/cross-site.ts';
import { installErrorHandler, onClientError, onFrameworkError } from './http/error-handler.ts';
import { unstorableInput } from './http/input-guard.ts';
import { shedLoad } from './http/load-shedding.ts';
import { Problem, RequestValidationError } from './http/problem.ts';
import { LOG_SERIALIZERS, OneLinePerRequest, requestIds } from './http/request-log.ts';
import { documentTransform } from './http/responses.ts';
import type { ReadinessDeps } from './monitoring/readiness.ts';
import { CITIZEN_COOKIE, resolveCitizenSession } from './portal/sessions.ts';
import { actKindRoutes } from './routes/act-kinds/act-kinds.ts';
import { adminOfficeRoutes } from './routes/admin/offices.ts';
import { adminUserRoutes } from './routes/admin/users.ts';
import { appointmentRoutes } from './routes/appointments/appointments.ts';
import { auditRoutes } from './routes/audit/audit.ts';
import { authRoutes } from './routes/auth/auth.ts';
import { blankRoutes } from './routes/certificates/blanks.ts';
import { certificateRoutes } from './routes/certificates/certificates.ts';
import { signatoryRoutes } from './routes/certificates/signatories.ts';
import { cashRoutes } from './routes/fees/cash.ts';
import { feeRoutes } from './routes/fees/fees.ts';
import { feeReceiptRoutes } from './routes/fees/receipts.ts';
import { recordFeeRoutes } from './routes/fees/record-fees.ts';
import { monitoringRoutes } from './routes/monitoring/monitoring.ts';
import { officeRoutes } from './routes/offices/offices.ts';
import { portalRoutes } from './routes/portal/portal.ts';
import { questionRoutes } from './routes/questions/questions.ts';
import { duplicateRoutes } from './routes/records/duplicates.ts';
import { recordOperationRoutes } from './routes/records/operations.ts';
import { recordRoutes } from './routes/records/records.ts';
import { searchRoutes } from './routes/search/search.ts';
import { publicCheckLimit, verifyApiRoutes, verifyPageRoutes } from './routes/verify/verify.ts';
import type { FileStore } from './storage/file-store.ts';
import { openFileStore } from './storage/open-store.ts';
import { webApp } from './web/static.ts';

/**
 * What the staff app, the API docs and the verification page may load: their own scripts only (no
 * inline script), styles of their own or inline (Mantine's, the pages' <style>), images and fonts of
 * their own or data: URLs, and the PDFs the app shows from blob: URLs; nothing may frame them but
 * themselves. No upgrade-insecure-requests: a laptop or an office network may serve plain http.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  frameSrc: ["'self'", 'blob:'],
  imgSrc: ["'self'", 'data:', 'blob:'],
  objectSrc: ["'self'", 'blob:'],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
};

export interface AppOptions {
  config: Config;
  dbx: Db;
  /** The file store; by default the one the configuration names. */
  files?: FileStore;
  /** JSON log lines on standard output, or on this stream (http/request-log.ts). */
  logger?: boolean | { stream: Writable };
  /** The job runtime of this process, for /ready: unset when it runs none (SABT_JOBS=off). */
  jobs?: ReadinessDeps['jobs'];
}

/** The HTTP application: REST API under /api/v1, OpenAPI at /api/openapi.json, docs at /api/docs. */
export async function buildApp({
  config,
  dbx,
  files = openFileStore(config.files),
  logger,
  jobs,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          serializers: LOG_SERIALIZERS,
          ...(typeof logger === 'object' ? { stream: logger.stream } : {}),
        }
      : false,
    logController: new OneLinePerRequest({ requestIdLogLabel: 'requestId' }),
    genReqId: requestIds(config.trustedProxies),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // requests too broken for a route are answered as problems too (http/error-handler.ts)
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
    // X-Forwarded-For is believed only from the configured proxies: from anyone else it is
    // ignored, so the rate limits and the audit log see the real address.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    ajv: undefined,
  });

  // Route schemas are zod; a request that does not fit gets field errors with message keys.
  app.setValidatorCompiler(({ schema }) => (data) => {
    const unsafe = unstorableInput(data);
    if (unsafe) return { error: new RequestValidationError([unsafe]) };
    const parsed = (schema as z.ZodType).safeParse(data);
    if (parsed.success) return { value: parsed.data };
    return { error: new RequestValidationError(toFieldIssues(parsed.error, data, 'complete')) };
  });
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  installErrorHandler(app);
  app.decorateRequest('actor', null);
  app.decorateRequest('citizen', null);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  await shedLoad(app, config.overload);
  await monitoringRoutes(app, { config, dbx, files, jobs });

  app.removeContentTypeParser('text/plain');
  await compressAnswers(app);
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sabt API',
        description:
          'Civil registration: act records, their workflow and history. Errors are RFC 9457 problem+json in the language of Accept-Language (tg, ru, en).',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          citizen: { type: 'apiKey', in: 'cookie', name: CITIZEN_COOKIE },
        },
      },
      security: [{ session: [] }],
    },
    transform: documentTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Before parsing: a signed-out request learns nothing about what it sent.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    refuseCrossSiteWrite(req, config.publicUrl);
    // the citizen portal's routes know only the portal's own session, never a staff user's
    if (req.url.startsWith('/api/v1/portal/')) {
      req.citizen = (await resolveCitizenSession(dbx.db, config, req.cookies[CITIZEN_COOKIE])) ?? null;
      return;
    }
    req.actor = (await resolveSession(dbx.db, config, req.cookies[SESSION_COOKIE])) ?? null;
    if (!req.actor && !req.routeOptions.config.public) throw new Problem(401, 'problem.unauthenticated');
    if (
      req.actor?.mustChangePassword &&
      !WHILE_PASSWORD_TEMPORARY.has(`${req.method} ${req.routeOptions.url}`)
    )
      throw new Problem(403, 'problem.passwordChangeRequired');
    if (
      req.actor?.mustEnrolTwoFactor &&
      !req.actor.mustChangePassword &&
      !WHILE_TWO_FACTOR_ENROLMENT.has(`${req.method} ${req.routeOptions.url}`)
    )
      throw new Problem(403, 'problem.twoFactor.enrolmentRequired');
  });

  // Whatever a signed-in user is answered may be personal data: no cache keeps it, the browser's
  // neither; other API answers too, unless their route chose otherwise.
  app.addHook('onSend', async (req, reply) => {
    if (!req.url.startsWith('/api/v1/')) return;
    if (req.actor || req.citizen || !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });

  const publicChecks = publicCheckLimit(app, config);
  await app.register(
    async (api) => {
      const deps = { config, dbx, files };
      await authRoutes(api, deps);
      await officeRoutes(api, deps);
      await portalRoutes(api, deps);
      await actKindRoutes(api, deps);
      await recordRoutes(api, deps);
      await recordOperationRoutes(api, deps);
      await searchRoutes(api, deps);
      await duplicateRoutes(api, deps);
      await certificateRoutes(api, deps);
      await blankRoutes(api, deps);
      await signatoryRoutes(api, deps);
      await verifyApiRoutes(api, deps, publicChecks);
      await auditRoutes(api, deps);
      await feeRoutes(api, deps);
      await feeReceiptRoutes(api, deps);
      await adminUserRoutes(api, deps);
      await adminOfficeRoutes(api, deps);
      await cashRoutes(api, deps);
      await recordFeeRoutes(api, deps);
      await questionRoutes(api, deps);
      await appointmentRoutes(api, deps);
    },
    { prefix: '/api/v1' },
  );
  await verifyPageRoutes(app, { config, dbx, files }, publicChecks);
  await app.register(webApp);

  // The audit chain is computed after commit, by this process too (audit/sequencer.ts).
  let sequencer: AuditSequencer | null = null;
  app.addHook('onReady', async () => {
    sequencer = startAuditSequencer(dbx.db, {
      onError: (err) => app.log.error({ err: err.message }, `audit sequencing failed: ${err.message}`),
    });
  });
  app.addHook('onClose', async () => {
    await sequencer?.stop();
  });
  return app;
}
