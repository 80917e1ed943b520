import { frenchDate, type HoursPresentation } from '@/lib/hours/present';
import type { TemporaryClosure } from '@/lib/places/closure';

/** The week's hours in plain French, today highlighted; the current state first. */
export function HoursTable({ hours, closure }: { hours: HoursPresentation; closure?: TemporaryClosure | null }) {
  const closedNow = closure?.active ?? false;
  if (!hours.known) {
    return (
      <div className="hours">
        <p className={`hours__state badge ${closedNow ? 'badge--closed' : 'badge--unknown'}`} data-testid="opening-state">
          {closedNow ? closure!.title : hours.label}
        </p>
        {hours.raw && <p className="hours__raw">Indication donnée par le lieu : « {hours.raw} »</p>}
        <p className="muted">Téléphonez avant de vous déplacer.</p>
      </div>
    );
  }
  return (
    <div className="hours">
      <p className={`hours__state badge badge--${closedNow ? 'closed' : hours.tone}`} data-testid="opening-state">
        {closedNow ? closure!.title : hours.label}
      </p>
      {closedNow && closure!.reopening && <p>{closure!.reopening}. Horaires habituels :</p>}
      <table className="hours__table">
        <caption className="visually-hidden">Horaires de la semaine{closedNow ? ' (habituels, hors fermeture temporaire)' : ''}</caption>
        <tbody>
          {hours.week.map((day) => (
            <tr key={day.day} className={day.isToday ? 'hours__today' : undefined} aria-current={day.isToday ? 'date' : undefined}>
              <th scope="row">
                {day.day}
                {day.isToday && <span className="place-today-mark"> (aujourd’hui)</span>}
              </th>
              <td>{day.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hours.closedOnHolidays && <p className="muted">Fermé les jours fériés.</p>}
      {hours.specialDays.length > 0 && (
        <div className="print-hide">
          <h3 className="place-special-title">Jours fériés à venir</h3>
          <ul className="place-special">
            {hours.specialDays.map((day) => (
              <li key={day.date}>
                {/* The heading already says these are holidays: say it once per line. */}
                {frenchDate(day.date)} : {day.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
