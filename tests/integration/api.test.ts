import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPlaces, onePlace } from '../../lib/export/api';
import { openApiDocument } from '../../lib/export/openapi';
import { PEER_HEADER } from '../../lib/security/client-address';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { resetDatabase, testDb } from '../helpers/db';
import { validateRows } from '../helpers/table-schema';

const db = testDb();
const get = (query: string, headers: Record<string, string> = {}) =>
  listPlaces(new Request(`http://localhost/api/v1/lieux${query}`, { headers: { [PEER_HEADER]: '198.51.100.1', ...headers } }));

describe('the public API', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    resetMemoryLimits();
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('pages through every published place with a cursor', async () => {
    const published = await db.place.count({ where: { status: 'PUBLISHED' } });
    const seen: string[] = [];
    let next: string | null = '?limite=10';
    while (next) {
      const response = await get(next.replace('/api/v1/lieux', ''));
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const body = (await response.json()) as { total: number; lieux: Array<{ id: string }>; suivant: string | null };
      expect(body.total).toBe(published);
      seen.push(...body.lieux.map((l) => l.id));
      next = body.suivant;
    }
    expect(seen).toHaveLength(published);
    expect(new Set(seen).size).toBe(published);
  });

  it('filters like the search and answers 304 to a known ETag', async () => {
    const response = await get('?besoin=AideAuxDemarchesAdministratives&frais=Gratuit');
    const body = (await response.json()) as { lieux: Array<{ services: string[]; frais_a_charge: string[] }> };
    expect(body.lieux.length).toBeGreaterThan(0);
    for (const lieu of body.lieux) {
      expect(lieu.services).toContain('Aide aux démarches administratives');
      expect(lieu.frais_a_charge).toContain('Gratuit');
    }
    const etag = response.headers.get('etag')!;
    expect((await get('?besoin=AideAuxDemarchesAdministratives&frais=Gratuit', { 'if-none-match': etag })).status).toBe(304);
    const place = await db.place.findFirstOrThrow({
      where: { status: 'PUBLISHED', services: { has: 'AideAuxDemarchesAdministratives' }, fees: { has: 'Gratuit' } },
    });
    await db.place.update({ where: { id: place.id }, data: { summary: 'Changé' } });
    expect((await get('?besoin=AideAuxDemarchesAdministratives&frais=Gratuit', { 'if-none-match': etag })).status).toBe(200);
  });

  it('serves the whole selection as a valid standard CSV', async () => {
    const response = await get('?format=csv&reseau=cybanjou');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = parse(await response.text()) as string[][];
    expect(rows.length).toBe(await db.place.count({ where: { status: 'PUBLISHED', networks: { some: { network: { slug: 'cybanjou' } } } } }));
    expect(validateRows(header, rows)).toEqual([]);
  });

  it('answers one place, and 404 for drafts, unknown or malformed ids', async () => {
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
    const ok = await onePlace(new Request('http://localhost'), place.id);
    expect(((await ok.json()) as { nom: string }).nom).toBe(place.name);
    const draft = await db.place.findFirstOrThrow({ where: { status: 'DRAFT' } });
    expect((await onePlace(new Request('http://localhost'), draft.id)).status).toBe(404);
    expect((await onePlace(new Request('http://localhost'), "1' OR '1'='1")).status).toBe(404);
  });

  it('explains bad parameters in French and limits each address', async () => {
    const bad = await get('?format=xml');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toContain('Format inconnu');
    resetMemoryLimits();
    let last = 200;
    for (let i = 0; i < 125 && last !== 429; i++) last = (await get('?limite=1', { [PEER_HEADER]: '203.0.113.9' })).status;
    expect(last).toBe(429);
    expect((await get('?limite=1', { [PEER_HEADER]: '203.0.113.10' })).status).toBe(200);
  });

  it('publishes an OpenAPI 3.1 description', () => {
    const doc = openApiDocument('http://localhost');
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/lieux', '/lieux/{id}', '/changements', '/ateliers']);
  });
});
