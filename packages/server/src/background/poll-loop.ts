/**
 * A background pass run again and again in one process: at once when woken (a commit here, a
 * notification from elsewhere), right after a pass that says more is waiting, and otherwise at least
 * every `pollMs`. A failed pass is tried again after a growing pause (up to 30 s); the work it did
 * not do waits in the database. The audit sequencer and the outbox dispatcher run on it.
 */
export interface PollLoop {
  /** Runs a pass now rather than at the next poll. */
  wake(): void;
  /** Finishes the pass under way and stops. */
  stop(): Promise<void>;
}

export interface PollLoopOptions {
  /** One pass; resolves true when it stopped with more waiting (a full batch). */
  pass(): Promise<boolean>;
  pollMs: number;
  onError(err: Error): void;
  /** The loop alone does not keep the process alive (a server's sequencer beside its socket). */
  unref?: boolean;
}

export function startPollLoop(opts: PollLoopOptions): PollLoop {
  let stopped = false;
  let pending = true;
  let wakeUp: (() => void) | null = null;
  const wake = () => {
    pending = true;
    wakeUp?.();
  };
  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      pending = false;
      let more = false;
      try {
        more = (await opts.pass()) === true;
        failures = 0;
      } catch (err) {
        failures += 1;
        if (!stopped) opts.onError(err as Error);
      }
      if (stopped) break;
      if ((more || pending) && failures === 0) continue;
      const wait = failures ? Math.min(30_000, 500 * 2 ** failures) : opts.pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        if (opts.unref) timer.unref();
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  })();
  return {
    wake,
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
    },
  };
}
