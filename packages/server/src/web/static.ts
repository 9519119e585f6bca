import { statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build:web` writes the staff web app. */
export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export interface WebAppOptions {
  /** The built app (default: packages/web/dist). */
  root?: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const NOT_BUILT = `<!doctype html>
<html lang="tg"><head><meta charset="utf-8"><title>Сабт</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Сабт</h1>
<p lang="tg">Барномаи веб ҳоло сохта нашудааст. Фармони <code>npm run build:web</code>-ро иҷро кунед ва саҳифаро аз нав кушоед.</p>
<p lang="ru">Веб-приложение ещё не собрано. Выполните <code>npm run build:web</code> и обновите страницу.</p>
<p lang="en">The web app has not been built yet. Run <code>npm run build:web</code> and reload this page.</p>
<p>API: <a href="/api/docs">/api/docs</a></p>
</body></html>
`;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The request path relative to the app's root, or null when it cannot name a file there. */
function relativePath(url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const rel = path.replace(/^\/+/, '');
  if (rel === '' || rel.includes('\0') || rel.includes('\\')) return null;
  // no dot-files or dot-folders (dist/.vite holds the build manifest), no climbing out
  if (rel.split('/').some((segment) => segment === '' || segment.startsWith('.'))) return null;
  return rel;
}

/** The citizen portal's pages live under this path; the same build's portal.html serves them. */
export const PORTAL_PATH = '/portal';

/** The page that runs a path in the browser: the citizen portal's for /portal and below, else the staff app's. */
const pageOf = (path: string) =>
  path === PORTAL_PATH || path.startsWith(`${PORTAL_PATH}/`) ? 'portal.html' : 'index.html';

/**
 * Serves the web build: the staff app at `/` and the citizen portal at `/portal/` (its own entry,
 * portal.html, with its own small bundle): hashed assets cached for a year, the HTML revalidated on
 * every load, and the app's HTML for every other GET that is not under /api (the apps route in the
 * browser). Register after the API so its routes win; unknown /api/* paths stay problem+json 404s.
 */
export async function webApp(app: FastifyInstance, options: WebAppOptions = {}) {
  const root = resolve(options.root ?? WEB_DIST);
  // Only `reply.sendFile` (in this plugin's scope); the routes below choose what to send. The build
  // keeps a .br and a .gz beside each text file (scripts/compress-build.mjs): sent by the browser's
  // Accept-Encoding, else the file itself.
  await app.register(fastifyStatic, { root, serve: false, decorateReply: true, preCompressed: true });

  const serve = async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();

    if (!isFile(resolve(root, 'index.html'))) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(NOT_BUILT);
    }

    const rel = relativePath(req.url);
    if (rel !== null) {
      const file = resolve(root, rel);
      if (file.startsWith(root + sep) && isFile(file)) {
        const hashed = rel.startsWith('assets/');
        reply.header('cache-control', hashed ? IMMUTABLE : REVALIDATE);
        return reply.sendFile(rel, root, { cacheControl: false });
      }
      // A missing script or stylesheet is a 404, never the app's HTML in its place.
      if (rel.startsWith('assets/')) return reply.callNotFound();
    }

    const page = pageOf(path);
    if (!isFile(resolve(root, page))) return reply.callNotFound();
    reply.header('cache-control', REVALIDATE);
    return reply.sendFile(page, root, { cacheControl: false });
  };

  app.get('/', { schema: { hide: true } }, serve);
  app.get('/*', { schema: { hide: true } }, serve);
}
