// The change feed across a restore (issue #22, lib/export/feed-reset.ts). The backup comes from a
// database whose rows carry transaction ids far above this server's counter (as when production's
// backup is restored onto a new server, the embedded PostgreSQL or a fresh CI machine): its
// PlaceChange txids are moved 10^12 up before the backup, in reverse order of their ids, so that
// an order kept by id alone would show too. Then, after the restore into the test database and new
// changes there: a reader from the start gets the restored changes in their old order, then the
// new ones; a cursor given before the restore (by the backup's database or by the one overwritten)
// is answered 410 `curseur_reinitialise`; the export's cursor works; a webhook gets the reset
// notice first, its contact a mail, then the new changes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, type BackupFormat, findPgTool, restoreDatabase, serverMajor } from '../../lib/db/backup';
import { createPrismaClient } from '../../lib/db/client';
import { createFreshDatabase } from '../../lib/db/fresh';
import { listPlaces } from '../../lib/export/api';
import { listChanges } from '../../lib/export/changes-api';
import { CURSOR_HEADER, encodeCursor, feedState, presentCursor } from '../../lib/export/changes';
import { deliverDue } from '../../lib/harvesters/deliver';
import { registerHarvester } from '../../lib/harvesters/store';
import { PEER_HEADER } from '../../lib/security/client-address';
import { resetMemoryLimits } from '../../lib/security/rate-limit';
import { seedDemo } from '../../prisma/seed';
import { demoUsers, resetDatabase, testDb } from '../helpers/db';
import { mailSubject, mailText, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

const db = testDb();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reperes-feed-restore-'));
const feed = (cursor: string, limit = 1000) =>
  listChanges(
    new Request(`http://localhost/api/v1/changements?depuis=${encodeURIComponent(cursor)}&limite=${limit}`, { headers: { [PEER_HEADER]: '198.51.100.21' } }),
  );
type Page = { changements: Array<{ type: string; id: string; lieu?: { nom: string } | null }>; curseur: string; a_jour: boolean };
type Problem = { status: number; code: string; detail: string; resynchronisation: { etapes: string[]; export: string } };

const TYPES: Record<string, string> = { created: 'creation', updated: 'modification', removed: 'retrait', merged: 'fusion' };
let source: PrismaClient;
let sourceUrl: string;
let sink: SmtpSink;

/** The feed's rows of a database in the order readers serve them. */
async function logOf(client: PrismaClient) {
  const rows = await client.$queryRaw<Array<{ placeId: string; kind: string; txid: bigint }>>`
    SELECT "placeId"::text AS "placeId", kind, txid FROM "PlaceChange" ORDER BY txid, id`;
  return rows;
}

async function rename(client: PrismaClient, count: number, suffix: string, skip = 0) {
  const places = await client.place.findMany({ where: { status: 'PUBLISHED', demo: false }, orderBy: { slug: 'asc' }, skip, take: count });
  for (const p of places) await client.place.update({ where: { id: p.id }, data: { name: `${p.name} ${suffix}` } });
  return places.map((p) => p.id);
}

/** Every page from a cursor to the end. */
async function readAll(cursor: string, limit: number) {
  const all: Page['changements'] = [];
  for (;;) {
    const response = await feed(cursor, limit);
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    all.push(...page.changements);
    cursor = page.curseur;
    if (page.a_jour) return { changes: all, cursor };
  }
}

/** A harvester's endpoint that accepts everything and keeps what came. */
async function receiver() {
  const received: Array<{ body: string; headers: http.IncomingHttpHeaders }> = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString(), headers: request.headers });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () => new Promise((resolve) => server.close(resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/moisson`, received, close };
}

describe('the change feed after a restore', () => {
  beforeAll(async () => {
    const fresh = await createFreshDatabase({
      name: `${process.env.TEST_DB_NAME ?? 'reperes_test'}_feedsrc`,
      serverUrl: process.env.DATABASE_URL,
      embeddedDir: '',
      port: 0,
    });
    sourceUrl = fresh.url;
    source = createPrismaClient(sourceUrl, { max: 2 });
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
    // The harvesters' receivers listen on this machine: a private address, refused unless allowed (lib/harvesters/destination.ts).
    process.env.HARVESTER_ALLOW_PRIVATE_ADDRESSES = '127.0.0.1';
  }, 180_000);

  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.HARVESTER_ALLOW_PRIVATE_ADDRESSES;
    await sink.close();
    await source.$disconnect();
    await resetDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Both databases seeded afresh, then the story, through a backup of the given format. */
  async function scenario(format: BackupFormat) {
    await Promise.all([resetDatabase(source), resetDatabase(db)]);
    await seedDemo(source, { testFixture: true });
    await seedDemo(db, { testFixture: true });
    resetMemoryLimits();
    sink.received.length = 0;
    const endpoint = await receiver();
    try {
      // The database backed up: a harvester registered, changes made, its transaction ids far ahead of this server's.
      const { admin } = await demoUsers(source);
      expect((await registerHarvester(source, admin, { name: 'Carte', url: endpoint.url, contactEmail: 'moisson@exemple.fr' })).status).toBe('done');
      await rename(source, 4, '(avant la sauvegarde)');
      await source.$executeRaw`UPDATE "PlaceChange" SET txid = 1000000000000 + (SELECT max(id) FROM "PlaceChange") - id`;
      await source.$executeRaw`UPDATE "Harvester" SET "cursorTxid" = 1000000000000`;
      const backedUp = await logOf(source);
      expect(backedUp.length).toBeGreaterThanOrEqual(4);
      const cursorOfBackup = encodeCursor((await feedState(source)).key, { txid: BigInt(1000000000000), id: BigInt(0) });
      const file = path.join(dir, `production-${format}`);
      expect((await backupDatabase(sourceUrl, file, { format })).format).toBe(format);

      // The database overwritten had given out its own cursor.
      const cursorOfOverwritten = await presentCursor(db);
      expect((await feed(cursorOfOverwritten)).status).toBe(200);

      await restoreDatabase(process.env.DATABASE_URL!, file);
      const restored = await logOf(db);
      expect(restored.map((r) => `${r.kind}:${r.placeId}`)).toEqual(backedUp.map((r) => `${r.kind}:${r.placeId}`));
      expect(restored.every((r) => r.txid === BigInt(0))).toBe(true);

      const renamedAfter = await rename(db, 2, '(après la restauration)', 4);

      // A reader from the start: the restored changes in their old order, then the new ones, a page of 3 at a time.
      const key = (await feedState(db)).key;
      const fromStart = await readAll(encodeCursor(key, { txid: BigInt(0), id: BigInt(0) }), 3);
      expect(fromStart.changes.map((c) => `${c.type}:${c.id}`)).toEqual([
        ...backedUp.map((r) => `${TYPES[r.kind]}:${r.placeId}`),
        ...renamedAfter.map((id) => `modification:${id}`),
      ]);

      // A cursor given before the restore, by either database: 410 with the way back.
      for (const cursor of [cursorOfBackup, cursorOfOverwritten]) {
        const response = await feed(cursor);
        expect(response.status).toBe(410);
        const problem = (await response.json()) as Problem;
        expect(problem.code).toBe('curseur_reinitialise');
        expect(problem.detail).toMatch(/restaurées depuis une sauvegarde le .*relisez l’export complet/);
        expect(problem.resynchronisation.etapes.join(' ')).toContain(CURSOR_HEADER);
      }
      // A forged one is still forged.
      expect((await feed(`${cursorOfBackup.split('.')[0]}.${'A'.repeat(22)}`)).status).toBe(400);

      // The export's cursor: nothing restored again, then what changes next.
      const listed = await listPlaces(new Request('http://localhost/api/v1/lieux?limite=1', { headers: { [PEER_HEADER]: '198.51.100.22' } }));
      const fresh = listed.headers.get(CURSOR_HEADER)!;
      expect((await readAll(fresh, 100)).changes).toEqual([]);
      const [later] = await rename(db, 1, '(plus tard)', 6);
      const followed = await readAll(fresh, 100);
      expect(followed.changes.map((c) => c.id)).toEqual([later]);
      expect(followed.changes[0].lieu?.nom).toMatch(/\(plus tard\)$/);

      // The webhook: the notice first (and a mail), then the changes from the restore on.
      const outcomes = await deliverDue(db);
      expect(outcomes.map((o) => `${o.result}:${o.count}`)).toEqual(['reset-notified:0', 'delivered:3', 'idle:0']);
      expect(endpoint.received).toHaveLength(2);
      expect(endpoint.received[0].headers['x-reperes-reinitialisation']).toBe('1');
      const notice = JSON.parse(endpoint.received[0].body) as { reinitialisation: { detail: string; resynchronisation: { export: string } }; changements: [] };
      expect(notice.changements).toEqual([]);
      expect(notice.reinitialisation.detail).toMatch(/restaurées/);
      expect(notice.reinitialisation.resynchronisation.export).toBe('/donnees/export/json');
      const mail = sink.received.find((m) => m.to === 'moisson@exemple.fr')!;
      expect(mailSubject(mail.raw)).toMatch(/données restaurées, resynchronisez « Carte »/);
      expect(mailText(mail.raw)).toMatch(/relisez l’export complet/);
      const batch = JSON.parse(endpoint.received[1].body) as Page;
      expect(batch.changements.map((c) => c.id)).toEqual([...renamedAfter, later]);
      expect(sink.received.filter((m) => m.to === 'moisson@exemple.fr')).toHaveLength(1);
    } finally {
      await endpoint.close();
    }
  }

  it('logical backup: serves old then new in order, refuses the cursors given before with 410, and resynchronises webhooks', async () => {
    await scenario('logical');
  }, 60_000);

  it('pg_dump: the same after pg_restore', async (context) => {
    const major = await serverMajor(sourceUrl);
    if (!findPgTool('pg_dump', major) || !findPgTool('pg_restore', major)) {
      console.warn(`No pg_dump/pg_restore ${major}+ on this machine: the pg_dump format is exercised on the PostgreSQL 15 pass of CI.`);
      context.skip();
    }
    await scenario('pg_dump');
  }, 60_000);
});
