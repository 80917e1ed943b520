// What every reader shares: an empty place, text cleaning, and the common checks of a row.
import { parseHours } from '../../hours';
import { timeZoneForCode } from '../../hours/zone';
import { checkCoordinates } from '../normalize';
import { isSimpleHours } from '../simple-hours';
import type { ImportedFields, ParsedRow } from '../types';

export function emptyFields(): Omit<ImportedFields, 'name' | 'street' | 'postcode' | 'commune' | 'dateMaj'> {
  return {
    pivot: null,
    addressComplement: null,
    inseeCode: null,
    latitude: null,
    longitude: null,
    timeZone: 'Europe/Paris',
    phone: null,
    openingHours: null,
    summary: null,
    presentation: null,
    source: null,
    parentStructure: null,
    accesLibreUrl: null,
    appointmentUrl: null,
    typologies: [],
    emails: [],
    websites: [],
    itinerance: [],
    services: [],
    publics: [],
    specificSupport: [],
    fees: [],
    programmes: [],
    labels: [],
    otherLabels: [],
    accessModes: [],
    supportModes: [],
  };
}

/** Whitespace other than single spaces: the only values whose spaces need collapsing (most have none: no new string made for them). */
const ODD_SPACES = /[^\S ]| {2}/;

export function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  let t = String(value);
  if (ODD_SPACES.test(t)) t = t.replace(/\s+/g, ' ');
  t = t.trim();
  return t === '' || t === '-' ? null : t;
}

/** Common checks of a place: required fields, postcode, coordinates, hours. */
export function finish(row: ParsedRow, fields: ImportedFields | null, sourceId: string | null, active: boolean): ParsedRow {
  if (!fields) return row;
  if (!fields.name) row.errors.push('nom manquant');
  if (!fields.street) row.errors.push('adresse manquante');
  if (!fields.commune) row.errors.push('commune manquante');
  if (!fields.postcode || !/^\d{5}$/.test(fields.postcode)) row.errors.push(`code postal invalide (${fields.postcode ?? 'vide'})`);
  if (!sourceId) row.errors.push('identifiant manquant');
  if (fields.inseeCode && !/^([013-9]\d|2[AB1-9])\d{3}$/.test(fields.inseeCode)) {
    row.warnings.push(`code INSEE invalide ignoré (${fields.inseeCode})`);
    fields.inseeCode = null;
  }
  const coordinates = checkCoordinates(fields.latitude ?? null, fields.longitude ?? null);
  if (coordinates && 'error' in coordinates) row.errors.push(coordinates.error);
  else if (coordinates) {
    if (coordinates.swapped) row.warnings.push('latitude et longitude inversées : corrigées');
    fields.latitude = coordinates.lat;
    fields.longitude = coordinates.lng;
  } else row.warnings.push('pas de coordonnées : le lieu sera placé au centre de sa commune (position approximative)');
  if (fields.openingHours && !isSimpleHours(fields.openingHours) && !parseHours(fields.openingHours).ok) {
    row.warnings.push(`horaires illisibles ignorés : « ${fields.openingHours} »`);
    fields.openingHours = null;
  }
  if (fields.summary && fields.summary.length > 280) fields.summary = `${fields.summary.slice(0, 279)}…`;
  fields.timeZone = timeZoneForCode(fields.inseeCode ?? fields.postcode);
  if (row.errors.length === 0) row.place = { sourceId: sourceId!, fields, active };
  return row;
}

/** The values of a list, each once, without the missing ones. */
export const uniq = <T>(values: Array<T | undefined>) => [...new Set(values.filter((v): v is T => v !== undefined))];
