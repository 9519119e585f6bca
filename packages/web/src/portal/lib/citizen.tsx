import type { Citizen } from '@sabt/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { getJson } from './api.ts';
import { useLocale } from './i18n.tsx';

interface CitizenState {
  /** undefined while asking the server, null: nobody signed in. */
  citizen: Citizen | null | undefined;
  refresh(): Promise<void>;
}

const CitizenContext = createContext<CitizenState | null>(null);

/** Who is signed in to the portal (GET /portal/session), asked once a page load and after signing in or out. */
export function CitizenProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const [citizen, setCitizen] = useState<Citizen | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      const s = await getJson<{ citizen: Citizen | null }>('/api/v1/portal/session', locale);
      setCitizen(s.citizen);
    } catch {
      setCitizen(null);
    }
  }, [locale]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked once per page load, not per language
  useEffect(() => {
    void refresh();
  }, []);
  const value = useMemo(() => ({ citizen, refresh }), [citizen, refresh]);
  return <CitizenContext.Provider value={value}>{children}</CitizenContext.Provider>;
}

export function useCitizen(): CitizenState {
  const state = useContext(CitizenContext);
  if (!state) throw new Error('useCitizen outside CitizenProvider');
  return state;
}
