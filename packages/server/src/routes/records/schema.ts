import {
  ACT_KIND_DEFINITIONS,
  ACT_KINDS,
  basisDocument,
  courtDecision,
  FLAGS,
  plainDate,
  queryNumber,
  STATUSES,
  text,
  WAITING_GROUNDS,
} from '@sabt/core';
import { z } from 'zod';
import { TRANSITIONS } from '../../commands/transition-record.ts';

const kinds = ACT_KIND_DEFINITIONS.map((k) => k.code) as [string, ...string[]];

export const createRecordBody = z
  .strictObject({
    id: z
      .uuid({ error: 'error.uuid' })
      .optional()
      .describe('chosen by the client so that a retry never makes a second record'),
    kind: z.enum(kinds),
    data: z
      .record(z.string(), z.unknown())
      .describe("the act's data, validated against the kind's schema (see GET /act-kinds)"),
  })
  .meta({ examples: ACT_KIND_DEFINITIONS.map((k) => ({ kind: k.code, data: k.example })) });

export const patchRecordBody = z
  .strictObject({
    data: z
      .record(z.string(), z.unknown())
      .describe('JSON merge patch of the data: objects merge, null removes'),
  })
  .meta({ examples: [{ data: { child: { name: 'Фарангис' } } }] });

export const recordParams = z.strictObject({ id: z.uuid({ error: 'error.uuid' }) });

export const actionParams = z.strictObject({
  id: z.uuid({ error: 'error.uuid' }),
  action: z.enum(TRANSITIONS),
});

export const actionBody = z
  .strictObject({ reason: text(1000, { multiline: true }).optional() })
  .nullish()
  .meta({ examples: [{ reason: 'Насаби модар бо шиноснома мувофиқат намекунад' }] });

export const historyQuery = z.strictObject({
  autosaves: z
    .enum(['combined', 'each'])
    .default('combined')
    .describe("combined: a person's consecutive autosaves as one entry; each: every save"),
});

export const listQuery = z.strictObject({
  status: z.enum(STATUSES).optional(),
  kind: z.enum(ACT_KINDS).optional(),
  office: z.string().max(20).optional(),
  flag: z.enum(FLAGS).optional(),
  untouchedDays: queryNumber(z.number().int().min(1).max(3650))
    .optional()
    .describe(
      'only records nobody has changed for this many days (stale drafts: status=draft&untouchedDays=30)',
    ),
  limit: queryNumber(z.number().int().min(1).max(200).default(50)),
  page: z
    .string()
    .max(400)
    .optional()
    .describe(
      'page token from `next` or `previous` of the page before (with the same sort and order); none: the first page. Lists page by keyset, not by offset: `offset` is not accepted',
    ),
  sort: z.enum(['updated', 'created', 'number']).default('updated'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export const amendmentBody = z
  .strictObject({
    patch: z.record(z.string(), z.unknown()).describe("JSON merge patch of the record's data"),
    reason: text(1000, { min: 1, multiline: true }),
    basis: basisDocument,
  })
  .meta({
    examples: [
      {
        patch: { mother: { surname: 'Каримзода' } },
        reason: 'Хатои имлоӣ дар насаби модар',
        basis: { type: 'APPLICATION', number: '45', date: '2025-05-12', issuer: 'Каримзода Н. С.' },
      },
    ],
  });

export const shortenWaitingBody = z
  .strictObject({
    ground: z.enum(WAITING_GROUNDS),
    allowedFrom: plainDate.describe(
      'the first day the marriage may be registered; the application day waives the month',
    ),
    reason: text(1000, { min: 1, multiline: true }),
    basis: basisDocument.optional(),
  })
  .meta({
    examples: [
      {
        ground: 'PREGNANCY',
        allowedFrom: '2026-12-08',
        reason: 'Ҳомиладории арӯс, маълумотномаи табиб',
        basis: { type: 'OTHER_DOCUMENT', number: '118', date: '2026-12-02', issuer: 'Маркази саломатии №5' },
      },
    ],
  });

export const decisionBody = z.strictObject({ reason: text(1000, { multiline: true }).optional() }).nullish();

export const annulBody = z
  .strictObject({
    reason: text(1000, { min: 1, multiline: true }),
    basis: z.strictObject({
      type: z.enum(['COURT_DECISION', 'DUPLICATE']),
      court: courtDecision.optional(),
      duplicateOf: z.uuid({ error: 'error.uuid' }).optional(),
    }),
  })
  .meta({
    examples: [
      {
        reason: 'Суд ақди никоҳро беэътибор донист',
        basis: {
          type: 'COURT_DECISION',
          court: { court: 'Суди ноҳияи Фирдавсӣ', caseNumber: '2-114/25', date: '2025-05-20' },
        },
      },
    ],
  });

export const restorationBody = z
  .strictObject({
    id: z.uuid({ error: 'error.uuid' }).optional(),
    kind: z.enum(kinds),
    data: z.record(z.string(), z.unknown()),
    court: courtDecision,
    original: z
      .strictObject({
        number: text(30).optional(),
        date: plainDate.optional(),
        office: text(200).optional(),
      })
      .optional(),
  })
  .meta({
    examples: [
      {
        kind: 'BIRTH',
        data: ACT_KIND_DEFINITIONS[0]?.example,
        court: { court: 'Суди шаҳри Душанбе', caseNumber: '2-877/25', date: '2025-04-01' },
        original: { number: '312', date: '1994-07-02', office: 'ШСАҲШ-и ноҳияи Фрунзе' },
      },
    ],
  });
