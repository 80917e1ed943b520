// The real open data of the first `npm start`: the communes reference and the three sources the
// repository ships (data/), written through the project's own importers, in an order where the
// cross-source matcher links them: the national France Services list first, then the
// Maine-et-Loire directory (its places join the real Cyb@njou network; a France Services it also
// lists is completed, not duplicated), then the Angers guide. Every place keeps its source and its
// date of last confirmation as published (old dates stay old).
//
// Resumable: each step that finished is recorded in "SeedStep"; a start interrupted half-way
// redoes only the missing steps, and an import redone after an interruption finds its written
// batches by source id (they are left unchanged) and writes the rest.
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import { importCommunes, parseCommunesCsv } from '../lib/coverage/communes';
import { dataPath, readDataFile, type DataFile } from '../lib/data/files';
import { streamSource, type SourceFormat } from '../lib/import/readers';
import { runImport, type ImportReport } from '../lib/import/run';

/** The real Cyb@njou network: it holds the places of the Maine-et-Loire directory. */
export const CYBANJOU = {
  slug: 'cybanjou',
  name: 'Cyb@njou',
  description:
    'Cyb@njou est le réseau des lieux de médiation numérique de Maine-et-Loire, animé par la fédération ' +
    'des centres sociaux de Maine-et-Loire. Ses lieux viennent de l’annuaire départemental de la médiation ' +
    'numérique publié en données ouvertes par le Département de Maine-et-Loire.',
  territory: ['49'],
  color: '#0b6e4f',
} as const;

export type RealSource = { file: DataFile; format: SourceFormat; label: string; networkSlug: string | null };

/** In the order they are imported (see the header). */
export const REAL_SOURCES: RealSource[] = [
  { file: 'franceServices', format: 'france-services', label: 'France Services (liste nationale, ANCT)', networkSlug: null },
  { file: 'maineEtLoire', format: 'maine-et-loire', label: 'annuaire de Maine-et-Loire (Cyb@njou)', networkSlug: CYBANJOU.slug },
  { file: 'angers', format: 'angers', label: 'guide de la Ville d’Angers', networkSlug: null },
];

/** The source name of a shipped file: its base name, as `npm run import -- <file>` names it, so a re-import updates the same places. */
export function sourceNameOf(source: RealSource): string {
  return path.basename(dataPath(source.file)).replace(/\.[^.]+$/, '');
}

export type RealSeedStep = { name: string; skipped: boolean; seconds: number; summary: Record<string, unknown> };
export type RealSeedResult = { steps: RealSeedStep[]; seconds: number; legacyDemo: boolean };

type Log = (line: string) => void;

/**
 * Loads what is missing of the real data. Safe to call on every start: finished steps are skipped
 * (a second call writes nothing). A step that could not finish (a batch refused by the database)
 * is not recorded and is retried by the next call.
 */
export async function seedRealData(db: PrismaClient, options: { log?: Log } = {}): Promise<RealSeedResult> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const steps: RealSeedStep[] = [];

  // A database seeded by an earlier version holds a fictional network under the real one's slug:
  // real places must not join it. The person is told how to start again from the real data.
  const existing = await db.network.findUnique({ where: { slug: CYBANJOU.slug }, select: { website: true } });
  if (existing?.website?.includes('example.org')) return { steps, seconds: 0, legacyDemo: true };

  const done = new Set((await db.seedStep.findMany({ select: { name: true } })).map((s) => s.name));
  const step = async (name: string, run: () => Promise<{ summary: Record<string, unknown>; complete: boolean }>) => {
    if (done.has(name)) {
      steps.push({ name, skipped: true, seconds: 0, summary: {} });
      return;
    }
    const t0 = Date.now();
    const { summary, complete } = await run();
    if (complete) await db.seedStep.create({ data: { name, summary: summary as object } });
    steps.push({ name, skipped: false, seconds: (Date.now() - t0) / 1000, summary });
  };

  await step('communes', async () => {
    log('Données ouvertes : référentiel des communes (INSEE, La Poste)…');
    const communes = parseCommunesCsv(readDataFile('communes'));
    const written = await importCommunes(db, communes);
    return { summary: { communes: written }, complete: true };
  });

  for (const source of REAL_SOURCES) {
    const sourceName = sourceNameOf(source);
    await step(`source:${sourceName}`, async () => {
      log(`Données ouvertes : ${source.label}…`);
      if (source.networkSlug === CYBANJOU.slug) await ensureCybanjou(db);
      const report = await runImport(db, streamSource(source.format, readDataFile(source.file)), {
        sourceName,
        networkSlug: source.networkSlug,
        author: `Import ${sourceName} (premier démarrage)`,
      });
      return { summary: summaryOf(report), complete: report.failedBatches.length === 0 };
    });
  }
  return { steps, seconds: (Date.now() - started) / 1000, legacyDemo: false };
}

async function ensureCybanjou(db: PrismaClient) {
  await db.network.upsert({
    where: { slug: CYBANJOU.slug },
    create: {
      slug: CYBANJOU.slug,
      name: CYBANJOU.name,
      description: CYBANJOU.description,
      territory: [...CYBANJOU.territory],
      color: CYBANJOU.color,
      reviewRequired: true,
    },
    update: {},
  });
}

function summaryOf(report: ImportReport): Record<string, unknown> {
  return {
    total: report.total,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected.length,
    duplicates: report.duplicates.length,
    completed: report.duplicates.filter((d) => d.action === 'update').length,
    failedBatches: report.failedBatches.length,
  };
}
