// The network's agenda as another site embeds it (/embed?reseau=<slug>&vue=ateliers): the coming
// sessions of the network's places, a plain GET form for the dates (works without JavaScript),
// links opening in the top window. No selection button: a frame elsewhere has no access to it.
// In the language of its prefix (/en/embed?reseau=…&vue=ateliers), like the search embed.
import { PublicDocument } from '@/components/layout/PublicDocument';
import { translator, type Translator } from '@/lib/i18n';
import type { AgendaNetwork } from '@/lib/ateliers/agenda';
import type { When } from '@/lib/ateliers/filters';
import type { SessionRow } from '@/lib/ateliers/search';
import { WHEN_CHOICES } from './AteliersView';
import { SessionCard } from './SessionCard';

type Props = { network: AgendaNetwork | null; sessions: SessionRow[]; quand: When; limit: number; nonce: string; t?: Translator };

function WhenForm({ network, quand, t }: { network: AgendaNetwork; quand: When; t: Translator }) {
  const current = quand && quand.kind !== 'date' ? quand.kind : '';
  return (
    <form action={t.path('/embed')} method="get" className="filter-form" aria-label={t('embed.chooseDates')}>
      <input type="hidden" name="reseau" value={network.slug} />
      <input type="hidden" name="vue" value="ateliers" />
      <fieldset className="filter-group">
        <legend>{t('search.when')}</legend>
        {WHEN_CHOICES.map(([value, label]) => (
          <div className="checkbox" key={value || 'any'}>
            <input type="radio" id={`quand-${value || 'any'}`} name="quand" value={value} defaultChecked={current === value} />
            <label htmlFor={`quand-${value || 'any'}`}>{t(label)}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button button--primary">
        {t('embed.show')}
      </button>
    </form>
  );
}

export function EmbedAgenda({ network, sessions, quand, limit, nonce, t = translator() }: Props) {
  const title = network ? t('embed.agendaTitle', { name: network.name }) : t('network.notFoundTitle');
  const count = sessions.length;
  return (
    <PublicDocument title={title} description={t('embed.agendaDescription')} robots="noindex, follow" nonce={nonce} scripts={[]} chrome={false} t={t}>
      <div className="embed-root container" style={network?.color ? { borderTop: `4px solid ${network.color}` } : undefined}>
        <h1>{title}</h1>
        {!network ? (
          <p className="notice notice--warning">
            {t('embed.unknownNetwork')}{' '}
            <a href={t.path('/ateliers')} target="_top">
              {t('embed.allAteliers')}
            </a>
          </p>
        ) : (
          <>
            <WhenForm network={network} quand={quand} t={t} />
            <p className="results-count" role="status">
              {count === 0 ? t('embed.agendaNone') : count === limit ? t('embed.agendaNext', { count }) : t('embed.agendaCount', { count })}
            </p>
            <div className="result-list">
              {sessions.map((s) => (
                <SessionCard key={s.session_id} session={s} selection={false} linkTarget="_top" t={t} />
              ))}
            </div>
            <p>
              <a href={t.path(`/ateliers?reseau=${encodeURIComponent(network.slug)}`)} target="_top">
                {t('embed.networkAteliers')}
              </a>{' '}
              ·{' '}
              <a href={`/ateliers.ics?reseau=${encodeURIComponent(network.slug)}`} target="_top">
                {t('ateliers.subscribe')}
              </a>
            </p>
          </>
        )}
        <p className="embed-credit">
          {t('embed.agendaCreditBefore')}{' '}
          <a href={t.path('/')} target="_blank" rel="noopener">
            Repères
          </a>
          {t('embed.agendaCreditAfter')}
        </p>
      </div>
    </PublicDocument>
  );
}
