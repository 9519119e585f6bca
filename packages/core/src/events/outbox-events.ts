import { z } from 'zod';
import { FEE_SERVICES } from '../fees/catalogue.ts';
import { FEE_CURRENCIES, FEE_ENTRY_KINDS, FEE_PURPOSES } from '../fees/payments.ts';
import { FEE_PAYMENT_METHODS } from '../fees/receipts.ts';
import { DOCUMENT_KINDS } from '../workflow/certificate-documents.ts';
import { ACT_KINDS } from '../workflow/statuses.ts';

/**
 * The events other parts of Sabt (and other agencies) may follow, as the transactional outbox keeps
 * them: each type with the version of its payload's schema and the schema itself. A payload names
 * what changed (ids, numbers, versions, the paths of changed fields), not the personal data of the
 * record: a subscriber that needs the data reads the record, as its rights allow.
 *
 * A payload's schema only ever grows compatibly under its version (new optional fields); anything
 * else is a new version, and the outbox row says which version it was written with.
 */
export interface EventDefinition<S extends z.ZodType> {
  type: string;
  /** The version of the payload schema events of this type are written with now. */
  schemaVersion: number;
  schema: S;
}

const id = z.guid();
const officeId = z.string().min(1);
const kind = z.enum(ACT_KINDS);
const instant = z.iso.datetime({ offset: true });
const civilDate = z.string().regex(/^\d{4}(-\d{2}){0,2}$/);
const courtDecision = z.object({
  court: z.string(),
  caseNumber: z.string(),
  date: civilDate,
  inForceDate: civilDate.optional(),
});

/** The record an event is about, as every record event cites it. */
const recordCitation = {
  recordId: id,
  kind,
  /** The office that holds the record. */
  officeId,
  nationalId: z.string().nullable(),
};

export const EVENT_DEFINITIONS = {
  /** A record was registered: it has its act number, national ID and first version. */
  'record.registered': {
    type: 'record.registered',
    schemaVersion: 1,
    schema: z.object({
      ...recordCitation,
      nationalId: z.string(),
      year: z.int(),
      number: z.int(),
      version: z.int().positive(),
      registeredAt: instant,
    }),
  },
  /** A registered record has a new version (an approved amendment, or a later act such as paternity). */
  'record.amended': {
    type: 'record.amended',
    schemaVersion: 1,
    schema: z.object({
      ...recordCitation,
      version: z.int().positive(),
      previousVersion: z.int().positive(),
      /** Paths of the fields that changed (`child.surname`), without their values. */
      changedFields: z.array(z.string()),
      cause: z.object({ type: z.string(), recordId: id.optional(), requestId: id.optional() }),
    }),
  },
  /**
   * A draft was withdrawn (cancelled) at the office: it was never registered and leaves the work
   * queues. Its reason stays in the record's history (staff's words, not for the payload).
   */
  'record.cancelled': {
    type: 'record.cancelled',
    schemaVersion: 1,
    schema: z.object({ ...recordCitation, cancelledAt: instant }),
  },
  /** A registered record was annulled, on a court decision or as a duplicate of another. */
  'record.annulled': {
    type: 'record.annulled',
    schemaVersion: 1,
    schema: z.object({
      ...recordCitation,
      basis: z.enum(['COURT_DECISION', 'DUPLICATE']),
      court: courtDecision.optional(),
      duplicateOf: id.optional(),
    }),
  },
  /** A lost or destroyed record was restored on a court decision (a new record, flagged restored). */
  'record.restored': {
    type: 'record.restored',
    schemaVersion: 1,
    schema: z.object({
      ...recordCitation,
      court: courtDecision,
      original: z
        .object({ number: z.string().optional(), date: civilDate.optional(), office: z.string().optional() })
        .optional(),
    }),
  },
  /** A certificate (or another document of a record) was issued, signed and stored. */
  'certificate.issued': {
    type: 'certificate.issued',
    schemaVersion: 1,
    schema: z.object({
      ...recordCitation,
      certificateId: id,
      document: z.enum(DOCUMENT_KINDS),
      series: z.string(),
      number: z.string(),
      issue: z.enum(['first', 'repeat', 'reissue']),
      holder: z.enum(['husband', 'wife']).nullable(),
      /** The version of the record the certificate certifies. */
      recordVersion: z.int().positive(),
      /** The office that issued it (the clerk's). */
      issuedBy: officeId,
      /** Earlier certificates it replaces (a reissue after a change). */
      supersedes: z.array(id),
    }),
  },
  /** A citizen submitted an application online (the portal; nothing emits it yet). */
  'application.submitted': {
    type: 'application.submitted',
    schemaVersion: 1,
    schema: z.object({
      applicationId: id,
      kind,
      /** The office the application is addressed to. */
      officeId,
      channel: z.literal('online'),
      /** The reference the citizen was given. */
      reference: z.string(),
      submittedAt: instant,
      /** The draft record made from it, once there is one. */
      recordId: id.optional(),
    }),
  },
  /**
   * An entry of the fees ledger was recorded (fees/payments.ts, migration 028): money taken, given
   * back, an amount waived, or an entry undone (a correction). Amounts are positive; the kind says
   * which way they go.
   */
  'payment.recorded': {
    type: 'payment.recorded',
    schemaVersion: 1,
    schema: z.object({
      /** The ledger entry (fee_payments.id). */
      paymentId: id,
      /** The charge it is against (fee_charges.id). */
      chargeId: id,
      officeId,
      /** What it paid for: a record's service, an online application, or both. */
      recordId: id.optional(),
      applicationId: id.optional(),
      kind: z.enum(FEE_ENTRY_KINDS),
      /** What the charge is for (registration, amendment, certificate …) and the service charged. */
      purpose: z.enum(FEE_PURPOSES),
      service: z.enum(FEE_SERVICES),
      /** In the smallest unit of the currency (dirams for somoni). */
      amount: z.int().positive(),
      currency: z.enum(FEE_CURRENCIES),
      /** How money moved (a payment or a refund); online: paid through the citizen portal. */
      method: z.enum([...FEE_PAYMENT_METHODS, 'online']).nullable(),
      externalReference: z.string().nullable(),
      receiptNumber: z.string().nullable(),
      /** The entry a correction undoes. */
      corrects: id.nullable(),
      recordedAt: instant,
      /** The office's civil day the entry belongs to (its cash report). */
      businessDate: civilDate,
    }),
  },
  /** An archival record (entered from the paper books) was checked against its book (nothing emits it yet). */
  'archive-record.verified': {
    type: 'archive-record.verified',
    schemaVersion: 1,
    schema: z.object({
      ...recordCitation,
      outcome: z.enum(['verified', 'discrepancy']),
      verifiedAt: instant,
    }),
  },
} as const satisfies Record<string, EventDefinition<z.ZodType>>;

export type OutboxEventType = keyof typeof EVENT_DEFINITIONS;
export const OUTBOX_EVENT_TYPES = Object.keys(EVENT_DEFINITIONS) as OutboxEventType[];

/** The payload of an event type, as its current schema version describes it. */
export type EventPayload<T extends OutboxEventType> = z.infer<(typeof EVENT_DEFINITIONS)[T]['schema']>;

/** An event as a command hands it to the outbox: the type, what it is about, the payload. */
export type OutboxEvent = {
  [T in OutboxEventType]: {
    type: T;
    /** The record it is about, when it is about one. */
    recordId: string | null;
    /** The office it happened in (the record's office). */
    officeId: string | null;
    payload: EventPayload<T>;
  };
}[OutboxEventType];

export function isOutboxEventType(type: string): type is OutboxEventType {
  return Object.hasOwn(EVENT_DEFINITIONS, type);
}

/**
 * Makes an event of a type, its payload checked against the type's schema (a command that builds a
 * wrong payload fails its transaction instead of publishing it). Record events take the record and
 * office from the payload.
 */
export function outboxEvent<T extends OutboxEventType>(type: T, payload: EventPayload<T>): OutboxEvent {
  const def = EVENT_DEFINITIONS[type];
  const parsed = def.schema.parse(payload) as EventPayload<T> & { recordId?: string; officeId?: string };
  return {
    type,
    recordId: parsed.recordId ?? null,
    officeId: parsed.officeId ?? null,
    payload: parsed,
  } as OutboxEvent;
}

/**
 * Reads a stored event's payload, as a subscriber does: the type must be known and the payload
 * written with the current schema version (or an earlier one the schema still reads).
 */
export function parseEventPayload<T extends OutboxEventType>(
  type: T,
  schemaVersion: number,
  payload: unknown,
): EventPayload<T> {
  const def = EVENT_DEFINITIONS[type];
  if (!def) throw new Error(`unknown event type ${type}`);
  if (schemaVersion > def.schemaVersion) {
    throw new Error(
      `${type} payload version ${schemaVersion} is newer than this code reads (${def.schemaVersion})`,
    );
  }
  return def.schema.parse(payload) as EventPayload<T>;
}
