// The FacetSet of a place (migration 20261206085000) is kept by a trigger, whatever writes the place,
// and the search that filters and counts by set answers exactly what filtering each place's own
// arrays answers: checked here against a reference query on the arrays, over random filter sets.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchParams } from '../../lib/search/filters';
import { NATIONAL_COUNT_CAP, searchPlaces } from '../../lib/search';
import { facetsOf } from '../../lib/search/facets';
import { seedDemo } from '../../prisma/seed';
import { createPrismaClient } from '../../lib/db/client';
import { resetDatabase, testDb } from '../helpers/db';

const db = testDb();

type ListRow = { id: string; set_key: string | null; place_key: string };

/** Every place whose facetSetId does not point to a set with exactly its lists. */
async function inconsistentPlaces() {
  return db.$queryRaw<ListRow[]>`
    SELECT p.id, s.key AS set_key, reperes_facet_set_key(p) AS place_key
    FROM "Place" p LEFT JOIN "FacetSet" s ON s.id = p."facetSetId"
    WHERE s.key IS DISTINCT FROM reperes_facet_set_key(p)
       OR s.services IS DISTINCT FROM p.services OR s.publics IS DISTINCT FROM p.publics OR s.typologies IS DISTINCT FROM p.typologies
       OR s.itinerance IS DISTINCT FROM p.itinerance OR s.labels IS DISTINCT FROM p.labels OR s.fees IS DISTINCT FROM p.fees`;
}

describe('facet sets', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it('every place points to the set of its own lists after the seed', async () => {
    expect(await db.place.count()).toBeGreaterThan(10);
    expect(await inconsistentPlaces()).toEqual([]);
  });

  it('follows the lists through Prisma updates, raw SQL, and back to an existing set', async () => {
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    const before = place.facetSetId;
    await db.place.update({ where: { id: place.id }, data: { programmes: ['AidantsConnect', 'PromeneursDuNet'], labels: ['FormeADuplex'] } });
    const changed = await db.place.findUniqueOrThrow({ where: { id: place.id } });
    expect(changed.facetSetId).not.toBe(before);
    await db.$executeRaw`UPDATE "Place" p SET programmes = s.programmes, labels = s.labels FROM "FacetSet" s WHERE s.id = ${before} AND p.id = ${place.id}::uuid`;
    expect((await db.place.findUniqueOrThrow({ where: { id: place.id } })).facetSetId).toBe(before);
    // Writing the id itself is undone: the lists decide.
    await db.$executeRaw`UPDATE "Place" SET "facetSetId" = ${changed.facetSetId} WHERE id = ${place.id}::uuid`;
    expect((await db.place.findUniqueOrThrow({ where: { id: place.id } })).facetSetId).toBe(before);
    expect(await inconsistentPlaces()).toEqual([]);
  });

  it('two transactions creating the same new set at once both succeed and share it', async () => {
    const [a, b] = [createPrismaClient(process.env.DATABASE_URL!, { max: 1 }), createPrismaClient(process.env.DATABASE_URL!, { max: 1 })];
    try {
      const template = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
      const lists = { services: ['LoisirsEtCreationsNumeriques' as const], publics: ['Femmes' as const], specificSupport: ['Surdite' as const] };
      const create = (client: typeof a, slug: string) =>
        client.$transaction(async (tx) => {
          const created = await tx.place.create({
            data: {
              slug,
              name: `Concurrent ${slug}`,
              street: template.street,
              postcode: template.postcode,
              commune: template.commune,
              status: 'PUBLISHED',
              dateMaj: new Date(),
              ...lists,
            },
          });
          // Both transactions hold their new set uncommitted for a while.
          await tx.$executeRaw`SELECT pg_sleep(0.3)`;
          return created;
        });
      const [one, two] = await Promise.all([create(a, 'concurrent-one'), create(b, 'concurrent-two')]);
      const ids = (await db.place.findMany({ where: { id: { in: [one.id, two.id] } } })).map((p) => p.facetSetId);
      expect(ids[0]).not.toBeNull();
      expect(ids[0]).toBe(ids[1]);
      expect(await inconsistentPlaces()).toEqual([]);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });

  // The reference: the same filters on each place's own arrays, as the search asked before the sets.
  const FAMILIES = {
    besoin: ['services', 'Service', ['AideAuxDemarchesAdministratives', 'MaitriseDesOutilsNumeriquesDuQuotidien', 'AccesInternetEtMaterielInformatique']],
    frais: ['fees', 'FraisACharge', ['Gratuit', 'Payant']],
    public: ['publics', 'PublicSpecifiquementAdresse', ['Seniors', 'Jeunes']],
    accompagnement: ['supportModes', 'ModaliteAccompagnement', ['AccompagnementIndividuel', 'DansUnAtelier']],
  } as const;

  it('a search by sets finds exactly the places whose own lists match (national and around, random filters)', async () => {
    const { SERVICE_LABELS, FEE_LABELS, PUBLIC_LABELS, SUPPORT_MODE_LABELS } = await import('../../lib/standard/enums');
    const labels: Record<string, Record<string, string>> = {
      besoin: SERVICE_LABELS,
      frais: FEE_LABELS,
      public: PUBLIC_LABELS,
      accompagnement: SUPPORT_MODE_LABELS,
    };
    const filterArb = fc.record(
      Object.fromEntries(Object.entries(FAMILIES).map(([key, [, , values]]) => [key, fc.subarray([...values] as string[], { maxLength: 2 })])),
    ) as fc.Arbitrary<Record<keyof typeof FAMILIES, string[]>>;
    await fc.assert(
      fc.asyncProperty(
        filterArb,
        fc.constantFrom(null, 'Angers', 'Cholet'),
        fc.constantFrom(undefined, 'itinerant', 'fixe'),
        async (chosen, ou, itinerance) => {
          const params: Record<string, string | string[]> = { ...chosen };
          if (ou) Object.assign(params, { ou, rayon: '50' });
          if (itinerance) params.itinerance = itinerance;
          const { filters } = parseSearchParams(params);
          const found = await searchPlaces(filters, { db, pageSize: 500 });
          const conditions = Object.entries(chosen)
            .filter(([, values]) => values.length)
            .map(([key, values]) => {
              const [column, type] = FAMILIES[key as keyof typeof FAMILIES];
              const array = values.map((v) => `'${labels[key][v].replace(/'/g, "''")}'`).join(',');
              return `p."${column}" && ARRAY[${array}]::"${type}"[]`;
            });
          if (itinerance === 'itinerant') conditions.push(`'Itinérant' = ANY(p.itinerance)`);
          if (itinerance === 'fixe') conditions.push(`NOT ('Itinérant' = ANY(p.itinerance))`);
          const expectedIds = new Set(
            (
              await db.$queryRawUnsafe<Array<{ id: string }>>(
                `SELECT p.id FROM "Place" p WHERE p.status = 'published' ${conditions.map((c) => `AND ${c}`).join(' ')}`,
              )
            ).map((r) => r.id),
          );
          const foundIds = found.results.map((r) => r.id);
          if (!ou) {
            expect(found.total).toBe(Math.min(expectedIds.size, NATIONAL_COUNT_CAP));
            expect(foundIds.every((id) => expectedIds.has(id))).toBe(true);
            expect(foundIds.length).toBe(Math.min(expectedIds.size, 500));
          } else {
            // Around a town: the places found are a subset of the reference (the radius decides the rest).
            expect(foundIds.every((id) => expectedIds.has(id))).toBe(true);
          }
          // The facet of a chosen need counts every place of the scope that offers it.
          if (!ou && chosen.besoin.length === 1) expect(found.facets.besoin[chosen.besoin[0]] ?? 0).toBe(found.total);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('counts the facets of every kind of search as the found places’ own lists do, even after set ids are reused', async () => {
    const reference = async (ids: string[]) => {
      const rows = await db.$queryRaw<Array<{ facet: string; value: string; count: number }>>`
        SELECT f.facet, f.value, count(*)::int AS count FROM "Place" p,
          LATERAL (SELECT 'besoin' AS facet, unnest(p.services)::text AS value UNION ALL SELECT 'frais', unnest(p.fees)::text
            UNION ALL SELECT 'accompagnement', unnest(p."supportModes")::text UNION ALL SELECT 'acces', unnest(p."accessModes")::text
            UNION ALL SELECT 'public', unnest(p.publics)::text UNION ALL SELECT 'prise_en_charge', unnest(p."specificSupport")::text
            UNION ALL SELECT 'dispositif', unnest(p.programmes)::text UNION ALL SELECT 'type', unnest(p.typologies)::text) AS f
        WHERE p.id = ANY(${ids}::uuid[]) GROUP BY 1, 2`;
      return facetsOf(rows);
    };
    const searches = [
      { ou: 'Angers', rayon: '50' },
      { ou: 'Cholet', rayon: '30', besoin: 'AideAuxDemarchesAdministratives' },
      { frais: 'Gratuit' },
      { ou: 'Angers', rayon: '50', ouvert: 'samedi' },
    ];
    const check = async () => {
      for (const params of searches) {
        const { filters, problems } = parseSearchParams(params);
        expect(problems).toEqual([]);
        const found = await searchPlaces(filters, { db, pageSize: 1000 });
        expect(found.results.length).toBe(found.total);
        expect(found.total).toBeGreaterThan(0);
        expect(found.facets).toEqual(await reference(found.results.map((r) => r.id)));
      }
    };
    await check();
    // A reset gives the first ids to other combinations of lists (created in another order): the
    // sets the process has read must not lend their lists to the new ones.
    await resetDatabase(db);
    await db.$executeRaw`SELECT setval(pg_get_serial_sequence('"FacetSet"', 'id'), 1, false)`;
    await db.$executeRaw`INSERT INTO "FacetSet" (key, services, fees, "supportModes", "accessModes", publics, "specificSupport", programmes, typologies, labels, itinerance)
      VALUES ('not-a-real-set', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}')`;
    await seedDemo(db, { testFixture: true });
    expect(await inconsistentPlaces()).toEqual([]);
    await check();
  });
});
