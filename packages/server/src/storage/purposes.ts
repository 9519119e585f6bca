/**
 * What Sabt keeps as files, and which kinds of file each purpose accepts. The kind is read from
 * the bytes (magic numbers), never from a file name or a declared type.
 */

export const FILE_PURPOSES = ['certificate', 'receipt', 'scan', 'attachment', 'report'] as const;
/**
 * certificate: a signed certificate PDF as issued; receipt: a fee receipt; scan: a scan of an
 * archive book or record; attachment: a document attached to an application; report: an export.
 */
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export const FILE_KINDS = ['pdf', 'jpeg', 'png', 'tiff', 'xlsx', 'csv'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The content type a kind is stored and served as. */
export const KIND_CONTENT_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** The kinds each purpose accepts. CSV has no magic number: it is accepted as UTF-8 text (see sniff.ts). */
export const PURPOSE_KINDS: Record<FilePurpose, readonly FileKind[]> = {
  certificate: ['pdf'],
  receipt: ['pdf', 'jpeg', 'png'],
  scan: ['pdf', 'jpeg', 'png', 'tiff'],
  attachment: ['pdf', 'jpeg', 'png', 'tiff'],
  report: ['xlsx', 'csv'],
};

/** Size limits in megabytes (MiB) when SABT_FILE_LIMITS_MB names none for a purpose. */
export const DEFAULT_LIMITS_MB: Record<FilePurpose, number> = {
  certificate: 10,
  receipt: 10,
  scan: 50,
  attachment: 20,
  report: 100,
};

const MIB = 1024 * 1024;

/**
 * Reads `certificate=10,scan=50`-style limits (megabytes, fractions allowed) into bytes per purpose;
 * purposes not named keep their default. Throws on an unknown purpose or a limit that is not positive.
 */
export function parseFileLimits(raw: string, variable = 'SABT_FILE_LIMITS_MB'): Record<FilePurpose, number> {
  const limits = Object.fromEntries(
    FILE_PURPOSES.map((p) => [p, Math.floor(DEFAULT_LIMITS_MB[p] * MIB)]),
  ) as Record<FilePurpose, number>;
  for (const part of raw.split(',')) {
    if (!part.trim()) continue;
    const [name = '', value = ''] = part.split('=').map((s) => s.trim());
    if (!(FILE_PURPOSES as readonly string[]).includes(name)) {
      throw new Error(`${variable}: unknown purpose "${name}" (known: ${FILE_PURPOSES.join(', ')})`);
    }
    const mb = Number(value);
    if (!value || !Number.isFinite(mb) || mb <= 0) {
      throw new Error(
        `${variable}: the limit of ${name} must be a positive number of megabytes, got "${value}"`,
      );
    }
    limits[name as FilePurpose] = Math.max(1, Math.floor(mb * MIB));
  }
  return limits;
}

/** A size in megabytes for messages: at most two decimals, no trailing zeros. */
export function megabytes(bytes: number): string {
  const mb = bytes / MIB;
  return String(Math.round(mb * 100) / 100 || (bytes > 0 ? 0.01 : 0));
}
