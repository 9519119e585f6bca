import PDFDocument from 'pdfkit';
import { documentFonts, FONT_BOLD, FONT_REGULAR } from './fonts.ts';
import type { PageSize } from './layout-types.ts';

/** Low-level drawing in millimetres on a pdfkit document with DejaVu Sans embedded. */

export const PT_PER_MM = 72 / 25.4;
export const mm = (v: number): number => v * PT_PER_MM;

/** Millimetres to add to every position: the printer's calibration in overlay mode, zero otherwise. */
export interface Offset {
  dx: number;
  dy: number;
}

export const NO_OFFSET: Offset = { dx: 0, dy: 0 };

export interface DocInfo {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  /** YYYY-MM-DD: the document's creation date, so the same input gives the same bytes. */
  date: string;
}

export function createDoc(page: PageSize, info: DocInfo): PDFKit.PDFDocument {
  const when = /^\d{4}-\d{2}-\d{2}$/.test(info.date) ? new Date(`${info.date}T00:00:00Z`) : new Date(0);
  const doc = new PDFDocument({
    size: [mm(page.widthMm), mm(page.heightMm)],
    margin: 0,
    bufferPages: true,
    // no default font: pdfkit would load Helvetica's metrics for every document, and no text uses it
    font: null as unknown as string,
    lang: 'tg',
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      ...(info.keywords ? { Keywords: info.keywords } : {}),
      Creator: 'Sabt',
      Producer: 'Sabt',
      CreationDate: when,
      ModDate: when,
    },
  });
  const fonts = documentFonts();
  // pdfkit takes a fontkit font as well as a file's bytes (its types name only the bytes)
  doc.registerFont(FONT_REGULAR, fonts.regular as unknown as Buffer);
  doc.registerFont(FONT_BOLD, fonts.bold as unknown as Buffer);
  doc.font(FONT_REGULAR);
  return doc;
}

export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface TextSpec {
  text: string;
  /** mm */
  x: number;
  y: number;
  width: number;
  /** points */
  size: number;
  bold?: boolean | undefined;
  align?: 'left' | 'center' | 'right' | undefined;
  lines?: number | undefined;
  /** mm: wrap into as many lines as fit this height instead of a fixed number of lines. */
  maxHeight?: number | undefined;
  color?: string | undefined;
  minSize?: number | undefined;
}

/** The largest size (down to minSize) at which the text fits the width in the allowed lines. */
export function fitSize(doc: PDFKit.PDFDocument, s: TextSpec): number {
  const width = mm(s.width);
  const lines = s.lines ?? 1;
  const min = s.minSize ?? 6;
  doc.font(s.bold ? FONT_BOLD : FONT_REGULAR).fontSize(s.size);
  if (s.maxHeight !== undefined) {
    for (let size = s.size; size > min; size -= 0.25) {
      doc.fontSize(size);
      if (doc.heightOfString(s.text, { width, lineGap: 0 }) <= mm(s.maxHeight)) return size;
    }
    return min;
  }
  // Text width grows in proportion to the font size: one measurement finds the one-line size.
  const natural = doc.widthOfString(s.text);
  const oneLine = natural <= width ? s.size : Math.floor(((s.size * width) / natural) * 4) / 4;
  if (lines <= 1) return Math.max(min, oneLine);
  // One line reads better than two: shrink a little before wrapping.
  if (oneLine >= Math.max(min, s.size * 0.85)) return oneLine;
  for (let size = s.size; size > min; size -= 0.25) {
    doc.fontSize(size);
    if (doc.heightOfString(s.text, { width, lineGap: 0 }) <= lines * doc.currentLineHeight(true) + 0.1) {
      return size;
    }
  }
  return min;
}

/**
 * Draws text whose top-left corner is at (x, y) mm, shrinking it to fit its box. A value is never
 * cut: what still does not fit at the smallest size runs on (single-line) or wraps (multi-line).
 * Returns the height drawn in mm.
 */
export function drawText(doc: PDFKit.PDFDocument, s: TextSpec, off: Offset = NO_OFFSET): number {
  if (!s.text) return 0;
  const size = fitSize(doc, s);
  doc
    .font(s.bold ? FONT_BOLD : FONT_REGULAR)
    .fontSize(size)
    .fillColor(s.color ?? 'black');
  const x = mm(s.x + off.dx);
  const y = mm(s.y + off.dy);
  const width = mm(s.width);
  if ((s.lines ?? 1) <= 1 && s.maxHeight === undefined) {
    const w = doc.widthOfString(s.text);
    const shift = s.align === 'center' ? (width - w) / 2 : s.align === 'right' ? width - w : 0;
    doc.text(s.text, x + Math.max(0, shift), y, { lineBreak: false });
    return doc.currentLineHeight(true) / PT_PER_MM;
  }
  const h = doc.heightOfString(s.text, { width, lineGap: 0 });
  doc.text(s.text, x, y, { width, align: s.align ?? 'left', lineGap: 0 });
  return h / PT_PER_MM;
}

/** Height in mm that drawText would take for this text. */
export function measureText(doc: PDFKit.PDFDocument, s: TextSpec): number {
  const size = fitSize(doc, s);
  doc.font(s.bold ? FONT_BOLD : FONT_REGULAR).fontSize(size);
  if ((s.lines ?? 1) <= 1 && s.maxHeight === undefined) return doc.currentLineHeight(true) / PT_PER_MM;
  return doc.heightOfString(s.text, { width: mm(s.width), lineGap: 0 }) / PT_PER_MM;
}

/** Line height in mm of the regular font at a size. */
export function lineHeight(doc: PDFKit.PDFDocument, size: number, bold = false): number {
  doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(size);
  return doc.currentLineHeight(true) / PT_PER_MM;
}

export function drawLine(
  doc: PDFKit.PDFDocument,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  width = 0.4,
  color = 'black',
): void {
  doc
    .save()
    .lineWidth(width)
    .strokeColor(color)
    .moveTo(mm(x1), mm(y1))
    .lineTo(mm(x2), mm(y2))
    .stroke()
    .restore();
}

/**
 * Large diagonal text across the page (a preview's "sample, not valid"), pale enough to read the
 * document under it and impossible to miss.
 */
export function drawWatermark(doc: PDFKit.PDFDocument, page: PageSize, text: string): void {
  const cx = mm(page.widthMm / 2);
  const cy = mm(page.heightMm / 2);
  const angle = (-Math.atan2(page.heightMm, page.widthMm) * 180) / Math.PI;
  const diagonal = mm(Math.hypot(page.widthMm, page.heightMm)) * 0.8;
  doc.font(FONT_BOLD).fontSize(10);
  const size = Math.min(72, (10 * diagonal) / doc.widthOfString(text));
  doc.fontSize(size);
  const w = doc.widthOfString(text);
  const h = doc.currentLineHeight(true);
  doc
    .save()
    .rotate(angle, { origin: [cx, cy] })
    .fillColor('#b42318', 0.22)
    .text(text, cx - w / 2, cy - h / 2, { lineBreak: false })
    .restore();
  doc.fillColor('black', 1);
}
