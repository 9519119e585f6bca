import QRCode from 'qrcode';

/**
 * Draws a QR code as vector squares: crisp on any printer and at any zoom, and the same bytes for
 * the same text. The quiet zone (4 modules, as the standard asks) is painted white around it.
 */

export const QUIET_ZONE_MODULES = 4;

export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  // One byte-mode segment: the payload is base64url text, so searching for the shortest mix of
  // modes saves a few bits at most and costs more than the rest of the symbol.
  const qr = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
  });
  const { size, data } = qr.modules;
  return { size, dark: (r, c) => data[r * size + c] === 1 };
}

/** Draws the symbol with its top-left corner at (x, y) and a side of `side` points. */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, side: number): void {
  const m = qrMatrix(text);
  const cell = side / m.size;
  const quiet = cell * QUIET_ZONE_MODULES;
  doc.save();
  doc
    .rect(x - quiet, y - quiet, side + 2 * quiet, side + 2 * quiet)
    .fillColor('white')
    .fill();
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.dark(r, c)) c++;
      // A hair of overlap hides the seams some viewers show between touching squares.
      doc.rect(x + start * cell, y + r * cell, (c - start) * cell + 0.01, cell + 0.01);
    }
  }
  doc.fillColor('black').fill();
  doc.restore();
}
