// What the easy-to-read pages (/facile, components/facile) show, worked out from what the
// standard pages' loaders return (lib/search/page loadSearch, lib/places/page resolvePlacePage):
// the essential only — where, when, how to get there, the phone — in easy-to-read French. Pure
// functions: the views only lay these out, and tests/integration/facile.test.ts checks them
// against the real loaders.
import type { Service } from '@prisma/client';
import { withDe } from '@/lib/geo/french';
import { presentHours } from '@/lib/hours/present';
import { temporaryClosure } from '@/lib/places/closure';
import type { PublicPlace } from '@/lib/places/page';
import type { PlaceResult } from '@/lib/search';
import type { SearchData } from '@/lib/search/page';
import { safeHttpUrl } from '@/lib/security/urls';
import { stateWords, weekLines, type StateWords, type WeekLine } from './time';
import { ACCESS_WORDS, dayWords, distanceWords, feeWords, NEED_WORDS, phoneHref, phoneWords, type NeedWords } from './words';

export type Phone = { href: string; text: string };
export type Directions = { map: string; phone: string };

export type FacileCard = {
  slug: string;
  name: string;
  demo: boolean;
  /** The address, one line each: "12 rue Lenepveu", "49100 Angers". */
  where: string[];
  distance: string | null;
  directions: Directions | null;
  when: StateWords;
  /** "Fermé en ce moment." when a temporary closure applies today. */
  closed: string[] | null;
  phone: Phone | null;
};

const TIME_ZONE = 'Europe/Paris';

const directionsTo = (lat: number | null, lng: number | null, name: string): Directions | null =>
  lat === null || lng === null
    ? null
    : {
        map: `https://www.openstreetmap.org/directions?to=${lat}%2C${lng}#map=16/${lat}/${lng}`,
        phone: `geo:${lat},${lng}?q=${lat},${lng}(${encodeURIComponent(name)})`,
      };

const nextDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

/** A closure in force today, in words; null when none (or only one announced for later). */
function closureWords(closure: { from: string | null; until: string | null } | null, today: string): string[] | null {
  if (!closure || (closure.from && closure.from > today)) return null;
  return ['Fermé en ce moment.', closure.until ? `Ouvre à nouveau ${dayWords(nextDay(closure.until))}.` : 'Téléphonez pour savoir quand il ouvre.'];
}

/** One search result as the easy-to-read list shows it. */
export function facileCard(place: PlaceResult, now: Date): FacileCard {
  const where = place.matchedStop
    ? [`Le bus s’arrête ici : ${place.matchedStop.label}`, place.matchedStop.commune]
    : [place.street, `${place.postcode} ${place.commune}`].filter(Boolean);
  return {
    slug: place.slug,
    name: place.name,
    demo: place.demo,
    where,
    distance: place.distanceKm === null ? null : distanceWords(place.distanceKm),
    directions: place.matchedStop ? null : directionsTo(place.latitude, place.longitude, place.name),
    when: stateWords(place.openingState, now, TIME_ZONE),
    closed: closureWords(place.temporaryClosure, now.toISOString().slice(0, 10)),
    phone: place.phone ? { href: phoneHref(place.phone), text: phoneWords(place.phone) } : null,
  };
}

export type FacileSearch = {
  /** "Les lieux près d’Angers", or null when the town was not found (or not asked). */
  heading: string | null;
  town: string | null;
  need: (NeedWords & { key: Service }) | null;
  count: number;
  cards: FacileCard[];
  /** "du centre d’Angers": what the distances are measured from. */
  from: string | null;
  page: number;
  pageCount: number;
  notFound: boolean;
  /** Towns the person may have meant (close spellings, homonyms), each its search value. */
  suggestions: Array<{ label: string; value: string }>;
};

/** The easy-to-read results page from the search's data. */
export function facileSearch(data: SearchData): FacileSearch {
  const { filters, response, now } = data;
  const origin = response.origin;
  const key = filters.besoin[0] ?? null;
  const town = filters.ou;
  return {
    heading: origin ? `Les lieux près ${withDe(origin.label, origin.typeLiaison)}` : null,
    town,
    need: key ? { key, ...NEED_WORDS[key] } : null,
    count: response.total,
    cards: origin ? response.results.map((result) => facileCard(result, now)) : [],
    from: origin ? (origin.precision === 'commune' ? `du centre ${withDe(origin.label, origin.typeLiaison)}` : 'de l’adresse que vous avez écrite') : null,
    page: filters.page,
    pageCount: response.pageCount,
    notFound: !!town && !origin,
    suggestions: (response.placeHelp?.options ?? []).map((option) => ({ label: option.label, value: option.value })),
  };
}

/** The page before any town is written: the question again. */
export function noTownSearch(): FacileSearch {
  return { heading: null, town: null, need: null, count: 0, cards: [], from: null, page: 1, pageCount: 1, notFound: false, suggestions: [] };
}

/** The few parameters the easy-to-read search reads (a town, one need, the radius, the page); any other is left out. */
export const FACILE_PARAMS = ['ou', 'besoin', 'rayon', 'page'] as const;

export type FacileParams = Partial<Record<(typeof FACILE_PARAMS)[number], string>>;

/** Those parameters from a URL, each once and trimmed; empty ones dropped. */
export function facileParams(url: URL): FacileParams {
  const params: FacileParams = {};
  for (const name of FACILE_PARAMS) {
    const value = url.searchParams.get(name)?.trim();
    if (value) params[name] = value;
  }
  return params;
}

/** A link to the easy-to-read search with some parameters changed (an empty value removes one). */
export function facileSearchHref(params: FacileParams, changes: FacileParams = {}, path = '/facile/recherche'): string {
  const merged: FacileParams = { ...params, ...changes };
  const query = new URLSearchParams(Object.entries(merged).filter((entry): entry is [string, string] => !!entry[1])).toString();
  return query ? `${path}?${query}` : path;
}

export type FacilePlace = {
  slug: string;
  name: string;
  commune: string;
  demo: boolean;
  where: string[];
  itinerant: boolean;
  stops: string[];
  directions: Directions | null;
  /** "Vous pouvez venir sans rendez-vous." … */
  howToCome: string[];
  appointmentUrl: string | null;
  when: StateWords;
  week: WeekLine[];
  closedOnHolidays: boolean;
  closed: string[] | null;
  phone: Phone | null;
  email: string | null;
  needs: Array<NeedWords & { key: Service }>;
  fees: string[] | null;
};

/** A place's easy-to-read page from the place page's data. */
export function facilePlace(place: PublicPlace, now: Date): FacilePlace {
  const hours = presentHours(place.openingHours, place.timeZone, now);
  const closure = temporaryClosure(place, now, place.timeZone);
  const exact = !place.locationApproximate;
  return {
    slug: place.slug,
    name: place.name,
    commune: place.commune,
    demo: place.demo,
    where: [place.street, place.addressComplement, `${place.postcode} ${place.commune}`].filter((line): line is string => !!line),
    itinerant: place.itinerance.includes('Itinerant'),
    stops: place.stops.map((stop) => (stop.label.includes(stop.commune) ? stop.label : `${stop.label}, ${stop.commune}`)),
    directions: exact ? directionsTo(place.latitude, place.longitude, place.name) : null,
    howToCome: place.accessModes.map((mode) => ACCESS_WORDS[mode]),
    appointmentUrl: safeHttpUrl(place.appointmentUrl),
    when: hours.known
      ? stateWords(hours.state, now, place.timeZone)
      : { tone: 'unknown', first: 'Nous ne connaissons pas les horaires.', then: 'Téléphonez avant de venir.' },
    week: hours.known && place.openingHours ? weekLines(place.openingHours, place.timeZone, hours.week) : [],
    closedOnHolidays: hours.known && hours.closedOnHolidays,
    closed: closure?.active ? closureWords({ from: null, until: closure.until }, '') : null,
    phone: place.phone ? { href: phoneHref(place.phone), text: phoneWords(place.phone) } : null,
    email: place.emails[0] ?? null,
    needs: place.services.map((key) => ({ key, ...NEED_WORDS[key] })),
    fees: feeWords(place.fees),
  };
}
