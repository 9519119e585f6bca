import type { Locale } from '@sabt/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../lib/i18n.ts';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { type CashMessages, tg } from './messages/tg.ts';

export const CASH_SCREEN_MESSAGES: Record<Locale, CashMessages> = { tg, ru, en };

export function useCashMessages() {
  useTranslation(); // subscribes to language changes
  const lang = currentLanguage();
  return { m: CASH_SCREEN_MESSAGES[lang], lang };
}
