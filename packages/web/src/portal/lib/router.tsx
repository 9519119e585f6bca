import {
  type AnchorHTMLAttributes,
  createContext,
  type MouseEvent,
  type ReactNode,
  useContext,
  useEffect,
  useState,
} from 'react';

/** Where the portal lives on Sabt's server; its pages are paths below it. */
export const BASE = '/portal';

interface Location {
  /** The path below BASE: "/", "/services/birth" … */
  path: string;
  query: URLSearchParams;
  /** How many navigations this page has seen (0: the first load). */
  count: number;
}

const read = (count: number): Location => {
  const below = window.location.pathname.slice(BASE.length).replace(/\/+$/, '');
  return { path: below === '' ? '/' : below, query: new URLSearchParams(window.location.search), count };
};

const RouterContext = createContext<Location | null>(null);
const CHANGE = 'sabt:navigate';

/** Goes to a portal path ("/services?x=1") without reloading; `replace` keeps the history as it is. */
export function navigate(to: string, { replace = false } = {}) {
  const url = BASE + (to === '/' ? '/' : to);
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(CHANGE));
}

/** The browser's address as the portal reads it, kept up to date with the back and forward buttons. */
export function Router({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(() => read(0));
  useEffect(() => {
    const update = () => setLocation((previous) => read(previous.count + 1));
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  useEffect(() => {
    if (location.count > 0) window.scrollTo(0, 0);
  }, [location]);
  return <RouterContext.Provider value={location}>{children}</RouterContext.Provider>;
}

export function useLocation(): Location {
  const location = useContext(RouterContext);
  if (!location) throw new Error('useLocation outside Router');
  return location;
}

/** A link to a portal page: an ordinary <a href> (works without the script, opens in a new tab), followed in place. */
export function Link({
  to,
  ...rest
}: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={BASE + (to === '/' ? '/' : to)} onClick={onClick} />;
}
