// Coverage benchmark: the real reference of communes (data/reference/communes.csv.gz);
// (1) Maine-et-Loire against the places imported from the departmental directory (~230
// published), (2) the Nord (59, 648 communes) and Maine-et-Loire against those plus the national
// France Services list, (3) the whole of France (~35,000 communes) against 100,000 synthetic
// places spread like the population. Times computeCoverage() (database + nearest search).
import { createPrismaClient } from '../lib/db/client';
import { computeCoverage, type CoverageQuery } from '../lib/coverage';
import { importCommunes, parseCommunesCsv } from '../lib/coverage/communes';
import { readDataFile } from '../lib/data/files';
import { readSource } from '../lib/import/readers';
import { runImport } from '../lib/import/run';
import { openBenchDatabase } from './database';
import { compareAndSave, type Figure } from './results';
import { seedSyntheticPlaces } from './synthetic';
import { durations, percentiles } from './timing';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SYNTHETIC = Number(process.env.BENCH_PLACES ?? 100_000);

async function time(fn: () => Promise<unknown>, runs = RUNS) {
  return percentiles(await durations(fn, runs, 2));
}

const fmt = (p: { p50: number; p95: number }) => `p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms`;

const QUERIES: Record<string, Omit<CoverageQuery, 'departement'>> = {
  'aide démarches': { service: 'AideAuxDemarchesAdministratives', free: false, saturday: false },
  'aide démarches, gratuit': { service: 'AideAuxDemarchesAdministratives', free: true, saturday: false },
  'aide démarches, samedi': { service: 'AideAuxDemarchesAdministratives', free: false, saturday: true },
  'tout service': { service: null, free: false, saturday: false },
};

async function main() {
  const database = await openBenchDatabase('reperes_bench_coverage');
  const db = createPrismaClient(database.url, { max: 4 });

  let started = performance.now();
  const communes = parseCommunesCsv(readDataFile('communes'));
  await importCommunes(db, communes);
  console.log(`communes: ${communes.length} loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const figures: Figure[] = [];
  const raw: Array<Record<string, unknown>> = [];
  const report = async (departement: string | null, runs = RUNS, stage = '') => {
    for (const [label, query] of Object.entries(QUERIES)) {
      const result = await computeCoverage(db, { departement, ...query });
      const p = await time(() => computeCoverage(db, { departement, ...query }), runs);
      const where = departement ?? 'France';
      figures.push({
        key: `${stage}.${where}.${label}.p95`,
        label: `${where}, ${label}, ${stage}, p95`,
        value: Math.round(p.p95 * 10) / 10,
        unit: 'ms',
        better: 'lower',
      });
      raw.push({ stage, territory: where, query: label, ...p, communes: result.communes.length, placesConsidered: result.placesConsidered });
      console.log(
        `  ${(departement ?? 'France').padEnd(6)} ${label.padEnd(26)} ${fmt(p)}  (${result.communes.length} communes, ${result.placesConsidered} places, ≤10 km: ${result.within[1].share} %)`,
      );
    }
  };

  started = performance.now();
  const mel = await runImport(db, readSource('maine-et-loire', readDataFile('maineEtLoire')), { sourceName: 'maine-et-loire' });
  const published49 = await db.place.count({ where: { status: 'PUBLISHED' } });
  console.log(
    `\nMaine-et-Loire directory: ${mel.created} places imported (${published49} published) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await report('49', RUNS, 'directory');

  started = performance.now();
  const fs2022 = await runImport(db, readSource('france-services', readDataFile('franceServices')), { sourceName: 'france-services-2022-12' });
  console.log(
    `\n+ France Services 2022: ${fs2022.created} places imported in ${((performance.now() - started) / 1000).toFixed(1)} s (${await db.place.count({ where: { status: 'PUBLISHED' } })} published)`,
  );
  await report('49', RUNS, 'with France Services');
  await report('59', RUNS, 'with France Services');

  started = performance.now();
  const dataset = await seedSyntheticPlaces(database.url, SYNTHETIC);
  console.log(
    `\n+ ${SYNTHETIC} synthetic places in ${((performance.now() - started) / 1000).toFixed(1)} s (${await db.place.count({ where: { status: 'PUBLISHED' } })} published)`,
  );
  await report('49', RUNS, 'with synthetic');
  await report('59', RUNS, 'with synthetic');
  await report(null, 5, 'with synthetic');

  const memory = process.memoryUsage();
  console.log(`\nmemory: rss ${(memory.rss / 1e6).toFixed(0)} MB, heap ${(memory.heapUsed / 1e6).toFixed(0)} MB`);
  await compareAndSave({ name: 'coverage', databaseUrl: database.url, scale: { places: SYNTHETIC, runs: RUNS }, dataset, figures, raw });
  await db.$disconnect();
  await database.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
