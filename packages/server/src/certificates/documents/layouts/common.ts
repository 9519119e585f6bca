import type { CertificateRenderInput, DocumentKind } from '../../types.ts';
import { blankNumber, citizenship, date, fullName, type NameParts, place, recordRef } from '../format.ts';
import {
  A5_PORTRAIT,
  type Box,
  type DocumentLayout,
  defineLayout,
  type LayoutContext,
  type LayoutField,
  type StaticLine,
  type StaticText,
} from '../layout-types.ts';

/**
 * The A5 frame every certificate blank shares: the header (emblem, state name, title, blank
 * series and number), the record citation, and the footer (place and date of issue, who signs,
 * signature, seal, QR code and verify URL). A document's layout (a5Certificate) gives only its own
 * rows, made of the row shapes below. Positions are millimetres from the top-left corner of a
 * 148 × 210 mm sheet.
 */

export const LEFT = 12;
export const RIGHT = 136;
export const FULL_WIDTH = RIGHT - LEFT;

const A5_HEADER = { emblemY: 7, titleY: 29 };

/** Where the two columns of a row start on A5: label and value both start there. */
const COL2 = 78;
const COL2_WIDTH = RIGHT - COL2;
const COL1_WIDTH = COL2 - LEFT - 4;

type Input = { input: CertificateRenderInput };

export function blankNumberField<T>(y = 43, x = LEFT, width = FULL_WIDTH): LayoutField<T> {
  return {
    key: 'blankNumber',
    label: '',
    value: ({ input }: Input) => blankNumber(input),
    x,
    y,
    width,
    size: 10,
    bold: true,
    align: 'center',
    preprinted: true,
  };
}

/** The act record the certificate certifies, its national number, and the office that registered it. */
function recordFields<T>(y: number, recordLabel: string): LayoutField<T>[] {
  return [
    {
      key: 'record',
      label: recordLabel,
      value: ({ input }: Input) => recordRef(input),
      x: LEFT,
      y,
      width: COL1_WIDTH,
    },
    {
      key: 'nationalId',
      label: 'Рақами ягонаи сабт',
      value: ({ input }: Input) => input.record.nationalId,
      x: COL2,
      y,
      width: COL2_WIDTH,
    },
    {
      key: 'office',
      label: 'Ҷойи бақайдгирии давлатӣ (мақоми САҲШ)',
      value: ({ input }: Input) => input.office.officialNameTg,
      x: LEFT,
      y: y + 9,
      width: FULL_WIDTH,
      lines: 2,
      size: 9.5,
    },
  ];
}

/**
 * Who signs, as every document prints it: the title line (the head's title, or an authorised
 * signer's own title and whom they sign for) and the full name, left of the signature line. The
 * title varies by office and signer, so it is printed in both modes, never pre-printed.
 */
export function signatoryFields<T>(x: number, y: number, width: number, size = 9): LayoutField<T>[] {
  return [
    {
      key: 'signatoryTitle',
      label: '',
      value: ({ input }: Input) => input.certificate.signatory.title,
      x,
      y,
      width,
      size: size - 1.5,
      lines: 2,
      lastPage: true,
      noRule: true,
    },
    {
      key: 'signatory',
      label: '',
      value: ({ input }: Input) => input.certificate.signatory.fullName,
      x,
      y: y + 6.5,
      width,
      size,
      bold: true,
      lastPage: true,
    },
  ];
}

/** Place and date of issue and who signs, left of the QR code. */
function a5Footer<T>(issuePlaceLabel = 'Ҷойи додани шаҳодатнома'): LayoutField<T>[] {
  return [
    {
      key: 'issuePlace',
      label: issuePlaceLabel,
      value: ({ input }: Input) => input.office.officialNameTg,
      x: LEFT,
      y: 160,
      width: 88,
      lines: 2,
      size: 9,
      lastPage: true,
    },
    {
      key: 'issueDate',
      label: 'Санаи додан',
      value: ({ input }: Input) => date(input.certificate.issuedOn),
      x: LEFT,
      y: 173,
      width: 40,
      lastPage: true,
    },
    ...signatoryFields<T>(LEFT, 180.5, 52),
  ];
}

const A5_FOOTER_STATICS: readonly StaticText[] = [
  { text: '(имзо)', x: 66, y: 190.5, width: 34, size: 6, align: 'center', lastPage: true },
  { text: 'Ҷ.М.', x: LEFT, y: 195, width: 20, size: 8, bold: true, lastPage: true },
];

const A5_FOOTER_LINES: readonly StaticLine[] = [{ x1: 66, y1: 190, x2: 100, y2: 190, lastPage: true }];

const A5_REPEAT_MARK: Box = { x: 104, y: 9, width: 32 };
/** The QR symbol: 27 mm square, with a 4-module quiet zone inside the frame. */
const A5_QR = { x: 107, y: 159, size: 27 };
const A5_VERIFY_URL = { x: 94, y: 191, width: 46, height: 12 };

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

/** A certificate on the A5 blank: what it is, and its own rows between the blank number and the record. */
export interface A5Certificate<T> {
  document: DocumentKind;
  recordKinds: readonly string[];
  /** Title of the document, in Tajik, as on the blank. */
  title: string;
  /** The document's own rows, below the blank's series and number. */
  rows: readonly LayoutField<T>[];
  /** Where the record citation (record, national number, office) starts, and how it names the record. */
  record: { y: number; label: string };
  /** Rows after the record citation, above the footer (a divorce certificate's holder). */
  afterRecord?: readonly LayoutField<T>[];
  /** The footer's "place of issue" label, when the document is not a шаҳодатнома. */
  issuePlaceLabel?: string;
  /** Text of the document's own, printed on the blank (full mode only). */
  statics?: readonly StaticText[];
  check?: DocumentLayout<T>['check'];
}

/** One certificate layout in the A5 frame. */
export function a5Certificate<T>(spec: A5Certificate<T>): DocumentLayout<unknown> {
  return defineLayout<T>({
    document: spec.document,
    recordKinds: spec.recordKinds,
    page: A5_PORTRAIT,
    title: spec.title,
    header: A5_HEADER,
    statics: [...(spec.statics ?? []), ...A5_FOOTER_STATICS],
    lines: [...A5_FOOTER_LINES],
    fields: [
      blankNumberField<T>(),
      ...spec.rows,
      ...recordFields<T>(spec.record.y, spec.record.label),
      ...(spec.afterRecord ?? []),
      ...a5Footer<T>(spec.issuePlaceLabel),
    ],
    repeatMark: A5_REPEAT_MARK,
    qr: A5_QR,
    verifyUrl: A5_VERIFY_URL,
    ...(spec.check ? { check: spec.check } : {}),
  });
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
