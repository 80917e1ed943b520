// /lieux/<slug>: the place page, rendered to HTML on the server without Next.js's client runtime
// (see lib/render): everything a person needs to go there and to trust it, readable and printable
// without JavaScript; the public pages' script adds sharing, the selection and the map. The route
// answers the statuses itself: 301 from an old slug, 404, 410 for a place closed for good over a
// year ago; and "Signaler une erreur" is posted to the same address.
import { createHash } from 'node:crypto';
import type { ReactNode } from 'react';
import { PublicDocument } from '@/components/layout/PublicDocument';
import { MapPanel } from '@/components/search/widgets';
import { env, publicUrl } from '@/lib/config/env';
import { db, readDb } from '@/lib/db';
import { presentHours, whenText } from '@/lib/hours/present';
import { temporaryClosure } from '@/lib/places/closure';
import { DEMO_PLACE_NOTICE } from '@/lib/places/demo';
import { completeness } from '@/lib/places/completeness';
import { LABEL_EXPLANATIONS, PROGRAMME_EXPLANATIONS } from '@/lib/places/explanations';
import { placePageNow } from '@/lib/places/now';
import { nearbyPlaces, resolvePlacePage, type NearbyPlace, type PublicPlace } from '@/lib/places/page';
import { placeJsonLd, safeJson } from '@/lib/places/structured-data';
import { SUGGESTION_SENT, type SuggestionFormState } from '@/lib/places/suggestion-parts';
import { submitSuggestion } from '@/lib/places/suggestions';
import { renderDocument } from '@/lib/render/html';
import { servePage, type RenderedPage } from '@/lib/render/public-page';
import { pageCacheControl } from '@/lib/security/cache-control';
import { clientIp } from '@/lib/security/rate-limit';
import { sameOrigin } from '@/lib/orientation/http';
import { safeHttpUrl } from '@/lib/security/urls';
import { ACCESS_MODE_LABELS, FEE_LABELS, PUBLIC_LABELS, SPECIFIC_SUPPORT_LABELS } from '@/lib/standard/enums';
import { SERVICE_PLAIN, SUPPORT_MODE_PLAIN, typologyLabel } from '@/lib/standard/plain-words';
import { unavailableResponse } from '@/components/layout/UnavailablePage';
import { HoursTable } from './HoursTable';
import { ClosedForGood, Gone, NearbyList, PlaceNotFound } from './PlaceViews';
import { ReportForm } from './ReportForm';
import { ShareButtons } from './ShareButtons';
import { withDe } from '@/lib/geo/french';

const ONE_YEAR = 365 * 24 * 3600 * 1000;
const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const IDLE: SuggestionFormState = { status: 'idle' };

function PublishedPlace({ place, now, nearby, report }: { place: PublicPlace; now: Date; nearby: NearbyPlace[]; report: SuggestionFormState }) {
  const hours = presentHours(place.openingHours, place.timeZone, now);
  const closure = temporaryClosure(place, now, place.timeZone);
  const score = completeness(place);
  const url = `${publicUrl()}/lieux/${place.slug}`;
  const stale = now.getTime() - place.dateMaj.getTime() > ONE_YEAR;
  const confirmedBy = place.confirmedBy ?? place.networks[0]?.network.name ?? null;
  const itinerant = place.itinerance.includes('Itinerant');
  const hasPosition = place.latitude !== null && place.longitude !== null;
  const address = `${place.street}, ${place.postcode} ${place.commune}`;
  const types = [...new Set(place.typologies.map((t) => typologyLabel(t)))];

  return (
    <article className="container place-page">
      {/* A fictional place is no place for search engines to index. */}
      {!place.demo && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(placeJsonLd({ ...place, url })) }} />}
      <nav aria-label="Fil d’Ariane" className="breadcrumb no-print">
        <a href={`/recherche?ou=${encodeURIComponent(place.commune)}`}>← Autres lieux autour {withDe(place.commune)}</a>
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
                  <a href={`/reseaux/${m.network.slug}`}>{m.network.name}</a>
                </span>
              ))}
            </>
          )}
        </p>
        {place.demo && (
          <div className="notice" data-testid="demo-place">
            <p>
              <strong>{DEMO_PLACE_NOTICE}</strong> : ce lieu, ses contacts et ses horaires sont inventés pour essayer Repères. Il
              n’apparaît ni dans les exports ni dans l’API.
            </p>
          </div>
        )}
        {place.summary && <p className="place-header__summary">{place.summary}</p>}
        {closure && (
          <div className="notice notice--warning place-closure" data-testid="temporary-closure">
            <p>
              <strong>{closure.title}</strong>
            </p>
            {closure.message && <p className="pre-line">{closure.message}</p>}
          </div>
        )}
        <ShareButtons url={url} title={place.name} />
        <span className="selection-button" data-selection-place="" data-id={place.id} data-slug={place.slug} data-name={place.name} />
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
          {hasPosition && place.locationApproximate && (
            <p className="notice place-approximate">
              <strong>Position approximative : centre de la commune.</strong> La source ne donnait pas l’emplacement exact du lieu : fiez-vous à l’adresse.
            </p>
          )}
          {hasPosition && (
            <>
              {!place.locationApproximate && (
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
              )}
              <div className="place-map no-print">
                <MapPanel
                  label="Carte du lieu (l’adresse est écrite ci-dessus)"
                  config={{
                    markers: [
                      { id: place.id, lat: place.latitude!, lng: place.longitude!, label: place.name, href: `/lieux/${place.slug}`, detail: place.locationApproximate ? `${address} (position approximative : centre de la commune)` : address },
                      ...place.stops.map((stop) => ({ id: stop.id, lat: stop.latitude, lng: stop.longitude, label: `${place.name} — arrêt ${stop.label}`, href: `/lieux/${place.slug}`, detail: stop.commune })),
                    ],
                    tileUrl: env().TILE_URL,
                    attribution: env().TILE_ATTRIBUTION,
                    center: { lat: place.latitude!, lng: place.longitude! },
                  }}
                />
              </div>
              <p className="muted no-print place-coordinates">
                Coordonnées GPS{place.locationApproximate ? ' (approximatives, centre de la commune)' : ''} : {place.latitude!.toFixed(5)}, {place.longitude!.toFixed(5)} ·{' '}
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
          <ReportForm action={`/lieux/${encodeURIComponent(place.slug)}#signalement`} state={report} />
        </section>
      </div>
    </article>
  );
}

function formatPhone(e164: string) {
  const national = e164.replace(/^\+33/, '0');
  return /^0\d{9}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, '$1 ').trim() : e164;
}

function decodeSlug(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
}

async function renderPlacePage(request: Request, url: URL, slug: string, nonce: string, report: SuggestionFormState): Promise<RenderedPage> {
  const now = placePageNow(request);
  const page = await resolvePlacePage(slug, now);
  const document = (title: string, description: string, body: ReactNode, extra: { robots?: string; canonical?: string; ogTitle?: string } = {}) =>
    renderDocument(
      <PublicDocument title={title} description={description} nonce={nonce} scripts={['site.js']} {...extra}>
        {body}
      </PublicDocument>,
    );
  switch (page.kind) {
    case 'redirect':
      return { status: 301, html: '', headers: { Location: `/lieux/${encodeURIComponent(page.slug)}${url.search}` } };
    case 'not-found': {
      const commune = page.commune ?? null;
      return { status: 404, html: document('Lieu introuvable', 'Ce lieu n’est pas (ou plus) dans l’annuaire.', <PlaceNotFound commune={commune} />, { robots: 'noindex' }) };
    }
    case 'gone':
      return { status: 410, html: document(`${page.name} (fermé définitivement)`, `${page.name} a fermé définitivement.`, <Gone name={page.name} commune={page.commune} />, { robots: 'noindex' }) };
    case 'closed': {
      const { place } = page;
      const alternatives = await nearbyPlaces(place);
      const body = <ClosedForGood name={place.name} commune={place.commune} closedAt={LONG_DATE.format(place.closedForGoodAt!)} alternatives={alternatives} />;
      return { status: 200, html: document(`${place.name} (fermé définitivement)`, `${place.name} a fermé définitivement : les lieux proches qui proposent une aide semblable.`, body, { robots: 'noindex' }) };
    }
    case 'published': {
      const { place } = page;
      const nearby = await nearbyPlaces(place);
      const description = place.summary ?? `${place.name}, ${place.street}, ${place.postcode} ${place.commune} : aide au numérique.`;
      const body = <PublishedPlace place={place} now={now} nearby={nearby} report={report} />;
      return { status: report.status === 'invalid' ? 422 : report.status === 'refused' ? 429 : 200, html: document(`${place.name} — ${place.commune}`, description, body, { canonical: `${publicUrl()}/lieux/${place.slug}`, ogTitle: place.name, ...(place.demo ? { robots: 'noindex' } : {}) }) };
    }
  }
}

async function answer(request: Request, rawSlug: string, report: (slug: string) => Promise<SuggestionFormState | Response>): Promise<Response> {
  const url = new URL(request.url);
  try {
    const slug = decodeSlug(rawSlug);
    const state = await report(slug);
    if (state instanceof Response) return state;
    return await servePage(request, async (nonce) => {
      const result = await renderPlacePage(request, url, slug, nonce, state);
      const cacheControl = result.status === 200 && state.status === 'idle' ? pageCacheControl({ method: 'GET', pathname: url.pathname, cookie: request.headers.get('cookie') }) : 'no-store';
      return { status: result.status, html: result.html, headers: { ...(cacheControl ? { 'Cache-Control': cacheControl } : {}), ...result.headers } };
    });
  } catch (error) {
    return unavailableResponse(request, url, error);
  }
}

/** GET: the page; after a report was sent (?signalement=envoye), the page with the thanks. */
export function placePageResponse(request: Request, rawSlug: string): Promise<Response> {
  return answer(request, rawSlug, async () => (new URL(request.url).searchParams.get('signalement') === 'envoye' ? { status: 'sent', message: SUGGESTION_SENT } : IDLE));
}

/** POST: "Signaler une erreur". Sent: back to the page (303) with the thanks; refused or invalid: the page again, what was typed kept. */
export function placeReportResponse(request: Request, rawSlug: string): Promise<Response> {
  return answer(request, rawSlug, async (slug) => {
    // A page elsewhere cannot post reports in a visitor's name.
    if (!sameOrigin(request)) return new Response('Demande refusée.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const form = await request.formData().catch(() => null);
    if (!form) return { status: 'invalid', message: 'Le formulaire est illisible : rechargez la page et réessayez.' };
    const place = await readDb.place.findUnique({ where: { slug }, select: { id: true } });
    if (!place) return new Response(null, { status: 303, headers: { Location: `/lieux/${encodeURIComponent(slug)}` } });
    // The rate limit is keyed on a hash of the address: no IP is kept in clear.
    const clientKey = createHash('sha256').update(clientIp(request.headers)).digest('hex').slice(0, 32);
    const state = await submitSuggestion(db, { placeId: place.id, part: form.get('part'), message: form.get('message'), email: form.get('email'), honeypot: form.get('site_web'), clientKey });
    if (state.status === 'sent') return new Response(null, { status: 303, headers: { Location: `/lieux/${encodeURIComponent(slug)}?signalement=envoye#signalement-envoye`, 'Cache-Control': 'no-store' } });
    return state;
  });
}
