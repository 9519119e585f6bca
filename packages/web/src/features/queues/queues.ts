import type { Flag, Status } from '@sabt/core';

/** A queue is a saved filter of GET /records: one status or one flag. */
export type QueueFilter = { status: Status; flag?: undefined } | { flag: Flag; status?: undefined };

export const QUEUES = [
  { id: 'drafts', filter: { status: 'draft' } },
  { id: 'submitted', filter: { status: 'submitted' } },
  { id: 'ready', filter: { status: 'validated' } },
  { id: 'rejected', filter: { flag: 'rejected' } },
  { id: 'duplicates', filter: { flag: 'possible-duplicate' } },
  { id: 'amendments', filter: { flag: 'amendment-requested' } },
  { id: 'registered', filter: { status: 'registered' } },
] as const satisfies readonly { id: string; filter: QueueFilter }[];

export type Queue = (typeof QUEUES)[number];
export type QueueId = Queue['id'];

export function findQueue(id: string | undefined): Queue | undefined {
  return QUEUES.find((q) => q.id === id);
}

export const SORTS = ['updated', 'created', 'number'] as const;
export type Sort = (typeof SORTS)[number];
export type Order = 'asc' | 'desc';
export const PAGE_SIZES = [25, 50, 100] as const;
