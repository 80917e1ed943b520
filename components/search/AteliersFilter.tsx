// The search's ateliers: the « Ateliers à venir » checkbox of the filter form (a plain GET field:
// works without JavaScript) and the « Prochain atelier » line of a result card. Plain markup,
// rendered by lib/render and by App Router pages alike, in the language of `t` (the atelier's title stays French).
import { translator, type Translator } from '@/lib/i18n';
import type { NextAtelier } from '@/lib/search/ateliers';

export function AteliersFilter({ checked, count, t = translator() }: { checked: boolean; count?: number; t?: Translator }) {
  return (
    <fieldset className="filter-group">
      <legend>{t('nav.ateliers')}</legend>
      <div className="checkbox">
        <input type="checkbox" id="ateliers-1" name="ateliers" value="1" defaultChecked={checked} />
        <label htmlFor="ateliers-1">
          {t('ateliers.filterComing')}
          {count !== undefined && <span className="muted"> ({count})</span>}
          <span className="hint"> — {t('ateliers.filterHint')}</span>
        </label>
      </div>
    </fieldset>
  );
}

const formats = new Map<string, Intl.DateTimeFormat[]>();

/** « mardi 9 déc. à 14 h », « jeudi 11 déc. à 9 h 30 », in the atelier's own time zone (« Tuesday 9 Dec, 14:00 » in English). */
export function shortWhen(date: Date, timeZone: string, t: Translator = translator()): string {
  const key = `${t.intl}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = [
      new Intl.DateTimeFormat(t.intl, { timeZone, weekday: 'long', day: 'numeric', month: 'short' }),
      new Intl.DateTimeFormat(t.intl, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    ];
    formats.set(key, f);
  }
  const local = timeZone === 'Europe/Paris' ? '' : ` ${t('ateliers.localTimeShort')}`;
  if (t.locale !== 'fr') return `${t('ateliers.shortWhen', { day: f[0].format(date), time: f[1].format(date) })}${local}`;
  const [hours, minutes] = f[1].format(date).split(':');
  return `${f[0].format(date)} à ${Number(hours)} h${minutes === '00' ? '' : ` ${minutes}`}${local}`;
}

export function NextAtelierLine({ atelier, linkTarget, t = translator() }: { atelier: NextAtelier; linkTarget?: '_top'; t?: Translator }) {
  return (
    <p className="result-card__atelier" data-testid="next-atelier">
      {t('ateliers.next')} <time dateTime={atelier.startsAt.toISOString()}>{shortWhen(atelier.startsAt, atelier.timeZone, t)}</time> —{' '}
      <a href={t.path(`/ateliers/${atelier.slug}`)} target={linkTarget} lang={t.locale === 'fr' ? undefined : 'fr'}>
        {atelier.title}
      </a>
      {atelier.online ? ` ${t('ateliers.onlineParen')}` : ''}
    </p>
  );
}
