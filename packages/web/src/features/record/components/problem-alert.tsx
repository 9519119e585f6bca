import { forwardRef, type ReactNode } from 'react';
import { ProblemAlert as SharedProblemAlert } from '../../../components/problem-alert.tsx';
import { useLabels } from '../hooks/use-labels.ts';

interface Props {
  error: unknown;
  kind: string;
  /** Labels of the dialog's own fields (reason, basis …) by problem path. */
  fieldLabels?: Record<string, string>;
  onReload?: (() => void) | undefined;
  children?: ReactNode;
}

/** The server's problem on a record action: field errors under the record's data are named by the label catalogue. */
export const ProblemAlert = forwardRef<HTMLDivElement, Props>(function ProblemAlert(
  { error, kind, fieldLabels = {}, onReload, children },
  ref,
) {
  const { m, pathLabel } = useLabels();
  // a path the dialog does not name is left out: the message itself is in the user's language
  const label = (path: string) =>
    fieldLabels[path] ?? (path === 'data' || path.startsWith('data.') ? pathLabel(kind, path) : '');
  return (
    <SharedProblemAlert ref={ref} error={error} text={m.problem} fieldLabel={label} onReload={onReload}>
      {children}
    </SharedProblemAlert>
  );
});
