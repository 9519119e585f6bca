import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { defineJob } from '../jobs/job.ts';
import { deliverNotification } from './deliver.ts';
import { type NotificationRequest, recordNotification } from './record.ts';
import type { NotificationChannel } from './tables.ts';
import type { TemplateId } from './templates.ts';

/**
 * Sends one notification. Six attempts: retries wait at least 1, 2, 4, 8 and 16 minutes (the
 * queue's exponential backoff, with up to as much again of random spread), so a failure is final
 * after half an hour to an hour; it is then recorded as failed and reported at error level by
 * deliverNotification, as a permanent failure is at once. A run that finds the notification
 * sent already (the job ran twice) sends nothing.
 */
export const sendNotification = defineJob<{ notificationId: string }>({
  name: 'notifications.send',
  schema: z.object({ notificationId: z.uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 60,
  timeoutSeconds: 600,
  concurrency: 2,
  async handler({ notificationId }, ctx) {
    const outcome = await deliverNotification(ctx.dbx.db, ctx.config, notificationId, {
      lastAttempt: ctx.lastAttempt,
      signal: ctx.signal,
      log: ctx.log,
    });
    switch (outcome.status) {
      case 'retry':
        // the queue retries with backoff; the error is already recorded (and has no secrets)
        throw new Error(`notification ${notificationId} not sent: ${outcome.error}`);
      case 'busy':
        throw new Error(`notification ${notificationId} is being sent by another worker`);
      case 'done-before':
        ctx.log.info(
          { notification: notificationId },
          `notification ${notificationId} was sent before: not sent again`,
        );
        return;
      case 'missing':
        ctx.log.warn({ notification: notificationId }, `notification ${notificationId} does not exist`);
        return;
    }
  },
});

/**
 * Records a notification and enqueues the job that sends it, both in the caller's transaction: it
 * is sent only if that transaction commits, and then surely (retried until it goes or is reported
 * failed). Never sends anything itself. `sendAt` puts the sending off (an appointment reminder).
 */
export async function queueNotification<T extends TemplateId>(
  db: Kysely<Database> | Transaction<Database>,
  config: Config,
  req: NotificationRequest<T> & { sendAt?: Date },
): Promise<{ id: string; channel: NotificationChannel }> {
  const recorded = await recordNotification(db, config, req);
  await enqueue(
    db,
    sendNotification,
    { notificationId: recorded.id },
    { key: recorded.id, ...(req.sendAt ? { startAfter: req.sendAt } : {}) },
  );
  return recorded;
}
