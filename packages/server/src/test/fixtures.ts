import { addDays, type BirthData, birthKind, type DeathData, deathKind } from '@sabt/core';

let births = 0;
let deaths = 0;

/**
 * A complete birth application, varied by the overrides given (deep-merged one level). Each call
 * is a different child (six days apart), so that records made by tests are not possible duplicates
 * of each other unless a test means them to be.
 */
export function birthData(over: Partial<BirthData> = {}): BirthData {
  const base = structuredClone(birthKind.example);
  const birthDate = addDays(base.child.birthDate, -6 * births++);
  const child = { ...base.child, birthDate, ...(over.child ?? {}) };
  const birthBasis = over.birthBasis ?? { ...base.birthBasis, date: child.birthDate };
  return { ...base, ...over, child, birthBasis };
}

/** A complete death application; each call is a different person (born a day apart). */
export function deathData(over: Partial<DeathData> = {}): DeathData {
  const base = structuredClone(deathKind.example);
  const birthDate = addDays(base.deceased.birthDate!, deaths++);
  return { ...base, ...over, deceased: { ...base.deceased, birthDate, ...(over.deceased ?? {}) } };
}
