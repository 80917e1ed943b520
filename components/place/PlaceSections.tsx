// The sections of a published place's page (components/place/PlacePage.tsx): markup only, from
// the place and what the page worked out once (its hours, its closure, its completeness).
import { MapPanel } from '@/components/search/widgets';
import { env } from '@/lib/config/env';
import { translator, type MessageKey, type Translator } from '@/lib/i18n';
import { listLabel, listLabels } from '@/lib/i18n/words';
import { LABEL_EXPLANATIONS, PROGRAMME_EXPLANATIONS } from '@/lib/places/explanations';
import type { PublicPlace } from '@/lib/places/page';
import { safeHttpUrl } from '@/lib/security/urls';

export const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "12 mars 2026" in the visitor's language. */
export function longDate(t: Translator, date: Date): string {
  return t.locale === 'fr'
    ? LONG_DATE.format(date)
    : new Intl.DateTimeFormat(t.intl, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The places' own words stay French: marked so on a page in another language. */
export const frenchText = (t: Translator) => (t.locale === 'fr' ? undefined : 'fr');

/** The postal address, on three lines at most. */
function PlaceAddress({ place }: { place: PublicPlace }) {
  return (
    <address className="place-address" translate="no">
      {place.street}
      {place.addressComplement && (
        <>
          <br />
          {place.addressComplement}
        </>
      )}
      <br />
      {place.postcode} {place.commune}
    </address>
  );
}

/** Directions to the place, by the phone's application or OpenStreetMap. */
function Itinerary({ place, t }: { place: PublicPlace; t: Translator }) {
  return (
    <p className="no-print itinerary">
      {t('place.itinerary')}{' '}
      <a href={`geo:${place.latitude},${place.longitude}?q=${place.latitude},${place.longitude}(${encodeURIComponent(place.name)})`}>
        {t('place.itineraryPhone')}
      </a>
      {' · '}
      <a
        href={`https://www.openstreetmap.org/directions?to=${place.latitude}%2C${place.longitude}#map=16/${place.latitude}/${place.longitude}`}
        rel="noopener noreferrer"
      >
        {t('place.itineraryOsm')}
      </a>
    </p>
  );
}

/** The map of the place (and of a bus's stops). */
function PlaceMap({ place, address, t }: { place: PublicPlace; address: string; t: Translator }) {
  return (
    <div className="place-map no-print">
      <MapPanel
        t={t}
        label={t('place.mapLabel')}
        config={{
          markers: [
            {
              id: place.id,
              lat: place.latitude!,
              lng: place.longitude!,
              label: place.name,
              href: t.path(`/lieux/${place.slug}`),
              detail: place.locationApproximate ? t('place.mapApprox', { address }) : address,
            },
            ...place.stops.map((stop) => ({
              id: stop.id,
              lat: stop.latitude,
              lng: stop.longitude,
              label: t('place.mapStop', { name: place.name, stop: stop.label }),
              href: t.path(`/lieux/${place.slug}`),
              detail: stop.commune,
            })),
          ],
          tileUrl: env().TILE_URL,
          attribution: env().TILE_ATTRIBUTION,
          center: { lat: place.latitude!, lng: place.longitude! },
        }}
      />
    </div>
  );
}

/** The GPS coordinates, with a link to OpenStreetMap. */
function PlaceCoordinates({ place, t }: { place: PublicPlace; t: Translator }) {
  // Kept as written: reflowed, the text would split into other nodes (other markup).
  // prettier-ignore
  return (
    <p className="muted no-print place-coordinates">
      {t(place.locationApproximate ? 'place.coordinatesApprox' : 'place.coordinates')} : {place.latitude!.toFixed(5)},{' '}
      {place.longitude!.toFixed(5)} ·{' '}
      <a
        href={`https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=17/${place.latitude}/${place.longitude}`}
        rel="noopener noreferrer"
      >
        {t('place.seeOsm')}
      </a>
    </p>
  );
}

/** The address, how to reach the place, its map and its coordinates. */
export function ContactSection({ place, t = translator() }: { place: PublicPlace; t?: Translator }) {
  const hasPosition = place.latitude !== null && place.longitude !== null;
  const address = `${place.street}, ${place.postcode} ${place.commune}`;
  return (
    <section aria-labelledby="contact" className="place-section">
      <h2 id="contact">{t('place.contact')}</h2>
      <PlaceAddress place={place} />
      <ContactList place={place} t={t} />
      {hasPosition && place.locationApproximate && (
        <p className="notice place-approximate">
          <strong>{t('place.approxTitle')}</strong> {t('place.approxText')}
        </p>
      )}
      {hasPosition && (
        <>
          {!place.locationApproximate && <Itinerary place={place} t={t} />}
          <PlaceMap place={place} address={address} t={t} />
          <PlaceCoordinates place={place} t={t} />
        </>
      )}
    </section>
  );
}

/** Phone, e-mails and web sites, each a link. */
function ContactList({ place, t }: { place: PublicPlace; t: Translator }) {
  return (
    <ul className="plain-list contact-list">
      {place.phone && (
        <li>
          {t('place.phone')}{' '}
          <a href={`tel:${place.phone}`} dir="ltr">
            {formatPhone(place.phone)}
          </a>
        </li>
      )}
      {place.emails.map((email) => (
        <li key={email}>
          {t('place.email')}{' '}
          <a href={`mailto:${email}`} dir="ltr">
            {email}
          </a>
        </li>
      ))}
      {place.websites.map((site) => {
        const href = safeHttpUrl(site);
        return (
          <li key={site}>
            {t('place.website')}{' '}
            {href ? (
              <a href={href} rel="noopener noreferrer" dir="ltr">
                {site.replace(/^https?:\/\//, '').replace(/\/$/, '')}
              </a>
            ) : (
              site
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** What one can do there, and how one is helped. */
export function ServicesSection({ place, t = translator() }: { place: PublicPlace; t?: Translator }) {
  return (
    <section aria-labelledby="services" className="place-section">
      <h2 id="services">{t('place.services')}</h2>
      {place.services.length ? (
        <ul>
          {place.services.map((s) => (
            <li key={s}>
              <strong>{listLabel(t, 'service', s)}</strong> <span className="muted">— {t(`service.${s}.hint` as MessageKey)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('place.servicesNone')}</p>
      )}
      {place.supportModes.length > 0 && (
        <div className="print-hide">
          <h3>{t('place.supportModes')}</h3>
          <ul>
            {place.supportModes.map((m) => (
              <li key={m}>{listLabel(t, 'supportMode', m)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** The national programmes and labels of the place, explained (in French). */
function ProgrammesAndLabels({ place, t }: { place: PublicPlace; t: Translator }) {
  if (!(place.programmes.length > 0 || place.labels.length > 0 || place.otherLabels.length > 0)) return null;
  return (
    <div className="print-hide">
      <h3>{t('place.programmes')}</h3>
      <ul lang={frenchText(t)}>
        {place.programmes.map((p) => (
          <li key={p}>{PROGRAMME_EXPLANATIONS[p]}</li>
        ))}
        {place.labels.map((l) => (
          <li key={l}>{LABEL_EXPLANATIONS[l]}</li>
        ))}
        {place.otherLabels.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}

/** For whom, at what cost, how to get in; programmes and labels. */
export function AccessSection({ place, t = translator() }: { place: PublicPlace; t?: Translator }) {
  const fr = frenchText(t);
  return (
    <section aria-labelledby="acces" className="place-section">
      <h2 id="acces">{t('place.access')}</h2>
      <dl className="facts">
        {place.fees.length > 0 && (
          <div>
            <dt>{t('place.cost')}</dt>
            <dd>{listLabels(t, 'fee', place.fees)}</dd>
          </div>
        )}
        {place.accessModes.length > 0 && (
          <div>
            <dt>{t('place.howToGo')}</dt>
            <dd>
              {listLabels(t, 'access', place.accessModes)}
              {safeHttpUrl(place.appointmentUrl) && (
                <>
                  {' — '}
                  <a href={safeHttpUrl(place.appointmentUrl)!} rel="noopener noreferrer">
                    {t('place.appointment')}
                  </a>
                </>
              )}
            </dd>
          </div>
        )}
        <div className="print-hide">
          <dt>{t('place.publics')}</dt>
          <dd>
            {place.publics.length > 0
              ? t('place.publicsSome', {
                  list: listLabels(t, 'public', place.publics),
                })
              : t('place.publicsAll')}
          </dd>
        </div>
        {place.specificSupport.length > 0 && (
          <div>
            <dt>{t('place.specificSupport')}</dt>
            <dd>{listLabels(t, 'specific', place.specificSupport)}</dd>
          </div>
        )}
        <div className="print-hide">
          <dt>{t('place.accessibility')}</dt>
          <dd>
            {safeHttpUrl(place.accesLibreUrl) ? (
              <a href={safeHttpUrl(place.accesLibreUrl)!} rel="noopener noreferrer">
                {t('place.acceslibre')}
              </a>
            ) : (
              t('place.accessibilityUnknown')
            )}
          </dd>
        </div>
        {place.practicalInfo && (
          <div>
            <dt>{t('place.practical')}</dt>
            <dd className="pre-line" lang={fr}>
              {place.practicalInfo}
            </dd>
          </div>
        )}
      </dl>
      <ProgrammesAndLabels place={place} t={t} />
    </section>
  );
}

function formatPhone(e164: string) {
  const national = e164.replace(/^\+33/, '0');
  return /^0\d{9}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, '$1 ').trim() : e164;
}
