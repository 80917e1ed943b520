// Hostile content: a place whose every text field holds script or HTML payloads, and whose links
// are `javascript:` URLs, renders inert on the public pages (no dialog, no injected element, no
// script link) and in the exports (CSV cells that a spreadsheet would read as formulas are
// neutralised; JSON and GeoJSON are served as data).
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { createPrismaClient } from '../../lib/db/client';
import { e2eDatabaseUrl } from './e2e-database';
import { expect, test } from './fixtures';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const SLUG = 'lieu-xss-fictif-angers';
const ID = '00000000-0000-4000-8000-0000000a55a5';
const PAYLOAD = `${SCRIPT}${IMG}<svg onload=alert(1)>`;

test.describe.configure({ mode: 'serial' });

const prisma = createPrismaClient(e2eDatabaseUrl(), { max: 1 });

test.beforeAll(async () => {
  await prisma.place.deleteMany({ where: { id: ID } });
  const network = await prisma.network.findUniqueOrThrow({ where: { slug: 'cybanjou' } });
  await prisma.place.create({
    data: {
      id: ID,
      slug: SLUG,
      status: 'PUBLISHED',
      name: `Lieu XSS ${PAYLOAD}`,
      street: `1 rue ${PAYLOAD}`,
      addressComplement: `-2+3+cmd|' /C calc'!A0 ${IMG}`,
      postcode: '49000',
      commune: 'Angers',
      inseeCode: '49007',
      latitude: 47.4712,
      longitude: -0.5518,
      typologies: ['EPN'],
      phone: '+33241000000',
      emails: [`contact${IMG}@exemple.fr`],
      websites: ['javascript:alert(1)', `https://exemple.fr/${IMG}`, ' JaVaScRiPt:alert(document.domain)'],
      openingHours: `Mo-Fr 09:00-12:00 ${SCRIPT}`,
      summary: `=HYPERLINK("http://evil.example","clic") ${SCRIPT}`.slice(0, 280),
      presentation: `${PAYLOAD}\n\n<a href="javascript:alert(1)">clic</a> <iframe src="javascript:alert(1)"></iframe>`,
      source: `@SUM(A1:A9) ${SCRIPT}`,
      parentStructure: `+SUM(1,2) ${IMG}`,
      dateMaj: new Date(),
      confirmedBy: `Quelqu’un ${SCRIPT}`,
      confirmedByKind: 'reseau',
      services: ['AideAuxDemarchesAdministratives'],
      otherLabels: [`=1+1 ${SCRIPT}`],
      accesLibreUrl: 'javascript:alert(1)',
      appointmentUrl: 'data:text/html,<script>alert(1)</script>',
      practicalInfo: `Apporter ${PAYLOAD}`,
      networks: { create: { networkId: network.id } },
    },
  });
});

test.afterAll(async () => {
  await prisma.place.deleteMany({ where: { id: ID } });
  await prisma.$disconnect();
});

/** Opens a page, watching for any dialog (alert, confirm, prompt) for its whole life. */
async function openInert(page: Page, path: string) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(path);
  expect(response!.status(), path).toBe(200);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"], svg[onload], iframe[src^="javascript" i]').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    scriptLinks: [...document.querySelectorAll('a[href], form[action], iframe[src]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('action') ?? el.getAttribute('src') ?? '')
      .filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)),
    // Next's own data stream (self.__next_f.push("…")) carries the text as an escaped string;
    // data blocks (JSON-LD, the map's data) are never executed.
    executableScripts: [...document.querySelectorAll('script')].filter(
      (s) =>
        !['application/ld+json', 'application/json'].includes(s.type) &&
        !/^\s*\(?self\.__next_f/.test(s.textContent ?? '') &&
        /alert\(/.test(s.textContent ?? ''),
    ).length,
    // A data block must not be able to close its own element.
    dataBlocksClosed: [...document.querySelectorAll('script[type$="json"]')].filter((s) => /<\/script/i.test(s.textContent ?? '')).length,
  }));
  expect(injected, path).toEqual({ images: 0, handlers: 0, scriptLinks: [], executableScripts: 0, dataBlocksClosed: 0 });
  return dialogs;
}

test('the place page shows the payloads as text and links nothing but web addresses', async ({ page }) => {
  const dialogs = await openInert(page, `/lieux/${SLUG}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Lieu XSS ${SCRIPT}`);
  await expect(page.getByText('Site : javascript:alert(1)')).toBeVisible();
  await expect(page.getByRole('link', { name: 'prendre rendez-vous en ligne' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Fiche d’accessibilité sur acceslibre' })).toHaveCount(0);
  // The safe website stays a link, its markup escaped.
  await expect(page.getByRole('link', { name: /^exemple\.fr/ })).toHaveAttribute('href', /^https:\/\/exemple\.fr\/%22%3E/);
  // The JSON-LD data block cannot close its script element.
  const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
  expect(JSON.parse(jsonLd!).name).toContain(SCRIPT);
  expect(jsonLd).not.toContain('</script');
  expect(dialogs).toEqual([]);
});

test('search results, their map and the network page render the payloads inert', async ({ page }) => {
  const search = await openInert(page, '/recherche?ou=Angers&q=XSS');
  await expect(page.locator('.result-card').filter({ hasText: 'Lieu XSS' })).toHaveCount(1);
  const marker = page.locator('.leaflet-marker-icon').first();
  await expect(marker).toBeVisible();
  await marker.click();
  await expect(page.locator('.leaflet-popup-content')).toContainText('Lieu XSS');
  expect(await page.locator('.leaflet-popup-content img, .leaflet-popup-content script').count()).toBe(0);
  expect(search).toEqual([]);

  const network = await openInert(page, '/reseaux/cybanjou?q=XSS');
  await expect(page.locator('.result-card').filter({ hasText: 'Lieu XSS' })).toHaveCount(1);
  expect(network).toEqual([]);

  const commune = await openInert(page, '/communes/49007-angers');
  expect(commune).toEqual([]);
});

test('the exports keep the payloads as data and neutralise spreadsheet formulas', async ({ request }) => {
  const csv = await request.get('/donnees/export/csv');
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect(csv.headers()['x-content-type-options']).toBe('nosniff');
  const rows = parse(await csv.text(), { columns: true, bom: true }) as Array<Record<string, string>>;
  const row = rows.find((r) => r.id === ID)!;
  expect(row.nom).toBe(`Lieu XSS ${PAYLOAD}`);
  for (const [column, value] of Object.entries(row)) {
    if (/^[=+\-@\t\r]/.test(value)) {
      const legit = (column === 'telephone' && value === '+33241000000') || (column === 'longitude' && value === '-0.5518');
      expect(legit, `${column}: ${value}`).toBe(true);
    }
  }
  expect(row.presentation_resume.startsWith(`'=HYPERLINK`)).toBe(true);
  expect(row.source.startsWith(`'@SUM`)).toBe(true);
  expect(row.structure_parente.startsWith(`'+SUM`)).toBe(true);
  expect(row.complement_adresse.startsWith(`'-2+3`)).toBe(true);
  expect(row.autres_formations_labels.startsWith(`'=1+1`)).toBe(true);

  for (const [path, type] of [
    ['/donnees/export/json', /^application\/json/],
    ['/donnees/export/geojson', /^application\/geo\+json/],
    [`/api/v1/lieux/${ID}`, /^application\/json/],
  ] as const) {
    const response = await request.get(path);
    expect(response.headers()['content-type'], path).toMatch(type);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
    const text = await response.text();
    expect(text, path).toContain(JSON.stringify(`Lieu XSS ${PAYLOAD}`).slice(1, -1));
  }
});
