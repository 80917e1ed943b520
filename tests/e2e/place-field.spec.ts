// The place field understands people (issue #15): "Vouliez-vous dire … ?", a choice among
// homonyms, the larger town one letter away, French contractions in the heading — with the
// browser's JavaScript and without it, each page free of accessibility violations.
import type { Browser, Page } from '@playwright/test';
import { accessibilityViolations, expect, test } from './fixtures';

/**
 * axe runs in the page, which a context without JavaScript forbids: the same URL is then opened
 * in a context whose scripts are all blocked (as without JavaScript) but where axe may run.
 */
async function violations(page: Page, browser: Browser, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) return accessibilityViolations(page);
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    await context.route(/.*/, (route) => {
      const url = new URL(route.request().url());
      const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
      return local && route.request().resourceType() !== 'script' ? route.continue() : route.abort('blockedbyclient');
    });
    const copy = await context.newPage();
    await copy.goto(page.url());
    return await accessibilityViolations(copy);
  } finally {
    await context.close();
  }
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a misspelt town offers "Vouliez-vous dire … ?" with links that keep the filters', async ({ page, browser }) => {
      await page.goto('/recherche?frais=Gratuit');
      await page.getByLabel('Où ? Ville, code postal ou adresse').fill('Angrs');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await expect(page).toHaveURL(/ou=Angrs/);
      const notice = page.locator('.place-help');
      await expect(notice).toContainText('Nous n’avons pas trouvé « Angrs ». Vouliez-vous dire Angers (Maine-et-Loire), Angres (Pas-de-Calais) ou');
      // Nothing was picked silently: no place, so no "à moins de … km".
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lieux d’aide au numérique');
      expect(await violations(page, browser, javaScriptEnabled)).toEqual([]);

      const angers = notice.getByRole('link', { name: 'Angers (Maine-et-Loire)' });
      await expect(angers).toHaveAttribute('href', /frais=Gratuit/);
      await angers.click();
      await expect(page).toHaveURL(/ou=Angers\+%2849%29|ou=Angers%20%2849%29/);
      await expect(page).toHaveURL(/frais=Gratuit/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lieux autour d’Angers');
      await expect(page.locator('.place-help')).toHaveCount(0);
      await expect(page.locator('.result-card').first()).toBeVisible();
    });

    test('homonyms give a short choice with their départements', async ({ page, browser }) => {
      await page.goto('/recherche?ou=Allonnes&besoin=AideAuxDemarchesAdministratives');
      const notice = page.locator('.place-help');
      await expect(notice).toContainText('Plusieurs communes s’appellent « Allonnes » : laquelle ?');
      const choices = notice.getByRole('listitem');
      await expect(choices).toHaveText(['Allonnes (Sarthe)', 'Allonnes (Maine-et-Loire)', 'Allonnes (Eure-et-Loir)']);
      expect(await violations(page, browser, javaScriptEnabled)).toEqual([]);
      await notice.getByRole('link', { name: 'Allonnes (Maine-et-Loire)' }).click();
      await expect(page).toHaveURL(/besoin=AideAuxDemarchesAdministratives/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lieux autour d’Allonnes');
      await expect(page.locator('.place-help')).toHaveCount(0);
    });

    test('an exact small commune one letter off a large town: shown, and the town offered', async ({ page }) => {
      await page.goto('/recherche?ou=Angres');
      const notice = page.locator('.place-help');
      await expect(notice).toContainText('Vouliez-vous dire Angers (Maine-et-Loire) ?');
      await notice.getByRole('link', { name: 'Angers (Maine-et-Loire)' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lieux autour d’Angers');
    });

    test('names without their article, and the heading contracts as French does', async ({ page }) => {
      await page.goto('/recherche?ou=ponts+de+ce');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lieux autour des Ponts-de-Cé');
      await expect(page).toHaveTitle(/Aide au numérique près des Ponts-de-Cé/);
      await page.goto('/recherche?ou=St+Barthelemy+d%27Anjou');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText("Lieux autour de Saint-Barthélemy-d'Anjou");
    });

    test('garbage gets a clear French message, and nothing runs', async ({ page }) => {
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      await page.goto(`/recherche?ou=${encodeURIComponent('<script>alert(1)</script>')}`);
      await expect(page.locator('.notice[role=alert]')).toContainText(
        'Nous n’avons pas trouvé « <script>alert(1)</script> ». Essayez un nom de commune ou un code postal.',
      );
      await expect(page.locator('.place-help')).toHaveCount(0);
      expect(dialogs).toBe(0);
    });
  });
}
