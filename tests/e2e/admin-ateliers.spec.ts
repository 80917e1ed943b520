// An editor creates a weekly series at their place, sees a refused form keep what was typed,
// cancels one session, starts a copy; the public page and the .ics feed both show it cancelled.
import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, test } from './fixtures';
import { signInWithPassword } from './session';

const TILLEULS = 'espace-numerique-des-tilleuls-angers';

function parisDate(daysAhead: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day) + daysAhead)).toISOString().slice(0, 10);
}

/** Follows « Semaine suivante » and waits for the next week's page (its title changes). */
async function nextWeek(page: Page) {
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  await page.getByRole('link', { name: 'Semaine suivante →' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(title ?? '');
}

test('an editor creates a weekly series, cancels one session; the page and the feed show it', async ({ page, request }) => {
  await signInWithPassword(page, 'editeur@tilleuls.example.org', 'demo-editeur-2026');
  await page.goto(`/admin/lieux?q=${encodeURIComponent('Espace numérique des Tilleuls')}`);
  await page.getByRole('link', { name: 'Espace numérique des Tilleuls', exact: true }).click();
  await page.getByRole('link', { name: 'Ateliers de ce lieu', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ateliers — Espace numérique des Tilleuls');

  await page.getByLabel('Titre').fill('Découvrir sa tablette');
  await page.getByLabel('Description courte').fill('Allumer, se connecter au wifi, installer une application.');
  await page.getByLabel('Apprendre à utiliser un ordinateur ou un téléphone').check();
  await page.getByLabel('Date de la première séance').fill(parisDate(14));
  await page.getByLabel('Début (heure du lieu)').fill('10:00');
  await page.getByLabel('Fin', { exact: true }).fill('09:00');
  await page.getByLabel('Répétition').selectOption('weekly');
  await page.getByLabel('Jusqu’au (inclus, si répétée)').fill(parisDate(14 + 21));
  await page.getByRole('button', { name: 'Créer l’atelier' }).click();
  await expect(page.getByText('La fin doit être après le début.')).toBeVisible();
  await expect(page.getByLabel('Titre')).toHaveValue('Découvrir sa tablette');
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByLabel('Fin', { exact: true }).fill('12:00');
  await page.getByRole('button', { name: 'Créer l’atelier' }).click();
  await expect(page.getByText('Atelier créé')).toBeVisible();
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Découvrir sa tablette' }) });
  await expect(section.getByRole('listitem')).toHaveCount(4);
  await section
    .getByRole('button', { name: /Annuler la séance du/ })
    .nth(1)
    .click();
  await expect(section.getByText('· annulée')).toHaveCount(1);

  // « Copier » starts a new atelier from this one: same words and times, no date.
  await section.getByRole('link', { name: 'Copier' }).click();
  await expect(page.getByRole('heading', { name: 'Nouvel atelier, copié de « Découvrir sa tablette »' })).toBeVisible();
  await expect(page.getByLabel('Titre')).toHaveValue('Découvrir sa tablette');
  await expect(page.getByLabel('Début (heure du lieu)')).toHaveValue('10:00');
  await expect(page.getByLabel('Date de la première séance')).toHaveValue('');

  // The week view: the place's week holding the first session, with the cancelled one said so.
  await page.getByRole('link', { name: 'La semaine de ce lieu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Semaine des ateliers');
  await nextWeek(page);
  await nextWeek(page);
  const firstWeek = page.locator('li', { hasText: 'Découvrir sa tablette' });
  await expect(firstWeek).toHaveCount(1);
  await expect(firstWeek).toContainText('10 h 00 – 12 h 00');
  await nextWeek(page);
  await expect(page.locator('li', { hasText: 'Découvrir sa tablette' })).toContainText('annulée');
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.goto('/ateliers/decouvrir-sa-tablette-angers');
  await expect(page.getByText('Séance annulée')).toHaveCount(1);
  const feed = await request.get(`/ateliers.ics?lieu=${TILLEULS}`);
  const text = await feed.text();
  expect(text.match(/SUMMARY:Annulé : Découvrir sa tablette/g)).toHaveLength(1);
  expect(text.match(/SUMMARY:Découvrir sa tablette/g)).toHaveLength(3);
});
