// "Fiabilité de ces informations" on a published place's page: when it was confirmed, by whom,
// and how complete it is, in the visitor's language.
import { translator, type MessageKey, type Translator } from '@/lib/i18n';
import { listText } from '@/lib/i18n/words';
import type { PublicPlace } from '@/lib/places/page';
import { longDate } from './PlaceSections';

const ONE_YEAR = 365 * 24 * 3600 * 1000;

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
  const confirmedBy = place.confirmedBy ?? place.networks[0]?.network.name ?? null;
  return (
    <section aria-labelledby="confiance" className="place-section place-section--wide trust">
      <h2 id="confiance">{t('place.trust')}</h2>
      <p>
        {confirmedBy ? t('place.updatedBy', { date: longDate(t, place.dateMaj), who: confirmedBy }) : t('place.updated', { date: longDate(t, place.dateMaj) })}
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
