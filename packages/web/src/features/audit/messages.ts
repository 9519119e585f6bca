import type { Locale } from '@sabt/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n.ts';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { type AuditMessages, tg } from './messages/tg.ts';

/** Strings of the audit log's screen in Tajik (the source), Russian and English. */
export const AUDIT_MESSAGES: Record<Locale, AuditMessages> = { tg, ru, en };

export function useAuditMessages() {
  useTranslation(); // subscribes to language changes
  const lang = currentLanguage();
  return { m: AUDIT_MESSAGES[lang], lang };
}
