// The geocoder on a real database: its bounded cache, the points of arrondissements and of the
// Commune table, and what the search reports for close spellings, homonyms and the unknown.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import centres from '../../lib/geo/arrondissement-centres.json';
import { readDataText } from '../../lib/data/files';
import { findPlace, geocoderCacheSize, MEMORY_CACHE_SIZE } from '../../lib/geo';
import { parseSearchParams } from '../../lib/search/filters';
import { searchPlaces } from '../../lib/search';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();
const search = (params: Record<string, string>) => {
  const { filters, problems } = parseSearchParams(params);
  return searchPlaces(filters, { db, problems, pageSize: 5 });
};

beforeAll(async () => {
  await resetDatabase(db);
  await db.commune.createMany({
    data: [
      { inseeCode: '49007', name: 'Angers', departement: '49', postcodes: ['49000', '49100'], latitude: 47.4819, longitude: -0.56293, population: 157175 },
      { inseeCode: '62032', name: 'Angres', departement: '62', postcodes: ['62143'], latitude: 50.4106, longitude: 2.7553, population: 4641 },
      { inseeCode: '49246', name: 'Les Ponts-de-Cé', departement: '49', postcodes: ['49130'], latitude: 47.4247, longitude: -0.5247, population: 13149 },
      { inseeCode: '72181', name: 'Le Mans', departement: '72', postcodes: ['72000', '72100'], latitude: 48.0077, longitude: 0.1984, population: 146249 },
    ],
  });
});

afterAll(async () => {
  await resetDatabase(db);
});

describe('the geocoder’s memory cache', () => {
  it('is bounded: a flood of distinct texts keeps at most MEMORY_CACHE_SIZE answers, the least recently used going first', async () => {
    const first = await findPlace(db, 'Angers');
    const kept = await findPlace(db, 'Les Ponts-de-Cé');
    expect(await findPlace(db, 'angers')).toBe(first); // the same answer object: from the cache
    for (let i = 0; i < MEMORY_CACHE_SIZE + 500; i++) {
      await findPlace(db, `texte inconnu numéro ${i} qzx`);
      // One text in constant use stays.
      if (i % 100 === 0) expect(await findPlace(db, 'Les Ponts-de-Cé')).toBe(kept);
      expect(geocoderCacheSize()).toBeLessThanOrEqual(MEMORY_CACHE_SIZE);
    }
    expect(geocoderCacheSize()).toBe(MEMORY_CACHE_SIZE);
    // "Angers", unused during the flood, was evicted and is answered afresh (a new, equal answer).
    const again = await findPlace(db, 'Angers');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('points', () => {
  it('places a commune at its centre from the Commune table, and a corrected one too', async () => {
    expect((await findPlace(db, 'Mans')).point).toMatchObject({ label: 'Le Mans', inseeCode: '72181', latitude: 48.0077, typeLiaison: 2 });
    const corrected = await findPlace(db, 'Angres 49');
    expect(corrected.lookup).toMatchObject({ kind: 'found', corrected: true });
    expect(corrected.point).toMatchObject({ inseeCode: '49007', latitude: 47.4819 });
  });

  it('places arrondissements at their own centres', async () => {
    const paris15 = await findPlace(db, 'Paris 15e');
    expect(paris15.point).toMatchObject({ label: 'Paris 15e Arrondissement', inseeCode: '75115', precision: 'commune' });
    expect(paris15.point!.latitude).toBeCloseTo(48.8417, 3);
    expect((await findPlace(db, '13008')).point).toMatchObject({ inseeCode: '13208', latitude: 43.21497 });
  });

  it('ships the centres of the 45 arrondissements as in data/reference/communes.csv.gz', () => {
    const rows = readDataText('communes')
      .split('\n')
      .map((line) => line.split(','));
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    const fromCsv = Object.fromEntries(
      rows.filter((r) => r[col('commune_type')] === 'ARM').map((r) => [r[col('insee_com')], [Number(r[col('lat')]), Number(r[col('lng')])]]),
    );
    expect(centres).toEqual(fromCsv);
    expect(Object.keys(centres)).toHaveLength(45);
  });

  it('asks no address API about a commune’s name, homonyms or a misspelling', async () => {
    let hits = 0;
    const server = http.createServer((_, response) => {
      hits++;
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [2.7553, 50.4106] },
              properties: { label: 'Angres', type: 'municipality', citycode: '62032' },
            },
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.GEOCODER_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // Angres would be the API's silent pick for "Angrs"; the offline index offers instead.
      expect((await findPlace(db, 'Angrs qq')).lookup.kind).not.toBe('found');
      expect((await findPlace(db, 'Angrs')).lookup).toMatchObject({ kind: 'suggestions' });
      expect((await findPlace(db, 'Saint-Pierre')).lookup).toMatchObject({ kind: 'choice' });
      expect((await findPlace(db, 'Ponts de Cé')).point).toMatchObject({ inseeCode: '49246', source: 'offline' });
      expect(hits).toBe(1); // only "Angrs qq", which is no commune
    } finally {
      delete process.env.GEOCODER_URL;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('what the search reports about the place', () => {
  it('offers close spellings, without a location, and keeps the filters in the links', async () => {
    const response = await search({ ou: 'Angrs', frais: 'Gratuit' });
    expect(response.origin).toBeNull();
    expect(response.problems).toEqual([]);
    expect(response.placeHelp).toMatchObject({ kind: 'did-you-mean', options: [{ value: 'Angers (49)' }, { value: 'Angres (62)' }, {}] });
  });

  it('searches around the small exact commune and offers the large town', async () => {
    const response = await search({ ou: 'Angres' });
    expect(response.origin).toMatchObject({ inseeCode: '62032' });
    expect(response.placeHelp).toMatchObject({ kind: 'did-you-mean', options: [{ code: '49007' }] });
  });

  it('asks which homonym', async () => {
    const response = await search({ ou: 'Saint Pierre' });
    expect(response.origin).toBeNull();
    expect(response.placeHelp).toMatchObject({ kind: 'choose' });
    expect(response.placeHelp!.options.map((o) => o.code)).toEqual(expect.arrayContaining(['97416', '97225']));
  });

  it('says clearly, in French, when nothing matches', async () => {
    for (const ou of ['???', '<script>alert(1)</script>', 'x'.repeat(300)]) {
      const response = await search({ ou });
      expect(response.placeHelp).toBeNull();
      expect(response.origin).toBeNull();
      expect(response.problems.some((p) => p.startsWith('Nous n’avons pas trouvé « '))).toBe(true);
    }
  });
});
