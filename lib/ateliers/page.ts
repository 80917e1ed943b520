import 'server-only';
// One atelier's public page: the series, its place (or stop), its coming sessions with the seats
// left, and its schema.org Event JSON-LD (one Event per session). Only for published places.
import type { PrismaClient } from '@prisma/client';
import { readDb } from '@/lib/db';
import { FEE_LABELS } from '@/lib/standard/enums';

type Db = Pick<PrismaClient, 'atelier'>;

export async function atelierPage(slug: string, now = new Date(), db: Db = readDb) {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  const atelier = await db.atelier.findUnique({
    where: { slug },
    include: {
      place: {
        select: {
          id: true,
          name: true,
          slug: true,
          street: true,
          postcode: true,
          commune: true,
          latitude: true,
          longitude: true,
          phone: true,
          status: true,
          archivedAt: true,
          demo: true,
        },
      },
      stop: { select: { label: true, street: true, postcode: true, commune: true, latitude: true, longitude: true } },
      sessions: {
        where: { endsAt: { gt: now } },
        orderBy: { startsAt: 'asc' },
        take: 30,
        select: { id: true, startsAt: true, endsAt: true, capacity: true, seatsTaken: true, cancelledAt: true },
      },
    },
  });
  if (!atelier || atelier.place.status !== 'PUBLISHED' || atelier.place.archivedAt) return null;
  return atelier;
}

export type AtelierPageData = NonNullable<Awaited<ReturnType<typeof atelierPage>>>;

/** Seats left in a session taking registrations on Repères, else null. */
export function seatsLeft(atelier: Pick<AtelierPageData, 'registrationMode'>, session: { capacity: number | null; seatsTaken: number }): number | null {
  return atelier.registrationMode === 'REPERES' && session.capacity !== null ? Math.max(0, session.capacity - session.seatsTaken) : null;
}

const SCHEMA = 'https://schema.org/';

/** schema.org Events for the coming sessions (cancelled ones with EventCancelled). */
export function atelierJsonLd(atelier: AtelierPageData, baseUrl: string) {
  const url = `${baseUrl}/ateliers/${atelier.slug}`;
  const where = atelier.stop ?? atelier.place;
  const location = atelier.online
    ? { '@type': 'VirtualLocation', url }
    : {
        '@type': 'Place',
        name: atelier.stop ? `${atelier.place.name} — ${atelier.stop.label}` : atelier.place.name,
        address: {
          '@type': 'PostalAddress',
          streetAddress: where.street ?? undefined,
          postalCode: where.postcode ?? undefined,
          addressLocality: where.commune,
          addressCountry: 'FR',
        },
        geo:
          where.latitude != null && where.longitude != null ? { '@type': 'GeoCoordinates', latitude: where.latitude, longitude: where.longitude } : undefined,
      };
  const free = atelier.fee === 'Gratuit';
  return {
    '@context': 'https://schema.org',
    '@graph': atelier.sessions.slice(0, 10).map((s) => {
      const left = seatsLeft(atelier, s);
      const cancelled = s.cancelledAt !== null || atelier.cancelledAt !== null;
      return {
        '@type': 'Event',
        '@id': `${url}#seance-${s.id}`,
        name: atelier.title,
        description: atelier.summary,
        url,
        startDate: s.startsAt.toISOString(),
        endDate: s.endsAt.toISOString(),
        eventStatus: `${SCHEMA}${cancelled ? 'EventCancelled' : 'EventScheduled'}`,
        eventAttendanceMode: `${SCHEMA}${atelier.online ? 'OnlineEventAttendanceMode' : 'OfflineEventAttendanceMode'}`,
        location,
        inLanguage: atelier.language,
        isAccessibleForFree: free,
        organizer: { '@type': 'Organization', name: atelier.place.name, url: `${baseUrl}/lieux/${atelier.place.slug}` },
        ...(left !== null ? { maximumAttendeeCapacity: s.capacity, remainingAttendeeCapacity: left } : {}),
        offers: {
          '@type': 'Offer',
          url,
          ...(free ? { price: 0, priceCurrency: 'EUR' } : { description: FEE_LABELS[atelier.fee] }),
          availability: `${SCHEMA}${left === 0 ? 'SoldOut' : 'InStock'}`,
        },
      };
    }),
  };
}

/** The ateliers the sitemap lists: not cancelled, at a published real place. */
export async function sitemapAteliers(): Promise<Array<{ slug: string; updatedAt: Date }>> {
  return readDb.atelier.findMany({
    where: { cancelledAt: null, place: { status: 'PUBLISHED', demo: false } },
    select: { slug: true, updatedAt: true },
    orderBy: { slug: 'asc' },
  });
}
