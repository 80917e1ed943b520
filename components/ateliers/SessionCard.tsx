// One session in a list (/ateliers, a place's page): what, when, where, cost, seats left.
// Plain markup: rendered by lib/render without client runtime, and on App Router pages alike.
import { seatsText, sessionWhen, themePlain } from '@/lib/ateliers/format';
import type { SessionRow } from '@/lib/ateliers/search';
import { DEMO_PLACE_NOTICE } from '@/lib/places/demo';
import { SessionSelectionSlot } from './SessionSelectionSlot';

type Props = {
  session: SessionRow;
  headingLevel?: 2 | 3;
  showPlace?: boolean;
  /** "Ajouter à ma sélection" (not in the embed: its frame has no access to the selection). */
  selection?: boolean;
  /** Where links open (the embed opens them in the top window). */
  linkTarget?: '_top';
};

export function SessionCard({ session: s, headingLevel = 2, showPlace = true, selection = true, linkTarget }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const when = sessionWhen(s.starts_at, s.ends_at, s.time_zone);
  return (
    <article className="result-card atelier-card" data-session-id={s.session_id}>
      <Heading className="result-card__title">
        <a href={`/ateliers/${s.slug}`} target={linkTarget}>
          {s.cancelled ? `Annulé : ${s.title}` : s.title}
        </a>
      </Heading>
      <p className="result-card__meta">
        <strong>
          <time dateTime={s.starts_at.toISOString()}>{when}</time>
        </strong>
      </p>
      {showPlace && (
        <p className="result-card__address">
          {s.online ? 'En ligne' : `${s.place_name}${s.stop_label ? ` (arrêt ${s.stop_label})` : ''}, ${s.commune}`}
          {s.distance !== null && ` · à ${s.distance < 1000 ? 'moins de 1' : Math.round(s.distance / 1000)} km`}
        </p>
      )}
      <p>{s.summary}</p>
      <p className="result-card__badges">
        {s.cancelled && <span className="badge badge--closed">Séance annulée</span>}
        {s.fee === 'Gratuit' && <span className="badge badge--free">Gratuit</span>}
        {s.online && <span className="badge badge--unknown">En ligne</span>}
        {!s.cancelled && s.seats_left !== null && (
          <span className={`badge ${s.seats_left > 0 ? 'badge--open' : 'badge--closed'}`}>{seatsText(s.seats_left)}</span>
        )}
        {s.themes.slice(0, 2).map((t) => (
          <span key={t} className="badge badge--unknown">
            {themePlain(t)}
          </span>
        ))}
      </p>
      {s.demo && showPlace && <p className="notice result-card__closure">{DEMO_PLACE_NOTICE}</p>}
      {selection && !s.cancelled && (
        <div className="result-card__actions">
          <SessionSelectionSlot session={{ id: s.session_id, slug: s.slug, title: s.title, place: s.place_name, startsAt: s.starts_at, when }} />
        </div>
      )}
    </article>
  );
}
