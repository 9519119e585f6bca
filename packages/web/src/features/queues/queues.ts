import {
  ACTION_MATRIX,
  type Action,
  type ActKindCode,
  type Flag,
  type Role,
  STALE_DRAFT_DAYS,
  type Status,
} from '@sabt/core';

/** A queue is a saved filter of GET /records: one status (of one act kind, or nobody touched for some days, maybe) or one flag. */
export type QueueFilter =
  | { status: Status; flag?: undefined; untouchedDays?: number; kind?: ActKindCode }
  | { flag: Flag; status?: undefined; untouchedDays?: undefined; kind?: undefined };

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
  // marriages checked and waiting for their day: the head may shorten the month (on the record)
  {
    id: 'marriages',
    filter: { status: 'validated', kind: 'MARRIAGE' },
    hint: 'marriagesHint',
    roles: ['registrar', 'head_of_office'],
  },
  // acts one person took (or checked) and registered, where the office kind allows it: for the head to review
  { id: 'selfRegistered', filter: { flag: 'self-registered' }, hint: 'selfRegisteredHint' },
] as const satisfies readonly {
  id: string;
  filter: QueueFilter;
  hint?: 'staleHint' | 'selfRegisteredHint' | 'marriagesHint';
  /** Only these roles see the queue in their list (everyone when omitted). */
  roles?: readonly Role[];
}[];

export type Queue = (typeof QUEUES)[number];
export type QueueId = Queue['id'];

/** The queues this role sees. */
export function queuesFor(role: Role | undefined): Queue[] {
  return QUEUES.filter(
    (q) => !('roles' in q) || (role !== undefined && (q.roles as readonly Role[]).includes(role)),
  );
}

const may = (action: Action, role: Role) =>
  ACTION_MATRIX.some((r) => r.action === action && r.roles.includes(role));

/**
 * Where a role's work waits, read from core's action matrix: who registers starts at the acts ready
 * to register, who validates at those submitted, who takes applications at the drafts. Other roles
 * (the head of office, and those whose work comes with later capabilities) start at their home page.
 */
export function startQueue(role: Role): QueueId | null {
  if (may('register', role)) return 'ready';
  if (may('validate', role)) return 'submitted';
  if (may('create', role)) return 'drafts';
  return null;
}

export function findQueue(id: string | undefined): Queue | undefined {
  return QUEUES.find((q) => q.id === id);
}

export const SORTS = ['updated', 'created', 'number'] as const;
export type Sort = (typeof SORTS)[number];
export type Order = 'asc' | 'desc';
export const PAGE_SIZES = [25, 50, 100] as const;
