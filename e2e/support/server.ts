import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
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

export async function startServer(): Promise<E2eServer> {
  const t = await startTestApp();
  const app: FastifyInstance = t.app;
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    t,
    close: () => t.close(),
  };
}
