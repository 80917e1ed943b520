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
import { completeness } from '@/lib/places/completeness';
import type { NearbyPlace, PlacePage, PublicPlace } from '@/lib/places/page';
import { placeJsonLd, safeJson } from '@/lib/places/structured-data';
import type { SuggestionFormState } from '@/lib/places/suggestion-parts';
import { renderDocument } from '@/lib/render/html';
import { translator, type Translator } from '@/lib/i18n';
import { placeName, typologyName } from '@/lib/i18n/words';
import { HoursSection } from './HoursSection';
import { AccessSection, ContactSection, frenchText, longDate, ServicesSection } from './PlaceSections';
import { TrustSection } from './TrustSection';
import { ClosedForGood, Gone, NearbyList, PlaceNotFound } from './PlaceViews';
import { ReportForm } from './ReportForm';
import { ShareButtons } from './ShareButtons';

/** The name, kinds and networks of the place, its notices (fictional, closed for a while), sharing. */
function PlaceHeader({ place, url, closure, t }: { place: PublicPlace; url: string; closure: TemporaryClosure | null; t: Translator }) {
  const itinerant = place.itinerance.includes('Itinerant');
  const types = [...new Set(place.typologies.map((code) => typologyName(t, code)))];
  const fr = frenchText(t);
  return (
    <header className="place-header">
      <h1 lang={fr}>{place.name}</h1>
      <p className="place-header__types">
        {types.join(' · ')}
        {itinerant && `${types.length ? ' · ' : ''}${t('place.itinerant')}`}
        {place.networks.length > 0 && (
          <>
            {` · ${t('place.network')} `}
            {place.networks.map((m, i) => (
              <span key={m.network.slug}>
                {i > 0 && t('list.separator')}
                <a href={t.path(`/reseaux/${m.network.slug}`)} lang={fr}>
                  {m.network.name}
                </a>
              </span>
            ))}
          </>
        )}
      </p>
      {place.demo && (
        <div className="notice" data-testid="demo-place">
          <p>
            <strong>{t('demo.notice')}</strong>
            {t('place.demoExplain')}
          </p>
        </div>
      )}
      {place.summary && (
        <p className="place-header__summary" lang={fr}>
          {place.summary}
        </p>
      )}
      {closure && (
        <div className="notice notice--warning place-closure" data-testid="temporary-closure">
          <p>
            <strong>{closure.title}</strong>
          </p>
          {closure.message && (
            <p className="pre-line" lang={fr}>
              {closure.message}
            </p>
          )}
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
  t,
}: {
  place: PublicPlace;
  now: Date;
  nearby: NearbyPlace[];
  sessions: SessionRow[];
  report: SuggestionFormState;
  t: Translator;
}) {
  const hours = presentHours(place.openingHours, place.timeZone, now, t.locale);
  const closure = temporaryClosure(place, now, place.timeZone, t.locale);
  const score = completeness(place);
  const url = `${publicUrl()}/lieux/${place.slug}`;

  return (
    <article className="container place-page">
      {/* A fictional place is no place for search engines to index. */}
      {!place.demo && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(placeJsonLd({ ...place, url })) }} />}
      <nav aria-label={t('place.breadcrumb')} className="breadcrumb no-print">
        <a href={t.path(`/recherche?ou=${encodeURIComponent(place.commune)}`)}>{t('place.otherAround', { place: placeName(t, place.commune) })}</a>
      </nav>
      {/* The easy-to-read version is in French: offered on the French page. */}
      {t.locale === 'fr' && <FacileLink href={`/facile/lieux/${place.slug}`} />}
      <PlaceHeader place={place} url={url} closure={closure} t={t} />

      <div className="place-grid">
        <HoursSection place={place} now={now} hours={hours} closure={closure} t={t} />

        <PlaceSessions sessions={sessions} placeSlug={place.slug} t={t} />

        <ContactSection place={place} t={t} />

        <ServicesSection place={place} t={t} />

        <AccessSection place={place} t={t} />

        {place.presentation && (
          <section aria-labelledby="presentation" className="place-section place-section--wide">
            <h2 id="presentation">{t('place.presentation')}</h2>
            {/* Plain text: React escapes any markup; line breaks are kept by CSS. */}
            <p className="pre-line" lang={frenchText(t)}>
              {place.presentation}
            </p>
          </section>
        )}

        <TrustSection place={place} now={now} score={score} t={t} />

        {nearby.length > 0 && (
          <section aria-labelledby="proches" className="place-section place-section--wide no-print">
            <h2 id="proches">{t('place.nearby')}</h2>
            <NearbyList places={nearby} t={t} />
          </section>
        )}

        <section aria-labelledby="signaler" className="place-section place-section--wide no-print" id="signalement">
          <h2 id="signaler">{t('place.report')}</h2>
          <p>{t('place.reportIntro')}</p>
          <ReportForm action={t.path(`/lieux/${encodeURIComponent(place.slug)}`) + '#signalement'} state={report} t={t} />
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
export function placePageHtml(
  page: PlacePageView,
  { now, nonce, report, t = translator(), path }: { now: Date; nonce: string; report: SuggestionFormState; t?: Translator; path?: string },
): string {
  const document = (title: string, description: string, body: ReactNode, extra: { robots?: string; canonical?: string; ogTitle?: string } = {}) =>
    renderDocument(
      <PublicDocument title={title} description={description} nonce={nonce} scripts={['site.js']} t={t} path={path} {...extra}>
        {body}
      </PublicDocument>,
    );
  switch (page.kind) {
    case 'not-found':
      return document(t('place.notFoundTitle'), t('place.notFoundDescription'), <PlaceNotFound commune={page.commune ?? null} t={t} />, {
        robots: 'noindex',
      });
    case 'gone':
      return document(
        t('place.goneTitle', { name: page.name }),
        t('place.goneDescription', { name: page.name }),
        <Gone name={page.name} commune={page.commune} t={t} />,
        {
          robots: 'noindex',
        },
      );
    case 'closed': {
      const { place } = page;
      const body = <ClosedForGood name={place.name} commune={place.commune} closedAt={longDate(t, place.closedForGoodAt!)} alternatives={page.nearby} t={t} />;
      return document(t('place.goneTitle', { name: place.name }), t('place.closedDescription', { name: place.name }), body, { robots: 'noindex' });
    }
    case 'published': {
      const { place } = page;
      const description = place.summary ?? t('place.description', { name: place.name, address: `${place.street}, ${place.postcode} ${place.commune}` });
      const body = <PublishedPlace place={place} now={now} nearby={page.nearby} sessions={page.sessions} report={report} t={t} />;
      return document(`${place.name} — ${place.commune}`, description, body, {
        canonical: `${publicUrl()}${t.path(`/lieux/${place.slug}`)}`,
        ogTitle: place.name,
        ...(place.demo ? { robots: 'noindex' } : {}),
      });
    }
  }
}
