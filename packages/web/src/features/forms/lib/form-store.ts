import type { Values } from './catalogue-types.ts';
import type { Shown } from './issues.ts';

const NONE: Shown[] = [];

/**
 * The values of a form and the messages placed at its fields, outside React state: each input
 * subscribes to its own path, so typing in one field re-renders that field, not the hundred others.
 */
export class FormStore {
  values: Values;
  private placed = new Map<string, Shown[]>();
  private readonly listeners = new Set<() => void>();

  constructor(values: Values) {
    this.values = values;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private emit() {
    for (const l of [...this.listeners]) l();
  }

  setValues(next: Values | ((v: Values) => Values)) {
    const v = typeof next === 'function' ? next(this.values) : next;
    if (v === this.values) return;
    this.values = v;
    this.emit();
  }

  shownAt(path: string): Shown[] {
    return this.placed.get(path) ?? NONE;
  }

  /** New messages; a path whose messages did not change keeps the same array (no re-render). */
  setPlaced(next: Map<string, Shown[]>) {
    const key = (list: Shown[]) => JSON.stringify(list);
    const stable = new Map<string, Shown[]>();
    let changed = next.size !== this.placed.size;
    for (const [path, list] of next) {
      const before = this.placed.get(path);
      if (before && key(before) === key(list)) stable.set(path, before);
      else {
        stable.set(path, list);
        changed = true;
      }
    }
    if (!changed) return;
    this.placed = stable;
    this.emit();
  }
}
