import { ACT_KIND_DEFINITIONS, ACT_KINDS, FLAGS, STATUSES } from '@sabt/core';
import { z } from 'zod';
import { TRANSITIONS } from '../../commands/transition-record.ts';

const kinds = ACT_KIND_DEFINITIONS.map((k) => k.code) as [string, ...string[]];

export const createRecordBody = z
  .strictObject({
    id: z.uuid({ error: 'error.uuid' }).optional().describe('chosen by the client so that a retry never makes a second record'),
    kind: z.enum(kinds),
    data: z.record(z.string(), z.unknown()).describe("the act's data, validated against the kind's schema (see GET /act-kinds)"),
  })
  .meta({ examples: ACT_KIND_DEFINITIONS.map((k) => ({ kind: k.code, data: k.example })) });

export const patchRecordBody = z
  .strictObject({
    data: z.record(z.string(), z.unknown()).describe('JSON merge patch of the data: objects merge, null removes'),
  })
  .meta({ examples: [{ data: { child: { name: 'Фарангис' } } }] });

export const recordParams = z.strictObject({ id: z.uuid({ error: 'error.uuid' }) });

export const actionParams = z.strictObject({
  id: z.uuid({ error: 'error.uuid' }),
  action: z.enum(TRANSITIONS),
});

export const actionBody = z
  .strictObject({ reason: z.string().trim().max(1000).optional() })
  .nullish()
  .meta({ examples: [{ reason: 'Насаби модар бо шиноснома мувофиқат намекунад' }] });

export const listQuery = z.strictObject({
  status: z.enum(STATUSES).optional(),
  kind: z.enum(ACT_KINDS).optional(),
  office: z.string().max(20).optional(),
  flag: z.enum(FLAGS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  sort: z.enum(['updated', 'created', 'number']).default('updated'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
