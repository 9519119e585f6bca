import { type Locale, type OfficeKind, ROLE_LABELS, type Role } from '@sabt/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n.ts';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { type AdminMessages, tg } from './messages/tg.ts';

/** Strings of the administration screens in Tajik (the source), Russian and English; roles named by core. */
export const ADMIN_MESSAGES: Record<Locale, AdminMessages> = { tg, ru, en };

export function useAdminMessages() {
  useTranslation(); // subscribes to language changes
  const lang = currentLanguage();
  const m = ADMIN_MESSAGES[lang];
  return {
    m,
    lang,
    roleLabel: (role: Role) => ROLE_LABELS[role][lang],
    kindLabel: (kind: OfficeKind) => m.kinds[kind],
  };
}
