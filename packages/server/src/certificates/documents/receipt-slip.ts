import { A5_PORTRAIT } from './layout-types.ts';
import { createDoc, drawLine, drawText, lineHeight, measureText, toBuffer } from './pdf.ts';

/**
 * The receipt slip of a certificate's hand-over: what was handed over (the document, its blank
 * series and number, the record it certifies), to whom (their name and identity document), when,
 * by which office and which staff member, with a line for each signature. Printed in Tajik, as the
 * certificates are, on A5 plain paper; the office keeps it with the record's file.
 */
export interface ReceiptSlipInput {
  /** The office's full official name (office-names.ts officialName). */
  officeName: string;
  /** The document's name, e.g. "Шаҳодатнома дар бораи таваллуд". */
  document: string;
  /** "I-ДУ № 000123", or "№ 2026/000017" on plain paper. */
  blank: string;
  /** The record it certifies: "Таваллуд, № 5 аз 14.03.2025". */
  record: string;
  recipient: string;
  /** "Шиносномаи шаҳрванди Ҷумҳурии Тоҷикистон A 01234567, дода: ШВКД …". */
  recipientDocument: string;
  /** The day of the hand-over, dd.mm.yyyy. */
  date: string;
  /** The staff member who handed it over, by name. */
  staff: string;
}

const LEFT = 14;
const WIDTH = A5_PORTRAIT.widthMm - 2 * LEFT;

export async function renderReceiptSlip(
  input: ReceiptSlipInput,
  options: { date?: string } = {},
): Promise<Buffer> {
  const doc = createDoc(A5_PORTRAIT, {
    title: `Тилхат дар бораи гирифтани ҳуҷҷат — ${input.blank}`,
    author: input.officeName,
    subject: `${input.document} ${input.blank}`,
    date: options.date ?? '2000-01-01',
  });
  let y = 14;
  y +=
    drawText(doc, {
      text: input.officeName,
      x: LEFT,
      y,
      width: WIDTH,
      size: 10,
      bold: true,
      align: 'center',
      lines: 3,
      minSize: 7,
    }) + 8;
  y += drawText(doc, { text: 'ТИЛХАТ', x: LEFT, y, width: WIDTH, size: 14, bold: true, align: 'center' }) + 1;
  y +=
    drawText(doc, {
      text: 'дар бораи гирифтани ҳуҷҷати бақайдгирии давлатии асноди ҳолати шаҳрвандӣ',
      x: LEFT,
      y,
      width: WIDTH,
      size: 9,
      align: 'center',
      lines: 2,
    }) + 8;

  const rows: [string, string][] = [
    ['Ҳуҷҷат', input.document],
    ['Силсила ва рақами бланк', input.blank],
    ['Сабти санад', input.record],
    ['Гиранда (насаб, ном, номи падар)', input.recipient],
    ['Ҳуҷҷати тасдиқкунандаи шахсияти гиранда', input.recipientDocument],
    ['Санаи супоридан', input.date],
    ['Супорид (корманди мақоми САҲШ)', input.staff],
  ];
  for (const [label, value] of rows) {
    y += drawText(doc, { text: label, x: LEFT, y, width: WIDTH, size: 7.5, color: '#444444' }) + 0.6;
    const spec = {
      text: value || '—',
      x: LEFT,
      y,
      width: WIDTH,
      size: 10.5,
      bold: true,
      lines: 3,
      minSize: 8,
    };
    const h = measureText(doc, spec);
    drawText(doc, spec);
    y += h + 0.8;
    drawLine(doc, LEFT, y, LEFT + WIDTH, y, 0.2, '#9a9a9a');
    y += 3;
  }

  y += 4;
  y +=
    drawText(doc, {
      text: 'Ҳуҷҷати дар боло зикршударо гирифтам. Маълумоти дар он навишташуда санҷида шуд.',
      x: LEFT,
      y,
      width: WIDTH,
      size: 9,
      lines: 2,
    }) + 12;

  for (const who of ['Имзои гиранда', 'Имзои корманди мақоми САҲШ']) {
    drawLine(doc, LEFT, y, LEFT + 70, y, 0.4);
    drawText(doc, { text: who, x: LEFT, y: y + 1, width: 70, size: 7.5, color: '#444444' });
    drawText(doc, {
      text: who === 'Имзои гиранда' ? input.recipient : input.staff,
      x: LEFT + 74,
      y: y - lineHeight(doc, 9),
      width: WIDTH - 74,
      size: 9,
      minSize: 6,
    });
    y += 16;
  }
  return toBuffer(doc);
}
