import type { ApplicationKind, CitizenApplicationStatus } from '@sabt/core';
import type { PortalMessages } from '../messages/tg.ts';

/** An application's status in the citizen's words: what is ready for collection is an extract for an extract. */
export function applicationStatusLabel(
  m: PortalMessages,
  app: { kind: ApplicationKind; status: CitizenApplicationStatus },
): string {
  if (app.status === 'ready-for-collection' && app.kind === 'EXTRACT') return m.account.extractReady;
  return m.account.statuses[app.status];
}
