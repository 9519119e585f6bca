import { type Flag, STALE_DRAFT_DAYS, type Status } from '@sabt/core';

/** A queue is a saved filter of GET /records: one status (nobody touched for some days, maybe) or one flag. */
export type QueueFilter =
  | { status: Status; flag?: undefined; untouchedDays?: number }
  | { flag: Flag; status?: undefined; untouchedDays?: undefined };

export const QUEUES = [
  { id: 'drafts', filter: { status: 'draft' } },
  // drafts forgotten for a month: their author or the head finishes or cancels them
  { id: 'stale', filter: { status: 'draft', untouchedDays: STALE_DRAFT_DAYS }, hint: 'staleHint' },
  { id: 'submitted', filter: { status: 'submitted' } },
  { id: 'ready', filter: { status: 'validated' } },
  { id: 'rejected', filter: { flag: 'rejected' } },
  { id: 'duplicates', filter: { flag: 'possible-duplicate' } },
  { id: 'amendments', filter: { flag: 'amendment-requested' } },
  { id: 'registered', filter: { status: 'registered' } },
  // acts one person took (or checked) and registered, where the office kind allows it: for the head to review
  { id: 'selfRegistered', filter: { flag: 'self-registered' }, hint: 'selfRegisteredHint' },
] as const satisfies readonly {
  id: string;
  filter: QueueFilter;
  hint?: 'staleHint' | 'selfRegisteredHint';
}[];

export type Queue = (typeof QUEUES)[number];
export type QueueId = Queue['id'];

export function findQueue(id: string | undefined): Queue | undefined {
  return QUEUES.find((q) => q.id === id);
}

export const SORTS = ['updated', 'created', 'number'] as const;
export type Sort = (typeof SORTS)[number];
export type Order = 'asc' | 'desc';
export const PAGE_SIZES = [25, 50, 100] as const;
