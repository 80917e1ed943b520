// Opening hours written in French free text ("Lundi et Jeudi : 9h à 12h30 et 13h30 à 17h",
// "Du lundi au vendredi, de 9h à 12h et de 14h à 17h30") into OSM opening_hours. Conservative:
// anything with exceptions, seasons, appointments or days without hours gives null, and the
// importer keeps the text as it was written instead of guessing.
import { parseHours } from '../hours';
import { weekdayHoursToOsm } from './normalize';

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const DOUBTFUL =
  /sauf|hors|jusqu|vacances|du mois|\bete\b|janvier|fevrier|mars|avril|\bmai\b|juin|juillet|aout|septembre|octobre|novembre|decembre|pour les|principe|rendez|rdv|ferme|\(|theorique|soiree/;
const TOKENS = /(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|\b(au)\b|(\d{1,2})(?:\s*[h:]\s*(\d{2})?)?\s*(?:a|-)\s*(\d{1,2})\s*[h:]\s*(\d{2})?/g;

type Group = { days: Set<number>; ranges: string[] };

function time(hours: string, minutes: string | undefined): number | null {
  const h = Number(hours);
  const m = Number(minutes ?? 0);
  return h <= 24 && m < 60 ? h * 60 + m : null;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function frenchHoursToOsm(value: string): string | null {
  const text = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (DOUBTFUL.test(text)) return null;
  const groups: Group[] = [];
  let pending: string[] = [];
  let current: Group | null = null;
  let rangeFrom: number | null = null;
  let lastDay: number | null = null;
  for (const m of text.matchAll(TOKENS)) {
    if (m[1]) {
      const day = DAYS.indexOf(m[1]);
      if (!current || current.ranges.length > 0) {
        current = { days: new Set(), ranges: [] };
        groups.push(current);
        rangeFrom = null;
      }
      if (rangeFrom !== null) {
        if (day < rangeFrom) return null;
        for (let d = rangeFrom; d <= day; d++) current.days.add(d);
        rangeFrom = null;
      } else current.days.add(day);
      lastDay = day;
    } else if (m[2]) {
      if (current && current.ranges.length === 0 && lastDay !== null) rangeFrom = lastDay;
    } else {
      const start = time(m[3], m[4]);
      const end = time(m[5], m[6]);
      if (start === null || end === null || end <= start) return null;
      const range = `${hhmm(start)}-${hhmm(end)}`;
      if (current) current.ranges.push(range);
      else pending.push(range);
    }
  }
  if (groups.length === 0) return null;
  // Hours written before the days ("9h-12h et 14h-17h du lundi au vendredi"): one group only.
  if (pending.length) {
    if (groups.length !== 1 || groups[0].ranges.length) return null;
    groups[0].ranges = pending;
    pending = [];
  }
  const week: string[][] = DAYS.map(() => []);
  for (const group of groups) {
    if (group.ranges.length === 0) return null;
    for (const day of group.days) week[day].push(...group.ranges);
  }
  const osm = weekdayHoursToOsm(week.map((ranges) => [...new Set(ranges)].sort().join(' ')));
  return osm && parseHours(osm).ok ? osm : null;
}
