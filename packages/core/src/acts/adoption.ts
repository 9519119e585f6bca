import { z } from 'zod';
import { checkCourtDecision, courtDecision } from './basis-documents.ts';
import { adult, applicant, checkApplicant, fullName, place, plainDate, recordId, sex } from './common.ts';
import { exampleAdult, exampleApplicant } from './examples.ts';
import { type ActKindDefinition, defineActKind } from './kind.ts';
import { pick } from './persons.ts';

/** A biological parent as the child's birth record names them. */
const birthParent = z.strictObject({
  ...fullName,
  birthDate: plainDate.optional(),
});

const adoptionSchemaV1 = z.strictObject({
  /** The child's birth record, which the adoption amends (and seals). */
  birthRecordId: recordId.optional(),
  childBefore: z.strictObject({
    ...fullName,
    sex,
    birthDate: plainDate,
    birthPlace: place,
  }),
  /** The child after the adoption: the court may change the name, and the date and place of birth. */
  childAfter: z.strictObject({
    ...fullName,
    birthDate: plainDate,
    birthPlace: place,
  }),
  birthMother: birthParent.optional(),
  birthFather: birthParent.optional(),
  adoptiveMother: adult.optional(),
  adoptiveFather: adult.optional(),
  /** Whether the court ordered the adopters to be recorded as the child's parents. */
  adoptersRecordedAsParents: z.boolean(),
  court: courtDecision,
  applicant: applicant.optional(),
});

export type AdoptionData = z.infer<typeof adoptionSchemaV1>;

/** The adopters' home. */
const adopters = {
  country: 'TJ',
  unit: 'DU-01',
  settlement: 'Душанбе',
  address: 'хиёбони Рӯдакӣ 84, ҳуҷраи 17',
};

const adoptiveFather = exampleAdult(
  {
    surname: 'Қодиров',
    name: 'Фаррух',
    patronymic: 'Нуруллоевич',
    birthDate: '1983-12-01',
    birthPlace: { country: 'TJ', unit: 'DU-00' },
    residence: adopters,
  },
  '400447125',
);

const example: AdoptionData = {
  childBefore: {
    surname: 'Ҳамидзода',
    name: 'Сино',
    sex: 'M',
    birthDate: '2022-09-12',
    birthPlace: { country: 'TJ', unit: 'KT-01', settlement: 'Бохтар', address: 'Таваллудхонаи вилоятӣ' },
  },
  childAfter: {
    surname: 'Қодирзода',
    name: 'Сино',
    patronymic: 'Фаррух',
    birthDate: '2022-09-12',
    birthPlace: { country: 'TJ', unit: 'DU-01', settlement: 'Душанбе' },
  },
  birthMother: { surname: 'Ҳамидова', name: 'Зарина', patronymic: 'Олимовна', birthDate: '2003-01-17' },
  adoptiveMother: exampleAdult(
    {
      surname: 'Сафарова',
      name: 'Дилором',
      patronymic: 'Иброҳимовна',
      birthDate: '1986-03-08',
      birthPlace: { country: 'TJ', unit: 'RA-13' },
      residence: adopters,
    },
    '401552093',
  ),
  adoptiveFather,
  adoptersRecordedAsParents: true,
  court: {
    court: 'Суди ноҳияи Исмоили Сомонии ш. Душанбе',
    caseNumber: '2-387/2025',
    date: '2025-04-22',
    inForceDate: '2025-05-23',
  },
  applicant: exampleApplicant('FATHER', adoptiveFather),
};

export const adoptionKind = defineActKind('ADOPTION', adoptionSchemaV1, example, {
  labels: { tg: 'Фарзандхондӣ', ru: 'Усыновление (удочерение)', en: 'Adoption' },
  rules(d, ctx, report) {
    // A missing adopter is something still to fill in: registry.ts lets a draft wait for it.
    if (!d.adoptiveMother && !d.adoptiveFather) report.error(['adoptiveMother'], 'error.adoption.noAdopter');
    checkCourtDecision(report, d.court, ['court'], ctx.today, { event: d.childBefore?.birthDate });
    checkApplicant(d.applicant, report);
  },
  persons(d) {
    return [
      pick({ role: 'subject', ...d.childAfter }),
      pick({ role: 'subject', ...d.childBefore, historical: true, sealed: true }),
      ...(d.adoptiveMother ? [pick({ role: 'adopter', ...d.adoptiveMother })] : []),
      ...(d.adoptiveFather ? [pick({ role: 'adopter', ...d.adoptiveFather })] : []),
      ...(d.birthMother ? [pick({ role: 'birth-parent', ...d.birthMother, sealed: true })] : []),
      ...(d.birthFather ? [pick({ role: 'birth-parent', ...d.birthFather, sealed: true })] : []),
    ];
  },
  summary(d) {
    // Adoption secrecy: lists and search show the child as the adoption made them.
    return {
      surname: d.childAfter?.surname,
      name: d.childAfter?.name,
      patronymic: d.childAfter?.patronymic,
      birthDate: d.childAfter?.birthDate,
      eventDate: d.court?.date,
    } as ReturnType<ActKindDefinition['summary']>;
  },
});
