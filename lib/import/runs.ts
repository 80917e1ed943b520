// Imports from the back-office: a file is uploaded, checked by a dry run whose report is kept,
// then confirmed and written in the background while the page shows its progress. Rights are
// decided by lib/auth/permissions; every function here checks them.
import type { ImportRun, PrismaClient } from '@prisma/client';
import { Prisma } from '@prisma/client';
import { canImport, canSeeImportRun, importNeedsNetwork, type SessionUser } from '../auth/permissions';
import { slugify } from '../geo/fold';
import { MAPPABLE, type ColumnMapping, type MappableField } from './generic';
import { FORMATS, streamSource, type SourceFormat } from './readers';
import { runImport, type ImportReport } from './run';
import { streamCsvRecords } from './csv';
import { SOURCE_REFUSALS, sourceRefusal } from './sources';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type RunState = 'mapping' | 'checking' | 'pending' | 'running' | 'done' | 'failed';
/** Why an upload was refused, by code (the code travels in the page's URL, the sentence does not). */
export const START_ERRORS = {
  format: 'Choisissez le format du fichier.',
  vide: 'Choisissez un fichier : celui-ci est vide.',
  taille: 'Le fichier dépasse 20 Mo : importez-le avec la commande npm run import.',
  reseau: 'Réseau inconnu.',
  'reseau-requis': 'Choisissez un de vos réseaux : les lieux importés y seront rattachés.',
  droits: 'Seuls les administrateurs et les coordinations de réseau peuvent importer des fichiers.',
  correspondance: 'La correspondance de colonnes n’est pas valide : vérifiez le JSON, ou laissez le champ vide pour choisir les colonnes à l’étape suivante.',
  ...SOURCE_REFUSALS,
} as const;
export type StartError = keyof typeof START_ERRORS;
export type StartResult = { ok: true; id: string } | { ok: false; error: StartError };

type Db = PrismaClient;

/** What a report keeps in the database: everything but the warnings beyond the first 500. */
function storedReport(report: ImportReport) {
  return { ...report, warnings: report.warnings.slice(0, 500) } as unknown as Prisma.InputJsonValue;
}

function summary(report: ImportReport) {
  return {
    total: report.total,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    archived: report.archived,
    rejected: report.rejected.length - (report.foreign ?? 0),
    warnings: report.warningCount,
    duplicates: report.duplicates.length,
    foreign: report.foreign ?? 0,
    merges: report.duplicates.filter((d) => d.action === 'merge').length,
    failedBatches: report.failedBatches.length,
  };
}
export type RunSummary = ReturnType<typeof summary>;

async function networkIdOf(db: Db, slug: string | null): Promise<string | null | undefined> {
  if (!slug) return null;
  const network = await db.network.findUnique({ where: { slug }, select: { id: true } });
  return network?.id; // undefined: unknown network
}

/** May this user see (and act on) this run? The rule is `canSeeImportRun`'s (lib/auth/permissions). */
export function canSeeRun(user: SessionUser, run: Pick<ImportRun, 'userId'>): boolean {
  return canSeeImportRun(user, run);
}

/** The columns of a CSV file (its header), decoded and split like the import will. */
export async function fileColumns(bytes: Buffer): Promise<string[]> {
  const { records } = streamCsvRecords(bytes);
  for await (const record of records) return Object.keys(record.record);
  return [];
}

/** Starts an import: checks the rights and the file, then runs the dry run (or asks for a column mapping first). */
export async function startImport(
  db: Db,
  user: SessionUser,
  input: {
    format: string;
    fileName: string;
    bytes: Buffer;
    sourceName?: string | null;
    networkSlug?: string | null;
    mapping?: ColumnMapping | null;
    archiveMissing?: boolean;
  },
): Promise<StartResult> {
  if (!(FORMATS as readonly string[]).includes(input.format)) return { ok: false, error: 'format' };
  if (input.bytes.length === 0) return { ok: false, error: 'vide' };
  if (input.bytes.length > MAX_UPLOAD_BYTES) return { ok: false, error: 'taille' };
  const networkSlug = input.networkSlug || null;
  const networkId = await networkIdOf(db, networkSlug);
  if (networkId === undefined) return { ok: false, error: 'reseau' };
  // Refused: a coordinator must choose one of their networks; anyone else may not import at all.
  if (!canImport(user, networkId)) return { ok: false, error: importNeedsNetwork(user) ? 'reseau-requis' : 'droits' };
  const sourceName = slugify(input.sourceName || input.fileName.replace(/\.[^.]+$/, '')).slice(0, 80) || 'import';
  // Another network's (or the administrators') source: refused before anything is kept.
  const refusal = await sourceRefusal(db, user, sourceName, networkId);
  if (refusal) return { ok: false, error: refusal };
  // Files of checks never confirmed are not kept beyond a week.
  await db.importRun.updateMany({
    where: { state: { in: ['mapping', 'pending'] }, startedAt: { lt: new Date(Date.now() - 7 * 24 * 3600 * 1000) } },
    data: { state: 'failed', file: null, error: 'Vérification jamais confirmée : le fichier a été effacé au bout d’une semaine.' },
  });
  const run = await db.importRun.create({
    data: {
      format: input.format,
      sourceName,
      dryRun: true,
      userId: user.id,
      fileName: input.fileName.slice(0, 200),
      file: new Uint8Array(input.bytes),
      networkSlug,
      mapping: (input.mapping ?? undefined) as Prisma.InputJsonValue | undefined,
      state: input.format === 'generic' && !input.mapping ? 'mapping' : 'checking',
      summary: { archiveMissing: !!input.archiveMissing } as Prisma.InputJsonValue,
    },
  });
  if (run.state === 'mapping') return { ok: true, id: run.id };
  return dryRun(db, run.id, user);
}

/** Sets the column mapping of a generic CSV run and runs its dry run. */
export async function setMapping(db: Db, user: SessionUser, id: string, mapping: ColumnMapping): Promise<StartResult> {
  const run = await db.importRun.findUnique({ where: { id } });
  if (!run || !canSeeRun(user, run) || (run.state !== 'mapping' && run.state !== 'pending')) return { ok: false, error: 'droits' };
  await db.importRun.update({ where: { id }, data: { mapping: mapping as Prisma.InputJsonValue, state: 'checking' } });
  return dryRun(db, id, user);
}

async function dryRun(db: Db, id: string, user: SessionUser): Promise<StartResult> {
  const run = await db.importRun.findUniqueOrThrow({ where: { id } });
  const options = run.summary as { archiveMissing?: boolean } | null;
  try {
    const source = streamSource(run.format, Buffer.from(run.file!), { mapping: run.mapping as ColumnMapping | null });
    const report = await runImport(db, source, {
      sourceName: run.sourceName,
      networkSlug: run.networkSlug,
      dryRun: true,
      archiveMissing: !!options?.archiveMissing,
      importer: user,
    });
    await db.importRun.update({
      where: { id },
      data: {
        state: 'pending',
        error: null,
        report: storedReport(report),
        summary: { ...summary(report), archiveMissing: !!options?.archiveMissing },
        finishedAt: new Date(),
      },
    });
  } catch (error) {
    // A mapping that does not fit the file: the page asks for it again, with the reason.
    await db.importRun.update({ where: { id }, data: { state: run.format === 'generic' ? 'mapping' : 'failed', error: (error as Error).message } });
  }
  return { ok: true, id };
}

/**
 * Confirms a checked import: the real import starts in the background (the returned promise ends
 * with it; the page does not wait for it) and records its progress on the run.
 */
export async function confirmImport(db: Db, user: SessionUser, id: string): Promise<{ ok: true; done: Promise<void> } | { ok: false; error: string }> {
  const run = await db.importRun.findUnique({ where: { id } });
  if (!run || !canSeeRun(user, run)) return { ok: false, error: 'Import introuvable.' };
  const networkId = await networkIdOf(db, run.networkSlug);
  if (networkId === undefined || !canImport(user, networkId)) return { ok: false, error: 'Vous ne pouvez plus importer dans ce réseau.' };
  // Only one confirmation wins, even when the button is pressed twice.
  const claimed = await db.importRun.updateMany({
    where: { id, state: 'pending' },
    data: { state: 'running', dryRun: false, startedAt: new Date(), finishedAt: null, done: 0, fraction: 0 },
  });
  if (claimed.count === 0) return { ok: false, error: 'Cet import a déjà été lancé.' };
  const options = run.summary as { archiveMissing?: boolean } | null;
  const done = (async () => {
    try {
      const source = streamSource(run.format, Buffer.from(run.file!), { mapping: run.mapping as ColumnMapping | null });
      const report = await runImport(db, source, {
        sourceName: run.sourceName,
        networkSlug: run.networkSlug,
        archiveMissing: !!options?.archiveMissing,
        importer: user,
        author: `Import ${run.sourceName} (${user.name ?? user.email})`,
        onProgress: async ({ done: rows, fraction }) => {
          await db.importRun.update({ where: { id }, data: { done: rows, fraction: Math.min(1, fraction) } });
        },
      });
      await db.importRun.update({
        where: { id },
        data: {
          state: 'done',
          report: storedReport(report),
          summary: { ...summary(report), archiveMissing: !!options?.archiveMissing },
          finishedAt: new Date(),
          fraction: 1,
          done: report.total,
          file: null,
        },
      });
    } catch (error) {
      await db.importRun.update({ where: { id }, data: { state: 'failed', error: (error as Error).message, finishedAt: new Date() } });
    }
  })();
  return { ok: true, done };
}

/** The standard fields offered in the column chooser, the required ones first. */
export const CHOOSABLE: Array<{ field: MappableField; label: string; required?: boolean }> = [
  { field: 'nom', label: 'Nom du lieu', required: true },
  { field: 'adresse', label: 'Adresse (numéro et voie)', required: true },
  { field: 'code_postal', label: 'Code postal', required: true },
  { field: 'commune', label: 'Commune', required: true },
  { field: 'id', label: 'Identifiant dans le fichier' },
  { field: 'latitude', label: 'Latitude' },
  { field: 'longitude', label: 'Longitude' },
  { field: 'code_insee', label: 'Code INSEE' },
  { field: 'telephone', label: 'Téléphone' },
  { field: 'courriels', label: 'Courriel' },
  { field: 'site_web', label: 'Site web' },
  { field: 'horaires', label: 'Horaires' },
  { field: 'date_maj', label: 'Date de mise à jour' },
  { field: 'services', label: 'Services' },
  { field: 'typologie', label: 'Type de structure (codes)' },
  { field: 'presentation_resume', label: 'Présentation courte' },
  { field: 'presentation_detail', label: 'Présentation détaillée' },
  { field: 'pivot', label: 'SIRET' },
];

/** A column name as the hints read it: lower case, no accents, words separated by one space. */
const hintKey = (v: string) =>
  v
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const HINTS: Partial<Record<MappableField, RegExp>> = {
  nom: /^(nom|name|structure|lieu|libelle|raison sociale|nom de la structure|nom du lieu)$/,
  adresse: /^(adresse|address|voie|rue|adresse postale)$/,
  code_postal: /^(cp|code postal|codepostal|postcode|code_postal)$/,
  commune: /^(commune|ville|city|localite)$/,
  id: /^(id|identifiant|code|ref|reference)$/,
  latitude: /^(lat|latitude|y)$/,
  longitude: /^(lon|lng|long|longitude|x)$/,
  code_insee: /^(insee|code insee|code commune)$/,
  telephone: /^(tel|telephone|phone|numero de telephone)$/,
  courriels: /^(mail|e mail|email|courriel|adresse mail)$/,
  site_web: /^(site|site web|site internet|url|web)$/,
  horaires: /^(horaires|horaire|heures d ouverture|ouverture)$/,
  date_maj: /^(date|mise a jour|date de mise a jour|maj|date maj)$/,
  services: /^(services|service|prestations|offre)$/,
  pivot: /^(siret|siren|pivot)$/,
};

/** A first guess of the mapping from the file's header names. */
export function guessMapping(columns: string[]): Partial<Record<MappableField, string>> {
  const guess: Partial<Record<MappableField, string>> = {};
  for (const column of columns) {
    const name = hintKey(column);
    const field = (Object.entries(HINTS) as Array<[MappableField, RegExp]>).find(([f, re]) => !guess[f] && re.test(name))?.[0];
    if (field) guess[field] = column;
  }
  return guess;
}

/** A mapping from the column chooser's form: field → column, empty choices left out. */
export function mappingFromForm(form: FormData): { mapping: ColumnMapping } | { error: string } {
  const columns: Partial<Record<MappableField, string>> = {};
  for (const field of MAPPABLE) {
    const value = String(form.get(`col_${field}`) ?? '').trim();
    if (value) columns[field] = value;
  }
  const missing = CHOOSABLE.filter((c) => c.required && !columns[c.field]).map((c) => c.label);
  if (missing.length) return { error: `Indiquez la colonne de : ${missing.join(', ')}.` };
  const separator = String(form.get('listSeparator') ?? '').trim();
  return { mapping: { columns, listSeparator: separator || null } };
}

export type { SourceFormat };

/** A running import without progress for ten minutes: the server stopped while it ran. */
export function isStalled(run: Pick<ImportRun, 'state' | 'updatedAt'>, now: Date = new Date()): boolean {
  return run.state === 'running' && now.getTime() - run.updatedAt.getTime() > 10 * 60 * 1000;
}
