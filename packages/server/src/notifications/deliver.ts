import { type Kysely, sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { channelsFor, type NotifyLog, SendError } from './channels/index.ts';
import { type RenderedMessage, renderNotification } from './render.ts';
import { openSecrets } from './secret.ts';
import { notifyDb } from './tables.ts';

/** How long one sender holds a notification; a sender that died lets go when it lapses. */
export const LEASE_SECONDS = 300;

export type DeliveryOutcome =
  /** Sent now. */
  | { status: 'sent' }
  /** Not sent this time; worth another attempt (the job throws, the queue retries with backoff). */
  | { status: 'retry'; error: string }
  /** Given up: the last attempt failed, the failure is permanent, or the message expired. */
  | { status: 'failed'; error: string }
  /** The channel is off (SABT_NOTIFY_EMAIL / SABT_NOTIFY_SMS): recorded, not sent. */
  | { status: 'skipped' }
  /** Sent, failed or skipped before: nothing to do (a job run twice sends once). */
  | { status: 'done-before' }
  /** Another sender holds it right now. */
  | { status: 'busy' }
  /** No such notification. */
  | { status: 'missing' };

export interface DeliveryOptions {
  /** No retry follows this attempt (the job queue's last, or a one-off send): a failure is final. */
  lastAttempt: boolean;
  signal?: AbortSignal;
  log: NotifyLog;
}

/**
 * Sends one recorded notification, at most once: the row is claimed (attempts + 1, a lease) in a
 * short statement, the message rendered in the recipient's language and sent outside any
 * transaction, then the outcome recorded. Secret parameters are wiped once the row is final.
 * Nothing here throws for a failed send: the outcome says what happened.
 */
export async function deliverNotification(
  db: Kysely<Database>,
  config: Config,
  id: string,
  opts: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const ndb = notifyDb(db);
  const row = await ndb
    .updateTable('notifications')
    .set({
      attempts: sql`attempts + 1`,
      leased_until: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
    })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<', sql<Date>`now()`)]))
    .returning([
      'id',
      'channel',
      'recipient',
      'template',
      'language',
      'params',
      'secret_params',
      'attempts',
      'expires_at',
      sql<boolean>`expires_at IS NOT NULL AND expires_at < now()`.as('expired'),
    ])
    .executeTakeFirst();
  if (!row) {
    const seen = await ndb
      .selectFrom('notifications')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!seen) return { status: 'missing' };
    return seen.status === 'queued' ? { status: 'busy' } : { status: 'done-before' };
  }

  const where = { notification: id, template: row.template, channel: row.channel };
  const fail = async (error: string): Promise<DeliveryOutcome> => {
    await finish(db, id, 'failed', error);
    opts.log.error(
      { ...where, to: maskRecipient(row.recipient), attempts: row.attempts, error },
      `notification ${id} failed for good (${row.template} by ${row.channel}): ${error}`,
    );
    return { status: 'failed', error };
  };

  if (row.expired) return fail('expired before it could be sent');
  const channel = channelsFor(config)[row.channel];
  if (!channel) {
    const error = `${row.channel === 'email' ? 'SABT_NOTIFY_EMAIL' : 'SABT_NOTIFY_SMS'}=off: not sent`;
    await finish(db, id, 'skipped', error);
    opts.log.warn(where, `notification ${id} skipped: ${error}`);
    return { status: 'skipped' };
  }

  // What cannot be rendered now never will be: failed at once.
  let secrets: Record<string, unknown> = {};
  let message: RenderedMessage;
  try {
    if (row.secret_params) secrets = await openSecrets(config.keyPassphrase, id, row.secret_params);
    message = renderNotification(row.template, row.language, { ...row.params, ...secrets });
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }

  try {
    await channel.send(
      { id, to: row.recipient, message },
      { signal: opts.signal ?? new AbortController().signal, log: opts.log },
    );
  } catch (e) {
    const error = redact(e instanceof Error ? e.message : String(e), secrets).slice(0, 1000);
    const permanent = e instanceof SendError && e.permanent;
    if (permanent || opts.lastAttempt) return fail(error);
    await ndb
      .updateTable('notifications')
      .set({ last_error: error, leased_until: null })
      .where('id', '=', id)
      .execute();
    opts.log.warn(
      { ...where, attempts: row.attempts, error },
      `notification ${id}: attempt ${row.attempts} failed, to be retried: ${error}`,
    );
    return { status: 'retry', error };
  }
  // Sent. Should recording it fail, the lease keeps others off until it lapses; a retry after that
  // sends again: at least once, never silently lost.
  await finish(db, id, 'sent', null);
  opts.log.info({ ...where, attempts: row.attempts }, `notification ${id} sent`);
  return { status: 'sent' };
}

/** A final outcome: the lease let go and the secret parameters wiped. */
async function finish(
  db: Kysely<Database>,
  id: string,
  status: 'sent' | 'failed' | 'skipped',
  lastError: string | null,
) {
  await notifyDb(db)
    .updateTable('notifications')
    .set({
      status,
      last_error: lastError,
      leased_until: null,
      secret_params: null,
      ...(status === 'sent' ? { sent_at: sql<Date>`now()` } : {}),
      ...(status === 'failed' ? { failed_at: sql<Date>`now()` } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** An error text never carries a secret parameter (a gateway may echo the text it was sent). */
function redact(text: string, secrets: Record<string, unknown>): string {
  let out = text;
  for (const v of Object.values(secrets)) {
    const s = String(v);
    if (s.length >= 3) out = out.split(s).join('[secret]');
  }
  return out;
}

/** An address or number as a log line may show it: enough to tell, not enough to use. */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient.slice(0, Math.min(2, at))}***${recipient.slice(at)}`;
  return `${recipient.slice(0, 4)}***${recipient.slice(-2)}`;
}
