import type { OutboxEventType } from '@sabt/core';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

/** What a job may write to the log (a pino logger fits). */
export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What a job's handler gets besides its data. */
export interface JobContext {
  dbx: Db;
  config: Config;
  jobId: string;
  /**
   * What makes this job the same job when it runs again: a subscriber's is its event's position
   * (`event:<position>`), an enqueued job's the key it was given (else its request's id).
   */
  key: string;
  /** 1 for the first run, 2 for the first retry … */
  attempt: number;
  /** No retry follows if this run fails: the job is then dead (see `sabt jobs`). */
  lastAttempt: boolean;
  /** Aborted when the job's time is up or the worker is shutting down and can wait no longer. */
  signal: AbortSignal;
  log: JobLog;
  /**
   * Runs `fn` in a transaction that also records the job (queue + key) as done, so its effects
   * happen once however often the job runs: when an earlier run committed, `fn` is not called and
   * `undefined` is returned. A handler whose effects are in the database puts them here.
   */
  once<R>(fn: (trx: Transaction<Database>) => Promise<R>): Promise<R | undefined>;
}

export interface JobDefinition<T> {
  /** The queue's name: letters, digits, `-`, `_`, `.` and `/`. */
  name: string;
  /** The job's data, checked when it is enqueued and again when it runs. */
  schema: z.ZodType<T>;
  /** Retries after the first run before the job is dead (default 5). */
  retryLimit?: number;
  /** Wait before the first retry; each later one waits about twice as long (default 10 s, at most an hour). */
  retryDelaySeconds?: number;
  /** A run taking longer fails (and is retried); default 15 minutes. */
  timeoutSeconds?: number;
  /** Jobs of this queue run at once in one process (default 1). */
  concurrency?: number;
  handler(data: T, ctx: JobContext): Promise<void>;
}

export function defineJob<T>(def: JobDefinition<T>): JobDefinition<T> {
  if (!/^[\w.\-/]+$/.test(def.name))
    throw new Error(`job name "${def.name}" has characters a queue name may not`);
  return def;
}

/** An outbox event as its subscriber's job receives it. */
export const deliveredEventSchema = z.object({
  position: z.int().positive(),
  type: z.string(),
  schemaVersion: z.int().positive(),
  recordId: z.string().nullable(),
  officeId: z.string().nullable(),
  payload: z.unknown(),
  /** When the event was written (its transaction's time). */
  occurredAt: z.string(),
});
export type DeliveredEvent = z.infer<typeof deliveredEventSchema> & { type: OutboxEventType };

/** A job that receives outbox events of some types, one job per event (see registry.ts). */
export interface Subscriber {
  events: readonly OutboxEventType[];
  job: JobDefinition<DeliveredEvent>;
}

/**
 * Subscribes a job to outbox events: the dispatcher gives it one job per event of these types, in
 * the transaction that marks the event dispatched. Its key is the event's position. Read the payload
 * with core's parseEventPayload(event.type, event.schemaVersion, event.payload).
 */
export function defineSubscriber(
  def: Omit<JobDefinition<DeliveredEvent>, 'schema'> & { events: readonly OutboxEventType[] },
): Subscriber {
  const { events, ...job } = def;
  return {
    events,
    job: defineJob({ ...job, schema: deliveredEventSchema as unknown as z.ZodType<DeliveredEvent> }),
  };
}
