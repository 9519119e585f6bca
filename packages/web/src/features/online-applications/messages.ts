import type { Locale } from '@sabt/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n.ts';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { type OnlineApplicationMessages, tg } from './messages/tg.ts';

export const ONLINE_APPLICATION_MESSAGES: Record<Locale, OnlineApplicationMessages> = { tg, ru, en };

export function useOnlineMessages() {
  useTranslation(); // subscribes to language changes
  const lang = currentLanguage();
  return { m: ONLINE_APPLICATION_MESSAGES[lang], lang };
}
