import {
  type CitizenApplicationStatus,
  COPY_SERVICES,
  formatVerifyCode,
  parseEventPayload,
} from '@sabt/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { defineSubscriber } from '../jobs/job.ts';
import type { NotificationCause } from '../notifications/record.ts';
import { queueNotification } from '../notifications/send-job.ts';
import { applicationDb } from './application-tables.ts';

/**
 * Each change of an online application's status told to the citizen, by the channel they signed in
 * with (e-mail or SMS), in their language, through the notifier (recorded in the transaction that
 * makes the change, sent by a job): received, waiting for their visit, needs correction (with the
 * clerk's message), registered, certificate ready for collection, closed.
 */
export async function notifyApplicationStatus(
  trx: Transaction<Database>,
  config: Config,
  input: {
    applicationId: string;
    status: Exclude<CitizenApplicationStatus, 'draft'>;
    note?: string;
    cause: NotificationCause;
    today: string;
  },
): Promise<void> {
  const app = await applicationDb(trx as unknown as Kysely<Database>)
    .selectFrom('citizen_applications as a')
    .innerJoin('citizens as c', 'c.id', 'a.citizen_id')
    .leftJoin('offices as o', 'o.id', 'a.office_id')
    .select([
      'a.tracking_code',
      'c.channel',
      'c.contact',
      'c.language',
      'o.name_tg',
      'o.name_ru',
      'o.name_en',
    ])
    .where('a.id', '=', input.applicationId)
    .executeTakeFirst();
  if (!app?.tracking_code) return;
  const reference = formatVerifyCode(app.tracking_code);
  const common = {
    to: app.channel === 'email' ? { email: app.contact } : { phone: app.contact },
    language: app.language as 'tg' | 'ru' | 'en',
    cause: input.cause,
    related: { kind: 'citizen-application', id: input.applicationId },
  };
  if (input.status === 'received') {
    await queueNotification(trx, config, {
      ...common,
      template: 'application.received',
      params: { reference, receivedOn: input.today },
    });
  } else if (input.status === 'ready-for-collection') {
    await queueNotification(trx, config, {
      ...common,
      template: 'application.ready-for-collection',
      params: { reference, office: { tg: app.name_tg!, ru: app.name_ru!, en: app.name_en! } },
    });
  } else {
    const status = input.status === 'needs-correction' ? 'needs-information' : input.status;
    await queueNotification(trx, config, {
      ...common,
      template: 'application.status-changed',
      params: { reference, status, ...(input.note ? { note: input.note } : {}) },
    });
  }
}

/**
 * The statuses read from the linked record, told when they come: the record registered, a
 * certificate of it printed, the record withdrawn unregistered (outbox events; once per event). A
 * print also makes ready the requests for a copy of the record that it answers: linked before it,
 * for its document (an extract, or the record's own certificate), with no such print since they
 * were linked.
 */
const FROM_RECORD = {
  'record.registered': 'registered',
  'certificate.issued': 'ready-for-collection',
  'record.cancelled': 'closed',
} as const;
export const notifyApplicationFromRecord = defineSubscriber({
  name: 'portal.application-status',
  events: Object.keys(FROM_RECORD) as (keyof typeof FROM_RECORD)[],
  async handler(event, ctx) {
    const recordId = event.recordId;
    if (!recordId) return;
    const db = applicationDb(ctx.dbx.db);
    const own = await db
      .selectFrom('citizen_applications')
      .select(['id'])
      .where('record_id', '=', recordId)
      .where('kind', 'not in', COPY_SERVICES)
      .executeTakeFirst();
    const ids = own ? [own.id] : [];
    if (event.type === 'certificate.issued') {
      const { certificateId } = parseEventPayload('certificate.issued', event.schemaVersion, event.payload);
      const copies = await sql<{ id: string }>`
        SELECT a.id FROM citizen_applications a
        JOIN certificates c ON c.id = ${certificateId}
        WHERE a.record_id = ${recordId} AND a.status = 'accepted' AND a.kind IN (${sql.join(COPY_SERVICES)})
          AND a.accepted_at <= c.issued_at AND (c.document = 'ARCHIVE_EXTRACT') = (a.kind = 'EXTRACT')
          AND NOT EXISTS (SELECT 1 FROM certificates p WHERE p.record_id = a.record_id AND p.id <> c.id
            AND p.status <> 'spoiled' AND p.issued_at >= a.accepted_at AND p.issued_at <= c.issued_at
            AND (p.document = 'ARCHIVE_EXTRACT') = (a.kind = 'EXTRACT'))
        ORDER BY a.accepted_at, a.id`.execute(ctx.dbx.db);
      ids.push(...copies.rows.map((r) => r.id));
    }
    if (ids.length === 0) return;
    await ctx.once(async (trx) => {
      for (const applicationId of ids)
        await notifyApplicationStatus(trx, ctx.config, {
          applicationId,
          status: FROM_RECORD[event.type as keyof typeof FROM_RECORD],
          cause: { kind: 'system' },
          today: event.occurredAt.slice(0, 10),
        });
    });
  },
});
