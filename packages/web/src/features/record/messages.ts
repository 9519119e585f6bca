import { isLocale, type Locale } from '@sabt/core';
import { useTranslation } from 'react-i18next';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { type RecordMessages, tg } from './messages/tg.ts';

export type { RecordMessages };

/** Interface strings of the record screens, in Tajik (first), Russian and English. */
export const RECORD_MESSAGES: Record<Locale, RecordMessages> = { tg, ru, en };

/** This feature's strings in the interface language; re-renders when the language changes. */
export function useRecordMessages(): { m: RecordMessages; lang: Locale } {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const lang: Locale = isLocale(lng) ? lng : 'tg';
  return { m: RECORD_MESSAGES[lang], lang };
}
