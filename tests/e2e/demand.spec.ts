// Unmet demand (issue #22), end to end: searches around a commune where no place answers are
// counted (also when the page cache answers them), once per visitor and day, written off the request path within seconds,
// and shown on the département's page past the threshold of 5 searches; a commune with fewer is
// merged into « Autres communes ». The open data has the same lines, and nothing typed.
import { createPrismaClient } from '../../lib/db/client';
import { e2eDatabaseUrl } from './e2e-database';
import { accessibilityViolations, expect, test } from './fixtures';

const e2eDb = () => createPrismaClient(e2eDatabaseUrl(), { max: 1 });
const COMMUNES = [
  { inseeCode: '48095', name: 'Mende', departement: '48', region: '76', postcodes: ['48000'], latitude: 44.5181, longitude: 3.5006, population: 15000 },
  { inseeCode: '48092', name: 'Marvejols', departement: '48', region: '76', postcodes: ['48100'], latitude: 44.5539, longitude: 3.2917, population: 5000 },
];

test.describe('searches without a nearby place', () => {
  test.beforeAll(async () => {
    const db = e2eDb();
    await db.commune.createMany({ data: COMMUNES, skipDuplicates: true });
    await db.$executeRaw`DELETE FROM "SearchDemand" WHERE departement = '48'`;
    await db.$executeRaw`DELETE FROM "SearchDemandRollup" WHERE departement = '48'`;
    await db.$disconnect();
  });

  test.afterAll(async () => {
    const db = e2eDb();
    await db.$executeRaw`DELETE FROM "SearchDemand" WHERE departement = '48'`;
    await db.$executeRaw`DELETE FROM "SearchDemandRollup" WHERE departement = '48'`;
    await db.commune.deleteMany({ where: { inseeCode: { in: COMMUNES.map((c) => c.inseeCode) } } });
    await db.$disconnect();
  });

  test('appear on the département’s page once a commune has 5 visitors’ searches; a visitor repeating one counts once', async ({ page }) => {
    // Visitors told apart as a trusted load balancer would (the e2e server trusts one hop); a third octet of this run's own.
    const run = 1 + Math.floor(Math.random() * 250);
    const as = (n: number) => page.setExtraHTTPHeaders({ 'X-Forwarded-For': `198.51.${run}.${n}` });
    // One search through the form, the same page by four other visitors (answered by the page cache), two elsewhere.
    await as(1);
    await page.goto('/recherche');
    await page.getByLabel('Où ? Ville, code postal ou adresse').fill('Mende');
    await page.getByRole('checkbox', { name: /Aide pour mes papiers en ligne/ }).check();
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/ou=Mende/);
    const searched = page.url();
    await expect(page.locator('.result-card')).toHaveCount(0);
    for (let n = 2; n <= 5; n++) {
      await as(n);
      await page.goto(searched);
    }
    // Not counted again: the first visitor repeating the search (a script inflating a commune).
    await as(1);
    for (let i = 0; i < 10; i++) await page.goto(searched);
    for (let n = 6; n <= 7; n++) {
      await as(n);
      await page.goto('/recherche?ou=Marvejols&besoin=AideAuxDemarchesAdministratives&rayon=20');
    }
    // Not counted: a name typed.
    await page.goto('/recherche?ou=Mende&q=Secret');

    // Written within seconds, off the request path.
    const db = e2eDb();
    await expect
      .poll(
        async () => (await db.$queryRaw<Array<{ n: number }>>`SELECT coalesce(sum(searches), 0)::int AS n FROM "SearchDemand" WHERE departement = '48'`)[0].n,
        {
          timeout: 20_000,
        },
      )
      .toBe(7);
    await db.$disconnect();

    await page.goto('/territoires/48?demande=3');
    const layer = page.getByTestId('demand-layer');
    await expect(layer.getByRole('heading', { name: 'Recherches sans lieu proche' })).toBeVisible();
    const communes = layer.getByTestId('demand-communes').getByRole('row');
    await expect(communes).toHaveCount(3);
    await expect(communes.nth(1).getByRole('rowheader')).toHaveText('Mende');
    await expect(communes.nth(1).getByRole('cell').first()).toHaveText('5');
    await expect(communes.nth(2).getByRole('rowheader')).toHaveText('Autres communes');
    await expect(layer).not.toContainText('Marvejols');
    await expect(layer.getByTestId('demand-needs').getByRole('row').nth(1).getByRole('rowheader')).toHaveText('Aide pour mes papiers en ligne');
    await expect(layer).toContainText('7 recherches ont porté sur une commune de ce territoire');
    await expect(layer).toContainText('C’est à Mende que le manque se voit le plus');
    await expect(layer.getByRole('link', { name: '12 derniers mois' })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    const csv = await (await page.request.get('/donnees/export/recherches-sans-lieu.csv')).text();
    expect(csv.split('\r\n')[0]).toMatch(/^semaine,departement,code_insee,besoins,filtres,rayon_km_min,recherches,/);
    expect(csv).toMatch(/"48","48095","Aide aux démarches administratives","",10,5,/);
    expect(csv).not.toMatch(/Secret|Mende|Marvejols/);
  });
});
