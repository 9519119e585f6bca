import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Locale } from '@sabt/core';
import { sql } from 'kysely';
import { appendAudit } from '../audit/audit-log.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { DomainError } from '../errors/domain-error.ts';
import { normaliseRecipient, type Recipient } from '../notifications/record.ts';
import { queueNotification } from '../notifications/send-job.ts';
import { createCitizenSession } from './sessions.ts';
import { portalDb } from './tables.ts';

/** How long a sign-in code works. */
export const CODE_MINUTES = 10;
/** How many tries one code allows (the right one included); then it is dead. */
export const CODE_ATTEMPTS = 5;
/** Codes sent to one phone or e-mail address within an hour, and asked from one network address. */
export const CODES_PER_CONTACT_HOUR = 5;
export const CODES_PER_ADDRESS_HOUR = 30;

const HOUR_MS = 3_600_000;
const codeHash = (challenge: string, code: string) =>
  createHash('sha256').update(`${challenge}:${code}`).digest();

/** The contact as kept: an e-mail address in lower case, a phone number as `+` and digits. */
function contactOf(to: Recipient) {
  const { channel, recipient } = normaliseRecipient(to);
  return { channel, contact: channel === 'email' ? recipient.toLowerCase() : recipient };
}

/**
 * Sends a six-digit code to a phone (SMS) or an e-mail address through the notifier: the code's
 * hash is kept, the code itself travels only in the message (stored encrypted until sent, not sent
 * once it has expired). Whether anyone has signed in with that contact before is not told. At most
 * CODES_PER_CONTACT_HOUR codes an hour go to one contact, CODES_PER_ADDRESS_HOUR are asked from one
 * network address; the route adds a per-minute limit.
 */
export async function requestSignInCode(
  { db }: Db,
  config: Config,
  input: { to: Recipient; language: Locale; ip: string },
) {
  const { channel, contact } = contactOf(input.to);
  const now = new Date();
  return db.transaction().execute(async (trx) => {
    const pdb = portalDb(trx);
    const since = new Date(now.getTime() - HOUR_MS);
    for (const [column, value, limit] of [
      ['contact', contact, CODES_PER_CONTACT_HOUR],
      ['requested_from', input.ip, CODES_PER_ADDRESS_HOUR],
    ] as const) {
      const recent = await pdb
        .selectFrom('citizen_sign_in_codes')
        .select(['created_at'])
        .where(column, '=', value)
        .where('created_at', '>', since)
        .orderBy('created_at')
        .execute();
      if (recent.length >= limit) {
        const oldest = new Date(recent[0]!.created_at).getTime();
        const wait = Math.max(1, Math.ceil((oldest + HOUR_MS - now.getTime()) / 1000));
        throw new DomainError('throttled', 'problem.portal.tooManyCodes', {
          minutes: Math.ceil(wait / 60),
          retryAfter: wait,
        });
      }
    }
    const challenge = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
    await pdb
      .insertInto('citizen_sign_in_codes')
      .values({
        id: challenge,
        channel,
        contact,
        code_hash: codeHash(challenge, code).toString('hex'),
        requested_from: input.ip,
        expires_at: expiresAt,
        used_at: null,
        citizen_id: null,
      })
      .execute();
    await queueNotification(trx, config, {
      template: 'portal.sign-in-code',
      params: { code, minutes: CODE_MINUTES },
      to: channel === 'email' ? { email: contact } : { phone: contact },
      language: input.language,
      cause: { kind: 'system' },
      related: { kind: 'citizen-sign-in', id: challenge },
      expiresAt,
    });
    await appendAudit(trx, [
      { event: 'portal.code-requested', detail: { challenge, channel, ip: input.ip } },
    ]);
    return { challenge, channel, expiresAt: expiresAt.toISOString(), attempts: CODE_ATTEMPTS };
  });
}

/**
 * Signs a citizen in with the code of a challenge. Each try is counted before the code is compared
 * (one statement: a code past its last try, used or expired is not compared at all, however many
 * tries arrive at once), so no more than CODE_ATTEMPTS guesses are ever checked per code. The right
 * code is used once: it makes the citizen (first time) and a session of their own.
 */
export async function signInWithCode(
  { db }: Db,
  config: Config,
  input: { challenge: string; code: string; language: Locale; ip: string },
): Promise<{ token: string; citizenId: string }> {
  const now = new Date();
  const pdb = portalDb(db);
  const tried = await pdb
    .updateTable('citizen_sign_in_codes')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('id', '=', input.challenge)
    .where('used_at', 'is', null)
    .where('attempts', '<', CODE_ATTEMPTS)
    .where('expires_at', '>', now)
    .returning(['attempts', 'code_hash', 'channel', 'contact'])
    .executeTakeFirst();
  if (!tried) throw await whyRefused(db, input.challenge, input.ip);

  const right = timingSafeEqual(Buffer.from(tried.code_hash, 'hex'), codeHash(input.challenge, input.code));
  const left = CODE_ATTEMPTS - tried.attempts;
  if (!right) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, [
        {
          event: 'portal.sign-in-failed',
          detail: { challenge: input.challenge, ip: input.ip, reason: 'wrong-code', left },
        },
      ]),
    );
    if (left <= 0) throw new DomainError('throttled', 'problem.portal.codeLocked');
    throw new DomainError('unauthenticated', 'problem.portal.codeWrong', { left });
  }

  return db.transaction().execute(async (trx) => {
    const t = portalDb(trx);
    const citizen = await t
      .insertInto('citizens')
      .values({
        id: randomUUID(),
        channel: tried.channel,
        contact: tried.contact,
        language: input.language,
        last_sign_in_at: now,
      })
      .onConflict((oc) =>
        oc.column('contact').doUpdateSet({ last_sign_in_at: now, language: input.language }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    const used = await t
      .updateTable('citizen_sign_in_codes')
      .set({ used_at: now, citizen_id: citizen.id })
      .where('id', '=', input.challenge)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    // a right code sent twice at once: the first one in signs in
    if (Number(used.numUpdatedRows) !== 1)
      throw new DomainError('unauthenticated', 'problem.portal.codeUsed');
    await appendAudit(trx, [
      {
        event: 'portal.sign-in',
        detail: { challenge: input.challenge, citizen: citizen.id, ip: input.ip },
      },
    ]);
    const token = await createCitizenSession(trx, config, citizen.id);
    return { token, citizenId: citizen.id };
  });
}

/** Why a try was not even compared: unknown or expired, used, or out of tries. Audited. */
async function whyRefused(db: Db['db'], challenge: string, ip: string): Promise<DomainError> {
  const row = await portalDb(db)
    .selectFrom('citizen_sign_in_codes')
    .select(['used_at', 'attempts'])
    .where('id', '=', challenge)
    .executeTakeFirst();
  const reason = !row
    ? 'unknown'
    : row.used_at
      ? 'used'
      : row.attempts >= CODE_ATTEMPTS
        ? 'locked'
        : 'expired';
  await db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, [{ event: 'portal.sign-in-failed', detail: { challenge, ip, reason } }]),
    );
  if (reason === 'used') return new DomainError('unauthenticated', 'problem.portal.codeUsed');
  if (reason === 'locked') return new DomainError('throttled', 'problem.portal.codeLocked');
  return new DomainError('unauthenticated', 'problem.portal.codeExpired');
}
