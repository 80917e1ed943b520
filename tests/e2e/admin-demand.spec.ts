// The coordinator dashboard's block of unmet demand (issue #22): the searches without a nearby
// place over the network's own territory, past the threshold of 5; another network's territory
// is not shown there.
import { createPrismaClient } from '../../lib/db/client';
import { weekOf } from '../../lib/demand/key';
import { e2eDatabaseUrl } from './e2e-database';
import { accessibilityViolations, expect, test } from './fixtures';
import { signInWithPassword } from './session';

const e2eDb = () => createPrismaClient(e2eDatabaseUrl(), { max: 1 });

test.describe('unmet demand on the coordinator dashboard', () => {
  test.beforeAll(async () => {
    const db = e2eDb();
    const week = weekOf(new Date());
    // Laval (Mayenne, 53): 6 searches for papers, none found a place within 10 km; Château-Gontier: 2.
    await db.$executeRaw`DELETE FROM "SearchDemandRollup" WHERE departement = '53'`;
    // The pages read the rollup (lib/demand/flush.ts writes it with the keys).
    await db.$executeRaw`INSERT INTO "SearchDemandRollup" (week, departement, "inseeCode", need, searches, none5, measured5, none10, measured10, none20, measured20)
      VALUES (${week}::date, '53', '53130', '#', 6, 6, 6, 6, 6, 6, 6),
             (${week}::date, '53', '53062', '#', 2, 2, 2, 2, 2, 2, 2),
             (${week}::date, '53', '', 'AideAuxDemarchesAdministratives', 8, 8, 8, 8, 8, 8, 8)`;
    await db.$disconnect();
  });

  test.afterAll(async () => {
    const db = e2eDb();
    await db.$executeRaw`DELETE FROM "SearchDemandRollup" WHERE departement = '53'`;
    await db.$disconnect();
  });

  test('shows the network’s territory only, small counts merged', async ({ page }) => {
    await signInWithPassword(page, 'coordination@hub-pdl.example.org', 'demo-hub-2026');
    await page.goto('/admin/reseaux/hub-pdl');
    const layer = page.getByTestId('demand-layer');
    await expect(layer.getByRole('heading', { name: 'Recherches sans lieu proche' })).toBeVisible();
    const rows = layer.getByTestId('demand-communes').getByRole('row');
    // Without the communes' reference loaded, a commune is named by its INSEE code.
    await expect(rows.nth(1).getByRole('rowheader')).toHaveText(/53130|Laval/);
    await expect(rows.nth(1).getByRole('cell').nth(2)).toHaveText('6 (100 %)');
    await expect(rows.last().getByRole('rowheader')).toHaveText('Autres communes');
    await expect(layer).not.toContainText('53062');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('is not shown to a network whose territory does not include it', async ({ page }) => {
    await signInWithPassword(page, 'coordination@cybanjou.example.org', 'demo-coord-2026');
    await page.goto('/admin/reseaux/cybanjou');
    const layer = page.getByTestId('demand-layer');
    await expect(layer).toBeVisible();
    await expect(layer).not.toContainText('53130');
    await expect(layer).not.toContainText('Laval');
  });
});
