// The change feed (issue #22): order under racing writers, the cursor's integrity and age, and a
// harvester that starts from the export and follows the feed ends identical to the export.
import { Validator } from '@seriousme/openapi-schema-validator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStatus } from '../../lib/editing/update';
import { jsonRecord, standardRecords } from '../../lib/export/standard';
import { listPlaces } from '../../lib/export/api';
import { listChanges } from '../../lib/export/changes-api';
import { CURSOR_HEADER, decodeCursor, encodeCursor, presentPosition, pruneChanges, readChanges, signingKey } from '../../lib/export/changes';
import { mergeDuplicate } from '../../lib/import/merge';
import { openApiDocument } from '../../lib/export/openapi';
import { PEER_HEADER } from '../../lib/security/client-address';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';

const db = testDb();
const feed = (query: string) => listChanges(new Request(`http://localhost/api/v1/changements${query}`, { headers: { [PEER_HEADER]: '198.51.100.7' } }));
type Page = {
  changements: Array<{ type: string; id: string; date: string; champs?: string[]; remplace_par?: string; lieu?: Record<string, unknown> | null }>;
  curseur: string;
  a_jour: boolean;
};

async function exportMap() {
  const out = new Map<string, Record<string, unknown>>();
  for await (const record of standardRecords(db)) out.set(String(record.id), jsonRecord(record));
  return out;
}

/** What a harvester does with a page: upsert what is in the export, delete what left it. */
function apply(copy: Map<string, Record<string, unknown>>, page: Page) {
  for (const change of page.changements) {
    if (change.type === 'retrait' || change.type === 'fusion') copy.delete(change.id);
    else if (change.lieu) copy.set(change.id, change.lieu);
  }
}

async function follow(copy: Map<string, Record<string, unknown>>, cursor: string, limit = 3): Promise<string> {
  for (;;) {
    const response = await feed(`?depuis=${encodeURIComponent(cursor)}&limite=${limit}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    apply(copy, page);
    cursor = page.curseur;
    if (page.a_jour) return cursor;
    // Committed changes wait behind a transaction still running (another database of the server, say): come back shortly.
    if (page.changements.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the change feed', () => {
  beforeAll(async () => {
    await resetDatabase(db);
    await seedDemo(db, { testFixture: true });
    resetMemoryLimits();
  });
  afterAll(async () => {
    await resetDatabase(db);
  });

  it('keeps a harvester identical to the export through creations, edits, archives and a merge', async () => {
    const listed = await listPlaces(new Request('http://localhost/api/v1/lieux?limite=1', { headers: { [PEER_HEADER]: '198.51.100.8' } }));
    const start = listed.headers.get(CURSOR_HEADER)!;
    expect(start).toBeTruthy();
    const copy = await exportMap();
    const { admin } = await demoUsers(db);
    const [a, b, c, d] = await db.place.findMany({ where: { status: 'PUBLISHED', demo: false }, orderBy: { name: 'asc' }, take: 4 });
    const draft = await db.place.findFirstOrThrow({ where: { status: 'DRAFT', demo: false } });

    await db.place.update({ where: { id: a.id }, data: { name: `${a.name} (rénové)`, phone: '+33241000000' } });
    await db.place.update({ where: { id: a.id }, data: { version: { increment: 1 } } }); // bookkeeping only: no change
    expect(await setStatus(db, admin, { placeId: draft.id, status: 'PUBLISHED' })).toEqual({ status: 'done' });
    expect(await setStatus(db, admin, { placeId: b.id, status: 'ARCHIVED' })).toEqual({ status: 'done' });
    const flag = await db.placeDuplicate.create({ data: { placeId: c.id, otherId: d.id, score: 0.9, details: {} } });
    expect(await mergeDuplicate(db, admin, { duplicateId: flag.id, winnerId: d.id, choices: { phone: 'loser' } })).toMatchObject({ status: 'merged' });

    const end = await follow(copy, start);
    expect(copy).toEqual(await exportMap());

    const replay = (await (await feed(`?depuis=${encodeURIComponent(start)}`)).json()) as Page;
    const types = replay.changements.map((x) => `${x.type}:${x.id}`);
    expect(types).toEqual(
      expect.arrayContaining([`modification:${a.id}`, `creation:${draft.id}`, `retrait:${b.id}`, `fusion:${c.id}`, `modification:${d.id}`]),
    );
    expect(replay.changements.filter((x) => x.id === a.id)).toHaveLength(1);
    expect(replay.changements.find((x) => x.id === a.id)?.champs).toEqual(['nom', 'telephone']);
    expect(replay.changements.find((x) => x.id === c.id)?.remplace_par).toBe(d.id);
    // Nothing new since: the same cursor comes back, the harvester is up to date.
    const idle = (await (await feed(`?depuis=${encodeURIComponent(end)}`)).json()) as Page;
    expect(idle).toMatchObject({ changements: [], curseur: end, a_jour: true });
  });

  it('never lets out a demonstration place', async () => {
    const key = await signingKey(db);
    const before = await presentPosition(db);
    const demo = await db.place.create({
      data: {
        slug: 'lieu-fictif-du-flux',
        name: 'Lieu fictif',
        street: '1 rue',
        postcode: '49000',
        commune: 'Angers',
        dateMaj: new Date(),
        status: 'PUBLISHED',
        demo: true,
      },
    });
    await db.place.update({ where: { id: demo.id }, data: { name: `${demo.name} bis` } });
    const { changes } = await readChanges(db, before, 100);
    expect(changes.map((x) => x.id)).not.toContain(demo.id);
    expect(decodeCursor(key, encodeCursor(key, before))).toEqual(before);
  });

  it('refuses a forged, altered or missing cursor with the way to resynchronise, and a too old one with 410', async () => {
    const key = await signingKey(db);
    const good = encodeCursor(key, await presentPosition(db));
    const [body, sig] = good.split('.');
    const forged = [
      `${Buffer.from('zz:0').toString('base64url')}.${sig}`,
      `${body}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`,
      `${body}.${'A'.repeat(22)}`,
      'pas-un-curseur',
      `${body}`,
      `${body}.${sig}x`,
    ];
    for (const cursor of forged) {
      const response = await feed(`?depuis=${encodeURIComponent(cursor)}`);
      expect(response.status, cursor).toBe(400);
      const problem = (await response.json()) as { code: string; detail: string; resynchronisation: { etapes: string[]; export: string } };
      expect(problem.code).toBe('curseur_invalide');
      expect(problem.detail).toMatch(/n’a pas été donné par Repères/);
      expect(problem.resynchronisation.export).toBe('/donnees/export/json');
      expect(problem.resynchronisation.etapes.join(' ')).toContain(CURSOR_HEADER);
    }
    expect(((await (await feed('')).json()) as { code: string }).code).toBe('curseur_manquant');
    expect((await feed(`?depuis=${good}&limite=0`)).status).toBe(400);

    // Old rows pruned: a cursor from before them must resynchronise; one after them goes on.
    const old = encodeCursor(key, { txid: BigInt(0), id: BigInt(0) });
    expect((await feed(`?depuis=${old}`)).status).toBe(200);
    await db.$executeRaw`UPDATE "PlaceChange" SET at = now() - interval '200 days' WHERE id IN (SELECT id FROM "PlaceChange" ORDER BY txid, id LIMIT 5)`;
    expect(await pruneChanges(db, 90)).toBe(5);
    const expired = await feed(`?depuis=${old}`);
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { code: string }).code).toBe('curseur_expire');
    expect((await feed(`?depuis=${good}`)).status).toBe(200);
  });

  it('is described in the OpenAPI document, which stays valid', async () => {
    const doc = openApiDocument('http://localhost');
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.paths['/changements'].get.parameters.map((p) => p.name)).toEqual(['depuis', 'limite']);
    expect(doc.paths['/lieux'].get.parameters.map((p) => p.name)).toContain('modifie_depuis');
  });

  it('?modifie_depuis lists the places changed since a date, and refuses a wrong date in French', async () => {
    const get = (q: string) => listPlaces(new Request(`http://localhost/api/v1/lieux${q}`, { headers: { [PEER_HEADER]: '198.51.100.9' } }));
    const place = await db.place.findFirstOrThrow({ where: { status: 'PUBLISHED', demo: false } });
    await db.$executeRaw`UPDATE "Place" SET "updatedAt" = now() - interval '30 days'`;
    const [{ now }] = await db.$queryRaw<Array<{ now: Date }>>`SELECT clock_timestamp() AS now`;
    const since = now.toISOString();
    await db.$executeRaw`UPDATE "Place" SET summary = 'Nouvelle présentation' WHERE id = ${place.id}::uuid`;
    const body = (await (await get(`?modifie_depuis=${since}`)).json()) as { lieux: Array<{ id: string }> };
    expect(body.lieux.map((l) => l.id)).toEqual([place.id]);
    for (const wrong of ['hier', '2026-02-30', '2026-12-06T25:00:00Z']) {
      const response = await get(`?modifie_depuis=${encodeURIComponent(wrong)}`);
      expect(response.status, wrong).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toMatch(/modifie_depuis/);
    }
  });

  it('a transaction holding a lower id that commits late is still served, after what was served', async () => {
    const url = process.env.DATABASE_URL!;
    const [slow, fast] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([slow.connect(), fast.connect()]);
    try {
      const [p1, p2] = await db.place.findMany({ where: { status: 'PUBLISHED', demo: false }, take: 2, orderBy: { id: 'asc' } });
      let cursor = await presentPosition(db);
      await slow.query('BEGIN');
      await slow.query(`UPDATE "Place" SET name = name || ' (lent)' WHERE id = $1`, [p1.id]); // takes the lower serial
      await fast.query(`UPDATE "Place" SET name = name || ' (rapide)' WHERE id = $1`, [p2.id]); // commits at once
      const [{ max }] = await db.$queryRaw<Array<{ max: bigint }>>`SELECT max(id) AS max FROM "PlaceChange"`;
      // The trap: a reader by serial alone would serve the fast change now and skip the slow one later.
      const early = await readChanges(db, cursor, 100);
      expect(early.changes).toEqual([]);
      await slow.query('COMMIT');
      const late = await readChanges(db, cursor, 100);
      expect(late.changes.map((x) => x.id)).toEqual([p1.id, p2.id]);
      expect(late.next.id).toBe(max);
      cursor = late.next;
      expect((await readChanges(db, cursor, 100)).changes).toEqual([]);
    } finally {
      await Promise.all([slow.end(), fast.end()]);
    }
  });

  it('a reader following while writers race reads every change exactly once, in the order of the log', async () => {
    const url = process.env.DATABASE_URL!;
    const places = (await db.place.findMany({ where: { status: 'PUBLISHED', demo: false }, select: { id: true }, take: 30 })).map((p) => p.id);
    const start = await presentPosition(db);
    let last: { txid: bigint; id: bigint } | null = null;
    const writer = async (n: number) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (let i = 0; i < 40; i++) {
          await client.query('BEGIN');
          const count = 1 + ((n + i) % 3);
          for (let k = 0; k < count; k++) {
            await client.query(`UPDATE "Place" SET summary = $2 WHERE id = $1`, [places[(n * 7 + i * 3 + k) % places.length], `w${n} t${i} k${k}`]);
            await client.query('SELECT pg_sleep($1)', [((n * 13 + i * 7 + k) % 5) / 1000]);
          }
          await client.query(i % 9 === 4 ? 'ROLLBACK' : 'COMMIT');
        }
      } finally {
        await client.end();
      }
    };
    const read: string[] = [];
    // The reader follows while the writers race, then until it reaches the last change written
    // (a transaction elsewhere on the server may hold the feed back a while: it delays, never loses).
    const reader = async () => {
      let cursor = start;
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const { changes, next } = await readChanges(db, cursor, 7);
        read.push(...changes.map((x) => `${x.id}|${x.champs?.join(',')}`));
        cursor = next;
        if (last && (cursor.txid > last.txid || (cursor.txid === last.txid && cursor.id >= last.id))) return;
        if (changes.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const done = reader();
    await Promise.all([0, 1, 2, 3].map(writer));
    const [end] = await db.$queryRaw<Array<{ txid: bigint; id: bigint }>>`SELECT txid, id FROM "PlaceChange" ORDER BY txid DESC, id DESC LIMIT 1`;
    last = { txid: BigInt(end.txid), id: BigInt(end.id) };
    await done;
    const log = await db.$queryRaw<Array<{ line: string }>>`
      SELECT "placeId"::text || '|' || array_to_string(fields, ',') AS line
      FROM "PlaceChange" WHERE (txid, id) > (${start.txid}::bigint, ${start.id}::bigint) ORDER BY txid, id`;
    expect(log.length).toBeGreaterThan(100);
    expect(read).toEqual(log.map((r) => r.line));
  });
});
