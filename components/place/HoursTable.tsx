import { localDate, type HoursPresentation } from '@/lib/hours/present';
import { translator, type Translator } from '@/lib/i18n';
import type { TemporaryClosure } from '@/lib/places/closure';

/** The week's hours in plain words (hours and closure built in the same language as `t`), today highlighted; the current state first. */
export function HoursTable({ hours, closure, t = translator() }: { hours: HoursPresentation; closure?: TemporaryClosure | null; t?: Translator }) {
  const closedNow = closure?.active ?? false;
  if (!hours.known) {
    return (
      <div className="hours">
        <p className={`hours__state badge ${closedNow ? 'badge--closed' : 'badge--unknown'}`} data-testid="opening-state">
          {closedNow ? closure!.title : hours.label}
        </p>
        {hours.raw && <p className="hours__raw">{t('hours.raw', { raw: hours.raw })}</p>}
        <p className="muted">{t('hours.callFirst')}</p>
      </div>
    );
  }
  return (
    <div className="hours">
      <p className={`hours__state badge badge--${closedNow ? 'closed' : hours.tone}`} data-testid="opening-state">
        {closedNow ? closure!.title : hours.label}
      </p>
      {closedNow && closure!.reopening && <p>{t('hours.usual', { reopening: closure!.reopening })}</p>}
      <table className="hours__table">
        <caption className="visually-hidden">{t(closedNow ? 'hours.captionClosure' : 'hours.caption')}</caption>
        <tbody>
          {hours.week.map((day) => (
            <tr key={day.day} className={day.isToday ? 'hours__today' : undefined} aria-current={day.isToday ? 'date' : undefined}>
              <th scope="row">
                {day.day}
                {day.isToday && <span className="place-today-mark"> {t('hours.today')}</span>}
              </th>
              <td>{day.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hours.closedOnHolidays && <p className="muted">{t('hours.closedOnHolidays')}</p>}
      {hours.specialDays.length > 0 && (
        <div className="print-hide">
          <h3 className="place-special-title">{t('hours.specialTitle')}</h3>
          <ul className="place-special">
            {hours.specialDays.map((day) => (
              <li key={day.date}>
                {/* The heading already says these are holidays: say it once per line. */}
                {localDate(day.date, t.locale)} : {day.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
