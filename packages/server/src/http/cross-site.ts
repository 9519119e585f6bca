import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { CITIZEN_COOKIE } from '../portal/sessions.ts';
import { Problem } from './problem.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a write another site makes a signed-in browser send (cross-site request forgery), rather
 * than resting on SameSite=Lax alone: a write carrying a session cookie (the staff's or a citizen's) must come from Sabt's own
 * pages. A browser says where a request comes from in Sec-Fetch-Site (same-origin, or none when the
 * user typed it); an older one only in Origin, which must then be this server's own or the
 * configured public address. A request with neither header is not a browser's cross-site form or
 * fetch (they always send Origin on a POST), and one without the session cookie acts for nobody.
 */
export function refuseCrossSiteWrite(req: FastifyRequest, publicUrl: string): void {
  if (!WRITES.has(req.method)) return;
  if (req.cookies[SESSION_COOKIE] === undefined && req.cookies[CITIZEN_COOKIE] === undefined) return;
  const site = req.headers['sec-fetch-site'];
  if (site === 'same-origin' || site === 'none') return;
  const origin = req.headers.origin;
  if (origin === undefined && site === undefined) return;
  if (origin !== undefined && allowedOrigin(req, origin, publicUrl)) return;
  throw new Problem(403, 'problem.crossSite');
}

function allowedOrigin(req: FastifyRequest, origin: string, publicUrl: string): boolean {
  if (origin === 'null' || !URL.canParse(origin)) return false;
  const asked = new URL(origin);
  if (URL.canParse(publicUrl) && asked.origin === new URL(publicUrl).origin) return true;
  // the host this request was sent to (a page cannot choose the Host its browser sends); the scheme
  // is not compared, as a proxy that ends TLS makes it http here
  return asked.host === req.host;
}
