/**
 * Instants (received, changed) as staff read them: dd.mm.yyyy hh:mm in Dushanbe time.
 * Event dates are plain `YYYY-MM-DD` strings: show them with `formatDate` from `@sabt/core`,
 * never through a JS Date.
 */

const instantFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Dushanbe',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant as `dd.mm.yyyy hh:mm` in Asia/Dushanbe. */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const p = Object.fromEntries(instantFormat.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}
