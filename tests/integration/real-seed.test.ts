// What the first `npm start` writes into an empty database (prisma/seed.ts seedStart): the real
// open data of data/ through the importers, the communes, and the flagged demonstration set with
// generated passwords. Then a second start that changes nothing, and a resumed interrupted one.
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCoverage } from '../../lib/coverage';
import { exportStream } from '../../lib/export/standard';
import { emptyFields } from '../../lib/import/readers';
import { runImport } from '../../lib/import/run';
import type { ParsedRow } from '../../lib/import/types';
import { loadFichePlaces } from '../../lib/orientation/fiche';
import { nearbyPlaces } from '../../lib/places/page';
import { parseSearchParams } from '../../lib/search/filters';
import { searchPlaces } from '../../lib/search';
import { DEMONSTRATION_NETWORK, seedStart } from '../../prisma/seed';
import { CYBANJOU, REAL_SOURCES, sourceNameOf } from '../../prisma/seed-real';
import { TEST_FIXTURE_PASSWORDS } from '../../prisma/seed-data';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();
const [FRANCE_SERVICES, MAINE_ET_LOIRE, ANGERS] = REAL_SOURCES.map(sourceNameOf);

async function counts() {
  const [places, revisions, memberships, communes, users, steps, duplicates] = await Promise.all([
    db.place.count(),
    db.placeRevision.count(),
    db.networkMembership.count(),
    db.commune.count(),
    db.user.count(),
    db.seedStep.count(),
    db.placeDuplicate.count(),
  ]);
  const versions = await db.place.aggregate({ _sum: { version: true } });
  return { places, revisions, memberships, communes, users, steps, duplicates, versions: versions._sum.version };
}

describe('the first start’s seed: real open data beside a flagged demonstration set', () => {
  let first: Awaited<ReturnType<typeof seedStart>>;
  let seconds = 0;

  beforeAll(async () => {
    await resetDatabase(db);
    const started = Date.now();
    first = await seedStart(db);
    seconds = (Date.now() - started) / 1000;
    console.log(`seedStart on an empty database: ${seconds.toFixed(1)} s`, JSON.stringify(first.real.steps.map((s) => [s.name, s.seconds, s.summary])));
  }, 180_000);
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('loads the national France Services list, published, with its source and its own (old) date', async () => {
    const published = await db.place.count({ where: { sourceName: FRANCE_SERVICES, status: 'PUBLISHED', demo: false } });
    expect(published).toBeGreaterThanOrEqual(2500);
    const dates = await db.place.groupBy({ by: ['dateMaj'], where: { sourceName: FRANCE_SERVICES } });
    // The list's publication date, not the day of the seed.
    expect(dates.map((d) => d.dateMaj.toISOString().slice(0, 10))).toEqual(['2022-12-01']);
    const sample = await db.place.findFirstOrThrow({ where: { sourceName: FRANCE_SERVICES } });
    expect(sample.source).toBe('Liste nationale France Services (ANCT)');
  });

  it('puts the Maine-et-Loire directory in the real Cyb@njou network, in many communes, with its old dates kept', async () => {
    const network = await db.network.findUniqueOrThrow({ where: { slug: CYBANJOU.slug } });
    expect(network.name).toBe('Cyb@njou');
    expect(network.description).toContain('fédération des centres sociaux de Maine-et-Loire');
    expect(network.website ?? '').not.toContain('example');
    const members = await db.place.findMany({
      where: { networks: { some: { networkId: network.id } } },
      select: { inseeCode: true, postcode: true, demo: true, sourceName: true, dateMaj: true, status: true },
    });
    expect(members.every((p) => !p.demo)).toBe(true);
    const communes = new Set(members.filter((p) => p.inseeCode?.startsWith('49') || p.postcode.startsWith('49')).map((p) => p.inseeCode ?? p.postcode));
    expect(communes.size).toBeGreaterThanOrEqual(15);
    // Its own places, and France Services it also lists (completed, not duplicated).
    expect(members.filter((p) => p.sourceName === MAINE_ET_LOIRE).length).toBeGreaterThan(100);
    // Dates of the directory run back years: they were not refreshed by the seed.
    const oldest = Math.min(...members.filter((p) => p.sourceName === MAINE_ET_LOIRE).map((p) => p.dateMaj.getTime()));
    expect(new Date(oldest).getUTCFullYear()).toBeLessThanOrEqual(2021);
  });

  it('matches the sources across each other instead of duplicating them', async () => {
    const summary = (name: string) =>
      first.real.steps.find((s) => s.name === `source:${name}`)!.summary as { created: number; duplicates: number; failedBatches: number; total: number };
    for (const name of [FRANCE_SERVICES, MAINE_ET_LOIRE, ANGERS]) expect(summary(name).failedBatches).toBe(0);
    expect(summary(MAINE_ET_LOIRE).duplicates).toBeGreaterThan(0);
    expect(await db.place.count({ where: { sourceName: ANGERS } })).toBeGreaterThan(0);
  });

  it('finds a France Services around Brest with the search', async () => {
    const { filters, problems } = parseSearchParams({ ou: 'Brest', rayon: '10' });
    const response = await searchPlaces(filters, { db, problems, pageSize: 50 });
    expect(response.origin?.label).toBe('Brest');
    const names = response.results.map((r) => r.name);
    expect(
      names.some((name) => /france services/i.test(name) && /brest/i.test(name)),
      names.join(' | '),
    ).toBe(true);
  });

  it('loads the communes, so coverage works for every département from the start', async () => {
    expect(await db.commune.count()).toBeGreaterThanOrEqual(34_000);
    const anjou = await computeCoverage(db, { departement: '49', service: null, free: false, saturday: false });
    expect(anjou.communes.length).toBeGreaterThan(150);
    expect(anjou.placesConsidered).toBeGreaterThan(50);
    const finistere = await computeCoverage(db, { departement: '29', service: null, free: false, saturday: false });
    expect(finistere.within.at(-1)!.share).toBeGreaterThan(0.5);
  });

  it('keeps the fictional places flagged, in their own network, out of the exports and of the real places', async () => {
    const demo = await db.place.findMany({ where: { demo: true }, include: { networks: { include: { network: true } } } });
    expect(demo.length).toBeGreaterThanOrEqual(50);
    expect(demo.every((p) => p.sourceName === 'demo')).toBe(true);
    const networks = new Set(demo.flatMap((p) => p.networks.map((m) => m.network.slug)));
    expect(networks.has(CYBANJOU.slug)).toBe(false);
    expect(networks.has(DEMONSTRATION_NETWORK.slug)).toBe(true);
    const demoNetwork = await db.network.findUniqueOrThrow({ where: { slug: DEMONSTRATION_NETWORK.slug }, include: { members: { include: { place: true } } } });
    expect(demoNetwork.name).toBe('Réseau de démonstration (fictif)');
    expect(demoNetwork.members.every((m) => m.place.demo)).toBe(true);
    // No real place is flagged, and every place from the sources is real.
    expect(await db.place.count({ where: { demo: true, sourceName: { not: 'demo' } } })).toBe(0);
    expect(await db.place.count({ where: { demo: false, sourceName: 'demo' } })).toBe(0);

    const json = JSON.parse(await new Response(exportStream(db, 'json')).text()) as Array<{ id: string }>;
    expect(json.length).toBe(await db.place.count({ where: { status: 'PUBLISHED', demo: false } }));
    const exported = new Set(json.map((r) => r.id));
    expect(demo.filter((p) => exported.has(p.id))).toEqual([]);
    const csv = await new Response(exportStream(db, 'csv')).text();
    for (const place of demo) expect(csv, place.name).not.toContain(place.id);
    expect(csv).not.toContain('example.org');

    // A real place in Angers, among many fictional ones: its "nearby" never sends to a fictional place.
    const angers = await db.place.findFirstOrThrow({ where: { sourceName: ANGERS, demo: false, status: 'PUBLISHED', latitude: { not: null } } });
    const nearby = await nearbyPlaces(angers, 10);
    expect(nearby.length).toBeGreaterThan(0);
    const demoSlugs = new Set(demo.map((p) => p.slug));
    expect(nearby.filter((p) => demoSlugs.has(p.slug))).toEqual([]);
    // The orientation sheet handed to a person says which place is fictional.
    const fictional = demo.find((p) => p.status === 'PUBLISHED')!;
    const fiche = await loadFichePlaces(db, [{ slug: fictional.slug }, { slug: angers.slug }], 'http://localhost:3000');
    // The name as written; the fiche says « (lieu fictif de démonstration) » beside it, in the fiche's language.
    expect(fiche.map((p) => [p.name, p.demo])).toEqual([
      [fictional.name, true],
      [angers.name, false],
    ]);
  });

  it('never matches a real source’s row with a fictional place, even one at the same address with the same name', async () => {
    const fictional = await db.place.findFirstOrThrow({ where: { demo: true, status: 'PUBLISHED', latitude: { not: null } } });
    const before = await db.place.findUniqueOrThrow({ where: { id: fictional.id } });
    const row: ParsedRow = {
      line: 2,
      sourceId: 'same-as-demo',
      name: fictional.name,
      errors: [],
      warnings: [],
      place: {
        sourceId: 'same-as-demo',
        active: true,
        fields: {
          ...emptyFields(),
          name: fictional.name,
          street: fictional.street,
          postcode: fictional.postcode,
          commune: fictional.commune,
          inseeCode: fictional.inseeCode,
          latitude: fictional.latitude,
          longitude: fictional.longitude,
          phone: '+33241000000',
          openingHours: 'Mo-Fr 09:00-12:00',
          dateMaj: new Date(Date.UTC(2025, 0, 2)),
        },
      },
    };
    const report = await runImport(db, [row], { sourceName: 'une-source-reelle' });
    // Never flagged against a fictional place (a real place at the same address may be: which
    // fictional place is picked above is not fixed, and some share a real place's address).
    const fictionalIds = new Set((await db.place.findMany({ where: { demo: true }, select: { id: true } })).map((p) => p.id));
    expect(report.duplicates.filter((d) => fictionalIds.has(d.placeId))).toEqual([]);
    expect(report.created).toBe(1);
    // The fictional place is untouched and the real one stands apart, unflagged.
    expect(await db.place.findUniqueOrThrow({ where: { id: fictional.id } })).toEqual(before);
    const real = await db.place.findFirstOrThrow({ where: { sourceName: 'une-source-reelle' } });
    expect(real.demo).toBe(false);
    await db.place.delete({ where: { id: real.id } });
  });

  it('creates the demo accounts with generated passwords: the repository’s passwords open nothing', async () => {
    const accounts = first.demo!.accounts;
    expect(accounts.length).toBe(4);
    const users = await db.user.findMany({ where: { demo: true } });
    expect(users.length).toBe(4);
    const known = Object.values(TEST_FIXTURE_PASSWORDS);
    for (const user of users) {
      expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
      for (const password of known) expect(await bcrypt.compare(password, user.passwordHash!), `${user.email} / ${password}`).toBe(false);
      const shown = accounts.find((a) => a.email === user.email)!;
      expect(shown.password).not.toContain('demo');
      expect(shown.password.length).toBeGreaterThanOrEqual(16);
      expect(await bcrypt.compare(shown.password, user.passwordHash!)).toBe(true);
    }
    expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
  });

  it('changes nothing when it runs a second time', async () => {
    const before = await counts();
    const again = await seedStart(db);
    expect(again.real.steps.every((s) => s.skipped)).toBe(true);
    // The passwords are not shown again: only their hashes are kept.
    expect(again.demo!.accounts).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('completes an interrupted first start on the next one', async () => {
    const before = await counts();
    const angers = await db.place.findMany({ where: { sourceName: ANGERS }, select: { id: true } });
    // As if the start had stopped before the Angers guide was written.
    await db.place.deleteMany({ where: { id: { in: angers.map((p) => p.id) } } });
    await db.seedStep.delete({ where: { name: `source:${ANGERS}` } });
    const resumed = await seedStart(db);
    expect(resumed.real.steps.filter((s) => !s.skipped).map((s) => s.name)).toEqual([`source:${ANGERS}`]);
    const after = await counts();
    expect(after.places).toBe(before.places);
    expect(after.steps).toBe(before.steps);
    expect(after.communes).toBe(before.communes);
  });
});
