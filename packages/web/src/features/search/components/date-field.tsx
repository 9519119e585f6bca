import { TextInput } from '@mantine/core';
import { type ChangeEvent, useLayoutEffect, useRef, useState } from 'react';
import { digitsBefore, maskDate, parseDisplayDate, positionAfterDigits } from '../dates.ts';
import { useSearchMessages } from '../messages.ts';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** An error found on submit; the field also checks itself when left. */
  error?: string | undefined;
}

/** A date typed as dd.mm.yyyy: the dots come by themselves, the caret stays where the user types. */
export function DateField({ id, label, value, onChange, error }: Props) {
  const m = useSearchMessages();
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);
  const [blurError, setBlurError] = useState<string | undefined>();

  useLayoutEffect(() => {
    if (caret.current === null || !input.current) return;
    input.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const raw = e.currentTarget.value;
    const at = e.currentTarget.selectionStart ?? raw.length;
    const masked = maskDate(raw);
    // Typing at the end needs no help; an edit in the middle keeps its place among the digits.
    caret.current = at < raw.length ? positionAfterDigits(masked, digitsBefore(raw, at)) : null;
    setBlurError(undefined);
    onChange(masked);
  };

  const blur = () => {
    const check = parseDisplayDate(value);
    setBlurError(check.ok ? undefined : m.errors[check.error]);
  };

  return (
    <TextInput
      ref={input}
      id={id}
      label={label}
      value={value}
      onChange={change}
      onBlur={blur}
      error={error ?? blurError}
      placeholder={m.dateFormat}
      description={m.dateHint}
      // the format is read out with the field; on screen the placeholder shows it and rows stay aligned
      classNames={{ description: 'sabt-visually-hidden' }}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
    />
  );
}
