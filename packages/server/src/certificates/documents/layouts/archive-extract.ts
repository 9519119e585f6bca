import { ACT_KINDS, getActKind } from '@sabt/core';
import { date, recordRef } from '../format.ts';
import { A4_PORTRAIT, defineLayout } from '../layout-types.ts';
import { blankNumberField, signatoryFields } from './a5-frame.ts';
import { extractRows } from './extract-rows.ts';

/**
 * Archive extract (иқтибос аз сабти санади ҳолати шаҳрвандӣ) on A4: the record's kind, number,
 * date, national number and office, then the record's data as registered, its corrections and
 * notations, flowing onto further pages when long; place and date of issue, who signs and QR code on the
 * last page. Positions are millimetres on a 210 × 297 mm sheet.
 */

const L = 20;
const R = 190;
const MID = 108;

export const archiveExtractLayout = defineLayout<unknown>({
  document: 'ARCHIVE_EXTRACT',
  recordKinds: ACT_KINDS,
  page: A4_PORTRAIT,
  title: 'Иқтибос аз сабти санади ҳолати шаҳрвандӣ',
  header: { emblemY: 9, titleY: 32 },
  statics: [
    { text: '(имзо)', x: 96, y: 270.5, width: 40, size: 6.5, align: 'center', lastPage: true },
    { text: 'Ҷ.М.', x: L, y: 276, width: 20, size: 9, bold: true, lastPage: true },
  ],
  lines: [
    { x1: L, y1: 71, x2: R, y2: 71 },
    { x1: 96, y1: 270, x2: 136, y2: 270, lastPage: true },
  ],
  fields: [
    blankNumberField(42, L, R - L),
    {
      key: 'kind',
      label: 'Намуди санад',
      value: ({ input }) => getActKind(input.record.kind)?.labels.tg ?? input.record.kind,
      x: L,
      y: 54,
      width: MID - L - 4,
      bold: true,
    },
    {
      key: 'record',
      label: 'Рақам ва санаи сабт',
      value: ({ input }) => recordRef(input),
      x: MID,
      y: 54,
      width: R - MID,
      bold: true,
    },
    {
      key: 'nationalId',
      label: 'Рақами ягонаи сабт',
      value: ({ input }) => input.record.nationalId,
      x: L,
      y: 63,
      width: MID - L - 4,
    },
    {
      key: 'office',
      label: 'Мақоми САҲШ, ки сабтро тартиб додааст',
      value: ({ input }) => input.office.officialNameTg,
      x: MID,
      y: 63,
      width: R - MID,
      size: 8.5,
      lines: 2,
    },
    {
      key: 'issuePlace',
      label: 'Ҷойи додани иқтибос',
      value: ({ input }) => input.office.officialNameTg,
      x: L,
      y: 253,
      width: 86,
      size: 9.5,
      lines: 2,
      lastPage: true,
    },
    {
      key: 'issueDate',
      label: 'Санаи додан',
      value: ({ input }) => date(input.certificate.issuedOn),
      x: L + 90,
      y: 253,
      width: 30,
      lastPage: true,
    },
    ...signatoryFields(L, 262, 74, 9.5),
  ],
  repeatMark: { x: 152, y: 11, width: 36 },
  qr: { x: 160, y: 246, size: 27 },
  verifyUrl: { x: 147, y: 277, width: 53, height: 9 },
  flow: { x: L, y: 74, width: R - L, bottom: 243, rows: ({ input }) => extractRows(input) },
});
