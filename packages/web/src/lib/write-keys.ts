import { useRef } from 'react';
import { newUuid } from './api.ts';

/**
 * The Idempotency-Key of a form's write: one per content until the server takes it, so a
 * send repeated after a lost answer is answered once, while a new send after a success (disable,
 * enable, disable again) is a new write with a new key.
 */
export function useWriteKeys() {
  const keys = useRef(new Map<string, string>());
  return {
    keyFor(content: unknown): string {
      const sig = JSON.stringify(content);
      const known = keys.current.get(sig);
      if (known) return known;
      const made = newUuid();
      keys.current.set(sig, made);
      return made;
    },
    /** After the server took a write: the next send, whatever it holds, is a new one. */
    forget() {
      keys.current.clear();
    },
  };
}
