// /lieux/<slug>: the views of the place page, rendered to HTML on the server without Next.js's
// client runtime (see lib/render): everything a person needs to go there and to trust it, readable
// and printable without JavaScript; the public pages' script adds sharing, the selection and the
// map. These views take the page's data and return markup; the route (app/lieux/[slug]/route.ts)
// answers HTTP: the statuses (301 from an old slug, 404, 410 for a place closed for good over a
// year ago, 422/429 for a refused report), the origin check and the report form.
import { PlaceSessions } from '@/components/ateliers/PlaceSessions';
import type { SessionRow } from '@/lib/ateliers/search';
import type { ReactNode } from 'react';
import { FacileLink } from '@/components/facile/FacileLink';
import { PublicDocument } from '@/components/layout/PublicDocument';
import { publicUrl } from '@/lib/config/env';
import { presentHours } from '@/lib/hours/present';
import { temporaryClosure, type TemporaryClosure } from '@/lib/places/closure';
import { DEMO_PLACE_NOTICE } from '@/lib/places/demo';
import { completeness } from '@/lib/places/completeness';
import type { NearbyPlace, PlacePage, PublicPlace } from '@/lib/places/page';
import { placeJsonLd, safeJson } from '@/lib/places/structured-data';
import type { SuggestionFormState } from '@/lib/places/suggestion-parts';
import { renderDocument } from '@/lib/render/html';
import { typologyLabel } from '@/lib/standard/plain-words';
import { AccessSection, ContactSection, HoursSection, LONG_DATE, ServicesSection, TrustSection } from './PlaceSections';
import { ClosedForGood, Gone, NearbyList, PlaceNotFound } from './PlaceViews';
import { ReportForm } from './ReportForm';
import { ShareButtons } from './ShareButtons';
import { withDe } from '@/lib/geo/french';

/** The name, kinds and networks of the place, its notices (fictional, closed for a while), sharing. */
function PlaceHeader({ place, url, closure }: { place: PublicPlace; url: string; closure: TemporaryClosure | null }) {
  const itinerant = place.itinerance.includes('Itinerant');
  const types = [...new Set(place.typologies.map((t) => typologyLabel(t)))];
  return (
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
            <strong>{DEMO_PLACE_NOTICE}</strong> : ce lieu, ses contacts et ses horaires sont inventés pour essayer Repères. Il n’apparaît ni dans les exports
            ni dans l’API.
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
  );
}

function PublishedPlace({
  place,
  now,
  nearby,
  sessions,
  report,
}: {
  place: PublicPlace;
  now: Date;
  nearby: NearbyPlace[];
  sessions: SessionRow[];
  report: SuggestionFormState;
}) {
  const hours = presentHours(place.openingHours, place.timeZone, now);
  const closure = temporaryClosure(place, now, place.timeZone);
  const score = completeness(place);
  const url = `${publicUrl()}/lieux/${place.slug}`;

  return (
    <article className="container place-page">
      {/* A fictional place is no place for search engines to index. */}
      {!place.demo && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(placeJsonLd({ ...place, url })) }} />}
      <nav aria-label="Fil d’Ariane" className="breadcrumb no-print">
        <a href={`/recherche?ou=${encodeURIComponent(place.commune)}`}>← Autres lieux autour {withDe(place.commune)}</a>
      </nav>
      <FacileLink href={`/facile/lieux/${place.slug}`} />
      <PlaceHeader place={place} url={url} closure={closure} />

      <div className="place-grid">
        <HoursSection place={place} now={now} hours={hours} closure={closure} />

        <PlaceSessions sessions={sessions} placeSlug={place.slug} />

        <ContactSection place={place} />

        <ServicesSection place={place} />

        <AccessSection place={place} />

        {place.presentation && (
          <section aria-labelledby="presentation" className="place-section place-section--wide">
            <h2 id="presentation">Présentation</h2>
            {/* Plain text: React escapes any markup; line breaks are kept by CSS. */}
            <p className="pre-line">{place.presentation}</p>
          </section>
        )}

        <TrustSection place={place} now={now} score={score} />

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

/** Every page of /lieux/<slug> but the redirect, with what it needs to render. */
export type PlacePageView = Exclude<PlacePage, { kind: 'redirect' }>;

/**
 * The HTML document of a place page: the place, the page of a place closed for good (with
 * alternatives), the 410 page of one closed long ago, or "not found". `report` is the state of
 * the "Signaler une erreur" form (what was typed and why it was refused, or the thanks).
 */
export function placePageHtml(page: PlacePageView, { now, nonce, report }: { now: Date; nonce: string; report: SuggestionFormState }): string {
  const document = (title: string, description: string, body: ReactNode, extra: { robots?: string; canonical?: string; ogTitle?: string } = {}) =>
    renderDocument(
      <PublicDocument title={title} description={description} nonce={nonce} scripts={['site.js']} {...extra}>
        {body}
      </PublicDocument>,
    );
  switch (page.kind) {
    case 'not-found':
      return document('Lieu introuvable', 'Ce lieu n’est pas (ou plus) dans l’annuaire.', <PlaceNotFound commune={page.commune ?? null} />, {
        robots: 'noindex',
      });
    case 'gone':
      return document(`${page.name} (fermé définitivement)`, `${page.name} a fermé définitivement.`, <Gone name={page.name} commune={page.commune} />, {
        robots: 'noindex',
      });
    case 'closed': {
      const { place } = page;
      const body = <ClosedForGood name={place.name} commune={place.commune} closedAt={LONG_DATE.format(place.closedForGoodAt!)} alternatives={page.nearby} />;
      return document(
        `${place.name} (fermé définitivement)`,
        `${place.name} a fermé définitivement : les lieux proches qui proposent une aide semblable.`,
        body,
        { robots: 'noindex' },
      );
    }
    case 'published': {
      const { place } = page;
      const description = place.summary ?? `${place.name}, ${place.street}, ${place.postcode} ${place.commune} : aide au numérique.`;
      const body = <PublishedPlace place={place} now={now} nearby={page.nearby} sessions={page.sessions} report={report} />;
      return document(`${place.name} — ${place.commune}`, description, body, {
        canonical: `${publicUrl()}/lieux/${place.slug}`,
        ogTitle: place.name,
        ...(place.demo ? { robots: 'noindex' } : {}),
      });
    }
  }
}
