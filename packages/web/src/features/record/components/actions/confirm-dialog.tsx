import { ACTION_MATRIX, type Action } from '@sabt/core';
import { useReason } from '../../../../components/reason-field.tsx';
import { isProblem } from '../../../../lib/api.ts';
import { useRecordWrite } from '../../api/record.ts';
import { useLabels } from '../../hooks/use-labels.ts';
import { DuplicatesLink } from '../banners.tsx';
import { ActionDialog, type RecordActionProps } from './action-dialog.tsx';
import { RequiredReason } from './reason-field.tsx';

export type TransitionAction = Extract<Action, 'submit' | 'validate' | 'reject' | 'register' | 'cancel'>;

/** Whether the law (the action matrix) asks for a written reason. */
export function needsReason(action: Action): boolean {
  return ACTION_MATRIX.find((r) => r.action === action)?.reason === true;
}

/** Submit, validate, send back (with a reason), register or cancel a draft (with a reason): one confirmation, then the server. */
export function ConfirmDialog({
  action,
  record,
  etag,
  onClose,
  onDone,
  onReload,
}: RecordActionProps & {
  action: TransitionAction;
}) {
  const { m } = useLabels();
  const write = useRecordWrite(record.id, etag);
  const reason = useReason();
  const withReason = needsReason(action);
  const serverReasonError = isProblem(write.error) ? write.error.fieldErrors.reason : undefined;

  const send = () => {
    if (withReason && reason.missing(m.confirm.reasonRequired)) return;
    write.mutate(
      { path: `/${action}`, body: withReason ? { reason: reason.value.trim() } : {} },
      { onSuccess: () => onDone(action) },
    );
  };

  const duplicate = isProblem(write.error, 409) && write.error.problem.key === 'problem.possibleDuplicate';

  return (
    <ActionDialog
      onClose={onClose}
      title={m.actions[action]}
      intro={action === 'cancel' ? m.confirm.cancelDraft : m.confirm[action]}
      confirmLabel={m.actions[action]}
      color={action === 'reject' || action === 'cancel' ? 'red' : undefined}
      write={write}
      kind={record.kind}
      fieldLabels={{ reason: m.confirm.reason }}
      onSubmit={send}
      onReload={onReload}
      problemExtra={duplicate ? <DuplicatesLink recordId={record.id} strong /> : undefined}
    >
      {withReason ? <RequiredReason reason={reason} serverError={serverReasonError} autoFocus /> : undefined}
    </ActionDialog>
  );
}
