import { TextInput, type TextInputProps } from '@mantine/core';
import { type ChangeEvent, useLayoutEffect, useRef } from 'react';
import { digitsBefore, maskFullDate, maskPartialDate, positionAfterDigits } from '../lib/date-mask.ts';

export interface DateInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> {
  /** What the field shows: dd.mm.yyyy (or mm.yyyy / yyyy where `partial`), as typed so far. */
  value: string;
  /** Called with the masked text. */
  onChange: (text: string) => void;
  /** A date the law allows to be known only to the month or the year (see `lib/date-mask.ts`). */
  partial?: boolean;
}

/**
 * A date typed as dd.mm.yyyy (no picker): the dots come by themselves, as in the application forms;
 * an edit in the middle keeps the caret in its place among the digits.
 */
export function DateInput({ value, onChange, partial = false, ...rest }: DateInputProps) {
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (caret.current === null || !input.current) return;
    input.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const raw = e.currentTarget.value;
    const at = e.currentTarget.selectionStart ?? raw.length;
    const masked = partial ? maskPartialDate(raw) : maskFullDate(raw);
    // Typing at the end needs no help; an edit in the middle keeps its place among the digits.
    caret.current = at < raw.length ? positionAfterDigits(masked, digitsBefore(raw, at)) : null;
    onChange(masked);
  };

  return (
    <TextInput
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={10}
      {...rest}
      ref={input}
      value={value}
      onChange={change}
    />
  );
}
