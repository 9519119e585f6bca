import { formatVerifyCode } from '@sabt/core';
import type { CertificateRenderInput } from '../types.ts';
import { blankNumber } from './format.ts';
import type { DocumentLayout, LayoutContext, LayoutField, PageSize } from './layout-types.ts';
import { layoutFor } from './layouts/index.ts';
import {
  createDoc,
  drawLine,
  drawText,
  drawWatermark,
  lineHeight,
  measureText,
  mm,
  NO_OFFSET,
  type Offset,
  toBuffer,
} from './pdf.ts';
import { drawQr } from './qr.ts';

export { renderCalibrationPage } from './calibration-page.ts';

/**
 * Renders a certificate, reference or extract as a PDF.
 * 'full': the whole document on plain paper (frame, emblem placeholder, title, labels, values,
 * blank number, QR). 'overlay': only what the pre-printed strict-accountability blank lacks (the
 * values, the repeat marking, the QR code and verify URL), moved by the printer's calibration.
 * The same input always gives the same bytes.
 */

export interface RenderOptions {
  /** Print on another sheet than the blank's default (positions stay in mm from the top-left corner). */
  page?: PageSize;
  /** Text across every page: a preview is marked as no document. */
  watermark?: string;
}

const DASH = '—';
const LABEL_SIZE = 6.5;
const LABEL_GAP = 3.3;
const LABEL_COLOR = '#3a3a3a';
const RULE_COLOR = '#8a8a8a';

export async function renderCertificate(
  input: CertificateRenderInput,
  options: RenderOptions = {},
): Promise<Buffer> {
  const layout = layoutFor(input.document);
  if (!layout.recordKinds.includes(input.record.kind)) {
    throw new Error(
      `${input.document} is printed for ${layout.recordKinds.join(' or ')} records, not ${input.record.kind}`,
    );
  }
  const ctx: LayoutContext<unknown> = { data: (input.record.data ?? {}) as never, input };
  const refused = layout.check?.(ctx);
  if (refused) throw new Error(refused);

  const page = options.page ?? layout.page;
  const doc = createDoc(page, {
    title: layout.title,
    author: input.office.nameTg,
    subject: blankNumber(input),
    keywords: `${input.record.nationalId} ${input.certificate.issue}`,
    date: input.certificate.issuedOn,
  });
  const full = input.mode === 'full';
  const off: Offset = full ? NO_OFFSET : { dx: input.calibration.dxMm, dy: input.calibration.dyMm };

  if (full) drawChrome(doc, layout, page);
  for (const f of layout.fields.filter((f) => !f.lastPage)) drawField(doc, f, ctx, full, off);

  if (layout.flow) drawFlow(doc, layout, ctx, page, full, off);

  for (const f of layout.fields.filter((f) => f.lastPage)) drawField(doc, f, ctx, full, off);
  if (full) drawStatics(doc, layout, true);
  drawRepeatMark(doc, layout, input, off);
  drawQr(doc, input.qr, mm(layout.qr.x + off.dx), mm(layout.qr.y + off.dy), mm(layout.qr.size));
  drawVerifyLines(doc, layout.verifyUrl, input, off);
  numberPages(doc, page, off);
  if (options.watermark) watermarkPages(doc, page, options.watermark);
  return toBuffer(doc);
}

/** Said where the code goes in a preview: the code exists only once the certificate is issued. */
export const CODE_AFTER_ISSUE = 'рамзи санҷиш ҳангоми додан чоп мешавад';
const CODE_LINE_MM = 4.6;
const URL_LINE_MM = 2.8;

/** Under the QR code: the short address, then the verification code in bold, to read out or type. */
function drawVerifyLines(
  doc: PDFKit.PDFDocument,
  box: DocumentLayout['verifyUrl'],
  input: CertificateRenderInput,
  off: Offset,
): void {
  const urlHeight = drawText(
    doc,
    {
      ...box,
      text: input.verifyUrl,
      size: 6.5,
      // on one line, smaller if need be, so that the code is not broken at its dash
      maxHeight: URL_LINE_MM,
      align: 'center',
      minSize: 4,
    },
    off,
  );
  const code = input.verifyCode;
  const y = box.y + Math.min(urlHeight, box.height - CODE_LINE_MM) + 0.4;
  drawText(
    doc,
    code
      ? {
          ...box,
          y,
          text: formatVerifyCode(code),
          size: 10,
          bold: true,
          align: 'center',
        }
      : {
          ...box,
          y,
          text: `(${CODE_AFTER_ISSUE})`,
          size: 6,
          align: 'center',
          minSize: 4,
        },
    off,
  );
}

function drawChrome(doc: PDFKit.PDFDocument, layout: DocumentLayout, page: PageSize): void {
  drawFrame(doc, page);
  const cx = page.widthMm / 2;
  const { emblemY, titleY } = layout.header;
  // Placeholder for the state emblem: the blank's maker prints the real one.
  doc
    .save()
    .lineWidth(0.6)
    .dash(2, { space: 1.5 })
    .circle(mm(cx), mm(emblemY + 7), mm(7))
    .stroke()
    .undash()
    .restore();
  drawText(doc, {
    text: 'Нишони давлатӣ',
    x: cx - 5,
    y: emblemY + 4.6,
    width: 10,
    size: 5,
    align: 'center',
    lines: 2,
  });
  drawText(doc, {
    text: 'Ҷумҳурии Тоҷикистон',
    x: 12,
    y: emblemY + 15.5,
    width: page.widthMm - 24,
    size: 9.5,
    bold: true,
    align: 'center',
  });
  drawText(doc, {
    text: layout.title,
    x: 14,
    y: titleY,
    width: page.widthMm - 28,
    size: 12.5,
    bold: true,
    align: 'center',
    lines: 2,
  });
  drawStatics(doc, layout, false);
}

function drawFrame(doc: PDFKit.PDFDocument, page: PageSize): void {
  doc
    .save()
    .lineWidth(1.4)
    .rect(mm(5), mm(5), mm(page.widthMm - 10), mm(page.heightMm - 10))
    .stroke()
    .lineWidth(0.4)
    .rect(mm(6.6), mm(6.6), mm(page.widthMm - 13.2), mm(page.heightMm - 13.2))
    .stroke()
    .restore();
}

function drawStatics(doc: PDFKit.PDFDocument, layout: DocumentLayout, lastPage: boolean): void {
  for (const s of layout.statics.filter((s) => !!s.lastPage === lastPage)) {
    drawText(doc, { ...s, size: s.size ?? 8, color: LABEL_COLOR });
  }
  for (const l of layout.lines.filter((l) => !!l.lastPage === lastPage)) {
    drawLine(doc, l.x1, l.y1, l.x2, l.y2, 0.5);
  }
}

function drawField(
  doc: PDFKit.PDFDocument,
  f: LayoutField<unknown>,
  ctx: LayoutContext<unknown>,
  full: boolean,
  off: Offset,
): void {
  if (f.preprinted && !full) return;
  const size = f.size ?? 10;
  if (full && f.label) {
    drawText(doc, {
      text: f.label,
      x: f.x,
      y: f.y - LABEL_GAP,
      width: f.width,
      size: LABEL_SIZE,
      color: LABEL_COLOR,
      minSize: 5,
    });
  }
  if (full && !f.preprinted && !f.noRule) {
    // The writing lines of the blank under each line of the value.
    const lh = lineHeight(doc, size, f.bold);
    for (let i = 1; i <= (f.lines ?? 1); i++) {
      const y = f.y + i * lh + 0.2;
      drawLine(doc, f.x, y, f.x + f.width, y, 0.3, RULE_COLOR);
    }
  }
  const value = safeValue(f, ctx) || DASH;
  drawText(
    doc,
    { text: value, x: f.x, y: f.y, width: f.width, size, bold: f.bold, align: f.align, lines: f.lines },
    off,
  );
}

/** A value function meets data as registered, perhaps from an older form version: a gap prints a dash. */
function safeValue(f: LayoutField<unknown>, ctx: LayoutContext<unknown>): string {
  try {
    return f.value(ctx).trim();
  } catch {
    return '';
  }
}

function drawRepeatMark(
  doc: PDFKit.PDFDocument,
  layout: DocumentLayout,
  input: CertificateRenderInput,
  off: Offset,
): void {
  if (input.certificate.issue !== 'repeat') return;
  const box = layout.repeatMark;
  const h = drawText(doc, { text: 'ТАКРОРӢ', ...box, size: 12, bold: true, align: 'center' }, off);
  doc
    .save()
    .lineWidth(1)
    .rect(mm(box.x + off.dx), mm(box.y + off.dy - 1), mm(box.width), mm(h + 1.6))
    .stroke()
    .restore();
}

const FLOW_LABEL = 7;
const FLOW_VALUE = 8;
const FLOW_HEADING = 8.5;

function drawFlow(
  doc: PDFKit.PDFDocument,
  layout: DocumentLayout,
  ctx: LayoutContext<unknown>,
  page: PageSize,
  full: boolean,
  off: Offset,
): void {
  const flow = layout.flow!;
  const labelWidth = Math.min(62, flow.width * 0.38);
  const valueX = flow.x + labelWidth + 2;
  const valueWidth = flow.width - labelWidth - 2;
  // Rows run to the foot of each page; the footer (issue, registrar, QR) needs `flow.bottom` on the last.
  const pageBottom = page.heightMm - 16;
  const newPage = () => {
    doc.addPage();
    if (full) drawFrame(doc, page);
    return 14;
  };
  let y = flow.y;
  for (const row of flow.rows(ctx)) {
    const heading = row.value === undefined;
    const value = heading
      ? { text: row.label, x: flow.x, width: flow.width, size: FLOW_HEADING, bold: true, lines: 3 }
      : { text: row.value || DASH, x: valueX, width: valueWidth, size: FLOW_VALUE, bold: true, lines: 20 };
    const label = {
      text: row.label,
      x: flow.x,
      width: labelWidth,
      size: FLOW_LABEL,
      lines: 6,
      color: '#222',
    };
    const height =
      Math.max(measureText(doc, { ...value, y }), heading ? 0 : measureText(doc, { ...label, y })) +
      (heading ? 1.9 : 0.6);
    // A heading keeps company with its first row.
    const keep = heading ? 6 : 0;
    if (y + height + keep > pageBottom) y = newPage();
    if (heading) {
      drawText(doc, { ...value, y: y + 1.1 }, off);
    } else {
      drawText(doc, { ...label, y: y + 0.3 }, off);
      drawText(doc, { ...value, y }, off);
    }
    y += height;
  }
  if (y > flow.bottom) newPage();
}

function watermarkPages(doc: PDFKit.PDFDocument, page: PageSize, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    drawWatermark(doc, page, text);
  }
}

/** "1 / 2" at the foot of each page when a document runs over more than one. */
function numberPages(doc: PDFKit.PDFDocument, page: PageSize, off: Offset): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2) return;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    drawText(
      doc,
      {
        text: `Саҳифаи ${i + 1} аз ${range.count}`,
        x: 12,
        y: page.heightMm - 10.5,
        width: page.widthMm - 24,
        size: 7,
        align: 'center',
      },
      off,
    );
  }
}
