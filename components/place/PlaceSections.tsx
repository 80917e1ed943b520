// The sections of a published place's page (components/place/PlacePage.tsx): markup only, from
// the place and what the page worked out once (its hours, its closure, its completeness).
import { MapPanel } from '@/components/search/widgets';
import { env } from '@/lib/config/env';
import { whenText, presentHours, type HoursPresentation } from '@/lib/hours/present';
import type { TemporaryClosure } from '@/lib/places/closure';
import { LABEL_EXPLANATIONS, PROGRAMME_EXPLANATIONS } from '@/lib/places/explanations';
import type { PublicPlace } from '@/lib/places/page';
import { safeHttpUrl } from '@/lib/security/urls';
import { ACCESS_MODE_LABELS, FEE_LABELS, PUBLIC_LABELS, SPECIFIC_SUPPORT_LABELS } from '@/lib/standard/enums';
import { SERVICE_PLAIN, SUPPORT_MODE_PLAIN } from '@/lib/standard/plain-words';
import { HoursTable } from './HoursTable';

export const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const ONE_YEAR = 365 * 24 * 3600 * 1000;

/** The hours, and for a bus, where to find it and when. */
export function HoursSection({ place, now, hours, closure }: { place: PublicPlace; now: Date; hours: HoursPresentation; closure: TemporaryClosure | null }) {
  const itinerant = place.itinerance.includes('Itinerant');
  return (
    <section aria-labelledby="horaires" className="place-section place-section--hours">
      <h2 id="horaires">Horaires</h2>
      <HoursTable hours={hours} closure={closure} />
      {itinerant && place.stops.length > 0 && (
        <>
          <h3>Où trouver le bus</h3>
          <ul className="stops">
            {place.stops.map((stop) => {
              const stopHours = presentHours(stop.openingHours, place.timeZone, now);
              const days = stopHours.known ? stopHours.week.filter((d) => !d.text.startsWith('Fermé')).map((d) => `${d.day} ${d.text}`) : [];
              const where = [
                stop.label,
                stop.label.includes(stop.commune) ? null : stop.commune,
                stop.street && !stop.label.includes(stop.street) ? stop.street : null,
              ]
                .filter(Boolean)
                .join(', ');
              const next = stopHours.known ? stopHours.state : null;
              return (
                <li key={stop.id}>
                  <strong>{where}</strong>
                  <br />
                  {days.length > 0
                    ? days.join(' ; ')
                    : stopHours.known
                      ? 'Pas de passage cette semaine'
                      : stop.openingHours
                        ? `Horaires non communiqués (« ${stop.openingHours} »)`
                        : 'Horaires non communiqués'}
                  {next?.status === 'open' && next.nextChange && ' '}
                  {next?.status === 'open' && next.nextChange && (
                    <span className="badge badge--open">Le bus est là jusqu’à {whenText(next.nextChange, now, place.timeZone).replace(/^à /, '')}</span>
                  )}
                  {next?.status === 'closed' && next.nextChange && !closure?.active && (
                    <span className="muted"> — prochain passage {whenText(next.nextChange, now, place.timeZone)}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** The postal address, on three lines at most. */
function PlaceAddress({ place }: { place: PublicPlace }) {
  return (
    <address className="place-address">
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
function Itinerary({ place }: { place: PublicPlace }) {
  return (
    <p className="no-print itinerary">
      Itinéraire :{' '}
      <a href={`geo:${place.latitude},${place.longitude}?q=${place.latitude},${place.longitude}(${encodeURIComponent(place.name)})`}>
        avec l’application du téléphone
      </a>
      {' · '}
      <a
        href={`https://www.openstreetmap.org/directions?to=${place.latitude}%2C${place.longitude}#map=16/${place.latitude}/${place.longitude}`}
        rel="noopener noreferrer"
      >
        avec OpenStreetMap
      </a>
    </p>
  );
}

/** The map of the place (and of a bus's stops). */
function PlaceMap({ place, address }: { place: PublicPlace; address: string }) {
  return (
    <div className="place-map no-print">
      <MapPanel
        label="Carte du lieu (l’adresse est écrite ci-dessus)"
        config={{
          markers: [
            {
              id: place.id,
              lat: place.latitude!,
              lng: place.longitude!,
              label: place.name,
              href: `/lieux/${place.slug}`,
              detail: place.locationApproximate ? `${address} (position approximative : centre de la commune)` : address,
            },
            ...place.stops.map((stop) => ({
              id: stop.id,
              lat: stop.latitude,
              lng: stop.longitude,
              label: `${place.name} — arrêt ${stop.label}`,
              href: `/lieux/${place.slug}`,
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
function PlaceCoordinates({ place }: { place: PublicPlace }) {
  // Kept as written: reflowed, the text would split into other nodes (other markup).
  // prettier-ignore
  return (
    <p className="muted no-print place-coordinates">
      Coordonnées GPS{place.locationApproximate ? ' (approximatives, centre de la commune)' : ''} : {place.latitude!.toFixed(5)},{' '}
      {place.longitude!.toFixed(5)} ·{' '}
      <a
        href={`https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=17/${place.latitude}/${place.longitude}`}
        rel="noopener noreferrer"
      >
        voir sur OpenStreetMap
      </a>
    </p>
  );
}

/** The address, how to reach the place, its map and its coordinates. */
export function ContactSection({ place }: { place: PublicPlace }) {
  const hasPosition = place.latitude !== null && place.longitude !== null;
  const address = `${place.street}, ${place.postcode} ${place.commune}`;
  return (
    <section aria-labelledby="contact" className="place-section">
      <h2 id="contact">Adresse et contact</h2>
      <PlaceAddress place={place} />
      <ContactList place={place} />
      {hasPosition && place.locationApproximate && (
        <p className="notice place-approximate">
          <strong>Position approximative : centre de la commune.</strong> La source ne donnait pas l’emplacement exact du lieu : fiez-vous à l’adresse.
        </p>
      )}
      {hasPosition && (
        <>
          {!place.locationApproximate && <Itinerary place={place} />}
          <PlaceMap place={place} address={address} />
          <PlaceCoordinates place={place} />
        </>
      )}
    </section>
  );
}

/** Phone, e-mails and web sites, each a link. */
function ContactList({ place }: { place: PublicPlace }) {
  return (
    <ul className="plain-list contact-list">
      {place.phone && (
        <li>
          Téléphone : <a href={`tel:${place.phone}`}>{formatPhone(place.phone)}</a>
        </li>
      )}
      {place.emails.map((email) => (
        <li key={email}>
          Courriel : <a href={`mailto:${email}`}>{email}</a>
        </li>
      ))}
      {place.websites.map((site) => {
        const href = safeHttpUrl(site);
        return (
          <li key={site}>
            Site :{' '}
            {href ? (
              <a href={href} rel="noopener noreferrer">
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
export function ServicesSection({ place }: { place: PublicPlace }) {
  return (
    <section aria-labelledby="services" className="place-section">
      <h2 id="services">Ce que vous pouvez y faire</h2>
      {place.services.length ? (
        <ul>
          {place.services.map((s) => (
            <li key={s}>
              <strong>{SERVICE_PLAIN[s].label}</strong> <span className="muted">— {SERVICE_PLAIN[s].hint}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>Services non précisés : téléphonez pour savoir ce qui est proposé.</p>
      )}
      {place.supportModes.length > 0 && (
        <div className="print-hide">
          <h3>Comment vous êtes aidé</h3>
          <ul>
            {place.supportModes.map((m) => (
              <li key={m}>{SUPPORT_MODE_PLAIN[m]}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** For whom, at what cost, how to get in; programmes and labels. */
export function AccessSection({ place }: { place: PublicPlace }) {
  return (
    <section aria-labelledby="acces" className="place-section">
      <h2 id="acces">Pour qui, à quelles conditions</h2>
      <dl className="facts">
        {place.fees.length > 0 && (
          <div>
            <dt>Coût</dt>
            <dd>{place.fees.map((f) => FEE_LABELS[f]).join(', ')}</dd>
          </div>
        )}
        {place.accessModes.length > 0 && (
          <div>
            <dt>Comment y aller</dt>
            <dd>
              {place.accessModes.map((m) => ACCESS_MODE_LABELS[m]).join(', ')}
              {safeHttpUrl(place.appointmentUrl) && (
                <>
                  {' — '}
                  <a href={safeHttpUrl(place.appointmentUrl)!} rel="noopener noreferrer">
                    prendre rendez-vous en ligne
                  </a>
                </>
              )}
            </dd>
          </div>
        )}
        <div className="print-hide">
          <dt>Publics accueillis</dt>
          <dd>{place.publics.length > 0 ? `Tout le monde, en particulier : ${place.publics.map((p) => PUBLIC_LABELS[p]).join(', ')}` : 'Tout le monde'}</dd>
        </div>
        {place.specificSupport.length > 0 && (
          <div>
            <dt>Accompagnement adapté</dt>
            <dd>{place.specificSupport.map((p) => SPECIFIC_SUPPORT_LABELS[p]).join(', ')}</dd>
          </div>
        )}
        <div className="print-hide">
          <dt>Accessibilité</dt>
          <dd>
            {safeHttpUrl(place.accesLibreUrl) ? (
              <a href={safeHttpUrl(place.accesLibreUrl)!} rel="noopener noreferrer">
                Fiche d’accessibilité sur acceslibre
              </a>
            ) : (
              'Non renseignée : téléphonez pour savoir si le lieu est accessible.'
            )}
          </dd>
        </div>
        {place.practicalInfo && (
          <div>
            <dt>À savoir</dt>
            <dd className="pre-line">{place.practicalInfo}</dd>
          </div>
        )}
      </dl>
      {(place.programmes.length > 0 || place.labels.length > 0 || place.otherLabels.length > 0) && (
        <div className="print-hide">
          <h3>Dispositifs et labels</h3>
          <ul>
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
      )}
    </section>
  );
}

/** How far to trust the page: when it was confirmed, by whom, and how complete it is. */
export function TrustSection({ place, now, score }: { place: PublicPlace; now: Date; score: { score: number; missing: Array<{ label: string }> } }) {
  const stale = now.getTime() - place.dateMaj.getTime() > ONE_YEAR;
  const confirmedBy = place.confirmedBy ?? place.networks[0]?.network.name ?? null;
  return (
    <section aria-labelledby="confiance" className="place-section place-section--wide trust">
      <h2 id="confiance">Fiabilité de ces informations</h2>
      <p>
        Informations mises à jour le {LONG_DATE.format(place.dateMaj)}
        {confirmedBy ? ` par ${confirmedBy}` : ''}.
      </p>
      {stale && <p className="notice notice--warning">Ces informations ont plus d’un an : elles ont pu changer. Téléphonez avant de vous déplacer.</p>}
      {place.source && <p>Source : {place.source}</p>}
      <p>
        Fiche complète à {score.score} %
        {score.missing.length > 0 && <span className="muted"> — il manque : {score.missing.map((m) => m.label.toLowerCase()).join(', ')}</span>}
      </p>
    </section>
  );
}

function formatPhone(e164: string) {
  const national = e164.replace(/^\+33/, '0');
  return /^0\d{9}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, '$1 ').trim() : e164;
}
