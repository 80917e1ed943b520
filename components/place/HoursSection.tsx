// The hours of a published place's page, and for a bus, where to find it and when
// (components/place/PlacePage.tsx): markup only, in the visitor's language.
import { whenText, presentHours, shownRaw, type HoursPresentation } from '@/lib/hours/present';
import { translator, type Translator } from '@/lib/i18n';
import type { TemporaryClosure } from '@/lib/places/closure';
import type { PublicPlace } from '@/lib/places/page';
import { HoursTable } from './HoursTable';

/** "17 h" (today), "demain à 9 h": when the bus leaves (French, without today's leading "à"); the time alone in other languages. */
function busUntil(at: Date, now: Date, timeZone: string, t: Translator): string {
  if (t.locale !== 'fr') return new Intl.DateTimeFormat(t.intl, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
  return whenText(at, now, timeZone).replace(/^à /, '');
}

/** The hours, and for a bus, where to find it and when. */
export function HoursSection({
  place,
  now,
  hours,
  closure,
  t = translator(),
}: {
  place: PublicPlace;
  now: Date;
  hours: HoursPresentation;
  closure: TemporaryClosure | null;
  t?: Translator;
}) {
  const itinerant = place.itinerance.includes('Itinerant');
  return (
    <section aria-labelledby="horaires" className="place-section place-section--hours">
      <h2 id="horaires">{t('place.hours')}</h2>
      <HoursTable hours={hours} closure={closure} t={t} />
      {itinerant && place.stops.length > 0 && (
        <>
          <h3>{t('place.busWhere')}</h3>
          <ul className="stops">
            {place.stops.map((stop) => {
              const stopHours = presentHours(stop.openingHours, place.timeZone, now, t.locale);
              const closedWords = [t('hours.closed'), t('hours.closedHoliday')];
              const days = stopHours.known ? stopHours.week.filter((d) => !closedWords.includes(d.text)).map((d) => `${d.day} ${d.text}`) : [];
              const where = [
                stop.label,
                stop.label.includes(stop.commune) ? null : stop.commune,
                stop.street && !stop.label.includes(stop.street) ? stop.street : null,
              ]
                .filter(Boolean)
                .join(', ');
              const next = stopHours.known ? stopHours.state : null;
              return (
                <li key={stop.id}>
                  <strong lang={t.locale === 'fr' ? undefined : 'fr'}>{where}</strong>
                  <br />
                  {days.length > 0
                    ? days.join(t.locale === 'fr' ? ' ; ' : t('list.separator'))
                    : stopHours.known
                      ? t('place.busNone')
                      : shownRaw(stop.openingHours)
                        ? t('place.busUnknownRaw', { raw: shownRaw(stop.openingHours)! })
                        : t('hours.unknown')}
                  {next?.status === 'open' && next.nextChange && ' '}
                  {next?.status === 'open' && next.nextChange && (
                    <span className="badge badge--open">{t('place.busHere', { time: busUntil(next.nextChange, now, place.timeZone, t) })}</span>
                  )}
                  {next?.status === 'closed' && next.nextChange && !closure?.active && (
                    <span className="muted"> — {t('place.busNext', { when: whenText(next.nextChange, now, place.timeZone, t.locale) })}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
