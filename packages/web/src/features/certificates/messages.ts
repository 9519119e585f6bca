import type { Locale } from '@sabt/core';
import { DOCUMENT_LABELS, type DocumentKind, ID_DOCUMENT_TYPE_LABELS } from '@sabt/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n.ts';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { type CertificateMessages, tg } from './messages/tg.ts';

export type { CertificateMessages };

/**
 * Strings of certificates, blanks and printer calibration, in Tajik (the source), Russian and
 * English. The names of the documents come from core (DOCUMENT_LABELS), as the PDF and the public
 * check page name them; the types of identity document from core's label catalogue.
 */
export const CERTIFICATE_MESSAGES: Record<Locale, CertificateMessages> = { tg, ru, en };

/** The feature's strings and the document names in the interface language (re-renders on a switch). */
export function useCertificateMessages() {
  useTranslation(); // subscribes to language changes
  const lang = currentLanguage();
  return {
    m: CERTIFICATE_MESSAGES[lang],
    lang,
    documentLabel: (d: DocumentKind | string) => DOCUMENT_LABELS[d as DocumentKind]?.[lang] ?? d,
    idTypeLabel: (t: string) =>
      Object.hasOwn(ID_DOCUMENT_TYPE_LABELS, t)
        ? ID_DOCUMENT_TYPE_LABELS[t as keyof typeof ID_DOCUMENT_TYPE_LABELS][lang]
        : t,
  };
}
