// Page weight benchmark (issue #20, "light on every page"): for every public page
// (tests/e2e/public-routes.ts), in the Chromium of the tests (scripts/browser.ts; REPERES_BROWSER=bundled):
// - the JavaScript it loads, in compressed bytes as transferred (CDP encodedDataLength), in all
//   and before any map (scripts requested before the first map script);
// - on an emulated slow phone, cold cache: LCP and the load event, the median of BENCH_RUNS
//   (default 3) loads, under two network profiles of Chrome DevTools — "Slow 3G" (2 s round trip,
//   400 kbit/s; DevTools now calls it "3G") and "Fast 3G" (562.5 ms, 1.44 Mbit/s; now "Slow 4G") —
//   and WebPageTest's "3G Slow" (400 ms round trip, 400 kbit/s both ways), the only one of the three
//   under which issue #20's own figure (the search page loaded in 1.6 s on "Slow 3G", CPU 4×) is
//   possible: DevTools' preset adds 2 s to every request, so no page with a stylesheet loads in
//   under 4 s there. Each with the CPU slowed 4× (Emulation.setCPUThrottlingRate);
// - the request waterfall of one load per profile (start and end of each request, ms from the
//   navigation), in the raw results: what stands between the first byte and LCP or load.
// On the production build (`next start`, page cache on as in production) over the test fixture.
//   npx next build && npm run bench -- pages   (BENCH_RUNS=3 loads per page and profile; BENCH_PAGES=accueil,orienter to pick pages)
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { createPrismaClient } from '../lib/db/client';
import { seedDemo } from '../prisma/seed';
import { resolveChromium } from '../scripts/browser';
import { PUBLIC_ROUTES } from '../tests/e2e/public-routes';
import { describeSettings, startApp } from './app';
import { openBenchDatabase } from './database';
import { compareAndSave, type Figure } from './results';

const PORT = Number(process.env.BENCH_PORT ?? 3210);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ONLY = process.env.BENCH_PAGES ? new Set(process.env.BENCH_PAGES.split(',')) : null;

/** Chrome DevTools' presets (front_end/core/sdk/NetworkManager.ts) and WebPageTest's "3G Slow"
 * (its connectivity profiles: 400 ms round trip, 400 kbit/s down and up): bytes per second, milliseconds. */
export const PROFILES = {
  slow3g: { label: 'Slow 3G', latency: 2000, downloadThroughput: ((500 * 1000) / 8) * 0.8, uploadThroughput: ((500 * 1000) / 8) * 0.8 },
  fast3g: { label: 'Fast 3G', latency: 562.5, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9 },
  wpt3gSlow: {
    label: "3G lent (400 ms, 400 kbit/s) — profil cohérent avec la mesure de l'issue",
    latency: 400,
    downloadThroughput: (400 * 1000) / 8,
    uploadThroughput: (400 * 1000) / 8,
  },
} as const;
const CPU_SLOWDOWN = 4;
/** The maps' scripts (entries of scripts/build-assets.js); an App Router page's map chunk has no name to tell it by. */
const MAP_SCRIPT = /\/assets\/(coverage-)?map-/;

type Weight = { jsKB: number; jsBeforeMapKB: number; scripts: Array<{ url: string; kB: number; map: boolean }> };

/** Scripts transferred while `path` loads and settles, in compressed kB as the browser counted them. */
export async function scriptWeight(page: Page, cdp: CDPSession, url: string): Promise<Weight> {
  const scripts = new Map<string, { url: string; bytes: number; order: number }>();
  let order = 0;
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, { url: new URL(e.response.url).pathname, bytes: 0, order: order++ });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const script = scripts.get(e.requestId);
    if (script) script.bytes = e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const list = [...scripts.values()].sort((a, b) => a.order - b.order);
  const firstMap = list.findIndex((s) => MAP_SCRIPT.test(s.url));
  const kB = (n: number) => Math.round(n / 102.4) / 10;
  return {
    jsKB: kB(list.reduce((sum, s) => sum + s.bytes, 0)),
    jsBeforeMapKB: kB((firstMap < 0 ? list : list.slice(0, firstMap)).reduce((sum, s) => sum + s.bytes, 0)),
    scripts: list.map((s, i) => ({ url: s.url, kB: kB(s.bytes), map: firstMap >= 0 && i >= firstMap })),
  };
}

type RequestTiming = { path: string; type: string; start: number; end: number; kB: number };

/** Every request of the load, in ms from the document's request: start, end (finished or failed), compressed kB. */
function recordWaterfall(cdp: CDPSession) {
  const requests = new Map<string, { path: string; type: string; start: number; end: number; bytes: number }>();
  cdp.on('Network.requestWillBeSent', (e) => {
    const url = new URL(e.request.url);
    requests.set(e.requestId, {
      path: url.protocol.startsWith('http') ? url.pathname : url.protocol,
      type: e.type ?? '',
      start: e.timestamp,
      end: NaN,
      bytes: 0,
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const request = requests.get(e.requestId);
    if (request) Object.assign(request, { end: e.timestamp, bytes: e.encodedDataLength });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const request = requests.get(e.requestId);
    if (request) Object.assign(request, { end: e.timestamp, type: `${request.type} (failed)` });
  });
  return (): RequestTiming[] => {
    const list = [...requests.values()];
    const origin = list[0]?.start ?? 0;
    const ms = (t: number) => Math.round((t - origin) * 1000);
    return list.map((r) => ({
      path: r.path,
      type: r.type,
      start: ms(r.start),
      end: Number.isNaN(r.end) ? -1 : ms(r.end),
      kB: Math.round(r.bytes / 102.4) / 10,
    }));
  };
}

/** One cold load on the emulated phone: LCP and load event, in ms from the navigation's start, and its requests. */
async function slowLoad(browser: Browser, url: string, profile: (typeof PROFILES)[keyof typeof PROFILES]) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'fr-FR' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.downloadThroughput,
    uploadThroughput: profile.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const waterfall = recordWaterfall(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const timing = await page.evaluate(
    () =>
      new Promise<{ lcp: number; load: number }>((resolve) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        let lcp = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) lcp = Math.max(lcp, entry.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve({ lcp, load: nav.loadEventStart }), 500);
      }),
  );
  await context.close();
  return { ...timing, requests: waterfall() };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const database = await openBenchDatabase('reperes_bench_pages');
  const prisma = createPrismaClient(database.url, { max: 2 });
  await seedDemo(prisma, { testFixture: true });
  await prisma.$disconnect();
  const app = await startApp({ port: PORT, databaseUrl: database.url, settings: {} });
  const browser = await chromium.launch({ executablePath: await resolveChromium(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  try {
    console.log(`settings: ${describeSettings(app.settings)}; ${RUNS} cold loads per page and profile, CPU ×${CPU_SLOWDOWN}`);
    for (const route of PUBLIC_ROUTES.filter((r) => !ONLY || ONLY.has(r.label))) {
      const url = `${app.url}${route.path}`;
      await fetch(url).then((r) => r.text()); // loads the route's modules; not measured
      const context = await browser.newContext({ locale: 'fr-FR' });
      const page = await context.newPage();
      const weight = await scriptWeight(page, await context.newCDPSession(page), url);
      const status = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseStatus);
      await context.close();
      const timings: Record<string, { lcp: number; load: number; runs: Array<{ lcp: number; load: number }>; waterfall: RequestTiming[] }> = {};
      for (const [key, profile] of Object.entries(PROFILES)) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await slowLoad(browser, url, profile));
        // The waterfall of the last load (one is enough to read; the timings are the median of all).
        const waterfall = runs.at(-1)!.requests;
        timings[key] = {
          lcp: median(runs.map((r) => r.lcp)),
          load: median(runs.map((r) => r.load)),
          runs: runs.map(({ lcp, load }) => ({ lcp, load })),
          waterfall,
        };
        if (process.env.BENCH_WATERFALL)
          console.log(
            `  ${profile.label}\n${waterfall.map((r) => `    ${String(r.start).padStart(6)} → ${String(r.end).padStart(6)} ms  ${r.kB.toFixed(1).padStart(6)} kB  ${r.type.padEnd(10)} ${r.path}`).join('\n')}`,
          );
      }
      raw[route.path] = { label: route.label, status, ...weight, timings };
      console.log(
        `${route.label.padEnd(18)} ${String(status).padEnd(4)} JS ${weight.jsKB.toFixed(1).padStart(6)} kB (before map ${weight.jsBeforeMapKB.toFixed(1).padStart(6)} kB)` +
          Object.entries(timings)
            .map(([k, t]) => `  ${PROFILES[k as keyof typeof PROFILES].label}: LCP ${(t.lcp / 1000).toFixed(2)} s, load ${(t.load / 1000).toFixed(2)} s`)
            .join(''),
      );
      const key = route.path;
      figures.push(
        {
          key: `${key} js`,
          label: `${route.label}: JS before map`,
          value: weight.jsBeforeMapKB,
          unit: 'kB',
          better: 'lower',
          target: { op: '<', value: 30.01 },
        },
        { key: `${key} js-all`, label: `${route.label}: JS in all`, value: weight.jsKB, unit: 'kB', better: 'lower' },
      );
      for (const [k, t] of Object.entries(timings)) {
        const name = PROFILES[k as keyof typeof PROFILES].label;
        figures.push(
          { key: `${key} ${k} lcp`, label: `${route.label}: ${name} LCP`, value: t.lcp, unit: 'ms', better: 'lower', target: { op: '<', value: 1500 } },
          { key: `${key} ${k} load`, label: `${route.label}: ${name} load`, value: t.load, unit: 'ms', better: 'lower', target: { op: '<', value: 2500 } },
        );
      }
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  await compareAndSave({
    name: 'pages',
    scale: { pages: Object.keys(raw).length, runs: RUNS },
    dataset: 'seedDemo test fixture',
    settings: { ...app.settings, cpuSlowdown: String(CPU_SLOWDOWN), profiles: JSON.stringify(PROFILES) },
    figures,
    raw,
    databaseUrl: database.url,
  });
  await database.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
