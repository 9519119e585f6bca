/** The people of the demo registry's showcase: newborns of the last weeks and their parents. */
import { type BirthData, birthKind } from '@sabt/core';

export interface Person {
  surname: string;
  name: string;
  patronymic: string;
  birthDate: string;
}

const RESIDENCE = { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе', address: 'кӯчаи Айнӣ 12, ҳуҷраи 5' };

export function birthOf(
  child: Person & { sex: 'M' | 'F' },
  mother: Person,
  father: Person | undefined,
  basisNumber: string,
): BirthData {
  const ex = structuredClone(birthKind.example);
  const adult = (p: Person, base: typeof ex.mother) => ({
    ...base,
    surname: p.surname,
    name: p.name,
    patronymic: p.patronymic,
    birthDate: p.birthDate,
    residence: RESIDENCE,
  });
  const { father: exFather, ...rest } = ex;
  const { patronymic: _p, ...exChild } = ex.child;
  return {
    ...rest,
    child: { ...exChild, ...child, ...(child.patronymic ? {} : { patronymic: undefined }) },
    birthBasis: { ...ex.birthBasis, number: basisNumber, date: child.birthDate },
    mother: adult(mother, ex.mother),
    ...(father ? { father: adult(father, exFather!) } : {}),
    fatherBasis: father ? { type: 'MOTHER_STATEMENT' } : { type: 'NONE' },
    applicant: { type: 'MOTHER', surname: mother.surname, name: mother.name },
  } as BirthData;
}

/** Newborns of the last weeks, in the Firdavsi district. */
export const NEWBORNS: [Person & { sex: 'M' | 'F' }, Person, Person][] = [
  [
    { surname: 'Назарзода', name: 'Сомон', patronymic: 'Фирӯз', sex: 'M', birthDate: '' },
    { surname: 'Каримова', name: 'Шаҳло', patronymic: 'Рустамовна', birthDate: '1997-04-11' },
    { surname: 'Назарзода', name: 'Фирӯз', patronymic: 'Саидович', birthDate: '1994-10-02' },
  ],
  [
    { surname: 'Шарифӣ', name: 'Мадина', patronymic: 'Далер', sex: 'F', birthDate: '' },
    { surname: 'Ҳасанова', name: 'Нигора', patronymic: 'Умедовна', birthDate: '1999-01-23' },
    { surname: 'Шарифӣ', name: 'Далер', patronymic: 'Ҷалолович', birthDate: '1996-06-14' },
  ],
  [
    { surname: 'Раҷабзода', name: 'Амир', patronymic: 'Бахтиёр', sex: 'M', birthDate: '' },
    { surname: 'Раҷабова', name: 'Зарина', patronymic: 'Исмоиловна', birthDate: '2000-03-05' },
    { surname: 'Раҷабзода', name: 'Бахтиёр', patronymic: 'Олимович', birthDate: '1995-12-19' },
  ],
  [
    { surname: 'Қодирӣ', name: 'Сорбон', patronymic: 'Манучеҳр', sex: 'M', birthDate: '' },
    { surname: 'Юсуфова', name: 'Мижгона', patronymic: 'Каримовна', birthDate: '1998-07-30' },
    { surname: 'Қодирӣ', name: 'Манучеҳр', patronymic: 'Абдуллоевич', birthDate: '1993-02-08' },
  ],
  [
    { surname: 'Саидзода', name: 'Парисо', patronymic: 'Ҷамшед', sex: 'F', birthDate: '' },
    { surname: 'Азизова', name: 'Тахмина', patronymic: 'Саидовна', birthDate: '2001-09-17' },
    { surname: 'Саидзода', name: 'Ҷамшед', patronymic: 'Носирович', birthDate: '1997-05-25' },
  ],
  [
    { surname: 'Ғафурзода', name: 'Анис', patronymic: 'Зафар', sex: 'M', birthDate: '' },
    { surname: 'Мирзоева', name: 'Гулрухсор', patronymic: 'Назаровна', birthDate: '1996-11-02' },
    { surname: 'Ғафурзода', name: 'Зафар', patronymic: 'Ҳакимович', birthDate: '1991-08-13' },
  ],
  [
    { surname: 'Исмоилзода', name: 'Сафия', patronymic: 'Илҳом', sex: 'F', birthDate: '' },
    { surname: 'Бобоева', name: 'Малика', patronymic: 'Умаровна', birthDate: '1999-12-01' },
    { surname: 'Исмоилзода', name: 'Илҳом', patronymic: 'Шарифович', birthDate: '1995-04-04' },
  ],
  [
    { surname: 'Олимов', name: 'Самир', patronymic: 'Комронович', sex: 'M', birthDate: '' },
    { surname: 'Олимова', name: 'Дилноза', patronymic: 'Фарҳодовна', birthDate: '2002-02-22' },
    { surname: 'Олимов', name: 'Комрон', patronymic: 'Хуршедович', birthDate: '1999-10-10' },
  ],
  [
    { surname: 'Ҳакимзода', name: 'Ясмина', patronymic: 'Парвиз', sex: 'F', birthDate: '' },
    { surname: 'Латипова', name: 'Фарангис', patronymic: 'Аҳмадовна', birthDate: '1998-05-16' },
    { surname: 'Ҳакимзода', name: 'Парвиз', patronymic: 'Муҳаммадович', birthDate: '1994-01-29' },
  ],
];
