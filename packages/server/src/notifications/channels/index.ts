import type { Config } from '../../config.ts';
import { DomainError } from '../../errors/domain-error.ts';
import type { NotificationChannel } from '../tables.ts';
import type { Channel } from './channel.ts';
import { logChannel } from './log.ts';
import { smsHttpChannel } from './sms-http.ts';
import { smtpChannel } from './smtp.ts';

export type { Channel, NotifyLog, OutgoingMessage, SendContext } from './channel.ts';
export { SendError } from './channel.ts';

/** The ways out configuration chose: null where a channel is off. */
export type Channels = Record<NotificationChannel, Channel | null>;

const made = new WeakMap<Config, Channels>();

/** The channels of a configuration (SABT_NOTIFY_EMAIL, SABT_NOTIFY_SMS), made once per configuration. */
export function channelsFor(config: Config): Channels {
  let channels = made.get(config);
  if (!channels) {
    channels = {
      email:
        config.notifyEmail === 'smtp'
          ? smtpChannel(config)
          : config.notifyEmail === 'log'
            ? logChannel('email')
            : null,
      sms:
        config.notifySms === 'http'
          ? smsHttpChannel(config)
          : config.notifySms === 'log'
            ? logChannel('sms')
            : null,
    };
    made.set(config, channels);
  }
  return channels;
}

/** Whether messages of this channel go anywhere (a sign-in code by e-mail needs it on). */
export function channelEnabled(config: Config, channel: NotificationChannel): boolean {
  return (channel === 'email' ? config.notifyEmail : config.notifySms) !== 'off';
}

/** For a message that must reach its recipient (a sign-in code): a problem the user sees when its channel is off. */
export function requireChannel(config: Config, channel: NotificationChannel): void {
  if (!channelEnabled(config, channel))
    throw new DomainError(
      'unavailable',
      channel === 'email' ? 'problem.notification.emailOff' : 'problem.notification.smsOff',
    );
}
