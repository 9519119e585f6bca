import type { Locale } from '@sabt/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n.ts';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { type QuestionMessages, tg } from './messages/tg.ts';

/** Strings of the questions' screens in Tajik (the source), Russian and English. */
export const QUESTION_MESSAGES: Record<Locale, QuestionMessages> = { tg, ru, en };

export function useQuestionMessages() {
  useTranslation(); // subscribes to language changes
  const lang = currentLanguage();
  return { m: QUESTION_MESSAGES[lang], lang };
}
