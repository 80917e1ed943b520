// Open-data benchmark: import throughput for the real France Services file and a synthetic
// 100,000-row standard CSV (rows/s, peak memory), and the time and memory to export 100,000 places
// as the standard CSV (streamed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../lib/db/client';
import { readDataFile } from '../lib/data/files';
import { exportStream } from '../lib/export/standard';
import { streamSource } from '../lib/import/readers';
import { runImport } from '../lib/import/run';
import { openBenchDatabase } from './database';

const N = Number(process.env.BENCH_ROWS ?? 100_000);
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Writes the synthetic standard CSV to a file line by line (its generation leaves no garbage to measure). */
function syntheticCsv(n: number): string {
  const file = path.join(os.tmpdir(), `reperes-bench-${process.pid}.csv`);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, '"id","pivot","nom","commune","code_postal","code_insee","adresse","complement_adresse","latitude","longitude","typologie","telephone","courriels","site_web","horaires","presentation_resume","presentation_detail","source","itinerance","structure_parente","date_maj","services","publics_specifiquement_adresses","prise_en_charge_specifique","frais_a_charge","dispositif_programmes_nationaux","formations_labels","autres_formations_labels","modalites_acces","modalites_accompagnement","fiche_acces_libre","prise_rdv"\n');
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const lat = (43 + (i % 800) / 100).toFixed(5);
    const lng = (-1 + (i % 900) / 100).toFixed(5);
    chunk += `"s-${i}","12345678900012","Espace numérique ${i}","Commune ${i % 3000}","${String(10000 + (i % 80000)).padStart(5, '0')}","","${1 + (i % 99)} rue de la Gare","","${lat}","${lng}","EPN","+33241000000","contact${i}@exemple.fr","https://exemple.fr/${i}","Mo-Fr 09:00-12:00,14:00-17:00; PH off","Aide au numérique","","Bench","Fixe","","2025-01-15","Aide aux démarches administratives|Accès internet et matériel informatique","Seniors","","Gratuit","Conseillers numériques","","","Se présenter|Téléphoner","Accompagnement individuel","",""\n`;
    if (i % 1000 === 999) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return file;
}

async function main() {
  const database = await openBenchDatabase(process.env.BENCH_DB_NAME ?? 'reperes_bench_data');
  const db = createPrismaClient(database.url, { max: 4 });
  try {
    const file = syntheticCsv(N);
    const csv = fs.readFileSync(file);
    fs.rmSync(file);
    const rssBefore = process.memoryUsage().rss;
    peak = 0;
    let started = performance.now();
    const report = await runImport(db, streamSource('standard', csv), { sourceName: 'synthetic' });
    let seconds = (performance.now() - started) / 1000;
    console.log(`Synthetic standard CSV: ${N} rows (${mb(csv.length)}) streamed in ${seconds.toFixed(1)} s → ${Math.round(N / seconds)} rows/s, RSS ${mb(rssBefore)} before (file read) → peak ${mb(peak)} (created ${report.created}, rejected ${report.rejected.length})`);

    started = performance.now();
    const fsReport = await runImport(db, streamSource('france-services', readDataFile('franceServices')), { sourceName: 'france-services' });
    seconds = (performance.now() - started) / 1000;
    console.log(`France Services file (then, against those 100,000 places): ${fsReport.total} rows in ${seconds.toFixed(1)} s → ${Math.round(fsReport.total / seconds)} rows/s (created ${fsReport.created}, rejected ${fsReport.rejected.length})`);

    // The same file again: every row compared, nothing written.
    started = performance.now();
    const again = await runImport(db, streamSource('standard', csv), { sourceName: 'synthetic' });
    seconds = (performance.now() - started) / 1000;
    console.log(`Same file again: ${N} rows in ${seconds.toFixed(1)} s → ${Math.round(N / seconds)} rows/s (unchanged ${again.unchanged})`);

    peak = 0;
    const before = process.memoryUsage().rss;
    started = performance.now();
    let bytes = 0;
    const reader = exportStream(db, 'csv').getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    seconds = (performance.now() - started) / 1000;
    const count = await db.place.count({ where: { status: 'PUBLISHED' } });
    console.log(`Export CSV of ${count} places: ${mb(bytes)} in ${seconds.toFixed(1)} s, RSS ${mb(before)} before → peak ${mb(peak)} (lines built by PostgreSQL, 5,000 per query)`);
  } finally {
    clearInterval(sampler);
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
