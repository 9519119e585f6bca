import {
  FEE_LINE_LABELS,
  FEE_SERVICE_DEFINITIONS,
  type FeeLineKindOrConsular,
  type FeeService,
  GENERAL_CATEGORY_LABEL,
  type Locale,
} from '@sabt/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n.ts';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { type FeeMessages, tg } from './messages/tg.ts';

/** Strings of the fee screens in Tajik (the source), Russian and English; services and lines named by core. */
export const FEE_MESSAGES: Record<Locale, FeeMessages> = { tg, ru, en };

export function useFeeMessages() {
  useTranslation(); // subscribes to language changes
  const lang = currentLanguage();
  return {
    m: FEE_MESSAGES[lang],
    lang,
    serviceLabel: (s: FeeService) => FEE_SERVICE_DEFINITIONS[s]?.labels[lang] ?? s,
    lineLabel: (k: FeeLineKindOrConsular) => FEE_LINE_LABELS[k][lang],
    generalLabel: GENERAL_CATEGORY_LABEL[lang],
  };
}
