import fs from 'node:fs';
import { pdfText } from '../helpers/pdf-text';
import { accessibilityViolations, expect, test } from './fixtures';
import { lastMessageTo } from './session';

const GENETS = 'Centre social des Genêts (fictif)';
const BOCAGE = 'Médiathèque du Bocage (fictif)';

test.describe('orienting a person', () => {
  test('with an empty selection, the fiche page explains what to do', async ({ page }) => {
    await page.goto('/orienter/selection');
    await expect(page.getByTestId('empty-selection')).toContainText('Votre sélection est vide');
    await expect(page.getByTestId('empty-selection').getByRole('link', { name: 'répondez aux quatre questions' })).toHaveAttribute('href', '/orienter');
  });

  test('four steps, two places, a note, a PDF and an email with a working link', async ({ page, browser }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Orienter une personne' }).click();
    await expect(page.getByText('Étape 1 sur 4')).toBeVisible();
    await page.getByLabel(/Aide pour mes papiers en ligne/).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(page.getByText('Étape 2 sur 4')).toBeVisible();
    await page.getByLabel('Où ? Ville, code postal ou adresse').fill('Cholet');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(page.getByText('Étape 3 sur 4')).toBeVisible();
    await page.getByLabel('mardi matin').check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(page.getByText('Étape 4 sur 4')).toBeVisible();
    await page.getByLabel('Parle anglais (pas ou peu le français)').check();
    await page.getByRole('button', { name: 'Voir les lieux' }).click();

    await expect(page).toHaveURL(/\/recherche\?.*besoin=AideAuxDemarchesAdministratives/);
    expect(page.url()).toContain('creneau=mardi-matin');
    expect(page.url()).toContain('prise_en_charge=LanguesEtrangeresAnglais');
    const card = page.locator('.result-card').filter({ hasText: GENETS });
    await expect(card.locator('.result-card__why')).toContainText('Pourquoi ce lieu');
    // Every card fits: the Médiathèque du Bocage is closed on Tuesday mornings.
    await expect(page.locator('.result-card').filter({ hasText: BOCAGE })).toHaveCount(0);
    await card.getByRole('button', { name: /Ajouter à ma sélection/ }).click();
    await expect(card.getByRole('button', { name: /Dans ma sélection/ })).toHaveAttribute('aria-pressed', 'true');

    // A second place, from its own page; the selection survives the visit and a reload.
    await page.goto('/recherche?ou=Cholet&q=Bocage');
    await page.getByRole('link', { name: BOCAGE }).click();
    await page.getByRole('button', { name: /Ajouter à ma sélection/ }).click();
    await page.reload();
    await expect(page.getByRole('link', { name: /Ma sélection \(2\)/ })).toBeVisible();
    await page.getByRole('link', { name: /Ma sélection/ }).click();
    await expect(page.getByTestId('selection-item')).toHaveCount(2);
    await expect(page.getByTestId('selection-item').first()).toContainText(GENETS);

    await page.getByLabel('Note pour la personne (facultatif)').first().fill('Demander Julie, le mardi');
    await page.getByRole('button', { name: `Monter ${BOCAGE}` }).click();
    await expect(page.getByTestId('selection-item').first()).toContainText(BOCAGE);
    await page.getByLabel('Prénom de la personne (facultatif)').fill('Amina');
    await page.getByLabel('Son besoin, en une phrase (facultatif)').fill('Déclarer ses ressources à la CAF');
    await page.getByLabel('Structure').fill('CCAS de Cholet');
    await page.reload();
    await expect(page.getByLabel('Note pour la personne (facultatif)').nth(1)).toHaveValue('Demander Julie, le mardi');
    await expect(page.getByLabel('Structure')).toHaveValue('CCAS de Cholet');
    await expect(page.getByTestId('fiche-place')).toHaveCount(2);
    await expect(page.getByTestId('fiche-place').nth(1)).toContainText('Téléphone : 02 61 91 03 01');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger la fiche (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('fiche-orientation.pdf');
    const pdf = fs.readFileSync((await download.path())!);
    const text = (await pdfText(pdf)).pages.join('\n');
    for (const expected of [GENETS, BOCAGE, 'Téléphone : 02 61 91 03 01', 'Téléphone : 02 61 91 03 02', 'Mardi : 9 h – 12 h, 14 h – 18 h', 'Note : Demander Julie, le mardi', 'Pour : Amina', 'CCAS de Cholet']) {
      expect(text).toContain(expected);
    }
    expect(text.indexOf(BOCAGE)).toBeLessThan(text.indexOf(GENETS));

    await page.getByLabel('Adresse électronique de la personne').fill('amina.e2e@exemple.fr');
    await page.getByRole('button', { name: 'Envoyer par courriel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Fiche envoyée' })).toBeVisible();
    const message = await lastMessageTo(browser, 'amina.e2e@exemple.fr');
    for (const expected of [GENETS, BOCAGE, 'Téléphone : 02 61 91 03 01', 'mardi : 9 h – 12 h, 14 h – 18 h', 'Note : Demander Julie, le mardi']) {
      expect(message.text).toContain(expected);
    }
    const link = message.text.match(/http\S+\/orienter\/fiche\?lieux=\S+/)![0];
    await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await expect(page.getByTestId('fiche-place')).toHaveCount(2);
    await expect(page.getByTestId('fiche-place').first()).toContainText(BOCAGE);
    await expect(page.getByText('Amina')).toHaveCount(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('the guided steps and the selection page have no accessibility violation', async ({ page }) => {
    for (const step of [1, 2, 3, 4]) {
      await page.goto(`/orienter?etape=${step}`);
      expect(await accessibilityViolations(page), `step ${step}`).toEqual([]);
    }
    await page.goto('/orienter/selection');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('the steps work without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/orienter');
    await page.getByLabel(/Aide pour mes papiers en ligne/).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('link', { name: 'Passer cette étape' }).click();
    await expect(page.getByText('Étape 3 sur 4')).toBeVisible();
    await page.getByRole('link', { name: 'Passer cette étape' }).click();
    await page.getByRole('button', { name: 'Voir les lieux' }).click();
    await expect(page).toHaveURL(/\/recherche\?.*besoin=AideAuxDemarchesAdministratives/);
    await expect(page.locator('.result-card').first()).toBeVisible();
    await context.close();
  });
});
