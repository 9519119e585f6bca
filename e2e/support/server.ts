import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { JobRegistry } from '../../packages/server/src/jobs/registry.ts';
import { type JobsRuntime, startJobs } from '../../packages/server/src/jobs/runtime.ts';
import { memoryLog } from '../../packages/server/src/notifications/testing/log.ts';
import type { TestAuthenticator } from '../../packages/server/src/test/authenticator.ts';
import { startTestApp, type TestApp } from '../../packages/server/src/test/harness.ts';
import { WEB_DIST } from '../../packages/server/src/web/static.ts';

/** A real Sabt server on a free loopback port, with demo data and the built web app. */
export interface E2eServer {
  url: string;
  t: TestApp;
  close(): Promise<void>;
}

/** What a file's server needs beyond the defaults: environment (an SMTP server …) and jobs to run. */
export interface E2eServerOptions {
  env?: Record<string, string>;
  /** The jobs this server runs (e.g. sending notifications); none unless asked. */
  jobs?: JobRegistry;
}

export function webBuilt(): boolean {
  return existsSync(`${WEB_DIST}/index.html`);
}

/** Each running server's users' authenticator app, by the server's origin (the browser signs in with it too). */
const authenticators = new Map<string, TestAuthenticator>();

/** The authenticator app of the server at this origin: the same codes the API clients of the tests use. */
export function authenticatorAt(origin: string): TestAuthenticator {
  const found = authenticators.get(origin);
  if (!found) throw new Error(`no e2e server at ${origin}`);
  return found;
}

export async function startServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  const t = await startTestApp(options.env);
  const app: FastifyInstance = t.app;
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  authenticators.set(new URL(address).origin, t.authenticator);
  let jobs: JobsRuntime | null = null;
  if (options.jobs) {
    jobs = await startJobs({
      dbx: t.dbx,
      config: t.config,
      registry: options.jobs,
      log: memoryLog(),
      pollIntervalSeconds: 0.5,
      dispatchPollMs: 100,
      shutdownTimeoutMs: 2000,
    });
  }
  return {
    url: address,
    t,
    close: async () => {
      await jobs?.stop();
      await t.close();
    },
  };
}
