import { Textarea } from '@mantine/core';
import { forwardRef, useRef, useState } from 'react';

export interface ReasonFieldProps {
  label: string;
  description?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  required: boolean;
  error?: string | null | undefined;
  autoFocus?: boolean | undefined;
}

/** The written reason a dialog asks for (or an optional comment): up to 1000 characters. */
export const ReasonField = forwardRef<HTMLTextAreaElement, ReasonFieldProps>(function ReasonField(
  { label, description, value, onChange, required, error, autoFocus },
  ref,
) {
  return (
    <Textarea
      ref={ref}
      label={label}
      description={description}
      required={required}
      withAsterisk={required}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error || undefined}
      rows={3}
      resize="vertical"
      maxLength={1000}
      data-autofocus={autoFocus ? true : undefined}
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
