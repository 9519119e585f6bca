import type { AuditEntry, Locale } from '@sabt/core';

/**
 * The audit log exported for an inspection, a line per entry, in the order of the query (newest
 * first), streamed:
 *
 * - CSV for a spreadsheet: UTF-8 with a byte order mark (so Excel reads Cyrillic and Tajik letters),
 *   comma-separated, CRLF, every cell quoted; a cell a spreadsheet would take for a formula (one
 *   starting with = + - @) is prefixed with an apostrophe.
 * - JSON Lines for a check outside Sabt: each line holds exactly what the entry's hash covers, so
 *   hash = SHA-256(prev_hash + "\n" + canonical JSON of {seq, at, actor_id, actor_login, office_id,
 *   event, record_id, detail}), keys sorted at every depth, no spaces; an entry whose seq is one more
 *   than another's has that entry's hash as its prev_hash. scripts/check-audit-export.mjs checks a
 *   file so, with Node alone.
 */

export const CSV_COLUMNS = [
  'seq',
  'id',
  'at',
  'actor_login',
  'actor_name',
  'office_id',
  'office',
  'event',
  'record_id',
  'chain',
  'detail',
  'prev_hash',
  'hash',
] as const;

const BOM = '\uFEFF';

function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export const csvHeader = () => `${BOM}${CSV_COLUMNS.join(',')}\r\n`;

export function csvLine(e: AuditEntry, locale: Locale): string {
  const cells = [
    e.seq,
    e.id,
    e.at,
    e.actor?.login ?? null,
    e.actor?.name ?? null,
    e.office?.id ?? null,
    e.office?.name[locale] ?? null,
    e.event,
    e.recordId,
    e.chain,
    JSON.stringify(e.detail),
    e.prevHash,
    e.hash,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * An entry as a JSON line; `masked` when the reader saw personal data of its detail masked (its
 * hash then cannot be recomputed from the line).
 */
export function jsonLine(e: AuditEntry, masked: boolean): string {
  return `${JSON.stringify({
    seq: e.seq,
    prev_hash: e.prevHash,
    hash: e.hash,
    at: e.at,
    actor_id: e.actor?.id ?? null,
    actor_login: e.actor?.login ?? null,
    office_id: e.office?.id ?? null,
    event: e.event,
    record_id: e.recordId,
    detail: e.detail,
    id: e.id,
    chain: e.chain,
    ...(masked ? { masked: true } : {}),
  })}\n`;
}
