import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package: it has every Tajik letter (Ғ Ӣ Қ Ӯ Ҳ Ҷ and
 * their small forms). pdfkit embeds a subset of the TrueType font, so the text prints on any
 * machine and can be copied out of the PDF.
 */

const require = createRequire(import.meta.url);

export const FONT_REGULAR = 'DejaVuSans';
export const FONT_BOLD = 'DejaVuSans-Bold';

function fontFile(name: string): string {
  const path = require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);
  if (!existsSync(path)) throw new Error(`font file missing: ${path} (npm ci installs dejavu-fonts-ttf)`);
  return path;
}

let cached: { regular: Buffer; bold: Buffer } | undefined;

/**
 * The font files' bytes, read once. pdfkit parses them afresh for every document: a parsed
 * fontkit font shared between documents keeps glyphs cached from earlier layouts, and some
 * letters then lose their Unicode mapping (the PDF looks right but its text cannot be copied).
 */
export function fontSources(): { regular: Buffer; bold: Buffer } {
  cached ??= {
    regular: readFileSync(fontFile('DejaVuSans')),
    bold: readFileSync(fontFile('DejaVuSans-Bold')),
  };
  return cached;
}
