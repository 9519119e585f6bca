import type { Locale, LocalizedText } from '@sabt/core';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Condition } from '../lib/catalogue-types.ts';
import type { FormStore } from '../lib/form-store.ts';
import type { Shown } from '../lib/issues.ts';
import { getAt } from '../lib/paths.ts';
import type { FormMessages } from '../messages.ts';

/** What every input of a form uses; stable while the language stays the same. */
export interface FormApi {
  lang: Locale;
  m: FormMessages;
  store: FormStore;
  set(path: string, value: unknown): void;
  /** Merges values in (a found record, a copied person). */
  merge(patch: Record<string, unknown>): void;
  /** The field was left: its errors may show now. */
  touch(path: string): void;
  /** The text of a message. */
  text(s: Shown): string;
  /** The DOM id of the input for a path. */
  idFor(path: string): string;
  label(t: LocalizedText): string;
}

export const FormContext = createContext<FormApi | null>(null);

export function useForm(): FormApi {
  const f = useContext(FormContext);
  if (!f) throw new Error('useForm outside a form');
  return f;
}

/** The value at a path; re-renders only when it changes. */
export function useValue(path: string): unknown {
  const { store } = useForm();
  return useSyncExternalStore(store.subscribe, () => getAt(store.values, path));
}

/** Whether a field or section applies now. */
export function useWhen(when: Condition | undefined): boolean {
  const { store } = useForm();
  return useSyncExternalStore(store.subscribe, () => !when || when(store.values));
}

/** A primitive worked out from all the values (re-renders only when it changes). */
export function useSelect<T extends string | number | boolean | undefined>(
  pick: (values: Record<string, unknown>) => T,
): T {
  const { store } = useForm();
  return useSyncExternalStore(store.subscribe, () => pick(store.values));
}

/** Errors and warnings at a path: errors as Mantine's `error` prop, warnings as a line underneath. */
export function useMessages(path: string) {
  const f = useForm();
  const shown = useSyncExternalStore(f.store.subscribe, () => f.store.shownAt(path));
  const errors = shown.filter((s) => s.level === 'error').map(f.text);
  const warnings = shown.filter((s) => s.level === 'warning').map(f.text);
  return {
    error: errors.length ? errors.join(' ') : undefined,
    warning: warnings.length ? warnings.join(' ') : undefined,
  };
}
