import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { browserAvailable, launch } from './browser.ts';
import { type E2eServer, type E2eServerOptions, startServer, webBuilt } from './server.ts';

/** What an e2e test file runs against: one real server and one Chromium for the whole file. */
export interface E2eSuite {
  /** Chromium is on the machine and the web app is built: the file's tests run (else they are skipped). */
  readonly ready: boolean;
  /** Set before the file's first test. */
  server: E2eServer;
  browser: Browser;
}

/**
 * Starts the file's server and browser before its tests and closes them after. Hooks a file adds
 * after calling it run after these (its own users, records …); `options` is asked when the server
 * starts, after the hooks added before (a test SMTP server the server is to send to).
 */
export function useE2e(options: () => E2eServerOptions = () => ({})): E2eSuite {
  const suite = { ready: browserAvailable() && webBuilt() } as E2eSuite;
  beforeAll(async () => {
    if (!suite.ready) return;
    suite.server = await startServer(options());
    suite.browser = await launch();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
