// The weight budget of issue #20: every public page (tests/e2e/public-routes.ts) loads at most
// 30 kB of JavaScript before any map, compressed, as Chromium counts the bytes it received
// (CDP encodedDataLength), cache disabled, needing no chunk before its script runs, with its
// stylesheet inline (no request before the first paint). And the list is whole: a public route under app/
// that is not in it (nor set aside with its reason) fails. Timings belong to the benchmark
// (bench/pages.bench.ts), not to tests.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { NOT_PAGES, NOT_RESIDENT_PAGES, PUBLIC_ROUTES } from './public-routes';

const BUDGET_KB = 30;
const MAP_SCRIPT = /\/assets\/(coverage-)?map-/;

/** Every folder under app/ that answers a page (page.tsx) or a route handler (route.ts), as app/… paths. */
function routeFolders(dir = 'app'): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFolders(full));
    else if (/^(page|route)\.tsx?$/.test(entry.name)) found.push(dir);
  }
  return found;
}

test('every public route under app/ is in the list of public pages, or set aside with its reason', () => {
  const listed = new Set(PUBLIC_ROUTES.map((r) => path.posix.dirname(r.route)));
  const setAside = [...NOT_PAGES, ...Object.keys(NOT_RESIDENT_PAGES)];
  const missing = routeFolders().filter((folder) => !listed.has(folder) && !setAside.some((prefix) => folder === prefix || folder.startsWith(`${prefix}/`)));
  expect(missing, 'add them to tests/e2e/public-routes.ts').toEqual([]);
  // Nothing set aside is a resident's page wearing another name.
  for (const folder of listed)
    expect(
      setAside.some((prefix) => folder === prefix || folder.startsWith(`${prefix}/`)),
      folder,
    ).toBe(false);
});

for (const route of PUBLIC_ROUTES) {
  test(`${route.label} (${route.path}) loads at most ${BUDGET_KB} kB of JavaScript before any map`, async ({ page, context }) => {
    const cdp = await context.newCDPSession(page);
    const scripts = new Map<string, { url: string; bytes: number }>();
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scripts.set(e.requestId, { url: new URL(e.response.url).pathname, bytes: 0 });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const script = scripts.get(e.requestId);
      if (script) script.bytes = e.encodedDataLength;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const response = await page.goto(route.path);
    expect(response?.status(), 'the page answers').toBe(200);
    // Its stylesheet is inside it, under the response's CSP nonce, and nothing else holds the first paint:
    // no stylesheet linked before the map asks for Leaflet's (lib/render/assets.ts inlineStylesheet).
    const html = await response!.text();
    expect(html.match(/<link[^>]+rel="stylesheet"/g), 'no linked stylesheet in the page as served').toBeNull();
    const nonce = response?.headers()['content-security-policy']?.match(/'nonce-([^']+)'/)?.[1];
    expect(html).toContain(`<style nonce="${nonce}">`);
    // And it applies (the site's colour variables are defined, which no browser default does).
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--blue').trim())).toBe('#1d4e89');
    const again = await page.request.get(route.path);
    expect((await again.text()).match(/<link[^>]+rel="stylesheet"/g), 'from the page cache as well').toBeNull();
    await page.waitForLoadState('networkidle');
    const list = [...scripts.values()];
    const firstMap = list.findIndex((s) => MAP_SCRIPT.test(s.url));
    const beforeMap = firstMap < 0 ? list : list.slice(0, firstMap);
    const kB = beforeMap.reduce((sum, s) => sum + s.bytes, 0) / 1024;
    // Something was measured: the page's own script is there (or the page has none at all).
    expect(
      list.every((s) => s.bytes > 0),
      JSON.stringify(list),
    ).toBe(true);
    expect(kB, `${route.path}: ${beforeMap.map((s) => `${s.url} ${(s.bytes / 1024).toFixed(1)} kB`).join(', ')}`).toBeLessThanOrEqual(BUDGET_KB);
    // No Next.js client runtime on a resident's page.
    expect(list.filter((s) => s.url.startsWith('/_next/')).map((s) => s.url)).toEqual([]);
    // No chunk imported before the page's script runs: each is one more round trip before the load
    // event (scripts/build-assets.js builds site.js alone; bench/README.md, "Page weight").
    expect(beforeMap.filter((s) => /\/assets\/chunk-/.test(s.url)).map((s) => s.url)).toEqual([]);
  });
}
