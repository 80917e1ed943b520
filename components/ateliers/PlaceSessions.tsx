// "Prochains ateliers" on a place's page: give it nextSessionsForPlace(place.id, now)
// (lib/ateliers/search.ts). Renders nothing when the place has no coming session.
import type { SessionRow } from '@/lib/ateliers/search';
import { SessionCard } from './SessionCard';

/** `lang` marks the section French on a page in another language (the ateliers are not translated yet). */
export function PlaceSessions({ sessions, placeSlug, lang }: { sessions: SessionRow[]; placeSlug: string; lang?: string }) {
  if (sessions.length === 0) return null;
  return (
    <section className="place-section" aria-labelledby="prochains-ateliers" lang={lang}>
      <h2 id="prochains-ateliers">Prochains ateliers</h2>
      <div className="result-list">
        {sessions.map((s) => (
          <SessionCard key={s.session_id} session={s} headingLevel={3} showPlace={false} />
        ))}
      </div>
      <p>
        <a href={`/ateliers?lieu=${encodeURIComponent(placeSlug)}`}>Tous les ateliers de ce lieu</a> ·{' '}
        <a href={`/ateliers.ics?lieu=${encodeURIComponent(placeSlug)}`}>S’abonner à l’agenda (iCalendar)</a>
      </p>
    </section>
  );
}
