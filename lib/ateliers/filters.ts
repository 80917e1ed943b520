// The /ateliers (and /ateliers.ics) state in the URL: ou, rayon, theme (repeatable), quand
// (semaine | weekend | a date YYYY-MM-DD), gratuit, enligne, q, lieu, reseau. Never throws: what
// cannot be read is dropped and named in `problems`, in French.
import type { Service } from '@prisma/client';
import { instantAt, wallTimeIn } from '@/lib/hours/zone';
import { SERVICE_LABELS } from '@/lib/standard/enums';

export type When = { kind: 'semaine' | 'weekend' | 'date'; date: string | null } | null;

export type AtelierFilters = {
  q: string | null;
  ou: string | null;
  rayon: number;
  themes: Service[];
  quand: When;
  gratuit: boolean;
  enLigne: boolean;
  lieu: string | null;
  reseau: string | null;
};

export const ATELIER_RADIUS = { min: 2, max: 100, default: 20 } as const;

type Params = Record<string, string | string[] | undefined>;
const all = (p: Params, k: string) => (Array.isArray(p[k]) ? (p[k] as string[]) : p[k] ? [p[k] as string] : []);
// The first value given: the form sends « quand » twice (the radio and the date field), one empty.
const first = (p: Params, k: string) =>
  all(p, k)
    .map((v) => v.trim())
    .find(Boolean) ?? null;
const SLUG = /^[a-z0-9-]{1,120}$/;

export function parseAtelierParams(params: Params): { filters: AtelierFilters; problems: string[] } {
  const problems: string[] = [];
  let rayon: number = ATELIER_RADIUS.default;
  const r = first(params, 'rayon');
  if (r) {
    const km = Number(r.replace(',', '.'));
    if (!Number.isFinite(km)) problems.push(`Le rayon « ${r.slice(0, 20)} » n’est pas un nombre : ${rayon} km utilisés.`);
    else rayon = Math.min(ATELIER_RADIUS.max, Math.max(ATELIER_RADIUS.min, Math.round(km)));
  }
  const themes = all(params, 'theme').filter((t) => t in SERVICE_LABELS) as Service[];
  if (themes.length < all(params, 'theme').length) problems.push('Un thème inconnu a été ignoré.');
  let quand: When = null;
  const q = first(params, 'quand');
  if (q === 'semaine' || q === 'weekend') quand = { kind: q, date: null };
  else if (q && /^\d{4}-\d{2}-\d{2}$/.test(q) && !Number.isNaN(Date.parse(`${q}T00:00:00Z`))) quand = { kind: 'date', date: q };
  else if (q) problems.push(`La date « ${q.slice(0, 20)} » n’a pas été comprise : toutes les dates à venir sont montrées.`);
  const lieu = first(params, 'lieu');
  const reseau = first(params, 'reseau');
  return {
    filters: {
      q: first(params, 'q')?.slice(0, 100) ?? null,
      ou: first(params, 'ou')?.slice(0, 200) ?? null,
      rayon,
      themes: [...new Set(themes)],
      quand,
      gratuit: first(params, 'gratuit') === '1',
      enLigne: first(params, 'enligne') === '1',
      lieu: lieu && SLUG.test(lieu) ? lieu : null,
      reseau: reseau && SLUG.test(reseau) ? reseau : null,
    },
    problems,
  };
}

/** The dates asked for as [from, to) instants, read in `timeZone`; never before `now`. */
export function window(quand: When, now: Date, timeZone = 'Europe/Paris'): { from: Date; to: Date | null } {
  if (!quand) return { from: now, to: null };
  const w = wallTimeIn(timeZone, now);
  const today = new Date(Date.UTC(w.year, w.month - 1, w.day));
  const dayStart = (d: Date) => instantAt(timeZone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  const plus = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
  const weekday = (today.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  if (quand.kind === 'semaine') return { from: now, to: dayStart(plus(today, 7 - weekday)) };
  if (quand.kind === 'weekend') {
    const saturday = plus(today, 5 - weekday);
    const from = dayStart(weekday >= 5 ? today : saturday);
    return { from: from < now ? now : from, to: dayStart(plus(today, 7 - weekday)) };
  }
  const day = new Date(`${quand.date}T00:00:00Z`);
  const from = dayStart(day);
  return { from: from < now ? now : from, to: dayStart(plus(day, 1)) };
}

/** The filters back as a query string (for links and the .ics address). */
export function atelierQuery(f: AtelierFilters, change: Partial<AtelierFilters> = {}): string {
  const v = { ...f, ...change };
  const p = new URLSearchParams();
  if (v.q) p.set('q', v.q);
  if (v.ou) p.set('ou', v.ou);
  if (v.ou && v.rayon !== ATELIER_RADIUS.default) p.set('rayon', String(v.rayon));
  for (const t of v.themes) p.append('theme', t);
  if (v.quand) p.set('quand', v.quand.kind === 'date' ? v.quand.date! : v.quand.kind);
  if (v.gratuit) p.set('gratuit', '1');
  if (v.enLigne) p.set('enligne', '1');
  if (v.lieu) p.set('lieu', v.lieu);
  if (v.reseau) p.set('reseau', v.reseau);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The URL's query as the filters read it: repeated names become lists. */
export function paramsOf(url: URL): Params {
  const params: Params = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    params[key] = values.length > 1 ? values : values[0];
  }
  return params;
}
