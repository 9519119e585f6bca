import type { LocalizedText } from '../i18n/locale.ts';
import type { OfficeKind } from './roles.ts';

/**
 * Who signs an office's certificates and extracts: by law the head of the civil registry office,
 * or a person the head has authorised to sign for them (a deputy, say). Never the clerk who
 * happened to print the document. Each office keeps its signatories with history: the one in
 * force when a document was issued is the one it names.
 */

/** 'head': the head of office signs; 'authorised': someone signs for the head. */
export type SignatoryBasis = 'head' | 'authorised';
export const SIGNATORY_BASES: readonly [SignatoryBasis, SignatoryBasis] = ['head', 'authorised'];

export interface Signatory {
  basis: SignatoryBasis;
  /** The signer's full name as printed. */
  fullName: string;
  /** The signer's own title in Tajik ("Сардори шуъбаи САҲШ", "Муовини сардори шуъбаи САҲШ"). */
  title: string;
  /** For an authorised signer: the title of the head they sign for ("Сардори шуъбаи САҲШ"). */
  headTitle?: string | null | undefined;
}

/** The head's title an office's documents name by default, by office kind. */
export const HEAD_TITLES: Record<OfficeKind, LocalizedText> = {
  central: { tg: 'Сардори Раёсати САҲШ', ru: 'Начальник Управления ЗАГС', en: 'Head of the department' },
  region: { tg: 'Сардори Раёсати САҲШ', ru: 'Начальник Управления ЗАГС', en: 'Head of the department' },
  district: { tg: 'Сардори шуъбаи САҲШ', ru: 'Начальник отдела ЗАГС', en: 'Head of the registry office' },
  jamoat: { tg: 'Раиси ҷамоат', ru: 'Председатель джамоата', en: 'Chairman of the jamoat' },
  mobile: { tg: 'Сардори шуъбаи САҲШ', ru: 'Начальник отдела ЗАГС', en: 'Head of the registry office' },
  consulate: { tg: 'Консул', ru: 'Консул', en: 'Consul' },
};

const lowerFirst = (s: string) => (s ? s[0]!.toLocaleLowerCase('tg') + s.slice(1) : s);

/**
 * The title line printed above the signature: the head's title, or for an authorised signer
 * their own title and whom they sign for ("Муовини сардор, барои сардори шуъбаи САҲШ").
 */
export function signatoryTitle(s: Signatory): string {
  const title = s.title.trim();
  if (s.basis === 'head') return title;
  const head = s.headTitle?.trim();
  return head ? `${title}, барои ${lowerFirst(head)}` : `${title}, барои сардор`;
}
