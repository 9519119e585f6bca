import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { TestAuthenticator } from '../../packages/server/src/test/authenticator.ts';
import { startTestApp, type TestApp } from '../../packages/server/src/test/harness.ts';
import { WEB_DIST } from '../../packages/server/src/web/static.ts';

/** A real Sabt server on a free loopback port, with demo data and the built web app. */
export interface E2eServer {
  url: string;
  t: TestApp;
  close(): Promise<void>;
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

export async function startServer(): Promise<E2eServer> {
  const t = await startTestApp();
  const app: FastifyInstance = t.app;
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  authenticators.set(new URL(address).origin, t.authenticator);
  return {
    url: address,
    t,
    close: () => t.close(),
  };
}
