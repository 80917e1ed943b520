// What an import says about itself: its options, its report (counts, rejected rows with their
// reason in French, warnings, possible duplicates, failed batches) and the report's CSV downloads.
import type { SessionUser } from '../auth/permissions';

/** The report's reason for a row that meets a place an importer may not change: nothing more is said about it. */
export const FOREIGN_PLACE = 'lieu d’un autre réseau : non modifié';

/** Warnings beyond the first MAX_WARNINGS are counted, not kept. */
export const MAX_WARNINGS = 5000;

export type ImportProgress = { done: number; fraction: number };

export type ImportOptions = {
  sourceName: string;
  networkSlug?: string | null;
  dryRun?: boolean;
  archiveMissing?: boolean;
  batchSize?: number;
  /** Batches written at the same time, each in its own transaction (default 2). */
  concurrency?: number;
  author?: string;
  /** Compare new places with the places of other sources (default true). */
  detectDuplicates?: boolean;
  /**
   * Who imports, from the back-office: a coordinator changes only places of the import's network,
   * under a source of that network. Without it (command line, first-start seed), the operator's
   * import has an administrator's rights.
   */
  importer?: SessionUser | null;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
};

export type DuplicateAction = 'update' | 'merge' | 'create';

/** A place of the file that resembles a place already known from another source. */
export type DuplicateMatch = {
  line: number;
  sourceId: string;
  name: string;
  action: DuplicateAction;
  placeId: string;
  placeName: string;
  placeSlug: string;
  score: number;
  nameSimilarity: number;
  distance: number | null;
  sameAddress: boolean;
  /** For two rows of the same file: the line of the other row. */
  otherLine?: number;
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
  /** Warnings beyond the first MAX_WARNINGS are counted, not kept. */
  warningCount: number;
  duplicates: DuplicateMatch[];
  /** Rows left alone because they meet a place the importer may not change. */
  foreign: number;
  failedBatches: Array<{ fromLine: number; toLine: number; reason: string }>;
};

export type Rejection = ImportReport['rejected'][number];
export type Warning = ImportReport['warnings'][number];

export function emptyReport(options: Pick<ImportOptions, 'sourceName' | 'dryRun'>): ImportReport {
  return {
    sourceName: options.sourceName,
    dryRun: !!options.dryRun,
    total: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    archived: 0,
    rejected: [],
    warnings: [],
    warningCount: 0,
    duplicates: [],
    foreign: 0,
    failedBatches: [],
  };
}

/** Keeps a warning, or only counts it beyond MAX_WARNINGS. */
export function addWarning(report: ImportReport, warning: Warning) {
  if (report.warningCount++ < MAX_WARNINGS) report.warnings.push(warning);
}

/** A CSV cell; text that a spreadsheet would run as a formula is neutralised. */
function csvCell(value: unknown): string {
  const text = String(value ?? '');
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

/** The report's rejected rows as CSV (line, id, name, reason), for download. */
export function rejectedCsv(report: Pick<ImportReport, 'rejected'>): string {
  return ['ligne,identifiant,nom,motif', ...report.rejected.map((r) => [r.line, r.sourceId, r.name, r.reason].map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** The report's duplicate matches as CSV, for download. */
export function duplicatesCsv(report: Pick<ImportReport, 'duplicates'>): string {
  const action = { update: 'complété (même lieu)', merge: 'créé, à fusionner', create: 'créé' } as const;
  const header = 'ligne,identifiant,nom,action,lieu_existant,slug_existant,score,similarite_nom,distance_m,meme_adresse';
  const lines = report.duplicates.map((d) =>
    [d.line, d.sourceId, d.name, action[d.action], d.placeName, d.placeSlug, d.score, d.nameSimilarity, d.distance, d.sameAddress ? 'oui' : 'non']
      .map(csvCell)
      .join(','),
  );
  return [header, ...lines].join('\r\n') + '\r\n';
}
