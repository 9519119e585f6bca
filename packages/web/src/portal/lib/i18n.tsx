import { DEFAULT_LOCALE, isLocale, type Locale } from '@sabt/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from '../messages/en.ts';
import { ru } from '../messages/ru.ts';
import { type PortalMessages, tg } from '../messages/tg.ts';

const MESSAGES: Record<Locale, PortalMessages> = { tg, ru, en };
/** Where the citizen's choice of language is remembered (this browser only). */
export const LANGUAGE_KEY = 'sabt.portal.language';

function remembered(): Locale {
  try {
    const v = localStorage.getItem(LANGUAGE_KEY);
    return isLocale(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

interface LocaleState {
  locale: Locale;
  m: PortalMessages;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState | null>(null);

/** Tajik unless the citizen chose another language in this browser before. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, set] = useState<Locale>(remembered);
  const setLocale = useCallback((next: Locale) => {
    set(next);
    try {
      localStorage.setItem(LANGUAGE_KEY, next);
    } catch {}
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, m: MESSAGES[locale], setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

/** A message with its {placeholders} filled in. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
