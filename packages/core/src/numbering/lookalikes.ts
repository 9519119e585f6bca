/**
 * Letters of the Cyrillic and Latin keyboards that look the same: a document number or a blank
 * series typed on either keyboard is one number, one series. The one table of them; document
 * numbers (normalizeDocumentNumber), blank series (foldSeries) and verification codes
 * (readVerifyCode) read it.
 */

/** Cyrillic capitals that look like Latin ones (І: the Cyrillic I of the Kazakh, Ukrainian and Russian-Tajik keyboards). */
export const LOOKALIKE_CAPITALS: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  І: 'I',
  Ӏ: 'I',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
};

/**
 * Cyrillic capitals that look like digits (З like 3), for what is all digits and Latin capitals
 * (a certificate's verification code); not for document numbers, where З is a letter.
 */
export const LOOKALIKE_DIGITS: Readonly<Record<string, string>> = { З: '3' };

const TO_CYRILLIC: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LOOKALIKE_CAPITALS)
    .filter(([cyr]) => cyr !== 'Ӏ')
    .map(([cyr, lat]) => [lat, cyr]),
);

const toLatin = (s: string) => [...s].map((ch) => LOOKALIKE_CAPITALS[ch] ?? ch).join('');
const toCyrillic = (s: string) => [...s].map((ch) => TO_CYRILLIC[ch] ?? ch).join('');

/** Runs of letters beyond which the series is taken as typed (3 readings per run are tried). */
const MAX_RUNS = 5;

/**
 * A blank series as the format wants it: capitals, one kind of dash, no spaces, and each run of
 * letters read on whichever keyboard makes the series fit the pattern ("І-ДУ" with a Cyrillic І,
 * "I-ДY" with a Latin Y → "I-ДУ"). Null when no reading fits.
 */
export function foldSeries(typed: string, pattern: RegExp): string | null {
  const plain = typed
    .normalize('NFC')
    .toUpperCase()
    .replace(/[‐‑‒–—―−]/gu, '-')
    .replace(/\s+/gu, '');
  if (pattern.test(plain)) return plain;
  const parts = plain.split(/(\p{L}+)/u);
  const runs = parts.filter((_, i) => i % 2 === 1).length;
  if (runs === 0 || runs > MAX_RUNS) return null;
  let readings = [''];
  for (const [i, part] of parts.entries()) {
    const options = i % 2 === 1 ? [...new Set([part, toLatin(part), toCyrillic(part)])] : [part];
    readings = readings.flatMap((r) => options.map((o) => r + o));
  }
  return readings.find((r) => pattern.test(r)) ?? null;
}
