import type { ActKindCode } from '@sabt/core';
import type { DocumentKind } from '../types.ts';

/**
 * Which document is printed for which record, and whether it goes on a strict-accountability
 * blank (series + number from the office's stock) or on plain paper (numbered per office and year).
 */
export const DOCUMENTS: Record<DocumentKind, { blank: boolean; recordKinds: readonly ActKindCode[] }> = {
  BIRTH_CERTIFICATE: { blank: true, recordKinds: ['BIRTH'] },
  DEATH_CERTIFICATE: { blank: true, recordKinds: ['DEATH'] },
  MARRIAGE_CERTIFICATE: { blank: true, recordKinds: ['MARRIAGE'] },
  DIVORCE_CERTIFICATE: { blank: true, recordKinds: ['DIVORCE'] },
  ADOPTION_CERTIFICATE: { blank: true, recordKinds: ['ADOPTION'] },
  PATERNITY_CERTIFICATE: { blank: true, recordKinds: ['PATERNITY'] },
  NAME_CHANGE_CERTIFICATE: { blank: true, recordKinds: ['NAME_CHANGE'] },
  // a reference (справка) for a stillborn child: a form, not a blank
  STILLBIRTH_REFERENCE: { blank: false, recordKinds: ['BIRTH'] },
  // an extract from the archive, on request: plain paper
  ARCHIVE_EXTRACT: {
    blank: false,
    recordKinds: ['BIRTH', 'DEATH', 'MARRIAGE', 'DIVORCE', 'ADOPTION', 'PATERNITY', 'NAME_CHANGE'],
  },
};

export const DOCUMENT_KINDS = Object.keys(DOCUMENTS) as [DocumentKind, ...DocumentKind[]];
export const BLANK_DOCUMENTS = DOCUMENT_KINDS.filter((d) => DOCUMENTS[d].blank) as [
  DocumentKind,
  ...DocumentKind[],
];

const BY_KIND: Record<ActKindCode, DocumentKind> = {
  BIRTH: 'BIRTH_CERTIFICATE',
  DEATH: 'DEATH_CERTIFICATE',
  MARRIAGE: 'MARRIAGE_CERTIFICATE',
  DIVORCE: 'DIVORCE_CERTIFICATE',
  ADOPTION: 'ADOPTION_CERTIFICATE',
  PATERNITY: 'PATERNITY_CERTIFICATE',
  NAME_CHANGE: 'NAME_CHANGE_CERTIFICATE',
};

/** The document a record gets: its kind's certificate, or a stillbirth reference for a child born dead. */
export function documentFor(rec: { kind: string; data: unknown }): DocumentKind {
  if (rec.kind === 'BIRTH') {
    const child = (rec.data as { child?: { liveBorn?: unknown } } | null)?.child;
    if (child?.liveBorn === false) return 'STILLBIRTH_REFERENCE';
  }
  const doc = BY_KIND[rec.kind as ActKindCode];
  if (!doc) throw new Error(`no document for record kind ${rec.kind}`);
  return doc;
}

/** Labels for people (verification page, PDF signature reason). */
export const DOCUMENT_LABELS: Record<DocumentKind, { tg: string; ru: string; en: string }> = {
  BIRTH_CERTIFICATE: {
    tg: 'Шаҳодатнома дар бораи таваллуд',
    ru: 'Свидетельство о рождении',
    en: 'Birth certificate',
  },
  DEATH_CERTIFICATE: {
    tg: 'Шаҳодатнома дар бораи вафот',
    ru: 'Свидетельство о смерти',
    en: 'Death certificate',
  },
  MARRIAGE_CERTIFICATE: {
    tg: 'Шаҳодатнома дар бораи ақди никоҳ',
    ru: 'Свидетельство о заключении брака',
    en: 'Marriage certificate',
  },
  DIVORCE_CERTIFICATE: {
    tg: 'Шаҳодатнома дар бораи бекор кардани ақди никоҳ',
    ru: 'Свидетельство о расторжении брака',
    en: 'Divorce certificate',
  },
  ADOPTION_CERTIFICATE: {
    tg: 'Шаҳодатнома дар бораи фарзандхондӣ',
    ru: 'Свидетельство об усыновлении',
    en: 'Adoption certificate',
  },
  PATERNITY_CERTIFICATE: {
    tg: 'Шаҳодатнома дар бораи муқаррар намудани падарӣ',
    ru: 'Свидетельство об установлении отцовства',
    en: 'Paternity certificate',
  },
  NAME_CHANGE_CERTIFICATE: {
    tg: 'Шаҳодатнома дар бораи иваз намудани ном',
    ru: 'Свидетельство о перемене имени',
    en: 'Name change certificate',
  },
  STILLBIRTH_REFERENCE: {
    tg: 'Маълумотнома дар бораи мурда таваллуд шудани кӯдак',
    ru: 'Справка о рождении мёртвого ребёнка',
    en: 'Stillbirth reference',
  },
  ARCHIVE_EXTRACT: { tg: 'Иқтибос аз бойгонӣ', ru: 'Архивная выписка', en: 'Archive extract' },
};
