// The département package (issue #21) read from a real seeded database: what a phone keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weeklySlots } from '../../lib/hours';
import { packWeek } from '../../lib/offline/package';
import { packageBody, readOfflinePackage } from '../../lib/offline/read';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();

describe('the offline package of a département', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
  });
  afterAll(() => db.$disconnect());

  it('holds the published places of the département with their weekly slots, demo places flagged as in the database, drafts left out', async () => {
    const pkg = (await readOfflinePackage(db, '49'))!;
    expect(pkg.departement).toEqual({ code: '49', name: 'Maine-et-Loire' });
    const names = pkg.places.map((p) => p[1]);
    expect(names).toContain('Espace France Services de la Bilange (fictif)');
    expect(names).not.toContain('Espace multimédia Deux-Croix (fictif)');
    expect(pkg.places.every((p) => p[3].startsWith('49'))).toBe(true);
    const published = await db.place.count({ where: { status: 'PUBLISHED', postcode: { startsWith: '49' }, latitude: { not: null } } });
    expect(pkg.places).toHaveLength(published);
    const bilange = pkg.places.find((p) => p[1].startsWith('Espace France Services de la Bilange'))!;
    const row = await db.place.findUniqueOrThrow({ where: { slug: bilange[0] } });
    expect(bilange[12]).toBe(row.demo ? 1 : 0);
    // Its week: its own hours (never its stops'), as the minutes-of-week pairs the phone reads.
    expect(bilange[11].length).toBeGreaterThan(0);
    expect(bilange[11]).toEqual(packWeek(weeklySlots(row.openingHours)!));
    // The demo's bus (five stops with hours): its stops' slots are rows, its package week is its own hours.
    const bus = await db.place.findFirstOrThrow({ where: { name: 'Bus numérique (fictif)' } });
    expect(await db.placeOpeningSlot.count({ where: { placeId: bus.id } })).toBeGreaterThan(0);
    expect(pkg.places.find((p) => p[0] === bus.slug)![11]).toEqual(packWeek(weeklySlots(bus.openingHours) ?? []));
    // Saumur is a commune of the package (the centre of its places when the Commune table is empty).
    expect(pkg.communes.some((c) => c[0] === 'Saumur')).toBe(true);
  });

  it('gives the same bytes and ETag until a place changes', async () => {
    const a = packageBody((await readOfflinePackage(db, '49'))!);
    const b = packageBody((await readOfflinePackage(db, '49'))!);
    expect(b.etag).toBe(a.etag);
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED', postcode: { startsWith: '49' } } });
    await db.place.update({ where: { id: place.id }, data: { phone: '+33241999999' } });
    const c = packageBody((await readOfflinePackage(db, '49'))!);
    expect(c.etag).not.toBe(a.etag);
    expect(c.body).toContain('+33241999999');
  });

  it('answers null for what is not a département, and knows Paris’s arrondissements', async () => {
    for (const code of ['999', '00', '../admin', '49; DROP TABLE', '']) expect(await readOfflinePackage(db, code)).toBeNull();
    const paris = (await readOfflinePackage(db, '75'))!;
    expect(paris.communes.some((c) => c[0] === 'Paris 15e Arrondissement' && c[1] === '75015')).toBe(true);
  });
});
