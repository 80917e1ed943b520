// The search's ateliers: the « Ateliers à venir » checkbox of the filter form (a plain GET field:
// works without JavaScript) and the « Prochain atelier » line of a result card. Plain markup,
// rendered by lib/render and by App Router pages alike.
import type { NextAtelier } from '@/lib/search/ateliers';

export function AteliersFilter({ checked, count }: { checked: boolean; count?: number }) {
  return (
    <fieldset className="filter-group">
      <legend>Ateliers</legend>
      <div className="checkbox">
        <input type="checkbox" id="ateliers-1" name="ateliers" value="1" defaultChecked={checked} />
        <label htmlFor="ateliers-1">
          Ateliers à venir
          {count !== undefined && <span className="muted"> ({count})</span>}
          <span className="hint"> — un atelier dans les 30 prochains jours</span>
        </label>
      </div>
    </fieldset>
  );
}

const formats = new Map<string, Intl.DateTimeFormat[]>();

/** « mardi 9 déc. à 14 h », « jeudi 11 déc. à 9 h 30 », in the atelier's own time zone. */
export function shortWhen(date: Date, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) {
    f = [
      new Intl.DateTimeFormat('fr-FR', { timeZone, weekday: 'long', day: 'numeric', month: 'short' }),
      new Intl.DateTimeFormat('fr-FR', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }),
    ];
    formats.set(timeZone, f);
  }
  const [hours, minutes] = f[1].format(date).split(':');
  const local = timeZone === 'Europe/Paris' ? '' : ' (heure locale)';
  return `${f[0].format(date)} à ${Number(hours)} h${minutes === '00' ? '' : ` ${minutes}`}${local}`;
}

export function NextAtelierLine({ atelier, linkTarget }: { atelier: NextAtelier; linkTarget?: '_top' }) {
  return (
    <p className="result-card__atelier" data-testid="next-atelier">
      Prochain atelier : <time dateTime={atelier.startsAt.toISOString()}>{shortWhen(atelier.startsAt, atelier.timeZone)}</time> —{' '}
      <a href={`/ateliers/${atelier.slug}`} target={linkTarget}>
        {atelier.title}
      </a>
      {atelier.online ? ' (en ligne)' : ''}
    </p>
  );
}
