import { anchorAuditSchedule } from './jobs/audit-anchor.ts';
import type { JobRegistry } from './jobs/registry.ts';
import { sendNotification } from './notifications/send-job.ts';
import { notifyApplicationFromRecord } from './portal/application-notices.ts';

/**
 * Every job Sabt runs and every subscriber of outbox events. A module adds its jobs here, one line
 * each; the job runtime makes a queue and a worker for each, and the dispatcher gives each
 * subscriber one job per event of its types.
 *
 *   jobs: [sendNotification],
 *   subscribers: [defineSubscriber({ name: 'notify-registered', events: ['record.registered'], handler })],
 *   schedules: [{ job, everyMinutes: (config) => 60 }],
 */
export const REGISTRY: JobRegistry = {
  jobs: [sendNotification],
  subscribers: [notifyApplicationFromRecord],
  schedules: [anchorAuditSchedule],
};
