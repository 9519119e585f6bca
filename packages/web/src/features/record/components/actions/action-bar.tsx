import { Anchor, Button, Group, Text } from '@mantine/core';
import type { Action } from '@sabt/core';
import { formatMinor } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { type RecordFees, recordFeesQuery } from '../../../../lib/record-fees.ts';
import type { RecordView } from '../../../../lib/records.ts';
import { useLabels } from '../../hooks/use-labels.ts';
import { AmendmentDialog } from './amendment-dialog.tsx';
import { AnnulDialog } from './annul-dialog.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { DecisionDialog } from './decision-dialog.tsx';
import { WaitingDialog } from './waiting-dialog.tsx';

/** The order buttons appear in: the next step first, destructive ones last. */
const ORDER: Action[] = [
  'edit',
  'submit',
  'validate',
  'register',
  'shorten-waiting',
  'resolve-duplicate',
  'approve-amendment',
  'request-amendment',
  'reject',
  'reject-amendment',
  'annul',
  'cancel',
];

const RED: readonly Action[] = ['reject', 'reject-amendment', 'annul', 'cancel'];
const PRIMARY: readonly Action[] = ['submit', 'validate', 'register', 'approve-amendment'];

/**
 * Exactly the actions the server lists for this user on this record, each behind a confirmation
 * dialog (a reason where the law asks for one). Drafts get "Edit", which opens the form.
 */
export function ActionBar({
  record,
  etag,
  onDone,
  onReload,
}: {
  record: RecordView;
  etag: string;
  onDone: (action: Action) => void;
  onReload: () => void;
}) {
  const { m } = useLabels();
  const [open, setOpen] = useState<Action | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const actions = ORDER.filter((a) => record.actions.includes(a));
  // a payable registration or amendment waits for its fee: the button says so (the server refuses it anyway)
  const payable = actions.includes('register') || actions.includes('approve-amendment');
  const fees = useQuery({ ...recordFeesQuery(record.id), enabled: payable }).data;
  const unpaid = fees ? unpaidOf(fees, actions) : {};
  const show = (a: Action) => {
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(a);
  };
  // cancelled: back to the button that opened the dialog
  const close = () => {
    setOpen(null);
    const el = trigger.current;
    setTimeout(() => el?.focus(), 0);
  };
  const done = (a: Action) => {
    setOpen(null);
    onDone(a);
  };
  const props = { record, etag, onClose: close, onDone: done, onReload };

  return (
    <section aria-labelledby="record-actions-title">
      <h2 id="record-actions-title" className="sabt-visually-hidden">
        {m.actions.title}
      </h2>
      {actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {m.actions.none}
        </Text>
      ) : (
        <Group gap="sm" wrap="wrap">
          {actions.map((a) => {
            if (a === 'edit') {
              return (
                <Button key={a} component={Link} to={`/records/${record.id}/edit`} variant="filled">
                  {m.actions.edit}
                </Button>
              );
            }
            if (a === 'resolve-duplicate') {
              return (
                <Button key={a} component={Link} to={`/records/${record.id}/duplicates`} color="orange">
                  {m.actions['resolve-duplicate']}
                </Button>
              );
            }
            const owed = unpaid[a];
            if (owed !== undefined) {
              return (
                <Group key={a} gap="xs">
                  <Button disabled aria-describedby={`${a}-blocked`}>
                    {m.actions[a as keyof typeof m.actions] as string}
                  </Button>
                  <Text id={`${a}-blocked`} size="sm" c="orange.9" data-testid={`${a}-blocked`}>
                    {a === 'register' ? m.actions.registerBlocked(owed) : m.actions.amendmentBlocked(owed)}{' '}
                    <Anchor component={Link} to="?tab=fees" size="sm">
                      {m.tabs.fees}
                    </Anchor>
                  </Text>
                </Group>
              );
            }
            return (
              <Button
                key={a}
                onClick={() => show(a)}
                color={RED.includes(a) ? 'red' : undefined}
                variant={PRIMARY.includes(a) ? 'filled' : RED.includes(a) ? 'outline' : 'light'}
                aria-haspopup="dialog"
              >
                {m.actions[a as keyof typeof m.actions] as string}
              </Button>
            );
          })}
        </Group>
      )}
      {(open === 'submit' ||
        open === 'validate' ||
        open === 'register' ||
        open === 'reject' ||
        open === 'cancel') && <ConfirmDialog action={open} {...props} />}
      {open === 'shorten-waiting' && <WaitingDialog {...props} />}
      {open === 'request-amendment' && <AmendmentDialog {...props} />}
      {(open === 'approve-amendment' || open === 'reject-amendment') && (
        <DecisionDialog action={open} {...props} />
      )}
      {open === 'annul' && <AnnulDialog {...props} />}
    </section>
  );
}

/** What is still to pay before the registration or the amendment: their charge, or the fee not yet charged. */
function unpaidOf(fees: RecordFees, actions: readonly Action[]): Partial<Record<Action, string>> {
  const out: Partial<Record<Action, string>> = {};
  if (actions.includes('register') && !fees.registrationSettled) {
    const charge = fees.charges.find((c) => c.purpose === 'registration');
    out.register = formatMinor(
      charge ? Math.max(0, charge.balance.somoni.outstanding) : (fees.proposed?.calculation.total.minor ?? 0),
    );
  }
  const amendment = fees.onRequest.find((s) => s.purpose === 'amendment');
  if (actions.includes('approve-amendment') && amendment && !amendment.settled) {
    out['approve-amendment'] = formatMinor(amendment.outstandingMinor);
  }
  return out;
}
