'use client';
// The atelier sessions of the selection (issue #19), on the selection page: each with its date,
// a note for the person and a way to remove it; and how many no longer take place.
import type { FicheSession } from '@/lib/orientation/sessions';
import { setSessionSelection, type SelectedSession } from './selection-store';
import type { Words } from './words';

export function SelectedSessions({
  sessions,
  details,
  detailsLoaded,
  t,
}: {
  sessions: SelectedSession[];
  details: FicheSession[];
  detailsLoaded: boolean;
  t: Words;
}) {
  if (sessions.length === 0) return null;
  const gone = sessions.filter((s) => !details.some((d) => d.id === s.id)).length;
  return (
    <section aria-labelledby="ateliers-choisis" className="no-print">
      <h2 id="ateliers-choisis">{t('orient.sheet.sessions', { count: sessions.length })}</h2>
      <ol className="selection-list">
        {sessions.map((s) => (
          <li key={s.id} className="selection-item" data-testid="selection-session">
            <div className="selection-item__head">
              <h3>
                <a href={t.path(`/ateliers/${s.slug}`)} lang="fr">
                  {s.title}
                </a>
              </h3>
              <span className="admin-actions">
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => setSessionSelection(sessions.filter((x) => x.id !== s.id))}
                >
                  {t('orient.sheet.remove')}
                  <span className="visually-hidden" lang="fr">
                    {' '}
                    {s.title}
                  </span>
                </button>
              </span>
            </div>
            <p>
              {details.find((d) => d.id === s.id)?.when ?? new Date(s.startsAt).toLocaleString(t.locale, { dateStyle: 'full', timeStyle: 'short' })} —{' '}
              <span lang="fr">{s.place}</span>
            </p>
            <div className="field">
              <label htmlFor={`note-seance-${s.id}`}>{t('orient.sheet.note')}</label>
              <textarea
                id={`note-seance-${s.id}`}
                maxLength={300}
                rows={2}
                value={s.note}
                onChange={(e) => setSessionSelection(sessions.map((x) => (x.id === s.id ? { ...x, note: e.target.value } : x)))}
              />
            </div>
          </li>
        ))}
      </ol>
      {gone > 0 && detailsLoaded && <p className="notice notice--warning">{t('orient.sheet.sessionsGone', { count: gone })}</p>}
    </section>
  );
}
