import { accessibilityViolations, expect, test } from './fixtures';

const SLUG = 'espace-numerique-des-violettes-fictif-saumur';

test.describe('the place page', () => {
  test('opens from the directory and shows everything needed to go there', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Espace numérique des Violettes (fictif)' }).click();
    await expect(page).toHaveURL(`/lieux/${SLUG}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace numérique des Violettes (fictif)');
    await expect(page.getByRole('heading', { name: 'Horaires' })).toBeVisible();
    await expect(page.getByRole('link', { name: /^0\d( \d{2}){4}$/ })).toHaveAttribute('href', /^tel:\+33/);
    await expect(page.getByRole('link', { name: 'avec l’application du téléphone' })).toHaveAttribute('href', /^geo:/);
    await expect(page.getByText(/Fiche complète à \d+ %/)).toBeVisible();
    await expect(page.getByText(/Informations mises à jour le/)).toBeVisible();
  });

  test('shows the right open/closed state for a frozen clock in Paris, holidays included', async ({ page }) => {
    // Hours: Mo-Fr 09:00-12:00,14:00-17:30; PH off
    await page.goto(`/lieux/${SLUG}?maintenant=2026-03-10T09:30:00Z`); // Tuesday 10:30 in Paris
    await expect(page.getByTestId('opening-state')).toHaveText('Ouvert — ferme à 12 h');
    await expect(page.locator('tr[aria-current="date"] th')).toContainText('mardi');
    await page.goto(`/lieux/${SLUG}?maintenant=2026-03-10T18:00:00Z`); // Tuesday 19:00
    await expect(page.getByTestId('opening-state')).toHaveText('Fermé — ouvre demain à 9 h');
    await page.goto(`/lieux/${SLUG}?maintenant=2026-07-14T08:00:00Z`); // 14 July, 10:00: a public holiday
    await expect(page.getByTestId('opening-state')).toHaveText('Fermé — ouvre demain à 9 h');
    await expect(page.locator('tr[aria-current="date"] td')).toHaveText('Fermé (jour férié)');
  });

  test('carries valid JSON-LD with coordinates and hours', async ({ page }) => {
    await page.goto(`/lieux/${SLUG}`);
    const json = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(json['@type']).toBe('LocalBusiness');
    expect(json.geo.latitude).toBeGreaterThan(47);
    expect(json.openingHoursSpecification[0]).toMatchObject({ dayOfWeek: 'https://schema.org/Monday', opens: '09:00', closes: '12:00' });
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/lieux/${SLUG}$`));
    const sitemap = await page.request.get('/sitemap.xml');
    expect(await sitemap.text()).toContain(`/lieux/${SLUG}</loc>`);
  });

  test('"Signaler une erreur" keeps what was typed on error, confirms, then refuses a burst politely', async ({ page }) => {
    await page.goto(`/lieux/${SLUG}`);
    await page.getByText('Signaler une erreur sur cette fiche').click();
    await page.getByLabel('Quelle est la bonne information ?').fill('Ouvert aussi le samedi matin');
    await page.getByLabel(/Votre courriel/).fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect(page.locator('.notice[role=alert]')).toContainText('corrigez les champs indiqués');
    await expect(page.getByText('Indiquez ce qui est inexact.')).toBeVisible();
    await expect(page.getByLabel('Quelle est la bonne information ?')).toHaveValue('Ouvert aussi le samedi matin');
    await page.getByLabel('Les horaires').check();
    await page.getByLabel(/Votre courriel/).fill('');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Merci, votre signalement a bien été transmis' })).toBeVisible();

    // A burst from the same client: the limit (3 per 10 minutes) answers politely.
    let refused = false;
    for (let i = 0; i < 4 && !refused; i++) {
      await page.goto(`/lieux/${SLUG}`);
      await page.getByText('Signaler une erreur sur cette fiche').click();
      await page.getByLabel('Autre chose').check();
      await page.getByLabel('Quelle est la bonne information ?').fill(`Essai numéro ${i}`);
      await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
      const alert = page.locator('.notice[role=alert]');
      const sent = page.getByRole('status').filter({ hasText: 'Merci, votre signalement' });
      await expect(alert.or(sent)).toBeVisible();
      if (await alert.isVisible()) {
        await expect(alert).toContainText('Pour éviter les abus, réessayez dans');
        refused = true;
      }
    }
    expect(refused).toBe(true);
  });

  test('prints name, address, hours and phone on one A4 page', async ({ page }) => {
    await page.goto(`/lieux/${SLUG}`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.place-address')).toBeVisible();
    await expect(page.locator('.hours__table')).toBeVisible();
    await expect(page.getByRole('link', { name: /^0\d( \d{2}){4}$/ })).toBeVisible();
    await expect(page.locator('.share')).toBeHidden();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
  });

  test('unpublished places answer 404 with a way to search around the same commune', async ({ page }) => {
    const response = await page.goto('/lieux/ce-lieu-n-existe-pas');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ce lieu n’est pas (ou plus) dans l’annuaire');
    const draft = await page.goto('/lieux/espace-multimedia-deux-croix-fictif-angers');
    expect(draft?.status()).toBe(404);
    await page.getByRole('link', { name: 'Voir les lieux autour de Angers' }).click();
    await expect(page).toHaveURL(/\/recherche\?ou=Angers/);
  });

  test('every page carries the security headers', async ({ request }) => {
    for (const path of ['/', `/lieux/${SLUG}`, '/recherche?ou=Angers', '/api/v1/lieux?limite=1', '/donnees']) {
      const headers = (await request.get(path)).headers();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy'], path).toContain('geolocation=(self)');
      expect(headers['x-frame-options'], path).toBe('DENY');
    }
  });

  test('has no accessibility violation', async ({ page }) => {
    await page.goto(`/lieux/${SLUG}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByText('Signaler une erreur sur cette fiche').click();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
