import { Alert, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useReason } from '../../../../components/reason-field.tsx';
import { isProblem } from '../../../../lib/api.ts';
import { formatInstant } from '../../../../lib/dates.ts';
import { amendmentsQuery, useRecordWrite } from '../../api/record.ts';
import { useLabels } from '../../hooks/use-labels.ts';
import { patchChanges } from '../../lib/data-paths.ts';
import { AmendmentGrounds } from '../banners.tsx';
import { DiffTable } from '../diff-table.tsx';
import { ActionDialog, type RecordActionProps } from './action-dialog.tsx';
import { needsReason } from './confirm-dialog.tsx';
import { RequiredReason } from './reason-field.tsx';

/** The registrar's decision on the pending amendment, with its differences in view. */
export function DecisionDialog({
  action,
  record,
  etag,
  onClose,
  onDone,
  onReload,
}: RecordActionProps & {
  action: 'approve-amendment' | 'reject-amendment';
}) {
  const { m } = useLabels();
  const amendments = useQuery(amendmentsQuery(record.id));
  const pending = amendments.data?.find((a) => a.status === 'pending');
  const write = useRecordWrite(record.id, etag);
  const reason = useReason();
  const withReason = needsReason(action);
  const approve = action === 'approve-amendment';

  const send = () => {
    if (withReason && reason.missing(m.confirm.reasonRequired)) return;
    write.mutate(
      {
        path: approve ? '/amendments/approve' : '/amendments/reject',
        body: reason.value.trim() ? { reason: reason.value.trim() } : {},
      },
      { onSuccess: () => onDone(action) },
    );
  };

  return (
    <ActionDialog
      onClose={onClose}
      title={approve ? m.decision.approveTitle : m.decision.rejectTitle}
      intro={approve ? m.decision.approveText : m.decision.rejectText}
      confirmLabel={approve ? m.decision.approve : m.decision.reject}
      color={approve ? undefined : 'red'}
      write={write}
      kind={record.kind}
      fieldLabels={{ reason: m.confirm.reason }}
      onSubmit={send}
      onReload={onReload}
      size="lg"
    >
      {amendments.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          {m.decision.loading}
        </Text>
      ) : !pending ? (
        <Alert color="yellow">{m.decision.none}</Alert>
      ) : (
        <Stack gap="xs" role="group" aria-label={m.decision.requested}>
          <Text size="sm">
            <strong>{m.decision.requested}:</strong>{' '}
            {m.decision.requestedBy(
              pending.requestedByName ?? pending.requestedBy ?? '—',
              formatInstant(pending.requestedAt),
            )}
          </Text>
          {pending.sealed ? (
            <Text size="sm" c="dimmed">
              {m.decision.sealed}
            </Text>
          ) : (
            <>
              <AmendmentGrounds amendment={pending} />
              {pending.patch && (
                <DiffTable
                  kind={record.kind}
                  changes={patchChanges(record.data, pending.patch)}
                  caption={m.versions.changes}
                />
              )}
            </>
          )}
        </Stack>
      )}
      {withReason && (
        <RequiredReason
          reason={reason}
          serverError={isProblem(write.error) ? write.error.fieldErrors.reason : undefined}
          autoFocus
        />
      )}
    </ActionDialog>
  );
}
