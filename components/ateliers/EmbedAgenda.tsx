// The network's agenda as another site embeds it (/embed?reseau=<slug>&vue=ateliers): the coming
// sessions of the network's places, a plain GET form for the dates (works without JavaScript),
// links opening in the top window. No selection button: a frame elsewhere has no access to it.
import { PublicDocument } from '@/components/layout/PublicDocument';
import type { AgendaNetwork } from '@/lib/ateliers/agenda';
import type { When } from '@/lib/ateliers/filters';
import type { SessionRow } from '@/lib/ateliers/search';
import { SessionCard } from './SessionCard';

const WHEN: Array<[string, string]> = [
  ['', 'Toutes les dates'],
  ['semaine', 'Cette semaine'],
  ['weekend', 'Ce week-end'],
];

type Props = { network: AgendaNetwork | null; sessions: SessionRow[]; quand: When; limit: number; nonce: string };

function WhenForm({ network, quand }: { network: AgendaNetwork; quand: When }) {
  const current = quand && quand.kind !== 'date' ? quand.kind : '';
  return (
    <form action="/embed" method="get" className="filter-form" aria-label="Choisir les dates">
      <input type="hidden" name="reseau" value={network.slug} />
      <input type="hidden" name="vue" value="ateliers" />
      <fieldset className="filter-group">
        <legend>Quand ?</legend>
        {WHEN.map(([value, label]) => (
          <div className="checkbox" key={value || 'any'}>
            <input type="radio" id={`quand-${value || 'any'}`} name="quand" value={value} defaultChecked={current === value} />
            <label htmlFor={`quand-${value || 'any'}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button button--primary">
        Afficher
      </button>
    </form>
  );
}

export function EmbedAgenda({ network, sessions, quand, limit, nonce }: Props) {
  const title = network ? `Les ateliers du réseau ${network.name}` : 'Réseau introuvable';
  return (
    <PublicDocument
      title={title}
      description="Les prochains ateliers numériques d’un réseau."
      robots="noindex, follow"
      nonce={nonce}
      scripts={[]}
      chrome={false}
    >
      <div className="embed-root container" style={network?.color ? { borderTop: `4px solid ${network.color}` } : undefined}>
        <h1>{title}</h1>
        {!network ? (
          <p className="notice notice--warning">
            Ce réseau n’existe pas sur Repères : vérifiez le paramètre « reseau » de l’adresse.{' '}
            <a href="/ateliers" target="_top">
              Voir tous les ateliers
            </a>
          </p>
        ) : (
          <>
            <WhenForm network={network} quand={quand} />
            <p className="results-count" role="status">
              {sessions.length === 0
                ? 'Aucune séance à venir pour ces dates.'
                : `${sessions.length}${sessions.length === limit ? ' prochaines' : ''} séance${sessions.length > 1 ? 's' : ''} à venir`}
            </p>
            <div className="result-list">
              {sessions.map((s) => (
                <SessionCard key={s.session_id} session={s} selection={false} linkTarget="_top" />
              ))}
            </div>
            <p>
              <a href={`/ateliers?reseau=${encodeURIComponent(network.slug)}`} target="_top">
                Tous les ateliers du réseau
              </a>{' '}
              ·{' '}
              <a href={`/ateliers.ics?reseau=${encodeURIComponent(network.slug)}`} target="_top">
                S’abonner à l’agenda (iCalendar)
              </a>
            </p>
          </>
        )}
        <p className="embed-credit">
          Agenda fourni par{' '}
          <a href="/" target="_blank" rel="noopener">
            Repères
          </a>
          , l’annuaire ouvert des lieux d’aide au numérique.
        </p>
      </div>
    </PublicDocument>
  );
}
