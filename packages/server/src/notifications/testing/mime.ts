/**
 * Reads an e-mail as it arrived at the test SMTP server, enough for the tests to see what a mail
 * client would show: header fields (RFC 2047 encoded words decoded), and the text and HTML parts of
 * a multipart message (base64 and quoted-printable decoded as UTF-8). Test support only.
 */

export interface MimePart {
  /** Header fields by lower-case name, unfolded and decoded; the last one wins. */
  headers: Map<string, string>;
  /** Raw (still encoded) header values, for checking what went over the wire. */
  rawHeaders: Map<string, string>;
  contentType: string;
  /** The decoded body of a leaf part. */
  body: string;
  parts: MimePart[];
}

export interface ParsedMail extends MimePart {
  subject: string;
  text: string | undefined;
  html: string | undefined;
}

/** `raw` as the bytes arrived (each byte one char: latin1). */
export function parseMail(raw: string): ParsedMail {
  const root = parsePart(raw);
  const leaves = (p: MimePart): MimePart[] => (p.parts.length ? p.parts.flatMap(leaves) : [p]);
  const all = leaves(root);
  return {
    ...root,
    subject: root.headers.get('subject') ?? '',
    text: all.find((p) => p.contentType === 'text/plain')?.body,
    html: all.find((p) => p.contentType === 'text/html')?.body,
  };
}

function parsePart(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const rest = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const rawHeaders = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) rawHeaders.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const headers = new Map([...rawHeaders].map(([k, v]) => [k, decodeWords(v)]));
  const type = rawHeaders.get('content-type') ?? 'text/plain; charset=us-ascii';
  const contentType = type.split(';')[0]!.trim().toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (contentType.startsWith('multipart/') && boundary) {
    const sections = rest.split(`--${boundary}`);
    const parts = sections
      .slice(1)
      .filter((s) => !s.startsWith('--'))
      .map((s) => parsePart(s.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
    return { headers, rawHeaders, contentType, body: '', parts };
  }
  const charset = (/charset="?([^";]+)"?/i.exec(type)?.[1] ?? 'us-ascii').toLowerCase();
  if (!['utf-8', 'us-ascii'].includes(charset)) throw new Error(`unexpected charset ${charset}`);
  const encoding = (rawHeaders.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(rest.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? qpBytes(rest.replace(/=\r?\n/g, ''))
        : Buffer.from(rest, 'latin1');
  return { headers, rawHeaders, contentType, body: bytes.toString('utf8'), parts: [] };
}

function qpBytes(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(s.charCodeAt(i));
  }
  return Buffer.from(out);
}

/** RFC 2047: `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=` words; whitespace between two words is dropped. */
export function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  const chunks: (string | Buffer)[] = [];
  let last = 0;
  for (const m of value.matchAll(word)) {
    const between = value.slice(last, m.index);
    if (!(chunks.length && Buffer.isBuffer(chunks.at(-1)) && /^\s*$/.test(between))) chunks.push(between);
    const text = m[3]!;
    chunks.push(m[2]!.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qpBytes(text.replace(/_/g, ' ')));
    last = m.index + m[0].length;
  }
  chunks.push(value.slice(last));
  // adjacent words may split one character's bytes: join them before decoding
  const out: string[] = [];
  let pending: Buffer[] = [];
  for (const c of chunks) {
    if (Buffer.isBuffer(c)) pending.push(c);
    else {
      if (pending.length) out.push(Buffer.concat(pending).toString('utf8'));
      pending = [];
      out.push(c);
    }
  }
  if (pending.length) out.push(Buffer.concat(pending).toString('utf8'));
  return out.join('');
}
