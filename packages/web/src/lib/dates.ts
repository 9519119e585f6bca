/**
 * Instants (received, changed, saved) as staff read them: dd.mm.yyyy hh:mm in Dushanbe time, on
 * every screen and whatever zone the computer is set to. Event dates are plain `YYYY-MM-DD`
 * strings: show them with `formatDate` from `@sabt/core`, never through a JS Date.
 */

/** The one time zone the app shows times of day in. */
export const TIME_ZONE = 'Asia/Dushanbe';

const instantFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant: an ISO string, milliseconds since the epoch, or a Date. */
export type Instant = string | number | Date;

function parts(value: Instant): Record<string, string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(instantFormat.formatToParts(date).map((x) => [x.type, x.value]));
}

/** An instant as `dd.mm.yyyy hh:mm` in Asia/Dushanbe. */
export function formatInstant(value: Instant | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const p = parts(value);
  if (!p) return String(value);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** The time of day of an instant, `hh:mm` in Asia/Dushanbe ("Saved, 16:24"). */
export function formatTime(value: Instant | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const p = parts(value);
  if (!p) return String(value);
  return `${p.hour}:${p.minute}`;
}
