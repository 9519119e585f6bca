/**
 * The citizen portal on a slow mobile connection (never part of the test suite):
 *
 *   1. First-screen JavaScript of each measured page, gzipped: what portal.html loads at once
 *      (entry and modulepreloads), plus the page's lazy chunk and its imports (Vite's manifest).
 *   2. Time to content in Debian's Chromium under the network throttling of Chrome DevTools'
 *      "Slow 3G" and "Fast 3G" profiles (CDP Network.emulateNetworkConditions; the cache disabled,
 *      a fresh browser context per load): from the navigation's start to the page's content on
 *      screen (the element each page names: the home's heading, the calculator's total …), the
 *      median and the worst of --runs loads, with the bytes that went over the wire. The
 *      application page is behind sign-in: a citizen is signed in through the API with the code
 *      of their sign-in message (read from its queued notification: this server sends no mail),
 *      makes a birth application, and each load carries their session cookie.
 *
 *   node bench/portal-bench.ts [--runs 3] [--profiles slow-3g,fast-3g]
 *
 * A real server (demo offices, PGlite in memory) on a loopback port serves the built web app:
 * run `npm run build:web` first.
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { CHROMIUM, launch } from '../e2e/support/browser.ts';
import { startServer } from '../e2e/support/server.ts';
import { CITIZEN_COOKIE } from '../packages/server/src/portal/sessions.ts';
import { queuedSignInCode } from '../packages/server/src/portal/testing/sign-in-code.ts';
import { birthData } from '../packages/server/src/test/fixtures.ts';
import { firstScreen, kb, lazyExtra, readManifest, sum } from '../scripts/first-screen.ts';
import { loadAverage, percentileOf } from './support/figures.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    profiles: { type: 'string', default: 'slow-3g,fast-3g' },
  },
});
const runs = Math.max(1, Number(args.runs));

/** Chrome DevTools' presets (bytes per second, round-trip latency in ms). */
const PROFILES = {
  'slow-3g': {
    name: 'Slow 3G',
    latency: 2000,
    download: ((500 * 1000) / 8) * 0.8,
    upload: ((500 * 1000) / 8) * 0.8,
  },
  'fast-3g': {
    name: 'Fast 3G',
    latency: 562.5,
    download: ((1.6 * 1000 * 1000) / 8) * 0.9,
    upload: ((750 * 1000) / 8) * 0.9,
  },
} as const;
type ProfileKey = keyof typeof PROFILES;
const profiles = String(args.profiles)
  .split(',')
  .filter((p): p is ProfileKey => p in PROFILES);

/** The pages measured: where, their lazy chunk (null: the home, in the first screen), what shows their content. */
const PAGES: {
  name: string;
  path: string;
  chunk: string | null;
  /** What shows the page's content. */
  content: (page: Page) => Promise<unknown>;
  /** Behind a citizen's sign-in (`:id` in the path is their application). */
  signedIn?: true;
}[] = [
  {
    name: 'home',
    path: '/portal/',
    chunk: null,
    content: (page) => page.locator('main h1').waitFor({ timeout: 120_000 }),
  },
  {
    name: 'fee calculator',
    path: '/portal/fees?service=NAME_CHANGE_REG',
    chunk: 'src/portal/pages/fees.tsx',
    content: (page) => page.locator('.total [data-testid="fee-total"]').waitFor({ timeout: 120_000 }),
  },
  {
    name: 'apply online',
    path: '/portal/apply',
    chunk: 'src/portal/pages/apply.tsx',
    content: (page) => page.locator('main h1').waitFor({ timeout: 120_000 }),
  },
  {
    name: 'an application (its form)',
    path: '/portal/applications/:id',
    chunk: 'src/portal/pages/application.tsx',
    // the application's own form, drawn once the application is read
    content: (page) => page.locator('main form fieldset').first().waitFor({ timeout: 120_000 }),
    signedIn: true,
  },
];

function sizes() {
  const initial = firstScreen('portal.html');
  const manifest = readManifest();
  return PAGES.map((p) => {
    const extra = p.chunk && manifest ? lazyExtra(manifest, p.chunk, initial) : [];
    return {
      page: p.name,
      files: initial.length + extra.length,
      gzip: sum(initial) + sum(extra),
      raw: sum(initial, 'raw') + sum(extra, 'raw'),
    };
  });
}

interface Citizen {
  session: string;
  application: string;
}

/** A citizen signed in through the API with their code, with a birth application of theirs. */
async function citizenWithApplication(server: Awaited<ReturnType<typeof startServer>>): Promise<Citizen> {
  const call = async (path: string, body: unknown, cookie?: string) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  const asked = await call('/portal/sign-in/code', { to: { email: 'bench@example.tj' }, language: 'tg' });
  const { challenge } = (await asked.json()) as { challenge: string };
  const code = await queuedSignInCode(server.t.dbx, server.t.config, challenge);
  const signedIn = await call('/portal/sign-in', { challenge, code });
  const session = new RegExp(`${CITIZEN_COOKIE}=([^;]+)`).exec(signedIn.headers.get('set-cookie') ?? '')?.[1];
  if (!session) throw new Error('no session cookie on sign-in');
  const made = await call(
    '/portal/applications',
    { kind: 'BIRTH', office: 'DU-03-00', data: birthData() },
    `${CITIZEN_COOKIE}=${session}`,
  );
  return { session, application: ((await made.json()) as { id: string }).id };
}

async function timeToContent(baseUrl: string, citizen: Citizen) {
  const browser = await launch();
  const results: { profile: string; page: string; median: number; worst: number; bytes: number }[] = [];
  try {
    for (const key of profiles) {
      const profile = PROFILES[key];
      for (const p of PAGES) {
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < runs; i++) {
          const context = await browser.newContext({
            baseURL: baseUrl,
            viewport: { width: 360, height: 740 },
            locale: 'tg-TJ',
          });
          if (p.signedIn)
            await context.addCookies([{ name: CITIZEN_COOKIE, value: citizen.session, url: baseUrl }]);
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: profile.latency,
            downloadThroughput: profile.download,
            uploadThroughput: profile.upload,
          });
          let wire = 0;
          cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
            wire += e.encodedDataLength;
          });
          const start = performance.now();
          await page.goto(p.path.replace(':id', citizen.application), {
            waitUntil: 'commit',
            timeout: 120_000,
          });
          await p.content(page);
          times.push(performance.now() - start);
          bytes = wire;
          await context.close();
        }
        results.push({
          profile: profile.name,
          page: p.name,
          median: percentileOf(times, 50),
          worst: Math.max(...times),
          bytes,
        });
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

const s = (v: number) => `${(v / 1000).toFixed(2)} s`;

console.log('Citizen portal: first-screen JavaScript (gzip level 9; budget 100 KB)\n');
console.log('| page | files | raw | gzip |');
console.log('|---|---:|---:|---:|');
for (const r of sizes()) console.log(`| ${r.page} | ${r.files} | ${kb(r.raw)} | ${kb(r.gzip)} |`);

const server = await startServer();
try {
  const loadBefore = loadAverage();
  const timed = await timeToContent(server.url, await citizenWithApplication(server));
  console.log(`\nTime to content in Chromium (${CHROMIUM}), 360×740, cache disabled, ${runs} loads each\n`);
  console.log('| profile | page | median | worst | over the wire |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of timed)
    console.log(`| ${r.profile} | ${r.page} | ${s(r.median)} | ${s(r.worst)} | ${kb(r.bytes)} |`);
  console.log(`\nload average before ${loadBefore}, after ${loadAverage()}`);
} finally {
  await server.close();
}
