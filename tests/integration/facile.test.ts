// The easy-to-read pages (/facile) read the standard pages' loaders (lib/search/page loadSearch,
// lib/places/page resolvePlacePage) and keep only what they need: these tests run those loaders on
// the test data set and check that what the views get is there, in easy-to-read words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facileParams, facilePlace, facileSearch, facileSearchHref } from '../../lib/facile/present';
import { NEED_WORDS } from '../../lib/facile/words';
import { resolvePlacePage } from '../../lib/places/page';
import { loadSearch } from '../../lib/search/page';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();
// Tuesday 8 December 2026, 10:00 in Paris.
const NOW = new Date('2026-12-08T09:00:00Z');
const STATES = /^(Ouvert maintenant\.|Fermé maintenant\.|Nous ne connaissons pas les horaires\.)$/;
const THEN =
  /^(Ferme (à|demain à|\S+ à|le .+ à) .*heures?( \d{2})?\.|Ferme à (midi|minuit)\.|Ouvre (aujourd’hui|demain|\S+|le .+) à .+\.|Téléphonez avant de venir\.)$/;

describe('the easy-to-read pages’ data', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('gives each result of a search around Angers its name, where, when, phone and distance, nearest first', async () => {
    const search = facileSearch(await loadSearch({ ou: 'Angers' }, undefined, { pageSize: 10 }));
    expect(search.heading).toBe('Les lieux près d’Angers');
    expect(search.from).toBe('du centre d’Angers');
    expect(search.notFound).toBe(false);
    expect(search.count).toBeGreaterThan(3);
    expect(search.cards.length).toBe(Math.min(10, search.count));
    for (const card of search.cards) {
      expect(card.name).not.toBe('');
      expect(card.where.at(-1)).toMatch(/^\d{5} \S/);
      expect(card.distance).toMatch(/^À \d+(,\d)? (mètres|kilomètres?)$/);
      expect(card.when.first).toMatch(STATES);
      if (card.when.then) expect(card.when.then).toMatch(THEN);
      // Words, not abbreviations: no "h" for hours, no "km".
      expect(`${card.when.first} ${card.when.then ?? ''} ${card.distance}`).not.toMatch(/\b(h|km)\b/);
      if (card.phone) {
        expect(card.phone.href).toMatch(/^tel:(\+33|0)\d{9}$/);
        expect(card.phone.text).toMatch(/^0\d( \d{2}){4}$/);
      }
      if (card.directions) expect(card.directions.map).toMatch(/^https:\/\/www\.openstreetmap\.org\/directions\?to=/);
    }
    expect(search.cards.some((card) => card.phone)).toBe(true);
    const metres = search.cards.map((card) => {
      const [, value, unit] = /^À ([\d,]+) (\S+)$/.exec(card.distance!)!;
      return Number(value.replace(',', '.')) * (unit === 'mètres' ? 1 : 1000);
    });
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
  });

  it('keeps only the places offering the need chosen, and says that need in easy-to-read words', async () => {
    const data = await loadSearch({ ou: 'Angers', besoin: 'AideAuxDemarchesAdministratives' }, undefined, { pageSize: 10 });
    const search = facileSearch(data);
    expect(search.need?.label).toBe('Faire mes papiers sur internet');
    expect(search.cards.length).toBeGreaterThan(0);
    const places = await db.place.findMany({ where: { slug: { in: search.cards.map((c) => c.slug) } }, select: { services: true } });
    for (const place of places) expect(place.services).toContain('AideAuxDemarchesAdministratives');
  });

  it('says simply when the town is not found, with no result', async () => {
    const search = facileSearch(await loadSearch({ ou: 'Xqzwvillebourg' }));
    expect(search).toMatchObject({ heading: null, notFound: true, town: 'Xqzwvillebourg', count: 0, cards: [] });
  });

  it('reads only a town, one need, the radius and the page from the URL', () => {
    const params = facileParams(new URL('http://x/facile/recherche?ou=+Angers+&besoin=AideAuxDemarchesAdministratives&frais=Payant&q=%3Cscript%3E&page=2'));
    expect(params).toEqual({ ou: 'Angers', besoin: 'AideAuxDemarchesAdministratives', page: '2' });
    expect(facileSearchHref(params, { page: '' })).toBe('/facile/recherche?ou=Angers&besoin=AideAuxDemarchesAdministratives');
  });

  it('gives a place’s page where, when (the week), how to come, phone, needs and price', async () => {
    const row = await db.place.findFirstOrThrow({
      where: { status: 'PUBLISHED', phone: { not: null }, openingHours: { not: null }, services: { isEmpty: false }, latitude: { not: null } },
      orderBy: { slug: 'asc' },
    });
    const page = await resolvePlacePage(row.slug, NOW);
    if (page.kind !== 'published') throw new Error(`expected a published page, got ${page.kind}`);
    const place = facilePlace(page.place, NOW);
    expect(place.name).toBe(row.name);
    expect(place.where.at(-1)).toBe(`${row.postcode} ${row.commune}`);
    expect(place.week.map((line) => line.day)).toEqual(['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche']);
    expect(place.week.filter((line) => line.today).map((line) => line.day)).toEqual(['Mardi']);
    for (const line of place.week) expect(line.text).toMatch(/^(de .+\.|fermé\.|fermé, c’est un jour férié\.)/);
    expect(place.phone?.href).toMatch(/^tel:/);
    expect(place.needs.map((need) => need.label)).toEqual(row.services.map((key) => NEED_WORDS[key].label));
    if (!row.locationApproximate) expect(place.directions?.phone).toMatch(/^geo:/);
    expect(place.when.first).toMatch(STATES);
  });
});
