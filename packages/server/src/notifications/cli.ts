import { LOCALES, type Locale, t } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { NotifyLog } from './channels/index.ts';
import { deliverNotification } from './deliver.ts';
import { listNotifications } from './list.ts';
import { recordNotification } from './record.ts';

/** What `sabt notifications …` prints; the log lines of a send go to the terminal as they come. */
const consoleLog: NotifyLog = {
  info: (_obj, msg) => console.log(msg),
  warn: (_obj, msg) => console.error(`warning: ${msg}`),
  error: (_obj, msg) => console.error(`error: ${msg}`),
};

/** A moment as `yyyy-mm-dd hh:mm` in the registry's time zone (SABT_TIME_ZONE). */
function clock(timeZone: string) {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' });
  return (d: Date | string | null) => (d ? f.format(new Date(d)) : '—');
}

/**
 * `sabt notifications list [--failed] [--limit N]`: the latest notifications, newest first.
 * `sabt notifications test --to ADDRESS|+PHONE [--lang tg|ru|en]`: records the operator's test
 * message and sends it at once, here, through the configured channel (no job, one attempt), so the
 * operator sees straight away whether the SMTP server or the SMS gateway takes it.
 */
export async function notificationsCommand(
  db: Kysely<Database>,
  config: Config,
  sub: string | undefined,
  values: { failed?: boolean; limit?: string; to?: string; lang?: string },
): Promise<number> {
  if (sub === 'list') {
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) {
      console.error('--limit must be a whole number above 0');
      return 2;
    }
    const rows = await listNotifications(db, { status: values.failed ? 'failed' : undefined, limit });
    const when = clock(config.timeZone);
    if (rows.length === 0) console.log(values.failed ? 'no failed notifications' : 'no notifications');
    for (const r of rows) {
      console.log(
        [
          when(r.created_at),
          r.status.padEnd(7),
          r.channel.padEnd(5),
          r.language,
          r.template.padEnd(34),
          r.recipient,
          `attempts ${r.attempts}`,
          r.status === 'sent'
            ? `sent ${when(r.sent_at)}`
            : r.status === 'failed'
              ? `failed ${when(r.failed_at)}`
              : '',
          r.id,
        ]
          .filter(Boolean)
          .join('  '),
      );
      if (r.last_error && r.status !== 'sent') console.log(`    ${r.last_error}`);
    }
    return 0;
  }
  if (sub === 'test') {
    if (!values.to) {
      console.error('missing: --to ADDRESS (an e-mail address or a phone number +992…)');
      return 2;
    }
    const lang = (values.lang ?? 'tg') as Locale;
    if (!LOCALES.includes(lang)) {
      console.error(`--lang must be one of ${LOCALES.join(', ')}`);
      return 2;
    }
    const to = values.to.includes('@') ? { email: values.to } : { phone: values.to };
    let id: string;
    try {
      ({ id } = await recordNotification(db, config, {
        template: 'operator.test',
        params: {},
        to,
        language: lang,
        cause: { kind: 'system' },
      }));
    } catch (e) {
      if (e instanceof DomainError) {
        console.error(e.errors.map((i) => t(i.key, 'en', i.params)).join('\n') || t(e.key, 'en', e.params));
        return 2;
      }
      throw e;
    }
    const outcome = await deliverNotification(db, config, id, { lastAttempt: true, log: consoleLog });
    if (outcome.status === 'sent') {
      console.log(`test message sent to ${values.to} (notification ${id})`);
      return 0;
    }
    console.error(
      outcome.status === 'skipped'
        ? `not sent: the channel is off (SABT_NOTIFY_EMAIL / SABT_NOTIFY_SMS); notification ${id}`
        : `not sent (notification ${id}): ${'error' in outcome ? outcome.error : outcome.status}`,
    );
    return 1;
  }
  console.error(`unknown command: notifications ${sub ?? ''}`);
  return 2;
}
