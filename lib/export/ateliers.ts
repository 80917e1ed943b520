import 'server-only';
// The coming sessions of ateliers as open data: one record per session, the columns of
// data/ateliers/schema.json (a Frictionless Table Schema, in that order), for GET /api/v1/ateliers
// (filters, cursor, ETag) and the /donnees files (CSV, JSON). Only published, non-demo places'
// sessions still to come; never a registration, a registrant or anything about one (seats left
// are a count).
import { createHash } from 'node:crypto';
import { Prisma, type PrismaClient } from '@prisma/client';
import { readDb } from '@/lib/db';
import { publicUrl } from '@/lib/config/env';
import { parseAtelierParams, paramsOf, window } from '@/lib/ateliers/filters';
import { PUBLIC_PLACE, SESSION_FROM, themeCondition } from '@/lib/ateliers/search';
import { findPlace } from '@/lib/geo';
import { db as primaryDb } from '@/lib/db';
import { instantAt } from '@/lib/hours/zone';

type Db = Pick<PrismaClient, '$queryRaw'>;

/** The columns, in the schema's order (lib/export/ateliers.test.ts and tests/integration check them against the file). */
export const ATELIER_COLUMNS = [
  'id_seance',
  'id_atelier',
  'titre',
  'description',
  'debut',
  'fin',
  'fuseau_horaire',
  'annulee',
  'thematiques',
  'publics',
  'niveau',
  'langue',
  'frais',
  'en_ligne',
  'inscription',
  'contact_inscription',
  'capacite',
  'places_restantes',
  'id_lieu',
  'nom_lieu',
  'adresse',
  'code_postal',
  'commune',
  'code_insee',
  'latitude',
  'longitude',
  'url',
  'date_maj',
] as const;
export const ATELIER_LIST_COLUMNS = new Set(['thematiques', 'publics']);

export type AtelierRecord = Record<(typeof ATELIER_COLUMNS)[number], string | number | boolean | string[] | null>;

type Row = {
  session_id: string;
  atelier_id: string;
  slug: string;
  title: string;
  summary: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  cancelled: boolean;
  themes: string[];
  publics: string[];
  level: string | null;
  language: string;
  fee: string;
  online: boolean;
  registration_mode: string;
  registration_contact: string | null;
  capacity: number | null;
  seats_taken: number;
  place_id: string;
  place_name: string;
  street: string | null;
  postcode: string | null;
  commune: string;
  insee: string | null;
  latitude: number | null;
  longitude: number | null;
  updated_at: Date;
};

const LEVELS: Record<string, string> = { Debutant: 'debutant', Intermediaire: 'intermediaire', Avance: 'avance' };
const MODES: Record<string, string> = { NONE: 'aucune', PHONE: 'telephone', EMAIL: 'courriel', EXTERNAL: 'lien', REPERES: 'reperes' };
const utc = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const COLUMNS = Prisma.sql`s."id" AS session_id, a."id" AS atelier_id, a."slug", a."title", a."summary", s."startsAt" AS starts_at, s."endsAt" AS ends_at,
  a."timeZone" AS time_zone, (s."cancelledAt" IS NOT NULL OR a."cancelledAt" IS NOT NULL) AS cancelled, a."themes"::text[] AS themes,
  a."publics"::text[] AS publics, a."level"::text AS level, a."language", a."fee"::text AS fee, a."online",
  a."registrationMode"::text AS registration_mode, a."registrationContact" AS registration_contact, s."capacity", s."seatsTaken" AS seats_taken,
  p."id" AS place_id, p."name" AS place_name, CASE WHEN st."id" IS NULL THEN p."street" ELSE st."street" END AS street,
  CASE WHEN st."id" IS NULL THEN p."postcode" ELSE st."postcode" END AS postcode, COALESCE(st."commune", p."commune") AS commune,
  CASE WHEN st."id" IS NULL THEN p."inseeCode" ELSE st."inseeCode" END AS insee,
  COALESCE(st."latitude", p."latitude") AS latitude, COALESCE(st."longitude", p."longitude") AS longitude, a."updatedAt" AS updated_at`;

export function atelierRecord(r: Row, base: string): AtelierRecord {
  const seatsShown = r.registration_mode === 'REPERES' && r.capacity !== null;
  return {
    id_seance: r.session_id,
    id_atelier: r.atelier_id,
    titre: r.title,
    description: r.summary,
    debut: utc(r.starts_at),
    fin: utc(r.ends_at),
    fuseau_horaire: r.time_zone,
    annulee: r.cancelled,
    thematiques: r.themes,
    publics: r.publics,
    niveau: r.level ? LEVELS[r.level] : null,
    langue: r.language,
    frais: r.fee,
    en_ligne: r.online,
    inscription: MODES[r.registration_mode],
    contact_inscription: ['PHONE', 'EMAIL', 'EXTERNAL'].includes(r.registration_mode) ? r.registration_contact : null,
    capacite: r.capacity,
    places_restantes: seatsShown ? Math.max(0, r.capacity! - r.seats_taken) : null,
    id_lieu: r.place_id,
    nom_lieu: r.place_name,
    adresse: r.street || null,
    code_postal: r.postcode || null,
    commune: r.commune,
    code_insee: r.insee || null,
    latitude: r.online ? null : r.latitude,
    longitude: r.online ? null : r.longitude,
    url: `${base}/ateliers/${r.slug}`,
    date_maj: utc(r.updated_at),
  };
}

/** A CSV cell: lists joined by « | », booleans true/false, quoted when needed (RFC 4180). */
function cell(value: AtelierRecord[keyof AtelierRecord]): string {
  if (value === null) return '';
  const text = Array.isArray(value) ? value.join('|') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
export const atelierCsvHeader = () => `${ATELIER_COLUMNS.join(',')}\r\n`;
export const atelierCsvLine = (r: AtelierRecord) => `${ATELIER_COLUMNS.map((c) => cell(r[c])).join(',')}\r\n`;

export type SessionQuery = { where: Prisma.Sql; problems: string[] } | { error: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayStart = (d: string) => instantAt('Europe/Paris', Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));

/**
 * The SQL conditions of the URL's filters: lieu, reseau, ou (a commune, postcode or address) or
 * lat/lng, with rayon; theme (repeatable), gratuit=1, enligne=1, du/au (days, Paris time) or quand.
 */
export async function sessionConditions(url: URL, now: Date, db: Pick<PrismaClient, '$queryRaw' | 'geocodeCache'> = primaryDb): Promise<SessionQuery> {
  const { filters: f, problems } = parseAtelierParams(paramsOf(url));
  const du = url.searchParams.get('du');
  const au = url.searchParams.get('au');
  if ((du && !DAY.test(du)) || (au && !DAY.test(au))) return { error: 'Dates « du » et « au » au format AAAA-MM-JJ.' };
  let { from, to } = window(f.quand, now);
  if (du && dayStart(du) > from) from = dayStart(du);
  if (au) {
    const end = dayStart(new Date(Date.parse(`${au}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
    to = to && to < end ? to : end;
  }
  const parts = [PUBLIC_PLACE, Prisma.sql`NOT p."demo"`, Prisma.sql`s."endsAt" > ${from}`];
  if (to) parts.push(Prisma.sql`s."startsAt" < ${to}`);
  if (f.themes.length) parts.push(themeCondition(f.themes));
  if (f.gratuit) parts.push(Prisma.sql`a."fee" = 'Gratuit'`);
  if (f.enLigne) parts.push(Prisma.sql`a."online"`);
  if (f.lieu) parts.push(Prisma.sql`p."slug" = ${f.lieu}`);
  if (f.reseau)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "NetworkMembership" m JOIN "Network" n ON n."id" = m."networkId" WHERE m."placeId" = p."id" AND n."slug" = ${f.reseau})`,
    );
  let point: { latitude: number; longitude: number } | null = null;
  const lat = Number(url.searchParams.get('lat'));
  const lng = Number(url.searchParams.get('lng'));
  if (url.searchParams.has('lat') && url.searchParams.has('lng')) {
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180)
      return { error: 'Coordonnées « lat » et « lng » invalides.' };
    point = { latitude: lat, longitude: lng };
  } else if (f.ou) {
    point = (await findPlace(db, f.ou)).point;
    if (!point) return { error: `Lieu « ${f.ou} » introuvable : donnez une commune, un code postal ou lat et lng.` };
  }
  if (point && !f.enLigne) {
    const origin = Prisma.sql`reperes_earth(${point.latitude}::float8, ${point.longitude}::float8)`;
    const m = f.rayon * 1000;
    parts.push(Prisma.sql`NOT a."online" AND COALESCE(st."latitude", p."latitude") IS NOT NULL
      AND earth_box(${origin}, ${m}::float8) @> reperes_earth(COALESCE(st."latitude", p."latitude"), COALESCE(st."longitude", p."longitude"))
      AND earth_distance(${origin}, reperes_earth(COALESCE(st."latitude", p."latitude"), COALESCE(st."longitude", p."longitude"))) <= ${m}::float8`);
  }
  return { where: Prisma.join(parts, ' AND '), problems };
}

export type Cursor = { startsAt: Date; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.startsAt.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
  const [iso, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const startsAt = new Date(iso ?? '');
  return Number.isNaN(startsAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id ?? '') ? null : { startsAt, id };
}

/** Sessions in (startsAt, id) order after `after`, at most `limit`. */
export async function sessionRecords(where: Prisma.Sql, options: { after?: Cursor | null; limit: number; db?: Db; base?: string }): Promise<AtelierRecord[]> {
  const db = options.db ?? readDb;
  const after = options.after ? Prisma.sql`AND (s."startsAt", s."id") > (${options.after.startsAt}, ${options.after.id}::uuid)` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`SELECT ${COLUMNS} FROM ${SESSION_FROM} WHERE ${where} ${after} ORDER BY s."startsAt", s."id" LIMIT ${options.limit}`;
  const base = options.base ?? publicUrl();
  return rows.map((r) => atelierRecord(r, base));
}

/** The whole selection as a CSV or JSON file, read by pages of 1,000 sessions. */
export function sessionExportStream(where: Prisma.Sql, format: 'csv' | 'json', db: Db = readDb): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: Cursor | null = null;
  let first = true;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(format === 'csv' ? atelierCsvHeader() : '['));
    },
    async pull(controller) {
      const page = await sessionRecords(where, { after, limit: 1000, db });
      for (const r of page) {
        controller.enqueue(encoder.encode(format === 'csv' ? atelierCsvLine(r) : `${first ? '' : ','}\n${JSON.stringify(r)}`));
        first = false;
      }
      if (page.length < 1000) {
        if (format === 'json') controller.enqueue(encoder.encode('\n]\n'));
        controller.close();
        return;
      }
      const last = page[page.length - 1];
      after = { startsAt: new Date(String(last.debut)), id: String(last.id_seance) };
    },
  });
}

export const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;
