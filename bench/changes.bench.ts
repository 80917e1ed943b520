// Change feed benchmark (issue #22): a log of BENCH_CHANGES changes (100,000 by default) on
// synthetic places — the import's creations, then rounds of edits — paged from the start by a
// harvester, (1) through readChanges (the SQL and the records), (2) through the route handler of
// GET /api/v1/changements (cursor signing and checking, JSON), 1,000 changes a page. Target: at
// least 5,000 changes a second. Also what the trigger costs a write: the same UPDATE of 5,000
// published places with the trigger and without.
import os from 'node:os';
import { createPrismaClient } from '../lib/db/client';
import { openBenchDatabase } from './database';
import { compareAndSave, type Figure } from './results';
import { seedSyntheticPlaces } from './synthetic';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 100_000);
const PLACES = Math.min(Number(process.env.BENCH_PLACES ?? 20_000), CHANGES);
const PAGE = 1000;

async function main() {
  const database = await openBenchDatabase('reperes_bench_changes');
  // The route handler reads through lib/db's shared client, on DATABASE_URL.
  process.env.DATABASE_URL = database.url;
  const db = createPrismaClient(database.url, { max: 4 });
  const load = os.loadavg()[0];
  console.log(
    `machine: ${os.cpus().length} cores, load average ${load.toFixed(1)} at start${load > os.cpus().length ? ' (busy: figures are pessimistic)' : ''}`,
  );

  let started = performance.now();
  const dataset = await seedSyntheticPlaces(database.url, PLACES);
  console.log(`${PLACES} synthetic places imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Edits until the log holds CHANGES rows: each round changes the short presentation of 5,000 published places.
  const count = async () => Number((await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "PlaceChange"`)[0].n);
  started = performance.now();
  let round = 0;
  for (let have = await count(); have < CHANGES; have = await count()) {
    const take = Math.min(5000, CHANGES - have);
    await db.$executeRaw`UPDATE "Place" SET summary = ${`Présentation, version ${round}`} WHERE id IN (
      SELECT id FROM "Place" WHERE status = 'published' AND NOT demo ORDER BY md5(id::text || ${round}::text) LIMIT ${take})`;
    round++;
  }
  const total = await count();
  console.log(`log: ${total} changes (${round} rounds of edits in ${((performance.now() - started) / 1000).toFixed(1)} s)`);

  // The trigger's cost on a write: the same 5,000-row UPDATE with and without it.
  const update = async (label: string) => {
    const t = performance.now();
    await db.$executeRaw`UPDATE "Place" SET summary = ${label} WHERE id IN (SELECT id FROM "Place" WHERE status = 'published' ORDER BY id LIMIT 5000)`;
    return performance.now() - t;
  };
  await db.$executeRawUnsafe('ALTER TABLE "Place" DISABLE TRIGGER "Place_change_feed"');
  const without = Math.min(await update('sans 1'), await update('sans 2'));
  await db.$executeRawUnsafe('ALTER TABLE "Place" ENABLE TRIGGER "Place_change_feed"');
  const withTrigger = Math.min(await update('avec 1'), await update('avec 2'));
  console.log(`UPDATE of 5,000 places: ${without.toFixed(0)} ms without the trigger, ${withTrigger.toFixed(0)} ms with it`);

  const { readChanges } = await import('../lib/export/changes');
  const { listChanges } = await import('../lib/export/changes-api');
  const { encodeCursor, signingKey } = await import('../lib/export/changes');

  // (1) The library function, from the start of the log (through node-postgres on the primary, as the route reads).
  const { rawPrimaryDb } = await import('../lib/db/rows');
  let cpu = process.cpuUsage();
  started = performance.now();
  let position = { txid: BigInt(0), id: BigInt(0) };
  let read = 0;
  for (;;) {
    const { changes, next } = await readChanges(rawPrimaryDb, position, PAGE);
    read += changes.length;
    position = next;
    if (changes.length < PAGE) break;
  }
  const libSeconds = (performance.now() - started) / 1000;
  const libCpu = process.cpuUsage(cpu);
  const libCpuSeconds = (libCpu.user + libCpu.system) / 1e6;
  console.log(
    `readChanges: ${read} changes in ${libSeconds.toFixed(2)} s (${Math.round(read / libSeconds)} rows/s; this process used ${libCpuSeconds.toFixed(1)} s of CPU, load average now ${os.loadavg()[0].toFixed(1)})`,
  );

  // (2) The route handler, as a harvester sees it (one address: 100 pages stay under the rate limit).
  const { db: shared } = await import('../lib/db');
  let cursor = encodeCursor(await signingKey(shared), { txid: BigInt(0), id: BigInt(0) });
  let served = 0;
  let bytes = 0;
  let pages = 0;
  cpu = process.cpuUsage();
  started = performance.now();
  for (;;) {
    const response = await listChanges(new Request(`http://localhost/api/v1/changements?depuis=${encodeURIComponent(cursor)}&limite=${PAGE}`));
    if (response.status !== 200) throw new Error(`page ${pages}: HTTP ${response.status} ${await response.text()}`);
    const text = await response.text();
    bytes += text.length;
    const page = JSON.parse(text) as { changements: unknown[]; curseur: string; a_jour: boolean };
    served += page.changements.length;
    cursor = page.curseur;
    pages++;
    if (page.a_jour) break;
  }
  const apiSeconds = (performance.now() - started) / 1000;
  const apiCpu = process.cpuUsage(cpu);
  const apiCpuSeconds = (apiCpu.user + apiCpu.system) / 1e6;
  console.log(`  the route handler and the harvester's JSON.parse used ${apiCpuSeconds.toFixed(1)} s of this process's CPU`);
  console.log(
    `GET /api/v1/changements: ${served} changes in ${pages} pages, ${apiSeconds.toFixed(2)} s (${Math.round(served / apiSeconds)} rows/s, ${(bytes / 1e6).toFixed(0)} MB of JSON)`,
  );

  const figures: Figure[] = [
    {
      key: 'lib.rows_per_s',
      label: 'readChanges, 1,000 a page',
      value: Math.round(read / libSeconds),
      unit: 'rows/s',
      better: 'higher',
      target: { op: '≥', value: 5000 },
    },
    {
      key: 'api.rows_per_s',
      label: 'GET /api/v1/changements, 1,000 a page',
      value: Math.round(served / apiSeconds),
      unit: 'rows/s',
      better: 'higher',
      target: { op: '≥', value: 5000 },
    },
    { key: 'lib.cpu_s', label: 'readChanges, Node CPU for the whole log', value: Math.round(libCpuSeconds * 10) / 10, unit: 's', better: 'lower' },
    { key: 'api.cpu_s', label: 'API handler + JSON.parse, Node CPU for the whole log', value: Math.round(apiCpuSeconds * 10) / 10, unit: 's', better: 'lower' },
    { key: 'api.total_s', label: `${served} changes paged through the API`, value: Math.round(apiSeconds * 10) / 10, unit: 's', better: 'lower' },
    { key: 'write.without_trigger', label: 'UPDATE of 5,000 places, no trigger', value: Math.round(without), unit: 'ms', better: 'lower' },
    { key: 'write.with_trigger', label: 'UPDATE of 5,000 places, with the feed trigger', value: Math.round(withTrigger), unit: 'ms', better: 'lower' },
  ];
  await compareAndSave({
    name: 'changes',
    databaseUrl: database.url,
    scale: { changes: total, places: PLACES, page: PAGE },
    dataset,
    settings: { loadAverageAtStart: load.toFixed(1) },
    figures,
    raw: {
      total,
      read,
      served,
      pages,
      bytes,
      libSeconds,
      apiSeconds,
      libCpuSeconds,
      apiCpuSeconds,
      loadAtEnd: os.loadavg(),
      without,
      withTrigger,
      rounds: round,
    },
  });
  await db.$disconnect();
  await shared.$disconnect();
  await database.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
