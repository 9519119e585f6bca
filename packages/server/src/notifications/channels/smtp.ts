import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import { type Channel, SendError } from './channel.ts';

/**
 * E-mail over SMTP (nodemailer): a plain-text part and its HTML version, UTF-8, marked as
 * automatically sent (RFC 3834) and with the language of the text. A connection per message: the
 * volume is small and nothing is left open between sends.
 */
export function smtpChannel(config: Config): Channel {
  const transport = nodemailer.createTransport({
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpSecure,
    auth: config.smtpUser ? { user: config.smtpUser, pass: config.smtpPassword } : undefined,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  const domain = /@([^>\s]+)>?\s*$/.exec(config.smtpFrom)?.[1] ?? 'localhost';
  return {
    name: 'smtp',
    async send({ id, to, message }, { signal }) {
      try {
        await transport.sendMail({
          from: config.smtpFrom,
          to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          // the same id on every attempt: a message that went through twice is recognisably one
          messageId: `<notification-${id}@${domain}>`,
          headers: {
            'Auto-Submitted': 'auto-generated',
            'Content-Language': message.language,
            'X-Sabt-Notification': id,
          },
          signal,
        });
      } catch (e) {
        const err = e as { message?: string; permanent?: boolean };
        // nodemailer marks a 5xx refusal (unknown mailbox, rejected content) as permanent
        throw new SendError(`SMTP: ${err.message ?? String(e)}`, err.permanent === true);
      }
    },
  };
}
