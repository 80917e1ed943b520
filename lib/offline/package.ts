// The département package of issue #21: what a phone keeps to find a place without a network.
// Compact on purpose (measured in bench and docs/security.md): each place is an array, the
// repeated words (services, fees, access) are indexes into one dictionary, coordinates carry
// five decimals (about a metre), and the weekly opening slots are the ones the server already
// computed (the place's `hoursWeek`, lib/places/opening-slots.ts) as minutes of the week. Nothing about
// a person: public places and their public contact only.
import type { FraisACharge, ModaliteAcces, Service } from '@prisma/client';
import { ACCESS_MODE_LABELS, FEE_LABELS } from '../standard/enums';
import { SERVICE_PLAIN } from '../standard/plain-words';

export const OFFLINE_FORMAT = 1;

/** A place as the database gives it to the builder. */
export type OfflinePlaceRow = {
  slug: string;
  name: string;
  street: string;
  postcode: string;
  commune: string;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  timeZone: string;
  services: Service[];
  fees: FraisACharge[];
  accessModes: ModaliteAcces[];
  closedFrom: Date | null;
  closedUntil: Date | null;
  demo: boolean;
  /** The place's own weekly slots (not its stops'): weekday 1 (Monday) to 7, minutes of the day. */
  slots: Array<{ weekday: number; startMinute: number; endMinute: number }>;
};

export type OfflineCommune = { name: string; postcodes: string[]; latitude: number; longitude: number };

/**
 * [slug, name, street, postcode, commune, lat, lng, phone, services, fees, access, week, flags, closed]
 * week: start/end pairs in minutes from Monday 00:00 (0‥10080) in the place's zone; flags: 1 demo;
 * closed: [from, until] ISO dates of a temporary closure, or 0.
 */
export type PackedPlace = [
  string,
  string,
  string,
  string,
  string,
  number,
  number,
  string,
  number[],
  number[],
  number[],
  number[],
  number,
  [string, string] | 0,
];

export type OfflinePackage = {
  format: number;
  departement: { code: string; name: string };
  /** When the server built it (ISO). */
  date: string;
  /** The place's zone when not Europe/Paris, by slug. */
  zones: Record<string, string>;
  words: { services: string[]; fees: string[]; access: string[] };
  places: PackedPlace[];
  /** [name, postcode, lat, lng] */
  communes: Array<[string, string, number, number]>;
};

const round = (n: number) => Math.round(n * 1e5) / 1e5;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

function dictionary<K extends string>(labels: Record<K, string>) {
  const keys = Object.keys(labels) as K[];
  return { words: keys.map((k) => labels[k]), index: (values: K[]) => values.map((v) => keys.indexOf(v)).filter((i) => i >= 0) };
}

/** Minutes-of-week pairs, sorted, touching ranges joined (a Monday 00:00 slot and Sunday 24:00 are not: the client wraps). */
export function packWeek(slots: OfflinePlaceRow['slots']): number[] {
  const ranges = slots.map((s) => [(s.weekday - 1) * 1440 + s.startMinute, (s.weekday - 1) * 1440 + s.endMinute]).sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [start, end] of ranges) {
    if (out.length && start <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], end);
    else out.push(start, end);
  }
  return out;
}

/** Builds the package from its rows; places without coordinates are left out (no distance to give). */
export function buildOfflinePackage(
  departement: { code: string; name: string },
  rows: OfflinePlaceRow[],
  communes: OfflineCommune[],
  date: Date,
): OfflinePackage {
  const services = dictionary(Object.fromEntries(Object.entries(SERVICE_PLAIN).map(([k, v]) => [k, v.label])) as Record<Service, string>);
  const fees = dictionary(FEE_LABELS);
  const access = dictionary(ACCESS_MODE_LABELS);
  const zones: Record<string, string> = {};
  const places: PackedPlace[] = [];
  for (const row of [...rows].sort((a, b) => (a.slug < b.slug ? -1 : 1))) {
    if (row.latitude === null || row.longitude === null) continue;
    if (row.timeZone !== 'Europe/Paris') zones[row.slug] = row.timeZone;
    const closed: PackedPlace[13] = row.closedFrom || row.closedUntil ? [day(row.closedFrom), day(row.closedUntil)] : 0;
    places.push([
      row.slug,
      row.name,
      row.street,
      row.postcode,
      row.commune,
      round(row.latitude),
      round(row.longitude),
      row.phone ?? '',
      services.index(row.services),
      fees.index(row.fees),
      access.index(row.accessModes),
      packWeek(row.slots),
      row.demo ? 1 : 0,
      closed,
    ]);
  }
  return {
    format: OFFLINE_FORMAT,
    departement,
    date: date.toISOString(),
    zones,
    words: { services: services.words, fees: fees.words, access: access.words },
    places,
    communes: communes
      .map((c): [string, string, number, number] => [c.name, c.postcodes[0] ?? '', round(c.latitude), round(c.longitude)])
      .sort((a, b) => a[0].localeCompare(b[0], 'fr')),
  };
}
