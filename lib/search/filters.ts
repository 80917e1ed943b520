// The search state, as it lives in the URL (`/recherche?ou=Saumur&besoin=…`). Parsing never
// throws: a value it does not understand is dropped and named in `problems`, in French, so a
// hand-edited or stale link still gives the rest of the search.
import type {
  DispositifProgrammeNational,
  FormationLabel,
  FraisACharge,
  ModaliteAcces,
  ModaliteAccompagnement,
  PriseEnChargeSpecifique,
  PublicSpecifiquementAdresse,
  Service,
} from '@prisma/client';
import {
  ACCESS_MODE_LABELS,
  FEE_LABELS,
  LABEL_LABELS,
  PROGRAMME_LABELS,
  PUBLIC_LABELS,
  SERVICE_LABELS,
  SPECIFIC_SUPPORT_LABELS,
  SUPPORT_MODE_LABELS,
} from '@/lib/standard/enums';
import { PLACE_TYPES, type PlaceTypeSlug } from '@/lib/standard/plain-words';

export const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export const HALF_DAYS = { matin: [8 * 60, 12 * 60], apresmidi: [13 * 60 + 30, 18 * 60] } as const;
export type Day = (typeof DAYS)[number];
export type HalfDay = keyof typeof HALF_DAYS;
export type TimeSlot = { day: Day; halfDay: HalfDay };

export type Availability = { kind: 'now' } | { kind: 'saturday' } | { kind: 'at'; local: string };

export type SearchFilters = {
  ou: string | null;
  lat: number | null;
  lng: number | null;
  rayon: number;
  besoin: Service[];
  public: PublicSpecifiquementAdresse[];
  prise_en_charge: PriseEnChargeSpecifique[];
  frais: FraisACharge[];
  accompagnement: ModaliteAccompagnement[];
  acces: ModaliteAcces[];
  dispositif: DispositifProgrammeNational[];
  label: FormationLabel[];
  type: PlaceTypeSlug[];
  itinerance: 'fixe' | 'itinerant' | null;
  reseau: string | null;
  q: string | null;
  ouvert: Availability | null;
  creneau: TimeSlot[];
  /** « Ateliers à venir »: places with a session in the next 30 days (lib/search/ateliers.ts). */
  ateliers: boolean;
  page: number;
};

export type ParsedFilters = { filters: SearchFilters; problems: string[] };
export type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

export const RADIUS = { min: 2, max: 100, default: 10 } as const;
export const MAX_TEXT = 100;
const MAX_PAGE = 500;

/** A fresh default state (its arrays are new: callers may push into them). */
export function emptyFilters(): SearchFilters {
  return structuredClone(EMPTY_FILTERS);
}

export const EMPTY_FILTERS: Readonly<SearchFilters> = {
  ou: null,
  lat: null,
  lng: null,
  rayon: RADIUS.default,
  besoin: [],
  public: [],
  prise_en_charge: [],
  frais: [],
  accompagnement: [],
  acces: [],
  dispositif: [],
  label: [],
  type: [],
  itinerance: null,
  reseau: null,
  q: null,
  ouvert: null,
  creneau: [],
  ateliers: false,
  page: 1,
};

function rawValues(params: RawParams, key: string): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(key) : Object.prototype.hasOwnProperty.call(params, key) ? params[key] : undefined;
  return raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
}

function values(params: RawParams, key: string): string[] {
  // "a,b" is accepted as well as repeated keys.
  return rawValues(params, key)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 30);
}

/** The first value of a key; free text (a place, an address, a name) keeps its commas. */
function first(params: RawParams, key: string, { text = false } = {}): string | null {
  if (!text) return values(params, key)[0] ?? null;
  return (
    rawValues(params, key)
      .map((v) => v.trim())
      .find(Boolean) ?? null
  );
}

/** Free text cut to `max` UTF-16 units without splitting a character, lone surrogates made U+FFFD (as a URL would). */
function clip(text: string, max: number): string {
  return text
    .slice(0, max)
    .replace(/[\uD800-\uDBFF]$/, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .trim();
}

/** Coordinates are kept to 5 decimals (about a metre), as the URL writes them. */
const coordinate = (value: number) => Math.round(value * 1e5) / 1e5 || 0;

const LISTS = {
  besoin: { labels: SERVICE_LABELS, name: 'besoin' },
  public: { labels: PUBLIC_LABELS, name: 'public' },
  prise_en_charge: { labels: SPECIFIC_SUPPORT_LABELS, name: 'prise en charge' },
  frais: { labels: FEE_LABELS, name: 'frais' },
  accompagnement: { labels: SUPPORT_MODE_LABELS, name: 'accompagnement' },
  acces: { labels: ACCESS_MODE_LABELS, name: 'modalité d’accès' },
  dispositif: { labels: PROGRAMME_LABELS, name: 'dispositif' },
  label: { labels: LABEL_LABELS, name: 'label' },
} as const;

type ListKey = keyof typeof LISTS;

/** The place and the radius: `ou`, `lat`/`lng`, `rayon`. */
function readWhere(params: RawParams, filters: SearchFilters, problems: string[]) {
  const ou = first(params, 'ou', { text: true });
  if (ou) filters.ou = clip(ou, 200) || null;

  const rawLat = first(params, 'lat');
  const rawLng = first(params, 'lng');
  if (rawLat !== null || rawLng !== null) {
    const lat = rawLat === null ? NaN : Number(rawLat);
    const lng = rawLng === null ? NaN : Number(rawLng);
    if (Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
      filters.lat = coordinate(lat);
      filters.lng = coordinate(lng);
    } else problems.push('La position transmise est invalide : elle a été ignorée.');
  }

  const rayon = first(params, 'rayon');
  if (rayon !== null) {
    const km = Number(rayon.replace(',', '.'));
    if (!Number.isFinite(km)) problems.push(`Le rayon « ${rayon.slice(0, 20)} » n’est pas un nombre : ${RADIUS.default} km utilisés.`);
    else if (km < RADIUS.min || km > RADIUS.max) {
      filters.rayon = Math.min(RADIUS.max, Math.max(RADIUS.min, Math.round(km)));
      problems.push(`Le rayon doit être compris entre ${RADIUS.min} et ${RADIUS.max} km : ${filters.rayon} km utilisés.`);
    } else filters.rayon = Math.round(km);
  }
}

/** The lists of the standard's values, then the place types. */
function readLists(params: RawParams, filters: SearchFilters, problems: string[]) {
  for (const key of Object.keys(LISTS) as ListKey[]) {
    const { labels, name } = LISTS[key];
    const accepted: string[] = [];
    for (const value of values(params, key)) {
      const byKey = Object.prototype.hasOwnProperty.call(labels, value) ? value : undefined;
      const byLabel = Object.entries(labels).find(([, label]) => label === value)?.[0];
      const found = byKey ?? byLabel;
      if (found) {
        if (!accepted.includes(found)) accepted.push(found);
      } else problems.push(`Filtre ${name} inconnu : « ${value.slice(0, 40)} » a été ignoré.`);
    }
    (filters as Record<ListKey, string[]>)[key] = accepted;
  }

  for (const value of values(params, 'type')) {
    if (Object.prototype.hasOwnProperty.call(PLACE_TYPES, value)) {
      if (!filters.type.includes(value as PlaceTypeSlug)) filters.type.push(value as PlaceTypeSlug);
    } else problems.push(`Type de lieu inconnu : « ${value.slice(0, 40)} » a été ignoré.`);
  }
}

export function parseSearchParams(params: RawParams): ParsedFilters {
  const problems: string[] = [];
  const filters = emptyFilters();

  readWhere(params, filters, problems);
  readLists(params, filters, problems);

  const itinerance = first(params, 'itinerance');
  if (itinerance === 'fixe' || itinerance === 'itinerant') filters.itinerance = itinerance;
  else if (itinerance) problems.push(`Valeur d’itinérance inconnue : « ${itinerance.slice(0, 20)} » a été ignorée.`);

  const reseau = first(params, 'reseau');
  if (reseau) {
    if (/^[a-z0-9-]{1,60}$/.test(reseau)) filters.reseau = reseau;
    else problems.push('Le réseau demandé est invalide : il a été ignoré.');
  }

  const q = first(params, 'q', { text: true });
  if (q) {
    if (q.length > MAX_TEXT) problems.push(`Le nom recherché a été raccourci à ${MAX_TEXT} caractères.`);
    filters.q = clip(q, MAX_TEXT) || null;
  }

  const ouvert = first(params, 'ouvert');
  if (ouvert === 'maintenant') filters.ouvert = { kind: 'now' };
  else if (ouvert === 'samedi') filters.ouvert = { kind: 'saturday' };
  else if (ouvert && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(ouvert) && !Number.isNaN(Date.parse(`${ouvert}:00Z`))) {
    filters.ouvert = { kind: 'at', local: ouvert };
  } else if (ouvert) problems.push('La date d’ouverture demandée est invalide : elle a été ignorée.');

  for (const value of values(params, 'creneau')) {
    const [day, halfDay] = value.split('-') as [Day, HalfDay];
    if ((DAYS as readonly string[]).includes(day) && halfDay in HALF_DAYS) {
      if (!filters.creneau.some((s) => s.day === day && s.halfDay === halfDay)) filters.creneau.push({ day, halfDay });
    } else problems.push(`Créneau inconnu : « ${value.slice(0, 30)} » a été ignoré.`);
  }

  const ateliers = first(params, 'ateliers');
  if (ateliers === '1') filters.ateliers = true;
  else if (ateliers && ateliers !== '0') problems.push('Le filtre « Ateliers à venir » n’a pas été compris : il a été ignoré.');

  const page = first(params, 'page');
  if (page !== null) {
    const n = Number(page);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE) filters.page = n;
    else problems.push('Numéro de page invalide : retour à la première page.');
  }

  return { filters, problems };
}

/** The URL query for a search state (only what differs from the defaults). */
export function toSearchParams(filters: Partial<SearchFilters>): URLSearchParams {
  const params = new URLSearchParams();
  const f = { ...EMPTY_FILTERS, ...filters };
  if (f.ou) params.set('ou', f.ou);
  if (f.lat !== null && f.lng !== null) {
    params.set('lat', f.lat.toFixed(5));
    params.set('lng', f.lng.toFixed(5));
  }
  if (f.rayon !== RADIUS.default) params.set('rayon', String(f.rayon));
  for (const key of Object.keys(LISTS) as ListKey[]) for (const value of f[key]) params.append(key, value);
  for (const value of f.type) params.append('type', value);
  if (f.itinerance) params.set('itinerance', f.itinerance);
  if (f.reseau) params.set('reseau', f.reseau);
  if (f.q) params.set('q', f.q);
  if (f.ouvert) params.set('ouvert', f.ouvert.kind === 'now' ? 'maintenant' : f.ouvert.kind === 'saturday' ? 'samedi' : f.ouvert.local);
  for (const slot of f.creneau) params.append('creneau', `${slot.day}-${slot.halfDay}`);
  if (f.ateliers) params.set('ateliers', '1');
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

export function hasCriteria(filters: SearchFilters): boolean {
  return toSearchParams({ ...filters, page: 1 }).toString() !== '';
}
