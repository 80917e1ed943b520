// Geocoding: from what a person types ("Saumur", "49400", "12 rue de la Gare Cholet") to a point.
// The national address API (Base Adresse Nationale, GeocodeJSON) when GEOCODER_URL is set and
// answers; otherwise, offline: the commune from Etalab's official list, placed at its reference
// centre (Commune table) or at the centre of the known places of that commune, or of its
// département.
import type { PrismaClient } from '@prisma/client';
import { Prisma } from '@prisma/client';
import { LRUCache } from 'lru-cache';
import { prepared } from '@/lib/db/prepared';
import arrondissementCentres from './arrondissement-centres.json';
import { communeByCode, departementName, lookupCommune, resolveCommune, suggestCommunes, type CommuneLookup, type CommuneRef } from './communes';
import { valueFor } from './help';

export type GeoPoint = {
  label: string;
  latitude: number;
  longitude: number;
  /** how precise the point is: an address, a commune centre, a département centre */
  precision: 'address' | 'street' | 'commune' | 'departement';
  inseeCode: string | null;
  departement: string | null;
  source: 'ban' | 'offline';
  /** INSEE's TNCC of the commune, when the point is one: how its name takes "de" (french.ts). */
  typeLiaison?: number | null;
};

/** A point, or what the text may have meant (close spellings, homonyms) when it is not one. */
export type PlaceAnswer = { point: GeoPoint | null; lookup: CommuneLookup };

export type Suggestion = { label: string; value: string; kind: 'commune' | 'address' };

type Db = Pick<PrismaClient, '$queryRaw' | 'geocodeCache'>;

const TIMEOUT_MS = 1500;
// Bounded: every distinct text a visitor types is a key, and a flood of them must not grow the
// heap (issue #16). The least recently used answers go first.
export const MEMORY_CACHE_SIZE = 2000;
const memoryCache = new LRUCache<string, PlaceAnswer>({ max: MEMORY_CACHE_SIZE, ttl: 24 * 3600 * 1000 });

/** The cache's size, for tests and monitoring. */
export function geocoderCacheSize(): number {
  return memoryCache.size;
}

export async function geocode(db: Db, query: string): Promise<GeoPoint | null> {
  const found = await findPlace(db, query);
  if (found.point) return found.point;
  // Homonyms with no choice to offer here (an address form): the most populous, as always.
  return found.lookup.kind === 'choice' ? locateCommune(db, found.lookup.candidates[0]) : null;
}

/**
 * What the text designates: a commune (offline, from the official list) or, when the text is
 * more than a commune's name and the address API is configured, an address. When nothing is
 * found, `lookup` says what was probably meant. `reads`: where a commune's centre is read (the
 * public pages pass their node-postgres pool, lib/db/rows.ts); `db` keeps the address API's cache.
 */
export async function findPlace(db: Db, query: string, reads: Pick<PrismaClient, '$queryRaw'> = db): Promise<PlaceAnswer> {
  const text = query.trim().replace(/\s+/g, ' ').slice(0, 200);
  if (!text) return { point: null, lookup: { kind: 'none' } };
  const key = text.toLowerCase();
  const cached = memoryCache.get(key);
  if (cached) return cached;

  const lookup = lookupCommune(text);
  let point: GeoPoint | null = null;
  // A commune's name (exact, homonyms, close spellings) is answered offline: the address API
  // would silently pick one. The rest (an address) goes to the API first.
  const offlineFirst = lookup.kind === 'choice' || lookup.kind === 'suggestions' || (lookup.kind === 'found' && !lookup.partial);
  if (!offlineFirst) point = await geocodeWithBan(db, text);
  if (!point && lookup.kind === 'found') point = await locateCommune(reads, lookup.commune);
  const located = { point, lookup };
  memoryCache.set(key, located);
  return located;
}

type GeocodeJsonFeature = {
  geometry: { coordinates: [number, number] };
  properties: { label: string; type: string; citycode?: string; context?: string; score?: number };
};

async function fetchBan(path: string): Promise<GeocodeJsonFeature[] | null> {
  const base = process.env.GEOCODER_URL;
  if (!base) return null;
  try {
    const response = await fetch(new URL(path, base.endsWith('/') ? base : `${base}/`), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return null;
    const body = (await response.json()) as { features?: GeocodeJsonFeature[] };
    return Array.isArray(body.features) ? body.features : null;
  } catch {
    return null; // unreachable or slow: the offline path takes over
  }
}

async function geocodeWithBan(db: Db, text: string): Promise<GeoPoint | null> {
  if (!process.env.GEOCODER_URL) return null;
  const cacheKey = `ban:${text.toLowerCase()}`;
  const stored = await db.geocodeCache.findUnique({ where: { query: cacheKey } }).catch(() => null);
  if (stored) return stored.result as unknown as GeoPoint;
  const features = await fetchBan(`search/?q=${encodeURIComponent(text)}&limit=1`);
  const feature = features?.[0];
  if (!feature) return null;
  const [longitude, latitude] = feature.geometry.coordinates;
  const citycode = feature.properties.citycode ?? null;
  const point: GeoPoint = {
    label: feature.properties.label,
    latitude,
    longitude,
    precision: feature.properties.type === 'housenumber' ? 'address' : feature.properties.type === 'street' ? 'street' : 'commune',
    inseeCode: citycode,
    departement: citycode ? departementOf(citycode) : null,
    source: 'ban',
    typeLiaison: feature.properties.type === 'municipality' && citycode ? (communeByCode(citycode)?.typeLiaison ?? null) : null,
  };
  await db.geocodeCache
    .upsert({ where: { query: cacheKey }, create: { query: cacheKey, result: point as unknown as Prisma.InputJsonValue }, update: {} })
    .catch(() => undefined);
  return point;
}

function departementOf(insee: string) {
  return insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2);
}

// Where each commune was placed, by INSEE code: the text cache above holds one answer per way of
// typing a town ("Angers", "49000", "angers 49000"), this one answers them all after the first.
// The same lifetime as the text cache's; at most one entry per commune (about 35,000, a few MB).
const communeCache = new LRUCache<string, { point: GeoPoint | null }>({ max: 40_000, ttl: 24 * 3600 * 1000 });

export async function locateCommune(db: Pick<PrismaClient, '$queryRaw'>, commune: CommuneRef): Promise<GeoPoint | null> {
  const known = communeCache.get(commune.code);
  if (known) return known.point;
  const point = await locateCommuneIn(db, commune);
  communeCache.set(commune.code, { point });
  return point;
}

async function locateCommuneIn(db: Pick<PrismaClient, '$queryRaw'>, commune: CommuneRef): Promise<GeoPoint | null> {
  const base = { label: commune.name, inseeCode: commune.code, departement: commune.departement, source: 'offline' as const, typeLiaison: commune.typeLiaison };
  // Arrondissements of Paris, Lyon and Marseille: not in the Commune table, their centres ship here.
  const centre = (arrondissementCentres as Record<string, number[]>)[commune.code];
  if (centre) return { ...base, latitude: centre[0], longitude: centre[1], precision: 'commune' };
  const [reference] = await db.$queryRaw<Array<{ latitude: number; longitude: number }>>(
    prepared(Prisma.sql`SELECT latitude, longitude FROM "Commune" WHERE "inseeCode" = ${commune.code} AND latitude IS NOT NULL LIMIT 1`),
  );
  if (reference) return { ...base, latitude: reference.latitude, longitude: reference.longitude, precision: 'commune' };
  // Its own places, or those of its postcodes (Paris, Lyon and Marseille list theirs under the
  // codes of their arrondissements).
  const [places] = await db.$queryRaw<Array<{ latitude: number | null; longitude: number | null }>>`
    SELECT avg(latitude)::float8 AS latitude, avg(longitude)::float8 AS longitude FROM "Place"
    WHERE status = 'published' AND latitude IS NOT NULL
      AND ("inseeCode" = ${commune.code} OR postcode = ANY(${commune.postcodes}))`;
  if (places?.latitude != null && places.longitude != null) {
    return { ...base, latitude: places.latitude, longitude: places.longitude, precision: 'commune' };
  }
  const dep = commune.departement;
  const [area] = await db.$queryRaw<Array<{ latitude: number | null; longitude: number | null }>>`
    SELECT avg(latitude)::float8 AS latitude, avg(longitude)::float8 AS longitude FROM (
      SELECT latitude, longitude FROM "Commune" WHERE departement = ${dep} AND latitude IS NOT NULL
      UNION ALL
      SELECT latitude, longitude FROM "Place" WHERE status = 'published' AND latitude IS NOT NULL AND postcode LIKE ${`${dep}%`}
    ) AS known`;
  if (area?.latitude != null && area.longitude != null) {
    return { ...base, latitude: area.latitude, longitude: area.longitude, precision: 'departement' };
  }
  return null;
}

/** Suggestions as you type: the address API when available, else communes and postcodes. */
export async function suggest(query: string, limit = 6): Promise<Suggestion[]> {
  const text = query.trim().slice(0, 100);
  if (text.length < 2) return [];
  const features = await fetchBan(`search/?q=${encodeURIComponent(text)}&limit=${limit}&autocomplete=1`);
  if (features?.length) {
    return features.map((f) => ({ label: f.properties.label, value: f.properties.label, kind: f.properties.type === 'municipality' ? 'commune' : 'address' }));
  }
  // The value is a text that designates that commune alone ("Saint-Denis (974)"), so that picking
  // a homonym does not end on a choice list.
  return suggestCommunes(text, limit).map((c) => ({
    label: `${c.name} (${[departementName(c.departement), c.postcodes[0]].filter(Boolean).join(', ')})`,
    value: valueFor(c),
    kind: 'commune',
  }));
}

export { communeByCode, lookupCommune, resolveCommune, suggestCommunes };
export type { CommuneLookup, CommuneRef };
