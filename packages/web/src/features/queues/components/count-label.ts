import type { TFunction } from 'i18next';
import type { QueueCount } from '../api/records.ts';

/** A queue's count in words: "12 400 records", or "at least 10 000 records" where the server stopped counting. */
export function countLabel(t: TFunction, c: QueueCount): string {
  return c.atLeast ? t('queues.countAtLeast', { total: c.total }) : t('queues.count', { count: c.total });
}

/** A queue's count as a badge shows it: the number, with a plus where it is a lower bound. */
export const countBadge = (c: QueueCount): string => (c.atLeast ? `${c.total}+` : String(c.total));
