import fs from 'node:fs';
import { pdfText } from '../helpers/pdf-text';
import { accessibilityViolations, expect, test } from './fixtures';
import { lastMessageTo, signInWithPassword } from './session';

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
    for (const expected of [
      GENETS,
      BOCAGE,
      'Téléphone : 02 61 91 03 01',
      'Téléphone : 02 61 91 03 02',
      'Mardi : 9 h – 12 h, 14 h – 18 h',
      'Note : Demander Julie, le mardi',
      'Pour : Amina',
      'CCAS de Cholet',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text.indexOf(BOCAGE)).toBeLessThan(text.indexOf(GENETS));

    // Anonymous: no server-sent mail (the project's domain is no open relay), but a mailto: link
    // that opens the professional's own mail app with the share link.
    await expect(page.getByLabel('Adresse électronique de la personne')).toHaveCount(0);
    const mailto = (await page.getByRole('link', { name: 'Écrire avec ma messagerie' }).getAttribute('href'))!;
    expect(mailto).toMatch(/^mailto:\?subject=/);
    const mailtoBody = decodeURIComponent(mailto.slice(mailto.indexOf('body=') + 5));
    expect(mailtoBody).toContain('Bonjour Amina,');
    expect(mailtoBody).toMatch(/\/orienter\/fiche\?lieux=mediatheque-du-bocage/);
    const refused = await page.request.post('/api/orientation/envoi', {
      data: {
        fiche: {
          places: [{ id: '00000000-0000-4000-8000-000000000000', note: '' }],
          firstName: '',
          need: 'https://arnaque.example',
          professional: { structure: '', contact: '' },
        },
        email: 'victime.e2e@exemple.fr',
      },
    });
    expect(refused.status()).toBe(401);

    // A professional with an account may have Repères send the PDF, under their name.
    await signInWithPassword(page, 'editeur@tilleuls.example.org', 'demo-editeur-2026');
    await page.goto('/orienter/selection');
    await expect(page.getByTestId('selection-item')).toHaveCount(2);
    // A link in a note is refused with a French message, and what was typed stays.
    await page.getByLabel('Note pour la personne (facultatif)').first().fill('Voir www.arnaque.fr');
    await page.getByLabel('Adresse électronique de la personne').fill('amina.e2e@exemple.fr');
    await page.getByRole('button', { name: 'Envoyer la fiche par Repères' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Les adresses web ne sont pas acceptées' })).toBeVisible();
    await expect(page.getByLabel('Adresse électronique de la personne')).toHaveValue('amina.e2e@exemple.fr');
    await page.getByLabel('Note pour la personne (facultatif)').first().fill('');
    await page.getByRole('button', { name: 'Envoyer la fiche par Repères' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Fiche envoyée' })).toBeVisible();
    const message = await lastMessageTo(browser, 'amina.e2e@exemple.fr');
    for (const expected of [
      GENETS,
      BOCAGE,
      'Téléphone : 02 61 91 03 01',
      'mardi : 9 h – 12 h, 14 h – 18 h',
      'Note : Demander Julie, le mardi',
      'Fiche envoyée par',
    ]) {
      expect(message.text).toContain(expected);
    }
    // The anonymous request above sent nothing (the end-to-end server's mail goes to an SMTP sink).
    await expect(lastMessageTo(browser, 'victime.e2e@exemple.fr')).rejects.toThrow('No message');
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
