import type { JobLog } from './job.ts';

const LEVELS = ['debug', 'info', 'warn', 'error', 'fatal'] as const;

/** A JobLog writing JSON lines to stderr at or above `level` (`sabt worker` has no HTTP server's logger). */
export function consoleLog(level: string): JobLog {
  const min = Math.max(0, LEVELS.indexOf(level as (typeof LEVELS)[number]));
  // 'trace' and unknown levels show everything
  const write = (lvl: (typeof LEVELS)[number]) => (obj: object, msg: string) => {
    if (LEVELS.indexOf(lvl) < min) return;
    process.stderr.write(`${JSON.stringify({ level: lvl, time: new Date().toISOString(), msg, ...obj })}\n`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** A JobLog that writes nothing (tests). */
export const silentLog: JobLog = { info() {}, warn() {}, error() {} };
