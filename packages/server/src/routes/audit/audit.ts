import { Readable } from 'node:stream';
import {
  ACT_KINDS,
  auditAnchorSchema,
  auditEntriesSchema,
  auditStatusSchema,
  plainDate,
  queryNumber,
} from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { latestAnchor } from '../../audit/anchor.ts';
import { csvHeader, csvLine, jsonLine } from '../../audit/export.ts';
import { auditChainStatus } from '../../audit/status.ts';
import { notFound } from '../../errors/domain-error.ts';
import { actorOf, localeOf, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, problems, readAnswers, responses } from '../../http/responses.ts';
import { assertMayRead } from '../../policies/records.ts';
import { type AuditFilter, allAuditEntries, findAuditEntries } from '../../queries/audit-entries.ts';
import { auditRead, readEvent } from '../../unit-of-work/write.ts';

const text = z.string().trim().min(1).max(100);

/** The filters of the audit log (queries/audit-entries.ts says what each matches). */
const auditFilter = {
  actor: text.optional().describe("who acted: a login (exact) or part of a user's full name"),
  recordId: z.uuid({ error: 'error.uuid' }).optional().describe('entries naming this record'),
  nationalId: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .optional()
    .describe('entries naming the record of this national id'),
  actNumber: queryNumber(z.number().int().min(1).max(999999))
    .optional()
    .describe('entries naming records of this act number (narrowed by year and kind)'),
  year: queryNumber(z.number().int().min(1800).max(2200)).optional(),
  kind: z.enum(ACT_KINDS).optional(),
  event: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9.-]+$/, { error: 'error.format' })
    .optional()
    .describe('an event (record.register), or every event under a prefix ending with a dot (record.)'),
  office: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .optional()
    .describe('an office: its entries and those of the offices below it'),
  from: plainDate.optional().describe('from this day (the registry’s time zone)'),
  to: plainDate.optional().describe('to this day, included'),
};

const entriesQuery = z.strictObject({
  ...auditFilter,
  limit: queryNumber(z.number().int().min(1).max(200).default(50)),
  page: z.string().max(200).optional().describe('the `next` token of the page before'),
});

const exportQuery = z.strictObject({
  ...auditFilter,
  format: z
    .enum(['csv', 'jsonl'])
    .describe('csv: for a spreadsheet (UTF-8 with BOM); jsonl: a line per entry with its chain'),
});

const filterOf = (q: AuditFilter): AuditFilter =>
  Object.fromEntries(
    Object.entries(q).filter(([k, v]) => v !== undefined && k in auditFilter),
  ) as AuditFilter;

/**
 * The audit log: the newest anchor, public (no sign-in, rate-limited as the public checks are: it
 * tells only how many audit entries there are and their chain's hash); and, for a role that reads
 * the audit log (core READ_MATRIX `audit`), its entries searched, the chain's status and the
 * entries exported for an inspection. Reading the log is audited as every read of personal data is.
 */
export async function auditRoutes(app: FastifyInstance, deps: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'audit');
  const { dbx, config } = deps;
  r.get(
    '/audit/anchors/latest',
    doc(
      'The newest signed anchor of the audit chain (no sign-in)',
      {
        security: [],
        response: responses({
          200: auditAnchorSchema,
          ...problems(404, 429, 500),
        }),
      },
      {
        config: {
          public: true,
          rateLimit: { max: deps.config.verifyRateLimitPerMinute, timeWindow: '1 minute' },
        },
      },
    ),
    async () => {
      const anchor = await latestAnchor(deps.dbx.db);
      if (!anchor) throw notFound();
      return anchor;
    },
  );

  r.get(
    '/audit/entries',
    doc('Audit log entries by person, record, event, office and period, newest first (auditors)', {
      querystring: entriesQuery,
      response: responses({ 200: auditEntriesSchema, ...problems(400, 401, 403, 500) }),
    }),
    async (req) => {
      const actor = actorOf(req);
      const { limit, page, ...rest } = req.query;
      const filter = filterOf(rest);
      const result = await findAuditEntries(dbx.db, actor, filter, config.timeZone, { limit, page });
      await auditRead(dbx, [
        readEvent(actor, 'audit.search', null, {
          query: req.query,
          entries: result.items.map((e) => e.id),
        }),
      ]);
      return { limit, ...result };
    },
  );

  r.get(
    '/audit/status',
    doc(
      "The audit chain's status: verified up to where, waiting entries, the last anchor, findings (auditors)",
      {
        response: readAnswers(auditStatusSchema),
      },
    ),
    async (req) => {
      assertMayRead(actorOf(req), 'audit');
      return auditChainStatus(dbx.db, config);
    },
  );

  r.get(
    '/audit/export',
    doc(
      'The entries of a query for an inspection, streamed: CSV (UTF-8 with BOM) or JSON Lines with the chain (auditors)',
      {
        querystring: exportQuery,
        response: responses({
          200: {
            description: 'A line per entry, newest first',
            content: {
              'text/csv': { schema: z.string() },
              'application/x-ndjson': { schema: z.string() },
            },
          },
          ...problems(400, 401, 403, 500),
        }),
      },
    ),
    async (req, reply) => {
      const actor = actorOf(req);
      assertMayRead(actor, 'audit');
      const { format, ...rest } = req.query;
      const filter = filterOf(rest);
      const locale = localeOf(req);
      await auditRead(dbx, [readEvent(actor, 'audit.export', null, { query: req.query })]);
      const entries = allAuditEntries(dbx.db, actor, filter, config.timeZone);
      const lines = async function* () {
        if (format === 'csv') yield csvHeader();
        for await (const { entry, masked } of entries)
          yield format === 'csv' ? csvLine(entry, locale) : jsonLine(entry, masked);
      };
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="sabt-audit-${day}.${format}"`)
        .send(Readable.from(lines()));
    },
  );
}
