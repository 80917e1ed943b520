import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();

describe('the database foundation', () => {
  beforeAll(async () => {
    await resetDatabase(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('has the contrib extensions the search relies on', async () => {
    const rows = await db.$queryRaw<Array<{ extname: string }>>`SELECT extname::text AS extname FROM pg_extension ORDER BY extname`;
    expect(rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['cube', 'earthdistance', 'pg_trgm', 'unaccent']));
  });

  it('stores closed lists as the exact strings of the standard', async () => {
    await seedDemo(db, { testFixture: true });
    const rows = await db.$queryRaw<Array<{ service: string }>>`
      SELECT DISTINCT unnest(services)::text AS service FROM "Place" ORDER BY 1`;
    expect(rows.map((r) => r.service)).toContain('Aide aux démarches administratives');
    const access = await db.$queryRaw<Array<{ mode: string }>>`SELECT DISTINCT unnest("accessModes")::text AS mode FROM "Place"`;
    for (const { mode } of access)
      expect(mode).toMatch(
        /^(Se présenter|Téléphoner|Contacter par mail|Prendre un RDV en ligne|Ce lieu n'accueille pas de public|Envoyer un mail avec une fiche de prescription)$/,
      );
  });

  it('seeds the demo directory once, and a second seed changes nothing', async () => {
    const before = await db.place.count();
    expect(before).toBeGreaterThanOrEqual(50);
    const again = await seedDemo(db, { testFixture: true });
    expect(again.places).toBe(before);
    expect(await db.place.count()).toBe(before);
    const communes = await db.place.groupBy({ by: ['commune'] });
    expect(communes.length).toBeGreaterThanOrEqual(15);
    const network = await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' }, include: { _count: { select: { members: true } } } });
    expect(network._count.members).toBeGreaterThan(before / 2);
    const roles = await db.user.groupBy({ by: ['role'] });
    expect(roles.map((r) => r.role).sort()).toEqual(['ADMIN', 'COORDINATOR', 'EDITOR']);
  });

  it('finds places by radius with the earthdistance index', async () => {
    // Angers city centre; 5 km.
    const rows = await db.$queryRaw<Array<{ name: string; km: number }>>`
      SELECT name, earth_distance(reperes_earth(latitude, longitude), reperes_earth(47.4736, -0.5542)) / 1000 AS km
      FROM "Place"
      WHERE latitude IS NOT NULL
        AND earth_box(reperes_earth(47.4736, -0.5542), 5000) @> reperes_earth(latitude, longitude)
        AND earth_distance(reperes_earth(latitude, longitude), reperes_earth(47.4736, -0.5542)) <= 5000
      ORDER BY km`;
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.km <= 5)).toBe(true);
    expect(rows.map((r) => r.km)).toEqual([...rows.map((r) => r.km)].sort((a, b) => a - b));
    const plan = await db
      .$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(
        `SET enable_seqscan = off; EXPLAIN SELECT id FROM "Place" WHERE earth_box(reperes_earth(47.47, -0.55), 5000) @> reperes_earth(latitude, longitude) AND latitude IS NOT NULL AND longitude IS NOT NULL`,
      )
      .catch(async () => {
        await db.$executeRawUnsafe('SET enable_seqscan = off');
        return db.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(
          `EXPLAIN SELECT id FROM "Place" WHERE earth_box(reperes_earth(47.47, -0.55), 5000) @> reperes_earth(latitude, longitude) AND latitude IS NOT NULL AND longitude IS NOT NULL`,
        );
      });
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toContain('Place_earth_idx');
  });

  it('matches names without accents and with a typo', async () => {
    const mediatheques = (await db.place.findMany({ where: { name: { startsWith: 'Médiathèque' } }, select: { name: true } })).map((p) => p.name).sort();
    expect(mediatheques.length).toBeGreaterThanOrEqual(3);
    // Without accents: the folded name contains the folded word.
    const unaccented = await db.$queryRaw<Array<{ name: string }>>`
      SELECT name FROM "Place" WHERE reperes_fold(name) LIKE '%' || reperes_fold(${'MEDIATHEQUE'}) || '%' ORDER BY name`;
    expect(unaccented.map((r) => r.name)).toEqual(mediatheques);
    // With a typo ("mediatheqe", a letter missing): no substring match, but trigram word
    // similarity (the search's fallback operator) still finds them.
    const typo = 'médiatheqe';
    const substring = await db.$queryRaw<Array<{ name: string }>>`
      SELECT name FROM "Place" WHERE reperes_fold(name) LIKE '%' || reperes_fold(${typo}) || '%'`;
    expect(substring).toEqual([]);
    const fuzzy = await db.$queryRaw<Array<{ name: string }>>`
      SELECT name FROM "Place" WHERE reperes_fold(name) %> reperes_fold(${typo}) ORDER BY name`;
    expect(fuzzy.map((r) => r.name)).toEqual(expect.arrayContaining(mediatheques));
    expect(fuzzy.every((r) => /m[ée]diath[èe]que/i.test(r.name))).toBe(true);
  });

  it('keeps one place per source id (re-imports update instead of duplicating)', async () => {
    const place = await db.place.findFirstOrThrow({ where: { sourceName: 'demo' } });
    const { id: _id, slug: _slug, createdAt: _c, updatedAt: _u, fieldSources: _f, ...rest } = place;
    // The unique constraint on (sourceName, sourceId) refuses it: Prisma's P2002 (PostgreSQL's
    // 23505) on those two columns, not any other error.
    const error = await db.place.create({ data: { ...rest, slug: `${place.slug}-copie` } }).then(
      () => null,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(error?.code).toBe('P2002');
    expect(error?.message).toMatch(/Unique constraint failed on the fields: \(`"sourceName"`, `"sourceId"`\)/);
    expect(await db.place.count({ where: { sourceName: place.sourceName, sourceId: place.sourceId } })).toBe(1);
  });
});
