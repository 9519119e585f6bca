import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a narrow screen: a named region the keyboard can reach, so
 * that what is beyond the edge can be scrolled to without a mouse.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
