import { DomainError } from '../errors/domain-error.ts';

/** A list's order: which column, which way (then the record id, the same way). */
export interface ListOrder {
  sort: 'updated' | 'created' | 'number';
  order: 'asc' | 'desc';
}

/**
 * Where a page of a list starts: the sort key and id of the row next to it, and on which side
 * (`after` the last row of the page before, or `before` the first row of the page after). The key
 * is kept as PostgreSQL wrote it (a timestamp to the microsecond, or a number).
 */
export interface PagePosition extends ListOrder {
  side: 'after' | 'before';
  key: string;
  id: string;
}

/** An opaque page token: the position as base64url JSON (clients pass it back as it is). */
export function encodePageToken(p: PagePosition): string {
  return Buffer.from(JSON.stringify([1, p.sort, p.order, p.side, p.key, p.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY = /^[0-9 :.+-]{1,40}$/;

/**
 * The position a token names, for a list in this order; a token that is not one of ours, or was
 * made for another order, is refused (400) with the field `page`.
 */
export function decodePageToken(token: string, order: ListOrder): PagePosition {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  if (Array.isArray(parts) && parts.length === 6) {
    const [v, sort, dir, side, key, id] = parts;
    if (
      v === 1 &&
      sort === order.sort &&
      dir === order.order &&
      (side === 'after' || side === 'before') &&
      typeof key === 'string' &&
      KEY.test(key) &&
      typeof id === 'string' &&
      UUID.test(id)
    ) {
      return { sort, order: dir, side, key, id };
    }
  }
  throw new DomainError('malformed', 'problem.validation', {}, [{ path: ['page'], key: 'error.pageToken' }]);
}

/**
 * A token for a list ordered by a timestamp then the id (both ascending): the last row's key as
 * PostgreSQL wrote it and its id. `list` names the list, so one list's token is refused by another;
 * a token that is not one of ours is refused (400) at `field`.
 */
export function encodeKeysetToken(list: string, key: string, id: string): string {
  return Buffer.from(JSON.stringify([1, list, key, id])).toString('base64url');
}

export function decodeKeysetToken(token: string, list: string, field: string): { key: string; id: string } {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  if (Array.isArray(parts) && parts.length === 4) {
    const [v, name, key, id] = parts;
    if (
      v === 1 &&
      name === list &&
      typeof key === 'string' &&
      KEY.test(key) &&
      typeof id === 'string' &&
      UUID.test(id)
    )
      return { key, id };
  }
  throw new DomainError('malformed', 'problem.validation', {}, [{ path: [field], key: 'error.pageToken' }]);
}
