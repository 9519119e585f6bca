import { randomUUID } from 'node:crypto';
import type { Locale } from '@sabt/core';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import { sealSecrets } from './secret.ts';
import { type NotificationChannel, notifyDb } from './tables.ts';
import { isTemplateId, TEMPLATES, type TemplateId, type TemplateParams } from './templates.ts';

/** Who caused a notification: a staff user, a citizen of the portal, or Sabt itself (a reminder). */
export type NotificationCause =
  | { kind: 'user'; userId: string }
  | { kind: 'citizen'; citizenId: string }
  | { kind: 'system' };

/** Where it goes: an e-mail address, or a phone number in international form (spaces, dashes allowed). */
export type Recipient = { email: string } | { phone: string };

export interface NotificationRequest<T extends TemplateId> {
  template: T;
  params: TemplateParams<T>;
  to: Recipient;
  /** The recipient's language: the message is rendered in it when it is sent. */
  language: Locale;
  cause: NotificationCause;
  /** What it is about, if anything, e.g. `{ kind: 'record', id }`. */
  related?: { kind: string; id: string };
  /** Not sent after this moment (a sign-in code that has expired is worth nothing). */
  expiresAt?: Date;
}

const email = z.email();
const PHONE = /^\+[1-9]\d{7,14}$/;

/** The recipient, checked and in the form stored: a trimmed address, or `+` and digits. */
export function normaliseRecipient(to: Recipient): { channel: NotificationChannel; recipient: string } {
  if ('email' in to) {
    const address = to.email.trim();
    if (!email.safeParse(address).success)
      throw new DomainError('invalid', 'problem.validation', {}, [
        { path: ['to', 'email'], key: 'error.email' },
      ]);
    return { channel: 'email', recipient: address };
  }
  const phone = to.phone.replace(/[\s\-().]/g, '');
  if (!PHONE.test(phone))
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['to', 'phone'], key: 'error.phone' },
    ]);
  return { channel: 'sms', recipient: phone };
}

/**
 * Records a notification to be sent, in the caller's transaction, and returns its id. It does not
 * send it: `queueNotification` (send-job.ts) records and enqueues the job in one go; this half is
 * shared with `sabt notifications test`, which sends at once. Parameters the template calls secret
 * are stored encrypted, the others as JSON.
 */
export async function recordNotification<T extends TemplateId>(
  db: Kysely<Database> | Transaction<Database>,
  config: Config,
  req: NotificationRequest<T>,
): Promise<{ id: string; channel: NotificationChannel }> {
  if (!isTemplateId(req.template)) throw new Error(`unknown notification template "${req.template}"`);
  const def = TEMPLATES[req.template];
  const parsed = def.params.safeParse(req.params);
  if (!parsed.success) throw new Error(`parameters do not fit "${req.template}": ${parsed.error.message}`);
  const { channel, recipient } = normaliseRecipient(req.to);

  const id = randomUUID();
  const secretNames = new Set<string>(def.secret ?? []);
  const open: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed.data)) (secretNames.has(k) ? secret : open)[k] = v;

  await notifyDb(db)
    .insertInto('notifications')
    .values({
      id,
      channel,
      recipient,
      template: req.template,
      language: req.language,
      params: JSON.stringify(open),
      secret_params: Object.keys(secret).length ? await sealSecrets(config.keyPassphrase, id, secret) : null,
      caused_by: req.cause.kind,
      user_id: req.cause.kind === 'user' ? req.cause.userId : null,
      citizen_id: req.cause.kind === 'citizen' ? req.cause.citizenId : null,
      related_kind: req.related?.kind ?? null,
      related_id: req.related?.id ?? null,
      expires_at: req.expiresAt ?? null,
    })
    .execute();
  return { id, channel };
}
