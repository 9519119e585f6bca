import { describe, expect, it } from 'vitest';
import { t } from '../i18n/messages.ts';
import { readBankStatement } from './bank-statement.ts';
import { cashFigures, type LedgerEntry } from './cash-report.ts';
import { feeReport, feeReportTotals, type ReportEntry } from './fee-report.ts';
import { matchStatement, type TransferPayment } from './statement-matching.ts';

const entry = (id: string, over: Partial<LedgerEntry>): LedgerEntry => ({
  id,
  kind: 'payment',
  amountMinor: 0,
  currency: 'TJS',
  method: 'cash',
  corrects: null,
  ...over,
});

describe("the day's cash report", () => {
  it('sums the drawer from cash only and counts terminal and bank transfers apart', () => {
    const f = cashFigures({
      openingMinor: 10_000,
      entries: [
        entry('a', { amountMinor: 48_750 }),
        entry('b', { amountMinor: 15_000 }),
        entry('c', { kind: 'refund', amountMinor: 5_000 }),
        entry('d', { amountMinor: 30_000, method: 'terminal' }),
        entry('e', { amountMinor: 22_500, method: 'bank-transfer' }),
        entry('f', { kind: 'refund', amountMinor: 2_500, method: 'terminal' }),
        entry('g', { kind: 'waiver', amountMinor: 7_500, method: null }),
      ],
      handovers: [{ amountMinor: 50_000 }],
    });
    expect(f).toEqual({
      openingMinor: 10_000,
      receivedMinor: 63_750,
      refundedMinor: 5_000,
      correctionsMinor: 0,
      handedInMinor: 50_000,
      closingMinor: 10_000 + 63_750 - 5_000 - 50_000,
      terminalMinor: 27_500,
      transferMinor: 22_500,
      waivedMinor: 7_500,
      entryCount: 7,
      handoverCount: 1,
    });
  });

  it('undoes what a correction corrects, on its own day or a later one, and redoes a corrected correction', () => {
    const earlierCash = entry('x', { amountMinor: 12_000 });
    const sameDay = cashFigures({
      openingMinor: 0,
      entries: [
        entry('a', { amountMinor: 20_000 }),
        entry('k', { kind: 'correction', amountMinor: 20_000, method: null, corrects: 'a' }),
        entry('t', { amountMinor: 9_000, method: 'terminal' }),
        entry('u', { kind: 'correction', amountMinor: 9_000, method: null, corrects: 't' }),
        entry('r', { kind: 'refund', amountMinor: 1_000 }),
        entry('v', { kind: 'correction', amountMinor: 1_000, method: null, corrects: 'r' }),
      ],
      handovers: [],
    });
    expect(sameDay.receivedMinor).toBe(20_000);
    expect(sameDay.refundedMinor).toBe(1_000);
    expect(sameDay.correctionsMinor).toBe(-20_000 + 1_000);
    expect(sameDay.closingMinor).toBe(0);
    expect(sameDay.terminalMinor).toBe(0);
    const laterDay = cashFigures({
      openingMinor: 12_000,
      entries: [
        entry('k2', { kind: 'correction', amountMinor: 12_000, method: null, corrects: 'x' }),
        entry('k3', { kind: 'correction', amountMinor: 12_000, method: null, corrects: 'k2' }),
        entry('k4', { kind: 'correction', amountMinor: 12_000, method: null, corrects: 'missing' }),
      ],
      related: [earlierCash],
      handovers: [],
    });
    expect(laterDay.correctionsMinor).toBe(0);
    expect(laterDay.closingMinor).toBe(12_000);
    const undone = cashFigures({
      openingMinor: 12_000,
      entries: [entry('k2', { kind: 'correction', amountMinor: 12_000, method: null, corrects: 'x' })],
      related: [earlierCash],
      handovers: [],
    });
    expect(undone.correctionsMinor).toBe(-12_000);
    expect(undone.closingMinor).toBe(0);
  });
});

const csv = (...rows: string[]) => rows.join('\r\n');

describe('reading a bank statement', () => {
  it('reads a semicolon file with a Russian header, decimal commas, grouped thousands and a BOM', () => {
    const r = readBankStatement(
      `\uFEFF${csv(
        'Дата;Номер платежа;Сумма;Плательщик;Назначение платежа',
        '01.12.2026;TR-001;487,50;Раҳимов А.;Пошлина',
        '',
        '02.12.2026; tr 002 ;1 234,00;;',
      )}`,
    );
    expect(r).toEqual({
      ok: true,
      separator: ';',
      lines: [
        {
          line: 2,
          valueDate: '2026-12-01',
          amountMinor: 48_750,
          currency: 'TJS',
          reference: 'TR-001',
          payer: 'Раҳимов А.',
          purpose: 'Пошлина',
        },
        {
          line: 4,
          valueDate: '2026-12-02',
          amountMinor: 123_400,
          currency: 'TJS',
          reference: 'tr 002',
          payer: null,
          purpose: null,
        },
      ],
    });
  });

  it('reads a comma file with a Tajik or an English header, quoted amounts, columns in any order', () => {
    const tg = readBankStatement(csv('Маблағ,Сана,Рақами пардохт', '"450,00",03.12.2026,A1'));
    expect(tg.ok && tg.lines[0]).toMatchObject({
      amountMinor: 45_000,
      valueDate: '2026-12-03',
      reference: 'A1',
    });
    const en = readBankStatement(csv('Reference,Date,Amount,Currency', '"B ""2""",04.12.2026,15.5,usd'));
    expect(en.ok && en.lines[0]).toMatchObject({ amountMinor: 1_550, reference: 'B "2"', currency: 'USD' });
  });

  it('reports every bad line by its number, in the reader’s language, and keeps none', () => {
    const r = readBankStatement(
      csv(
        'Сана;Маблағ;Рақами пардохт',
        '31.11.2026;100,00;A',
        '01.12.2026;-5,00;B',
        '01.12.2026;12,345;C',
        '01.12.2026;10,00;',
        '01.12.2026;10,00;"D',
        '2026-12-01;10,00;E',
        '01.12.2026;10,00;F',
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.params?.line, i.key])).toEqual([
      [2, 'error.statement.date'],
      [3, 'error.statement.amount'],
      [4, 'error.statement.amount'],
      [5, 'error.statement.reference'],
      [6, 'error.statement.quote'],
      [7, 'error.statement.date'],
    ]);
    expect(t(r.issues[0]!.key, 'ru', r.issues[0]!.params)).toBe(
      'Строка 2: дата «31.11.2026» неверна; нужен формат дд.мм.гггг.',
    );
    expect(t(r.issues[1]!.key, 'tg', r.issues[1]!.params)).toContain('Сатри 3');
  });

  it('refuses a file without the needed columns, or with no lines', () => {
    const r = readBankStatement(csv('Дата;Сумма', '01.12.2026;10,00'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toEqual([
        {
          path: ['file', 1, 'header'],
          key: 'error.statement.header',
          params: { line: 1, columns: 'reference' },
        },
      ]);
      expect(t(r.issues[0]!.key, 'en', r.issues[0]!.params)).toContain(
        'Line 1: the header lacks the columns reference',
      );
    }
    expect(readBankStatement('')).toMatchObject({ ok: false, issues: [{ key: 'error.statement.empty' }] });
    expect(readBankStatement('Date;Amount;Reference\n\n')).toMatchObject({
      ok: false,
      issues: [{ key: 'error.statement.noLines' }],
    });
  });
});

const pay = (
  id: string,
  reference: string,
  amountMinor: number,
  businessDate = '2026-12-01',
): TransferPayment => ({
  id,
  reference,
  amountMinor,
  currency: 'TJS',
  businessDate,
});
const line = (n: number, reference: string, amountMinor: number) => ({
  line: n,
  valueDate: '2026-12-01',
  amountMinor,
  currency: 'TJS' as const,
  reference,
  payer: null,
  purpose: null,
});

describe('matching a statement to the bank-transfer payments', () => {
  it('matches by reference and amount; tells a wrong amount, an unknown or duplicate reference, one matched before, and the payments missing', () => {
    const payments = [pay('p1', 'TR-001', 48_750), pay('p2', 'TR-002', 15_000), pay('p3', 'TR-003', 22_500)];
    const { lines, missing } = matchStatement({
      lines: [
        line(2, 'tr 001', 48_750),
        line(3, 'TR-002', 15_500),
        line(4, 'TR-999', 10_000),
        line(5, 'TR-001', 48_750),
        line(6, 'TR-003', 22_500),
      ],
      payments,
      matchedBefore: new Set(['p3']),
      periodPayments: [...payments, pay('p4', 'TR-004', 7_500), pay('p5', 'TR-005', 100)],
    });
    expect(lines.map((l) => [l.line, l.result, l.paymentId, l.expectedMinor])).toEqual([
      [2, 'matched', 'p1', null],
      [3, 'amount-differs', 'p2', 15_000],
      [4, 'unknown-reference', null, null],
      [5, 'duplicate', null, null],
      [6, 'already-matched', 'p3', null],
    ]);
    expect(missing.map((p) => p.id)).toEqual(['p2', 'p4', 'p5']);
  });

  it('matches the payment of the right amount when two payments share a reference', () => {
    const { lines } = matchStatement({
      lines: [line(2, 'R', 300)],
      payments: [pay('a', 'R', 100), pay('b', 'R', 300)],
      matchedBefore: new Set(),
      periodPayments: [],
    });
    expect(lines[0]).toMatchObject({ result: 'matched', paymentId: 'b' });
  });
});

describe('the fee report', () => {
  it('sums charges, paid, refunded and waived per office and service; a charge computed again is one; corrections undo', () => {
    const e = (id: string, chargeId: string, over: Partial<ReportEntry>): ReportEntry => ({
      ...entry(id, over),
      chargeId,
    });
    const rows = feeReport(
      [
        {
          id: 'c1',
          officeId: 'A',
          service: 'NAME_CHANGE_REG',
          totalMinor: 48_750,
          consularMinor: null,
          replaces: null,
        },
        {
          id: 'c2',
          officeId: 'A',
          service: 'NAME_CHANGE_REG',
          totalMinor: 30_000,
          consularMinor: null,
          replaces: 'c1',
        },
        {
          id: 'c3',
          officeId: 'A',
          service: 'NAME_CHANGE_REG',
          totalMinor: 10_000,
          consularMinor: null,
          replaces: null,
        },
        {
          id: 'c4',
          officeId: 'B',
          service: 'MARRIAGE_REG',
          totalMinor: 5_000,
          consularMinor: 2_500,
          replaces: null,
        },
      ],
      [
        e('1', 'c1', { amountMinor: 20_000 }),
        e('2', 'c2', { amountMinor: 10_000, method: 'terminal' }),
        e('3', 'c3', { amountMinor: 10_000 }),
        e('4', 'c3', { kind: 'correction', amountMinor: 10_000, method: null, corrects: '3' }),
        e('5', 'c3', { kind: 'waiver', amountMinor: 4_000, method: null }),
        e('6', 'c4', { amountMinor: 5_000 }),
        e('7', 'c4', { kind: 'refund', amountMinor: 5_000 }),
        e('8', 'c4', { amountMinor: 2_500, currency: 'USD' }),
      ],
    );
    expect(rows).toEqual([
      {
        officeId: 'A',
        service: 'NAME_CHANGE_REG',
        currency: 'TJS',
        charges: 2,
        chargedMinor: 40_000,
        paidMinor: 30_000,
        refundedMinor: 0,
        waivedMinor: 4_000,
        outstandingMinor: 6_000,
      },
      {
        officeId: 'B',
        service: 'MARRIAGE_REG',
        currency: 'TJS',
        charges: 1,
        chargedMinor: 5_000,
        paidMinor: 5_000,
        refundedMinor: 5_000,
        waivedMinor: 0,
        outstandingMinor: 5_000,
      },
      {
        officeId: 'B',
        service: 'MARRIAGE_REG',
        currency: 'USD',
        charges: 1,
        chargedMinor: 2_500,
        paidMinor: 2_500,
        refundedMinor: 0,
        waivedMinor: 0,
        outstandingMinor: 0,
      },
    ]);
    expect(feeReportTotals(rows)[0]).toMatchObject({ currency: 'TJS', charges: 3, chargedMinor: 45_000 });
  });
});
