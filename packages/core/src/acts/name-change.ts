import { z } from 'zod';
import { multilineText, personDetails, personName, plainDate, recordId, sex } from './common.ts';
import { exampleAdult } from './examples.ts';
import { ageOn, isDate } from './family-common.ts';
import { type DeepPartial, defineActKind } from './kind.ts';
import { pick, summaryOf } from './persons.ts';

/** Art 67 of the 2006 law: anyone aged 16 or over may change their name (younger: the guardianship body decides). */
export const NAME_CHANGE_MIN_AGE = 16;

const nameChangeSchemaV1 = z.strictObject({
  person: z.strictObject({
    surnameBefore: personName,
    nameBefore: personName,
    patronymicBefore: personName.optional(),
    surnameAfter: personName,
    nameAfter: personName,
    patronymicAfter: personName.optional(),
    sex,
    birthDate: plainDate,
    ...personDetails,
  }),
  /** The person's birth record, amended after the change. */
  birthRecordId: recordId.optional(),
  /** The person's marriage record in force, amended after the change (the spouse gets a new certificate). */
  marriageRecordId: recordId.optional(),
  /** The minor children's birth records, amended after the change (the children get new certificates). */
  childrenBirthRecordIds: z.array(recordId).max(20).optional(),
  /** The reasons given in the application. */
  reasons: multilineText,
  applicationDate: plainDate,
});

export type NameChangeData = z.infer<typeof nameChangeSchemaV1>;

const example: NameChangeData = {
  person: exampleAdult(
    {
      surnameBefore: 'Алиева',
      nameBefore: 'Мавлуда',
      patronymicBefore: 'Раҳимовна',
      surnameAfter: 'Алӣзода',
      nameAfter: 'Мавлуда',
      patronymicAfter: 'Раҳим',
      sex: 'F' as const,
      birthDate: '1990-09-15',
      birthPlace: { country: 'TJ', unit: 'KT-02', settlement: 'Кӯлоб' },
      residence: {
        country: 'TJ',
        unit: 'DU-01',
        settlement: 'Душанбе',
        address: 'кӯчаи Бохтар 35, ҳуҷраи 41',
      },
    },
    '402907311',
    'ШВКД ноҳияи Исмоили Сомонӣ',
  ),
  reasons: 'Хоҳиши шахсӣ: насаб ва номи падар бо тарзи миллии тоҷикӣ навишта шаванд.',
  applicationDate: '2025-05-06',
};

type D = DeepPartial<NameChangeData>;

/** Names compare by their letters: spacing and letter case are no change. */
const norm = (v: unknown) =>
  typeof v === 'string' ? v.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase() : '';

function unchanged(p: NonNullable<D['person']>): boolean {
  // Compare only once both names are there: a draft is typed field by field.
  if (![p.surnameBefore, p.nameBefore, p.surnameAfter, p.nameAfter].every((v) => norm(v) !== ''))
    return false;
  return (
    norm(p.surnameBefore) === norm(p.surnameAfter) &&
    norm(p.nameBefore) === norm(p.nameAfter) &&
    norm(p.patronymicBefore) === norm(p.patronymicAfter)
  );
}

export const nameChangeKind = defineActKind('NAME_CHANGE', nameChangeSchemaV1, example, {
  labels: {
    tg: 'Иваз намудани насаб, ном ва номи падар',
    ru: 'Перемена фамилии, имени, отчества',
    en: 'Change of surname, name, patronymic',
  },
  rules(d, ctx, report) {
    const applied = isDate(d.applicationDate) ? d.applicationDate : ctx.today;
    const age = ageOn(d.person?.birthDate, applied);
    if (age !== undefined && age < NAME_CHANGE_MIN_AGE)
      report.error(['person', 'birthDate'], 'error.nameChange.underAge', { age });
    if (d.person && typeof d.person === 'object' && unchanged(d.person))
      report.error(['person', 'surnameAfter'], 'error.nameChange.noChange');
  },
  persons(d) {
    const p = d.person;
    if (!p) return [];
    return [
      pick({
        role: 'subject',
        surname: p.surnameAfter,
        name: p.nameAfter,
        patronymic: p.patronymicAfter,
        birthDate: p.birthDate,
      }),
      pick({
        role: 'subject',
        surname: p.surnameBefore,
        name: p.nameBefore,
        patronymic: p.patronymicBefore,
        birthDate: p.birthDate,
        historical: true,
      }),
    ];
  },
  summary(d) {
    const p = d.person;
    const now = {
      surname: p?.surnameAfter,
      name: p?.nameAfter,
      patronymic: p?.patronymicAfter,
      birthDate: p?.birthDate,
    };
    return summaryOf(now, { eventDate: d.applicationDate });
  },
});
