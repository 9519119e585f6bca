import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type NotificationStatus, notifyDb } from './tables.ts';

/** The latest notifications, newest first (failed ones by when they failed); never their secret parameters. */
export async function listNotifications(
  db: Kysely<Database>,
  opts: { status?: NotificationStatus | undefined; limit: number },
) {
  let q = notifyDb(db)
    .selectFrom('notifications')
    .select([
      'id',
      'channel',
      'recipient',
      'template',
      'language',
      'status',
      'attempts',
      'last_error',
      'caused_by',
      'user_id',
      'citizen_id',
      'related_kind',
      'related_id',
      'created_at',
      'sent_at',
      'failed_at',
    ]);
  if (opts.status) q = q.where('status', '=', opts.status);
  q = opts.status === 'failed' ? q.orderBy('failed_at', 'desc') : q.orderBy('created_at', 'desc');
  return q.orderBy('id').limit(opts.limit).execute();
}
