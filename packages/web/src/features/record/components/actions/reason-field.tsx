import { forwardRef } from 'react';
import { ReasonField as SharedReasonField, type useReason } from '../../../../components/reason-field.tsx';
import { useLabels } from '../../hooks/use-labels.ts';

interface Props {
  value: string;
  onChange: (value: string) => void;
  required: boolean;
  error?: string | null | undefined;
  label?: string;
  autoFocus?: boolean;
}

/** The written reason a record action needs (or an optional comment), in the record screen's words. */
export const ReasonField = forwardRef<HTMLTextAreaElement, Props>(function ReasonField(
  { label, required, ...rest },
  ref,
) {
  const { m } = useLabels();
  return (
    <SharedReasonField
      ref={ref}
      label={label ?? (required ? m.confirm.reason : m.confirm.optionalReason)}
      description={m.confirm.reasonHint}
      required={required}
      {...rest}
    />
  );
});

/** A required reason kept by `useReason`; the server's error shows while the field has none of its own. */
export function RequiredReason({
  reason,
  serverError,
  label,
  autoFocus,
}: {
  reason: ReturnType<typeof useReason>;
  serverError: string | undefined;
  label?: string;
  autoFocus?: boolean;
}) {
  return (
    <ReasonField
      ref={reason.ref}
      label={label}
      value={reason.value}
      onChange={reason.onChange}
      required
      error={reason.error ?? serverError}
      autoFocus={autoFocus}
    />
  );
}
