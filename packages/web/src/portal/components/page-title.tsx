import { type ReactNode, useEffect, useRef } from 'react';
import { useLocale } from '../lib/i18n.tsx';
import { Link, useLocation } from '../lib/router.tsx';

/**
 * A page's title: the tab's title too, and where the keyboard lands after following a link (so a
 * screen reader reads the new page from its title).
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const { m } = useLocale();
  const { count } = useLocation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${m.siteName}`;
  }, [title, m.siteName]);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function NotFound() {
  const { m } = useLocale();
  return (
    <>
      <PageTitle title={m.common.notFoundTitle}>{m.common.notFoundTitle}</PageTitle>
      <p>{m.common.notFoundText}</p>
      <p>
        <Link to="/">{m.common.backHome}</Link>
      </p>
    </>
  );
}
