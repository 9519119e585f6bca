import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

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

function parse(name: string): Font {
  const font = create(readFileSync(fontFile(name)));
  if (!('layout' in font)) throw new Error(`${name}.ttf is a font collection, not one font`);
  return font;
}

/** Where fontkit keeps the glyphs it has made, by glyph id (not part of its published types). */
interface GlyphCache {
  _glyphs: Record<number, unknown>;
}

let parsed: { regular: Font; bold: Font } | undefined;

/**
 * The fonts of one document. The font files are read and parsed once a process: decoding their
 * tables (metrics, character map, the substitution and positioning lookups, decoded as layouts
 * reach them) is most of a certificate's time when done per document. Each document gets a font
 * of its own over those shared tables, with its own glyphs and layout engine: a glyph keeps the
 * characters it was first made for, so glyphs shared between documents would make a document's
 * text (its ToUnicode map) depend on what was printed before: letters first met as parts of
 * composite glyphs in an earlier subset lose their Unicode mapping, and the same input would no
 * longer give the same bytes. The per-document font is a fresh object whose prototype is the
 * parsed font, so fontkit's memoised parts (the layout engine, the cmap processor) are made on
 * it, for this document, and the parsed font itself never lays out text.
 */
export function documentFonts(): { regular: Font; bold: Font } {
  parsed ??= { regular: parse(FONT_REGULAR), bold: parse(FONT_BOLD) };
  return { regular: forOneDocument(parsed.regular), bold: forOneDocument(parsed.bold) };
}

function forOneDocument(font: Font): Font {
  const own = Object.create(font) as Font & GlyphCache;
  own._glyphs = {};
  return own;
}
