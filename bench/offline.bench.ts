// Offline benchmark (issue #21): the size of every département's package (lib/offline) from the
// real seed (the national France Services list, the Maine-et-Loire directory, the Angers guide and
// the communes reference), gzipped as the server sends it, with the budgets (Maine-et-Loire
// ≤ 100 kB, Paris ≤ 300 kB); the same for the demonstration data set; and the offline search's
// time on the largest package in Node (the browser's time with a 4× slower CPU is measured by
// tests/e2e/offline.spec.ts, which logs it).
import { gzipSync } from 'node:zlib';
import { createPrismaClient } from '../lib/db/client';
import { departementList } from '../lib/geo/departements';
import { readOfflinePackage } from '../lib/offline/read';
import { findCommune, searchOffline } from '../lib/offline/search';
import type { OfflinePackage } from '../lib/offline/package';
import { seedDemo } from '../prisma/seed';
import { seedRealData } from '../prisma/seed-real';
import { openBenchDatabase } from './database';
import { compareAndSave, type Figure } from './results';

type Size = { code: string; name: string; places: number; communes: number; jsonKB: number; gzipKB: number };

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

async function sizes(url: string): Promise<{ sizes: Size[]; packages: Map<string, OfflinePackage> }> {
  const db = createPrismaClient(url, { max: 2 });
  const out: Size[] = [];
  const packages = new Map<string, OfflinePackage>();
  for (const { code } of departementList()) {
    const pkg = (await readOfflinePackage(db, code))!;
    const json = JSON.stringify(pkg);
    packages.set(code, pkg);
    out.push({
      code,
      name: pkg.departement.name,
      places: pkg.places.length,
      communes: pkg.communes.length,
      jsonKB: kb(json.length),
      gzipKB: kb(gzipSync(json).length),
    });
  }
  await db.$disconnect();
  return { sizes: out, packages };
}

function searchTimes(pkg: OfflinePackage, runs = 200) {
  const commune = findCommune(pkg, pkg.communes[0][0])!;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    searchOffline(pkg, commune.point, new Date());
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(runs / 2)], p95: samples[Math.floor(runs * 0.95)] };
}

async function main() {
  const real = await openBenchDatabase('reperes_bench_offline');
  const realDb = createPrismaClient(real.url, { max: 2 });
  await seedRealData(realDb, { log: (line) => console.log(line) });
  await realDb.$disconnect();
  const realSizes = await sizes(real.url);
  await real.stop();

  const demo = await openBenchDatabase('reperes_bench_offline_demo');
  const demoDb = createPrismaClient(demo.url, { max: 2 });
  await seedDemo(demoDb, { testFixture: true });
  await demoDb.$disconnect();
  const demoSizes = await sizes(demo.url);
  await demo.stop();

  const byGzip = [...realSizes.sizes].sort((a, b) => a.gzipKB - b.gzipKB);
  const pick = (code: string) => realSizes.sizes.find((s) => s.code === code)!;
  const largest = byGzip[byGzip.length - 1];
  const time = searchTimes(realSizes.packages.get(largest.code)!);
  const line = (label: string, s: Size) =>
    console.log(`${label.padEnd(14)} ${s.code} ${s.name}: ${s.places} lieux, ${s.communes} communes, ${s.jsonKB} kB JSON, ${s.gzipKB} kB gzip`);
  line('plus petit', byGzip[0]);
  line('Maine-et-Loire', pick('49'));
  line('Paris', pick('75'));
  line('plus grand', largest);
  line(
    'démo 49',
    demoSizes.sizes.find((s) => s.code === '49')!,
  );
  console.log(`recherche hors ligne (Node, ${largest.code}, ${largest.places} lieux): p50 ${time.p50.toFixed(2)} ms, p95 ${time.p95.toFixed(2)} ms`);

  const figures: Figure[] = [
    { key: 'package-49-gzip', label: 'Paquet Maine-et-Loire (gzip)', value: pick('49').gzipKB, unit: 'kB', better: 'lower', target: { op: '<', value: 100 } },
    { key: 'package-75-gzip', label: 'Paquet Paris (gzip)', value: pick('75').gzipKB, unit: 'kB', better: 'lower', target: { op: '<', value: 300 } },
    { key: 'package-smallest-gzip', label: `Plus petit paquet (${byGzip[0].code})`, value: byGzip[0].gzipKB, unit: 'kB', better: 'lower' },
    { key: 'package-largest-gzip', label: `Plus grand paquet (${largest.code})`, value: largest.gzipKB, unit: 'kB', better: 'lower' },
    {
      key: 'package-demo-49-gzip',
      label: 'Paquet 49 des données de démonstration (gzip)',
      value: demoSizes.sizes.find((s) => s.code === '49')!.gzipKB,
      unit: 'kB',
      better: 'lower',
    },
    {
      key: 'offline-search-node-p95',
      label: 'Recherche hors ligne, plus grand paquet (Node, p95)',
      value: Math.round(time.p95 * 100) / 100,
      unit: 'ms',
      better: 'lower',
    },
  ];
  await compareAndSave({
    name: 'offline',
    scale: { departements: realSizes.sizes.length },
    dataset: { realPlaces: realSizes.sizes.reduce((n, s) => n + s.places, 0) },
    figures,
    raw: { real: realSizes.sizes, demo: demoSizes.sizes.filter((s) => s.places > 0), search: time },
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
