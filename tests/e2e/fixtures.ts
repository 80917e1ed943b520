import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

// Every test runs with the outside world blocked: only the app's own origin (and data:/blob:)
// may be reached, so nothing in the app can depend on the internet.
export const test = base.extend<{ blockedRequests: string[] }>({
  blockedRequests: [
    async ({ context }, use) => {
      const blocked: string[] = [];
      await context.route(/.*/, (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === 'localhost' || url.hostname === '127.0.0.1') {
          return route.continue();
        }
        blocked.push(url.toString());
        return route.abort('blockedbyclient');
      });
      await use(blocked);
    },
    { auto: true },
  ],
});

export { expect };

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and returns the violations. */
export async function accessibilityViolations(page: Page) {
  // Contrast is judged on the settled page, not halfway through a fade (map clusters fade in).
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 5000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(', ')})`);
}

/**
 * Every script the browser fetched while showing `path` (the page and whatever it loads after,
 * such as the map), and their size as the server sends them with gzip.
 */
export async function scriptsLoaded(page: Page, path: string, settled: (page: Page) => Promise<unknown> = () => Promise.resolve()) {
  const { gzipSync } = await import('node:zlib');
  const bodies: Array<Promise<{ url: string; gzip: number }>> = [];
  const onResponse = (response: import('@playwright/test').Response) => {
    if (response.request().resourceType() !== 'script') return;
    bodies.push(response.body().then((body) => ({ url: new URL(response.url()).pathname, gzip: gzipSync(body).length })));
  };
  page.on('response', onResponse);
  await page.goto(path);
  await settled(page);
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const scripts = await Promise.all(bodies);
  return { urls: scripts.map((s) => s.url), gzipBytes: scripts.reduce((sum, s) => sum + s.gzip, 0) };
}
