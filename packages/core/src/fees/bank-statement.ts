import type { FieldIssue } from '../acts/validation.ts';
import { isPlainDate } from '../dates/plain-date.ts';
import { parseMajor } from './money.ts';

/**
 * A bank statement as Tajik banks export it to CSV (the format Sabt reads):
 *
 * - UTF-8 text (a byte-order mark is allowed), lines ended by CRLF or LF; blank lines are skipped;
 * - fields separated by semicolons (the usual export) or by commas, read from the header line
 *   (whichever of the two it holds); a field may be quoted "…" ("" inside is a quote), which a
 *   comma-separated file needs around an amount with a decimal comma;
 * - a header row naming the columns, in any order, in Tajik, Russian or English (case and spaces
 *   ignored): the date (Сана | Дата | Date), the amount (Маблағ | Сумма | Amount) and the
 *   reference of the transfer (Рақами пардохт | Номер платежа | Reference, and the aliases in
 *   STATEMENT_COLUMNS) are required; the payer, the purpose and the currency may be given;
 * - dates dd.mm.yyyy; amounts in somoni with a decimal comma or point and at most two decimals,
 *   thousands optionally grouped by spaces ("1 234,50"); incoming transfers only (above zero);
 * - the currency TJS unless a currency column says USD.
 *
 * Every bad line is reported by its line number in the file (the header is line 1); a file with
 * any bad line is refused whole.
 */

export interface StatementLine {
  /** The line's number in the file (1 is the header). */
  line: number;
  valueDate: string;
  amountMinor: number;
  currency: 'TJS' | 'USD';
  reference: string;
  payer: string | null;
  purpose: string | null;
}

export type StatementColumn = 'date' | 'amount' | 'reference' | 'payer' | 'purpose' | 'currency';

/** The header names each column is known by (lower case, single spaces). */
export const STATEMENT_COLUMNS: Record<StatementColumn, readonly string[]> = {
  date: ['сана', 'санаи пардохт', 'дата', 'дата операции', 'дата платежа', 'date', 'value date'],
  amount: ['маблағ', 'сумма', 'сумма платежа', 'amount'],
  reference: [
    'рақами пардохт',
    'рақами ҳуҷҷат',
    'рақам',
    'номер платежа',
    'номер документа',
    'референс',
    'reference',
    'payment reference',
    'ref',
  ],
  payer: ['пардохткунанда', 'плательщик', 'payer'],
  purpose: ['таъиноти пардохт', 'назначение платежа', 'назначение', 'purpose', 'details'],
  currency: ['асъор', 'валюта', 'currency'],
};

const REQUIRED: readonly StatementColumn[] = ['date', 'amount', 'reference'];
export const STATEMENT_MAX_LINES = 20_000;

/** A reference as compared: spaces and dashes dropped (banks print them or not), upper case. */
export const normalizeReference = (ref: string) => ref.replace(/[\s\-\u2010-\u2015]+/g, '').toUpperCase();

/** Splits one line into fields by the separator, with "…" quoting. Null when a quote is left open. */
export function splitCsvLine(text: string, separator: ';' | ','): string[] | null {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === separator) {
      out.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) return null;
  out.push(field);
  return out.map((f) => f.trim());
}

const headerName = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** dd.mm.yyyy → yyyy-mm-dd, or null. */
export function parseDottedDate(text: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isPlainDate(iso) ? iso : null;
}

/** "1 234,50" → 123450; null when it is not an amount. */
export function parseStatementAmount(text: string): number | null {
  return parseMajor(text.replace(/[\s\u00a0\u202f']/g, ''));
}

export type StatementReading =
  | { ok: true; lines: StatementLine[]; separator: ';' | ',' }
  | { ok: false; issues: FieldIssue[] };

const issue = (
  line: number,
  column: string,
  key: string,
  params: Record<string, unknown> = {},
): FieldIssue => ({
  path: ['file', line, column],
  key,
  params: { line, ...params },
});

/** Reads a statement's text: its lines, or every bad line's issue. */
export function readBankStatement(text: string): StatementReading {
  const rows = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = rows.findIndex((r) => r.trim() !== '');
  if (headerIndex < 0) return { ok: false, issues: [issue(1, 'header', 'error.statement.empty')] };
  const header = rows[headerIndex]!;
  const separator: ';' | ',' = header.includes(';') ? ';' : ',';
  const names = splitCsvLine(header, separator)?.map(headerName) ?? [];
  const at = {} as Partial<Record<StatementColumn, number>>;
  for (const col of Object.keys(STATEMENT_COLUMNS) as StatementColumn[]) {
    const idx = names.findIndex((n) => STATEMENT_COLUMNS[col].includes(n));
    if (idx >= 0) at[col] = idx;
  }
  const missing = REQUIRED.filter((c) => at[c] === undefined);
  if (missing.length) {
    return {
      ok: false,
      issues: [issue(headerIndex + 1, 'header', 'error.statement.header', { columns: missing.join(', ') })],
    };
  }
  const issues: FieldIssue[] = [];
  const lines: StatementLine[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const raw = rows[i]!;
    if (raw.trim() === '') continue;
    const n = i + 1;
    if (lines.length + issues.length >= STATEMENT_MAX_LINES) {
      issues.push(issue(n, 'file', 'error.statement.tooLong', { max: STATEMENT_MAX_LINES }));
      break;
    }
    const fields = splitCsvLine(raw, separator);
    if (!fields) {
      issues.push(issue(n, 'line', 'error.statement.quote'));
      continue;
    }
    const get = (c: StatementColumn) => (at[c] === undefined ? '' : (fields[at[c]!] ?? ''));
    const before = issues.length;
    const valueDate = parseDottedDate(get('date'));
    if (!valueDate) issues.push(issue(n, 'date', 'error.statement.date', { value: get('date') }));
    const amountMinor = parseStatementAmount(get('amount'));
    if (amountMinor === null || amountMinor <= 0) {
      issues.push(issue(n, 'amount', 'error.statement.amount', { value: get('amount') }));
    }
    const reference = get('reference').trim();
    if (!reference || reference.length > 80) {
      issues.push(issue(n, 'reference', 'error.statement.reference'));
    }
    const currencyText = get('currency').trim().toUpperCase();
    const currency =
      currencyText === '' || currencyText === 'TJS' || currencyText === 'СМН' ? 'TJS' : currencyText;
    if (currency !== 'TJS' && currency !== 'USD') {
      issues.push(issue(n, 'currency', 'error.statement.currency', { value: get('currency') }));
    }
    const payer = get('payer').slice(0, 200) || null;
    const purpose = get('purpose').slice(0, 500) || null;
    if (issues.length > before) continue;
    lines.push({
      line: n,
      valueDate: valueDate!,
      amountMinor: amountMinor!,
      currency: currency as 'TJS' | 'USD',
      reference,
      payer,
      purpose,
    });
  }
  if (issues.length) return { ok: false, issues };
  if (!lines.length)
    return { ok: false, issues: [issue(headerIndex + 1, 'file', 'error.statement.noLines')] };
  return { ok: true, lines, separator };
}
