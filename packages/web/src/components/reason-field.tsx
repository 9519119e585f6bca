import { Textarea } from '@mantine/core';
import { forwardRef } from 'react';

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
