// `npm run import -- <file|url> --format <standard|france-services|maine-et-loire> [--network <slug>] [--dry-run] [--archive-missing] [--source <name>] [--report rejected.csv]`
import fs from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '../lib/db/client';
import { migrateDeploy } from '../lib/db/migrate';
import { readSource } from '../lib/import/readers';
import { rejectedCsv, runImport } from '../lib/import/run';
import { fail, loadEnv, openDatabase } from './database';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const input = process.argv.slice(2).find((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const format = option('format');
  if (!input || !format) fail('Usage : npm run import -- <fichier|url> --format <standard|france-services|maine-et-loire> [--network <slug>] [--dry-run] [--archive-missing]');
  const bytes = /^https?:\/\//.test(input)
    ? Buffer.from(await (await fetch(input, { signal: AbortSignal.timeout(60_000) })).arrayBuffer())
    : fs.existsSync(input)
      ? fs.readFileSync(input)
      : fail(`Fichier introuvable : ${input}`);
  const rows = (() => {
    try {
      return readSource(format, bytes);
    } catch (error) {
      return fail((error as Error).message);
    }
  })();
  const sourceName = option('source') ?? path.basename(input).replace(/\.[^.]+$/, '');
  const dryRun = process.argv.includes('--dry-run');

  const config = loadEnv();
  const handle = await openDatabase(config);
  await migrateDeploy(handle.url);
  const db = createPrismaClient(handle.url, { max: 2 });
  const started = Date.now();
  const width = 30;
  const report = await runImport(db, rows, {
    sourceName,
    networkSlug: option('network'),
    dryRun,
    archiveMissing: process.argv.includes('--archive-missing'),
    onProgress: (done, total) => {
      const filled = Math.round((done / Math.max(1, total)) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
  }).catch((error: Error) => fail(error.message));
  process.stderr.write('\n');
  await db.$disconnect();
  await handle.embedded?.stop();

  const seconds = (Date.now() - started) / 1000;
  console.log(`${dryRun ? 'Essai (rien n’a été écrit) — ' : ''}source « ${sourceName} », ${report.total} lignes en ${seconds.toFixed(1)} s (${Math.round(report.total / Math.max(seconds, 0.001))} lignes/s)`);
  console.log(`  créés : ${report.created}, mis à jour : ${report.updated}, inchangés : ${report.unchanged}, archivés : ${report.archived}, rejetés : ${report.rejected.length}, avertissements : ${report.warnings.length}`);
  for (const r of report.rejected.slice(0, 20)) console.log(`  ligne ${r.line} (${r.name ?? r.sourceId ?? '?'}) : ${r.reason}`);
  if (report.rejected.length > 20) console.log(`  … et ${report.rejected.length - 20} autres`);
  const reportFile = option('report');
  if (reportFile) {
    fs.writeFileSync(reportFile, rejectedCsv(report));
    console.log(`Rapport des lignes rejetées : ${reportFile}`);
  }
  if (report.failedBatches.length) process.exitCode = 2;
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
