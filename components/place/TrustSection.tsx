// "Fiabilité de ces informations" on a published place's page: when it was confirmed, by whom,
// and how complete it is, in the visitor's language.
import { translator, type MessageKey, type Translator } from '@/lib/i18n';
import { listText } from '@/lib/i18n/words';
import type { PublicPlace } from '@/lib/places/page';
import { longDate } from './PlaceSections';

const ONE_YEAR = 365 * 24 * 3600 * 1000;

/**
 * Who verified the page, as the API says it (lib/export/standard.ts, same rule in SQL): the
 * recorded network, the place itself or Repères's team; when nothing was recorded (imports), the
 * place's first network by name. Never a person.
 */
export function verifiedBy(place: Pick<PublicPlace, 'confirmedBy' | 'confirmedByKind' | 'networks'>): { par: string | null; reseau: string | null } {
  if (place.confirmedByKind === 'lieu' || place.confirmedByKind === 'equipe') return { par: place.confirmedByKind, reseau: null };
  if (place.confirmedByKind === 'reseau' && place.confirmedBy) return { par: 'reseau', reseau: place.confirmedBy };
  const first = place.networks.map((m) => m.network.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0];
  return first ? { par: 'reseau', reseau: first } : { par: null, reseau: null };
}

/** How far to trust the page: when it was confirmed, by whom, and how complete it is. */
export function TrustSection({
  place,
  now,
  score,
  t = translator(),
}: {
  place: PublicPlace;
  now: Date;
  score: { score: number; missing: Array<{ field: string; label: string }> };
  t?: Translator;
}) {
  const stale = now.getTime() - place.dateMaj.getTime() > ONE_YEAR;
  const date = longDate(t, place.dateMaj);
  const who = verifiedBy(place);
  return (
    <section aria-labelledby="confiance" className="place-section place-section--wide trust">
      <h2 id="confiance">{t('place.trust')}</h2>
      <p>
        {who.par === 'lieu'
          ? t('place.verifiedByPlace', { date })
          : who.par === 'equipe'
            ? t('place.verifiedByTeam', { date })
            : who.reseau
              ? t('place.updatedBy', { date, who: who.reseau })
              : t('place.updated', { date })}
      </p>
      {stale && <p className="notice notice--warning">{t('place.stale')}</p>}
      {place.source && <p>{t('place.source', { source: place.source })}</p>}
      <p>
        {t('place.complete', { score: score.score })}
        {score.missing.length > 0 && (
          <span className="muted">
            {' — '}
            {t('place.missing', {
              list: listText(
                t,
                score.missing.map((m) => t(`missing.${m.field}` as MessageKey)),
              ),
            })}
          </span>
        )}
      </p>
    </section>
  );
}
