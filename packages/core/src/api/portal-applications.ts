import { z } from 'zod';
import { isPlainDate } from '../dates/plain-date.ts';
import { APPLICATION_KINDS } from '../portal/copy-requests.ts';
import { localizedSchema } from './auth.ts';
import { applicationVisitSchema } from './portal-appointments.ts';
import { iso } from './shapes.ts';

/**
 * Online applications of the citizen portal (/api/v1/portal/applications…, the tracking at
 * /api/v1/portal/track) and the front office's queue of them (/api/v1/online-applications…). The
 * data of an application is an act kind's record data: the staff forms' schema and checks (core
 * acts/registry.ts checkRecordData), in draft mode while the citizen fills it in, complete on
 * submission. A request for a repeat certificate or an extract (kind CERT_REPEAT or EXTRACT) has
 * its own data (core portal/copy-requests.ts): the office links the record it finds.
 */

/**
 * What a citizen is told of an application: their draft; received by the office; waiting for
 * their visit (the clerk made a record of it); needs correction (with the clerk's message);
 * registered (the record is); certificate ready for collection (a certificate of it is printed);
 * closed (the office withdrew the record it made of it, which was never registered).
 */
export const CITIZEN_APPLICATION_STATUSES = [
  'draft',
  'received',
  'waiting-for-visit',
  'needs-correction',
  'registered',
  'ready-for-collection',
  'closed',
] as const;
export type CitizenApplicationStatus = (typeof CITIZEN_APPLICATION_STATUSES)[number];

const officeRef = z.object({ id: z.string(), name: localizedSchema });
const officeId = z.string().trim().min(1).max(64);
const recordData = z
  .record(z.string(), z.unknown())
  .describe('the act kind’s record data (GET /act-kinds/{code})');

export const citizenAttachmentSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.int(),
    createdAt: iso,
  })
  .describe('A scan attached to an application');
export type CitizenAttachment = z.infer<typeof citizenAttachmentSchema>;

/** An application in the citizen's list. */
export const citizenApplicationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(APPLICATION_KINDS),
    trackingCode: z.string().nullable().describe('given on submission; null for a draft'),
    status: z.enum(CITIZEN_APPLICATION_STATUSES),
    office: officeRef.nullable().describe('null until chosen'),
    message: z.string().nullable().describe('the clerk’s message when it needs correction'),
    createdAt: iso,
    updatedAt: iso,
    submittedAt: iso.nullable(),
  })
  .describe('An application the citizen made online');
export type CitizenApplication = z.infer<typeof citizenApplicationSchema>;
export const citizenApplicationListSchema = z
  .object({ items: z.array(citizenApplicationSchema) })
  .describe('The citizen’s own applications, newest first');

/** One application with its data and attachments. */
export const citizenApplicationDetailSchema = citizenApplicationSchema
  .extend({
    data: recordData,
    attachments: z.array(citizenAttachmentSchema),
    appointment: applicationVisitSchema.nullable().describe('its coming visit to the office, if booked'),
  })
  .describe('An application the citizen made online, with its data and attachments');
export type CitizenApplicationDetail = z.infer<typeof citizenApplicationDetailSchema>;

export const applicationDraftBodySchema = z.strictObject({
  kind: z.enum(APPLICATION_KINDS),
  office: officeId.nullable().optional(),
  data: recordData.optional(),
});
/** A draft's edit: the whole data and the office (what the form shows is what is saved). */
export const applicationSaveBodySchema = z.strictObject({
  office: officeId.nullable().optional(),
  data: recordData,
});

const birthDate = z
  .string()
  .refine(isPlainDate, { error: 'error.date.invalid' })
  .describe('the applicant’s own date of birth (YYYY-MM-DD): with the tracking code it opens the status');
export const applicationSubmitBodySchema = z.strictObject({ birthDate });

export const attachmentBodySchema = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  content: z
    .string()
    .min(1)
    .max(200_000_000)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'error.base64' })
    .describe('The scan (PDF, JPEG, PNG or TIFF), base64'),
});

export const trackQuerySchema = z.strictObject({
  code: z.string().trim().min(1).max(40),
  birthDate,
});
/** What anyone with the code and the date of birth learns: the status, never the data. */
export const trackedApplicationSchema = z
  .object({
    trackingCode: z.string(),
    kind: z.enum(APPLICATION_KINDS),
    status: z.enum(CITIZEN_APPLICATION_STATUSES),
    office: officeRef.nullable(),
    message: z.string().nullable(),
    submittedAt: iso.nullable(),
    updatedAt: iso,
  })
  .describe('An application’s status by its tracking code');

/** An online application as the office sees it (its queue and the application itself). */
export const onlineApplicationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(APPLICATION_KINDS),
    trackingCode: z.string(),
    status: z.enum(CITIZEN_APPLICATION_STATUSES),
    office: officeRef,
    summary: z.object({
      surname: z.string().nullable(),
      name: z.string().nullable(),
      patronymic: z.string().nullable(),
      eventDate: z.string().nullable(),
      birthDate: z.string().nullable().describe('a copy request’s: the person’s date of birth'),
    }),
    message: z.string().nullable(),
    recordId: z.string().nullable().describe('the record the clerk made of it, or linked to a copy request'),
    submittedAt: iso,
    updatedAt: iso,
  })
  .describe('An application a citizen made online to this office');
export type OnlineApplication = z.infer<typeof onlineApplicationSchema>;
export const onlineApplicationListSchema = z
  .object({
    items: z.array(onlineApplicationSchema),
    next: z.string().nullable().describe('the `after` of the next page; null: this is the last'),
  })
  .describe('A page of online applications to the office, oldest sent first');
export const onlineApplicationDetailSchema = onlineApplicationSchema
  .extend({
    data: recordData,
    attachments: z.array(citizenAttachmentSchema),
    appointment: applicationVisitSchema.nullable().describe('the citizen’s coming visit for it, if booked'),
  })
  .describe('An online application with its data and attachments');
export type OnlineApplicationDetail = z.infer<typeof onlineApplicationDetailSchema>;

export const onlineApplicationQuerySchema = z.strictObject({
  status: z.enum(['received', 'waiting-for-visit', 'needs-correction']).optional(),
  after: z.string().max(400).optional().describe('`next` of the page before; none: the first page'),
});
export const applicationReturnBodySchema = z.strictObject({
  message: z.string().trim().min(1).max(500).describe('what the citizen must correct, in their words'),
});

export const applicationLinkBodySchema = z.strictObject({
  recordId: z.uuid({ error: 'error.uuid' }).describe('the registered record the request is for'),
});
