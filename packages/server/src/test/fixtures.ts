import { addDays, adoptionKind, type BirthData, birthKind, type DeathData, deathKind } from '@sabt/core';

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

/**
 * The birth record of a child before an adoption: born to the birth mother, no father recorded.
 * Defaults to the child of core's adoption example (`childBefore`), so that the example adoption
 * can be registered on it.
 */
export function preAdoptionBirth(
  child: { surname: string; name: string; birthDate: string } = adoptionKind.example.childBefore,
  mother: { surname: string; name: string; birthDate: string } = {
    surname: 'Ҳамидова',
    name: 'Зарина',
    birthDate: '2003-01-17',
  },
): BirthData {
  const residence = { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе' };
  return {
    child: {
      surname: child.surname,
      name: child.name,
      birthDate: child.birthDate,
      sex: 'M',
      birthPlace: { country: 'TJ', unit: 'KT-01', settlement: 'Бохтар' },
      liveBorn: true,
      plurality: 1,
    },
    birthBasis: {
      type: 'MEDICAL_CERTIFICATE',
      number: `BX-${child.birthDate}`,
      date: child.birthDate,
      issuer: 'Таваллудхонаи вилоятӣ',
    },
    mother: { ...mother, citizenship: 'TJ', residence },
    fatherBasis: { type: 'NONE' },
    applicant: { type: 'MOTHER', surname: mother.surname, name: mother.name },
  } as BirthData;
}
