import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { LazyResultsMap } from '@/components/map/LazyResultsMap';
import { HoursTable } from '@/components/place/HoursTable';
import { ReportForm } from '@/components/place/ReportForm';
import { ShareButtons } from '@/components/place/ShareButtons';
import { formatDistance } from '@/components/search/format';
import { env } from '@/lib/config/env';
import { presentHours } from '@/lib/hours/present';
import { completeness } from '@/lib/places/completeness';
import { LABEL_EXPLANATIONS, PROGRAMME_EXPLANATIONS } from '@/lib/places/explanations';
import { nearbyPlaces, placeBySlug, redirectedSlug } from '@/lib/places/page';
import { placeJsonLd, safeJson } from '@/lib/places/structured-data';
import { requestNow } from '@/lib/search/now';
import { ACCESS_MODE_LABELS, FEE_LABELS, PUBLIC_LABELS, SPECIFIC_SUPPORT_LABELS } from '@/lib/standard/enums';
import { SERVICE_PLAIN, SUPPORT_MODE_PLAIN, typologyLabel } from '@/lib/standard/plain-words';
import { reportError } from './actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ONE_YEAR = 365 * 24 * 3600 * 1000;

async function load(slug: string) {
  const place = await placeBySlug(slug);
  if (!place) {
    const target = await redirectedSlug(slug);
    if (target) permanentRedirect(`/lieux/${target}`);
    notFound();
  }
  return place;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const place = await placeBySlug((await params).slug);
  if (!place || place.status !== 'PUBLISHED') return { title: 'Lieu introuvable', robots: { index: false } };
  const description = place.summary ?? `${place.name}, ${place.street}, ${place.postcode} ${place.commune} : aide au numérique.`;
  return {
    title: `${place.name} — ${place.commune}`,
    description,
    alternates: { canonical: `/lieux/${place.slug}` },
    openGraph: { title: place.name, description, type: 'website', url: `/lieux/${place.slug}` },
  };
}

export default async function PlacePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const place = await load(slug);
  const now = requestNow(await searchParams);

  if (place.status !== 'PUBLISHED') {
    const closedRecently = place.status === 'ARCHIVED' && place.closedForGoodAt && now.getTime() - place.closedForGoodAt.getTime() < ONE_YEAR;
    if (!closedRecently) notFound();
    const alternatives = await nearbyPlaces({ id: place.id, latitude: place.latitude, longitude: place.longitude, services: place.services });
    return (
      <div className="container prose">
        <h1>{place.name}</h1>
        <p className="notice notice--warning">Ce lieu a fermé définitivement. Voici des lieux proches qui proposent une aide semblable.</p>
        <ul>
          {alternatives.map((alt) => (
            <li key={alt.slug}>
              <Link href={`/lieux/${alt.slug}`}>{alt.name}</Link> — {alt.commune}, {formatDistance(alt.distance / 1000)}
            </li>
          ))}
        </ul>
        <p>
          <Link href={`/recherche?ou=${encodeURIComponent(place.commune)}`}>Chercher d’autres lieux autour de {place.commune}</Link>
        </p>
      </div>
    );
  }

  const hours = presentHours(place.openingHours, place.timeZone, now);
  const score = completeness(place);
  const nearby = await nearbyPlaces({ id: place.id, latitude: place.latitude, longitude: place.longitude, services: place.services });
  const base = process.env.NEXTAUTH_URL ?? 'http://localhost:3000';
  const url = `${base}/lieux/${place.slug}`;
  const updatedAt = place.dateMaj.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const stale = now.getTime() - place.dateMaj.getTime() > ONE_YEAR;
  const confirmedBy = place.confirmedBy ?? place.networks[0]?.network.name ?? null;
  const today = now.toISOString().slice(0, 10);
  const closedFrom = place.closedFrom?.toISOString().slice(0, 10);
  const closedUntil = place.closedUntil?.toISOString().slice(0, 10);
  const temporaryClosure = (closedFrom || closedUntil) && (closedUntil ?? '9999') >= today;
  const fmtDate = (iso: string) => new Date(iso).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const mapsQuery = encodeURIComponent(`${place.street}, ${place.postcode} ${place.commune}`);
  const itinerant = place.itinerance.includes('Itinerant');

  return (
    <article className="container place-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(placeJsonLd({ ...place, typologies: place.typologies, url })) }} />
      <nav aria-label="Fil d’Ariane" className="breadcrumb no-print">
        <Link href={`/recherche?ou=${encodeURIComponent(place.commune)}`}>← Autres lieux autour de {place.commune}</Link>
      </nav>
      <header className="place-header">
        <h1>{place.name}</h1>
        <p className="place-header__types">
          {[...new Set(place.typologies.map((t) => typologyLabel(t)))].join(' · ')}
          {itinerant && ' · Itinérant'}
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
        {temporaryClosure && (
          <p className="notice notice--warning" role="status">
            <strong>Fermeture temporaire</strong>
            {closedFrom && closedFrom > today ? ` à partir du ${fmtDate(closedFrom)}` : ''}
            {closedUntil ? ` jusqu’au ${fmtDate(closedUntil)}` : ''}
            {place.closureMessage ? ` : ${place.closureMessage}` : '.'}
          </p>
        )}
        <ShareButtons url={url} title={place.name} />
      </header>

      <div className="place-grid">
        <section aria-labelledby="horaires" className="place-section place-section--hours">
          <h2 id="horaires">Horaires</h2>
          <HoursTable hours={hours} now={now} timeZone={place.timeZone} />
          {itinerant && place.stops.length > 0 && (
            <>
              <h3>Arrêts du bus</h3>
              <ul className="stops">
                {place.stops.map((stop) => {
                  const stopHours = presentHours(stop.openingHours, place.timeZone, now);
                  const days = stopHours.known ? stopHours.week.filter((d) => d.text !== 'Fermé' && !d.text.startsWith('Fermé')).map((d) => `${d.day} ${d.text}`) : [];
                  return (
                    <li key={stop.id}>
                      <strong>{stop.label}</strong>, {stop.commune}
                      {stop.street ? ` — ${stop.street}` : ''}
                      {days.length > 0 && <span> : {days.join(' ; ')}</span>}
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
            {place.websites.map((site) => (
              <li key={site}>
                Site : <a href={site} rel="noopener noreferrer">{site.replace(/^https?:\/\//, '')}</a>
              </li>
            ))}
          </ul>
          {place.latitude !== null && place.longitude !== null && (
            <div className="place-map no-print">
              <LazyResultsMap
                markers={[
                  { id: place.id, lat: place.latitude, lng: place.longitude, label: place.name, href: `/lieux/${place.slug}`, detail: `${place.street}, ${place.commune}` },
                  ...place.stops.map((stop) => ({ id: stop.id, lat: stop.latitude, lng: stop.longitude, label: `${place.name} — arrêt ${stop.label}`, href: `/lieux/${place.slug}`, detail: stop.commune })),
                ]}
                tileUrl={env().TILE_URL}
                attribution={env().TILE_ATTRIBUTION}
                center={{ lat: place.latitude, lng: place.longitude }}
                label="Carte du lieu (l’adresse est écrite ci-dessus)"
              />
            </div>
          )}
          {place.latitude !== null && place.longitude !== null && (
            <p className="no-print itinerary">
              Itinéraire :{' '}
              <a href={`geo:${place.latitude},${place.longitude}?q=${place.latitude},${place.longitude}(${encodeURIComponent(place.name)})`}>avec l’application du téléphone</a>
              {' · '}
              <a href={`https://www.openstreetmap.org/directions?to=${place.latitude}%2C${place.longitude}#map=16/${place.latitude}/${place.longitude}`} rel="noopener noreferrer">
                avec OpenStreetMap
              </a>
              {' · '}
              <a href={`https://www.openstreetmap.org/search?query=${mapsQuery}`} rel="noopener noreferrer">voir sur une carte</a>
            </p>
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
            <>
              <h3>Comment vous êtes aidé</h3>
              <ul>
                {place.supportModes.map((m) => (
                  <li key={m}>{SUPPORT_MODE_PLAIN[m]}</li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section aria-labelledby="acces" className="place-section">
          <h2 id="acces">Pour qui, à quelles conditions</h2>
          <dl className="facts">
            {place.fees.length > 0 && (
              <>
                <dt>Coût</dt>
                <dd>{place.fees.map((f) => FEE_LABELS[f]).join(', ')}</dd>
              </>
            )}
            {place.accessModes.length > 0 && (
              <>
                <dt>Comment y aller</dt>
                <dd>
                  {place.accessModes.map((m) => ACCESS_MODE_LABELS[m]).join(', ')}
                  {place.appointmentUrl && (
                    <>
                      {' — '}
                      <a href={place.appointmentUrl} rel="noopener noreferrer">
                        prendre rendez-vous en ligne
                      </a>
                    </>
                  )}
                </dd>
              </>
            )}
            {place.publics.length > 0 && (
              <>
                <dt>Publics accueillis en particulier</dt>
                <dd>{place.publics.map((p) => PUBLIC_LABELS[p]).join(', ')}</dd>
              </>
            )}
            {place.specificSupport.length > 0 && (
              <>
                <dt>Accompagnement adapté</dt>
                <dd>{place.specificSupport.map((p) => SPECIFIC_SUPPORT_LABELS[p]).join(', ')}</dd>
              </>
            )}
            <dt>Accessibilité</dt>
            <dd>
              {place.accesLibreUrl ? (
                <a href={place.accesLibreUrl} rel="noopener noreferrer">
                  Fiche d’accessibilité sur acceslibre
                </a>
              ) : (
                'Non renseignée'
              )}
            </dd>
            {place.practicalInfo && (
              <>
                <dt>À savoir</dt>
                <dd className="pre-line">{place.practicalInfo}</dd>
              </>
            )}
          </dl>
          {(place.programmes.length > 0 || place.labels.length > 0 || place.otherLabels.length > 0) && (
            <>
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
            </>
          )}
        </section>

        {place.presentation && (
          <section aria-labelledby="presentation" className="place-section place-section--wide">
            <h2 id="presentation">Présentation</h2>
            {/* Plain text: React escapes it; line breaks are kept by CSS. */}
            <p className="pre-line">{place.presentation}</p>
          </section>
        )}

        <section aria-labelledby="confiance" className="place-section place-section--wide trust">
          <h2 id="confiance">Fiabilité de ces informations</h2>
          <p>
            Informations mises à jour le {updatedAt}
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
            {score.missing.length > 0 && <span className="muted"> — manque : {score.missing.map((m) => m.label.toLowerCase()).join(', ')}</span>}
          </p>
        </section>

        {nearby.length > 0 && (
          <section aria-labelledby="proches" className="place-section place-section--wide no-print">
            <h2 id="proches">Lieux proches avec les mêmes services</h2>
            <ul>
              {nearby.map((alt) => (
                <li key={alt.slug}>
                  <Link href={`/lieux/${alt.slug}`}>{alt.name}</Link> — {alt.commune}, {formatDistance(alt.distance / 1000)}
                </li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="signaler" className="place-section place-section--wide no-print">
          <h2 id="signaler">Signaler une erreur</h2>
          <p>Une information est fausse ou manque ? Dites-le-nous, sans créer de compte.</p>
          <details className="report">
            <summary className="button">Signaler une erreur sur cette fiche</summary>
            <ReportForm action={reportError.bind(null, place.id)} />
          </details>
        </section>
      </div>
    </article>
  );
}

function formatPhone(e164: string) {
  const national = e164.replace(/^\+33/, '0');
  return /^0\d{9}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, '$1 ').trim() : e164;
}
