// The public side of ateliers on the demo data: the search (place + radius, keyword, this week,
// free, online, network), a place's next sessions, the atelier page's schema.org Events, and the
// .ics feed read back by ical.js.
import ICAL from 'ical.js';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { GET as placePage } from '../../app/lieux/[slug]/route';
import { AtelierDetail } from '../../components/ateliers/AtelierDetail';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAtelierParams } from '../../lib/ateliers/filters';
import { sessionsCalendar } from '../../lib/ateliers/ics';
import { atelierJsonLd, atelierPage } from '../../lib/ateliers/page';
import { nextSessionsForPlace, searchSessions } from '../../lib/ateliers/search';
import { instantAt, wallTimeIn } from '../../lib/hours/zone';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();
let weekStart: Date; // Monday 08:00 (Paris) of the week of the demo smartphone atelier's first session

beforeAll(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  const first = await db.atelierSession.findFirstOrThrow({
    where: { atelier: { slug: 'prendre-en-main-son-smartphone-cholet' } },
    orderBy: { startsAt: 'asc' },
  });
  const w = wallTimeIn('Europe/Paris', first.startsAt);
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day));
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
  weekStart = instantAt('Europe/Paris', monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), 8, 0);
}, 60_000);

const search = (query: Record<string, string>, now = weekStart) => {
  const { filters, problems } = parseAtelierParams(query);
  return searchSessions(filters, { db, now, problems });
};

describe('searchSessions', () => {
  it('finds « smartphone » ateliers within 20 km of Cholet this week, and not those of Angers', async () => {
    const result = await search({ ou: 'Cholet', rayon: '20', q: 'smartphone', quand: 'semaine' });
    const slugs = new Set(result.sessions.map((s) => s.slug));
    expect(slugs.has('prendre-en-main-son-smartphone-cholet')).toBe(true);
    expect([...slugs].every((s) => s.includes('smartphone'))).toBe(true);
    expect(result.sessions.every((s) => s.distance !== null && s.distance <= 20_000)).toBe(true);
    expect(result.origin?.label).toMatch(/Cholet/);
    const all = await search({ ou: 'Cholet', rayon: '20' });
    expect(all.sessions.some((s) => s.slug === 'arnaques-et-mots-de-passe-angers')).toBe(false);
    expect(all.sessions.some((s) => s.online)).toBe(false);
  });

  it('online only, by theme, and by network', async () => {
    const online = await search({ enligne: '1', gratuit: '1' });
    expect(new Set(online.sessions.map((s) => s.slug))).toEqual(new Set(['visio-en-famille-en-ligne']));
    const admin = await search({ theme: 'AideAuxDemarchesAdministratives' });
    expect(new Set(admin.sessions.map((s) => s.slug))).toEqual(new Set(['demarches-caf-en-ligne-cholet']));
    const network = await db.network.findFirstOrThrow({ where: { members: { some: { place: { name: 'Espace numérique des Tilleuls' } } } } });
    const byNetwork = await search({ reseau: network.slug });
    expect(byNetwork.sessions.some((s) => s.slug === 'arnaques-et-mots-de-passe-angers')).toBe(true);
    const unknown = await search({ ou: 'Xyzzyville' });
    expect(unknown.sessions).toEqual([]);
    expect(unknown.problems[0]).toMatch(/Nous n’avons pas trouvé « Xyzzyville »/);
  });

  it('leaves out the ateliers of unpublished places', async () => {
    const atelier = await db.atelier.findUniqueOrThrow({ where: { slug: 'cv-et-candidatures-en-ligne-cholet' } });
    await db.place.update({ where: { id: atelier.placeId }, data: { status: 'DRAFT' } });
    try {
      expect((await search({})).sessions.some((s) => s.slug === 'cv-et-candidatures-en-ligne-cholet')).toBe(false);
      expect(await atelierPage('cv-et-candidatures-en-ligne-cholet', weekStart, db)).toBeNull();
    } finally {
      await db.place.update({ where: { id: atelier.placeId }, data: { status: 'PUBLISHED' } });
    }
  });
});

describe('a place’s next sessions and the atelier page', () => {
  it('lists the next sessions, the cancelled one marked', async () => {
    const atelier = await db.atelier.findUniqueOrThrow({ where: { slug: 'prendre-en-main-son-smartphone-cholet' } });
    const sessions = await nextSessionsForPlace(atelier.placeId, weekStart, { db });
    expect(sessions).toHaveLength(5);
    expect(sessions.map((s) => s.cancelled)).toEqual([false, false, true, false, false]);
    expect(sessions[0].seats_left).toBe(8);
  });

  it('shows the next sessions on the place’s public page, and none on a place without ateliers', async () => {
    const atelier = await db.atelier.findUniqueOrThrow({ where: { slug: 'prendre-en-main-son-smartphone-cholet' }, include: { place: true } });
    const page = await placePage(new Request(`http://localhost/lieux/${atelier.place.slug}`), { params: Promise.resolve({ slug: atelier.place.slug }) });
    expect(page.status).toBe(200);
    const html = (await page.text()).replace(/<!-- -->/g, '');
    expect(html).toContain('Prochains ateliers');
    expect(html).toContain(atelier.title);
    expect(html).toContain(`/ateliers.ics?lieu=${atelier.place.slug}`);

    const without = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED', ateliers: { none: {} } } });
    const other = await placePage(new Request(`http://localhost/lieux/${without.slug}`), { params: Promise.resolve({ slug: without.slug }) });
    expect(other.status).toBe(200);
    expect(await other.text()).not.toContain('Prochains ateliers');
  });

  it('describes each session as a schema.org Event, cancelled ones with EventCancelled', async () => {
    const atelier = (await atelierPage('prendre-en-main-son-smartphone-cholet', weekStart, db))!;
    const ld = atelierJsonLd(atelier, 'https://reperes.test') as { '@context': string; '@graph': Array<Record<string, unknown>> };
    expect(ld['@context']).toBe('https://schema.org');
    const [first, , third] = ld['@graph'];
    expect(first).toMatchObject({
      '@type': 'Event',
      name: 'Prendre en main son smartphone',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Cholet', addressCountry: 'FR' } },
      offers: { '@type': 'Offer', price: 0, priceCurrency: 'EUR', availability: 'https://schema.org/InStock' },
      isAccessibleForFree: true,
      remainingAttendeeCapacity: 8,
    });
    expect(Date.parse(first.startDate as string)).toBeLessThan(Date.parse(first.endDate as string));
    expect(third.eventStatus).toBe('https://schema.org/EventCancelled');
  });
});

describe('the atelier page', () => {
  it('says a full session is full, offers the waiting list and the next session with seats', async () => {
    const atelier = (await atelierPage('prendre-en-main-son-smartphone-cholet', weekStart, db))!;
    atelier.sessions[0] = { ...atelier.sessions[0], seatsTaken: 8 };
    const html = renderToStaticMarkup(createElement(AtelierDetail, { atelier, baseUrl: 'https://reperes.test', jsonLd: {} }));
    expect(html).toContain('Complet : inscription sur liste d’attente');
    expect(html).toContain('M’inscrire sur la liste d’attente');
    expect(html).toContain(`Des places restent le <a href="#seance-${atelier.sessions[1].id}">`);
  });
});

describe('the .ics feed', () => {
  it('holds a place’s sessions, parsed by ical.js, the cancelled one CANCELLED', async () => {
    const atelier = await db.atelier.findUniqueOrThrow({ where: { slug: 'prendre-en-main-son-smartphone-cholet' }, include: { place: true } });
    const result = await search({ lieu: atelier.place.slug });
    const text = sessionsCalendar(result.sessions, { baseUrl: 'https://reperes.test', name: 'Ateliers', now: weekStart });
    const root = new ICAL.Component(ICAL.parse(text));
    const events = root.getAllSubcomponents('vevent');
    expect(events).toHaveLength(12);
    expect(events.map((e) => e.getFirstPropertyValue('status'))).toEqual(Array.from({ length: 12 }, (_, i) => (i === 2 ? 'CANCELLED' : 'CONFIRMED')));
    expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Paris']);
  });
});
