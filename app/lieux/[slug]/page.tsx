import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { LazyResultsMap } from '@/components/map/LazyResultsMap';
import { HoursTable } from '@/components/place/HoursTable';
import { ClosedForGood, Gone, NearbyList } from '@/components/place/PlaceViews';
import { ReportForm } from '@/components/place/ReportForm';
import { SelectionButton } from '@/components/orientation/SelectionButton';
import { ShareButtons } from '@/components/place/ShareButtons';
import styles from '@/components/place/place.module.css';
import { env, publicUrl } from '@/lib/config/env';
import { presentHours, whenText } from '@/lib/hours/present';
import { temporaryClosure } from '@/lib/places/closure';
import { completeness } from '@/lib/places/completeness';
import { LABEL_EXPLANATIONS, PROGRAMME_EXPLANATIONS } from '@/lib/places/explanations';
import { placePageNow } from '@/lib/places/now';
import { nearbyPlaces, resolvePlacePage, type PublicPlace } from '@/lib/places/page';
import { placeJsonLd, safeJson } from '@/lib/places/structured-data';
import { safeHttpUrl } from '@/lib/security/urls';
import { ACCESS_MODE_LABELS, FEE_LABELS, PUBLIC_LABELS, SPECIFIC_SUPPORT_LABELS } from '@/lib/standard/enums';
import { SERVICE_PLAIN, SUPPORT_MODE_PLAIN, typologyLabel } from '@/lib/standard/plain-words';
import { reportError } from './actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ONE_YEAR = 365 * 24 * 3600 * 1000;
const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function siteUrl() {
  return publicUrl();
}

async function resolve({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const now = await placePageNow(query);
  return { now, page: await resolvePlacePage(decodeURIComponent(slug), now) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { page } = await resolve(props);
  if (page.kind === 'closed') return { title: `${page.place.name} (fermé définitivement)`, robots: { index: false } };
  if (page.kind === 'gone') return { title: `${page.name} (fermé définitivement)`, robots: { index: false } };
  // Next.js adds "noindex" to not-found answers itself.
  if (page.kind !== 'published') return { title: 'Lieu introuvable' };
  const { place } = page;
  const description = place.summary ?? `${place.name}, ${place.street}, ${place.postcode} ${place.commune} : aide au numérique.`;
  const url = `${siteUrl()}/lieux/${place.slug}`;
  return {
    title: `${place.name} — ${place.commune}`,
    description,
    alternates: { canonical: url },
    openGraph: { title: place.name, description, type: 'website', url, locale: 'fr_FR', siteName: 'Repères' },
  };
}

export default async function PlacePage(props: Props) {
  const { now, page } = await resolve(props);
  if (page.kind === 'redirect') permanentRedirect(`/lieux/${page.slug}`);
  if (page.kind === 'not-found') notFound();
  // The proxy has already set the 410 status for this address.
  if (page.kind === 'gone') return <Gone name={page.name} commune={page.commune} />;
  if (page.kind === 'closed') {
    const { place } = page;
    const alternatives = await nearbyPlaces(place);
    return <ClosedForGood name={place.name} commune={place.commune} closedAt={LONG_DATE.format(place.closedForGoodAt!)} alternatives={alternatives} />;
  }
  return <PublishedPlace place={page.place} now={now} />;
}

async function PublishedPlace({ place, now }: { place: PublicPlace; now: Date }) {
  const nearbyPromise = nearbyPlaces(place);
  const hours = presentHours(place.openingHours, place.timeZone, now);
  const closure = temporaryClosure(place, now, place.timeZone);
  const score = completeness(place);
  const url = `${siteUrl()}/lieux/${place.slug}`;
  const stale = now.getTime() - place.dateMaj.getTime() > ONE_YEAR;
  const confirmedBy = place.confirmedBy ?? place.networks[0]?.network.name ?? null;
  const itinerant = place.itinerance.includes('Itinerant');
  const hasPosition = place.latitude !== null && place.longitude !== null;
  const address = `${place.street}, ${place.postcode} ${place.commune}`;
  const types = [...new Set(place.typologies.map((t) => typologyLabel(t)))];
  const nearby = await nearbyPromise;

  return (
    <article className="container place-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(placeJsonLd({ ...place, url })) }} />
      <nav aria-label="Fil d’Ariane" className="breadcrumb no-print">
        <Link href={`/recherche?ou=${encodeURIComponent(place.commune)}`}>← Autres lieux autour de {place.commune}</Link>
      </nav>
      <header className="place-header">
        <h1>{place.name}</h1>
        <p className="place-header__types">
          {types.join(' · ')}
          {itinerant && `${types.length ? ' · ' : ''}Itinérant`}
          {place.networks.length > 0 && (
            <>
              {' · Réseau '}
              {place.networks.map((m, i) => (
                <span key={m.network.slug}>
                  {i > 0 && ', '}
                  <Link href={`/reseaux/${m.network.slug}`}>{m.network.name}</Link>
                </span>
              ))}
            </>
          )}
        </p>
        {place.summary && <p className="place-header__summary">{place.summary}</p>}
        {closure && (
          <div className={`notice notice--warning ${styles.closure}`} data-testid="temporary-closure">
            <p>
              <strong>{closure.title}</strong>
            </p>
            {closure.message && <p className="pre-line">{closure.message}</p>}
          </div>
        )}
        <ShareButtons url={url} title={place.name} />
        <SelectionButton id={place.id} slug={place.slug} name={place.name} />
      </header>

      <div className="place-grid">
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
                  const where = [stop.label, stop.label.includes(stop.commune) ? null : stop.commune, stop.street && !stop.label.includes(stop.street) ? stop.street : null].filter(Boolean).join(', ');
                  const next = stopHours.known ? stopHours.state : null;
                  return (
                    <li key={stop.id}>
                      <strong>{where}</strong>
                      <br />
                      {days.length > 0 ? days.join(' ; ') : stopHours.known ? 'Pas de passage cette semaine' : stop.openingHours ? `Horaires non communiqués (« ${stop.openingHours} »)` : 'Horaires non communiqués'}
                      {next?.status === 'open' && next.nextChange && ' '}
                      {next?.status === 'open' && next.nextChange && <span className="badge badge--open">Le bus est là jusqu’à {whenText(next.nextChange, now, place.timeZone).replace(/^à /, '')}</span>}
                      {next?.status === 'closed' && next.nextChange && !closure?.active && <span className="muted"> — prochain passage {whenText(next.nextChange, now, place.timeZone)}</span>}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>

        <section aria-labelledby="contact" className="place-section">
          <h2 id="contact">Adresse et contact</h2>
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
                  Site : {href ? <a href={href} rel="noopener noreferrer">{site.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a> : site}
                </li>
              );
            })}
          </ul>
          {hasPosition && (
            <>
              <p className="no-print itinerary">
                Itinéraire :{' '}
                <a href={`geo:${place.latitude},${place.longitude}?q=${place.latitude},${place.longitude}(${encodeURIComponent(place.name)})`}>
                  avec l’application du téléphone
                </a>
                {' · '}
                <a href={`https://www.openstreetmap.org/directions?to=${place.latitude}%2C${place.longitude}#map=16/${place.latitude}/${place.longitude}`} rel="noopener noreferrer">
                  avec OpenStreetMap
                </a>
              </p>
              <div className="place-map no-print">
                <LazyResultsMap
                  markers={[
                    { id: place.id, lat: place.latitude!, lng: place.longitude!, label: place.name, href: `/lieux/${place.slug}`, detail: address },
                    ...place.stops.map((stop) => ({ id: stop.id, lat: stop.latitude, lng: stop.longitude, label: `${place.name} — arrêt ${stop.label}`, href: `/lieux/${place.slug}`, detail: stop.commune })),
                  ]}
                  tileUrl={env().TILE_URL}
                  attribution={env().TILE_ATTRIBUTION}
                  center={{ lat: place.latitude!, lng: place.longitude! }}
                  label="Carte du lieu (l’adresse est écrite ci-dessus)"
                />
              </div>
              <p className={`muted no-print ${styles.coordinates}`}>
                Coordonnées GPS : {place.latitude!.toFixed(5)}, {place.longitude!.toFixed(5)} ·{' '}
                <a href={`https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=17/${place.latitude}/${place.longitude}`} rel="noopener noreferrer">
                  voir sur OpenStreetMap
                </a>
              </p>
            </>
          )}
        </section>

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
            <div className={styles.printHide}>
              <h3>Comment vous êtes aidé</h3>
              <ul>
                {place.supportModes.map((m) => (
                  <li key={m}>{SUPPORT_MODE_PLAIN[m]}</li>
                ))}
              </ul>
            </div>
          )}
        </section>

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
            <div className={styles.printHide}>
              <dt>Publics accueillis</dt>
              <dd>{place.publics.length > 0 ? `Tout le monde, en particulier : ${place.publics.map((p) => PUBLIC_LABELS[p]).join(', ')}` : 'Tout le monde'}</dd>
            </div>
            {place.specificSupport.length > 0 && (
              <div>
                <dt>Accompagnement adapté</dt>
                <dd>{place.specificSupport.map((p) => SPECIFIC_SUPPORT_LABELS[p]).join(', ')}</dd>
              </div>
            )}
            <div className={styles.printHide}>
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
            <div className={styles.printHide}>
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

        {place.presentation && (
          <section aria-labelledby="presentation" className="place-section place-section--wide">
            <h2 id="presentation">Présentation</h2>
            {/* Plain text: React escapes any markup; line breaks are kept by CSS. */}
            <p className="pre-line">{place.presentation}</p>
          </section>
        )}

        <section aria-labelledby="confiance" className="place-section place-section--wide trust">
          <h2 id="confiance">Fiabilité de ces informations</h2>
          <p>
            Informations mises à jour le {LONG_DATE.format(place.dateMaj)}
            {confirmedBy ? ` par ${confirmedBy}` : ''}.
          </p>
          {stale && (
            <p className="notice notice--warning">
              Ces informations ont plus d’un an : elles ont pu changer. Téléphonez avant de vous déplacer.
            </p>
          )}
          {place.source && <p>Source : {place.source}</p>}
          <p>
            Fiche complète à {score.score} %
            {score.missing.length > 0 && <span className="muted"> — il manque : {score.missing.map((m) => m.label.toLowerCase()).join(', ')}</span>}
          </p>
        </section>

        {nearby.length > 0 && (
          <section aria-labelledby="proches" className="place-section place-section--wide no-print">
            <h2 id="proches">Lieux proches avec les mêmes services</h2>
            <NearbyList places={nearby} />
          </section>
        )}

        <section aria-labelledby="signaler" className="place-section place-section--wide no-print" id="signalement">
          <h2 id="signaler">Signaler une erreur</h2>
          <p>Une information est fausse ou manque ? Dites-le-nous, sans créer de compte.</p>
          <ReportForm action={reportError.bind(null, place.id)} />
        </section>
      </div>
    </article>
  );
}

function formatPhone(e164: string) {
  const national = e164.replace(/^\+33/, '0');
  return /^0\d{9}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, '$1 ').trim() : e164;
}
