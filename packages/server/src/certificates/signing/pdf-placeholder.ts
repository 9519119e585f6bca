import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';

/**
 * Adds an empty signature to a finished PDF as an incremental update, so the rendered bytes stay
 * untouched: a signature dictionary (/ByteRange and /Contents placeholders that @signpdf fills),
 * an invisible signature widget on the first page, the AcroForm, and new versions of the catalog
 * and that page. Works on PDFs with a classic cross-reference table, as pdfkit writes them.
 */

export interface PlaceholderOptions {
  reason: string;
  location: string;
  name: string;
  contactInfo?: string;
  signingTime: Date;
  /** Bytes reserved for the PKCS#7 signature (written as twice as many hex digits). */
  signatureLength?: number;
}

export class UnsupportedPdfError extends Error {}

interface Ref {
  num: number;
  gen: number;
}

const refText = (r: Ref) => `${r.num} ${r.gen} R`;

/** Finds the end of the dictionary that starts at `start` (`<<`), skipping strings and nested dictionaries. */
function dictEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '(') {
      let nest = 0;
      for (; i < text.length; i++) {
        const d = text[i];
        if (d === '\\') i++;
        else if (d === '(') nest++;
        else if (d === ')' && --nest === 0) break;
      }
      i++;
    } else if (c === '<' && text[i + 1] === '<') {
      depth++;
      i += 2;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else if (c === '<') {
      i = text.indexOf('>', i) + 1;
      if (i === 0) break;
    } else i++;
  }
  throw new UnsupportedPdfError('unterminated dictionary');
}

/** Object offsets from the classic cross-reference sections, newest first (following /Prev). */
function readXref(text: string, startxref: number): Map<number, number> {
  const offsets = new Map<number, number>();
  const seen = new Set<number>();
  let at: number | undefined = startxref;
  while (at !== undefined && !seen.has(at)) {
    seen.add(at);
    if (text.slice(at, at + 4) !== 'xref') {
      throw new UnsupportedPdfError('only PDFs with a classic cross-reference table can be signed');
    }
    const re = /\s*(\d+)\s+(\d+)\s*[\r\n]+/y;
    re.lastIndex = at + 4;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const first = Number(m[1]);
      const count = Number(m[2]);
      let pos = re.lastIndex;
      const row = /(\d{10}) (\d{5}) ([nf])[ \r\n]*/y;
      for (let i = 0; i < count; i++) {
        row.lastIndex = pos;
        const entry = row.exec(text);
        if (!entry) throw new UnsupportedPdfError('unreadable cross-reference entry');
        if (entry[3] === 'n' && !offsets.has(first + i)) offsets.set(first + i, Number(entry[1]));
        pos = row.lastIndex;
      }
      re.lastIndex = pos;
    }
    const trailerAt = text.indexOf('trailer', at);
    const open = text.indexOf('<<', trailerAt);
    const trailer = text.slice(open, dictEnd(text, open));
    const prev = /\/Prev\s+(\d+)/.exec(trailer);
    at = prev ? Number(prev[1]) : undefined;
  }
  return offsets;
}

/** The dictionary of an object, found through the cross-reference table. */
function objectDict(text: string, xref: Map<number, number>, ref: Ref): string {
  const at = xref.get(ref.num);
  if (at === undefined) throw new UnsupportedPdfError(`object ${ref.num} not found`);
  const head = new RegExp(`^${ref.num}\\s+${ref.gen}\\s+obj\\s*`).exec(text.slice(at, at + 40));
  if (!head) throw new UnsupportedPdfError(`object ${ref.num} is not where the table says`);
  const open = at + head[0].length;
  if (text.slice(open, open + 2) !== '<<')
    throw new UnsupportedPdfError(`object ${ref.num} is not a dictionary`);
  return text.slice(open, dictEnd(text, open));
}

/** An object that is an array, through the cross-reference table. */
function objectArray(text: string, xref: Map<number, number>, ref: Ref): string {
  const at = xref.get(ref.num);
  const m =
    at === undefined
      ? null
      : new RegExp(`^${ref.num}\\s+${ref.gen}\\s+obj\\s*\\[([^\\]]*)\\]`).exec(text.slice(at));
  if (!m) throw new UnsupportedPdfError('unreadable /Annots');
  return m[1]!.trim();
}

function refIn(dict: string, key: string): Ref | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(dict);
  return m ? { num: Number(m[1]), gen: Number(m[2]) } : undefined;
}

function firstPage(text: string, xref: Map<number, number>, pagesRef: Ref, depth = 0): Ref {
  if (depth > 20) throw new UnsupportedPdfError('page tree too deep');
  const pages = objectDict(text, xref, pagesRef);
  const kids = /\/Kids\s*\[\s*(\d+)\s+(\d+)\s+R/.exec(pages);
  if (!kids) throw new UnsupportedPdfError('no pages');
  const kid = { num: Number(kids[1]), gen: Number(kids[2]) };
  return /\/Type\s*\/Pages\b/.test(objectDict(text, xref, kid)) ? firstPage(text, xref, kid, depth + 1) : kid;
}

/** A text string in UTF-16BE (any script), as PDF text strings allow. */
function pdfText(s: string): string {
  const utf16 = Buffer.from(`\ufeff${s}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `(D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z)`;
}

/** Inserts entries before a dictionary's closing `>>`. */
const extend = (dict: string, entries: string) => `${dict.slice(0, -2).trimEnd()}\n${entries}\n>>`;

export function addSignaturePlaceholder(pdf: Buffer, opts: PlaceholderOptions): Buffer {
  const text = pdf.toString('latin1');
  const startxrefAt = text.lastIndexOf('startxref');
  if (startxrefAt < 0) throw new UnsupportedPdfError('no startxref');
  const prevXref = Number(/startxref\s+(\d+)/.exec(text.slice(startxrefAt))?.[1]);
  const trailerAt = text.lastIndexOf('trailer', startxrefAt);
  if (trailerAt < 0 || !Number.isFinite(prevXref)) {
    throw new UnsupportedPdfError('only PDFs with a classic cross-reference table can be signed');
  }
  const trailer = text.slice(text.indexOf('<<', trailerAt), dictEnd(text, text.indexOf('<<', trailerAt)));
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = refIn(trailer, 'Root');
  if (!size || !root) throw new UnsupportedPdfError('trailer without /Size or /Root');
  const info = refIn(trailer, 'Info');
  const id = /\/ID\s*\[[^\]]*\]/.exec(trailer)?.[0];

  const xref = readXref(text, prevXref);
  const catalog = objectDict(text, xref, root);
  if (/\/AcroForm\b/.test(catalog)) throw new UnsupportedPdfError('the PDF already has a form');
  const pagesRef = refIn(catalog, 'Pages');
  if (!pagesRef) throw new UnsupportedPdfError('catalog without /Pages');
  const pageRef = firstPage(text, xref, pagesRef);
  const page = objectDict(text, xref, pageRef);

  const sig: Ref = { num: size, gen: 0 };
  const widget: Ref = { num: size + 1, gen: 0 };
  const form: Ref = { num: size + 2, gen: 0 };
  let newSize = size + 3;

  // The page's annotations with the widget added: inline array, an array object, or none yet.
  const objects: { ref: Ref; body: string }[] = [];
  let newPage: string;
  const inlineAnnots = /\/Annots\s*\[([^\]]*)\]/.exec(page);
  const annotsRef = refIn(page, 'Annots');
  if (inlineAnnots) {
    newPage = page.replace(inlineAnnots[0], `/Annots [${inlineAnnots[1]!.trim()} ${refText(widget)}]`);
  } else if (annotsRef) {
    objects.push({ ref: annotsRef, body: `[${objectArray(text, xref, annotsRef)} ${refText(widget)}]` });
    newPage = page;
  } else {
    newPage = extend(page, `/Annots [${refText(widget)}]`);
  }

  const length = opts.signatureLength ?? 8192;
  const placeholder = DEFAULT_BYTE_RANGE_PLACEHOLDER;
  objects.push(
    {
      ref: sig,
      body: [
        '<<',
        '/Type /Sig',
        '/Filter /Adobe.PPKLite',
        `/SubFilter /${SUBFILTER_ADOBE_PKCS7_DETACHED}`,
        `/ByteRange [0 /${placeholder} /${placeholder} /${placeholder}]`,
        `/Contents <${'0'.repeat(length * 2)}>`,
        `/Reason ${pdfText(opts.reason)}`,
        `/M ${pdfDate(opts.signingTime)}`,
        `/ContactInfo ${pdfText(opts.contactInfo ?? '')}`,
        `/Name ${pdfText(opts.name)}`,
        `/Location ${pdfText(opts.location)}`,
        '>>',
      ].join('\n'),
    },
    {
      ref: widget,
      body: `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T ${pdfText('Sabt')}\n/V ${refText(sig)}\n/F 132\n/P ${refText(pageRef)}\n/Rect [0 0 0 0]\n>>`,
    },
    { ref: form, body: `<<\n/Type /AcroForm\n/SigFlags 3\n/Fields [${refText(widget)}]\n>>` },
    { ref: root, body: extend(catalog, `/AcroForm ${refText(form)}`) },
    { ref: pageRef, body: newPage },
  );
  newSize = Math.max(newSize, ...objects.map((o) => o.ref.num + 1));

  const parts: Buffer[] = [pdf];
  let offset = pdf.length;
  const push = (s: string) => {
    const b = Buffer.from(s, 'latin1');
    parts.push(b);
    offset += b.length;
  };
  if (text[text.length - 1] !== '\n') push('\n');
  const offsets = new Map<number, { gen: number; at: number }>();
  for (const o of objects) {
    offsets.set(o.ref.num, { gen: o.ref.gen, at: offset });
    push(`${o.ref.num} ${o.ref.gen} obj\n${o.body}\nendobj\n`);
  }
  const xrefAt = offset;
  const rows = [...offsets.entries()].sort(([a], [b]) => a - b);
  let table = 'xref\n0 1\n0000000000 65535 f \n';
  for (const [num, { gen, at }] of rows) {
    table += `${num} 1\n${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
  }
  push(table);
  const trailerEntries = [
    `/Size ${newSize}`,
    `/Root ${refText(root)}`,
    ...(info ? [`/Info ${refText(info)}`] : []),
    ...(id ? [id] : []),
    `/Prev ${prevXref}`,
  ];
  push(`trailer\n<<\n${trailerEntries.join('\n')}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(parts);
}
