import { forwardRef, useRef, useState } from 'react';
import { ReasonField as SharedReasonField } from '../../../../components/reason-field.tsx';
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

/**
 * A reason the dialog asks for: its text, its error (typing clears it), and `missing()`, which
 * says so at the field and focuses it when nothing was written.
 */
export function useReason() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  return {
    value,
    error,
    ref,
    onChange: (v: string) => {
      setValue(v);
      if (v.trim()) setError(null);
    },
    /** A dialog that checks several fields sets the reason's error with the others. */
    setError,
    /** Whether the reason is missing (then the field says `message` and gets the focus). */
    missing: (message: string) => {
      if (value.trim()) {
        setError(null);
        return false;
      }
      setError(message);
      ref.current?.focus();
      return true;
    },
  };
}
