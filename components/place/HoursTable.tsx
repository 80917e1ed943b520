import type { HoursPresentation } from '@/lib/hours/present';
import { describeOpening } from '@/components/search/format';

export function HoursTable({ hours, now, timeZone }: { hours: HoursPresentation; now: Date; timeZone: string }) {
  if (!hours.known) {
    return (
      <div className="hours">
        <p className="badge badge--unknown">Horaires non communiqués</p>
        {hours.raw && <p className="hours__raw">Indication donnée par le lieu : « {hours.raw} »</p>}
        <p className="muted">Téléphonez avant de vous déplacer.</p>
      </div>
    );
  }
  const state = describeOpening(hours.state, now, timeZone);
  return (
    <div className="hours">
      <p className={`hours__state badge badge--${state.tone === 'unknown' ? 'unknown' : state.tone}`} data-testid="opening-state">
        {state.label}
      </p>
      <table className="hours__table">
        <caption className="visually-hidden">Horaires de la semaine</caption>
        <tbody>
          {hours.week.map((day) => (
            <tr key={day.day} className={day.isToday ? 'hours__today' : undefined} aria-current={day.isToday ? 'date' : undefined}>
              <th scope="row">
                {day.day}
                {day.isToday && <span className="visually-hidden"> (aujourd’hui)</span>}
              </th>
              <td>{day.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hours.closedOnHolidays && <p className="muted">Fermé les jours fériés.</p>}
    </div>
  );
}
