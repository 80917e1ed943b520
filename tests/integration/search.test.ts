import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geocode } from '../../lib/geo';
import { instantAt } from '../../lib/hours';
import { replaceOpeningSlots } from '../../lib/places/opening-slots';
import { parseSearchParams } from '../../lib/search/filters';
import { NATIONAL_COUNT_CAP, searchPlaces } from '../../lib/search';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();
const search = (params: Record<string, string | string[]>, now = new Date()) => {
  const { filters, problems } = parseSearchParams(params);
  return searchPlaces(filters, { db, now, problems, pageSize: 100 });
};

// Tuesday 10 March 2026, 10:00 in Paris.
const TUESDAY_MORNING = instantAt('Europe/Paris', 2026, 3, 10, 10, 0);

describe('the public search', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    // Two places of our own with known hours, far from Maine-et-Loire, including overseas.
    for (const place of [
      {
        slug: 'test-reunion',
        name: 'Case numérique de test',
        commune: 'Saint-Denis',
        postcode: '97400',
        inseeCode: '97411',
        latitude: -20.8823,
        longitude: 55.4504,
        timeZone: 'Indian/Reunion',
        openingHours: 'Mo-Fr 07:30-12:00',
      },
      {
        slug: 'test-paris',
        name: 'Espace de test parisien',
        commune: 'Paris',
        postcode: '75011',
        inseeCode: '75111',
        latitude: 48.859,
        longitude: 2.38,
        timeZone: 'Europe/Paris',
        openingHours: 'Mo-Fr 09:00-12:00; PH off',
      },
    ]) {
      const created = await db.place.create({
        data: { ...place, street: '1 rue du Test', status: 'PUBLISHED', dateMaj: new Date(), services: ['AideAuxDemarchesAdministratives'], fees: ['Gratuit'] },
      });
      await replaceOpeningSlots(db, created.id);
    }
  });
  it('finds the places around a commune, nearest first, within the radius', async () => {
    const response = await search({ ou: 'Saumur', rayon: '10' });
    expect(response.origin?.label).toBe('Saumur');
    expect(response.results.length).toBeGreaterThanOrEqual(5);
    const distances = response.results.map((r) => r.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(10);
    expect(response.results.some((r) => r.commune === 'Saumur')).toBe(true);
    const wider = await search({ ou: 'Saumur', rayon: '40' });
    expect(wider.total).toBeGreaterThan(response.total);
  });

  it('resolves a postcode offline, and reports an unknown place without failing', async () => {
    expect((await search({ ou: '49300' })).origin?.label).toBe('Cholet');
    const unknown = await search({ ou: 'Zzyzx-sur-Mer' });
    expect(unknown.origin).toBeNull();
    expect(unknown.problems[0]).toContain('Nous n’avons pas trouvé « Zzyzx-sur-Mer »');
    // No search of the whole country instead: the notice is the answer.
    expect(unknown.total).toBe(0);
    expect(unknown.results).toEqual([]);
    // A bad filter beside a known place: the French message, and the rest of the search answers.
    const bad = await search({ ou: 'Saumur', rayon: '900' });
    expect(bad.origin?.label).toBe('Saumur');
    expect(bad.problems.join(' ')).toContain('rayon');
    expect(bad.total).toBeGreaterThan(0);
  });

  it('applies every filter family, combining families with AND', async () => {
    const all = await search({});
    const checks: Array<[Record<string, string>, (r: Awaited<ReturnType<typeof search>>['results'][number]) => boolean]> = [
      [{ besoin: 'AideAuxDemarchesAdministratives' }, (r) => r.services.includes('AideAuxDemarchesAdministratives')],
      [{ frais: 'Gratuit' }, (r) => r.fees.includes('Gratuit')],
      [{ acces: 'PrendreRdvEnLigne' }, (r) => r.accessModes.includes('PrendreRdvEnLigne')],
      [{ type: 'france-services' }, (r) => r.typologies.includes('RFS') || r.typologies.includes('MSAP')],
      [{ itinerance: 'itinerant' }, (r) => r.itinerant],
      [{ itinerance: 'fixe' }, (r) => !r.itinerant],
    ];
    for (const [params, predicate] of checks) {
      const response = await search(params);
      expect(response.total, JSON.stringify(params)).toBeGreaterThan(0);
      expect(response.total, JSON.stringify(params)).toBeLessThan(all.total);
      expect(response.results.every(predicate), JSON.stringify(params)).toBe(true);
    }
    for (const params of <Array<Record<string, string>>>[
      { public: 'Seniors' },
      { prise_en_charge: 'LanguesEtrangeresAnglais' },
      { accompagnement: 'DansUnAtelier' },
      { dispositif: 'FranceServices' },
      { reseau: 'hub-pdl' },
    ]) {
      const response = await search(params);
      expect(response.total, JSON.stringify(params)).toBeGreaterThan(0);
      expect(response.total, JSON.stringify(params)).toBeLessThan(all.total);
    }
    const both = await search({ besoin: 'AideAuxDemarchesAdministratives', frais: 'Gratuit' });
    const needOnly = await search({ besoin: 'AideAuxDemarchesAdministratives' });
    expect(both.total).toBeLessThanOrEqual(needOnly.total);
    expect(
      both.results.every((r) =>
        expect
          .arrayContaining([
            { kind: 'service', key: 'AideAuxDemarchesAdministratives' },
            { kind: 'fee', key: 'Gratuit' },
          ])
          .asymmetricMatch(r.matchedCriteria),
      ),
    ).toBe(true);
    expect(both.facets.frais.Gratuit).toBe(both.total);
  });

  it('searches names without accents and with a typo', async () => {
    const exact = await search({ q: 'médiathèque' });
    expect(exact.total).toBeGreaterThan(0);
    expect((await search({ q: 'mediatheque' })).total).toBe(exact.total);
    expect((await search({ q: 'Tiers-lieu' })).total).toBeGreaterThan(0);
    // A typo: no exact match, so the trigram similarity answers.
    const typo = await search({ q: 'mediateque' });
    expect(typo.total).toBeGreaterThan(0);
    expect(typo.results[0].name).toMatch(/Médiathèque/);
  });

  it('finds an itinerant bus at one of its stops', async () => {
    const bus = await db.place.findFirstOrThrow({ where: { itinerance: { has: 'Itinerant' } }, include: { stops: true } });
    const stop = bus.stops[0];
    const response = await search({ lat: String(stop.latitude), lng: String(stop.longitude), rayon: '2' });
    const found = response.results.find((r) => r.id === bus.id);
    expect(found?.matchedStop?.label).toBe(stop.label);
    expect(found!.distanceKm!).toBeLessThan(0.1);
  });

  it('computes "open now" in each place’s own time zone', async () => {
    // 04:00 UTC: 08:00 in Réunion (open), 05:00 in Paris (closed).
    const at = new Date('2026-03-10T04:00:00Z');
    const response = await search({ ouvert: 'maintenant', besoin: 'AideAuxDemarchesAdministratives' }, at);
    const slugs = response.results.map((r) => r.slug);
    expect(slugs).toContain('test-reunion');
    expect(slugs).not.toContain('test-paris');
    expect(response.results.every((r) => r.openingState.status === 'open')).toBe(true);
    // 10:00 in Paris on a Tuesday: the Paris test place is open, Réunion (14:00) is closed.
    const later = await search({ ouvert: 'maintenant' }, TUESDAY_MORNING);
    expect(later.results.map((r) => r.slug)).toContain('test-paris');
    expect(later.results.map((r) => r.slug)).not.toContain('test-reunion');
  });

  it('is closed on a French public holiday (14 July 2026, a Tuesday)', async () => {
    const holiday = await search({ ouvert: 'maintenant' }, instantAt('Europe/Paris', 2026, 7, 14, 10, 0));
    expect(holiday.results.map((r) => r.slug)).not.toContain('test-paris');
    const dayAfter = await search({ ouvert: 'maintenant' }, instantAt('Europe/Paris', 2026, 7, 15, 10, 0));
    expect(dayAfter.results.map((r) => r.slug)).toContain('test-paris');
  });

  it('answers "open on Saturday" and "Tuesday morning", never for unknown hours', async () => {
    const saturday = await search({ ouvert: 'samedi' }, TUESDAY_MORNING);
    expect(saturday.total).toBeGreaterThan(0);
    const withHours = await db.place.findMany({ where: { id: { in: saturday.results.map((r) => r.id) } }, select: { openingHours: true } });
    expect(withHours.every((p) => p.openingHours && /Sa|Mo-Su|24\/7/.test(p.openingHours))).toBe(true);
    const tuesday = await search({ creneau: 'mardi-matin', ou: 'Cholet', rayon: '15' }, TUESDAY_MORNING);
    expect(tuesday.total).toBeGreaterThan(0);
    const unknown = await db.place.findMany({ where: { openingHours: null, status: 'PUBLISHED' }, select: { id: true } });
    for (const { id } of unknown) expect(saturday.results.map((r) => r.id)).not.toContain(id);
  });

  it('counts the facets of an availability search over the places it keeps, as for any search', async () => {
    // Facets of "open on Saturday" are counted from the places the opening hours kept (in
    // JavaScript); they must agree with the results themselves, and with the SQL counts of the
    // same places found without the availability criterion.
    const open = await search({ ou: 'Angers', rayon: '30', ouvert: 'samedi' }, TUESDAY_MORNING);
    expect(open.total).toBeGreaterThan(0);
    expect(open.results).toHaveLength(open.total);
    for (const [service, count] of Object.entries(open.facets.besoin)) {
      expect(count, service).toBe(open.results.filter((r) => (r.services as string[]).includes(service)).length);
    }
    const free = open.results.filter((r) => r.fees.includes('Gratuit')).length;
    expect(open.facets.frais.Gratuit ?? 0).toBe(free);
    const all = await search({ ou: 'Angers', rayon: '30' }, TUESDAY_MORNING);
    expect(all.total).toBeGreaterThan(open.total);
    for (const [facet, counts] of Object.entries(open.facets)) {
      for (const [value, count] of Object.entries(counts))
        expect(count, `${facet}=${value}`).toBeLessThanOrEqual((all.facets as Record<string, Record<string, number>>)[facet][value]);
    }
  });

  it('turns bad input into French messages and the rest of the search', async () => {
    const response = await search({ rayon: '500', besoin: ['Inconnu', 'AideAuxDemarchesAdministratives'], ouvert: 'hier', page: '-3', q: 'x'.repeat(500) });
    expect(response.problems).toEqual(
      expect.arrayContaining([
        'Le rayon doit être compris entre 2 et 100 km : 100 km utilisés.',
        'Filtre besoin inconnu : « Inconnu » a été ignoré.',
        'La date d’ouverture demandée est invalide : elle a été ignorée.',
      ]),
    );
    expect(response.page).toBe(1);
    const injection = await search({ q: '\'; DROP TABLE "Place"; --' });
    expect(injection.total).toBe(0);
    expect(await db.place.count()).toBeGreaterThan(50);
  });

  it('counts a search without a place up to a cap, instead of numbering all of France', async () => {
    await db.$executeRawUnsafe(`
      INSERT INTO "Place" (id, slug, status, name, street, postcode, commune, "dateMaj", "updatedAt")
      SELECT gen_random_uuid(), 'masse-' || n, 'published', 'Lieu de masse ' || n, '1 rue', '01000', 'Bourg-en-Bresse', now(), now()
      FROM generate_series(1, ${NATIONAL_COUNT_CAP + 50}) AS n`);
    try {
      const national = await search({});
      expect(national.total).toBe(NATIONAL_COUNT_CAP);
      expect(national.results).toHaveLength(100);
      // With a place, the count is exact again.
      expect((await search({ ou: 'Saumur', rayon: '10' })).total).toBeLessThan(100);
    } finally {
      await db.$executeRawUnsafe(`DELETE FROM "Place" WHERE slug LIKE 'masse-%'`);
    }
  });

  it('paginates with a stable total', async () => {
    const { filters } = parseSearchParams({});
    const first = await searchPlaces(filters, { db, pageSize: 10 });
    const second = await searchPlaces({ ...filters, page: 2 }, { db, pageSize: 10 });
    expect(first.total).toBe(second.total);
    expect(first.pageCount).toBe(Math.ceil(first.total / 10));
    expect(new Set([...first.results, ...second.results].map((r) => r.id)).size).toBe(20);
  });

  it('keeps each place’s week of opening minutes in step with its slots, stops included', async () => {
    const openWeek = async (id: string) =>
      (await db.$queryRaw<Array<{ week: string | null }>>`SELECT "openWeek"::text AS week FROM "Place" WHERE id = ${id}::uuid`)[0].week;
    const place = await db.place.findFirstOrThrow({ where: { slug: 'test-paris' } });
    // Mo-Fr 09:00-12:00: Monday 540–720, …, Friday 4 × 1440 + 540.
    expect(await openWeek(place.id)).toBe('{[540,720),[1980,2160),[3420,3600),[4860,5040),[6300,6480)}');
    const stillOpen = (r: Awaited<ReturnType<typeof search>>) => r.results.some((p) => p.slug === 'test-paris');
    const saturdayTen = instantAt('Europe/Paris', 2026, 3, 14, 10, 0);
    expect(stillOpen(await search({ ouvert: 'maintenant' }, saturdayTen))).toBe(false);

    // An edit of the hours (the editor's path) and a stop with hours of its own.
    await db.place.update({ where: { id: place.id }, data: { openingHours: 'Sa 09:30-11:00' } });
    const stop = await db.placeStop.create({
      data: { placeId: place.id, label: 'Marché', commune: 'Paris', latitude: 48.86, longitude: 2.38, openingHours: 'Su 14:00-16:00' },
    });
    await replaceOpeningSlots(db, place.id);
    expect(await openWeek(place.id)).toBe('{[7770,7860),[9480,9600)}');
    expect(stillOpen(await search({ ouvert: 'maintenant' }, saturdayTen))).toBe(true);
    expect(stillOpen(await search({ ouvert: 'maintenant' }, TUESDAY_MORNING))).toBe(false);

    // Stop slots written by SQL (as a restore or psql would), then removed: the column follows.
    await db.$executeRaw`INSERT INTO "PlaceOpeningSlot" ("placeId", "stopId", weekday, "startMinute", "endMinute") VALUES (${place.id}::uuid, ${stop.id}::uuid, 1, 600, 660)`;
    expect(await openWeek(place.id)).toBe('{[600,660),[7770,7860),[9480,9600)}');
    await db.$executeRaw`UPDATE "PlaceOpeningSlot" SET "endMinute" = 690 WHERE "placeId" = ${place.id}::uuid AND weekday = 1`;
    expect(await openWeek(place.id)).toBe('{[600,690),[7770,7860),[9480,9600)}');
    await db.placeOpeningSlot.deleteMany({ where: { placeId: place.id } });
    expect(await openWeek(place.id)).toBe('{[7770,7860)}');
    // The place's own hours are its "hoursWeek": a slot row without a stop is refused, a hand-written
    // "openWeek" is put right, a new "hoursWeek" written by SQL makes a new week.
    await expect(
      db.$executeRaw`INSERT INTO "PlaceOpeningSlot" ("placeId", weekday, "startMinute", "endMinute") VALUES (${place.id}::uuid, 1, 600, 660)`,
    ).rejects.toThrow(/PlaceOpeningSlot_stop_check/);
    await db.$executeRaw`UPDATE "Place" SET "openWeek" = '{[0,10080)}' WHERE id = ${place.id}::uuid`;
    expect(await openWeek(place.id)).toBe('{[7770,7860)}');
    await db.$executeRaw`UPDATE "Place" SET "hoursWeek" = NULL WHERE id = ${place.id}::uuid`;
    expect(await openWeek(place.id)).toBeNull();
    expect(stillOpen(await search({ ouvert: 'maintenant' }, saturdayTen))).toBe(false);

    await db.placeStop.delete({ where: { id: stop.id } });
    await db.place.update({ where: { id: place.id }, data: { openingHours: 'Mo-Fr 09:00-12:00; PH off' } });
    await replaceOpeningSlots(db, place.id);
    expect(await openWeek(place.id)).toBe('{[540,720),[1980,2160),[3420,3600),[4860,5040),[6300,6480)}');
  });
});

afterAll(async () => {
  await resetDatabase(db);
});

describe('the geocoder', () => {
  let server: http.Server;
  let hits = 0;
  beforeAll(async () => {
    // A local fake of the Base Adresse Nationale (GeocodeJSON), never the internet.
    server = http.createServer((request, response) => {
      hits++;
      const q = new URL(request.url ?? '/', 'http://x').searchParams.get('q') ?? '';
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          type: 'FeatureCollection',
          features: q.includes('Gare')
            ? [
                {
                  type: 'Feature',
                  geometry: { type: 'Point', coordinates: [-0.8792, 47.0575] },
                  properties: { label: '12 Rue de la Gare 49300 Cholet', type: 'housenumber', citycode: '49099', score: 0.9 },
                },
              ]
            : [],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    delete process.env.GEOCODER_URL;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('uses the national address API when configured, and caches its answers', async () => {
    process.env.GEOCODER_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const point = await geocode(db, '12 rue de la Gare Cholet');
    expect(point).toMatchObject({ label: '12 Rue de la Gare 49300 Cholet', precision: 'address', source: 'ban', inseeCode: '49099' });
    const before = hits;
    await geocode(db, '12 rue de la Gare Cholet');
    expect(hits).toBe(before);
  });

  it('falls back offline when the address API is down', async () => {
    process.env.GEOCODER_URL = 'http://127.0.0.1:9'; // nothing listens there
    const started = Date.now();
    const point = await geocode(db, 'Beaupréau-en-Mauges');
    expect(point).toMatchObject({ label: 'Beaupréau-en-Mauges', precision: 'commune', source: 'offline', inseeCode: '49023' });
    expect(Date.now() - started).toBeLessThan(3000);
    delete process.env.GEOCODER_URL;
    expect((await geocode(db, 'les ponts de ce'))?.label).toBe('Les Ponts-de-Cé');
  });

  it('places Paris offline at its places, listed under the postcodes of its arrondissements', async () => {
    const paris = await geocode(db, 'Paris');
    expect(paris).toMatchObject({ label: 'Paris', inseeCode: '75056', precision: 'commune' });
    expect(paris!.latitude).toBeCloseTo(48.859, 2);
  });
});
