import { sendNotification } from '../notifications/send-job.ts';
import type { JobDefinition, Subscriber } from './job.ts';

/**
 * Every job Sabt runs and every subscriber of outbox events. A module adds its jobs here, one line
 * each; the job runtime makes a queue and a worker for each, and the dispatcher gives each
 * subscriber one job per event of its types.
 *
 *   jobs: [sendNotification],
 *   subscribers: [defineSubscriber({ name: 'notify-registered', events: ['record.registered'], handler })],
 */
export interface JobRegistry {
  // biome-ignore lint/suspicious/noExplicitAny: a registry holds jobs of every data type
  jobs: readonly JobDefinition<any>[];
  subscribers: readonly Subscriber[];
}

export const REGISTRY: JobRegistry = {
  jobs: [sendNotification],
  subscribers: [],
};

/** Every job of a registry (subscribers' jobs included), each name once. */
// biome-ignore lint/suspicious/noExplicitAny: see JobRegistry
export function allJobs(registry: JobRegistry): JobDefinition<any>[] {
  // biome-ignore lint/suspicious/noExplicitAny: see JobRegistry
  const byName = new Map<string, JobDefinition<any>>();
  for (const job of [...registry.jobs, ...registry.subscribers.map((s) => s.job)]) {
    const seen = byName.get(job.name);
    if (seen && seen !== job) throw new Error(`two jobs are named ${job.name}`);
    byName.set(job.name, job);
  }
  return [...byName.values()];
}
