// @vitest-environment happy-dom
import {
  calculateFee,
  DEFAULT_FEE_VERSIONS,
  type FeeLedgerEntry,
  feeBalance,
  feeReferenceOf,
  feeRules,
} from '@sabt/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import type { RecordFees } from '../../lib/record-fees.ts';
import { jsonResponse, renderWithProviders } from '../../testing/render.tsx';
import { RecordFeesSection } from './components/record-fees.tsx';

const RECORD = '0b7c2f4e-5d6a-4e8b-9c1d-2e3f4a5b6c7d';
const CHARGE = '1c8d3a5f-6e7b-4f9c-8d2e-3f4a5b6c7d8e';
const ENTRY = '2d9e4b6a-7f8c-4a1d-9e3f-4a5b6c7d8e9f';
const TODAY = '2026-12-07';

const repeat = (() => {
  const out = calculateFee(feeRules(), { service: 'CERT_REPEAT', applicationDate: TODAY });
  if (!out.ok) throw new Error('no fee');
  return out.fee;
})();

type Entry = RecordFees['charges'][number]['entries'][number];

/** A registered record's fees as the API answers them: a repeat certificate asked for, charged or not. */
function feesWith(charge: { entries: Entry[]; spent?: boolean } | null): RecordFees {
  const ledger: FeeLedgerEntry[] = (charge?.entries ?? []).map((e) => ({
    id: e.id,
    kind: e.kind,
    amountMinor: e.amountMinor,
    currency: e.currency,
    corrects: e.corrects,
  }));
  const balance = feeBalance({ totalMinor: repeat.total.minor, consularMinor: null }, ledger);
  const open = charge && !charge.spent;
  return {
    recordId: RECORD,
    applicationDate: '2026-03-02',
    eventDate: '2026-02-20',
    consular: false,
    proposed: null,
    registrationSettled: true,
    charges: charge
      ? [
          {
            id: CHARGE,
            purpose: 'certificate',
            service: 'CERT_REPEAT',
            reference: feeReferenceOf(repeat),
            calculation: repeat,
            totalMinor: repeat.total.minor,
            consularMinor: null,
            replaces: null,
            spent: charge.spent
              ? { certificateId: ENTRY, amendmentRequestId: null, at: '2026-12-07T09:00:00.000Z' }
              : null,
            recordedBy: 'front',
            recordedAt: '2026-12-07T08:00:00.000Z',
            balance,
            entries: charge.entries,
          },
        ]
      : [],
    onRequest: [
      {
        purpose: 'certificate',
        service: 'CERT_REPEAT',
        calculation: repeat,
        chargeId: open ? CHARGE : null,
        settled: open ? balance.settled : false,
        outstandingMinor: open ? Math.max(0, balance.somoni.outstanding) : repeat.total.minor,
      },
    ],
    may: ['charge', 'payment'],
  };
}

const payment: Entry = {
  id: ENTRY,
  chargeId: CHARGE,
  kind: 'payment',
  amountMinor: repeat.total.minor,
  currency: 'TJS',
  method: 'cash',
  externalReference: null,
  receiptNumber: '0301-2026-5',
  verifyCode: 'ABCDE-FGHJK',
  payerName: null,
  reason: null,
  corrects: null,
  correctedBy: null,
  recordedBy: 'front',
  recordedAt: '2026-12-07T08:05:00.000Z',
  businessDate: TODAY,
};

function stubApi(first: RecordFees, onWrite: (path: string, body: unknown) => RecordFees) {
  const writes: { path: string; body: unknown; key: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(String(input), 'http://sabt.test').pathname.replace(/^\/api\/v1/, '');
      if ((init?.method ?? 'GET') !== 'GET') {
        const body = JSON.parse(String(init?.body));
        writes.push({ path, body, key: new Headers(init?.headers).get('idempotency-key') });
        return jsonResponse(201, onWrite(path, body));
      }
      if (path === `/records/${RECORD}/fees`) return jsonResponse(200, first);
      if (path === '/fees/rules') return jsonResponse(200, { versions: DEFAULT_FEE_VERSIONS });
      return jsonResponse(404, { title: 'Not found', status: 404 }, 'application/problem+json');
    }),
  );
  return writes;
}

beforeEach(async () => {
  await i18n.changeLanguage('tg');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the fees tab of a registered record', () => {
  it('offers what a repeat certificate costs, records its charge, then takes the payment', async () => {
    const writes = stubApi(feesWith(null), (path) =>
      path.endsWith('/charges') ? feesWith({ entries: [] }) : feesWith({ entries: [payment] }),
    );
    renderWithProviders(<RecordFeesSection recordId={RECORD} />);
    const proposed = await screen.findByTestId('fee-proposed');
    expect(proposed.dataset.purpose).toBe('certificate');
    expect(within(proposed).getByText('Барои «Шаҳодатномаи такрорӣ» пардохтанӣ:')).toBeTruthy();
    expect(within(proposed).getAllByTestId('fee-total')[0]!.textContent).toContain(repeat.total.text);

    await userEvent.click(within(proposed).getByRole('button', { name: 'Ҳисоб кардан ва сабт кардан' }));
    const charge = await screen.findByTestId('fee-charge');
    expect(writes[0]).toMatchObject({
      path: `/records/${RECORD}/fees/charges`,
      body: { purpose: 'certificate', service: 'CERT_REPEAT', category: 'general' },
    });
    expect(writes[0]!.key).toBeTruthy();
    expect(within(charge).getByTestId('fee-status').textContent).toBe('Пардохт нашудааст');
    expect(screen.queryByTestId('fee-proposed')).toBeNull();

    const form = screen.getByRole('form', { name: 'Сабти пардохт' });
    expect((within(form).getByLabelText('Маблағ (сомонӣ)') as HTMLInputElement).value).toBe(
      repeat.total.text,
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Сабт кардан' }));
    await waitFor(() => expect(within(charge).getByTestId('fee-status').textContent).toBe('Пардохт шудааст'));
    expect(writes[1]).toMatchObject({
      path: `/records/${RECORD}/fees/entries`,
      body: { chargeId: CHARGE, kind: 'payment', amountMinor: repeat.total.minor, method: 'cash' },
    });
    expect(within(charge).getByText('0301-2026-5')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Сабти пардохт' })).toBeNull();
  });

  it('marks a charge spent by its print and offers the next repeat again', async () => {
    stubApi(feesWith({ entries: [payment], spent: true }), () => {
      throw new Error('no write');
    });
    renderWithProviders(<RecordFeesSection recordId={RECORD} />);
    const charge = await screen.findByTestId('fee-charge');
    expect(within(charge).getByTestId('fee-spent').textContent).toBe('Истифода шуд: чоп шудааст');
    expect(within(charge).getByTestId('fee-status').textContent).toBe('Пардохт шудааст');
    expect((await screen.findByTestId('fee-proposed')).dataset.purpose).toBe('certificate');
  });
});
