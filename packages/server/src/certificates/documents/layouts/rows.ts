import { citizenship, date, fullName, type NameParts, place } from '../format.ts';
import type { LayoutContext, LayoutField } from '../layout-types.ts';
import { COL1_WIDTH, COL2, COL2_WIDTH, FULL_WIDTH, LEFT } from './a5-frame.ts';

/**
 * The row shapes certificate layouts are made of, inside the A5 frame (a5-frame.ts): a person's
 * name, their row of facts (date and place of birth, citizenship), a value in a column, a place
 * across the sheet, and both spouses' rows of a marriage or a divorce.
 */

/** What a person row reads: any part may be missing in an older or partial record. */
export interface PersonFacts {
  birthDate?: string | undefined;
  birthPlace?:
    | { country?: string | undefined; unit?: string | undefined; settlement?: string | undefined }
    | undefined;
  citizenship?: string | undefined;
}

/**
 * A row with a person's date of birth, place of birth and citizenship side by side. Leave out
 * `citizenship` in `omit` when the act does not record it, or `birthPlace` likewise.
 */
export function personRow<T>(
  key: string,
  y: number,
  pick: (ctx: LayoutContext<T>) => PersonFacts | undefined,
  omit: readonly ('birthPlace' | 'citizenship')[] = [],
): LayoutField<T>[] {
  return PERSON_ROW.filter(({ part }) => part === 'birthDate' || !omit.includes(part)).map(
    ({ part, label, read, x, ...rest }) => ({
      key: `${key}.${part}`,
      label,
      value: (ctx: LayoutContext<T>) => read(pick(ctx) ?? {}),
      x,
      y,
      ...rest,
    }),
  );
}

/** The columns of a {@link personRow}, left to right. */
const PERSON_ROW: readonly {
  part: keyof PersonFacts;
  label: string;
  read: (p: PersonFacts) => string;
  x: number;
  width: number;
  size: number;
  lines?: number;
}[] = [
  {
    part: 'birthDate',
    label: 'Санаи таваллуд',
    read: (p) => date(p.birthDate),
    x: LEFT,
    width: 26,
    size: 9.5,
  },
  {
    part: 'birthPlace',
    label: 'Ҷойи таваллуд',
    read: (p) => place(p.birthPlace),
    x: LEFT + 29,
    width: COL2 - LEFT - 33,
    size: 9.5,
    lines: 2,
  },
  {
    part: 'citizenship',
    label: 'Шаҳрвандӣ',
    read: (p) => citizenship(p.citizenship),
    x: COL2,
    width: COL2_WIDTH,
    size: 9,
  },
];

/** What a row prints, from the record's data and the render input. */
type Value<T> = (ctx: LayoutContext<T>) => string;

/** The full name of a person the document is about, across the sheet, bold. */
export function nameRow<T>(
  key: string,
  label: string,
  value: Value<T>,
  y: number,
  size = 11,
): LayoutField<T> {
  return { key, label, value, x: LEFT, y, width: FULL_WIDTH, size, bold: true };
}

/** A person's full name in the left column (up to two lines, bold) and their citizenship in the right one. */
export function nameAndCitizenship<T>(
  name: { key: string; label: string; value: Value<T> },
  nationality: { key: string; label: string; value: Value<T> },
  y: number,
): LayoutField<T>[] {
  return [
    { ...name, x: LEFT, y, width: COL1_WIDTH, lines: 2, bold: true },
    { ...nationality, x: COL2, y, width: COL2_WIDTH, size: 9 },
  ];
}

/** A person the document names, with their citizenship, read from one part of the record. */
type PickPerson<T> = (ctx: LayoutContext<T>) => (NameParts & PersonFacts) | undefined;

/** A person's full name and citizenship side by side ({@link nameAndCitizenship}), both read through `pick`. */
export function personWithCitizenship<T>(
  key: string,
  label: string,
  pick: PickPerson<T>,
  y: number,
  nationality: { key: string; label: string } = { key: `${key}.citizenship`, label: 'Шаҳрвандӣ' },
): LayoutField<T>[] {
  return nameAndCitizenship<T>(
    { key, label, value: (ctx) => fullName(pick(ctx)) },
    { ...nationality, value: (ctx) => citizenship(pick(ctx)?.citizenship) },
    y,
  );
}

/** A person's full name across the sheet ({@link nameRow}) and, 9 mm below, their {@link personRow}. */
export function personBlock<T>(
  key: string,
  label: string,
  pick: PickPerson<T>,
  y: number,
  omit: readonly ('birthPlace' | 'citizenship')[] = [],
): LayoutField<T>[] {
  return [nameRow<T>(key, label, (ctx) => fullName(pick(ctx)), y), ...personRow<T>(key, y + 9, pick, omit)];
}

/** A value in the left or the right column (a date, a surname). */
export function columnRow<T>(
  column: 1 | 2,
  key: string,
  label: string,
  value: Value<T>,
  y: number,
  style: { bold?: boolean; size?: number } = { bold: true },
): LayoutField<T> {
  return column === 1
    ? { key, label, value, x: LEFT, y, width: COL1_WIDTH, ...style }
    : { key, label, value, x: COL2, y, width: COL2_WIDTH, ...style };
}

/** A place across the sheet, on up to two lines. */
export function placeRow<T>(key: string, label: string, value: Value<T>, y: number): LayoutField<T> {
  return { key, label, value, x: LEFT, y, width: FULL_WIDTH, lines: 2 };
}

export type Side = 'husband' | 'wife';

/** What a spouse's rows read from a marriage or a divorce record. */
export interface SpouseFacts extends PersonFacts {
  surnameBefore?: string | undefined;
  name?: string | undefined;
  patronymic?: string | undefined;
  surnameAfter?: string | undefined;
}

/** A record that holds both spouses (a marriage, a divorce). */
type SpousesRecord = Record<Side, SpouseFacts | undefined>;

const spouseOf = <T extends SpousesRecord>({ data }: LayoutContext<T>, side: Side): SpouseFacts | undefined =>
  data[side];

/**
 * A spouse (before the marriage, or the former spouse): the name across the sheet, under a heading
 * naming the side, and date and place of birth and citizenship below it.
 */
function spouseRows<T extends SpousesRecord>(
  side: Side,
  nameKey: string,
  nameLabel: string,
  y: number,
): LayoutField<T>[] {
  const pick = spouseOf<T>;
  const heading = side === 'husband' ? 'Шавҳар' : 'Зан';
  return [
    nameRow<T>(
      `${side}.${nameKey}`,
      `${heading}: ${nameLabel}`,
      (ctx) => {
        const p = pick(ctx, side);
        return fullName({ surname: p?.surnameBefore, name: p?.name, patronymic: p?.patronymic });
      },
      y,
    ),
    ...personRow<T>(side, y + 9, (ctx) => pick(ctx, side)),
  ];
}

/** Both spouses' {@link spouseRows}: the husband's from `y`, the wife's 21 mm below. */
export function bothSpouses<T extends SpousesRecord>(
  nameKey: string,
  nameLabel: string,
  y: number,
): LayoutField<T>[] {
  return [
    ...spouseRows<T>('husband', nameKey, nameLabel, y),
    ...spouseRows<T>('wife', nameKey, nameLabel, y + 21),
  ];
}

/** The surnames the spouses took ("баъд аз …"): the husband's left, the wife's right, bold. */
export function surnamesAfter<T extends SpousesRecord>(after: string, y: number): LayoutField<T>[] {
  const pick = spouseOf<T>;
  return [
    columnRow<T>(
      1,
      'husband.surnameAfter',
      `Насаби шавҳар ${after}`,
      (ctx) => pick(ctx, 'husband')?.surnameAfter ?? '',
      y,
    ),
    columnRow<T>(
      2,
      'wife.surnameAfter',
      `Насаби зан ${after}`,
      (ctx) => pick(ctx, 'wife')?.surnameAfter ?? '',
      y,
    ),
  ];
}
