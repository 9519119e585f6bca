import { useState } from 'react';
import { DateInput } from '../../../components/date-input.tsx';
import { parseDisplayDate } from '../dates.ts';
import { useSearchMessages } from '../messages.ts';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** An error found on submit; the field also checks itself when left. */
  error?: string | undefined;
}

/** A date typed as dd.mm.yyyy (the app's date input), checked when the user leaves the field. */
export function DateField({ id, label, value, onChange, error }: Props) {
  const m = useSearchMessages();
  const [blurError, setBlurError] = useState<string | undefined>();

  const blur = () => {
    const check = parseDisplayDate(value);
    setBlurError(check.ok ? undefined : m.errors[check.error]);
  };

  return (
    <DateInput
      id={id}
      label={label}
      value={value}
      onChange={(text) => {
        setBlurError(undefined);
        onChange(text);
      }}
      onBlur={blur}
      error={error ?? blurError}
      placeholder={m.dateFormat}
      description={m.dateHint}
      // the format is read out with the field; on screen the placeholder shows it and rows stay aligned
      classNames={{ description: 'sabt-visually-hidden' }}
    />
  );
}
