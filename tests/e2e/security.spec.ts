// The security headers on every public route (a checklist), and the strict Content-Security-Policy
// holding in a real browser: the search page with its Leaflet map and tiles, the place page and
// the back-office sign-in run with no CSP violation.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PLACE = 'espace-numerique-des-violettes-fictif-saumur';

const ROUTES = [
  '/',
  '/recherche',
  '/recherche?ou=Angers&besoin=AideAuxDemarchesAdministratives',
  `/lieux/${PLACE}`,
  '/lieux/ce-lieu-n-existe-pas',
  '/departements/49',
  '/communes/49007-angers',
  '/donnees',
  '/reseaux',
  '/reseaux/cybanjou',
  '/accessibilite',
  '/mentions-legales',
  '/connexion',
  '/admin',
  '/api/v1/lieux',
  '/api/v1/lieux?format=geojson&limite=2',
  '/api/v1/openapi.json',
  '/donnees/export/csv',
  '/api/health',
  '/api/ready',
  '/api/geo/suggest?q=ang',
  '/sitemap.xml',
  '/robots.txt',
  '/page-qui-n-existe-pas',
];

function directives(csp: string) {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

test.describe('security headers', () => {
  test('every public route carries the full set', async ({ request }) => {
    const nonces = new Set<string>();
    for (const route of ROUTES) {
      const response = await request.get(route, { maxRedirects: 0 });
      const headers = response.headers();
      const where = `${route} (${response.status()})`;
      expect(response.status(), where).toBeLessThan(500);
      expect(headers['x-content-type-options'], where).toBe('nosniff');
      expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy'], where).toContain('geolocation=(self)');
      expect(headers['permissions-policy'], where).toContain('camera=()');
      expect(headers['x-frame-options'], where).toBe('DENY');
      expect(headers['x-powered-by'], where).toBeUndefined();
      // Plain http on localhost: no HSTS (it is sent in production over https only).
      expect(headers['strict-transport-security'], where).toBeUndefined();
      expect(headers['x-request-id'], where).toMatch(/^[0-9a-f-]{36}$/);

      const csp = directives(headers['content-security-policy'] ?? '');
      expect(csp.get('default-src'), where).toEqual(["'self'"]);
      const scripts = csp.get('script-src') ?? [];
      const nonce = scripts.find((s) => s.startsWith("'nonce-"));
      expect(nonce, where).toBeTruthy();
      expect(scripts, where).not.toContain("'unsafe-inline'");
      expect(scripts, where).not.toContain("'unsafe-eval'");
      nonces.add(nonce!);
      expect(csp.get('img-src'), where).toEqual(expect.arrayContaining(["'self'", 'data:', 'https://tile.openstreetmap.org']));
      expect(csp.get('object-src'), where).toEqual(["'none'"]);
      expect(csp.get('base-uri'), where).toEqual(["'self'"]);
      expect(csp.get('form-action'), where).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors'), where).toEqual(["'none'"]);

      // In HTML, every script Next.js writes carries this response's nonce.
      if ((headers['content-type'] ?? '').startsWith('text/html')) {
        const html = await response.text();
        const value = nonce!.slice("'nonce-".length, -1);
        // Data blocks (JSON-LD, the map's data) are never executed and need no nonce.
        const tags = (html.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !/type="application\/(ld\+)?json"/.test(tag));
        expect(tags.length, where).toBeGreaterThan(0);
        for (const tag of tags) expect(tag, where).toContain(`nonce="${value}"`);
      }
    }
    expect(nonces.size).toBe(ROUTES.length);
  });

  test('only the embed routes may be framed by other sites', async ({ request }) => {
    const response = await request.get('/embed/carte', { maxRedirects: 0 });
    const headers = response.headers();
    expect(directives(headers['content-security-policy']).get('frame-ancestors')).toEqual(['*']);
    expect(headers['x-frame-options']).toBeUndefined();
  });

  test('a request id from the load balancer is kept, a malformed one replaced', async ({ request }) => {
    const kept = await request.get('/api/health', { headers: { 'x-request-id': 'lb-0123456789abcdef' } });
    expect(kept.headers()['x-request-id']).toBe('lb-0123456789abcdef');
    const replaced = await request.get('/api/health', { headers: { 'x-request-id': '<script>alert(1)</script>' } });
    expect(replaced.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

/** Collects CSP violations seen by the page: the DOM event and Chromium's console report. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

test.describe('the Content-Security-Policy in the browser', () => {
  test('the search page and its map run without a violation, tiles included', async ({ page }) => {
    const violations = await watchViolations(page);
    const tiles: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith('https://tile.openstreetmap.org/')) tiles.push(request.url());
    });
    await page.goto('/recherche?ou=Angers&besoin=AideAuxDemarchesAdministratives');
    await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
    await page.locator('.leaflet-marker-icon').first().click();
    await expect(page.locator('.leaflet-popup-content a')).toBeVisible();
    // The browser asked for tiles (the test harness then blocks them: no internet in tests).
    await expect.poll(() => tiles.length).toBeGreaterThan(0);
    // Client-side interaction works: the place field's suggestions run a script and a fetch,
    // and fill the suggestions box.
    const place = page.locator('#ou');
    const answered = page.waitForResponse((response) => response.url().includes('/api/geo/suggest?q=Saumu') && response.status() === 200);
    await place.fill('');
    await place.pressSequentially('Saumu');
    await answered;
    const box = page.locator(`datalist[id="${await place.getAttribute('list')}"] option`);
    await expect
      .poll(() => box.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)))
      .toContainEqual(expect.stringMatching(/^Saumur\b/));
    expect(violations).toEqual([]);
  });

  test('the place page runs without a violation', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(`/lieux/${PLACE}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.leaflet-container')).toBeVisible();
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    // The script answered (copied, or the link to copy by hand when the clipboard is refused).
    await expect(page.locator('[data-share] [role="status"]')).toHaveText(/^(Lien copié\.|Copiez ce lien : http)/);
    expect(violations).toEqual([]);
  });

  test('a page the cache answers before Next.js (gzipped once, its nonce spliced in) runs without a violation', async ({ page }) => {
    const violations = await watchViolations(page);
    // Kept once the app's cache listens for changes (it is bypassed until then).
    await expect.poll(async () => (await page.request.get(`/lieux/${PLACE}`)).headers()['x-page-cache'], { timeout: 20_000 }).toBe('hit');
    const nonces = new Set<string>();
    for (let visit = 0; visit < 2; visit++) {
      const response = (await page.goto(`/lieux/${PLACE}`))!;
      const headers = await response.allHeaders();
      expect([headers['x-page-cache'], headers['content-encoding']]).toEqual(['hit', 'gzip']);
      const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy'])![1];
      expect(
        await page
          .locator('script[src]')
          .first()
          .evaluate((script) => (script as HTMLScriptElement).nonce),
      ).toBe(nonce);
      nonces.add(nonce);
      // The page's script ran (the map), under the response's own nonce.
      await expect(page.locator('.leaflet-container')).toBeVisible();
    }
    expect(nonces.size).toBe(2);
    expect(violations).toEqual([]);
  });

  test('the back-office sign-in runs without a violation', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/connexion');
    await page.getByLabel('Adresse électronique').first().fill('admin@reperes.example');
    await page.getByLabel('Mot de passe', { exact: true }).fill('demo-admin-2026');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto('/admin/lieux');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('injected markup cannot run script (inline handler without the nonce)', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/introuvable.png" onerror="window.__injected = true">'));
    // The image failed (its error event is past) and the policy refused the inline handler.
    await page
      .locator('img[src="/introuvable.png"]')
      .evaluate(
        (img) => new Promise((resolve) => ((img as HTMLImageElement).complete ? resolve(true) : img.addEventListener('error', resolve, { once: true }))),
      );
    await expect.poll(() => violations.some((v) => /script-src/.test(v))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
  });
});
