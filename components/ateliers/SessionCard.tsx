// One session in a list (/ateliers, a place's page, the network agenda): what, when, where, cost,
// seats left. Plain markup: rendered by lib/render without client runtime, and on App Router pages
// alike. In the language of `t`; the atelier's and the place's own words stay French, marked so.
import { seatsText, sessionWhen, themePlain } from '@/lib/ateliers/format';
import type { SessionRow } from '@/lib/ateliers/search';
import { translator, type Translator } from '@/lib/i18n';
import { SessionSelectionSlot } from './SessionSelectionSlot';

type Props = {
  session: SessionRow;
  headingLevel?: 2 | 3;
  showPlace?: boolean;
  /** "Ajouter à ma sélection" (not in the embed: its frame has no access to the selection). */
  selection?: boolean;
  /** Where links open (the embed opens them in the top window). */
  linkTarget?: '_top';
  t?: Translator;
};

function distanceText(metres: number, t: Translator) {
  return metres < 1000 ? t('ateliers.distanceUnder1') : t('card.distanceKm', { km: Math.round(metres / 1000) });
}

export function SessionCard({ session: s, headingLevel = 2, showPlace = true, selection = true, linkTarget, t = translator() }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const when = sessionWhen(s.starts_at, s.ends_at, s.time_zone, t);
  const fr = t.locale === 'fr' ? undefined : 'fr';
  return (
    <article className="result-card atelier-card" data-session-id={s.session_id}>
      <Heading className="result-card__title">
        <a href={t.path(`/ateliers/${s.slug}`)} target={linkTarget}>
          {s.cancelled && `${t('ateliers.cancelledPrefix')} `}
          <span lang={fr}>{s.title}</span>
        </a>
      </Heading>
      <p className="result-card__meta">
        <strong>
          <time dateTime={s.starts_at.toISOString()}>{when}</time>
        </strong>
      </p>
      {showPlace && (
        <p className="result-card__address">
          {s.online ? (
            t('ateliers.online')
          ) : (
            <>
              <span lang={fr}>{s.place_name}</span>
              {s.stop_label && ` (${t('ateliers.stop', { stop: s.stop_label })})`}, <span lang={fr}>{s.commune}</span>
            </>
          )}
          {s.distance !== null && ` · ${distanceText(s.distance, t)}`}
        </p>
      )}
      <p lang={fr}>{s.summary}</p>
      <p className="result-card__badges">
        {s.cancelled && <span className="badge badge--closed">{t('ateliers.sessionCancelled')}</span>}
        {s.fee === 'Gratuit' && <span className="badge badge--free">{t('card.free')}</span>}
        {s.online && <span className="badge badge--unknown">{t('ateliers.online')}</span>}
        {!s.cancelled && s.seats_left !== null && (
          <span className={`badge ${s.seats_left > 0 ? 'badge--open' : 'badge--closed'}`}>{seatsText(s.seats_left, t)}</span>
        )}
        {s.themes.slice(0, 2).map((theme) => (
          <span key={theme} className="badge badge--unknown">
            {themePlain(theme, t)}
          </span>
        ))}
      </p>
      {s.demo && showPlace && <p className="notice result-card__closure">{t('demo.notice')}</p>}
      {selection && !s.cancelled && (
        <div className="result-card__actions">
          <SessionSelectionSlot session={{ id: s.session_id, slug: s.slug, title: s.title, place: s.place_name, startsAt: s.starts_at, when }} />
        </div>
      )}
    </article>
  );
}
