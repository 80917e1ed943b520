// Writes parsed rows: one transaction per batch (a batch is written whole or not at all),
// update-by-source so a re-import changes nothing that did not change, a revision per created or
// updated place, the weekly opening slots, and an optional archive of places gone from the source.
import type { PrismaClient } from '@prisma/client';
import { Prisma } from '@prisma/client';
import { slugify } from '../geo/fold';
import { rebuildOpeningSlots } from '../places/opening-slots';
import type { ImportedFields, ParsedRow } from './types';

export type ImportOptions = {
  sourceName: string;
  networkSlug?: string | null;
  dryRun?: boolean;
  archiveMissing?: boolean;
  batchSize?: number;
  author?: string;
  onProgress?: (done: number, total: number) => void;
};

export type ImportReport = {
  sourceName: string;
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
  rejected: Array<{ line: number; sourceId: string | null; name: string | null; reason: string }>;
  warnings: Array<{ line: number; name: string | null; warning: string }>;
  failedBatches: Array<{ fromLine: number; toLine: number; reason: string }>;
};

const COMPARED: Array<keyof ImportedFields> = [
  'pivot', 'name', 'street', 'addressComplement', 'postcode', 'commune', 'inseeCode', 'latitude', 'longitude', 'timeZone', 'phone', 'openingHours',
  'summary', 'presentation', 'source', 'parentStructure', 'accesLibreUrl', 'appointmentUrl', 'typologies', 'emails', 'websites', 'itinerance',
  'services', 'publics', 'specificSupport', 'fees', 'programmes', 'labels', 'otherLabels', 'accessModes', 'supportModes', 'dateMaj',
];

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-7;
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  return (a ?? null) === (b ?? null);
}

function jsonable(value: unknown) {
  return value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null);
}

export async function runImport(db: PrismaClient, rows: ParsedRow[], options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { sourceName: options.sourceName, dryRun: !!options.dryRun, total: rows.length, created: 0, updated: 0, unchanged: 0, archived: 0, rejected: [], warnings: [], failedBatches: [] };
  const author = options.author ?? `Import ${options.sourceName}`;
  const network = options.networkSlug ? await db.network.findUnique({ where: { slug: options.networkSlug } }) : null;
  if (options.networkSlug && !network) throw new Error(`Réseau inconnu : « ${options.networkSlug} ».`);

  const seen = new Set<string>();
  const valid: ParsedRow[] = [];
  for (const row of rows) {
    for (const warning of row.warnings) report.warnings.push({ line: row.line, name: row.name, warning });
    if (!row.place) {
      report.rejected.push({ line: row.line, sourceId: row.sourceId, name: row.name, reason: row.errors.join(' ; ') || 'ligne illisible' });
    } else if (seen.has(row.place.sourceId)) {
      report.rejected.push({ line: row.line, sourceId: row.sourceId, name: row.name, reason: `identifiant en double dans le fichier (${row.place.sourceId})` });
    } else {
      seen.add(row.place.sourceId);
      valid.push(row);
    }
  }

  const batchSize = options.batchSize ?? 500;
  let done = 0;
  for (let start = 0; start < valid.length; start += batchSize) {
    const batch = valid.slice(start, start + batchSize);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    try {
      await db.$transaction(
        async (tx) => {
          const existing = await tx.place.findMany({ where: { sourceName: options.sourceName, sourceId: { in: batch.map((r) => r.place!.sourceId) } } });
          const bySource = new Map(existing.map((p) => [p.sourceId!, p]));
          // Slugs already taken by a base slug of this batch or its numbered variants: one query.
          const patterns = [...new Set(batch.map((r) => `${baseSlug(r.place!.fields).replace(/[%_]/g, '')}%`))];
          const slugs = new Set(
            (await tx.$queryRaw<Array<{ slug: string }>>`SELECT slug FROM "Place" WHERE slug LIKE ANY(${patterns}::text[])`).map((r) => r.slug),
          );
          const touched: string[] = [];
          const revisions: Prisma.PlaceRevisionCreateManyInput[] = [];
          const creations: Array<{ data: Prisma.PlaceCreateManyInput; line: number }> = [];
          for (const row of batch) {
            const { fields, sourceId, active } = row.place!;
            const status = active ? 'PUBLISHED' : 'ARCHIVED';
            const current = bySource.get(sourceId);
            if (!current) {
              let slug = baseSlug(fields);
              for (let n = 2; slugs.has(slug); n++) slug = `${baseSlug(fields)}-${n}`;
              slugs.add(slug);
              counts.created++;
              creations.push({ line: row.line, data: { ...fields, slug, status, sourceName: options.sourceName, sourceId, archivedAt: active ? null : new Date() } });
              continue;
            }
            const changes: Record<string, { before: unknown; after: unknown }> = {};
            for (const key of COMPARED) {
              const before = (current as Record<string, unknown>)[key];
              const after = (fields as Record<string, unknown>)[key];
              if (!same(before, after)) changes[key] = { before: jsonable(before), after: jsonable(after) };
            }
            if (current.status !== status && current.status !== 'DRAFT') changes.status = { before: current.status, after: status };
            if (Object.keys(changes).length === 0) {
              counts.unchanged++;
              continue;
            }
            counts.updated++;
            if (options.dryRun) continue;
            await tx.place.update({
              where: { id: current.id },
              data: { ...fields, ...(changes.status ? { status, archivedAt: active ? null : new Date() } : {}), version: { increment: 1 } },
            });
            revisions.push({ placeId: current.id, kind: 'IMPORT', authorLabel: author, changes: changes as Prisma.InputJsonValue, baseVersion: current.version, reason: `Mise à jour par l’import ${options.sourceName} (ligne ${row.line})` });
            if (network) await tx.networkMembership.upsert({ where: { placeId_networkId: { placeId: current.id, networkId: network.id } }, create: { placeId: current.id, networkId: network.id }, update: {} });
            touched.push(current.id);
          }
          if (creations.length && !options.dryRun) {
            const created = await tx.place.createManyAndReturn({ data: creations.map((c) => c.data), select: { id: true, sourceId: true } });
            const lineOf = new Map(creations.map((c) => [c.data.sourceId, c.line]));
            for (const place of created) {
              revisions.push({ placeId: place.id, kind: 'IMPORT', authorLabel: author, changes: {}, reason: `Création par l’import ${options.sourceName} (ligne ${lineOf.get(place.sourceId)})` });
              touched.push(place.id);
            }
            if (network) await tx.networkMembership.createMany({ data: created.map((p) => ({ placeId: p.id, networkId: network.id })), skipDuplicates: true });
          }
          if (revisions.length) await tx.placeRevision.createMany({ data: revisions });
          await rebuildOpeningSlots(tx, touched);
        },
        { timeout: 120_000 },
      );
      report.created += counts.created;
      report.updated += counts.updated;
      report.unchanged += counts.unchanged;
    } catch (error) {
      // The batch's transaction rolled back: nothing of it was written.
      report.failedBatches.push({ fromLine: batch[0].line, toLine: batch[batch.length - 1].line, reason: (error as Error).message.split('\n').pop() ?? 'erreur' });
      for (const row of batch) report.rejected.push({ line: row.line, sourceId: row.sourceId, name: row.name, reason: 'lot non écrit (erreur de base de données), réessayez l’import' });
    }
    done += batch.length;
    options.onProgress?.(done, valid.length);
  }

  if (options.archiveMissing) {
    const gone = await db.place.findMany({ where: { sourceName: options.sourceName, status: { not: 'ARCHIVED' }, sourceId: { notIn: [...seen] } }, select: { id: true, status: true, version: true } });
    report.archived = gone.length;
    if (!options.dryRun && gone.length) {
      await db.$transaction([
        db.place.updateMany({ where: { id: { in: gone.map((p) => p.id) } }, data: { status: 'ARCHIVED', archivedAt: new Date(), version: { increment: 1 } } }),
        db.placeRevision.createMany({ data: gone.map((p) => ({ placeId: p.id, kind: 'STATUS' as const, authorLabel: author, changes: { status: { before: p.status, after: 'ARCHIVED' } }, baseVersion: p.version, reason: `Absent de la source ${options.sourceName}` })) }),
      ]);
    }
  }
  return report;
}

function baseSlug(fields: ImportedFields) {
  return slugify(`${fields.name} ${fields.commune}`).slice(0, 90) || 'lieu';
}

/** The report's rejected rows as CSV (line, id, name, reason), for download. */
export function rejectedCsv(report: ImportReport): string {
  const cell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  return ['ligne,identifiant,nom,motif', ...report.rejected.map((r) => [r.line, r.sourceId, r.name, r.reason].map(cell).join(','))].join('\r\n') + '\r\n';
}
