/** A progress bar on stderr: done/total, rate and ETA; one line per 10 s when stderr is not a terminal. */
export class Progress {
  private readonly start = performance.now();
  private last = 0;
  private lastLine = 0;

  private readonly label: string;
  private readonly total: number;
  private readonly enabled: boolean;

  constructor(label: string, total: number, enabled = true) {
    this.label = label;
    this.total = total;
    this.enabled = enabled;
  }

  update(done: number, force = false): void {
    if (!this.enabled) return;
    const now = performance.now();
    const tty = process.stderr.isTTY;
    if (!force && now - this.last < (tty ? 250 : 10_000)) return;
    this.last = now;
    const secs = (now - this.start) / 1000;
    const rate = done / Math.max(secs, 1e-3);
    const eta = rate > 0 ? (this.total - done) / rate : 0;
    const frac = Math.min(1, done / this.total);
    const width = 30;
    const filled = Math.round(frac * width);
    const bar = `${'='.repeat(Math.max(0, filled - 1))}${filled > 0 ? '>' : ''}${' '.repeat(width - filled)}`;
    const line =
      `${this.label} [${bar}] ${(frac * 100).toFixed(1).padStart(5)}% ` +
      `${done.toLocaleString('en')}/${this.total.toLocaleString('en')} ` +
      `${Math.round(rate).toLocaleString('en')}/s elapsed ${clock(secs)} ETA ${clock(eta)}`;
    if (tty) process.stderr.write(`\r${line}\x1b[K`);
    else if (force || now - this.lastLine >= 10_000) {
      process.stderr.write(`${line}\n`);
      this.lastLine = now;
    }
  }

  done(done: number): void {
    this.update(done, true);
    if (this.enabled && process.stderr.isTTY) process.stderr.write('\n');
  }
}

export function clock(secs: number): string {
  if (!Number.isFinite(secs)) return '--:--';
  const s = Math.round(secs);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
