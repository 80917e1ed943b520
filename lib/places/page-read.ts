// The one SQL statement behind a place page: the place by its slug, its stops, its networks and
// the first scan of its nearby places, in one round trip. Raw SQL rather than Prisma because
// the page is the most requested one: Prisma's `findUnique` with its relations made three
// queries and the nearby places a fourth, and its query compiler cost as much CPU as the render;
// sent through node-postgres (lib/db/rows.ts), without Prisma's client at all.
// The database stores the standard's labels in its enum columns; they are turned back into the
// Prisma keys the rest of the code speaks (SERVICE_LABELS and the like, lib/standard/enums.ts).
import 'server-only';
import type * as P from '@prisma/client';
import { Prisma } from '@prisma/client';
import { readRows } from '@/lib/db/rows';
import { STANDARD_LISTS, type StandardListName } from '@/lib/standard/enums';

export type PublicStop = {
  id: string;
  label: string;
  street: string | null;
  commune: string;
  latitude: number;
  longitude: number;
  openingHours: string | null;
};

/** What a place page shows of a place. */
export type PublicPlace = {
  id: string;
  slug: string;
  status: P.PlaceStatus;
  name: string;
  street: string;
  addressComplement: string | null;
  postcode: string;
  commune: string;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  typologies: P.Typologie[];
  phone: string | null;
  emails: string[];
  websites: string[];
  openingHours: string | null;
  summary: string | null;
  presentation: string | null;
  source: string | null;
  itinerance: P.Itinerance[];
  pivot: string | null;
  dateMaj: Date;
  confirmedBy: string | null;
  /** 'reseau' (confirmedBy names it), 'lieu', 'equipe', or null (see components/place/TrustSection.tsx) */
  confirmedByKind: string | null;
  services: P.Service[];
  publics: P.PublicSpecifiquementAdresse[];
  specificSupport: P.PriseEnChargeSpecifique[];
  fees: P.FraisACharge[];
  programmes: P.DispositifProgrammeNational[];
  labels: P.FormationLabel[];
  otherLabels: string[];
  accessModes: P.ModaliteAcces[];
  supportModes: P.ModaliteAccompagnement[];
  accesLibreUrl: string | null;
  appointmentUrl: string | null;
  locationApproximate: boolean;
  closedFrom: Date | null;
  closedUntil: Date | null;
  closureMessage: string | null;
  closedForGoodAt: Date | null;
  closedOnHolidays: boolean;
  practicalInfo: string | null;
  demo: boolean;
  stops: PublicStop[];
  networks: Array<{ network: { slug: string; name: string } }>;
};

export type NearbyPlace = { slug: string; name: string; commune: string; distance: number };

/** How many nearby places a page shows, how far they may be, and how many the first, index-ordered scan reads. */
export const NEARBY_LIMIT = 3;
export const NEARBY_RADIUS_M = 50_000;
export const NEARBY_SCAN = 400;

/** The standard's lists read from enum columns, each with its Prisma enum. */
const LISTS = {
  typologies: 'Typologie',
  itinerance: 'Itinerance',
  services: 'Service',
  publics: 'PublicSpecifiquementAdresse',
  specificSupport: 'PriseEnChargeSpecifique',
  fees: 'FraisACharge',
  programmes: 'DispositifProgrammeNational',
  labels: 'FormationLabel',
  accessModes: 'ModaliteAcces',
  supportModes: 'ModaliteAccompagnement',
} as const satisfies Record<string, StandardListName>;

// Built once: label → Prisma key, per list.
const KEY_OF = Object.fromEntries(
  Object.entries(STANDARD_LISTS).map(([list, labels]) => [list, new Map(Object.entries(labels as Record<string, string>).map(([key, label]) => [label, key]))]),
) as Record<StandardListName, Map<string, string>>;

const STATUS_KEY: Record<string, P.PlaceStatus> = { draft: 'DRAFT', published: 'PUBLISHED', archived: 'ARCHIVED' };

type Row = Omit<PublicPlace, keyof typeof LISTS | 'status' | 'dateMaj' | 'closedFrom' | 'closedUntil' | 'closedForGoodAt' | 'stops' | 'networks'> &
  Record<keyof typeof LISTS, string[]> & {
    status: string;
    /** Milliseconds since the epoch (dates at midnight UTC, as Prisma reads them). */
    dateMaj: number;
    closedFrom: number | null;
    closedUntil: number | null;
    closedForGoodAt: number | null;
    stops: unknown;
    networks: unknown;
    nearby: unknown;
  };

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
const date = (ms: number | null) => (ms === null ? null : new Date(Number(ms)));

/** The place at `slug` whatever its status, with its stops, networks and nearby places (first scan), or null. */
export async function readPlaceRow(slug: string): Promise<{ place: PublicPlace; nearby: NearbyPlace[] } | null> {
  // Nearby places are read only for a page that shows them (published, or closed for good), the
  // same way as nearbyPlaces() in page.ts: the nearest few hundred in the order of the spatial
  // index, then filtered (published, within 50 km, a service in common, no fictional place for a
  // real one). The caller completes the list when this finds fewer than three.
  const rows = await readRows<Row>(Prisma.sql`
    SELECT p.id::text AS id, p.slug, p.status::text AS status, p.name, p.street, p."addressComplement", p.postcode, p.commune,
      p.latitude, p.longitude, p."timeZone", p.typologies::text[] AS typologies, p.phone, p.emails, p.websites, p."openingHours",
      p.summary, p.presentation, p.source, p.itinerance::text[] AS itinerance, p.pivot,
      extract(epoch FROM p."dateMaj"::timestamp)::float8 * 1000 AS "dateMaj", p."confirmedBy", p."confirmedByKind",
      p.services::text[] AS services, p.publics::text[] AS publics, p."specificSupport"::text[] AS "specificSupport",
      p.fees::text[] AS fees, p.programmes::text[] AS programmes, p.labels::text[] AS labels, p."otherLabels",
      p."accessModes"::text[] AS "accessModes", p."supportModes"::text[] AS "supportModes", p."accesLibreUrl", p."appointmentUrl",
      p."locationApproximate", extract(epoch FROM p."closedFrom"::timestamp)::float8 * 1000 AS "closedFrom",
      extract(epoch FROM p."closedUntil"::timestamp)::float8 * 1000 AS "closedUntil", p."closureMessage",
      extract(epoch FROM p."closedForGoodAt")::float8 * 1000 AS "closedForGoodAt", p."closedOnHolidays", p."practicalInfo", p.demo,
      (SELECT coalesce(json_agg(json_build_object('id', s.id, 'label', s.label, 'street', s.street, 'commune', s.commune,
                'latitude', s.latitude, 'longitude', s.longitude, 'openingHours', s."openingHours") ORDER BY s.position), '[]'::json)
         FROM "PlaceStop" s WHERE s."placeId" = p.id) AS stops,
      (SELECT coalesce(json_agg(json_build_object('network', json_build_object('slug', n.slug, 'name', n.name)) ORDER BY m."createdAt", n.name), '[]'::json)
         FROM "NetworkMembership" m JOIN "Network" n ON n.id = m."networkId" WHERE m."placeId" = p.id) AS networks,
      CASE WHEN (p.status = 'published' OR p."closedForGoodAt" IS NOT NULL) AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL THEN (
        SELECT coalesce(json_agg(json_build_object('slug', near.slug, 'name', near.name, 'commune', near.commune, 'distance', sec_to_gc(near.chord)) ORDER BY near.chord), '[]'::json)
        FROM (
          SELECT o.slug, o.name, o.commune, o.chord FROM (
            SELECT o.id, o.slug, o.name, o.commune, o.status, o.services, o.demo,
              reperes_earth(o.latitude, o.longitude) <-> reperes_earth(p.latitude, p.longitude) AS chord
            FROM "Place" o
            WHERE o.latitude IS NOT NULL AND o.longitude IS NOT NULL
            ORDER BY reperes_earth(o.latitude, o.longitude) <-> reperes_earth(p.latitude, p.longitude)
            LIMIT ${NEARBY_SCAN}
          ) o
          WHERE o.status = 'published' AND o.id <> p.id AND o.chord <= gc_to_sec(${NEARBY_RADIUS_M}::float8)
            AND (cardinality(p.services) = 0 OR o.services && p.services) AND (p.demo OR NOT o.demo)
          ORDER BY o.chord
          LIMIT ${NEARBY_LIMIT}
        ) near
      ) ELSE '[]'::json END AS nearby
    FROM "Place" p
    WHERE p.slug = ${slug}`);
  const row = rows[0];
  if (!row) return null;
  const lists = Object.fromEntries(
    // A list column may hold NULL (a row written without it); Prisma reads that as [].
    Object.entries(LISTS).map(([field, list]) => [field, (row[field as keyof typeof LISTS] ?? []).map((label) => KEY_OF[list].get(label) ?? label)]),
  ) as unknown as Pick<PublicPlace, keyof typeof LISTS>;
  const { nearby, stops, networks, status, dateMaj, closedFrom, closedUntil, closedForGoodAt, ...scalars } = row;
  const place: PublicPlace = {
    ...scalars,
    emails: scalars.emails ?? [],
    websites: scalars.websites ?? [],
    otherLabels: scalars.otherLabels ?? [],
    ...lists,
    status: STATUS_KEY[status],
    dateMaj: new Date(Number(dateMaj)),
    closedFrom: date(closedFrom),
    closedUntil: date(closedUntil),
    closedForGoodAt: date(closedForGoodAt),
    stops: json<PublicStop[]>(stops),
    networks: json<PublicPlace['networks']>(networks),
  };
  return { place, nearby: json<NearbyPlace[]>(nearby).map((n) => ({ ...n, distance: Number(n.distance) })) };
}
