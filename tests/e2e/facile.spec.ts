// The easy-to-read pages (/facile, issue #20): the resident's journey in easy-to-read French,
// with and without JavaScript, the call link, the order a screen reader reads a place in, axe,
// and a phone-size screenshot attached to the report.
import { accessibilityViolations, expect, scriptsLoaded, test } from './fixtures';

const DRAFT = 'espace-multimedia-deux-croix-fictif-angers';
const PHONE_NAME = /^Appeler le 0\d( \d{2}){4}/;
const STATE = /Ouvert maintenant\.|Fermé maintenant\.|Nous ne connaissons pas les horaires\.|Fermé en ce moment\./;

let client = 60;
test.beforeEach(async ({ page }) => {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${client++}` });
});

test.describe('the easy-to-read pages', () => {
  test('from the one question to a place, then the call link', async ({ page }) => {
    // A resident finds the easy-to-read version from the home page.
    await page.goto('/');
    await page.getByRole('link', { name: 'Version facile à lire' }).click();
    await expect(page).toHaveURL(/\/facile$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trouver de l’aide pour internet');
    await page.getByLabel('Où habitez-vous ?').fill('Angers');
    await page.getByRole('button', { name: 'Faire mes papiers sur internet' }).click();
    await expect(page).toHaveURL(/\/facile\/recherche\?ou=Angers&besoin=AideAuxDemarchesAdministratives$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les lieux près d’Angers');
    await expect(page.getByText('Vous cherchez de l’aide pour : Faire mes papiers sur internet.')).toBeVisible();
    await expect(page.getByText(/^Nous avons trouvé \d+ lieux?\./)).toBeVisible();

    const first = page.locator('.facile-card').first();
    await expect(first.getByText(STATE)).toBeVisible();
    await expect(first.getByText(/^À \d+(,\d)? (mètres|kilomètres?)\.$/)).toBeVisible();
    const name = (await first.getByRole('heading', { level: 2 }).textContent())!.trim();
    await first.getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(/\/facile\/lieux\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    // The parts in the order the brief and the guidelines ask: where, when, how to come, phone, help, price.
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([
      'Où ?',
      'Quand ?',
      'Comment y aller ?',
      'Téléphone',
      'Ils vous aident pour :',
      'C’est gratuit ?',
    ]);
    await expect(page.locator('.facile-week li')).toHaveCount(7);
    await expect(page.locator('.facile-week li.facile-today')).toHaveCount(1);
    await expect(page.getByText('Faire mes papiers sur internet')).toBeVisible();
    const call = page.getByRole('link', { name: PHONE_NAME });
    await expect(call).toHaveAttribute('href', /^tel:(\+33|0)\d{9}$/);
    // Big enough to press with a thumb.
    expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    // Back to the complete version of the same place, which links here again.
    const slug = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('link', { name: 'Version complète' }).click();
    await expect(page).toHaveURL(`/lieux/${slug}`);
    await expect(page.getByRole('link', { name: 'Version facile à lire' })).toHaveAttribute('href', `/facile/lieux/${slug}`);
  });

  test('a screen reader reads each place’s name, then where, when, phone', async ({ page }) => {
    await page.goto('/facile/recherche?ou=Angers');
    const card = page
      .locator('.facile-card')
      .filter({ has: page.getByRole('link', { name: PHONE_NAME }) })
      .first();
    const tree = await card.ariaSnapshot();
    const at = (text: string) => tree.indexOf(text);
    expect(at('- heading'), tree).toBeGreaterThanOrEqual(0);
    expect(at('Où ?'), tree).toBeGreaterThan(at('- heading'));
    expect(at('Quand ?'), tree).toBeGreaterThan(at('Où ?'));
    expect(at('Appeler le'), tree).toBeGreaterThan(at('Quand ?'));
    // The pictograms are not read.
    expect(tree).not.toContain('img');
    // In the DOM too (what is read without the accessibility tree): heading, where, when, phone.
    const order = await card.evaluate((el) =>
      ['h2', '.facile-where', '.facile-when', '.facile-call'].map((selector) => {
        const node = el.querySelector(selector)!;
        return [...el.querySelectorAll('*')].indexOf(node);
      }),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThanOrEqual(0);
  });

  test('an unknown town is said simply, with a new try', async ({ page }) => {
    await page.goto('/facile/recherche?ou=Xqzwvillebourg');
    await expect(page.getByRole('alert')).toContainText('Nous ne trouvons pas la ville « Xqzwvillebourg ».');
    const field = page.getByLabel('Essayez encore. Où habitez-vous ?');
    await expect(field).toHaveValue('Xqzwvillebourg');
    await field.fill('Angers');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les lieux près d’Angers');
  });

  test('has no accessibility violation', async ({ page }) => {
    for (const path of ['/facile', '/facile/recherche?ou=Angers', '/facile/recherche?ou=Xqzwvillebourg', '/facile/lieux/nexiste-pas']) {
      await page.goto(path);
      expect(await accessibilityViolations(page), path).toEqual([]);
    }
    await page.goto('/facile/recherche?ou=Angers');
    await page.locator('.facile-card h2 a').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Quand ?' })).toBeVisible();
    expect(await accessibilityViolations(page), page.url()).toEqual([]);
  });

  test('the standard search links to its easy-to-read version, which links back', async ({ page }) => {
    await page.goto('/recherche?ou=Angers&besoin=AideAuxDemarchesAdministratives');
    await page.getByRole('link', { name: 'Version facile à lire' }).click();
    await expect(page).toHaveURL('/facile/recherche?ou=Angers&besoin=AideAuxDemarchesAdministratives');
    await expect(page.getByRole('link', { name: 'Version complète' })).toHaveAttribute('href', '/recherche?ou=Angers&besoin=AideAuxDemarchesAdministratives');
  });

  test('keeps drafts hidden and its page cache apart from the standard pages', async ({ request }) => {
    expect((await request.get(`/facile/lieux/${DRAFT}`)).status()).toBe(404);
    expect((await request.get('/facile/lieux/nexiste-pas')).status()).toBe(404);
    // What is typed comes back escaped, never as markup.
    const typed = await (await request.get('/facile/recherche?ou=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).text();
    expect(typed).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(typed).not.toContain('<script>alert(1)');
    // The standard page, then the easy-to-read one with the same query: never the other's cached page.
    const standard = await request.get('/recherche?ou=Angers&rayon=7');
    expect(await standard.text()).toContain('class="result-card"');
    const facile = await request.get('/facile/recherche?ou=Angers&rayon=7');
    const body = await facile.text();
    expect(body).toContain('class="facile-card"');
    expect(body).not.toContain('class="result-card"');
    expect(facile.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=300');
    expect((await request.get('/facile/recherche?ou=Angers&rayon=7')).headers()['x-page-cache']).toBe('hit');
  });

  test('a phone-size screenshot of the results', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/facile');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await testInfo.attach('facile-accueil-390x844.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    await page.goto('/facile/recherche?ou=Angers');
    await expect(page.locator('.facile-card').first()).toBeVisible();
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await testInfo.attach('facile-recherche-390x844.png', { body: await page.screenshot(), contentType: 'image/png' });
    await page.locator('.facile-card h2 a').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Quand ?' })).toBeVisible();
    await testInfo.attach('facile-lieu-390x844.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  });
});

test.describe('the easy-to-read pages without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole journey works, and no script is loaded', async ({ page }) => {
    const home = await scriptsLoaded(page, '/facile');
    expect(home).toEqual({ urls: [], gzipBytes: 0 });
    await page.getByLabel('Où habitez-vous ?').fill('Angers');
    await page.getByRole('button', { name: 'Chercher un travail sur internet' }).click();
    await expect(page).toHaveURL(/besoin=InsertionProfessionnelleViaLeNumerique/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les lieux près d’Angers');
    await expect(page.locator('script')).toHaveCount(0);
    await page.locator('.facile-card h2 a').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Quand ?' })).toBeVisible();
    await expect(page.locator('script')).toHaveCount(0);
    await expect(page.getByRole('link', { name: PHONE_NAME }).or(page.getByText('Ce lieu n’a pas de numéro de téléphone.'))).toBeVisible();
  });
});
