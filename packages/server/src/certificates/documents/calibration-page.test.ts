import { afterAll, describe, expect, it } from 'vitest';
import { crosshairPositions, formatMm, renderCalibrationPage } from './calibration-page.ts';
import { LAYOUTS } from './layouts/index.ts';
import { PT_PER_MM } from './pdf.ts';
import { cleanUpPdfFiles, pdfFonts, pdfInfo, pdfText, pdfWords, type WordBox } from './pdf-tools.ts';

afterAll(cleanUpPdfFiles);

/** The "X" of the label "X 20 мм / Y 20 мм" printed just right of and below the crosshair at (x, y) mm. */
function crosshairLabel(words: WordBox[], x: number, y: number): WordBox {
  for (let i = 0; i + 2 < words.length; i++) {
    const w = words[i]!;
    if (w.word !== 'X' || words[i + 1]!.word !== String(x) || words[i + 2]!.word !== 'мм') continue;
    if (w.yMin / PT_PER_MM > y && w.yMin / PT_PER_MM < y + 2.5) return w;
  }
  throw new Error(`no crosshair label "X ${x} мм" just below ${y} mm`);
}

describe('printer test page', () => {
  it('names the blank, the sheet and the calibration in force', async () => {
    const pdf = await renderCalibrationPage('BIRTH_CERTIFICATE', { dxMm: 1.5, dyMm: -0.5 });
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Саҳифаи санҷишии чопгар');
    expect(text).toContain('Шаҳодатнома дар бораи таваллуд');
    expect(text).toContain('148 × 210 мм');
    expect(text).toContain('dX +1,5 мм, dY -0,5 мм');
    expect(pdfInfo(pdf)['Page size']).toMatch(/^419\.5\d* x 595\.2\d* pts/);
    for (const f of pdfFonts(pdf)) expect(f.embedded).toBe(true);
  });

  it('puts each crosshair at its printed position, moved by the calibration', async () => {
    const plain = pdfWords(await renderCalibrationPage('BIRTH_CERTIFICATE', { dxMm: 0, dyMm: 0 }));
    const shifted = pdfWords(await renderCalibrationPage('BIRTH_CERTIFICATE', { dxMm: 2, dyMm: -1.5 }));
    for (const c of crosshairPositions(LAYOUTS.BIRTH_CERTIFICATE.page)) {
      const a = crosshairLabel(plain, c.x, c.y);
      expect(a.xMin / PT_PER_MM).toBeGreaterThan(c.x);
      expect(a.xMin / PT_PER_MM).toBeLessThan(c.x + 2.5);
      const b = crosshairLabel(shifted, c.x, c.y - 1.5);
      expect(b.xMin - a.xMin).toBeCloseTo(2 * PT_PER_MM, 1);
      expect(b.yMin - a.yMin).toBeCloseTo(-1.5 * PT_PER_MM, 1);
    }
  });

  it('has a millimetre ruler whose numbers stay at their true distance from the sheet edge', async () => {
    const words = pdfWords(await renderCalibrationPage('BIRTH_CERTIFICATE', { dxMm: 3, dyMm: 3 }));
    for (const mm of [10, 50, 100, 140]) {
      const label = words.find((w) => w.word === String(mm) && w.yMin < 10 * PT_PER_MM);
      expect(label, `ruler number ${mm}`).toBeDefined();
      expect((label!.xMin + label!.xMax) / 2 / PT_PER_MM).toBeCloseTo(mm, 0);
    }
  });

  it('prints a test page for every blank, on the blank sheet size', async () => {
    for (const [document, layout] of Object.entries(LAYOUTS)) {
      const pdf = await renderCalibrationPage(document as keyof typeof LAYOUTS, { dxMm: 0, dyMm: 0 });
      expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain(layout.title);
    }
  });

  it('writes millimetres with a decimal comma and a sign', () => {
    expect(formatMm(1.5)).toBe('+1,5');
    expect(formatMm(-0.25)).toBe('-0,25');
    expect(formatMm(0.001)).toBe('0');
    expect(formatMm(0)).toBe('0');
    expect(formatMm(2)).toBe('+2');
  });
});

describe('test tools', () => {
  it('a missing tool fails the test and says how to install it', async () => {
    const { requireTool } = await import('./pdf-tools.ts');
    expect(() => requireTool('sabt-no-such-tool')).toThrow(
      /sabt-no-such-tool is not installed: run `bash scripts\/install-tools.sh`/,
    );
  });
});
