import type { Calibration, DocumentKind } from '../types.ts';
import type { PageSize } from './layout-types.ts';
import { layoutFor } from './layouts/index.ts';
import { createDoc, drawLine, drawText, mm, toBuffer } from './pdf.ts';

/**
 * The printer test page for a blank. An office prints it (on plain paper or a spoiled blank)
 * with the printer's current calibration and measures with a ruler where the crosshairs land:
 * each centre must sit the printed distance from the left and top edges of the sheet. The
 * difference is what to add to the calibration. The dashed boxes show where the blank's values
 * will print; the ruler along the edges checks that the printer does not scale the page.
 */

export interface CalibrationPageOptions {
  page?: PageSize;
  /** YYYY-MM-DD printed on the page and used as the PDF's date (default 2000-01-01: stable bytes). */
  date?: string;
}

/** Crosshair centres in mm: 20 mm in from each corner and the middle of the sheet. */
export function crosshairPositions(page: PageSize): { x: number; y: number }[] {
  const w = page.widthMm;
  const h = page.heightMm;
  return [
    { x: 20, y: 20 },
    { x: w - 20, y: 20 },
    { x: Math.round(w / 2), y: Math.round(h / 2) },
    { x: 20, y: h - 20 },
    { x: w - 20, y: h - 20 },
  ];
}

/** "+1,5" / "-0,25" / "0": millimetres as offices write them (decimal comma, to 0.01 mm). */
export function formatMm(v: number): string {
  const r = Math.round(Math.abs(v) * 100) / 100;
  const s = r
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .replace('.', ',');
  return r === 0 ? '0' : v > 0 ? `+${s}` : `-${s}`;
}

export async function renderCalibrationPage(
  blank: DocumentKind,
  calibration: Calibration,
  options: CalibrationPageOptions = {},
): Promise<Buffer> {
  const layout = layoutFor(blank);
  const page = options.page ?? layout.page;
  const doc = createDoc(page, {
    title: `Саҳифаи санҷишии чопгар — ${layout.title}`,
    author: 'Sabt',
    subject: `dX ${formatMm(calibration.dxMm)} мм, dY ${formatMm(calibration.dyMm)} мм`,
    date: options.date ?? '2000-01-01',
  });
  const dx = calibration.dxMm;
  const dy = calibration.dyMm;

  drawRulers(doc, page);

  // Where the blank's values go, moved by the calibration as overlay printing moves them.
  doc.save().lineWidth(0.3).strokeColor('#9a9a9a').dash(1.2, { space: 1.2 });
  for (const f of layout.fields.filter((f) => !f.preprinted)) {
    doc.rect(mm(f.x + dx), mm(f.y + dy), mm(f.width), mm(4 * (f.lines ?? 1))).stroke();
  }
  const qr = layout.qr;
  doc.rect(mm(qr.x + dx), mm(qr.y + dy), mm(qr.size), mm(qr.size)).stroke();
  const flow = layout.flow;
  if (flow) doc.rect(mm(flow.x + dx), mm(flow.y + dy), mm(flow.width), mm(flow.bottom - flow.y)).stroke();
  doc.undash().restore();
  for (const f of layout.fields.filter((f) => !f.preprinted && f.label)) {
    drawText(doc, {
      text: f.label,
      x: f.x + dx + 0.6,
      y: f.y + dy + 0.6,
      width: f.width - 1.2,
      size: 4.5,
      color: '#6a6a6a',
      minSize: 3,
    });
  }

  for (const c of crosshairPositions(page)) {
    drawCrosshair(doc, c.x + dx, c.y + dy);
    drawText(doc, { text: `X ${c.x} мм`, x: c.x + dx + 1.2, y: c.y + dy + 1.2, width: 22, size: 6.5 });
    drawText(doc, { text: `Y ${c.y} мм`, x: c.x + dx + 1.2, y: c.y + dy + 4, width: 22, size: 6.5 });
  }

  // The explanation goes in the blank's header band, above the first value, on a white panel.
  const firstValue = Math.min(...layout.fields.filter((f) => !f.preprinted).map((f) => f.y));
  const x = 14;
  const w = page.widthMm - 28;
  const top = 28;
  doc
    .save()
    .rect(mm(x - 1), mm(top - 1), mm(w + 2), mm(firstValue - 4 - top + 1))
    .fillColor('white')
    .fill()
    .restore();
  drawText(doc, {
    text: 'Саҳифаи санҷишии чопгар',
    x,
    y: top,
    width: w,
    size: 11,
    bold: true,
    align: 'center',
  });
  drawText(doc, {
    text: `${layout.title} · варақ ${page.widthMm} × ${page.heightMm} мм`,
    x,
    y: top + 5,
    width: w,
    size: 7.5,
    align: 'center',
  });
  drawText(doc, {
    text: `Ислоҳи чопгар: dX ${formatMm(dx)} мм, dY ${formatMm(dy)} мм`,
    x,
    y: top + 9,
    width: w,
    size: 9.5,
    bold: true,
    align: 'center',
  });
  drawText(doc, {
    text:
      'Масофаи маркази ҳар салибро аз канори чап ва болоии варақ чен кунед: он бояд ба рақамҳои назди салиб баробар бошад. ' +
      'Агар салиб дуртар аз канор афтад, фарқро аз dX (dY) тарҳ кунед, агар наздиктар — илова кунед. ' +
      'Тақсимоти калони хаткашак бояд аниқ 10 мм бошад (бе тағйири андоза чоп кунед).',
    x,
    y: top + 14,
    width: w,
    size: 6.5,
    lines: Math.max(2, Math.floor((firstValue - 4 - top - 14) / 2.7)),
    minSize: 4.5,
  });
  return toBuffer(doc);
}

function drawCrosshair(doc: PDFKit.PDFDocument, x: number, y: number): void {
  drawLine(doc, x - 6, y, x + 6, y, 0.4);
  drawLine(doc, x, y - 6, x, y + 6, 0.4);
  doc.save().lineWidth(0.4).circle(mm(x), mm(y), mm(2.5)).stroke().restore();
}

/** Millimetre rulers along the top and left edges: 1 mm ticks, longer every 5 and numbered every 10. */
function drawRulers(doc: PDFKit.PDFDocument, page: PageSize): void {
  for (let x = 0; x <= page.widthMm; x++) {
    const len = x % 10 === 0 ? 4 : x % 5 === 0 ? 2.5 : 1.5;
    drawLine(doc, x, 0, x, len, 0.25);
    if (x % 10 === 0 && x > 0 && x < page.widthMm) {
      drawText(doc, { text: String(x), x: x - 4, y: 4.3, width: 8, size: 5, align: 'center' });
    }
  }
  for (let y = 0; y <= page.heightMm; y++) {
    const len = y % 10 === 0 ? 4 : y % 5 === 0 ? 2.5 : 1.5;
    drawLine(doc, 0, y, len, y, 0.25);
    if (y % 10 === 0 && y > 0 && y < page.heightMm) {
      drawText(doc, { text: String(y), x: 4.5, y: y - 1, width: 8, size: 5 });
    }
  }
}
