import type { ActKindCode } from '@sabt/core';
import { adoptionEffects } from './adoption.ts';
import { deathEffects } from './death.ts';
import { divorceEffects } from './divorce.ts';
import { marriageEffects } from './marriage.ts';
import { nameChangeEffects } from './name-change.ts';
import { paternityEffects } from './paternity.ts';
import type { KindEffects } from './types.ts';

/** Each act kind's checks against the registry and effects on earlier records. */
export const KIND_EFFECTS: Partial<Record<ActKindCode, KindEffects>> = {
  DEATH: deathEffects,
  MARRIAGE: marriageEffects,
  DIVORCE: divorceEffects,
  PATERNITY: paternityEffects,
  ADOPTION: adoptionEffects,
  NAME_CHANGE: nameChangeEffects,
};
