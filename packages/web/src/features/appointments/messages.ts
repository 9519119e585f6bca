import type { Locale } from '@sabt/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n.ts';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { type AppointmentMessages, tg } from './messages/tg.ts';

const MESSAGES: Record<Locale, AppointmentMessages> = { tg, ru, en };

/** The appointment screens' words in the user's language. */
export function useAppointmentMessages() {
  useTranslation(); // subscribes to language changes
  const lang = currentLanguage();
  return { m: MESSAGES[lang], lang };
}
