import type { Config } from '../config.ts';
import type { JobDefinition, Subscriber } from './job.ts';

/**
 * A job run on a schedule: once per period of `everyMinutes` (counted from the epoch), however many
 * Sabt processes run the job runtime. Its data is empty; its key is the period.
 */
export interface Schedule {
  job: JobDefinition<Record<string, never>>;
  everyMinutes(config: Config): number;
}

/** Jobs and outbox subscribers to run: the list of Sabt's own is job-registry.ts, the composition's. */
export interface JobRegistry {
  // biome-ignore lint/suspicious/noExplicitAny: a registry holds jobs of every data type
  jobs: readonly JobDefinition<any>[];
  subscribers: readonly Subscriber[];
  schedules?: readonly Schedule[];
}

/** Every job of a registry (subscribers' jobs included), each name once. */
// biome-ignore lint/suspicious/noExplicitAny: see JobRegistry
export function allJobs(registry: JobRegistry): JobDefinition<any>[] {
  // biome-ignore lint/suspicious/noExplicitAny: see JobRegistry
  const byName = new Map<string, JobDefinition<any>>();
  for (const job of [
    ...registry.jobs,
    ...registry.subscribers.map((s) => s.job),
    ...(registry.schedules ?? []).map((s) => s.job),
  ]) {
    const seen = byName.get(job.name);
    if (seen && seen !== job) throw new Error(`two jobs are named ${job.name}`);
    byName.set(job.name, job);
  }
  return [...byName.values()];
}
