import type { DocumentKind } from '../../types.ts';
import type { DocumentLayout } from '../layout-types.ts';
import { adoptionCertificateLayout } from './adoption.ts';
import { archiveExtractLayout } from './archive-extract.ts';
import { birthCertificateLayout } from './birth.ts';
import { deathCertificateLayout } from './death.ts';
import { divorceCertificateLayout } from './divorce.ts';
import { marriageCertificateLayout } from './marriage.ts';
import { nameChangeCertificateLayout } from './name-change.ts';
import { paternityCertificateLayout } from './paternity.ts';
import { stillbirthReferenceLayout } from './stillbirth.ts';

/** One layout per document kind: adding a document is adding a layout here. */
export const LAYOUTS: Readonly<Record<DocumentKind, DocumentLayout>> = {
  BIRTH_CERTIFICATE: birthCertificateLayout,
  DEATH_CERTIFICATE: deathCertificateLayout,
  MARRIAGE_CERTIFICATE: marriageCertificateLayout,
  DIVORCE_CERTIFICATE: divorceCertificateLayout,
  ADOPTION_CERTIFICATE: adoptionCertificateLayout,
  PATERNITY_CERTIFICATE: paternityCertificateLayout,
  NAME_CHANGE_CERTIFICATE: nameChangeCertificateLayout,
  STILLBIRTH_REFERENCE: stillbirthReferenceLayout,
  ARCHIVE_EXTRACT: archiveExtractLayout,
};

export function layoutFor(document: DocumentKind): DocumentLayout {
  const layout = LAYOUTS[document];
  if (!layout) throw new Error(`no layout for document ${document}`);
  return layout;
}
