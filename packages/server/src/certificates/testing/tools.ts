import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../demo/demo-data.ts';
import { signInWithCode, type TestApp } from '../../test/harness.ts';

/**
 * Test support: the real tools a verifier would use on Sabt's output — poppler's pdfsig and
 * pdftoppm, zbar's zbarimg, qpdf, openssl. A missing tool fails the test and says what to run.
 */

const HINT = 'run `bash scripts/install-tools.sh` (poppler-utils, zbar-tools, qpdf, openssl)';
const found = new Set<string>();

export function requireTool(name: string): void {
  if (found.has(name)) return;
  if (spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0) {
    throw new Error(`${name} is not installed: ${HINT}`);
  }
  found.add(name);
}

export interface Scratch {
  file(name: string, content: Buffer | string): string;
  path(name: string): string;
  remove(): void;
}

export function scratchDir(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'sabt-cert-'));
  return {
    file(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    path: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs a tool; returns its exit status and everything it printed (tools print verdicts on either stream). */
export function tool(name: string, args: string[]): { status: number; output: string } {
  requireTool(name);
  const res = spawnSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: res.status ?? -1, output: `${res.stdout ?? ''}${res.stderr ?? ''}` };
}

/** pdfsig's verdict on the first signature: 'Signature is Valid.', 'Digest Mismatch.' … */
export function pdfsigVerdict(path: string): string {
  const { output } = tool('pdfsig', [path]);
  return /Signature Validation:\s*(.+)/.exec(output)?.[1]?.trim() ?? `no signature (${output.trim()})`;
}

/** The QR codes zbarimg reads in the first page rendered at 200 dpi by pdftoppm. */
export function readQrCodes(scratch: Scratch, pdfPath: string): string[] {
  requireTool('pdftoppm');
  requireTool('zbarimg');
  const prefix = scratch.path(`page-${Math.random().toString(36).slice(2)}`);
  execFileSync('pdftoppm', ['-r', '200', '-f', '1', '-l', '1', '-png', '-singlefile', pdfPath, prefix]);
  const res = spawnSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', `${prefix}.png`], {
    encoding: 'utf8',
  });
  return (res.stdout ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

const cookies = new WeakMap<TestApp, Map<string, string>>();

/** Fetches a binary response (a PDF) as a demo user: the raw bytes, not text. */
export async function fetchBytes(
  t: TestApp,
  login: string,
  url: string,
): Promise<{ status: number; type: string; body: Buffer }> {
  let mine = cookies.get(t);
  if (!mine) {
    mine = new Map();
    cookies.set(t, mine);
  }
  let cookie = mine.get(login);
  if (!cookie) {
    cookie = (await signInWithCode(t.app, t.authenticator, login, DEMO_PASSWORD)).cookie;
    mine.set(login, cookie);
  }
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.rawPayload };
}
