import type { Locale } from '@sabt/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n.ts';

/** Strings of the receipt button in Tajik, Russian and English. */
const tg = {
  button: 'Квитансия (PDF)',
  label: (number: string) => `Квитансияи ${number}-ро кушодан (PDF)`,
  loading: 'Квитансия омода мешавад…',
  opened: 'Квитансия дар равзанаи нав кушода шуд.',
  downloaded: 'Квитансия боргирӣ шуд.',
  problemTitle: 'Квитансия кушода нашуд',
  problemCheck: 'Инҳоро санҷед:',
};
type ReceiptMessages = { [K in keyof typeof tg]: (typeof tg)[K] };

const ru: ReceiptMessages = {
  button: 'Квитанция (PDF)',
  label: (number) => `Открыть квитанцию ${number} (PDF)`,
  loading: 'Квитанция готовится…',
  opened: 'Квитанция открыта в новом окне.',
  downloaded: 'Квитанция загружена.',
  problemTitle: 'Квитанция не открылась',
  problemCheck: 'Проверьте:',
};

const en: ReceiptMessages = {
  button: 'Receipt (PDF)',
  label: (number) => `Open receipt ${number} (PDF)`,
  loading: 'Preparing the receipt…',
  opened: 'The receipt opened in a new window.',
  downloaded: 'The receipt was downloaded.',
  problemTitle: 'The receipt did not open',
  problemCheck: 'Check:',
};

export const RECEIPT_MESSAGES: Record<Locale, ReceiptMessages> = { tg, ru, en };

export function useReceiptMessages(): ReceiptMessages {
  useTranslation(); // subscribes to language changes
  return RECEIPT_MESSAGES[currentLanguage()];
}
