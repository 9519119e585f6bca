import { A5_PORTRAIT } from '../../certificates/documents/layout-types.ts';
import {
  createDoc,
  drawLine,
  drawText,
  measureText,
  mm,
  toBuffer,
} from '../../certificates/documents/pdf.ts';
import { drawQr } from '../../certificates/documents/qr.ts';

/**
 * A fee receipt (or a refund's receipt) on A5 plain paper, in Tajik and Russian side by side, as
 * the front office hands it to the citizen: the office, the receipt's number and date, who paid,
 * the record and the service, the itemised lines of the charge, the total in figures and in words
 * in both languages, how it was paid and its reference, who took it, and a QR code with the
 * public address that checks the receipt's verification code. Same input, same bytes.
 */
export interface FeeReceiptInput {
  kind: 'payment' | 'refund';
  /** The office's full official name (office-names.ts officialName). */
  officeName: string;
  /** "<office numeric code>-<year>-<n>" */
  number: string;
  /** dd.mm.yyyy: the office's business day of the entry */
  date: string;
  /** HH:MM: when it was recorded, in the office's time zone */
  time: string;
  payer: string;
  /** "Таваллуд / Рождение, № 5 аз 14.03.2025"; null: the service concerns no record. */
  record: string | null;
  service: { tg: string; ru: string };
  /** The charge's lines: state duty, service fee, blank (a consular tariff abroad). */
  lines: { tg: string; ru: string; amount: string }[];
  /** The charge's total ("450.00 TJS"). */
  charged: string;
  /** This entry's amount ("450.00 TJS"). */
  amount: string;
  words: { tg: string; ru: string };
  method: { tg: string; ru: string } | null;
  reference: string | null;
  /** Why the money was given back (a refund). */
  reason: string | null;
  /** Who took (or gave back) the money. */
  staff: string;
  /** XXXXX-XXXXX */
  verifyCode: string;
  verifyUrl: string;
}

const PAGE = A5_PORTRAIT;
const LEFT = 12;
const WIDTH = PAGE.widthMm - 2 * LEFT;
const AMOUNT_WIDTH = 30;
const GREY = '#444444';

export async function renderFeeReceipt(input: FeeReceiptInput, options: { date: string }): Promise<Buffer> {
  const refund = input.kind === 'refund';
  const title = refund ? 'КВИТАНСИЯИ БАРГАРДОНИДАНИ МАБЛАҒ' : 'КВИТАНСИЯ';
  const titleRu = refund ? 'Квитанция о возврате средств' : 'Квитанция об оплате';
  const doc = createDoc(PAGE, {
    title: `${titleRu} № ${input.number}`,
    author: input.officeName,
    subject: `${input.service.ru} — ${input.amount}`,
    date: options.date,
  });
  let y = 10;
  const text = (t: string, x: number, width: number, size: number, extra: object = {}) =>
    drawText(doc, { text: t, x, y, width, size, lines: 3, minSize: 6.5, ...extra });

  y += text(input.officeName, LEFT, WIDTH, 9.5, { bold: true, align: 'center' }) + 5;
  y += text(`${title} № ${input.number}`, LEFT, WIDTH, 13, { bold: true, align: 'center', lines: 2 }) + 0.5;
  if (!refund) {
    y +=
      text('дар бораи пардохти боҷи давлатӣ ва ҳаққи хизматрасонӣ', LEFT, WIDTH, 8, {
        align: 'center',
        color: GREY,
        lines: 2,
      }) + 0.3;
  }
  y += text(`${titleRu} № ${input.number}`, LEFT, WIDTH, 8, { align: 'center', color: GREY, lines: 2 }) + 1;
  y += text(`Сана / Дата: ${input.date}, ${input.time}`, LEFT, WIDTH, 9, { align: 'center' }) + 5;

  const row = (label: string, value: string) => {
    y += text(label, LEFT, WIDTH, 7, { color: GREY, lines: 1 }) + 0.4;
    const spec = { text: value || '—', x: LEFT, y, width: WIDTH, size: 10, bold: true, lines: 3, minSize: 7 };
    const h = measureText(doc, spec);
    drawText(doc, spec);
    y += h + 0.6;
    drawLine(doc, LEFT, y, LEFT + WIDTH, y, 0.2, '#9a9a9a');
    y += 2.2;
  };
  row(refund ? 'Ба кӣ баргардонида шуд / Получатель' : 'Пардохткунанда / Плательщик', input.payer);
  if (input.record) row('Сабти санад / Запись акта', input.record);
  row('Хизматрасонӣ / Услуга', `${input.service.tg} / ${input.service.ru}`);

  // the itemised lines of the charge
  y += 1;
  const labelWidth = WIDTH - AMOUNT_WIDTH - 2;
  text('Номгӯй / Наименование', LEFT, labelWidth, 7, { color: GREY, lines: 1 });
  y += text('Маблағ / Сумма', LEFT + WIDTH - AMOUNT_WIDTH, AMOUNT_WIDTH, 7, {
    color: GREY,
    lines: 1,
    align: 'right',
  });
  y += 0.5;
  drawLine(doc, LEFT, y, LEFT + WIDTH, y, 0.4);
  y += 1.5;
  const line = (label: string, amount: string, bold = false) => {
    const spec = { text: label, x: LEFT, y, width: labelWidth, size: 9, bold, lines: 2, minSize: 7 };
    const h = measureText(doc, spec);
    drawText(doc, spec);
    drawText(doc, {
      text: amount,
      x: LEFT + WIDTH - AMOUNT_WIDTH,
      y,
      width: AMOUNT_WIDTH,
      size: 9,
      bold,
      align: 'right',
    });
    y += h + 1.2;
  };
  for (const l of input.lines) line(`${l.tg} / ${l.ru}`, l.amount);
  drawLine(doc, LEFT, y, LEFT + WIDTH, y, 0.4);
  y += 1.5;
  line('Ҳамагӣ ҳисоб шудааст / Всего начислено', input.charged);
  line(refund ? 'Баргардонида шуд / Возвращено' : 'Пардохт шуд / Оплачено', input.amount, true);
  y += 1;
  y += text('Маблағ бо ҳарфҳо / Сумма прописью', LEFT, WIDTH, 7, { color: GREY, lines: 1 }) + 0.4;
  y += text(input.words.tg, LEFT, WIDTH, 9.5, { bold: true, lines: 3 }) + 0.4;
  y += text(input.words.ru, LEFT, WIDTH, 9.5, { bold: true, lines: 3 }) + 3;

  if (input.method) {
    row(
      'Тарзи пардохт / Способ оплаты',
      `${input.method.tg} / ${input.method.ru}${input.reference ? ` · № ${input.reference}` : ''}`,
    );
  }
  if (input.reason) row('Сабаб / Причина', input.reason);
  row(refund ? 'Баргардонид / Выдал(а)' : 'Қабул кард / Принял(а)', input.staff);

  // the QR code and the address that checks it, in the bottom right corner; the signature on the left
  const side = 26;
  const qrX = LEFT + WIDTH - side;
  const qrY = Math.max(y + 4, PAGE.heightMm - 14 - side);
  drawQr(doc, input.verifyUrl, mm(qrX), mm(qrY), mm(side));
  const under = qrY + side + 1.5;
  drawText(doc, {
    text: `Рамзи санҷиш / Код проверки: ${input.verifyCode}`,
    x: LEFT,
    y: under,
    width: WIDTH,
    size: 7,
    align: 'right',
  });
  drawText(doc, { text: input.verifyUrl, x: LEFT, y: under + 3, width: WIDTH, size: 7, align: 'right' });
  drawLine(doc, LEFT, qrY + side - 4, LEFT + 60, qrY + side - 4, 0.4);
  drawText(doc, {
    text: 'Имзо / Подпись',
    x: LEFT,
    y: qrY + side - 3,
    width: 60,
    size: 7,
    color: GREY,
  });
  return toBuffer(doc);
}
