// An editor imports their place's calendar file on its ateliers page: the report says what was
// created and what was refused and why; the same file again changes nothing; a broken file is
// refused whole. Another network's coordinator posting the same form writes nothing.
import type { Browser } from '@playwright/test';
import { accessibilityViolations, expect, test } from './fixtures';
import { signInWithPassword } from './session';

const TILLEULS = 'espace-numerique-des-tilleuls-angers';

function parisDay(daysAhead: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day) + daysAhead)).toISOString().slice(0, 10).replace(/-/g, '');
}

const calendar = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Agenda//FR',
    ...events.map((e) => ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...e, 'END:VEVENT'].join('\r\n')),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
const day = parisDay(20);
const FEED = calendar(
  [
    'UID:tablette@agenda.example',
    `DTSTART;TZID=Europe/Paris:${day}T100000`,
    `DTEND;TZID=Europe/Paris:${day}T120000`,
    'RRULE:FREQ=WEEKLY;COUNT=3',
    'SUMMARY:Tablette importée',
  ],
  ['UID:envers@agenda.example', `DTSTART;TZID=Europe/Paris:${day}T160000`, `DTEND;TZID=Europe/Paris:${day}T150000`, 'SUMMARY:À l’envers'],
);
const file = (text: string, name = 'agenda.ics') => ({ name, mimeType: 'text/calendar', buffer: Buffer.from(text) });

async function upload(page: import('@playwright/test').Page, text: string, name?: string) {
  await page.getByLabel('Fichier du calendrier (.ics)').setInputFiles(file(text, name));
  await page.getByLabel('Thème des évènements sans catégorie du standard').selectOption('MaitriseDesOutilsNumeriquesDuQuotidien');
  await page.getByRole('button', { name: 'Importer le calendrier' }).click();
}

async function hubCoordinatorPosts(browser: Browser, baseURL: string, path: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInWithPassword(page, 'coordination@hub-pdl.example.org', 'demo-hub-2026');
  const response = await page.request.post(path, {
    headers: { origin: new URL(baseURL).origin },
    maxRedirects: 0,
    multipart: {
      calendrier: file(
        calendar(['UID:intrus@x', `DTSTART;TZID=Europe/Paris:${day}T180000`, `DTEND;TZID=Europe/Paris:${day}T190000`, 'SUMMARY:Atelier intrus']),
      ),
      theme: 'LoisirsEtCreationsNumeriques',
    },
  });
  const back = await page.goto(path.replace(/\/import$/, ''));
  await context.close();
  return [response.status(), back?.status()];
}

test('an editor imports a calendar file; a re-import changes nothing; another network’s coordinator cannot', async ({ page, request, browser, baseURL }) => {
  await signInWithPassword(page, 'editeur@tilleuls.example.org', 'demo-editeur-2026');
  await page.goto(`/admin/lieux?q=${encodeURIComponent('Espace numérique des Tilleuls')}`);
  await page.getByRole('link', { name: 'Espace numérique des Tilleuls', exact: true }).click();
  await page.getByRole('link', { name: 'Ateliers de ce lieu', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ateliers — Espace numérique des Tilleuls');
  const path = new URL(page.url()).pathname;

  await upload(page, FEED);
  const report = page.locator('#rapport-import');
  await expect(report).toContainText('1 atelier(s) créé(s), 0 modifié(s), 0 inchangé(s)');
  await expect(report).toContainText('Refusé « À l’envers » (UID envers@agenda.example) : La fin de l’évènement est avant son début');
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Tablette importée' }) });
  await expect(section.getByRole('listitem')).toHaveCount(3);
  expect(await accessibilityViolations(page)).toEqual([]);

  await upload(page, FEED);
  await expect(report).toContainText('0 atelier(s) créé(s), 0 modifié(s), 1 inchangé(s)');
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Tablette importée' }) })).toHaveCount(1);

  await upload(page, FEED.replace('SUMMARY:Tablette importée', 'SUMMARY Tablette importée'), 'casse.ics');
  await expect(report).toContainText('Le calendrier a une ligne illisible');
  await expect(report).toContainText('Rien n’a été importé');
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Tablette importée' }) })).toHaveCount(1);

  // Another network's coordinator: the same form posted to this place writes nothing (and the page is not theirs).
  expect(await hubCoordinatorPosts(browser, baseURL!, `${path}/import`)).toEqual([303, 404]);
  const feed = await (await request.get(`/ateliers.ics?lieu=${TILLEULS}`)).text();
  expect(feed).toContain('SUMMARY:Tablette importée');
  expect(feed).not.toContain('Atelier intrus');
});
