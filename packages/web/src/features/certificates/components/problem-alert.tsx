import { forwardRef } from 'react';
import { ProblemAlert as SharedProblemAlert } from '../../../components/problem-alert.tsx';
import { useCertificateMessages } from '../messages.ts';

interface Props {
  error: unknown;
  /** Names of the form's fields by the problem's path (blankNumber, idDocument.number …). */
  fieldLabels?: Record<string, string>;
  /** Paths whose errors the form shows under their own inputs (see the shared alert). */
  atFields?: readonly string[];
}

/** The server's problem in the words of certificates and blanks. */
export const ProblemAlert = forwardRef<HTMLDivElement, Props>(function ProblemAlert(
  { error, fieldLabels = {}, atFields },
  ref,
) {
  const { m } = useCertificateMessages();
  return (
    <SharedProblemAlert
      ref={ref}
      error={error}
      text={m.problem}
      fieldLabel={(path) => fieldLabels[path]}
      atFields={atFields}
    />
  );
});
