// `npm run import -- <file|url> --format <standard|france-services|maine-et-loire|angers|generic> [--mapping map.json] [--network <slug>]
//   [--dry-run] [--archive-missing] [--source <name>] [--report rejected.csv] [--duplicates duplicates.csv]`
import fs from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '../lib/db/client';
import { migrateDeploy } from '../lib/db/migrate';
import { parseMapping, type ColumnMapping } from '../lib/import/generic';
import { FORMATS, streamSource } from '../lib/import/readers';
import { duplicatesCsv, rejectedCsv, runImport, type ImportReport } from '../lib/import/run';
import { fail, loadEnv, openDatabase } from './database';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

/** The mapping file given with --mapping (generic format), checked. */
function readMapping(): ColumnMapping | null {
  let mapping: ColumnMapping | null = null;
  const mappingFile = option('mapping');
  if (mappingFile) {
    if (!fs.existsSync(mappingFile)) fail(`Fichier de correspondance introuvable : ${mappingFile}`);
    const parsed = parseMapping(fs.readFileSync(mappingFile, 'utf8'));
    if ('error' in parsed) fail(parsed.error);
    mapping = parsed.mapping;
  }
  return mapping;
}

/** The command line: the file or address read (and its rows' stream), the source's name, a dry run or not. */
async function readArguments() {
  const input = process.argv.slice(2).find((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const format = option('format');
  if (!input || !format)
    fail(
      `Usage : npm run import -- <fichier|url> --format <${FORMATS.join('|')}> [--mapping correspondance.json] [--network <slug>] [--dry-run] [--archive-missing] [--report rejets.csv] [--duplicates doublons.csv]`,
    );
  const mapping = readMapping();
  // A local file is read from disk as it is parsed, never whole: its size is no part of the import's memory.
  const file = /^https?:\/\//.test(input)
    ? Buffer.from(await (await fetch(input, { signal: AbortSignal.timeout(60_000) })).arrayBuffer())
    : fs.existsSync(input)
      ? { path: input }
      : fail(`Fichier introuvable : ${input}`);
  const source = (() => {
    try {
      return streamSource(format, file, { mapping });
    } catch (error) {
      return fail((error as Error).message);
    }
  })();
  const sourceName = option('source') ?? path.basename(input).replace(/\.[^.]+$/, '');
  const dryRun = process.argv.includes('--dry-run');
  return { source, sourceName, dryRun };
}

async function main() {
  const { source, sourceName, dryRun } = await readArguments();
  const config = loadEnv();
  const handle = await openDatabase(config);
  await migrateDeploy(handle.url);
  const db = createPrismaClient(handle.url, { max: 2 });
  const started = Date.now();
  const width = 30;
  const report = await runImport(db, source, {
    sourceName,
    networkSlug: option('network'),
    dryRun,
    archiveMissing: process.argv.includes('--archive-missing'),
    onProgress: ({ done, fraction }) => {
      const filled = Math.round(Math.min(1, fraction) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(fraction * 100)} % — ${done} lignes`);
    },
  }).catch((error: Error) => fail(error.message));
  process.stderr.write('\n');
  await db.$disconnect();
  await handle.embedded?.stop();

  printSummary(report, sourceName, dryRun, (Date.now() - started) / 1000);
  writeReports(report);
  if (report.failedBatches.length) process.exitCode = 2;
}

/** The figures of the run, the first duplicates and rejections, on the standard output. */
function printSummary(report: ImportReport, sourceName: string, dryRun: boolean, seconds: number) {
  console.log(
    `${dryRun ? 'Essai (rien n’a été écrit) — ' : ''}source « ${sourceName} », ${report.total} lignes en ${seconds.toFixed(1)} s (${Math.round(report.total / Math.max(seconds, 0.001))} lignes/s)`,
  );
  console.log(
    `  créés : ${report.created}, mis à jour : ${report.updated}, inchangés : ${report.unchanged}, archivés : ${report.archived}, rejetés : ${report.rejected.length}, avertissements : ${report.warningCount}`,
  );
  const flagged = report.duplicates.filter((d) => d.action === 'merge').length;
  const completed = report.duplicates.filter((d) => d.action === 'update').length;
  if (report.duplicates.length) {
    console.log(
      `  doublons possibles avec d’autres sources : ${report.duplicates.length} (${completed} lieux existants complétés, ${flagged} à fusionner à la main dans /admin/fusion)`,
    );
    const action = { update: 'complète', merge: 'à fusionner avec', create: 'créé malgré' } as const;
    for (const d of report.duplicates.slice(0, 10))
      console.log(
        `  ligne ${d.line} « ${d.name} » ${action[d.action]} « ${d.placeName} » (${Math.round(d.score * 100)} %${d.distance !== null ? `, ${d.distance} m` : ''})`,
      );
    if (report.duplicates.length > 10) console.log(`  … et ${report.duplicates.length - 10} autres (--duplicates fichier.csv pour la liste)`);
  }
  for (const r of report.rejected.slice(0, 20)) console.log(`  ligne ${r.line} (${r.name ?? r.sourceId ?? '?'}) : ${r.reason}`);
  if (report.rejected.length > 20) console.log(`  … et ${report.rejected.length - 20} autres`);
}

/** The rejected rows (--report) and the possible duplicates (--duplicates) as CSV files. */
function writeReports(report: ImportReport) {
  const reportFile = option('report');
  if (reportFile) {
    fs.writeFileSync(reportFile, rejectedCsv(report));
    console.log(`Rapport des lignes rejetées : ${reportFile}`);
  }
  const duplicatesFile = option('duplicates');
  if (duplicatesFile) {
    fs.writeFileSync(duplicatesFile, duplicatesCsv(report));
    console.log(`Rapport des doublons possibles : ${duplicatesFile}`);
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
