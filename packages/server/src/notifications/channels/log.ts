import type { NotificationChannel } from '../tables.ts';
import type { Channel } from './channel.ts';

/**
 * For development: the whole message, one-time codes included, goes to the server log at info
 * level instead of out. Never choose it in production.
 */
export function logChannel(channel: NotificationChannel): Channel {
  return {
    name: 'log',
    async send({ id, to, message }, { log }) {
      const text = channel === 'email' ? `${message.subject}\n\n${message.text}` : message.sms;
      log.info(
        { notification: id, channel, to, language: message.language },
        `notification (${channel === 'email' ? 'e-mail' : 'SMS'} to ${to}, log channel):\n${text}`,
      );
    },
  };
}
