// A hostile visitor's flood of distinct searches (names, towns, filters) must not grow what the
// public read pool keeps prepared on its PostgreSQL connections: only statements whose text takes few
// forms are prepared (lib/db/prepared.ts), and what a visitor types is always a parameter.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchPlaces } from '../../lib/search';
import { parseSearchParams } from '../../lib/search/filters';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();

/** The names prepared on each connection of the public read pool (node-postgres keeps them per connection). */
function preparedOnPool(): Array<Record<string, string>> {
  const pool = (globalThis as unknown as { reperesReadPool?: pg.Pool & { _clients: Array<{ connection: { parsedStatements: Record<string, string> } }> } })
    .reperesReadPool;
  return (pool?._clients ?? []).map((client) => client.connection.parsedStatements);
}

describe('the public read pool’s prepared statements', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it('stay a handful of texts, none holding what a visitor typed, however many distinct searches come', async () => {
    const needs = ['AideAuxDemarchesAdministratives', 'MaitriseDesOutilsNumeriquesDuQuotidien', 'AccesInternetEtMaterielInformatique'];
    const typed: string[] = [];
    for (let i = 0; i < 60; i++) {
      const word = `zq${i.toString(36)}x${'é'.repeat(i % 3)}`;
      typed.push(word);
      const params: Record<string, string> = i % 3 === 0 ? { q: word } : { ou: i % 2 ? 'Angers' : 'Cholet', rayon: String(5 + i), q: word };
      if (i % 4 === 0) params.besoin = needs[i % needs.length];
      if (i % 5 === 0) params.frais = 'Gratuit';
      if (i % 7 === 0) params.ouvert = 'samedi';
      await searchPlaces(parseSearchParams(params).filters, { now: new Date('2026-04-08T10:00:00Z') });
    }
    // A search that finds places, so that the page's details are read too.
    expect((await searchPlaces(parseSearchParams({ ou: 'Angers', rayon: '20' }).filters)).results.length).toBeGreaterThan(0);
    const connections = preparedOnPool();
    expect(connections.length).toBeGreaterThan(0);
    const texts = new Set(connections.flatMap((statements) => Object.values(statements)));
    expect(texts.size).toBeGreaterThan(0);
    expect(texts.size).toBeLessThanOrEqual(8);
    for (const text of texts) for (const word of typed) expect(text).not.toContain(word);
  });
});
