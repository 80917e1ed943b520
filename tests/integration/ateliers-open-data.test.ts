// The ateliers' open data on the real database: GET /api/v1/ateliers (every filter, the cursor
// through every session once, ETag and 304, French 400s, CORS), the CSV and JSON files checked
// against data/ateliers/schema.json, the OpenAPI document validated by an OpenAPI 3.1 validator,
// and what must never leave: a draft or demo place's sessions, a registrant's name, e-mail or phone.
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAtelier, cancelSession } from '../../lib/ateliers/store';
import { register } from '../../lib/ateliers/registration';
import { dataPath } from '../../lib/data/files';
import { ATELIER_COLUMNS, ATELIER_LIST_COLUMNS, sessionConditions, sessionExportStream } from '../../lib/export/ateliers';
import { listSessions } from '../../lib/export/ateliers-api';
import { openApiDocument } from '../../lib/export/openapi';
import { PEER_HEADER } from '../../lib/security/client-address';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';
import { loadTableSchema, validateRecords, validateTable } from '../helpers/frictionless';

const db = testDb();
const now = new Date('2027-01-04T09:00:00Z');
const schema = loadTableSchema(dataPath('ateliersSchema'));
let users: Awaited<ReturnType<typeof demoUsers>>;
let placeId: string;
let placeSlug: string;
let draftId: string;
type Body = { seances: Array<Record<string, unknown>>; suivant: string | null; avertissements: string[] };

const get = (query: string, headers: Record<string, string> = {}) =>
  listSessions(new Request(`http://localhost/api/v1/ateliers${query}`, { headers: { [PEER_HEADER]: '198.51.100.7', ...headers } }), now);
const body = async (query: string) => (await (await get(query)).json()) as Body;
const fields = (extra: Record<string, string | string[]> = {}) => ({
  title: 'Prendre en main son smartphone',
  summary: 'Les gestes de base, à son rythme.',
  themes: ['MaitriseDesOutilsNumeriquesDuQuotidien'],
  date: '2027-01-05',
  start: '14:00',
  end: '16:00',
  ...extra,
});

beforeAll(async () => {
  await resetDatabase(db);
  await seedDemo(db, { testFixture: true });
  resetMemoryLimits();
  await db.atelier.deleteMany(); // the fixture's own ateliers: the counts below are of this file's
  users = await demoUsers(db);
  const place = await db.place.findUniqueOrThrow({ where: { id: users.editor.placeIds[0] } });
  placeId = place.id;
  placeSlug = place.slug;
  expect(place.status).toBe('PUBLISHED');
  const weekly = await createAtelier(db, users.admin, placeId, fields({ repetition: 'weekly', until: '2027-02-23' }), now);
  const paid = await createAtelier(
    db,
    users.admin,
    placeId,
    fields({
      title: 'Démarches CAF en ligne',
      themes: ['AideAuxDemarchesAdministratives'],
      fee: 'Payant',
      date: '2027-01-07',
      registrationMode: 'REPERES',
      capacity: '8',
    }),
    now,
  );
  const online = await createAtelier(db, users.admin, placeId, fields({ title: 'Visio : sécuriser ses comptes', online: 'on', date: '2027-01-08' }), now);
  expect([weekly.ok, paid.ok, online.ok]).toEqual([true, true, true]);
  if (!paid.ok) return;
  const session = await db.atelierSession.findFirstOrThrow({ where: { atelier: { id: paid.id } } });
  await register(
    db,
    { sessionId: session.id, firstName: 'Hortense', email: 'hortense.secret@example.org', phone: '', clientKey: 'open-data' },
    'http://x',
    now,
  );
  const draft = await db.place.findFirstOrThrow({ where: { status: 'DRAFT' } });
  draftId = draft.id;
  expect((await createAtelier(db, users.admin, draftId, fields({ title: 'Atelier d’un brouillon' }), now)).ok).toBe(true);
  if (!weekly.ok) return;
  const second = await db.atelierSession.findFirstOrThrow({ where: { atelierId: weekly.id }, orderBy: { startsAt: 'asc' }, skip: 1 });
  await cancelSession(db, users.admin, second.id, now);
}, 60_000);

afterAll(async () => {
  await resetDatabase(db);
});

describe('GET /api/v1/ateliers', () => {
  it('pages through every public coming session once, soonest first, with CORS', async () => {
    const seen: Array<Record<string, unknown>> = [];
    let next: string | null = '?limite=3';
    while (next) {
      const response = await get(next.replace('/api/v1/ateliers', ''));
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const page = (await response.json()) as Body;
      seen.push(...page.seances);
      next = page.suivant;
    }
    expect(seen).toHaveLength(8 + 1 + 1); // the weekly series, the paid one, the online one; not the draft's
    expect(new Set(seen.map((s) => s.id_seance)).size).toBe(seen.length);
    expect(seen.map((s) => s.debut)).toEqual([...seen.map((s) => s.debut as string)].sort());
    expect(seen.some((s) => s.titre === 'Atelier d’un brouillon')).toBe(false);
    expect(seen.filter((s) => s.annulee)).toHaveLength(1);
    expect(validateRecords(schema, seen, ATELIER_LIST_COLUMNS)).toEqual([]);
  });

  it('filters by place, network, theme, free, online, dates and radius', async () => {
    expect((await body(`?lieu=${placeSlug}`)).seances).toHaveLength(10);
    expect((await body('?lieu=un-lieu-qui-n-existe-pas')).seances).toHaveLength(0);
    const network = await db.network.findFirstOrThrow({ where: { members: { some: { placeId } } } });
    expect((await body(`?reseau=${network.slug}`)).seances).toHaveLength(10);
    expect((await body('?theme=AideAuxDemarchesAdministratives')).seances.map((s) => s.titre)).toEqual(['Démarches CAF en ligne']);
    expect((await body('?gratuit=1')).seances).toHaveLength(9);
    expect((await body('?enligne=1')).seances.map((s) => s.titre)).toEqual(['Visio : sécuriser ses comptes']);
    const week = await body('?du=2027-01-05&au=2027-01-08');
    expect(week.seances.map((s) => s.debut)).toEqual(['2027-01-05T13:00:00Z', '2027-01-07T13:00:00Z', '2027-01-08T13:00:00Z']);
    const place = await db.place.findUniqueOrThrow({ where: { id: placeId } });
    const near = await body(`?lat=${place.latitude}&lng=${place.longitude}&rayon=2`);
    expect(near.seances).toHaveLength(9); // on site only
    const far = await body(`?lat=${place.latitude! + 3}&lng=${place.longitude}&rayon=100`);
    expect(far.seances).toHaveLength(0);
  });

  it('never shows a registrant, only a count of seats left', async () => {
    const text = await (await get('?limite=500')).text();
    expect(text).not.toMatch(/Hortense|hortense\.secret|inscrits?"/i);
    const paid = (JSON.parse(text) as Body).seances.find((s) => s.titre === 'Démarches CAF en ligne')!;
    expect([paid.capacite, paid.places_restantes, paid.inscription]).toEqual([8, 7, 'reperes']);
  });

  it('answers 304 to its ETag, and a new one once a seat is taken', async () => {
    const first = await get('?theme=AideAuxDemarchesAdministratives');
    const etag = first.headers.get('etag')!;
    expect((await get('?theme=AideAuxDemarchesAdministratives', { 'if-none-match': etag })).status).toBe(304);
    const session = await db.atelierSession.findFirstOrThrow({ where: { atelier: { title: 'Démarches CAF en ligne' } } });
    await db.atelierSession.update({ where: { id: session.id }, data: { seatsTaken: { increment: 1 } } });
    expect((await get('?theme=AideAuxDemarchesAdministratives', { 'if-none-match': etag })).status).toBe(200);
  });

  it('explains bad parameters in French', async () => {
    const cases: Array<[string, string]> = [
      ['?format=xml', 'Format inconnu'],
      ['?limite=0', '« limite »'],
      ['?apres=nimportequoi', 'Curseur'],
      ['?du=05/01/2027', 'AAAA-MM-JJ'],
      ['?lat=200&lng=1', 'Coordonnées'],
    ];
    for (const [query, message] of cases) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toContain(message);
    }
  });

  it('is described in a valid OpenAPI 3.1 document whose record is the Table Schema’s', async () => {
    const doc = openApiDocument('http://localhost');
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths).sort()).toEqual(['/ateliers', '/changements', '/lieux', '/lieux/{id}']);
    expect(Object.keys(doc.components.schemas.Seance.properties)).toEqual(schema.fields.map((f) => f.name));
    expect([...ATELIER_COLUMNS]).toEqual(schema.fields.map((f) => f.name));
  });
});

describe('the files of /donnees/ateliers', () => {
  const read = async (format: 'csv' | 'json') => {
    const query = await sessionConditions(new URL('http://localhost/donnees/ateliers/csv'), now);
    if ('error' in query) throw new Error(query.error);
    return new Response(sessionExportStream(query.where, format)).text();
  };

  it('exports the CSV, valid against every constraint of data/ateliers/schema.json', async () => {
    const [header, ...rows] = parse(await read('csv')) as string[][];
    expect(rows).toHaveLength(10);
    expect(validateTable(schema, header, rows)).toEqual([]);
    // The check can fail: a broken row is reported.
    const broken = rows.map((r) => [...r]);
    broken[0][header.indexOf('debut')] = '2027-01-05 14:00';
    broken[1][header.indexOf('frais')] = 'Gratuit ou presque';
    expect(validateTable(schema, header, broken)).toEqual([
      expect.stringContaining('debut is not a UTC datetime'),
      expect.stringContaining('frais is not one of'),
    ]);
  });

  it('exports the JSON with the same records, and every session ends after it starts', async () => {
    const records = JSON.parse(await read('json')) as Array<Record<string, string>>;
    expect(records).toHaveLength(10);
    expect(validateRecords(schema, records, ATELIER_LIST_COLUMNS)).toEqual([]);
    for (const r of records) expect(Date.parse(r.fin)).toBeGreaterThan(Date.parse(r.debut));
  });
});
