// Script bytes a real browser (the bundled Chromium, as the e2e tests use it) fetches at load, per
// page: `APP_URL=http://127.0.0.1:3000 npx tsx bench/browser-js-weight.ts /ateliers /recherche` (an app
// must be running). Transferred sizes (compressed body and headers), and inline scripts (JSON-LD included).
import { chromium } from '@playwright/test';
import { resolveChromiumSync } from '../scripts/browser';
const base = process.env.APP_URL!;
const paths = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({ executablePath: resolveChromiumSync() });
  for (const path of paths) {
    const page = await browser.newPage();
    const scripts: Array<{ url: string; bytes: number }> = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() !== 'script') return;
      const sizes = await r
        .request()
        .sizes()
        .catch(() => null);
      scripts.push({ url: r.url().replace(base, ''), bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : -1 });
    });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].reduce((n, s) => n + (s.textContent?.length ?? 0), 0));
    console.log(
      path,
      JSON.stringify(scripts),
      'total transferred',
      scripts.reduce((n, s) => n + s.bytes, 0),
      'B; inline script chars',
      inline,
    );
    await page.close();
  }
  await browser.close();
})();
