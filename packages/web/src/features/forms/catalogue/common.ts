import {
  APPLICANT_TYPES,
  FIELD_LABELS,
  type LocalizedText,
  ORGANISATION_APPLICANTS,
  VALUE_LABELS,
} from '@sabt/core';
import type { Condition, CopySpec, Field, Option, Section, Values } from '../lib/catalogue-types.ts';
import { getAt } from '../lib/paths.ts';

/** Building blocks shared by the act kinds' catalogues. */

export const L = (tg: string, ru: string, en: string): LocalizedText => ({ tg, ru, en });

export const is =
  (path: string, ...values: unknown[]): Condition =>
  (v) =>
    values.includes(getAt(v, path));
export const not =
  (c: Condition): Condition =>
  (v) =>
    !c(v);
export const filled =
  (path: string): Condition =>
  (v) => {
    const x = getAt(v, path);
    return (
      x !== undefined && x !== '' && !(typeof x === 'object' && x !== null && Object.keys(x).length === 0)
    );
  };
export const any =
  (...cs: Condition[]): Condition =>
  (v) =>
    cs.some((c) => c(v));

export const LABELS = {
  surname: FIELD_LABELS.surname,
  name: L('Ном', 'Имя', 'Name'),
  patronymic: FIELD_LABELS.patronymic,
  sex: FIELD_LABELS.sex,
  birthDate: FIELD_LABELS.birthDate,
  birthPlace: FIELD_LABELS.birthPlace,
  citizenship: FIELD_LABELS.citizenship,
  nationality: L('Миллат', 'Национальность', 'Nationality (ethnicity)'),
  residence: L('Ҷои истиқомат', 'Место жительства', 'Place of residence'),
  idDocument: FIELD_LABELS.idDocument,
  birthRecord: FIELD_LABELS.birthRecordId,
  marriageRecord: L('Сабти ақди никоҳ', 'Запись акта о заключении брака', 'Marriage record'),
  applicationDate: L('Санаи пешниҳоди ариза', 'Дата подачи заявления', 'Date of the application'),
  number: FIELD_LABELS.number,
  date: FIELD_LABELS.date,
  office: L('Идораи бақайдгирӣ', 'Орган регистрации', 'Registering office'),
  documentNumber: L('Рақами ҳуҷҷат', 'Номер документа', 'Document number'),
  documentDate: L('Санаи ҳуҷҷат', 'Дата документа', 'Document date'),
  issuer: L('Муассисае, ки ҳуҷҷатро додааст', 'Организация, выдавшая документ', 'Issued by'),
  nationalityHint: L('Бо хоҳиши шахс', 'По желанию лица', 'If the person wishes'),
};

export const SEX_OPTIONS: Option[] = [
  { value: 'M', label: VALUE_LABELS.M },
  { value: 'F', label: VALUE_LABELS.F },
];

/** Where a birth or a death took place: the answers both forms word alike. */
export const FACILITY_OPTION: Option = {
  value: 'FACILITY',
  label: L('Дар муассисаи тиббӣ', 'В медицинской организации', 'Health facility'),
};
export const ELSEWHERE_OPTION: Option = {
  value: 'OTHER',
  label: L('Дар ҷои дигар', 'В другом месте', 'Elsewhere'),
};
/** A widowed person's marital status, as the death and marriage forms word it. */
export const WIDOWED_OPTION: Option = {
  value: 'WIDOWED',
  label: L('Бевамард ё бевазан', 'Вдовец (вдова)', 'Widowed'),
};

export const sexField = (path: string): Field => ({
  type: 'select',
  path,
  label: LABELS.sex,
  options: SEX_OPTIONS,
  required: true,
});

/** Surname, name and (optionally) patronymic under `prefix`. */
export function nameFields(prefix: string, required = true): Field[] {
  return [
    { type: 'text', path: `${prefix}.surname`, label: LABELS.surname, required, maxLength: 100 },
    { type: 'text', path: `${prefix}.name`, label: LABELS.name, required, maxLength: 100 },
    { type: 'text', path: `${prefix}.patronymic`, label: LABELS.patronymic, maxLength: 100 },
  ];
}

export const citizenshipField = (path: string, required = true): Field => ({
  type: 'country',
  path,
  label: LABELS.citizenship,
  default: 'TJ',
  required,
});
export const nationalityField = (path: string): Field => ({
  type: 'text',
  path,
  label: LABELS.nationality,
  hint: LABELS.nationalityHint,
  maxLength: 200,
});

/** A named adult with documents (the schema's `adult`): mother, father, adopters. */
export function adultFields(prefix: string): Field[] {
  return [
    ...nameFields(prefix),
    { type: 'date', path: `${prefix}.birthDate`, label: LABELS.birthDate, required: true },
    citizenshipField(`${prefix}.citizenship`),
    nationalityField(`${prefix}.nationality`),
    { type: 'place', path: `${prefix}.birthPlace`, label: LABELS.birthPlace },
    { type: 'place', path: `${prefix}.residence`, label: LABELS.residence, required: true },
    { type: 'document', path: `${prefix}.idDocument`, label: LABELS.idDocument },
  ];
}

const APPLICANT_LABELS: Record<(typeof APPLICANT_TYPES)[number], LocalizedText> = {
  MOTHER: VALUE_LABELS.MOTHER,
  FATHER: VALUE_LABELS.FATHER,
  PARENTS: L('Падару модар', 'Родители', 'Both parents'),
  SPOUSE: L('Ҳамсар', 'Супруг (супруга)', 'Spouse'),
  RELATIVE: VALUE_LABELS.RELATIVE,
  OTHER_PERSON: L('Шахси дигар', 'Другое лицо', 'Another person'),
  MEDICAL_FACILITY: VALUE_LABELS.MEDICAL_FACILITY,
  GUARDIANSHIP_BODY: L(
    'Мақоми васоят ва парасторӣ',
    'Орган опеки и попечительства',
    'Guardianship authority',
  ),
  POLICE: VALUE_LABELS.POLICE,
  ORGANISATION: L('Ташкилоти дигар', 'Другая организация', 'Another organisation'),
};
export const APPLICANT_OPTIONS: Option[] = APPLICANT_TYPES.map((value) => ({
  value,
  label: APPLICANT_LABELS[value],
}));

const isOrganisation: Condition = (v) => ORGANISATION_APPLICANTS.includes(String(getAt(v, 'applicant.type')));

/** The applicant: a person (name, document) or an organisation (its name); both give an address. */
export function applicantSection(opts: { optional: boolean; copyFrom?: CopySpec[] }): Section {
  return {
    id: 'applicant',
    path: 'applicant',
    title: FIELD_LABELS.applicant,
    ...(opts.optional
      ? {
          hint: L(
            'Агар ариза аз ҷониби шахси дигар дода шуда бошад, пур кунед.',
            'Заполните, если заявление подал кто-то другой.',
            'Fill in if someone else made the application.',
          ),
        }
      : {}),
    ...(opts.copyFrom ? { copyFrom: opts.copyFrom } : {}),
    fields: [
      {
        type: 'select',
        path: 'applicant.type',
        label: L('Кӣ ариза медиҳад', 'Кто подаёт заявление', 'Who is applying'),
        options: APPLICANT_OPTIONS,
        required: !opts.optional,
      },
      ...nameFields('applicant').map((f) => ({ ...f, when: not(isOrganisation) })),
      {
        type: 'text',
        path: 'applicant.organisation',
        label: L('Номи ташкилот', 'Наименование организации', 'Name of the organisation'),
        when: isOrganisation,
        required: true,
        maxLength: 200,
        wide: true,
      },
      {
        type: 'place',
        path: 'applicant.residence',
        label: L(
          'Ҷои истиқомат ё суроғаи ташкилот',
          'Место жительства или адрес организации',
          'Residence, or the address of the organisation',
        ),
      },
      { type: 'document', path: 'applicant.idDocument', label: LABELS.idDocument, when: not(isOrganisation) },
    ],
  };
}

/** Copies a person's name into the applicant (applicant = mother, father, spouse …). */
export function copyPerson(
  label: LocalizedText,
  from: string,
  when: Condition,
  names: { surname: string; name: string; patronymic: string } = {
    surname: 'surname',
    name: 'name',
    patronymic: 'patronymic',
  },
  /** The applicant type set when none is chosen yet. */
  type?: string,
): CopySpec {
  return {
    label,
    when,
    copy: (v: Values) => {
      const p = (getAt(v, from) ?? {}) as Record<string, unknown>;
      const out: Record<string, unknown> = {
        type: getAt(v, 'applicant.type') ?? type,
        surname: p[names.surname],
        name: p[names.name],
        patronymic: p[names.patronymic],
        residence: p.residence,
        idDocument: p.idDocument,
      };
      return { applicant: out };
    },
  };
}

const SPOUSE_NAMES = { surname: 'surnameBefore', name: 'name', patronymic: 'patronymic' };

/** The applicant copied from the husband or the wife (marriage, divorce). */
export const SPOUSE_COPIES: CopySpec[] = [
  copyPerson(
    L('Аз маълумоти шавҳар', 'Из сведений о муже', 'Copy from the husband'),
    'husband',
    () => true,
    SPOUSE_NAMES,
    'SPOUSE',
  ),
  copyPerson(
    L('Аз маълумоти зан', 'Из сведений о жене', 'Copy from the wife'),
    'wife',
    () => true,
    SPOUSE_NAMES,
    'SPOUSE',
  ),
];
