import { useRef } from 'react';
import { newUuid } from '../../lib/api.ts';

/**
 * The Idempotency-Key of a write: the same for the same content until the server takes it (a send
 * repeated after a lost answer is answered once), a new one after.
 */
export function useWriteKey() {
  const keys = useRef(new Map<string, string>());
  return {
    keyFor(content: unknown): string {
      const sig = JSON.stringify(content);
      let key = keys.current.get(sig);
      if (!key) {
        key = newUuid();
        keys.current.set(sig, key);
      }
      return key;
    },
    forget: () => keys.current.clear(),
  };
}
