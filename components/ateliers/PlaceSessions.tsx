// "Prochains ateliers" on a place's page: give it nextSessionsForPlace(place.id, now)
// (lib/ateliers/search.ts). Renders nothing when the place has no coming session. In the language of `t`.
import type { SessionRow } from '@/lib/ateliers/search';
import { translator, type Translator } from '@/lib/i18n';
import { SessionCard } from './SessionCard';

export function PlaceSessions({ sessions, placeSlug, t = translator() }: { sessions: SessionRow[]; placeSlug: string; t?: Translator }) {
  if (sessions.length === 0) return null;
  return (
    <section className="place-section" aria-labelledby="prochains-ateliers">
      <h2 id="prochains-ateliers">{t('ateliers.placeHeading')}</h2>
      <div className="result-list">
        {sessions.map((s) => (
          <SessionCard key={s.session_id} session={s} headingLevel={3} showPlace={false} t={t} />
        ))}
      </div>
      <p>
        <a href={t.path(`/ateliers?lieu=${encodeURIComponent(placeSlug)}`)}>{t('ateliers.placeAll')}</a> ·{' '}
        <a href={`/ateliers.ics?lieu=${encodeURIComponent(placeSlug)}`}>{t('ateliers.subscribe')}</a>
      </p>
    </section>
  );
}
