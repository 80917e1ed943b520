// Result mapping: the detail columns of a page's places, read by id once the page is known, and
// their mapping to what a result card shows (opening state, closure, "Pourquoi ce lieu": data,
// which lib/i18n/explain.ts says in the visitor's language).
import 'server-only';
import { Prisma } from '@prisma/client';
import { prepared } from '@/lib/db/prepared';
import { openingStateAt, type OpeningState } from '@/lib/hours';
import { ACCESS_MODE_LABELS, FEE_LABELS, PUBLIC_LABELS, SERVICE_LABELS, SPECIFIC_SUPPORT_LABELS, SUPPORT_MODE_LABELS } from '@/lib/standard/enums';
import { nextAtelierJoin, type NextAtelier } from './ateliers';
import { DAYS, type HalfDay, type SearchFilters } from './filters';

/** One reason why a place answers the search: a criterion of the search it meets. */
export type MatchReason =
  | { kind: 'service'; key: keyof typeof SERVICE_LABELS }
  | { kind: 'fee'; key: keyof typeof FEE_LABELS }
  | { kind: 'specific'; key: keyof typeof SPECIFIC_SUPPORT_LABELS }
  | { kind: 'public'; key: keyof typeof PUBLIC_LABELS }
  | { kind: 'supportMode'; key: keyof typeof SUPPORT_MODE_LABELS }
  | { kind: 'access'; key: keyof typeof ACCESS_MODE_LABELS }
  | { kind: 'open'; when: 'now' | 'saturday' | 'at' }
  | { kind: 'ateliers' }
  /** Open on one of these half-days: the day as 0 (Monday) to 6. */
  | { kind: 'halfDays'; slots: Array<{ day: number; halfDay: HalfDay }> };

export type PlaceResult = {
  id: string;
  slug: string;
  name: string;
  typologies: string[];
  street: string;
  postcode: string;
  commune: string;
  latitude: number | null;
  longitude: number | null;
  distanceKm: number | null;
  matchedStop: { label: string; commune: string } | null;
  itinerant: boolean;
  services: Array<keyof typeof SERVICE_LABELS>;
  fees: Array<keyof typeof FEE_LABELS>;
  accessModes: Array<keyof typeof ACCESS_MODE_LABELS>;
  openingState: OpeningState;
  temporaryClosure: { from: string | null; until: string | null; message: string | null } | null;
  /** "Pourquoi ce lieu": the criteria it meets, in order. */
  matchedCriteria: MatchReason[];
  phone: string | null;
  /** A fictional place of the demonstration data set (said on its card). */
  demo: boolean;
  /** Its next atelier session within 30 days (lib/search/ateliers.ts), read with the page's details. */
  nextAtelier?: NextAtelier | null;
};

/** A place of the page as the search found it: where (its distance, or the stop that matched). */
export type Candidate = { id: string; distance: number | null; stop_label: string | null; stop_commune: string | null };

const reverse = (labels: Record<string, string>) => new Map(Object.entries(labels).map(([key, label]) => [label, key]));
const SERVICE_KEYS = reverse(SERVICE_LABELS);
const FEE_KEYS = reverse(FEE_LABELS);
const ACCESS_KEYS = reverse(ACCESS_MODE_LABELS);

// Lists are NULL when a row was written without them: read them as empty arrays.
const list = (column: string) => Prisma.raw(`coalesce(p."${column}"::text[], '{}')`);
const DETAIL_COLUMNS = Prisma.sql`p.id, p.slug, p.name, ${list('typologies')} AS typologies, p.street, p.postcode, p.commune,
  p.latitude, p.longitude, ${list('itinerance')} AS itinerance, ${list('services')} AS services, ${list('fees')} AS fees,
  ${list('accessModes')} AS access_modes, ${list('publics')} AS publics, ${list('specificSupport')} AS specific_support,
  ${list('supportModes')} AS support_modes, p."openingHours" AS opening_hours, p."timeZone" AS time_zone, p.phone,
  p."closedFrom" AS closed_from, p."closedUntil" AS closed_until, p."closureMessage" AS closure_message, p.demo,
  next_atelier.slug AS atelier_slug, next_atelier.title AS atelier_title, next_atelier.starts_at AS atelier_starts_at,
  next_atelier.time_zone AS atelier_time_zone, next_atelier.online AS atelier_online`;

type DetailRow = {
  id: string;
  slug: string;
  name: string;
  typologies: string[];
  street: string;
  postcode: string;
  commune: string;
  latitude: number | null;
  longitude: number | null;
  itinerance: string[];
  services: string[];
  fees: string[];
  access_modes: string[];
  publics: string[];
  specific_support: string[];
  support_modes: string[];
  opening_hours: string | null;
  time_zone: string;
  phone: string | null;
  closed_from: Date | null;
  closed_until: Date | null;
  closure_message: string | null;
  demo: boolean;
  /** Its next atelier session (nextAtelierJoin), all NULL when none. */
  atelier_slug: string | null;
  atelier_title: string | null;
  atelier_starts_at: Date | null;
  atelier_time_zone: string | null;
  atelier_online: boolean | null;
};

/** The SQL reading the page's places (only the page's: a few rows by primary key), each with its next atelier session. */
export function detailQuery(ids: string[], now: Date): Prisma.Sql {
  return prepared(Prisma.sql`SELECT ${DETAIL_COLUMNS} FROM "Place" p ${nextAtelierJoin(now)} WHERE p.id = ANY(${ids}::uuid[])`);
}

/** The page's results, in the page's order (a place deleted meanwhile is left out). */
export function pageResults(candidates: Candidate[], details: DetailRow[], filters: SearchFilters, now: Date): PlaceResult[] {
  const byId = new Map(details.map((d) => [d.id, d]));
  return candidates.flatMap((candidate) => {
    const row = byId.get(candidate.id);
    return row ? [toResult(row, candidate, filters, now)] : [];
  });
}

export type { DetailRow };

function toResult(row: DetailRow, candidate: Candidate, filters: SearchFilters, now: Date): PlaceResult {
  const services = row.services.map((s) => SERVICE_KEYS.get(s)).filter(Boolean) as PlaceResult['services'];
  const fees = row.fees.map((s) => FEE_KEYS.get(s)).filter(Boolean) as PlaceResult['fees'];
  const accessModes = row.access_modes.map((s) => ACCESS_KEYS.get(s)).filter(Boolean) as PlaceResult['accessModes'];
  const today = now.toISOString().slice(0, 10);
  const closedFrom = row.closed_from?.toISOString().slice(0, 10) ?? null;
  const closedUntil = row.closed_until?.toISOString().slice(0, 10) ?? null;
  const closedNow = (closedFrom !== null || closedUntil !== null) && (closedFrom ?? today) <= today && today <= (closedUntil ?? today);
  const state = closedNow
    ? { status: 'closed' as const, nextChange: null, comment: row.closure_message }
    : openingStateAt(row.opening_hours, row.time_zone, now);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    typologies: row.typologies,
    street: row.street,
    postcode: row.postcode,
    commune: row.commune,
    latitude: row.latitude,
    longitude: row.longitude,
    distanceKm: candidate.distance === null ? null : candidate.distance / 1000,
    matchedStop: candidate.stop_label ? { label: candidate.stop_label, commune: candidate.stop_commune ?? '' } : null,
    itinerant: row.itinerance.includes('Itinérant'),
    services,
    fees,
    accessModes,
    openingState: state,
    temporaryClosure: closedNow || (closedFrom !== null && closedFrom > today) ? { from: closedFrom, until: closedUntil, message: row.closure_message } : null,
    matchedCriteria: matchedCriteria(row, filters),
    phone: row.phone,
    demo: row.demo,
    nextAtelier: row.atelier_slug
      ? {
          slug: row.atelier_slug,
          title: row.atelier_title ?? '',
          startsAt: row.atelier_starts_at as Date,
          timeZone: row.atelier_time_zone ?? '',
          online: row.atelier_online ?? false,
        }
      : null,
  };
}

/** Why a place answers the search ("Pourquoi ce lieu"): each criterion of `filters` it meets. */
function matchedCriteria(row: DetailRow, filters: SearchFilters): MatchReason[] {
  const reasons: MatchReason[] = [];
  for (const key of filters.besoin) if (row.services.includes(SERVICE_LABELS[key])) reasons.push({ kind: 'service', key });
  for (const key of filters.frais) if (row.fees.includes(FEE_LABELS[key])) reasons.push({ kind: 'fee', key });
  for (const key of filters.prise_en_charge) if (row.specific_support.includes(SPECIFIC_SUPPORT_LABELS[key])) reasons.push({ kind: 'specific', key });
  for (const key of filters.public) if (row.publics.includes(PUBLIC_LABELS[key])) reasons.push({ kind: 'public', key });
  for (const key of filters.accompagnement) if (row.support_modes.includes(SUPPORT_MODE_LABELS[key])) reasons.push({ kind: 'supportMode', key });
  for (const key of filters.acces) if (row.access_modes.includes(ACCESS_MODE_LABELS[key])) reasons.push({ kind: 'access', key });
  if (filters.ouvert) reasons.push({ kind: 'open', when: filters.ouvert.kind });
  if (filters.ateliers) reasons.push({ kind: 'ateliers' });
  if (filters.creneau.length) reasons.push({ kind: 'halfDays', slots: filters.creneau.map((s) => ({ day: DAYS.indexOf(s.day), halfDay: s.halfDay })) });
  return reasons;
}
