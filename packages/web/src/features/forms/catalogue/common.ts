import { type LocalizedText, ORGANISATION_APPLICANTS } from '@sabt/core';
import type { Condition, CopySpec, FieldSpec, SectionSpec, Values } from '../lib/catalogue-types.ts';
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

/** A hint of the nationality field: the form's own guidance, its label is core's. */
const NATIONALITY_HINT = L('Бо хоҳиши шахс', 'По желанию лица', 'If the person wishes');

export const sexField = (path: string): FieldSpec => ({
  type: 'select',
  path,
  required: true,
});

/** Surname, name and (optionally) patronymic under `prefix`. */
export function nameFields(prefix: string, required = true): FieldSpec[] {
  return [
    { type: 'text', path: `${prefix}.surname`, required, maxLength: 100 },
    { type: 'text', path: `${prefix}.name`, required, maxLength: 100 },
    { type: 'text', path: `${prefix}.patronymic`, maxLength: 100 },
  ];
}

/** A spouse's names before and after the marriage (or the divorce) and date of birth. */
export function spouseNameFields(side: 'husband' | 'wife'): FieldSpec[] {
  return [
    { type: 'text', path: `${side}.surnameBefore`, required: true, maxLength: 100 },
    { type: 'text', path: `${side}.surnameAfter`, required: true, maxLength: 100 },
    { type: 'text', path: `${side}.name`, required: true, maxLength: 100 },
    { type: 'text', path: `${side}.patronymic`, maxLength: 100 },
    { type: 'date', path: `${side}.birthDate`, required: true },
  ];
}

export const citizenshipField = (path: string, required = true): FieldSpec => ({
  type: 'country',
  path,
  default: 'TJ',
  required,
});
export const nationalityField = (path: string): FieldSpec => ({
  type: 'text',
  path,
  hint: NATIONALITY_HINT,
  maxLength: 200,
});

/** A named adult with documents (the schema's `adult`): mother, father, adopters. */
export function adultFields(prefix: string): FieldSpec[] {
  return [
    ...nameFields(prefix),
    { type: 'date', path: `${prefix}.birthDate`, required: true },
    citizenshipField(`${prefix}.citizenship`),
    nationalityField(`${prefix}.nationality`),
    { type: 'place', path: `${prefix}.birthPlace` },
    { type: 'place', path: `${prefix}.residence`, required: true },
    { type: 'document', path: `${prefix}.idDocument` },
  ];
}

const isOrganisation: Condition = (v) => ORGANISATION_APPLICANTS.includes(String(getAt(v, 'applicant.type')));

/** The applicant: a person (name, document) or an organisation (its name); both give an address. */
export function applicantSection(opts: { optional: boolean; copyFrom?: CopySpec[] }): SectionSpec {
  return {
    id: 'applicant',
    path: 'applicant',
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
        required: !opts.optional,
      },
      ...nameFields('applicant').map((f) => ({ ...f, when: not(isOrganisation) })),
      {
        type: 'text',
        path: 'applicant.organisation',
        when: isOrganisation,
        required: true,
        maxLength: 200,
        wide: true,
      },
      {
        type: 'place',
        path: 'applicant.residence',
      },
      { type: 'document', path: 'applicant.idDocument', when: not(isOrganisation) },
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

/** The basis of an act (its document, decision or application): first its type, then `fields`. */
export function basisSection(fields: FieldSpec[]): SectionSpec {
  return {
    id: 'basis',
    path: 'basis',
    fields: [{ type: 'select', path: 'basis.type', required: true, wide: true }, ...fields],
  };
}
