import { useReason } from '../../../components/reason-field.tsx';
import { isProblem } from '../../../lib/api.ts';
import type { RecordView } from '../../../lib/records.ts';
import { useRecordWrite } from '../api/record.ts';
import { useLabels } from '../hooks/use-labels.ts';
import { ActionDialog } from './actions/action-dialog.tsx';
import { ReasonField } from './actions/reason-field.tsx';

export type Verdict = 'duplicate' | 'not-duplicate';

/** The back office's verdict on one similar record: "duplicate" needs a reason, "not a duplicate" may have one. */
export function VerdictDialog({
  record,
  candidateId,
  verdict,
  onClose,
  onDone,
}: {
  record: RecordView;
  candidateId: string;
  verdict: Verdict;
  onClose: () => void;
  onDone: () => void;
}) {
  const { m } = useLabels();
  const write = useRecordWrite(record.id, `"${record.revision}"`);
  const reason = useReason();
  const required = verdict === 'duplicate';

  const send = () => {
    if (required && reason.missing(m.confirm.reasonRequired)) return;
    write.mutate(
      {
        path: `/duplicates/${candidateId}`,
        body: { verdict, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <ActionDialog
      onClose={onClose}
      title={required ? m.duplicates.duplicateTitle : m.duplicates.notDuplicateTitle}
      intro={required ? m.duplicates.duplicateText : m.duplicates.notDuplicateText}
      confirmLabel={required ? m.duplicates.duplicate : m.duplicates.notDuplicate}
      color={required ? 'red' : undefined}
      write={write}
      kind={record.kind}
      fieldLabels={{ reason: m.confirm.reason }}
      onSubmit={send}
    >
      <ReasonField
        ref={reason.ref}
        value={reason.value}
        onChange={reason.onChange}
        required={required}
        error={reason.error ?? (isProblem(write.error) ? write.error.fieldErrors.reason : undefined)}
        autoFocus
      />
    </ActionDialog>
  );
}
