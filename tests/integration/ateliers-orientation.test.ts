// Ateliers beyond their own pages (issue #19, items 4, 6 and 8) on the demo data and a real
// PostgreSQL: the search's « Ateliers à venir » filter and the cards' next atelier (cancelled
// sessions, cancelled series, unpublished places and far sessions left out), atelier sessions on
// the fiche d'orientation (date in the atelier's zone, how to register, the PDF's text, the share
// link) and the network agenda embed (never a cancelled session, never another network's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as embed } from '../../app/embed/route';
import { networkAgenda } from '../../lib/ateliers/agenda';
import { buildFiche, ficheRequestSchema, ficheText } from '../../lib/orientation/fiche';
import { renderFichePdf } from '../../lib/orientation/pdf';
import { searchPlaces } from '../../lib/search';
import { UPCOMING_ATELIER_DAYS } from '../../lib/search/ateliers';
import { emptyFilters, parseSearchParams, toSearchParams } from '../../lib/search/filters';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';
import { pdfText } from '../helpers/pdf-text';

const db = testDb();
const BASE = 'https://reperes.test';
const GENETS = 'Centre social des Genêts (fictif)';
let now: Date;

const sessionsOf = (slug: string) => db.atelierSession.findMany({ where: { atelier: { slug } }, orderBy: { startsAt: 'asc' } });
const placeOf = async (slug: string) => (await db.atelier.findUniqueOrThrow({ where: { slug }, include: { place: true } })).place;

/** What the filter must find, asked another way (Prisma, not the search's SQL). */
async function expectedPlaces(at: Date): Promise<string[]> {
  const until = new Date(at.getTime() + UPCOMING_ATELIER_DAYS * 86_400_000);
  const rows = await db.place.findMany({
    where: {
      status: 'PUBLISHED',
      archivedAt: null,
      ateliers: { some: { cancelledAt: null, sessions: { some: { cancelledAt: null, startsAt: { gte: at, lt: until } } } } },
    },
    select: { id: true },
  });
  return rows.map((r) => r.id).sort();
}

const filtered = async (at = now) =>
  (await searchPlaces({ ...emptyFilters(), ateliers: true }, { db, now: at, pageSize: 100 })).results.map((r) => r.id).sort();

beforeAll(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  now = new Date();
}, 60_000);
afterAll(() => resetDatabase(db));

describe('the search’s « Ateliers à venir »', () => {
  it('reads ateliers=1 from the URL and writes it back; anything else is named and ignored', () => {
    expect(parseSearchParams({ ateliers: '1' }).filters.ateliers).toBe(true);
    expect(toSearchParams({ ateliers: true }).toString()).toBe('ateliers=1');
    const wrong = parseSearchParams({ ateliers: 'oui' });
    expect(wrong.filters.ateliers).toBe(false);
    expect(wrong.problems).toEqual(['Le filtre « Ateliers à venir » n’a pas été compris : il a été ignoré.']);
  });

  it('finds exactly the published places with a session in the next 30 days, nationally and around Cholet', async () => {
    const expected = await expectedPlaces(now);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(await filtered()).toEqual(expected);
    const around = await searchPlaces({ ...emptyFilters(), ou: 'Cholet', rayon: 20, ateliers: true }, { db, now, pageSize: 100 });
    const genets = await placeOf('prendre-en-main-son-smartphone-cholet');
    expect(around.results.map((r) => r.id)).toContain(genets.id);
    expect(around.results.every((r) => expected.includes(r.id))).toBe(true);
    expect(around.results.every((r) => r.matchedCriteria.some((reason) => reason.kind === 'ateliers'))).toBe(true);
    const without = await searchPlaces({ ...emptyFilters(), ou: 'Cholet', rayon: 20 }, { db, now, pageSize: 100 });
    expect(without.total).toBeGreaterThan(around.total);
    // 200 days on, the demo series are over: nothing.
    expect(await filtered(new Date(now.getTime() + 200 * 86_400_000))).toEqual([]);
  });

  it('leaves out a place whose only coming session is cancelled, a cancelled series, and an unpublished place', async () => {
    const online = await placeOf('visio-en-famille-en-ligne');
    const pij = await placeOf('cv-et-candidatures-en-ligne-cholet');
    const bocage = await placeOf('smartphone-photos-et-messages-cholet');
    const [visio] = await sessionsOf('visio-en-famille-en-ligne');
    await db.atelierSession.update({ where: { id: visio.id }, data: { cancelledAt: now } });
    await db.atelier.update({ where: { slug: 'cv-et-candidatures-en-ligne-cholet' }, data: { cancelledAt: now } });
    await db.place.update({ where: { id: bocage.id }, data: { status: 'DRAFT' } });
    try {
      const found = await filtered();
      expect(found).toEqual(await expectedPlaces(now));
      for (const id of [online.id, pij.id, bocage.id]) expect(found).not.toContain(id);
      // Their cards say no next session (the draft has no card at all).
      const cards = (await searchPlaces(emptyFilters(), { db, now, pageSize: 2000 })).results;
      for (const id of [online.id, pij.id]) expect(cards.find((r) => r.id === id)).toMatchObject({ nextAtelier: null });
      expect(cards.find((r) => r.id === bocage.id)).toBeUndefined();
    } finally {
      await db.atelierSession.update({ where: { id: visio.id }, data: { cancelledAt: null } });
      await db.atelier.update({ where: { slug: 'cv-et-candidatures-en-ligne-cholet' }, data: { cancelledAt: null } });
      await db.place.update({ where: { id: bocage.id }, data: { status: 'PUBLISHED' } });
    }
  });

  it('gives each card its next session, skipping a cancelled one, and none to a place without ateliers', async () => {
    const genets = await placeOf('prendre-en-main-son-smartphone-cholet');
    const sessions = await sessionsOf('prendre-en-main-son-smartphone-cholet');
    expect(sessions[2].cancelledAt).not.toBeNull();
    const page = await searchPlaces({ ...emptyFilters(), ou: 'Cholet', rayon: 20 }, { db, now, pageSize: 100 });
    const card = page.results.find((r) => r.id === genets.id)!;
    expect(card.nextAtelier).toMatchObject({
      slug: 'prendre-en-main-son-smartphone-cholet',
      title: 'Prendre en main son smartphone',
      timeZone: 'Europe/Paris',
    });
    expect(card.nextAtelier!.startsAt.getTime()).toBe(sessions[0].startsAt.getTime());
    expect(page.results.some((r) => r.nextAtelier === null)).toBe(true);
    // Just after the second session began, the next one is the fourth: the third is cancelled.
    const later = await searchPlaces(
      { ...emptyFilters(), ou: 'Cholet', rayon: 20 },
      { db, now: new Date(sessions[1].startsAt.getTime() + 60_000), pageSize: 100 },
    );
    expect(later.results.find((r) => r.id === genets.id)!.nextAtelier!.startsAt.getTime()).toBe(sessions[3].startsAt.getTime());
  });
});

describe('atelier sessions on the fiche d’orientation', () => {
  it('still reads a request saved before sessions existed, and refuses an empty one in French', () => {
    const genets = '00000000-0000-4000-8000-000000000000';
    expect(ficheRequestSchema.parse({ places: [{ id: genets }] }).sessions).toEqual([]);
    expect(ficheRequestSchema.safeParse({ places: [], sessions: [] }).error?.issues[0].message).toBe(
      'La sélection est vide : ajoutez au moins un lieu ou un atelier.',
    );
    expect(ficheRequestSchema.safeParse({ sessions: [{ id: 'x' }] }).error?.issues[0].message).toBe('Séance inconnue.');
  });

  it('shows a session with its place, its date in Paris time and how to register; never a cancelled one or an unpublished place’s', async () => {
    const smartphone = await sessionsOf('prendre-en-main-son-smartphone-cholet');
    const [photos] = await sessionsOf('smartphone-photos-et-messages-cholet');
    const [cv] = await sessionsOf('cv-et-candidatures-en-ligne-cholet');
    const pij = await placeOf('cv-et-candidatures-en-ligne-cholet');
    await db.place.update({ where: { id: pij.id }, data: { status: 'DRAFT' } });
    try {
      const request = ficheRequestSchema.parse({
        sessions: [{ id: smartphone[0].id, note: 'Apporter son téléphone' }, { id: photos.id }, { id: smartphone[2].id }, { id: cv.id }],
        firstName: 'Amina',
      });
      const fiche = await buildFiche(db, request, BASE, now);
      expect(fiche.places).toEqual([]);
      expect(fiche.sessions.map((s) => s.id)).toEqual([smartphone[0].id, photos.id]);
      const [first, second] = fiche.sessions;
      const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
      expect(first).toMatchObject({
        title: 'Prendre en main son smartphone',
        when: `${day.format(smartphone[0].startsAt)}, 14 h 00 – 16 h 00`,
        registration: `Inscription en ligne, sans compte : ${BASE}/ateliers/prendre-en-main-son-smartphone-cholet`,
        note: 'Apporter son téléphone',
        placeName: GENETS,
      });
      expect(first.address.join(' ')).toContain('Cholet');
      expect(second.registration).toBe('Inscription par téléphone : 02 41 00 00 00');
      expect(second.registrationUrl).toBe('tel:+33241000000');
      expect(fiche.shareUrl).toBe(`${BASE}/orienter/fiche?seances=${smartphone[0].id}%2C${photos.id}`);
      expect(ficheText(fiche)).toContain(`${day.format(smartphone[0].startsAt)}, 14 h 00 – 16 h 00`);

      const { pages } = await pdfText(await renderFichePdf(fiche));
      const text = pages.join('\n');
      expect(text).toContain('Prendre en main son smartphone');
      expect(text).toContain('14 h 00 – 16 h 00');
      expect(text).toContain('Inscription par téléphone : 02 41 00 00 00');
      expect(text).toContain('Inscription en ligne, sans compte : https://reperes.test/ateliers/');
      expect(text).toContain('prendre-en-main-son-smartphone-cholet');
      expect(text).not.toContain('CV et candidatures');
    } finally {
      await db.place.update({ where: { id: pij.id }, data: { status: 'PUBLISHED' } });
    }
  });
});

describe('the network agenda embed', () => {
  it('lists the network’s coming sessions only, never a cancelled one', async () => {
    const cybanjou = await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' }, include: { members: true } });
    const members = new Set(cybanjou.members.map((m) => m.placeId));
    const sessions = await networkAgenda(cybanjou.id, { now, limit: 200, db });
    const cancelled = (await sessionsOf('prendre-en-main-son-smartphone-cholet'))[2];
    expect(sessions.length).toBeGreaterThan(10);
    expect(sessions.some((s) => s.session_id === cancelled.id)).toBe(false);
    expect(sessions.every((s) => !s.cancelled)).toBe(true);
    const places = await db.place.findMany({ where: { slug: { in: [...new Set(sessions.map((s) => s.place_slug))] } } });
    expect(places.every((p) => members.has(p.id))).toBe(true);
    expect(sessions.some((s) => s.slug === 'visio-en-famille-en-ligne')).toBe(false);
    // A member place put back to draft takes its ateliers off the agenda.
    const genets = await placeOf('prendre-en-main-son-smartphone-cholet');
    await db.place.update({ where: { id: genets.id }, data: { status: 'DRAFT' } });
    try {
      const without = await networkAgenda(cybanjou.id, { now, limit: 200, db });
      expect(without.some((s) => s.slug === 'prendre-en-main-son-smartphone-cholet')).toBe(false);
      expect(without.length).toBeGreaterThan(0);
    } finally {
      await db.place.update({ where: { id: genets.id }, data: { status: 'PUBLISHED' } });
    }
  });

  it('answers /embed?reseau=…&vue=ateliers with the agenda, and 404 in French for an unknown network', async () => {
    const page = await embed(new Request('http://localhost/embed?reseau=hub-pdl&vue=ateliers'));
    expect(page.status).toBe(200);
    const html = (await page.text()).replace(/<!-- -->/g, '');
    expect(html).toContain('Les ateliers du réseau Hub numérique Pays de la Loire (fictif)');
    expect(html).toContain('Faire ses démarches CAF en ligne');
    expect(html).toContain('Faire une visio avec sa famille');
    expect(html).not.toContain('Prendre en main son smartphone');
    expect(html).not.toContain('data-selection-session');
    expect(html).toContain('target="_top"');
    const unknown = await embed(new Request('http://localhost/embed?reseau=inconnu&vue=ateliers'));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Ce réseau n’existe pas sur Repères');
  });
});
