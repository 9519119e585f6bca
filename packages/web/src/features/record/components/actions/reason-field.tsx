import { Textarea } from '@mantine/core';
import { forwardRef } from 'react';
import { useLabels } from '../../hooks/use-labels.ts';

interface Props {
  value: string;
  onChange: (value: string) => void;
  required: boolean;
  error?: string | null | undefined;
  label?: string;
  autoFocus?: boolean;
}

/** The written reason an action needs (or an optional comment). */
export const ReasonField = forwardRef<HTMLTextAreaElement, Props>(function ReasonField(
  { value, onChange, required, error, label, autoFocus },
  ref,
) {
  const { m } = useLabels();
  return (
    <Textarea
      ref={ref}
      label={label ?? (required ? m.confirm.reason : m.confirm.optionalReason)}
      description={m.confirm.reasonHint}
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
