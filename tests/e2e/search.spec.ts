import { accessibilityViolations, expect, scriptsLoaded, test } from './fixtures';

test.describe('the resident’s search', () => {
  test('search Saumur, filter papers + free, open a result from the map, come back', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Ville, code postal ou adresse').fill('Saumur');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/\/recherche\?ou=Saumur/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lieux autour de Saumur');

    await page.getByRole('checkbox', { name: /Aide pour mes papiers en ligne/ }).check();
    await page.getByRole('checkbox', { name: /^Gratuit( \(\d+\))?$/ }).check();
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/besoin=AideAuxDemarchesAdministratives/);
    await expect(page).toHaveURL(/frais=Gratuit/);

    const cards = page.locator('.result-card');
    await expect(cards.first()).toBeVisible();
    const distances = await page.locator('.result-card__distance').allTextContents();
    expect(distances.length).toBeGreaterThan(0);
    const km = distances.map((d) => Number(d.replace(/[^\d,]/g, '').replace(',', '.')) / (d.includes(' m') && !d.includes('km') ? 1000 : 1));
    expect(km).toEqual([...km].sort((a, b) => a - b));
    await expect(cards.first()).toContainText('Pourquoi ce lieu : Aide pour mes papiers en ligne · Gratuit');
    const resultsUrl = page.url();
    const firstName = (await cards.first().locator('h2').textContent())!.trim();

    // The map shows the markers even though every tile request is blocked.
    const marker = page.locator('.leaflet-marker-icon').first();
    await expect(marker).toBeVisible();
    await marker.click();
    const popupLink = page.locator('.leaflet-popup-content a');
    await expect(popupLink).toBeVisible();
    const target = await popupLink.textContent();
    await popupLink.click();
    await expect(page).toHaveURL(/\/lieux\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(target!);

    await page.goBack();
    await expect(page).toHaveURL(resultsUrl);
    await expect(page.locator('.result-card').first().locator('h2')).toHaveText(firstName);
  });

  test('moving the map offers "Rechercher dans cette zone", which searches around the new centre', async ({ page }) => {
    await page.goto('/recherche?ou=Angers&rayon=5');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lieux autour d’Angers');
    const map = page.locator('.leaflet-container');
    await expect(page.locator('.leaflet-marker-icon, .marker-cluster').first()).toBeVisible();
    // Leaflet's stylesheet is linked with the map (the page's own is inline) and applies before it is drawn.
    await expect(page.locator('link[rel="stylesheet"][data-map-css]')).toHaveCount(1);
    expect(await map.evaluate((el) => [getComputedStyle(el).overflow, getComputedStyle(el.querySelector('.leaflet-pane')!).position])).toEqual([
      'hidden',
      'absolute',
    ]);
    await expect(page.getByRole('button', { name: 'Rechercher dans cette zone' })).toHaveCount(0);
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    // Drag the map westwards by a third of its width: the centre moves east.
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.27, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Rechercher dans cette zone' }).click();
    await expect(page).toHaveURL(/lng=-0\.\d+/);
    const url = new URL(page.url());
    expect(url.searchParams.get('ou')).toBeNull();
    expect(Number(url.searchParams.get('lat'))).toBeCloseTo(47.47, 1);
    expect(Number(url.searchParams.get('lng'))).toBeGreaterThan(-0.5542);
    expect(Number(url.searchParams.get('rayon'))).toBeGreaterThanOrEqual(2);
    await expect(page.locator('.results-count')).toContainText('du plus proche au plus loin');
  });

  test('the keyboard alone can run a search', async ({ page }) => {
    await page.goto('/recherche');
    await page.getByLabel('Où ? Ville, code postal ou adresse').focus();
    await page.keyboard.type('Cholet');
    // Tab to the first need and check it with the space bar, then submit with Enter.
    await page.getByRole('checkbox', { name: /Aide pour mes papiers en ligne/ }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Où ? Ville, code postal ou adresse').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/ou=Cholet/);
    await expect(page).toHaveURL(/besoin=AideAuxDemarchesAdministratives/);
    await expect(page.locator('.result-card').first()).toBeVisible();
  });

  test('bad input gives French messages and the rest of the search', async ({ page }) => {
    const response = await page.goto('/recherche?ou=Saumur&rayon=900&besoin=Nimporte&page=abc');
    expect(response?.status()).toBe(200);
    const alert = page.locator('.notice[role=alert]');
    await expect(alert).toContainText('Le rayon doit être compris entre 2 et 100 km');
    await expect(alert).toContainText('Filtre besoin inconnu');
    await expect(page.locator('.result-card').first()).toBeVisible();
    // A place nobody can find: the notice, and no list of the whole country instead.
    await page.goto('/recherche?ou=Zzyzx&besoin=Nimporte');
    await expect(page.locator('.notice[role=alert]')).toContainText('Nous n’avons pas trouvé « Zzyzx »');
    await expect(page.locator('.results-count')).toHaveText('Précisez le lieu ci-dessus pour voir les lieux proches.');
    await expect(page.locator('.result-card')).toHaveCount(0);
  });

  test('an empty result offers a wider radius', async ({ page }) => {
    await page.goto('/recherche?ou=Montreuil-Bellay&rayon=2&type=fablab');
    await expect(page.getByText('Aucun lieu à moins de 2 km.')).toBeVisible();
    await page.getByRole('link', { name: /Élargir à 30 km/ }).click();
    await expect(page).toHaveURL(/rayon=30/);
  });

  test('the search page ships its own small script, not the framework: under 150 kB compressed with the map', async ({ page }) => {
    const loaded = await scriptsLoaded(page, '/recherche?ou=Angers', (p) => expect(p.locator('.leaflet-marker-icon').first()).toBeVisible());
    // Leaflet and the page's script, from /assets; nothing of Next.js's client runtime.
    expect(loaded.urls.some((url) => url.startsWith('/assets/'))).toBe(true);
    expect(loaded.urls.filter((url) => url.startsWith('/_next/'))).toEqual([]);
    expect(loaded.gzipBytes).toBeLessThan(150 * 1024);
    // Selection, suggestions and "Autour de moi" work (the script ran).
    await expect(page.getByRole('button', { name: /^Ajouter à ma sélection/ }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Autour de moi' })).toBeVisible();
  });

  test('suggestions as you type, and "Autour de moi" searches around the browser\'s position', async ({ page, context }) => {
    await page.goto('/recherche');
    await page.getByLabel('Où ? Ville, code postal ou adresse').pressSequentially('Saum', { delay: 30 });
    // The datalist offers the commune (resolved offline on this machine).
    await expect
      .poll(() => page.locator('#ou-suggestions option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)))
      .toContainEqual(expect.stringMatching(/^Saumur/));

    // Cholet's town hall; the page asks the browser, which answers without a prompt here.
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 47.0594, longitude: -0.8796 });
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect(page).toHaveURL(/lat=47\.059\d*&lng=-0\.879\d*|lng=-0\.879\d*.*lat=47\.059/);
    await expect(page.locator('.result-card').first()).toBeVisible();
    await expect(page.locator('.result-card').first()).toContainText('Cholet');
  });

  test('the search page has no accessibility violation', async ({ page }) => {
    await page.goto('/recherche?ou=Angers&besoin=AideAuxDemarchesAdministratives');
    await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same URL renders its results, and the form works', async ({ page }) => {
    await page.goto('/recherche?ou=Saumur&besoin=AideAuxDemarchesAdministratives&frais=Gratuit');
    await expect(page.locator('.result-card').first()).toBeVisible();
    await expect(page.locator('.result-card__distance').first()).toContainText(/à [\d,]+ (k?m)/);
    await expect(page.locator('.leaflet-container')).toHaveCount(0);
    await page.getByLabel('Où ? Ville, code postal ou adresse').fill('Cholet');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lieux autour de Cholet');
  });
});
