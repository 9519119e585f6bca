import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { DataTable } from '../../../../components/data-table.tsx';
import { ReasonField, useReason } from '../../../../components/reason-field.tsx';
import { formatInstant } from '../../../../lib/dates.ts';
import { type Blank, blanksQuery, useDecideSpoiled } from '../../api/blanks.ts';
import { seriesNumber } from '../../lib/format.ts';
import { useCertificateMessages } from '../../messages.ts';
import { FormDialog } from '../dialog.tsx';
import { ProblemAlert } from '../problem-alert.tsx';

interface Props {
  office: string;
  /** May confirm or reject here (the head of office of this office). */
  mayDecide: boolean;
  /** The signed-in user's login: one never confirms one's own report. */
  login: string | undefined;
}

/** Spoiled or lost blanks reported by clerks, waiting for the head of office to confirm or reject. */
export function WriteOffs({ office, mayDecide, login }: Props) {
  const { m, documentLabel } = useCertificateMessages();
  const s = m.blanks.writeOffs;
  const pending = useQuery(blanksQuery({ office, status: 'SPOIL_REQUESTED', limit: 500, offset: 0 }));
  const [deciding, setDeciding] = useState<{ blank: Blank; confirm: boolean } | null>(null);

  if (pending.isError) return <ProblemAlert error={pending.error} />;
  if (!pending.data) return null;
  return (
    <Stack gap="sm">
      {!mayDecide && (
        <Text size="sm" c="dimmed">
          {s.notAllowed}
        </Text>
      )}
      {pending.data.items.length === 0 ? (
        <Text c="dimmed">{s.empty}</Text>
      ) : (
        <DataTable
          minWidth={760}
          verticalSpacing="sm"
          caption={s.caption}
          rows={pending.data.items}
          rowKey={(b) => b.id}
          columns={[
            { header: m.blanks.list.number, fw: 600, nowrap: true, cell: seriesNumber },
            { header: m.blanks.list.document, cell: (b) => documentLabel(b.document) },
            {
              header: m.spoil.reason,
              cell: (b) => (
                <>
                  {b.spoil?.outcome && (
                    <Badge tt="none" variant="light" color="red" mr="xs">
                      {s.outcome[b.spoil.outcome]}
                    </Badge>
                  )}
                  <Text size="sm" span>
                    {b.spoil?.reason}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.reported(
                      b.spoil?.requestedByName ?? b.spoil?.requestedBy ?? '—',
                      formatInstant(b.spoil?.requestedAt),
                    )}
                  </Text>
                </>
              ),
            },
            {
              header: m.blanks.list.actions,
              cell: (b) => {
                const own = !!login && b.spoil?.requestedBy === login;
                return (
                  mayDecide && (
                    <Stack gap={4} align="flex-start">
                      <Group gap={6}>
                        <Button
                          size="xs"
                          color="red"
                          disabled={own}
                          onClick={() => setDeciding({ blank: b, confirm: true })}
                          aria-label={`${s.confirm}: ${seriesNumber(b)}`}
                        >
                          {s.confirm}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setDeciding({ blank: b, confirm: false })}
                          aria-label={`${s.reject}: ${seriesNumber(b)}`}
                        >
                          {s.reject}
                        </Button>
                      </Group>
                      {own && (
                        <Text size="xs" c="orange.8">
                          {s.ownReport}
                        </Text>
                      )}
                    </Stack>
                  )
                );
              },
            },
          ]}
        />
      )}
      {deciding && (
        <DecideDialog blank={deciding.blank} confirm={deciding.confirm} onClose={() => setDeciding(null)} />
      )}
    </Stack>
  );
}

/** Confirming writes the blank off for good; rejecting needs a reason and returns it to where it was. */
function DecideDialog({ blank, confirm, onClose }: { blank: Blank; confirm: boolean; onClose: () => void }) {
  const { m } = useCertificateMessages();
  const s = m.blanks.writeOffs;
  const decide = useDecideSpoiled();
  const reason = useReason();
  const label = seriesNumber(blank);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (decide.isPending) return;
    if (!confirm && reason.missing(m.spoil.reasonRequired)) return;
    decide.mutate(
      confirm
        ? { id: blank.id, confirm: true }
        : { id: blank.id, confirm: false, reason: reason.value.trim() },
      {
        onSuccess: () => {
          notifications.show({ message: confirm ? s.confirmed : s.rejected, color: 'teal' });
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog
      title={confirm ? s.confirmTitle(label) : s.rejectTitle(label)}
      onClose={onClose}
      onSubmit={submit}
      pending={decide.isPending}
      submitLabel={confirm ? s.confirm : s.reject}
      color={confirm ? 'red' : undefined}
      submitAutoFocus={confirm}
    >
      <Text size="sm">{confirm ? s.confirmText : s.rejectText}</Text>
      {!confirm && (
        <ReasonField
          ref={reason.ref}
          label={s.rejectReason}
          value={reason.value}
          onChange={reason.onChange}
          error={reason.error}
          required
          autoFocus
        />
      )}
      <ProblemAlert error={decide.error} fieldLabels={{ reason: s.rejectReason }} />
    </FormDialog>
  );
}
