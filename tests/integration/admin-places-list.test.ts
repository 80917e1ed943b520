// The back-office list of places (/admin/lieux) in SQL: filters, sorts, completeness and pages over
// more places than a page, checked against a reference computed the old way (every place loaded
// through Prisma, completeness scored in JavaScript) on the same PostgreSQL database.
import type { Prisma } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeScopeSql, placeScopeWhere, type SessionUser } from '../../lib/auth/permissions';
import { completeness } from '../../lib/places/completeness';
import {
  ADMIN_PLACES_PAGE_SIZE,
  COMPLETENESS_BANDS,
  listAdminPlaces,
  monthsBefore,
  pageLinks,
  parseAdminPlaceQuery,
  type AdminPlaceQuery,
  type AdminPlaceRow,
} from '../../lib/places/admin-list';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';

const db = testDb();
const NOW = new Date('2026-12-06T10:00:00Z');
const EXTRA = 70;

/** The page's old `monthsAgo`, at NOW. */
function monthsAgo(months: number) {
  const date = new Date(NOW);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

/** The list as the page used to compute it: Prisma filters, completeness in JS, then pages. */
async function reference(user: SessionUser, query: AdminPlaceQuery): Promise<Array<{ id: string; score: number }>> {
  const where: Prisma.PlaceWhereInput = {
    AND: [placeScopeWhere(user), query.networkId ? { networks: { some: { networkId: query.networkId } } } : {}],
    ...(query.status ? { status: query.status } : {}),
    ...(query.staleMonths ? { dateMaj: { lt: monthsAgo(query.staleMonths) } } : {}),
    ...(query.q ? { OR: [{ name: { contains: query.q, mode: 'insensitive' } }, { commune: { contains: query.q, mode: 'insensitive' } }] } : {}),
  };
  const orderBy: Prisma.PlaceOrderByWithRelationInput[] =
    query.sort === 'fraicheur'
      ? [{ dateMaj: 'asc' }, { name: 'asc' }, { id: 'asc' }]
      : query.sort === 'modifies'
        ? [{ updatedAt: 'desc' }, { id: 'asc' }]
        : query.sort === 'nom'
          ? [{ name: 'asc' }, { id: 'asc' }]
          : [{ commune: 'asc' }, { name: 'asc' }, { id: 'asc' }];
  const rows = await db.place.findMany({ where, orderBy });
  const band = query.band ? COMPLETENESS_BANDS[query.band] : undefined;
  return rows.map((p) => ({ id: p.id, score: completeness(p).score })).filter((p) => !band || (p.score >= band[0] && p.score < band[1]));
}

/** Every page of the list, one after another, until the last. */
async function allPages(user: SessionUser, query: Omit<AdminPlaceQuery, 'page'>) {
  const first = await listAdminPlaces(user, { ...query, page: 1 }, NOW, db);
  const rows: AdminPlaceRow[] = [...first.places];
  for (let page = 2; page <= first.pageCount; page++) {
    const next = await listAdminPlaces(user, { ...query, page }, NOW, db);
    expect(next.total).toBe(first.total);
    expect(next.places.length).toBe(page < first.pageCount ? ADMIN_PLACES_PAGE_SIZE : first.total - (first.pageCount - 1) * ADMIN_PLACES_PAGE_SIZE);
    rows.push(...next.places);
  }
  return { total: first.total, pageCount: first.pageCount, rows };
}

describe('the back-office list of places', () => {
  let admin: SessionUser, coordinator: SessionUser, editor: SessionUser, hubCoordinator: SessionUser;
  let cybanjou: string;

  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    ({ admin, coordinator, editor, hubCoordinator } = await demoUsers(db));
    cybanjou = (await db.network.findUniqueOrThrow({ where: { slug: 'cybanjou' } })).id;
    // More places than two pages, in Cyb@njou, whose fields vary so that every completeness check,
    // band, status and freshness (the 6-month boundary day itself included) is met and missed.
    const boundary = new Date(`${monthsBefore(NOW, 6)}T00:00:00Z`);
    const day = 24 * 3600 * 1000;
    for (let i = 0; i < EXTRA; i++) {
      const bit = (n: number) => (i >> n) & 1;
      const place = await db.place.create({
        data: {
          slug: `liste-${i}`,
          name: `Liste ${String(i).padStart(2, '0')}${i % 7 === 0 ? ' 100%_sûr' : ''}`,
          street: `${i} rue des Essais`,
          postcode: '49000',
          commune: ['Angers', 'Saumur', 'Cholet', 'angers'][i % 4],
          status: (['PUBLISHED', 'DRAFT', 'ARCHIVED'] as const)[i % 3],
          dateMaj: new Date(boundary.getTime() + ((i % 5) - 2) * day * (i % 2 ? 1 : 40)),
          openingHours: bit(0) ? 'Mo-Fr 09:00-12:00' : i % 3 ? '  ' : null,
          phone: bit(1) ? '+33241000000' : i % 4 === 1 ? '' : null,
          emails: bit(2) ? ['contact@example.org'] : [],
          services: bit(3) ? ['AideAuxDemarchesAdministratives'] : [],
          latitude: bit(4) ? 47.47 : null,
          longitude: bit(4) || i % 9 === 0 ? -0.55 : null,
          fees: bit(5) ? ['Gratuit'] : [],
          accessModes: bit(0) && bit(2) ? ['SePresenter'] : [],
          supportModes: bit(1) && bit(3) ? ['AccompagnementIndividuel'] : [],
          summary: bit(2) ? 'Un lieu pour apprendre.' : i % 5 === 0 ? '\n\t ' : null,
          typologies: bit(3) && bit(4) ? ['ACI'] : [],
          websites: bit(5) && bit(0) ? ['https://example.org'] : [],
          publics: bit(6) ? ['Jeunes'] : [],
          presentation: bit(1) && bit(5) ? 'Détails.' : null,
          accesLibreUrl: bit(6) && bit(0) ? 'https://acceslibre.beta.gouv.fr/x' : i % 6 === 0 ? '' : null,
          pivot: bit(4) && bit(6) ? '12345678901234' : null,
        },
      });
      await db.networkMembership.create({ data: { placeId: place.id, networkId: cybanjou } });
    }
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('scores completeness in SQL exactly as completeness() does, for every place', async () => {
    const { rows, total } = await allPages(admin, parseAdminPlaceQuery({}));
    expect(total).toBe(await db.place.count());
    expect(total).toBeGreaterThan(2 * ADMIN_PLACES_PAGE_SIZE);
    const places = new Map((await db.place.findMany()).map((p) => [p.id, p]));
    for (const row of rows) expect(row.score, places.get(row.id)!.name).toBe(completeness(places.get(row.id)!).score);
    // The data above covers every band.
    for (const [min, max] of Object.values(COMPLETENESS_BANDS)) expect(rows.some((r) => r.score >= min && r.score < max)).toBe(true);
  });

  it('gives every place once across the pages, in the order and with the filters of the old list, for each user', async () => {
    const queries: Array<Record<string, string>> = [
      {},
      { tri: 'nom' },
      { tri: 'fraicheur' },
      { tri: 'modifies' },
      { statut: 'PUBLISHED' },
      { statut: 'DRAFT', tri: 'nom' },
      { maj: '6' },
      { maj: '12', tri: 'fraicheur' },
      { completude: 'faible' },
      { completude: 'moyenne', tri: 'nom' },
      { completude: 'bonne', statut: 'PUBLISHED' },
      { q: 'ANGERS' },
      { q: 'liste 1' },
      { q: 'cholet', maj: '6', completude: 'faible', statut: 'ARCHIVED' },
    ];
    for (const [label, user] of Object.entries({ admin, coordinator, editor, hubCoordinator })) {
      for (const params of queries) {
        for (const networkId of [undefined, cybanjou]) {
          const query = parseAdminPlaceQuery(params, networkId);
          const expected = await reference(user, { ...query, page: 1 });
          const { rows, total, pageCount } = await allPages(user, query);
          const context = `${label} ${JSON.stringify(params)} ${networkId ? 'cybanjou' : ''}`;
          expect(total, context).toBe(expected.length);
          expect(pageCount, context).toBe(Math.max(1, Math.ceil(expected.length / ADMIN_PLACES_PAGE_SIZE)));
          expect(
            rows.map((r) => r.id),
            context,
          ).toEqual(expected.map((r) => r.id));
          expect(
            rows.map((r) => r.score),
            context,
          ).toEqual(expected.map((r) => r.score));
        }
      }
    }
  });

  // The one change from the old list: Prisma's `contains` passed % and _ to ILIKE as wildcards, so
  // searching « % » listed every place; they are now taken literally.
  it('reads a literal % and _ in the search text, and ignores unknown parameters', async () => {
    for (const q of ['100%_', '%', '_s']) {
      const found = await listAdminPlaces(admin, parseAdminPlaceQuery({ q }), NOW, db);
      expect(found.total, q).toBe(Math.ceil(EXTRA / 7));
      expect(
        found.places.every((p) => p.name.includes('100%_sûr')),
        q,
      ).toBe(true);
    }
    expect(parseAdminPlaceQuery({ statut: 'published', tri: 'prix', maj: '3', completude: 'toString', page: '-4' })).toEqual({
      q: '',
      status: undefined,
      networkId: undefined,
      staleMonths: undefined,
      band: undefined,
      sort: '',
      page: 1,
    });
    expect(parseAdminPlaceQuery({ page: '2.7' }).page).toBe(2);
    expect(parseAdminPlaceQuery({ page: '1e12' }).page).toBe(100_000);
  });

  it('answers an empty page beyond the last, with the true total', async () => {
    const beyond = await listAdminPlaces(admin, parseAdminPlaceQuery({ page: '50' }), NOW, db);
    expect(beyond.places).toEqual([]);
    expect(beyond.total).toBe(await db.place.count());
  });

  it('narrows raw SQL by exactly the same scope as placeScopeWhere', async () => {
    for (const user of [admin, coordinator, editor, hubCoordinator]) {
      const sql = await db.$queryRaw<Array<{ id: string }>>`SELECT p.id::text AS id FROM "Place" p WHERE ${placeScopeSql(user, 'p')} ORDER BY 1`;
      const prisma = await db.place.findMany({ where: placeScopeWhere(user), select: { id: true }, orderBy: { id: 'asc' } });
      expect(sql.map((r) => r.id).sort(), user.email).toEqual(prisma.map((r) => r.id).sort());
    }
  });

  it('links the first, the last and the pages around the current one', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 3)).toEqual([1, 2, 3]);
    expect(pageLinks(1, 10)).toEqual([1, 2, 3, null, 10]);
    expect(pageLinks(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pageLinks(4, 10)).toEqual([1, 2, 3, 4, 5, 6, null, 10]);
    expect(pageLinks(10, 10)).toEqual([1, null, 8, 9, 10]);
  });
});
