// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWithProviders as render } from '../../../testing/render.tsx';
import { MESSAGES } from '../messages.ts';
import { DraftOffer } from './draft-offer.tsx';
import { SaveStatus } from './save-status.tsx';

// 11:24 UTC is 16:24 in Dushanbe (UTC+5, no summer time).
const SAVED_AT = Date.UTC(2026, 10, 23, 11, 24);
const zone = process.env.TZ;

beforeEach(() => {
  // a computer set to another zone than the office's (a laptop left on UTC, say)
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  cleanup();
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('times the form shows', () => {
  it('says when the draft was saved in Dushanbe time, as the record screen does', () => {
    // the computer's own clock reads 06:24 here
    expect(new Date(SAVED_AT).getHours()).toBe(6);
    render(
      <SaveStatus
        state={{ status: 'saved', revision: 1, savedAt: SAVED_AT, problem: null }}
        partial={false}
        lang="tg"
        m={MESSAGES.tg}
        live
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Захира шуд, 16:24');
  });

  it('offers an unsaved draft with the time it was kept, in Dushanbe time', () => {
    render(
      <DraftOffer
        drafts={[
          {
            id: '7d1c1c0e-5a4b-4d57-9a56-2f1b1b0c0a11',
            kind: 'BIRTH',
            owner: 'front',
            label: 'Раҳимзода Фарзона',
            values: {},
            base: null,
            revision: null,
            dirty: true,
            savedAt: new Date(SAVED_AT).toISOString(),
          },
        ]}
        m={MESSAGES.tg}
        onContinue={() => {}}
        onDiscard={() => {}}
      />,
    );
    expect(screen.getByRole('region').textContent).toContain('23.11.2026 16:24');
  });
});
