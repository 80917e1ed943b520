// The week of ateliers in the back-office: every session of the week among the places the user
// may manage, narrowed to one place or one network, with the previous and next weeks a link away.
import Link from 'next/link';
import { sessionTime } from '@/lib/ateliers/format';
import { ateliersWeek, readWeekFilter, WEEK_LIMIT } from '@/lib/ateliers/week';
import { requireUser } from '@/lib/auth/session';

export const metadata = { title: 'Semaine des ateliers' };

type Props = { searchParams: Promise<{ semaine?: string; lieu?: string; reseau?: string }> };

const dayTitle = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${iso}T00:00:00Z`));

export default async function AteliersWeekPage({ searchParams }: Props) {
  const params = await searchParams;
  const user = await requireUser('/admin/ateliers');
  const filter = readWeekFilter(params);
  const week = await ateliersWeek(user, filter, params.semaine);
  const link = (semaine: string) => {
    const query = new URLSearchParams({ semaine });
    if (filter.placeId) query.set('lieu', filter.placeId);
    if (filter.networkId) query.set('reseau', filter.networkId);
    return `/admin/ateliers?${query}`;
  };
  const count = week.days.reduce((n, d) => n + d.sessions.length, 0);
  return (
    <>
      <h1>Semaine des ateliers — du {dayTitle(week.monday)}</h1>
      <form method="get" action="/admin/ateliers" className="admin-filters">
        <input type="hidden" name="semaine" value={week.monday} />
        <div className="field">
          <label htmlFor="lieu">Lieu</label>
          <select id="lieu" name="lieu" defaultValue={filter.placeId ?? ''}>
            <option value="">Tous mes lieux</option>
            {week.places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {week.networks.length > 0 && (
          <div className="field">
            <label htmlFor="reseau">Réseau</label>
            <select id="reseau" name="reseau" defaultValue={filter.networkId ?? ''}>
              <option value="">Tous</option>
              {week.networks.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="button">
          Afficher
        </button>
      </form>
      <nav aria-label="Semaines">
        <Link href={link(week.previous)}>← Semaine précédente</Link> · <Link href={link(week.next)}>Semaine suivante →</Link>
      </nav>
      <p role="status">
        {count === 0 ? 'Aucune séance cette semaine.' : `${count} séance${count > 1 ? 's' : ''} cette semaine.`}
        {week.truncated && ` Seules les ${WEEK_LIMIT} premières sont affichées : choisissez un lieu ou un réseau.`}
      </p>
      {week.days.map((day) => (
        <section key={day.date} aria-labelledby={`jour-${day.date}`}>
          <h2 id={`jour-${day.date}`}>{dayTitle(day.date)}</h2>
          <DaySessions sessions={day.sessions} />
        </section>
      ))}
    </>
  );
}

type WeekData = Awaited<ReturnType<typeof ateliersWeek>>;

function DaySessions({ sessions }: { sessions: WeekData['days'][number]['sessions'] }) {
  return sessions.length === 0 ? (
    <p className="muted">Pas de séance.</p>
  ) : (
    <ul className="plain-list">
      {sessions.map((s) => (
        <li key={s.id}>
          <strong>
            {sessionTime(s.startsAt, s.atelier.timeZone)} – {sessionTime(s.endsAt, s.atelier.timeZone)}
          </strong>{' '}
          <a href={`/ateliers/${s.atelier.slug}`}>{s.atelier.title}</a> —{' '}
          <Link href={`/admin/lieux/${s.atelier.place.id}/ateliers`}>{s.atelier.place.name}</Link>
          {s.capacity !== null && ` · ${s.seatsTaken}/${s.capacity} inscrits`}
          {(s.cancelledAt || s.atelier.cancelledAt) && <strong> · annulée</strong>}
          {s.atelier.registrationMode === 'REPERES' && (
            <>
              {' · '}
              <Link href={`/admin/ateliers/${s.atelier.id}/inscriptions`}>Inscriptions</Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
