import {
  FEE_ROUNDING,
  FEE_SERVICE_DEFINITIONS,
  FEE_SERVICES,
  feeCalculationSchema,
  feeCatalogueQuerySchema,
  feeCatalogueSchema,
  feePreviewBodySchema,
  feePreviewSchema,
  feeQuerySchema,
  feeRules,
  feeRulesSchema,
  feeVersionDraftSchema,
  feeVersionSchema,
  formatMinor,
  itemsAt,
  todayIn,
} from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import {
  addFeeVersion,
  computeFee,
  feeVersionsForAdmin,
  previewFeeChange,
  storedFeeVersions,
} from '../../fees/fee-rules.ts';
import { actorOf, answerWrite, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, problems, readAnswers, responses, writeAnswers } from '../../http/responses.ts';

/**
 * Fees: the calculator, the catalogue and the rules, public (no sign-in, rate-limited, the citizen
 * portal's too); the central department's versions, their preview and a new version (central
 * administrators only; a new version is an idempotent, audited write).
 */
export async function feeRoutes(app: FastifyInstance, { config, dbx }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'fees');
  const open = {
    config: { public: true, rateLimit: { max: config.verifyRateLimitPerMinute, timeWindow: '1 minute' } },
  };
  const publicAnswers = (schema: unknown) => responses({ 200: schema, ...problems(400, 429, 500) });

  r.get(
    '/fees/calculate',
    doc(
      `The fee of a service, itemised: each line with its rule version and legal basis, the exemptions applied, the total in somoni and diram (rounded ${FEE_ROUNDING}); lines resting on unconfirmed values are marked (no sign-in)`,
      {
        security: [],
        querystring: feeQuerySchema,
        response: responses({ 200: feeCalculationSchema, ...problems(400, 422, 429, 500) }),
      },
      open,
    ),
    async (req) => computeFee(dbx.db, req.query),
  );

  r.get(
    '/fees/services',
    doc(
      'The services fees are due for, the applicant categories in force on a date and the PDR by date (no sign-in)',
      { security: [], querystring: feeCatalogueQuerySchema, response: publicAnswers(feeCatalogueSchema) },
      open,
    ),
    async (req) => {
      const date = req.query.date ?? todayIn(config.timeZone);
      const rules = feeRules(await storedFeeVersions(dbx.db));
      return {
        date,
        services: FEE_SERVICES.map((s) => FEE_SERVICE_DEFINITIONS[s]),
        categories: itemsAt(rules, 'category', date)
          .filter((c) => c.value.active)
          .map((c) => ({ key: c.key, labels: c.value.labels, verified: c.verified })),
        pdr: rules.versions
          .filter((v) => v.kind === 'pdr')
          .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))
          .map((v) => ({
            versionId: v.id,
            validFrom: v.validFrom,
            amount: { currency: 'TJS', minor: v.value.diram, text: formatMinor(v.value.diram) },
            verified: v.verified,
          })),
        rounding: FEE_ROUNDING,
      };
    },
  );

  r.get(
    '/fees/rules',
    doc(
      'Every version of every fee rule, shipped and stored: what a client needs to compute fees itself with core calculateFee (no sign-in)',
      { security: [], response: publicAnswers(feeRulesSchema) },
      open,
    ),
    async () => ({
      versions: feeRules(await storedFeeVersions(dbx.db)).versions.map((v) => ({ ...v, recordedBy: null })),
    }),
  );

  r.get(
    '/fees/versions',
    doc('Every version of every fee rule with who stored it (central administrators)', {
      response: readAnswers(feeRulesSchema),
    }),
    async (req) => feeVersionsForAdmin(dbx.db, actorOf(req)),
  );

  r.post(
    '/fees/versions/preview',
    doc(
      "What a new version would change: each service's total before and after on a sample date, and what is wrong with it; nothing is stored (central administrators)",
      { body: feePreviewBodySchema, response: writeAnswers(feePreviewSchema) },
    ),
    async (req) =>
      previewFeeChange(dbx.db, actorOf(req), config.timeZone, req.body.version, req.body.sampleDate),
  );

  r.post(
    '/fees/versions',
    doc(
      'Add a dated version of the PDR, a fee line, an exemption, a category or a consular tariff, in force from today or later; the past stays as it was (central administrators)',
      { body: feeVersionDraftSchema, response: writeAnswers(feeVersionSchema, 201) },
    ),
    async (req, reply) =>
      answerWrite({ dbx, config }, req, reply, ['POST /fees/versions', req.body], async (ctx) => ({
        status: 201,
        body: await addFeeVersion(ctx, req.body),
      })),
  );
}
