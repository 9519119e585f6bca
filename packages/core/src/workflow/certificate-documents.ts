import type { LocalizedText } from '../i18n/locale.ts';
import type { ActKindCode } from './statuses.ts';

/**
 * Which document is printed for which record, whether it goes on a strict-accountability blank
 * (series + number from the office's stock) or on plain paper (numbered per office and year), and
 * which issue a new print is. Pure rules: the server issues by them, the web app shows the clerk
 * beforehand what the server will do.
 */

export type DocumentKind =
  | 'BIRTH_CERTIFICATE'
  | 'DEATH_CERTIFICATE'
  | 'MARRIAGE_CERTIFICATE'
  | 'DIVORCE_CERTIFICATE'
  | 'ADOPTION_CERTIFICATE'
  | 'PATERNITY_CERTIFICATE'
  | 'NAME_CHANGE_CERTIFICATE'
  | 'STILLBIRTH_REFERENCE'
  | 'ARCHIVE_EXTRACT';

/**
 * 'full': the whole form is printed (frame, titles, labels, data): on a numbered strict-accountability
 * blank for a certificate, which takes the blank, or on plain paper for a document printed without
 * one (an extract, a reference), which takes none; 'overlay': only the data, onto a blank whose form
 * is pre-printed. Whether a blank is taken depends on the document (`DOCUMENTS[d].blank`), never
 * on the mode.
 */
export type PrintMode = 'full' | 'overlay';

/** A record's first certificate, a repeat of a valid one, or a new one after a change (supersedes). */
export type IssueKind = 'first' | 'repeat' | 'reissue';

/** Who a certificate is issued to, where the law gives each party one of their own (divorce: each former spouse). */
export type Holder = 'husband' | 'wife';
export const HOLDERS: readonly [Holder, Holder] = ['husband', 'wife'];

export const DOCUMENTS: Record<
  DocumentKind,
  { blank: boolean; recordKinds: readonly ActKindCode[]; holders?: readonly Holder[] }
> = {
  // in the order of the official list of forms staff know (the act register's order: birth,
  // marriage, divorce, adoption, paternity, name change, death), then the documents without a
  // blank; DOCUMENT_KINDS and BLANK_DOCUMENTS, and so every list of them, follow it
  BIRTH_CERTIFICATE: { blank: true, recordKinds: ['BIRTH'] },
  MARRIAGE_CERTIFICATE: { blank: true, recordKinds: ['MARRIAGE'] },
  // each former spouse receives a certificate of their own, with the same content
  DIVORCE_CERTIFICATE: { blank: true, recordKinds: ['DIVORCE'], holders: HOLDERS },
  ADOPTION_CERTIFICATE: { blank: true, recordKinds: ['ADOPTION'] },
  PATERNITY_CERTIFICATE: { blank: true, recordKinds: ['PATERNITY'] },
  NAME_CHANGE_CERTIFICATE: { blank: true, recordKinds: ['NAME_CHANGE'] },
  DEATH_CERTIFICATE: { blank: true, recordKinds: ['DEATH'] },
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

/** The parties a document is issued to one by one; empty when one certificate serves the record. */
export function holdersOf(document: DocumentKind): readonly Holder[] {
  return DOCUMENTS[document].holders ?? [];
}

/** The kinds of issue by name, for messages ("a repeat certificate", not "repeat"). */
export const ISSUE_KIND_LABELS: Record<IssueKind, LocalizedText> = {
  first: { tg: 'аввалин', ru: 'первичное', en: 'first' },
  repeat: { tg: 'такрорӣ', ru: 'повторное', en: 'repeat' },
  reissue: { tg: 'нав, пас аз тағйир', ru: 'новое, после изменения', en: 'new, after a change' },
};

export const HOLDER_LABELS: Record<Holder, LocalizedText> = {
  husband: { tg: 'шавҳар', ru: 'муж', en: 'husband' },
  wife: { tg: 'зан', ru: 'жена', en: 'wife' },
};

/** The documents' names for people (the web app, the verification page, the PDF signature reason). */
export const DOCUMENT_LABELS: Record<DocumentKind, LocalizedText> = {
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

/** What may be printed for a record: its own document, and an archive extract on request. */
export function documentChoices(rec: { kind: string; data: unknown }): DocumentKind[] {
  return [documentFor(rec), 'ARCHIVE_EXTRACT'];
}

/**
 * Which issue a print is: the first certificate of the record; a new one ('reissue') when the
 * record changed since (amendment, paternity, adoption: a new version), when a later act asks for
 * one (the 'certificate-reissue' flag, e.g. a spouse's change of name noted on a marriage) or when
 * every earlier one was superseded; otherwise a repeat of a valid one. Spoiled prints do not count.
 * `earlier`: the record's certificates of the same document.
 */
export function issueKindOf(
  recordVersion: number,
  earlier: readonly { status: string; record_version: number }[],
  reissueDue = false,
): IssueKind {
  const counted = earlier.filter((c) => c.status !== 'spoiled');
  if (counted.length === 0) return 'first';
  if (reissueDue) return 'reissue';
  if (counted.some((c) => c.status === 'valid' && c.record_version === recordVersion)) return 'repeat';
  return 'reissue';
}
