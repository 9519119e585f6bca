import { DEFAULT_LOCALE, isLocale, type Locale } from '@sabt/core';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../i18n/en.ts';
import { ru } from '../i18n/ru.ts';
import { tg, type UiMessages } from '../i18n/tg.ts';

/** The interface languages (core's Locale): Tajik first (the default), Russian and English switchable. */
export const LANGUAGES: readonly { code: Locale; name: string }[] = [
  { code: 'tg', name: 'Тоҷикӣ' },
  { code: 'ru', name: 'Русский' },
  { code: 'en', name: 'English' },
];

const STORAGE_KEY = 'sabt.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: UiMessages };
  }
}

function storedLanguage(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { tg: { translation: tg }, ru: { translation: ru }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: LANGUAGES.map((l) => l.code),
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});

function reflect(language: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
reflect(i18n.language);
i18n.on('languageChanged', (language) => {
  reflect(language);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // private mode or storage full: the choice lasts for this page only
  }
});

/** The current interface language (also sent as Accept-Language with every API request). */
export function currentLanguage(): Locale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : DEFAULT_LOCALE;
}
