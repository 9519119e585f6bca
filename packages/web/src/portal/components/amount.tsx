import type { FeeCalculation } from '@sabt/core';
import { useLocale } from '../lib/i18n.tsx';

/** A fee's total in somoni ("Free" when nothing is due), with the consulate's dollars and an unconfirmed mark. */
export function FeeTotal({ fee }: { fee: FeeCalculation }) {
  const { m } = useLocale();
  const somoni = fee.total.minor === 0 ? m.common.free : `${fee.total.text} ${m.common.somoni}`;
  return (
    <>
      <span data-testid="fee-total">{somoni}</span>
      {fee.consularTotal ? ` + ${fee.consularTotal.text} USD` : null}
      {fee.unverified ? <span className="note"> ({m.common.unverified})</span> : null}
    </>
  );
}
