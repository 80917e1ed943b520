import type { Browser, Page } from '@playwright/test';
import { accessibilityViolations, expect, test } from './fixtures';
import { lastLinkFor, signInWithPassword } from './session';

const COORDINATOR = ['coordination@cybanjou.example.org', 'demo-coord-2026'] as const;
const relative = (link: string) => link.replace(/^https?:\/\/[^/]+/, '');

test.describe.configure({ mode: 'serial' });

async function signedIn(browser: Browser, [email, password]: readonly [string, string]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithPassword(page, email, password);
  return page;
}

test('a coordinator invites an editor, who sets a password, later resets it, and sees only their place', async ({ browser, page }) => {
  const coordinator = await signedIn(browser, COORDINATOR);
  await coordinator.goto('/admin/utilisateurs');
  await expect(coordinator.getByLabel('Rôle')).toHaveText('Responsable de lieu');
  await coordinator.getByLabel('Adresse électronique de la personne').fill('invitee.e2e@exemple.fr');
  await coordinator.getByLabel('Lieux à tenir à jour').selectOption({ label: 'Espace numérique des Violettes (fictif) (Saumur)' });
  await coordinator.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(coordinator.getByRole('status')).toContainText('Invitation envoyée à invitee.e2e@exemple.fr');

  await page.goto(relative(await lastLinkFor(browser, 'invitee.e2e@exemple.fr')));
  await expect(page.getByText('responsable de lieu')).toBeVisible();
  await page.getByLabel('Votre nom').fill('Camille Invitée');
  await page.getByLabel('Mot de passe (facultatif)').fill('court');
  await page.getByLabel('Confirmez le mot de passe').fill('court');
  await page.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await expect(page.locator('.notice[role=alert]')).toContainText('au moins 10 caractères');
  await expect(page.getByLabel('Votre nom')).toHaveValue('Camille Invitée');
  await page.getByLabel('Mot de passe (facultatif)').fill('premier-secret-2026');
  await page.getByLabel('Confirmez le mot de passe').fill('premier-secret-2026');
  await page.getByRole('button', { name: 'Accepter l’invitation' }).click();
  await expect(page.getByRole('status')).toContainText('est prêt');

  // Forgotten password, from the sign-in page.
  await page.goto('/connexion');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await page.getByLabel('Adresse électronique de votre compte').fill('invitee.e2e@exemple.fr');
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.getByRole('status')).toContainText('Si un compte existe');
  await page.goto(relative(await lastLinkFor(browser, 'invitee.e2e@exemple.fr', '/connexion/nouveau-mot-de-passe')));
  await page.getByLabel('Nouveau mot de passe').fill('second-secret-2026');
  await page.getByLabel('Confirmez le mot de passe').fill('second-secret-2026');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByRole('status')).toContainText('mot de passe a été changé');

  await signInWithPassword(page, 'invitee.e2e@exemple.fr', 'second-secret-2026');
  await page.goto('/admin/lieux');
  await expect(page.locator('.admin-table tbody tr')).toHaveCount(1);
  await expect(page.locator('.admin-table tbody')).toContainText('Espace numérique des Violettes (fictif)');
  await coordinator.context().close();
});

test('creating a place warns about a probable duplicate, keeps the input, then places the pin', async ({ browser }) => {
  const page = await signedIn(browser, COORDINATOR);
  await page.goto('/admin/lieux');
  await page.getByRole('link', { name: 'Créer un lieu' }).click();
  await page.getByLabel('Nom du lieu').fill('Espace numerique des Tilleuls');
  await page.getByLabel('Adresse (numéro et voie)').fill('12 rue des Tilleuls');
  await page.getByLabel('Code postal').fill('49100');
  await page.getByLabel('Commune').fill('Angers');
  await page.getByRole('button', { name: 'Créer le lieu (en brouillon)' }).click();
  const warning = page.locator('.notice[role=alert]').filter({ hasText: 'Ce lieu existe peut-être déjà' });
  await expect(warning.getByRole('link', { name: 'Espace numérique des Tilleuls' })).toBeVisible();
  await expect(page.getByLabel('Adresse (numéro et voie)')).toHaveValue('12 rue des Tilleuls');

  // A different place after all: rename it, the warning goes, the place is created.
  await page.getByLabel('Nom du lieu').fill('Atelier numérique de la Doutre');
  await page.getByRole('button', { name: 'Créer le lieu (en brouillon)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lieu créé en brouillon' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atelier numérique de la Doutre');

  // Geocoded offline at the commune: the pin can be dragged onto the entrance.
  const identity = page.locator('form[data-section="identite"]');
  const latitude = identity.getByLabel('Latitude');
  const before = Number(await latitude.inputValue());
  expect(before).toBeGreaterThan(47.3);
  const marker = identity.locator('.leaflet-marker-icon');
  await expect(marker).toBeVisible();
  await identity.locator('.pin-map').scrollIntoViewIfNeeded();
  const box = (await marker.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 60, { steps: 8 });
  await page.mouse.up();
  await expect(identity.getByRole('status').filter({ hasText: 'Repère déplacé' })).toBeVisible();
  const after = Number(await latitude.inputValue());
  expect(after).toBeLessThan(before);
  await identity.getByRole('button', { name: /Enregistrer/ }).click();
  await expect(identity.getByRole('status').filter({ hasText: 'Enregistré.' })).toBeVisible();
  await page.reload();
  await expect(page.locator('form[data-section="identite"]').getByLabel('Latitude')).toHaveValue(String(after));
  await page.context().close();
});

test('bulk actions confirm the checked places and say what they did', async ({ browser }) => {
  const page = await signedIn(browser, COORDINATOR);
  await page.goto('/admin/lieux?maj=6');
  const rows = page.locator('.admin-table tbody tr');
  const stale = await rows.count();
  expect(stale).toBeGreaterThan(1);
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByLabel('Pour les lieux cochés').selectOption({ label: 'Marquer comme vérifiés aujourd’hui' });
  await page.getByRole('button', { name: 'Appliquer' }).click();
  await expect(page.getByRole('status')).toHaveText('2 lieu(x) confirmé(s) aujourd’hui.');
  await page.goto('/admin/lieux?maj=6');
  await expect(rows).toHaveCount(stale - 2);
  // The completeness filter keeps only the listings in that band.
  await page.goto('/admin/lieux');
  await page.getByLabel('Complétude').selectOption({ label: 'Moins de 50 %' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/completude=faible/);
  const scores = await page.locator('.admin-table tbody tr td:last-child').allTextContents();
  expect(scores.length).toBeGreaterThan(0);
  for (const score of scores) expect(parseInt(score, 10)).toBeLessThan(50);
  await page.context().close();
});

test('a coordinator edits an editor’s proposal before publishing it', async ({ browser }) => {
  const editor = await signedIn(browser, ['editeur@tilleuls.example.org', 'demo-editeur-2026']);
  await editor.goto('/admin/lieux?q=Tilleuls');
  await editor.getByRole('link', { name: 'Espace numérique des Tilleuls', exact: true }).click();
  const contact = editor.locator('form[data-section="contact"]');
  await contact.getByLabel('Téléphone').fill('02 41 55 44 33');
  await contact.getByRole('button', { name: /Enregistrer/ }).click();
  await expect(contact.getByRole('status')).toContainText('après validation');

  const coordinator = await signedIn(browser, COORDINATOR);
  await coordinator.goto('/admin/a-valider');
  const item = coordinator.getByTestId('pending-revision').filter({ hasText: '02 41 55 44 33' });
  await item.getByRole('link', { name: 'Modifier avant de valider' }).click();
  await expect(coordinator.locator('.notice--warning').filter({ hasText: 'Proposition de' })).toBeVisible();
  const form = coordinator.locator('form[data-section="contact"]');
  await expect(form.getByLabel('Téléphone')).toHaveValue('+33241554433');
  await form.getByLabel('Téléphone').fill('02 41 55 44 34');
  await form.getByRole('button', { name: /Enregistrer/ }).click();
  await expect(form.getByRole('status')).toHaveText('Enregistré.');
  await coordinator.goto('/admin/a-valider');
  await expect(coordinator.getByTestId('pending-revision').filter({ hasText: '02 41 55 44 33' })).toHaveCount(0);
  await coordinator.goto('/lieux/espace-numerique-des-tilleuls-angers');
  await expect(coordinator.getByRole('link', { name: '02 41 55 44 34' })).toBeVisible();
  await editor.context().close();
  await coordinator.context().close();
});

/** Each role against each admin route: allowed routes answer 200, others 404 or a sign-in redirect. */
test('every admin route enforces its role and scope on the server', async ({ browser, request }) => {
  const admin = await signedIn(browser, ['admin@reperes.example', 'demo-admin-2026']);
  const idOf = async (name: string) => {
    await admin.goto(`/admin/lieux?q=${encodeURIComponent(name)}`);
    return (await admin.getByRole('link', { name, exact: true }).getAttribute('href'))!.split('/').pop()!;
  };
  const cybanjou = await idOf('Espace numérique des Violettes (fictif)');
  const tilleuls = await idOf('Espace numérique des Tilleuls');
  const routes = [
    '/admin',
    '/admin/lieux',
    '/admin/lieux/nouveau',
    '/admin/utilisateurs',
    '/admin/outbox',
    `/admin/lieux/${cybanjou}`,
    `/admin/lieux/${cybanjou}/historique`,
    `/admin/lieux/${tilleuls}`,
  ];
  const expected: Record<string, boolean[]> = {
    admin: [true, true, true, true, true, true, true, true],
    coordinator: [true, true, true, true, false, true, true, true],
    'hub coordinator': [true, true, true, true, false, false, false, false],
    editor: [true, true, false, false, false, false, false, true],
  };
  const pages: Record<string, Page> = {
    admin,
    coordinator: await signedIn(browser, COORDINATOR),
    'hub coordinator': await signedIn(browser, ['coordination@hub-pdl.example.org', 'demo-hub-2026']),
    editor: await signedIn(browser, ['editeur@tilleuls.example.org', 'demo-editeur-2026']),
  };
  for (const [role, page] of Object.entries(pages)) {
    for (const [i, route] of routes.entries()) {
      const response = await page.request.get(route, { maxRedirects: 0 });
      expect(response.status() === 200, `${role} ${route} → ${response.status()}`).toBe(expected[role][i]);
      if (!expected[role][i]) expect([404, 307]).toContain(response.status());
    }
  }
  for (const route of routes) {
    const response = await request.get(route, { maxRedirects: 0 });
    expect(response.status(), `anonymous ${route}`).toBe(307);
    expect(response.headers().location).toContain('/connexion?retour=');
  }
  for (const page of Object.values(pages)) await page.context().close();
});

test('a server action replayed from another origin is refused (CSRF), the same one from ours works', async ({ browser }) => {
  const page = await signedIn(browser, COORDINATOR);
  await page.goto('/admin/lieux?q=Violettes');
  await page.getByRole('link', { name: 'Espace numérique des Violettes (fictif)' }).click();
  await expect(page).toHaveURL(/\/admin\/lieux\/[0-9a-f-]{36}$/);
  const history = page.url() + '/historique';
  const countConfirmations = async () => {
    const view = await page.context().newPage();
    await view.goto(history);
    const count = await view.locator('.history__item').count();
    await view.close();
    return count;
  };
  const [action] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
    page.getByRole('button', { name: 'Tout est à jour (vérifié aujourd’hui)' }).click(),
  ]);
  await page.waitForLoadState('networkidle');
  const start = await countConfirmations();
  const headers = { ...(await action.allHeaders()) };
  for (const h of Object.keys(headers)) if (h.startsWith(':') || h === 'content-length' || h === 'cookie') delete headers[h];

  const forged = await page.request.post(action.url(), { headers: { ...headers, origin: 'https://malveillant.example' }, data: action.postDataBuffer() ?? '' });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await countConfirmations()).toBe(start);

  const ours = await page.request.post(action.url(), { headers, data: action.postDataBuffer() ?? '' });
  expect(ours.status()).toBe(200);
  expect(await countConfirmations()).toBe(start + 1);

  // next-auth refuses a sign-in posted without its CSRF token.
  const context = await browser.newContext();
  const signIn = await context.request.post('/api/auth/callback/password', { form: { email: COORDINATOR[0], password: COORDINATOR[1] }, maxRedirects: 0 });
  expect(signIn.headers()['set-cookie'] ?? '').not.toContain('next-auth.session-token');
  expect((await context.request.get('/admin', { maxRedirects: 0 })).status()).toBe(307);
  await context.close();
  await page.context().close();
});

test('the new back-office pages have no accessibility violation', async ({ page }) => {
  await signInWithPassword(page, 'admin@reperes.example', 'demo-admin-2026');
  for (const path of ['/admin/utilisateurs', '/admin/lieux/nouveau', '/connexion/mot-de-passe-oublie']) {
    await page.goto(path);
    expect(await accessibilityViolations(page), path).toEqual([]);
  }
});
