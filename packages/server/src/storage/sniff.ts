import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../errors/domain-error.ts';
import { type FileKind, type FilePurpose, KIND_CONTENT_TYPES, megabytes, PURPOSE_KINDS } from './purposes.ts';

/** What the bytes are: one of our kinds, another known format, plain text, or nothing recognised. */
export type Sniffed = { kind: FileKind } | { other: string } | { text: true } | { unknown: true };

const MIME_KINDS: Record<string, FileKind> = Object.fromEntries(
  Object.entries(KIND_CONTENT_TYPES).map(([kind, mime]) => [mime, kind as FileKind]),
);

/** Reads the kind of a file from its bytes (magic numbers, zip entries for XLSX). */
export async function sniff(bytes: Uint8Array): Promise<Sniffed> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    const kind = MIME_KINDS[found.mime];
    return kind ? { kind } : { other: found.ext.toUpperCase() };
  }
  return isPlainText(bytes) ? { text: true } : { unknown: true };
}

/** UTF-8 (a BOM allowed) without control characters other than tab, line feed and carriage return. */
export function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}

/** Declared content types and file extensions, with the aliases browsers and scanners send. */
const CLAIMS: Record<string, FileKind> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/png': 'png',
  'image/x-png': 'png',
  'image/tiff': 'tiff',
  'image/tif': 'tiff',
  [KIND_CONTENT_TYPES.xlsx]: 'xlsx',
  'text/csv': 'csv',
  // what Windows and some browsers declare for a .csv
  'application/vnd.ms-excel': 'csv',
  'text/plain': 'csv',
  '.pdf': 'pdf',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.png': 'png',
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.xlsx': 'xlsx',
  '.csv': 'csv',
};

/**
 * The kind a declared content type or a file name claims, when it is one we know; anything else
 * (application/octet-stream, an unknown extension) claims nothing.
 */
export function claimedKind(claimed: string): FileKind | undefined {
  const c = claimed.trim().toLowerCase();
  const mime = c.split(';')[0]!.trim();
  if (/^(application|image|text|audio|video|font|model|multipart|message)\/[\w.+-]+$/.test(mime))
    return CLAIMS[mime];
  const dot = c.lastIndexOf('.');
  return dot >= 0 ? CLAIMS[c.slice(dot)] : undefined;
}

const label = (kind: FileKind) => kind.toUpperCase();

export interface CheckedFile {
  kind: FileKind;
  contentType: string;
}

/**
 * Checks a file for a purpose: not empty, within the size limit, and of a kind the purpose accepts,
 * judged by its content. A declared type or file name (`claimed`) that says otherwise is refused
 * too. Throws a DomainError whose message tells the user why, in their language.
 */
export async function checkFile(
  bytes: Uint8Array,
  purpose: FilePurpose,
  maxBytes: number,
  claimed?: string,
): Promise<CheckedFile> {
  if (bytes.length === 0) throw new DomainError('malformed', 'problem.file.empty');
  if (bytes.length > maxBytes) {
    throw new DomainError(
      'too-large',
      'problem.file.tooLarge',
      { size: megabytes(bytes.length), max: megabytes(maxBytes) },
      [],
      { maxBytes },
    );
  }
  const allowed = PURPOSE_KINDS[purpose];
  // clients learn the accepted content types; the message names the kinds
  const refuse = (key: string, params: Record<string, unknown>) =>
    new DomainError('unsupported', key, { allowed: allowed.map(label), ...params }, [], {
      accepted: allowed.map((k) => KIND_CONTENT_TYPES[k]),
    });
  const found = await sniff(bytes);
  let kind: FileKind;
  if ('kind' in found) kind = found.kind;
  else if ('text' in found && allowed.includes('csv')) kind = 'csv';
  else if ('text' in found) throw refuse('problem.file.text', {});
  else if ('other' in found) throw refuse('problem.file.wrongType', { actual: found.other });
  else throw refuse('problem.file.unrecognised', {});

  if (!allowed.includes(kind)) throw refuse('problem.file.wrongType', { actual: label(kind) });
  const claim = claimed ? claimedKind(claimed) : undefined;
  if (claim !== undefined && claim !== kind) {
    throw refuse('problem.file.typeMismatch', { claimed: claimed!.trim(), actual: label(kind) });
  }
  return { kind, contentType: KIND_CONTENT_TYPES[kind] };
}
