import 'server-only';
// Reads a département's package (lib/offline/package.ts) from the database: its published places
// (those the public search shows, demo ones flagged), their own weekly hours, and its communes'
// centres (the Commune table; where it is empty, the centre of each commune's places).
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import arrondissementCentres from '../geo/arrondissement-centres.json';
import { arrondissementByCode } from '../geo/commune-index';
import { departementByCode } from '../geo/departements';
import { slotsOfWeek } from '../hours/week';
import { buildOfflinePackage, type OfflineCommune, type OfflinePackage, type OfflinePlaceRow } from './package';

/** The postcode prefixes of a département (Corsica shares 20, overseas ones have three digits). */
export function postcodePrefix(code: string): string {
  if (code === '2A' || code === '2B') return '20';
  return code;
}

function placesOf(db: Pick<PrismaClient, 'place'>, code: string) {
  return db.place.findMany({
    where: { status: 'PUBLISHED', postcode: { startsWith: postcodePrefix(code) } },
    select: {
      slug: true,
      name: true,
      street: true,
      postcode: true,
      commune: true,
      inseeCode: true,
      latitude: true,
      longitude: true,
      phone: true,
      timeZone: true,
      services: true,
      fees: true,
      accessModes: true,
      closedFrom: true,
      closedUntil: true,
      demo: true,
      updatedAt: true,
    },
  });
}

/** The own weekly hours (`hoursWeek`, not the stops') of the same places, by slug. */
async function weeksOf(db: Pick<PrismaClient, '$queryRaw'>, code: string): Promise<Map<string, string | null>> {
  const rows = await db.$queryRaw<Array<{ slug: string; week: string | null }>>`
    SELECT slug, "hoursWeek"::text AS week FROM "Place" WHERE status = 'published' AND starts_with(postcode, ${postcodePrefix(code)})`;
  return new Map(rows.map((row) => [row.slug, row.week]));
}

type Row = Awaited<ReturnType<typeof placesOf>>[number];

function inDepartement(row: Row, code: string): boolean {
  if (code === '2A' || code === '2B') return row.inseeCode ? row.inseeCode.startsWith(code) : true;
  return true;
}

function communesFromPlaces(rows: Row[]): OfflineCommune[] {
  const byName = new Map<string, { name: string; postcodes: string[]; lat: number; lng: number; n: number }>();
  for (const row of rows) {
    if (row.latitude === null || row.longitude === null) continue;
    const known = byName.get(row.commune) ?? { name: row.commune, postcodes: [row.postcode], lat: 0, lng: 0, n: 0 };
    known.lat += row.latitude;
    known.lng += row.longitude;
    known.n += 1;
    byName.set(row.commune, known);
  }
  return [...byName.values()].map((c) => ({ name: c.name, postcodes: c.postcodes, latitude: c.lat / c.n, longitude: c.lng / c.n }));
}

/** Paris, Lyon and Marseille's arrondissements (not in the Commune table): their centres ship in lib/geo. */
function arrondissementsOf(code: string): OfflineCommune[] {
  return Object.entries(arrondissementCentres as Record<string, number[]>)
    .filter(([insee]) => insee.startsWith(code))
    .flatMap(([insee, [latitude, longitude]]) => {
      const commune = arrondissementByCode(insee);
      return commune ? [{ name: commune.name, postcodes: commune.postcodes, latitude, longitude }] : [];
    });
}

/** The package of one département, or null when the code names none. */
export async function readOfflinePackage(db: Pick<PrismaClient, 'place' | 'commune' | '$queryRaw'>, rawCode: string): Promise<OfflinePackage | null> {
  const departement = /^(\d{2,3}|2[AB])$/i.test(rawCode) ? departementByCode(rawCode) : undefined;
  if (!departement) return null;
  const [placeRows, weeks] = await Promise.all([placesOf(db, departement.code), weeksOf(db, departement.code)]);
  const rows = placeRows.filter((row) => inDepartement(row, departement.code));
  const communeRows = await db.commune.findMany({
    where: { departement: departement.code, latitude: { not: null }, longitude: { not: null } },
    select: { name: true, postcodes: true, latitude: true, longitude: true },
  });
  const known = new Set(communeRows.map((c) => c.name));
  const communes: OfflineCommune[] = [
    ...communeRows.map((c) => ({ name: c.name, postcodes: c.postcodes, latitude: c.latitude!, longitude: c.longitude! })),
    ...arrondissementsOf(departement.code).filter((c) => !known.has(c.name)),
    ...communesFromPlaces(rows).filter((c) => !known.has(c.name)),
  ];
  // The data's own date (the last change of one of its places), so the same data gives the same bytes and ETag.
  const date = rows.reduce((latest, row) => (row.updatedAt > latest ? row.updatedAt : latest), new Date(0));
  const places: OfflinePlaceRow[] = rows.map((row) => ({ ...row, slots: slotsOfWeek(weeks.get(row.slug)) }));
  return buildOfflinePackage(departement, places, communes, date);
}

/** The package as sent: its JSON and a strong ETag of it. */
export function packageBody(pkg: OfflinePackage): { body: string; etag: string } {
  const body = JSON.stringify(pkg);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}
