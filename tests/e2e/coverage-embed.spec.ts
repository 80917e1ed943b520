import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrismaClient } from '../../lib/db/client';
import { e2eDatabaseUrl } from './e2e-database';
import { accessibilityViolations, expect, scriptsLoaded, test } from './fixtures';
import { loadRealCommunes } from '../helpers/real-data';

/** The end-to-end database, embedded or on a server. */
function e2eDb() {
  return createPrismaClient(e2eDatabaseUrl(), { max: 1 });
}

test.describe('coverage of a territory', () => {
  test.afterAll(async () => {
    const db = e2eDb();
    await db.commune.deleteMany({ where: { departement: '49' } });
    await db.$disconnect();
  });

  test('says when the reference is missing, then shows who lives far from help in Maine-et-Loire', async ({ page }) => {
    await page.goto('/territoires/49');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Où l’aide au numérique manque : Maine-et-Loire (49)');
    await expect(page.getByRole('status')).toContainText('Le référentiel des communes (population et point central) n’est pas chargé');
    // The command a newcomer can run as is: no file to find, the reference ships with the project.
    await expect(page.getByRole('status').locator('code')).toHaveText('npm run import:communes');
    await expect(page.getByRole('status')).toContainText('sans argument, elle charge le référentiel livré avec Repères');

    const db = e2eDb();
    await loadRealCommunes(db, (c) => c.departement === '49');
    await db.$disconnect();

    await page.goto('/territoires/49');
    const shares = page.getByTestId('coverage-shares');
    await expect(shares.getByRole('row')).toHaveCount(5);
    await expect(page.getByText(/176 communes, [\d\s]+ habitants/)).toBeVisible();
    const firstShare = await shares.getByRole('row').nth(1).getByRole('cell').nth(1).textContent();
    expect(Number(firstShare!.replace(/[ \s%]/g, '').replace(',', '.'))).toBeGreaterThan(0);
    // The furthest communes, ranked, each with its nearest place.
    const furthest = page.getByTestId('coverage-furthest').getByRole('row');
    await expect(furthest).toHaveCount(21);
    await expect(furthest.nth(1).getByRole('cell').first()).toHaveText('1');
    await expect(page.locator('.leaflet-interactive').first()).toBeAttached();

    await page.getByLabel('Service recherché').selectOption('AccesInternetEtMaterielInformatique');
    await page.getByLabel('Gratuit').check();
    await page.getByRole('button', { name: 'Calculer' }).click();
    await expect(page).toHaveURL(/\/territoires\/49\?service=AccesInternetEtMaterielInformatique&gratuit=1/);
    await expect(page.getByText(/Pour « Accéder à un ordinateur, à internet, imprimer », gratuit :/)).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

test.describe('the embeddable directory', () => {
  let server: http.Server;
  let partner: string;

  test.beforeAll(async ({}, info) => {
    // A partner's page, served from another origin (127.0.0.1 and a port of its own).
    const app = new URL(info.project.use.baseURL!);
    server = http.createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="fr"><head><title>Site partenaire</title></head><body><h1>Notre réseau</h1>
<iframe src="${app.origin}/embed?reseau=cybanjou" title="Lieux du réseau" width="100%" height="900" style="border:0"></iframe></body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    partner = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('renders the network’s places inside an iframe on another origin, without the site’s chrome', async ({ page, request }) => {
    await page.goto(partner);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { name: 'Les lieux du réseau Cyb@njou' })).toBeVisible();
    expect(await frame.locator('.result-card').count()).toBeGreaterThanOrEqual(10);
    await expect(frame.locator('.site-header')).toBeHidden();
    await expect(frame.locator('.site-footer')).toBeHidden();
    await expect(frame.locator('.result-card a').first()).toHaveAttribute('target', '_top');

    // Filters work inside the frame and keep the network.
    await frame.getByRole('checkbox', { name: /Aide pour mes papiers en ligne/ }).check();
    await frame.getByRole('button', { name: 'Rechercher' }).click();
    await expect(frame.locator('.result-card').first()).toContainText('Pourquoi ce lieu');
    expect(
      page
        .frames()
        .some((f) =>
          /\/embed\?.*reseau=cybanjou.*besoin=AideAuxDemarchesAdministratives|\/embed\?.*besoin=AideAuxDemarchesAdministratives.*reseau=cybanjou/.test(f.url()),
        ),
    ).toBe(true);

    // A place link replaces the partner's page with the place page.
    const name = (await frame.locator('.result-card h2 a, .result-card h3 a').first().textContent())!.trim();
    await frame.locator('.result-card h2 a, .result-card h3 a').first().click();
    await expect(page).toHaveURL(/\/lieux\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

    expect((await request.get('/embed?reseau=cybanjou')).headers()['x-frame-options']).toBeUndefined();
    expect((await request.get('/recherche')).headers()['x-frame-options']).toBe('DENY');
  });

  test('ships no more JavaScript than the search page', async ({ page }) => {
    const mapShown = (p: typeof page) => expect(p.locator('.leaflet-marker-icon').first()).toBeVisible();
    const embed = await scriptsLoaded(page, '/embed?reseau=cybanjou', mapShown);
    const search = await scriptsLoaded(page, '/recherche?reseau=cybanjou', mapShown);
    expect(embed.gzipBytes).toBeGreaterThan(0);
    expect(embed.gzipBytes).toBeLessThanOrEqual(search.gzipBytes);
  });

  test('the network page gives the snippet to copy', async ({ page }) => {
    await page.goto('/reseaux/cybanjou');
    await page.getByText('Intégrer cet annuaire sur votre site').click();
    await expect(page.getByLabel('Code à copier')).toHaveValue(/<iframe src="http:\/\/localhost:\d+\/embed\?reseau=cybanjou" title="[^"]+"/);
    await page.goto('/embed?reseau=cybanjou');
    await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
