// Open-data benchmark: import throughput and peak memory for a standard CSV of BENCH_ROWS diverse
// rows (bench/synthetic.ts: real schedules, services, publics, fees, names and streets of the
// shipped sources, every row distinct — no repeated row), then the real France Services file
// against those places, the same CSV again (nothing changes), and the export of every published
// place as the standard's CSV. Runs with the 256 MB heap of `npm run import` (bench/run.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../lib/db/client';
import { readDataFile } from '../lib/data/files';
import { csvHeader, csvLine, exportStream, type StandardRecord } from '../lib/export/standard';
import { streamSource } from '../lib/import/readers';
import { runImport } from '../lib/import/run';
import type { ImportedFields } from '../lib/import/types';
import { STANDARD_LISTS, type StandardListName } from '../lib/standard/enums';
import { openBenchDatabase } from './database';
import { compareAndSave, type Figure } from './results';
import { releaseRealSources, SyntheticStats, syntheticPlaces } from './synthetic';
import { msSince, timed } from './timing';

const N = Number(process.env.BENCH_ROWS ?? 100_000);
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** A list as the standard writes it: its labels joined by "|". */
function labels(list: StandardListName, keys: string[]): string {
  const table = STANDARD_LISTS[list] as Record<string, string>;
  return keys.map((k) => table[k]).join('|');
}

function standardRecord(id: string, f: ImportedFields): StandardRecord {
  return {
    id, pivot: '00000000000000', nom: f.name, commune: f.commune, code_postal: f.postcode, code_insee: f.inseeCode, adresse: f.street,
    complement_adresse: f.addressComplement, latitude: f.latitude, longitude: f.longitude, typologie: labels('Typologie', f.typologies),
    telephone: f.phone, courriels: f.emails.join('|'), site_web: f.websites.join('|'), horaires: f.openingHours, presentation_resume: f.summary,
    presentation_detail: f.presentation, source: f.source, itinerance: labels('Itinerance', f.itinerance), structure_parente: f.parentStructure,
    date_maj: f.dateMaj.toISOString().slice(0, 10), services: labels('Service', f.services), publics_specifiquement_adresses: labels('PublicSpecifiquementAdresse', f.publics),
    prise_en_charge_specifique: labels('PriseEnChargeSpecifique', f.specificSupport), frais_a_charge: labels('FraisACharge', f.fees),
    dispositif_programmes_nationaux: labels('DispositifProgrammeNational', f.programmes), formations_labels: labels('FormationLabel', f.labels),
    autres_formations_labels: f.otherLabels.join('|'), modalites_acces: labels('ModaliteAcces', f.accessModes),
    modalites_accompagnement: labels('ModaliteAccompagnement', f.supportModes), fiche_acces_libre: f.accesLibreUrl, prise_rdv: f.appointmentUrl,
  };
}

/** Writes the diverse standard CSV to a file line by line (its generation is not measured). */
function syntheticCsv(n: number): { file: string; stats: SyntheticStats; distinctRows: number } {
  const file = path.join(os.tmpdir(), `reperes-bench-${process.pid}.csv`);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, csvHeader());
  const stats = new SyntheticStats();
  // Rows compared without their id: proof that no row repeats another.
  const rows = new Set<string>();
  let chunk = '';
  let i = 0;
  for (const place of syntheticPlaces(n, { seed: 2026 })) {
    stats.add(place);
    const line = csvLine(standardRecord(place.sourceId, place.fields));
    rows.add(line.slice(line.indexOf(',')));
    chunk += line;
    if (++i % 1000 === 0) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return { file, stats, distinctRows: rows.size };
}

async function main() {
  const database = await openBenchDatabase(process.env.BENCH_DB_NAME ?? 'reperes_bench_data');
  const db = createPrismaClient(database.url, { max: 4 });
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  try {
    const { file, stats, distinctRows } = syntheticCsv(N);
    const csv = fs.readFileSync(file);
    fs.rmSync(file);
    const dataset = { ...stats.summary(), distinctRows };
    if (distinctRows !== N || dataset.distinctNames !== N) throw new Error(`the synthetic file repeats itself: ${distinctRows} distinct rows, ${dataset.distinctNames} distinct names for ${N}`);
    console.log(`${stats.line()}; ${distinctRows} distinct rows (id aside) of ${N}`);
    releaseRealSources(); // the importer alone in memory, as in `npm run import`
    const rssBefore = process.memoryUsage().rss;
    peak = 0;
    const imported = await timed(() => runImport(db, streamSource('standard', csv), { sourceName: 'synthetic' }));
    const report = imported.value;
    let seconds = imported.ms / 1000;
    const importPeak = peak;
    console.log(`Diverse standard CSV: ${N} rows (${mb(csv.length)} MB) in ${seconds.toFixed(1)} s → ${Math.round(N / seconds)} rows/s, RSS ${mb(rssBefore)} MB before (file read) → peak ${mb(importPeak)} MB (created ${report.created}, rejected ${report.rejected.length}, possible duplicates ${report.duplicates.length}, warnings ${report.warningCount})`);
    figures.push(
      { key: 'import.diverse.rowsPerSecond', label: 'import of diverse rows', value: Math.round(N / seconds), unit: 'rows/s', better: 'higher', target: { op: '≥', value: 4000 } },
      { key: 'import.diverse.peakRss', label: 'import of diverse rows, peak RSS', value: mb(importPeak), unit: 'MB', better: 'lower', target: { op: '<', value: 400 } },
    );
    raw.import = { rows: N, seconds, bytes: csv.length, rssBeforeMB: mb(rssBefore), peakRssMB: mb(importPeak), created: report.created, rejected: report.rejected.length, duplicates: report.duplicates.length, warnings: report.warningCount, firstRejections: report.rejected.slice(0, 5) };

    const fsImported = await timed(() => runImport(db, streamSource('france-services', readDataFile('franceServices')), { sourceName: 'france-services' }));
    const fsReport = fsImported.value;
    seconds = fsImported.ms / 1000;
    console.log(`France Services file (then, against those ${N} places): ${fsReport.total} rows in ${seconds.toFixed(1)} s → ${Math.round(fsReport.total / seconds)} rows/s (created ${fsReport.created}, possible duplicates ${fsReport.duplicates.length}, rejected ${fsReport.rejected.length})`);
    figures.push({ key: 'import.franceServices.rowsPerSecond', label: 'import of the France Services file after them', value: Math.round(fsReport.total / seconds), unit: 'rows/s', better: 'higher' });
    raw.franceServices = { rows: fsReport.total, seconds, created: fsReport.created, duplicates: fsReport.duplicates.length, rejected: fsReport.rejected.length };

    // The same file again: every row compared, nothing written.
    const againImported = await timed(() => runImport(db, streamSource('standard', csv), { sourceName: 'synthetic' }));
    const again = againImported.value;
    seconds = againImported.ms / 1000;
    console.log(`Same file again: ${N} rows in ${seconds.toFixed(1)} s → ${Math.round(N / seconds)} rows/s (unchanged ${again.unchanged})`);
    figures.push({ key: 'import.unchanged.rowsPerSecond', label: 'the same file again (nothing changes)', value: Math.round(N / seconds), unit: 'rows/s', better: 'higher' });
    raw.again = { rows: N, seconds, unchanged: again.unchanged };

    peak = 0;
    const before = process.memoryUsage().rss;
    const started = performance.now();
    let bytes = 0;
    const reader = exportStream(db, 'csv').getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    seconds = msSince(started) / 1000;
    const count = await db.place.count({ where: { status: 'PUBLISHED' } });
    console.log(`Export CSV of ${count} places: ${mb(bytes)} MB in ${seconds.toFixed(1)} s, RSS ${mb(before)} MB before → peak ${mb(peak)} MB`);
    figures.push({ key: 'export.csv.seconds', label: `export of every published place as CSV`, value: Math.round(seconds * 100) / 100, unit: 's', better: 'lower' });
    raw.export = { places: count, bytes, seconds, rssBeforeMB: mb(before), peakRssMB: mb(peak) };

    await compareAndSave({ name: 'data', databaseUrl: database.url, scale: { rows: N }, dataset, settings: { heap: '--max-old-space-size=256 (as npm run import)' }, figures, raw });
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
