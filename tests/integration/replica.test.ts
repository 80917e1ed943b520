// With DATABASE_REPLICA_URL set, read-only queries (search, place pages, the API, exports) go to
// the replica and writes to the primary. Here the "replica" is a second database whose places all
// carry a marker in their name, so every read shows where it was served from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../lib/db/client';
import { createFreshDatabase } from '../../lib/db/fresh';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';

const primary = testDb();
const MARK = 'RÉPLIQUE ';
let replicaUrl: string;

describe('read replica routing', () => {
  beforeAll(async () => {
    await resetDatabase(primary);
    await seedDemo(primary, { testFixture: true });
    const replica = await createFreshDatabase({
      name: `${process.env.TEST_DB_NAME ?? 'reperes_test'}_replica`,
      serverUrl: process.env.DATABASE_URL,
      embeddedDir: '',
      port: 0,
    });
    replicaUrl = replica.url;
    const client = createPrismaClient(replicaUrl, { max: 1 });
    await seedDemo(client, { testFixture: true });
    await client.$executeRawUnsafe(`UPDATE "Place" SET name = '${MARK}' || name`);
    await client.$disconnect();
    // The app's clients are created when lib/db is first imported: set the variable before.
    process.env.DATABASE_REPLICA_URL = replicaUrl;
    delete (globalThis as { reperesReadDb?: unknown }).reperesReadDb;
  }, 120_000);

  afterAll(async () => {
    delete process.env.DATABASE_REPLICA_URL;
    await resetDatabase(primary);
  });

  it('serves search, place pages, the API and exports from the replica, and writes to the primary', async () => {
    const { db, readDb } = await import('../../lib/db');
    expect(readDb).not.toBe(db);

    const { searchPlaces } = await import('../../lib/search');
    const { parseSearchParams } = await import('../../lib/search/filters');
    const results = await searchPlaces(parseSearchParams({ ou: 'Angers', rayon: '30' }).filters);
    expect(results.results.length).toBeGreaterThan(0);
    for (const result of results.results) expect(result.name.startsWith(MARK)).toBe(true);

    const { resolvePlacePage } = await import('../../lib/places/page');
    const slug = (await primary.place.findFirstOrThrow({ where: { status: 'PUBLISHED' } })).slug;
    const page = await resolvePlacePage(slug, new Date());
    expect(page.kind).toBe('published');
    if (page.kind === 'published') expect(page.place.name.startsWith(MARK)).toBe(true);

    const { listPlaces } = await import('../../lib/export/api');
    const api = (await (
      await listPlaces(new Request('http://localhost/api/v1/lieux?limite=5', { headers: { 'x-reperes-peer': '198.51.100.77' } }))
    ).json()) as { lieux: Array<{ nom: string }> };
    for (const place of api.lieux) expect(place.nom.startsWith(MARK)).toBe(true);

    // Writes (a public report) go to the primary, which never saw the marker.
    const { submitSuggestion } = await import('../../lib/places/suggestions');
    const target = await primary.place.findFirstOrThrow({ where: { slug } });
    expect(target.name.startsWith(MARK)).toBe(false);
    const replica = createPrismaClient(replicaUrl, { max: 1 });
    const onReplica = await replica.suggestion.count();
    const onPrimary = await primary.suggestion.count({ where: { placeId: target.id } });
    const state = await submitSuggestion(db, {
      placeId: target.id,
      part: 'HOURS',
      message: 'Fermé le lundi désormais',
      email: '',
      honeypot: '',
      clientKey: 'replica-test',
    });
    expect(state.status).toBe('sent');
    expect(await primary.suggestion.count({ where: { placeId: target.id } })).toBe(onPrimary + 1);
    expect(await replica.suggestion.count()).toBe(onReplica);
    await replica.$disconnect();
  });
});
