import type { Config } from '../../config.ts';
import { type Channel, SendError } from './channel.ts';

/** How long the gateway may take to answer one message. */
const TIMEOUT_MS = 15_000;

/**
 * SMS through an HTTP gateway: POST `{"to": "+992…", "text": "…"}` as JSON to SABT_SMS_URL with
 * `Authorization: Bearer SABT_SMS_TOKEN`. Any 2xx is delivered to the gateway; anything else, a
 * timeout or a network error is a failure. 400 and 422 say the message itself is wrong (a number
 * the gateway refuses): not retried. Others (401, 429, 5xx …) may pass later: retried.
 */
export function smsHttpChannel(config: Config): Channel {
  return {
    name: 'http',
    async send({ to, message }, { signal }) {
      let res: Response;
      try {
        res = await fetch(config.smsUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(config.smsToken ? { authorization: `Bearer ${config.smsToken}` } : {}),
          },
          body: JSON.stringify({ to, text: message.sms }),
          signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
          redirect: 'error',
        });
      } catch (e) {
        const err = e as Error & { cause?: { code?: string; message?: string } };
        const why = err.name === 'TimeoutError' ? `no answer in ${TIMEOUT_MS / 1000} s` : err.message;
        throw new SendError(`SMS gateway: ${why}${err.cause?.code ? ` (${err.cause.code})` : ''}`);
      }
      const body = await res.text().catch(() => '');
      if (res.ok) return;
      const excerpt = body.replace(/\s+/g, ' ').trim().slice(0, 200);
      throw new SendError(
        `SMS gateway answered ${res.status}${excerpt ? `: ${excerpt}` : ''}`,
        res.status === 400 || res.status === 422,
      );
    },
  };
}
