// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  draftOfferedTo,
  forgetSyncedDrafts,
  type LocalDraft,
  listLocalDrafts,
  readLocalDraft,
  writeLocalDraft,
} from './local-drafts.ts';

const draft = (id: string, over: Partial<LocalDraft>): LocalDraft => ({
  id,
  kind: 'BIRTH',
  values: { child: { name: 'Сино' } },
  revision: 3,
  base: null,
  dirty: false,
  savedAt: new Date().toISOString(),
  label: 'Каримзода Сино',
  ...over,
});

afterEach(() => localStorage.clear());

describe('copies of applications kept in the browser', () => {
  it('on signing out forgets what the server has and keeps unsaved work', () => {
    writeLocalDraft(draft('synced', { dirty: false, revision: 3, owner: 'u1' }));
    writeLocalDraft(draft('unsaved-change', { dirty: true, revision: 3, owner: 'u1' }));
    writeLocalDraft(draft('never-sent', { dirty: false, revision: null, owner: 'u1' }));
    localStorage.setItem('sabt.lang', 'ru');
    forgetSyncedDrafts();
    expect(readLocalDraft('synced')).toBeUndefined();
    expect(readLocalDraft('unsaved-change')?.dirty).toBe(true);
    expect(readLocalDraft('never-sent')).toBeDefined();
    expect(
      listLocalDrafts()
        .map((d) => d.id)
        .sort(),
    ).toEqual(['never-sent', 'unsaved-change']);
    // other settings of this browser are not touched
    expect(localStorage.getItem('sabt.lang')).toBe('ru');
  });

  it('offers a copy only to the user who typed it', () => {
    const mine = draft('a', { owner: 'u1' });
    expect(draftOfferedTo(mine, 'u1')).toBe(true);
    expect(draftOfferedTo(mine, 'u2')).toBe(false);
    expect(draftOfferedTo(mine, undefined)).toBe(false);
    // copies kept before owners were recorded stay open to whoever works here
    expect(draftOfferedTo(draft('b', {}), 'u2')).toBe(true);
  });
});
