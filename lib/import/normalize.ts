// Cleaning helpers shared by the importers.

/** Mainland France (with Corsica) and the overseas territories, as [minLat, maxLat, minLng, maxLng]. */
const FRANCE_BOXES: Array<[number, number, number, number]> = [
  [41.3, 51.15, -5.3, 9.6], // mainland and Corsica
  [15.8, 16.55, -61.85, -60.95], // Guadeloupe
  [14.35, 14.9, -61.25, -60.8], // Martinique
  [2.1, 5.8, -54.6, -51.6], // Guyane
  [-21.4, -20.85, 55.2, 55.85], // La Réunion
  [-13.05, -12.6, 44.95, 45.35], // Mayotte
  [46.7, 47.15, -56.45, -56.1], // Saint-Pierre-et-Miquelon
  [17.85, 18.15, -63.2, -62.75], // Saint-Martin, Saint-Barthélemy
  [-22.8, -19.5, 163.5, 168.2], // Nouvelle-Calédonie
  [-27.7, -7.8, -154.8, -134.4], // Polynésie française
  [-14.4, -13.2, -178.3, -176.1], // Wallis-et-Futuna
];

export function inFrance(lat: number, lng: number): boolean {
  return FRANCE_BOXES.some(([a, b, c, d]) => lat >= a && lat <= b && lng >= c && lng <= d);
}

/** Checks coordinates are in France; swaps them when latitude and longitude were inverted. */
export function checkCoordinates(lat: number | null, lng: number | null): { lat: number; lng: number; swapped: boolean } | { error: string } | null {
  if (lat === null || lng === null || Number.isNaN(lat) || Number.isNaN(lng)) return null;
  if (inFrance(lat, lng)) return { lat, lng, swapped: false };
  if (inFrance(lng, lat)) return { lat: lng, lng: lat, swapped: true };
  return { error: `coordonnées hors de France (${lat}, ${lng})` };
}

export function parseNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim().replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

const OVERSEAS_PREFIX: Record<string, string> = {
  '971': '+590',
  '977': '+590',
  '978': '+590',
  '972': '+596',
  '973': '+594',
  '974': '+262',
  '976': '+262',
  '975': '+508',
  '986': '+681',
  '987': '+689',
  '988': '+687',
};

/** A French phone number in E.164 (+33…, or the overseas prefix of the place's code), or null. */
export function normalisePhone(value: unknown, code?: string | null): string | null {
  if (value === null || value === undefined) return null;
  const raw = String(value)
    .split(/[/;]|\bou\b/)[0]
    .trim();
  let digits = raw.replace(/[^\d+]/g, '');
  if (!digits) return null;
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.startsWith('+')) return /^\+\d{8,12}$/.test(digits) ? digits : null;
  if (/^\d{9}$/.test(digits)) digits = `0${digits}`; // a leading zero lost in a spreadsheet
  if (!/^0\d{9}$/.test(digits)) return null;
  const prefix = (code && OVERSEAS_PREFIX[code.slice(0, 3)]) ?? '+33';
  return `${prefix}${digits.slice(1)}`;
}

export function normaliseEmail(value: unknown): string[] {
  if (!value) return [];
  return String(value)
    .split(/[\s,;|]+/)
    .map((v) => v.trim().toLowerCase())
    .filter((v) => /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(v));
}

export function normaliseUrl(value: unknown): string[] {
  if (!value) return [];
  return String(value)
    .split(/[\s|;]+/)
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => (/^https?:\/\//i.test(v) ? v : `https://${v}`))
    .filter((v) => {
      try {
        return !!new URL(v).hostname.includes('.');
      } catch {
        return false;
      }
    });
}

const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];

/**
 * A date as French files write it → a UTC date, or null: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy,
 * dd/mm/yy, yyyy-mm-dd (with an optional time), "3 février 2024", "1er mars 2024".
 */
export function parseFrenchDate(value: unknown): Date | null {
  if (!value) return null;
  const text = String(value).trim();
  let m = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = text.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$/);
  if (m) return validDate(2000 + Number(m[3]), Number(m[2]), Number(m[1]));
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  m = folded.match(/^(?:[a-z]+\.? )?(\d{1,2})(?:er)? ([a-z]+)\.? (\d{4})$/);
  if (m) {
    const month = MONTHS.findIndex((name) => name === m![2] || (m![2].length >= 3 && name.startsWith(m![2])));
    if (month >= 0) return validDate(Number(m[3]), month + 1, Number(m[1]));
  }
  return null;
}

function validDate(y: number, m: number, d: number) {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y > 1990 ? date : null;
}

const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/**
 * Weekday hours like "09:00 - 12:00 / 13:30 - 17:00" (one string per day, Monday first) into an
 * OSM opening_hours value, grouping consecutive days with the same hours: "Mo-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00".
 */
export function weekdayHoursToOsm(days: Array<string | null | undefined>): string | null {
  const ranges = days.map((value) => {
    if (!value) return '';
    const found = [...String(value).matchAll(/(\d{1,2})[:h](\d{2})\s*-\s*(\d{1,2})[:h](\d{2})/g)];
    return found.map((m) => `${m[1].padStart(2, '0')}:${m[2]}-${m[3].padStart(2, '0')}:${m[4]}`).join(',');
  });
  const rules: string[] = [];
  let i = 0;
  while (i < ranges.length) {
    if (!ranges[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < ranges.length && ranges[j + 1] === ranges[i]) j++;
    rules.push(`${j > i ? `${OSM_DAYS[i]}-${OSM_DAYS[j]}` : OSM_DAYS[i]} ${ranges[i]}`);
    i = j + 1;
  }
  return rules.length ? rules.join('; ') : null;
}
