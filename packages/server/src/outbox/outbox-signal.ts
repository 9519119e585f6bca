/**
 * How the dispatcher learns that there is something to move: at once, in this process, after a
 * commit that wrote events or job requests (`outboxWritten`), and from other processes by a
 * PostgreSQL notification on OUTBOX_CHANNEL, sent by the writing transaction (delivered at commit,
 * never for a rollback). The dispatcher also polls, so a lost signal only delays.
 */
export const OUTBOX_CHANNEL = 'sabt_outbox';

const listeners = new Set<() => void>();

/** Called after a commit that wrote to the outbox or asked for a job. */
export function outboxWritten(): void {
  for (const listener of listeners) listener();
}

/** Calls `listener` after every such commit in this process; returns the way to stop. */
export function onOutboxWritten(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
