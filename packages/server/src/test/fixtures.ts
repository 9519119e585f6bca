import { type BirthData, birthKind, type DeathData, deathKind } from '@sabt/core';

/** A complete birth application, varied by the overrides given (deep-merged one level). */
export function birthData(over: Partial<BirthData> = {}): BirthData {
  const base = structuredClone(birthKind.example);
  return { ...base, ...over, child: { ...base.child, ...(over.child ?? {}) } };
}

export function deathData(over: Partial<DeathData> = {}): DeathData {
  const base = structuredClone(deathKind.example);
  return { ...base, ...over, deceased: { ...base.deceased, ...(over.deceased ?? {}) } };
}
