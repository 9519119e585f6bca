import { type BirthData, type DivorceData, divorceKind, type MarriageData, marriageKind } from '@sabt/core';
import { deathData } from './fixtures.ts';

/** People and the acts of their lives, as complete record data for tests of the family acts. */

/** A person as the acts name them. */
export interface Named {
  surname: string;
  name: string;
  patronymic?: string;
  birthDate: string;
}
/** A child, with the sex its birth record states. */
export interface Child extends Named {
  sex: 'M' | 'F';
}

/** Where every adult of these tests lives: a street in Dushanbe. */
export const residence = { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе', address: 'кӯчаи Айнӣ 12' };

/** A parent as a birth record states them: a citizen living at `residence`. */
export function adult(p: Named) {
  return {
    surname: p.surname,
    name: p.name,
    ...(p.patronymic ? { patronymic: p.patronymic } : {}),
    birthDate: p.birthDate,
    citizenship: 'TJ',
    residence,
  };
}

/** A complete birth record of `child`, born to `mother` (and `father`, when there is one). */
export function birthOf(child: Child, mother: Named, father?: Named): BirthData {
  return {
    child: {
      surname: child.surname,
      name: child.name,
      ...(child.patronymic ? { patronymic: child.patronymic } : {}),
      sex: child.sex,
      birthDate: child.birthDate,
      birthPlace: { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе' },
      liveBorn: true,
      plurality: 1,
    },
    birthBasis: {
      type: 'MEDICAL_CERTIFICATE',
      number: `103-${child.birthDate}`,
      date: child.birthDate,
      issuer: 'Таваллудхонаи шаҳрии №3, ш. Душанбе',
    },
    mother: adult(mother),
    ...(father ? { father: adult(father) } : {}),
    fatherBasis: father ? { type: 'MOTHER_STATEMENT' } : { type: 'NONE' },
    applicant: { type: 'MOTHER', surname: mother.surname, name: mother.name },
  } as BirthData;
}

/** A spouse as a marriage record states them, marrying for the first time. */
export function spouse(p: Named & { surnameAfter?: string; birthRecordId?: string }) {
  return {
    surnameBefore: p.surname,
    surnameAfter: p.surnameAfter ?? p.surname,
    name: p.name,
    ...(p.patronymic ? { patronymic: p.patronymic } : {}),
    birthDate: p.birthDate,
    citizenship: 'TJ',
    residence,
    previousMaritalStatus: 'NEVER_MARRIED' as const,
    ...(p.birthRecordId ? { birthRecordId: p.birthRecordId } : {}),
  };
}

/** A complete marriage record of `husband` and `wife`, registered in DU-03 on 2025-05-24. */
export function marriageOf(
  husband: Named & { surnameAfter?: string; birthRecordId?: string },
  wife: Named & { surnameAfter?: string; birthRecordId?: string },
): MarriageData {
  return {
    husband: spouse(husband),
    wife: spouse(wife),
    applicationDate: '2025-04-18',
    registrationDate: '2025-05-24',
    medicalExamination: { ...marriageKind.example.medicalExamination },
    applicant: { type: 'SPOUSE', surname: husband.surname, name: husband.name },
  };
}

/** A complete divorce record dissolving the registered `marriage` of `husband` and `wife`. */
export function divorceOf(
  marriage: { id: string; number: number },
  husband: Named,
  wife: Named & { surnameAfter?: string },
): DivorceData {
  const ex = structuredClone(divorceKind.example);
  return {
    ...ex,
    marriageRecordId: marriage.id,
    marriage: { number: String(marriage.number), date: '2025-05-24', office: 'DU-03-00' },
    husband: {
      ...ex.husband,
      surnameBefore: husband.surname,
      surnameAfter: husband.surname,
      name: husband.name,
      birthDate: husband.birthDate,
      ...(husband.patronymic ? { patronymic: husband.patronymic } : {}),
    },
    wife: {
      ...ex.wife,
      surnameBefore: wife.surnameAfter ?? wife.surname,
      surnameAfter: wife.surname,
      name: wife.name,
      birthDate: wife.birthDate,
      ...(wife.patronymic ? { patronymic: wife.patronymic } : {}),
    },
    marriageEndDate: '2026-02-10',
    applicationDate: '2026-01-09',
    applicant: { type: 'SPOUSE', surname: husband.surname, name: husband.name },
  };
}

/** A complete death record of `p`, who died on `date`. */
export function deathOf(p: Named & { sex: 'M' | 'F' }, date: string) {
  const base = deathData();
  return deathData({
    deceased: {
      ...base.deceased,
      surname: p.surname,
      name: p.name,
      patronymic: p.patronymic,
      sex: p.sex,
      birthDate: p.birthDate,
    },
    death: { ...base.death, date },
    basis: { ...base.basis, date },
  });
}
