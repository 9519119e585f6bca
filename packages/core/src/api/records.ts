import { z } from 'zod';
import { ACTIONS } from '../workflow/matrix.ts';
import { ROLES } from '../workflow/roles.ts';
import { ACT_KINDS, FLAGS, STATUSES } from '../workflow/statuses.ts';
import { localizedSchema } from './auth.ts';
import { iso, listOf } from './shapes.ts';

const data = z.record(z.string(), z.unknown());

/** A field problem as GET /records/:id reports it in `check` (message already in the user's language). */
export const issueSchema = z.object({
  path: z.string(),
  key: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type Issue = z.infer<typeof issueSchema>;

export const recordLinkSchema = z.object({
  type: z.string(),
  recordId: z.string(),
  kind: z.enum(ACT_KINDS),
  status: z.enum(STATUSES),
  number: z.int().nullable(),
  year: z.int().nullable(),
  nationalId: z.string().nullable(),
  office: z.string(),
});
export type RecordLink = z.infer<typeof recordLinkSchema>;

const nameParts = z.object({
  surname: z.string().optional(),
  name: z.string().optional(),
  patronymic: z.string().optional(),
});

/** A later act noted on this record, as a paper registrar writes in the margin (more members by type). */
export const notationSchema = z.looseObject({
  at: iso,
  type: z.string(),
  recordId: z.string().optional(),
  number: z.int().optional(),
  year: z.int().optional(),
  nationalId: z.string().optional(),
  officeId: z.string().optional(),
  eventDate: z.string().optional(),
  version: z.int().optional(),
  changed: z.array(z.string()).optional(),
  deceased: z.enum(['husband', 'wife']).optional(),
  kind: z.string().optional().describe('the act the notation cites, when the type alone does not tell'),
  markLifted: z
    .boolean()
    .optional()
    .describe('after an annulment: whether the mark the act had set came off'),
  kept: z.array(z.string()).optional().describe('after an annulment: fields changed again since the act'),
  before: nameParts.optional(),
  after: nameParts.optional(),
});
export type Notation = z.infer<typeof notationSchema>;

export const basisDocumentSchema = z.object({
  type: z.string(),
  number: z.string().optional(),
  date: z.string().optional(),
  issuer: z.string().optional(),
});

/** Who did something to a record, when and why (a rejection, a cancellation). */
const decisionSchema = z.object({
  reason: z.string().nullable(),
  at: iso.nullable(),
  by: z.string().nullable(),
  byName: z.string().nullable(),
});

export const waitingPeriodSchema = z.object({
  applicationDate: z.string(),
  earliest: z.string().describe('registration from this day needs no decision'),
  allowedFrom: z.string().describe('the first day registration is allowed now'),
  met: z.boolean().describe('the registration day (the ceremony day, else today) has come'),
  shortening: z
    .object({
      allowedFrom: z.string(),
      ground: z.string(),
      basis: basisDocumentSchema.nullable(),
      reason: z.string().nullable(),
      at: iso.nullable(),
      by: z.string().nullable(),
      byName: z.string().nullable(),
    })
    .nullable(),
});
export type WaitingPeriodView = z.infer<typeof waitingPeriodSchema>;

/** GET /records/:id, and what every write on a record answers. */
export const recordViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ACT_KINDS),
    status: z.enum(STATUSES),
    flags: z.array(z.enum(FLAGS)),
    office: z.string(),
    schemaVersion: z.int(),
    version: z.int(),
    revision: z.int(),
    number: z.int().nullable(),
    year: z.int().nullable(),
    nationalId: z.string().nullable(),
    registeredAt: iso.nullable(),
    createdAt: iso,
    updatedAt: iso,
    data: data.nullable().describe('null when the data is sealed for this user'),
    sealed: z.boolean(),
    rejection: decisionSchema.nullable(),
    cancellation: decisionSchema.nullable().describe('who cancelled the draft, when and why'),
    onlineApplication: z
      .object({ id: z.string(), trackingCode: z.string() })
      .nullable()
      .describe('the citizen’s online application the draft was made from (GET /online-applications/{id})'),
    links: z.array(recordLinkSchema),
    notations: z.array(notationSchema),
    check: z
      .object({ complete: z.boolean(), errors: z.array(issueSchema), warnings: z.array(issueSchema) })
      .nullable(),
    actions: z.array(z.enum(ACTIONS)),
    waitingPeriod: waitingPeriodSchema.nullable().describe("a marriage's month before registration"),
    versions: z
      .array(z.object({ version: z.int(), at: iso, sealed: z.boolean(), href: z.string() }))
      .describe('every registered version, for the versions tab'),
  })
  .describe('The record as this user may see it');
export type RecordView = z.infer<typeof recordViewSchema>;

/** One row of GET /records. */
export const recordListItemSchema = z.object({
  id: z.string(),
  kind: z.enum(ACT_KINDS),
  status: z.enum(STATUSES),
  flags: z.array(z.enum(FLAGS)),
  office: z.string(),
  surname: z.string().nullable(),
  name: z.string().nullable(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  eventDate: z.string().nullable(),
  number: z.int().nullable(),
  year: z.int().nullable(),
  nationalId: z.string().nullable(),
  revision: z.int(),
  createdAt: iso,
  updatedAt: iso,
});
export type RecordListItem = z.infer<typeof recordListItemSchema>;

/** A count that would take longer than it is worth stops here: the answer says "at least" (`atLeast`). */
export const COUNT_CAP = 10_000;

/** How a total was reached: `exact` (the maintained counters, or a count below COUNT_CAP) or `atLeast` (the count stopped at COUNT_CAP). */
export const totalIsSchema = z
  .enum(['exact', 'atLeast'])
  .describe(
    'exact: the total is the number of records; atLeast: there are at least this many (the count stops at 10,000)',
  );
export type TotalIs = z.infer<typeof totalIsSchema>;

export const recordListSchema = z
  .object({
    total: z.int().describe('how many records fit the filter in your jurisdiction'),
    totalIs: totalIsSchema,
    limit: z.int(),
    next: z
      .string()
      .nullable()
      .describe('page token of the next page (pass it as `page`); null on the last page'),
    previous: z
      .string()
      .nullable()
      .describe('page token of the page before (pass it as `page`); null on the first page'),
    items: z.array(recordListItemSchema),
  })
  .describe('One page of records; pages follow one another by their tokens (no numbered offsets)');
export type RecordList = z.infer<typeof recordListSchema>;

/** GET /records/counts: how many records wait in each work queue. */
export const queueCountsSchema = z
  .object({
    draft: z.int(),
    submitted: z.int(),
    validated: z.int(),
    registered: z.int(),
    rejected: z.int(),
    possibleDuplicate: z.int(),
    amendmentRequested: z.int(),
    staleDrafts: z.int(),
    staleDraftsIs: totalIsSchema,
    selfRegistered: z.int(),
  })
  .describe(
    'Records per work queue (all exact, kept as records change, except staleDrafts: see staleDraftsIs)',
  );
export type QueueCounts = z.infer<typeof queueCountsSchema>;

export const historyItemSchema = z.object({
  id: z.int(),
  action: z.string(),
  at: iso,
  by: z.object({ login: z.string(), name: z.string().nullable(), role: z.enum(ROLES).nullable() }).nullable(),
  office: z.string().nullable(),
  from: z.enum(STATUSES).nullable(),
  to: z.enum(STATUSES).nullable(),
  revision: z.int(),
  reason: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).nullable(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;
export const historySchema = listOf(historyItemSchema, "The record's action log");

export const changeSchema = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });

export const versionItemSchema = z.object({
  version: z.int(),
  schemaVersion: z.int(),
  at: iso,
  by: z.string().nullable(),
  byName: z.string().nullable().describe("the person's full name (`by` is their login)"),
  action: z.string(),
  reason: z.string().nullable(),
  sealed: z.boolean(),
  data: data.nullable(),
  changes: z.array(changeSchema).nullable(),
});
export type VersionItem = z.infer<typeof versionItemSchema>;
export const versionsSchema = listOf(versionItemSchema, 'Every registered version');

export const amendmentRequestSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  baseVersion: z.int(),
  patch: data.nullable(),
  sealed: z.boolean(),
  reason: z.string().nullable(),
  basis: basisDocumentSchema.nullable(),
  requestedBy: z.string().nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: iso,
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: iso.nullable(),
  decisionReason: z.string().nullable(),
  resultVersion: z.int().nullable(),
});
export type AmendmentRequest = z.infer<typeof amendmentRequestSchema>;
export const amendmentsSchema = listOf(amendmentRequestSchema, 'The amendment requests');

export const duplicateCandidateSchema = z.object({
  candidateId: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  status: z.enum(['open', 'duplicate', 'not-duplicate']),
  foundAt: iso,
  decidedBy: z.string().nullable(),
  decidedAt: iso.nullable(),
  decisionReason: z.string().nullable(),
  record: recordViewSchema.nullable().describe("null when the candidate is outside this user's jurisdiction"),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

/** GET /records/:id/duplicates: the record and its possible duplicates side by side. */
export const duplicatesSchema = z
  .object({
    record: recordViewSchema,
    candidates: z.array(duplicateCandidateSchema),
  })
  .describe('The record and its possible duplicates');

/** GET /act-kinds: each act kind with its schema version, JSON Schema and a valid example. */
/** An act kind with its schema version, JSON Schema and a valid example. */
export const actKindSchema = z.object({
  code: z.enum(ACT_KINDS),
  labels: localizedSchema,
  schemaVersion: z.int(),
  jsonSchema: z.record(z.string(), z.unknown()),
  example: data,
});
export type ActKind = z.infer<typeof actKindSchema>;
export const actKindListSchema = listOf(actKindSchema, 'The act kinds');
