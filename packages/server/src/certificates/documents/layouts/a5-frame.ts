import type { CertificateRenderInput, DocumentKind } from '../../types.ts';
import { blankNumber, date, recordRef } from '../format.ts';
import {
  A5_PORTRAIT,
  type Box,
  type DocumentLayout,
  defineLayout,
  type LayoutField,
  type StaticLine,
  type StaticText,
} from '../layout-types.ts';

/**
 * The A5 frame every certificate blank shares: the header (emblem, state name, title, blank
 * series and number), the record citation, and the footer (place and date of issue, who signs,
 * signature, seal, QR code and verify URL). A document's layout (a5Certificate) gives only its own
 * rows, made of the row shapes of rows.ts. Positions are millimetres from the top-left corner of a
 * 148 × 210 mm sheet.
 */

export const LEFT = 12;
export const RIGHT = 136;
export const FULL_WIDTH = RIGHT - LEFT;

const A5_HEADER = { emblemY: 7, titleY: 29 };

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
