import type { CertificateRenderInput } from '../../types.ts';
import { blankNumber, citizenship, date, place, recordRef } from '../format.ts';
import type { Box, LayoutContext, LayoutField, StaticLine, StaticText } from '../layout-types.ts';

/**
 * The parts every A5 certificate blank shares: the header (emblem, state name, title, blank
 * number), the record citation, and the footer (place and date of issue, who signs, signature,
 * seal, QR code). Positions are millimetres from the top-left corner of a 148 × 210 mm sheet.
 */

export const LEFT = 12;
export const RIGHT = 136;
export const FULL_WIDTH = RIGHT - LEFT;

export const A5_HEADER = { emblemY: 7, titleY: 29 };

/** Where the two columns of a row start on A5: label and value both start there. */
export const COL2 = 78;
export const COL2_WIDTH = RIGHT - COL2;
export const COL1_WIDTH = COL2 - LEFT - 4;

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
export function recordFields<T>(y: number, recordLabel: string): LayoutField<T>[] {
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
export function a5Footer<T>(issuePlaceLabel = 'Ҷойи додани шаҳодатнома'): LayoutField<T>[] {
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

export const A5_FOOTER_STATICS: readonly StaticText[] = [
  { text: '(имзо)', x: 66, y: 190.5, width: 34, size: 6, align: 'center', lastPage: true },
  { text: 'Ҷ.М.', x: LEFT, y: 195, width: 20, size: 8, bold: true, lastPage: true },
];

export const A5_FOOTER_LINES: readonly StaticLine[] = [{ x1: 66, y1: 190, x2: 100, y2: 190, lastPage: true }];

export const A5_REPEAT_MARK: Box = { x: 104, y: 9, width: 32 };
/** The QR symbol: 27 mm square, with a 4-module quiet zone inside the frame. */
export const A5_QR = { x: 107, y: 159, size: 27 };
export const A5_VERIFY_URL = { x: 94, y: 191, width: 46, height: 12 };

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
  const get = (ctx: LayoutContext<T>): PersonFacts => pick(ctx) ?? {};
  const rows: LayoutField<T>[] = [
    {
      key: `${key}.birthDate`,
      label: 'Санаи таваллуд',
      value: (ctx) => date(get(ctx).birthDate),
      x: LEFT,
      y,
      width: 26,
      size: 9.5,
    },
  ];
  if (!omit.includes('birthPlace')) {
    rows.push({
      key: `${key}.birthPlace`,
      label: 'Ҷойи таваллуд',
      value: (ctx) => place(get(ctx).birthPlace),
      x: LEFT + 29,
      y,
      width: COL2 - LEFT - 33,
      size: 9.5,
      lines: 2,
    });
  }
  if (!omit.includes('citizenship')) {
    rows.push({
      key: `${key}.citizenship`,
      label: 'Шаҳрвандӣ',
      value: (ctx) => citizenship(get(ctx).citizenship),
      x: COL2,
      y,
      width: COL2_WIDTH,
      size: 9,
    });
  }
  return rows;
}
