// Field-level provenance of imported values, and the rule that decides, field by field, whether
// an imported row may change a place that several sources describe:
//  - a value a person changed in the back-office is never overwritten by an import (it is
//    recognised because it no longer matches the fingerprint the import recorded for it);
//  - a source always updates (or clears) the values it gave itself;
//  - between two sources, the row with the more recent date_maj wins; on the same date, the
//    source ranked first (admin-set priority, then the older source) wins;
//  - a precise position always beats an approximate one (a commune's centre), never the reverse.
// So importing A, B, A, B changes nothing on the second pair: each value stays with its winner.
import crypto from 'node:crypto';
import type { ImportedFields } from './types';

/** Per field: the source that gave the value, the date_maj of its row, the fingerprint of the value written. */
export type FieldSource = { s: string; d: string; h: string };
export type FieldSources = Record<string, FieldSource>;

/**
 * Provenance as `Place.fieldSources` stores it: the commonest source and date once (`s`, `d`), then
 * per field (`f`) its fingerprint alone when it shares them, else its whole entry. A place an
 * import created has one source and one date for every value: about 500 bytes of JSON instead of
 * 1,300 — a fifth of what each new place sent to PostgreSQL, parsed there and compressed (the
 * import's profile, bench/README.md, 2026-12-06). The full form, written until then, is read too.
 */
export type StoredSources = { s: string; d: string; f: Record<string, string | FieldSource> };

const isStored = (value: unknown): value is StoredSources =>
  typeof value === 'object' && value !== null && typeof (value as StoredSources).s === 'string' && typeof (value as StoredSources).f === 'object';

/** Provenance as stored (either form, or nothing) as one entry per field. */
export function readSources(stored: unknown): FieldSources {
  if (!isStored(stored)) return (stored ?? {}) as FieldSources;
  const out: FieldSources = {};
  for (const [field, entry] of Object.entries(stored.f)) out[field] = typeof entry === 'string' ? { s: stored.s, d: stored.d, h: entry } : entry;
  return out;
}

/** Provenance in its stored form (see StoredSources). */
export function storedSources(sources: FieldSources): StoredSources {
  const entries = Object.entries(sources);
  const counts = new Map<string, number>();
  let common: FieldSource | undefined;
  let best = 0;
  for (const [, entry] of entries) {
    const key = `${entry.s}\u0000${entry.d}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > best) [best, common] = [n, entry];
  }
  const out: StoredSources = { s: common?.s ?? '', d: common?.d ?? '', f: {} };
  for (const [field, entry] of entries) out.f[field] = entry.s === out.s && entry.d === out.d ? entry.h : entry;
  return out;
}

/** The fields merged one by one; `latitude` stands for the position (latitude and longitude together). */
export const MERGED_FIELDS = [
  'pivot',
  'name',
  'street',
  'addressComplement',
  'postcode',
  'commune',
  'inseeCode',
  'latitude',
  'timeZone',
  'phone',
  'openingHours',
  'summary',
  'presentation',
  'source',
  'parentStructure',
  'accesLibreUrl',
  'appointmentUrl',
  'typologies',
  'emails',
  'websites',
  'itinerance',
  'services',
  'publics',
  'specificSupport',
  'fees',
  'programmes',
  'labels',
  'otherLabels',
  'accessModes',
  'supportModes',
] as const satisfies ReadonlyArray<keyof ImportedFields>;
export type MergedField = (typeof MERGED_FIELDS)[number];

export const FIELD_LABELS: Record<MergedField | 'dateMaj', string> = {
  pivot: 'SIRET',
  name: 'Nom',
  street: 'Adresse',
  addressComplement: 'Complément d’adresse',
  postcode: 'Code postal',
  commune: 'Commune',
  inseeCode: 'Code INSEE',
  latitude: 'Position',
  timeZone: 'Fuseau horaire',
  phone: 'Téléphone',
  openingHours: 'Horaires',
  summary: 'Présentation courte',
  presentation: 'Présentation détaillée',
  source: 'Source indiquée',
  parentStructure: 'Structure parente',
  accesLibreUrl: 'Fiche Accès libre',
  appointmentUrl: 'Prise de rendez-vous',
  typologies: 'Types de structure',
  emails: 'Courriels',
  websites: 'Sites web',
  itinerance: 'Itinérance',
  services: 'Services',
  publics: 'Publics',
  specificSupport: 'Prise en charge spécifique',
  fees: 'Frais',
  programmes: 'Dispositifs nationaux',
  labels: 'Labels',
  otherLabels: 'Autres labels',
  accessModes: 'Modalités d’accès',
  supportModes: 'Modalités d’accompagnement',
  dateMaj: 'Date de mise à jour',
};

export const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

const isoDate = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '').slice(0, 10));

/** A field's value on a place or a row; the position as [latitude, longitude]. */
export function valueOf(fields: Record<string, unknown>, field: MergedField | 'dateMaj'): unknown {
  if (field === 'latitude') return fields.latitude === null || fields.latitude === undefined ? null : [fields.latitude, fields.longitude];
  return fields[field];
}

function normal(value: unknown): unknown {
  if (isEmpty(value)) return null;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number') return Number(value.toFixed(6));
  if (Array.isArray(value)) return value.map(normal);
  return value;
}

/**
 * The fields whose values repeat across rows (lists, hours, dates, the source's own words): their
 * fingerprints are remembered. The others (names, streets, phones, coordinates…) are nearly all
 * distinct: remembering them only filled the map with strings that outlived the young generation,
 * for the garbage collector to find in the old one (bench/import-child.ts, 2026-12-06).
 */
const REPEATING = new Set<string>([
  'timeZone',
  'openingHours',
  'source',
  'parentStructure',
  'postcode',
  'commune',
  'typologies',
  'itinerance',
  'services',
  'publics',
  'specificSupport',
  'fees',
  'programmes',
  'labels',
  'accessModes',
  'supportModes',
  'dateMaj',
]);

/** A short fingerprint of a value: equal values, equal fingerprints (dates as days, numbers to 6 decimals); `field` only says whether to remember it. */
export function fingerprint(value: unknown, field?: string): string {
  const text = JSON.stringify(normal(value));
  if (text.length > 256 || (field !== undefined && !REPEATING.has(field))) return sha1(text);
  let hash = FINGERPRINTS.get(text);
  if (hash === undefined) {
    hash = sha1(text);
    // Short values repeat a lot across rows (lists, dates, sources): remembered, within a bound.
    if (FINGERPRINTS.size >= 20_000) FINGERPRINTS.clear();
    FINGERPRINTS.set(text, hash);
  }
  return hash;
}
const FINGERPRINTS = new Map<string, string>();

// The one-shot crypto.hash (Node.js ≥ 20.12) digests a short text about five times faster than a
// Hash object, and most of an import's values are short and distinct (names, streets, phones):
// the same digest either way, so the fingerprints already stored still match.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'base64url') => string }).hash;
const sha1 = (text: string) => (oneShot ? oneShot('sha1', text, 'base64url') : crypto.createHash('sha1').update(text).digest('base64url')).slice(0, 12);

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

/** The provenance of a place created by an import: every value it gave. */
export function initialSources(fields: ImportedFields, source: string): FieldSources {
  return readSources(initialStoredSources(fields, source));
}

/** The same, in its stored form, built directly (one source and one date for every value). */
export function initialStoredSources(fields: ImportedFields, source: string): StoredSources {
  const date = isoDate(fields.dateMaj);
  const f: Record<string, string> = {};
  for (const field of MERGED_FIELDS) {
    const value = valueOf(fields, field);
    if (!isEmpty(value)) f[field] = fingerprint(value, field);
  }
  f.dateMaj = fingerprint(date);
  return { s: source, d: date, f };
}

export type CurrentPlace = Record<string, unknown> & {
  fieldSources?: unknown;
  sourceName?: string | null;
  dateMaj: Date | string;
  locationApproximate?: boolean;
};
export type IncomingRow = { source: string; fields: ImportedFields; approximate: boolean };
/** Negative when source a wins over source b on the same date. */
export type SourceOrder = (a: string, b: string) => number;

type Owner = { kind: 'free' } | { kind: 'person' } | { kind: 'source'; s: string; d: string };

function ownerOf(current: CurrentPlace, sources: FieldSources, field: MergedField): Owner {
  const value = valueOf(current, field);
  const entry = sources[field];
  if (entry) return fingerprint(value, field) === entry.h ? { kind: 'source', s: entry.s, d: entry.d } : { kind: 'person' };
  if (isEmpty(value)) return { kind: 'free' };
  // Values written before provenance was recorded: the place's own source gave them (or a person, on a place made by hand).
  return current.sourceName ? { kind: 'source', s: current.sourceName, d: isoDate(current.dateMaj) } : { kind: 'person' };
}

export type MergeOutcome = {
  /** New values, by column (the position as latitude, longitude and locationApproximate). */
  data: Record<string, unknown>;
  /** { field: { before, after } } for the revision. */
  changes: Record<string, { before: unknown; after: unknown }>;
  fieldSources: FieldSources;
  /** The provenance changed (it is written even when no value did). */
  provenanceChanged: boolean;
};

const shown = (value: unknown) => (value instanceof Date ? isoDate(value) : (value ?? null));

/** What an imported row changes on a place, field by field (see the rules at the top of this file). */
export function mergeRow(current: CurrentPlace, incoming: IncomingRow, order: SourceOrder): MergeOutcome {
  const before = readSources(current.fieldSources);
  const sources: FieldSources = { ...before };
  const data: Record<string, unknown> = {};
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const date = isoDate(incoming.fields.dateMaj);
  const S = incoming.source;

  for (const field of MERGED_FIELDS) {
    const value = valueOf(incoming.fields, field);
    const now = valueOf(current, field);
    const owner = ownerOf(current, before, field);
    if (owner.kind === 'person') continue;
    let take: boolean;
    if (isEmpty(value)) {
      // An empty cell clears only what this source gave itself.
      take = owner.kind === 'source' && owner.s === S && !isEmpty(now);
    } else if (field === 'latitude' && incoming.approximate && !isEmpty(now) && !current.locationApproximate) {
      take = false; // an approximate position never replaces a precise one
    } else if (field === 'latitude' && !incoming.approximate && current.locationApproximate) {
      take = true;
    } else {
      take = owner.kind === 'free' || owner.s === S || date > owner.d || (date === owner.d && order(S, owner.s) < 0);
    }
    if (!take) continue;
    if (!sameValue(now, value)) {
      changes[field === 'latitude' ? 'coordinates' : field] = { before: shown(now), after: shown(value) };
      if (field === 'latitude') {
        const [lat, lng] = (value as [number, number] | null) ?? [null, null];
        Object.assign(data, { latitude: lat, longitude: lng, locationApproximate: value !== null && incoming.approximate });
      } else data[field] = value;
    } else if (field === 'latitude' && !!current.locationApproximate !== incoming.approximate && value !== null) {
      data.locationApproximate = incoming.approximate;
      changes.locationApproximate = { before: !!current.locationApproximate, after: incoming.approximate };
    }
    if (isEmpty(value)) delete sources[field];
    else sources[field] = { s: S, d: date, h: fingerprint(value, field) };
  }

  // The place's date_maj is its most recent confirmation, whichever source (or person) gave it.
  if (date > isoDate(current.dateMaj)) {
    data.dateMaj = incoming.fields.dateMaj;
    changes.dateMaj = { before: isoDate(current.dateMaj), after: date };
    sources.dateMaj = { s: S, d: date, h: fingerprint(date) };
  }
  return { data, changes, fieldSources: sources, provenanceChanged: JSON.stringify(sources) !== JSON.stringify(before) };
}

export type FieldSourceRow = { field: MergedField | 'dateMaj'; label: string; source: string | null; date: string | null };

/**
 * Who gave each value of a place, for its history page: a source with its row's date, or null
 * when a person changed the value since (or made the place by hand).
 */
export function fieldSourceRows(place: CurrentPlace): FieldSourceRow[] {
  const sources = readSources(place.fieldSources);
  const rows: FieldSourceRow[] = [];
  for (const field of [...MERGED_FIELDS, 'dateMaj'] as const) {
    const value = field === 'dateMaj' ? isoDate(place.dateMaj) : valueOf(place, field);
    if (isEmpty(value)) continue;
    const entry = sources[field];
    if (field === 'dateMaj') {
      rows.push({ field, label: FIELD_LABELS[field], source: entry && entry.d === value ? entry.s : null, date: entry && entry.d === value ? entry.d : null });
      continue;
    }
    const owner = ownerOf(place, sources, field);
    rows.push({ field, label: FIELD_LABELS[field], source: owner.kind === 'source' ? owner.s : null, date: owner.kind === 'source' ? owner.d : null });
  }
  return rows;
}
