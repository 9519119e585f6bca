import type { RenderedMessage } from '../render.ts';

/** What a sender may write to the server log (a pino logger fits). */
export interface NotifyLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface OutgoingMessage {
  /** The notification's id: in the e-mail's headers, in log lines. */
  id: string;
  to: string;
  message: RenderedMessage;
}

export interface SendContext {
  /** Aborts the send (the job was cancelled or the server is stopping). */
  signal: AbortSignal;
  log: NotifyLog;
}

/** One way out: SMTP, the SMS gateway, or the log. Throws a SendError when the message did not go. */
export interface Channel {
  readonly name: 'smtp' | 'http' | 'log';
  send(out: OutgoingMessage, ctx: SendContext): Promise<void>;
}

/** The message did not go out. `permanent`: the same message would be refused again, do not retry. */
export class SendError extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent = false) {
    super(message);
    this.permanent = permanent;
  }
}
