// schema.org JSON-LD of a place, for search engines.
import { weeklySlots } from '@/lib/hours';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function placeJsonLd(place: {
  name: string;
  summary: string | null;
  street: string;
  postcode: string;
  commune: string;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  emails: string[];
  websites: string[];
  openingHours: string | null;
  typologies: string[];
  programmes?: string[];
  fees?: string[];
  url: string;
}) {
  const slots = weeklySlots(place.openingHours) ?? [];
  // France Services (and the former MSAP) are public offices; everything else is a local business.
  const governmentOffice = place.typologies.includes('RFS') || place.typologies.includes('MSAP') || !!place.programmes?.includes('FranceServices');
  return {
    '@context': 'https://schema.org',
    '@type': governmentOffice ? 'GovernmentOffice' : 'LocalBusiness',
    name: place.name,
    description: place.summary ?? undefined,
    url: place.url,
    telephone: place.phone ?? undefined,
    email: place.emails[0],
    sameAs: place.websites.length ? place.websites : undefined,
    isAccessibleForFree: place.fees?.length ? place.fees.includes('Gratuit') : undefined,
    address: { '@type': 'PostalAddress', streetAddress: place.street, postalCode: place.postcode, addressLocality: place.commune, addressCountry: 'FR' },
    geo: place.latitude !== null && place.longitude !== null ? { '@type': 'GeoCoordinates', latitude: place.latitude, longitude: place.longitude } : undefined,
    openingHoursSpecification: slots.length
      ? slots.map((slot) => ({
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: `https://schema.org/${DAYS[slot.weekday - 1]}`,
          opens: hhmm(slot.startMinute),
          closes: hhmm(slot.endMinute === 1440 ? 1439 : slot.endMinute),
        }))
      : undefined,
  };
}

/** JSON for a <script> element: `<` escaped so no text can close the element. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
