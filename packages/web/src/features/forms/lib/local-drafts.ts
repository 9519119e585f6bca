import type { Values } from './catalogue-types.ts';

/**
 * The copy of every application kept in this browser (localStorage), keyed by record id, so a
 * closed tab or a dropped connection never loses work. `base` is the server's data at `revision`
 * (what later edits are a patch of); `dirty` means the copy has changes the server does not have.
 */
export interface LocalDraft {
  id: string;
  kind: string;
  values: Values;
  revision: number | null;
  base: Record<string, unknown> | null;
  dirty: boolean;
  /** When this computer last wrote the copy (ISO instant). */
  savedAt: string;
  /** Who the application is about, for the "continue" offer. */
  label: string;
  /** The user who typed it (their id): only they are offered it. Absent in copies kept before. */
  owner?: string | undefined;
}

/** Whether a kept copy may be offered to this user. */
export const draftOfferedTo = (d: LocalDraft, userId: string | undefined) =>
  d.owner === undefined || d.owner === userId;

const PREFIX = 'sabt.forms.draft.';
const KEEP_DAYS = 30;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function readLocalDraft(id: string): LocalDraft | undefined {
  const raw = storage()?.getItem(PREFIX + id);
  if (!raw) return undefined;
  try {
    const d = JSON.parse(raw) as LocalDraft;
    return d && d.id === id && typeof d.values === 'object' ? d : undefined;
  } catch {
    return undefined;
  }
}

export function writeLocalDraft(draft: LocalDraft): void {
  try {
    storage()?.setItem(PREFIX + draft.id, JSON.stringify(draft));
  } catch {
    // storage full or disabled: the server copy is all there is
  }
}

export function removeLocalDraft(id: string): void {
  try {
    storage()?.removeItem(PREFIX + id);
  } catch {
    // nothing to do
  }
}

/** The drafts this browser keeps, newest first (old ones are forgotten). */
export function listLocalDrafts(kind?: string): LocalDraft[] {
  const s = storage();
  if (!s) return [];
  const out: LocalDraft[] = [];
  const cutoff = Date.now() - KEEP_DAYS * 86_400_000;
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const d = readLocalDraft(key.slice(PREFIX.length));
    if (!d) continue;
    if (Date.parse(d.savedAt) < cutoff) continue;
    if (kind === undefined || d.kind === kind) out.push(d);
  }
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/**
 * On signing out: forgets the copies the server already has, so the next person at this computer
 * finds none of them. Copies with changes the server has not got are kept for their owner's next
 * sign-in: work is never thrown away.
 */
export function forgetSyncedDrafts(): void {
  const s = storage();
  if (!s) return;
  const synced: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const d = readLocalDraft(key.slice(PREFIX.length));
    if (!d || (!d.dirty && d.revision !== null)) synced.push(key);
  }
  for (const key of synced) s.removeItem(key);
}

/** Forgets copies older than the keeping period. */
export function pruneLocalDrafts(): void {
  const s = storage();
  if (!s) return;
  const cutoff = Date.now() - KEEP_DAYS * 86_400_000;
  const stale: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const d = readLocalDraft(key.slice(PREFIX.length));
    if (!d || Date.parse(d.savedAt) < cutoff) stale.push(key);
  }
  for (const key of stale) s.removeItem(key);
}
