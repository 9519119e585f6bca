import type { ActKindCode } from '@sabt/core';
import type { Catalogue } from '../lib/catalogue-types.ts';
import { adoptionCatalogue } from './adoption.ts';
import { birthCatalogue } from './birth.ts';
import { deathCatalogue } from './death.ts';
import { divorceCatalogue } from './divorce.ts';
import { withCoreLabels } from './labels.ts';
import { marriageCatalogue } from './marriage.ts';
import { nameChangeCatalogue } from './name-change.ts';
import { paternityCatalogue } from './paternity.ts';

/** The form of every act kind, labelled from core's label catalogue. */
export const CATALOGUES: Record<ActKindCode, Catalogue> = {
  BIRTH: withCoreLabels(birthCatalogue),
  DEATH: withCoreLabels(deathCatalogue),
  MARRIAGE: withCoreLabels(marriageCatalogue),
  DIVORCE: withCoreLabels(divorceCatalogue),
  ADOPTION: withCoreLabels(adoptionCatalogue),
  PATERNITY: withCoreLabels(paternityCatalogue),
  NAME_CHANGE: withCoreLabels(nameChangeCatalogue),
};

export function catalogueOf(kind: string): Catalogue | undefined {
  return Object.hasOwn(CATALOGUES, kind) ? CATALOGUES[kind as ActKindCode] : undefined;
}
