// Coverage figures: a small hand-built territory with known answers, then Maine-et-Loire with the
// real reference of communes and the real departmental directory (data/, lib/data/files.ts).
import { Prisma } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeReferenceCount, computeCoverage } from '../../lib/coverage';
import { readDataFile } from '../../lib/data/files';
import { CommuneFileError, importCommunes, parseCommunesCsv } from '../../lib/coverage/communes';
import { distanceKm } from '../../lib/coverage/nearest';
import { runImport } from '../../lib/import/run';
import { replaceOpeningSlots } from '../../lib/places/opening-slots';
import { resetDatabase, testDb } from '../helpers/db';
import { realRows } from '../helpers/real-data';

const db = testDb();
const TODAY = new Date('2026-03-10T10:00:00Z');

let n = 0;
async function place(fields: {
  lat: number;
  lng: number;
  services: string[];
  fees?: string[];
  hours?: string;
  status?: 'published' | 'draft';
  closed?: boolean;
  stop?: { lat: number; lng: number };
}) {
  n++;
  const created = await db.place.create({
    data: {
      slug: `lieu-${n}`,
      name: `Lieu ${n}`,
      street: '1 rue du Test',
      postcode: '49000',
      commune: 'Test',
      latitude: fields.lat,
      longitude: fields.lng,
      status: fields.status === 'draft' ? 'DRAFT' : 'PUBLISHED',
      dateMaj: new Date('2026-01-01'),
      openingHours: fields.hours ?? 'Mo-Fr 09:00-12:00',
      itinerance: fields.stop ? ['Itinerant'] : [],
      closedFrom: fields.closed ? new Date('2026-03-01') : null,
      closedUntil: fields.closed ? new Date('2026-04-01') : null,
    },
  });
  // Enum arrays by their standard labels, as imports write them.
  await db.$executeRaw`UPDATE "Place" SET services = ${fields.services}::"Service"[], fees = ${fields.fees ?? []}::"FraisACharge"[] WHERE id = ${created.id}::uuid`;
  if (fields.stop)
    await db.placeStop.create({ data: { placeId: created.id, label: 'Arrêt', commune: 'B', latitude: fields.stop.lat, longitude: fields.stop.lng } });
  await replaceOpeningSlots(db, created.id);
  return created;
}

const AIDE = 'Aide aux démarches administratives';

describe('coverage of a hand-built territory', () => {
  const A = { lat: 47.0, lng: 0.0 };
  const B = { lat: 47.0, lng: 0.1 };
  const C = { lat: 47.3, lng: 0.0 };
  const P2 = { lat: 47.3, lng: 0.05 };

  beforeAll(async () => {
    await resetDatabase(db);
    const commune = (inseeCode: string, departement: string, population: number, at: { lat: number; lng: number } | null) => ({
      inseeCode,
      name: `Commune ${inseeCode}`,
      departement,
      region: '52',
      postcodes: ['49000'],
      latitude: at?.lat ?? null,
      longitude: at?.lng ?? null,
      population,
    });
    await importCommunes(db, [
      commune('49001', '49', 1000, A),
      commune('49002', '49', 200, B),
      commune('49003', '49', 300, C),
      commune('49004', '49', 50, null),
      commune('72001', '72', 999, { lat: 48, lng: 0.2 }),
    ]);
    await place({ ...A, services: [AIDE], fees: ['Gratuit'] }); // weekdays only
    await place({ ...P2, services: [AIDE], fees: ['Payant'], hours: 'Sa 09:00-12:00' });
    await place({ ...C, services: [AIDE], fees: ['Gratuit'], status: 'draft' }); // not published
    await place({ ...C, services: ['Loisirs et créations numériques'], fees: ['Gratuit'] }); // another service
    await place({ ...C, services: [AIDE], fees: ['Gratuit'], closed: true }); // temporarily closed today
    await place({ lat: 48.85, lng: 2.35, services: [AIDE], fees: ['Gratuit'], stop: B }); // a bus stopping at B
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('knows whether the reference is loaded', async () => {
    expect(await communeReferenceCount(db, '49')).toBe(4);
    expect(await communeReferenceCount(db, '01')).toBe(0);
  });

  it('finds the nearest place offering the service, stops of itinerant places included', async () => {
    const result = await computeCoverage(db, { departement: '49', service: 'AideAuxDemarchesAdministratives', free: false, saturday: false, now: TODAY });
    const km = Object.fromEntries(result.communes.map((c) => [c.inseeCode, c.distanceKm]));
    expect(Object.keys(km).sort()).toEqual(['49001', '49002', '49003', '49004']);
    expect(km['49001']).toBeCloseTo(0, 6);
    expect(km['49002']).toBeCloseTo(0, 6);
    expect(km['49003']).toBeCloseTo(distanceKm({ latitude: C.lat, longitude: C.lng }, { latitude: P2.lat, longitude: P2.lng }), 6);
    expect(km['49003']).toBeGreaterThan(3.7);
    expect(km['49003']).toBeLessThan(3.9);
    expect(km['49004']).toBeNull();
    expect(result.totalPopulation).toBe(1550);
    expect(result.within.map((w) => w.population)).toEqual([1500, 1500, 1500]);
    expect(result.within[0].share).toBe(96.8);
    expect(result.unknownPosition).toEqual({ population: 50, communes: 1 });
  });

  it('applies "gratuit": the paid place and the closed one no longer count', async () => {
    const result = await computeCoverage(db, { departement: '49', service: 'AideAuxDemarchesAdministratives', free: true, saturday: false, now: TODAY });
    const c = result.communes.find((x) => x.inseeCode === '49003')!;
    const viaA = distanceKm({ latitude: C.lat, longitude: C.lng }, { latitude: A.lat, longitude: A.lng });
    expect(c.distanceKm).toBeCloseTo(viaA, 6);
    expect(viaA).toBeGreaterThan(33);
    expect(c.nearest?.name).toBe('Lieu 1');
    expect(result.within.map((w) => w.population)).toEqual([1200, 1200, 1200]);
    expect(result.beyond).toEqual({ km: 20, population: 300, share: 19.4, communes: 1 });
    expect(result.ranked.map((r) => r.inseeCode)).toEqual(['49003', '49001', '49002', '49004']);
  });

  it('applies "ouvert le samedi" from the weekly opening slots', async () => {
    const result = await computeCoverage(db, { departement: '49', service: 'AideAuxDemarchesAdministratives', free: false, saturday: true, now: TODAY });
    const km = Object.fromEntries(result.communes.map((c) => [c.inseeCode, c.distanceKm]));
    const toP2 = (p: { lat: number; lng: number }) => distanceKm({ latitude: p.lat, longitude: p.lng }, { latitude: P2.lat, longitude: P2.lng });
    expect(km['49001']).toBeCloseTo(toP2(A), 6);
    expect(km['49002']).toBeCloseTo(toP2(B), 6);
    expect(km['49003']).toBeCloseTo(toP2(C), 6);
    expect(result.within.map((w) => w.population)).toEqual([300, 300, 300]);
  });

  it('matches PostgreSQL earthdistance', async () => {
    const [row] = await db.$queryRaw<
      Array<{ m: number }>
    >`SELECT earth_distance(reperes_earth(${C.lat}::float8, ${C.lng}::float8), reperes_earth(${A.lat}::float8, ${A.lng}::float8)) AS m`;
    expect(distanceKm({ latitude: C.lat, longitude: C.lng }, { latitude: A.lat, longitude: A.lng })).toBeCloseTo(row.m / 1000, 6);
  });

  it('says nothing is reachable when no place qualifies, and covers the whole of France without a département', async () => {
    const none = await computeCoverage(db, { departement: '49', service: 'MaterielInformatiqueAPrixSolidaire', free: false, saturday: false, now: TODAY });
    expect(none.communes.every((c) => c.distanceKm === null)).toBe(true);
    expect(none.within.every((w) => w.share === 0)).toBe(true);
    const france = await computeCoverage(db, { departement: null, service: null, free: false, saturday: false, now: TODAY });
    expect(france.communes).toHaveLength(5);
    expect(france.totalPopulation).toBe(2549);
  });

  it('refuses a file that is not in the reference format', () => {
    expect(() => parseCommunesCsv('code,nom\n49007,Angers\n')).toThrow(CommuneFileError);
    expect(() => parseCommunesCsv('code,nom\n49007,Angers\n')).toThrow(/Colonnes manquantes.*insee_com/);
  });
});

describe('coverage of Maine-et-Loire with the real communes and places', () => {
  let expected: { communes: number; population: number };

  beforeAll(async () => {
    await resetDatabase(db);
    const csv = readDataFile('communes');
    // The expected totals, computed independently of the importer from the raw lines.
    const [header, ...lines] = csv.toString('utf8').trim().split('\n');
    const cols = header.split(',');
    const seen = new Map<string, number>();
    for (const line of lines) {
      const c = line.split(',');
      if (c[cols.indexOf('commune_type')] === 'COM' && c[cols.indexOf('insee_dep')] === '49')
        seen.set(c[cols.indexOf('insee_com')], Number(c[cols.indexOf('population_2021')]));
    }
    expected = { communes: seen.size, population: [...seen.values()].reduce((a, b) => a + b, 0) };
    const communes = parseCommunesCsv(csv);
    expect(communes.length).toBeGreaterThan(34_000);
    expect(await importCommunes(db, communes)).toBe(communes.length);
    const report = await runImport(db, realRows('maine-et-loire'), { sourceName: 'maine-et-loire' });
    expect(report.created).toBeGreaterThan(200);
  }, 180_000);
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('gives sane figures whose population totals equal the département’s', async () => {
    for (const options of [
      { service: 'AideAuxDemarchesAdministratives' as const, free: false, saturday: false },
      { service: 'AideAuxDemarchesAdministratives' as const, free: true, saturday: false },
      { service: 'AccesInternetEtMaterielInformatique' as const, free: false, saturday: true },
      { service: null, free: false, saturday: false },
    ]) {
      const result = await computeCoverage(db, { departement: '49', ...options, now: TODAY });
      expect(result.communes).toHaveLength(expected.communes);
      expect(result.totalPopulation).toBe(expected.population);
      expect(result.totalPopulation).toBeGreaterThan(800_000);
      const shares = result.within.map((w) => w.share);
      for (const share of shares) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(100);
      }
      expect(shares[0]).toBeLessThanOrEqual(shares[1]);
      expect(shares[1]).toBeLessThanOrEqual(shares[2]);
      expect(result.within[2].population + result.beyond.population + result.unknownPosition.population).toBe(result.totalPopulation);
      // The departmental directory gives neither fees nor opening hours: with "gratuit" or
      // "samedi" no place qualifies, and the figures say so (0 %) rather than fail.
      if (options.free || options.saturday) expect(result.placesConsidered).toBe(0);
      else expect(result.placesConsidered).toBeGreaterThan(90);
    }
    const any = await computeCoverage(db, { departement: '49', service: null, free: false, saturday: false, now: TODAY });
    // Angers has help near its centre; most of the population lives within 10 km of a place.
    expect(any.communes.find((c) => c.inseeCode === '49007')!.distanceKm!).toBeLessThan(5);
    expect(any.within[1].share).toBeGreaterThan(80);
  });

  it('agrees with a nearest-place query done entirely in PostgreSQL', async () => {
    const result = await computeCoverage(db, { departement: '49', service: 'AideAuxDemarchesAdministratives', free: false, saturday: false, now: TODAY });
    const sample = result.communes.filter((_, i) => i % 15 === 0);
    const rows = await db.$queryRaw<Array<{ code: string; km: number }>>`
      SELECT c."inseeCode" AS code, (SELECT min(earth_distance(reperes_earth(p.latitude, p.longitude), reperes_earth(c.latitude, c.longitude))) / 1000
        FROM "Place" p WHERE p.status = 'published' AND p.latitude IS NOT NULL
          AND p.services @> ARRAY['Aide aux démarches administratives']::"Service"[]
          AND NOT (coalesce(p."closedFrom", '2026-03-10') <= '2026-03-10' AND '2026-03-10' <= coalesce(p."closedUntil", '2026-03-10') AND (p."closedFrom" IS NOT NULL OR p."closedUntil" IS NOT NULL))) AS km
      FROM "Commune" c WHERE c."inseeCode" = ANY(${Prisma.join([sample.map((c) => c.inseeCode)])}::text[])`;
    expect(rows.length).toBe(sample.length);
    for (const row of rows) {
      expect(row.km).not.toBeNull();
      expect(result.communes.find((c) => c.inseeCode === row.code)!.distanceKm!).toBeCloseTo(row.km, 3);
    }
  });
});
