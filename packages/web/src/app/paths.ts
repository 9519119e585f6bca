/** Where the app starts after sign-in: the role's home (its work queue, or its home page). */
export const HOME = '/';

/** Change one's own password; the only screen for a user with a temporary password. */
export const CHANGE_PASSWORD = '/password';

/** Setting up two-factor sign-in; the only screen for a user whose role requires it, until they have. */
export const TWO_FACTOR = '/two-factor';

/** One's own account security (two-factor sign-in, recovery codes). */
export const SECURITY = '/security';

/** Only paths inside the app may be a `next` after sign-in (no open redirects). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : HOME;
}

/** The sign-in page, coming back to `from` afterwards. */
export function signInPath(from: string, reason?: 'expired'): string {
  const q = new URLSearchParams();
  if (reason) q.set('reason', reason);
  if (from && from !== '/' && from !== HOME && !from.startsWith('/sign-in')) q.set('next', from);
  const s = q.toString();
  return `/sign-in${s ? `?${s}` : ''}`;
}
