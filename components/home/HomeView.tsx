// The home page: the search form, the home département's places by commune, and every
// département with a published place. Plain markup (rendered by lib/render, app/route.ts), in the
// visitor's language (`t`); the places' names stay French, marked so.
import { FacileLink } from '@/components/facile/FacileLink';
import { Directory, type DirectoryGroup } from '@/components/search/Directory';
import { departementByCode } from '@/lib/geo/departements';
import { translator, type Translator } from '@/lib/i18n';
import { listLabel } from '@/lib/i18n/words';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';

type Props = {
  home: { code: string; name: string } | undefined;
  groups: DirectoryGroup[];
  total: number;
  departements: Array<{ code: string; count: number }>;
  t?: Translator;
};

export function HomeView({ home, groups, total, departements, t = translator() }: Props) {
  // The département pages are French: their links say so.
  const frenchLink = t.locale === 'fr' ? undefined : 'fr';
  return (
    <>
      <section className="hero">
        <div className="container">
          <h1>{t('home.heading')}</h1>
          <p className="hero__lead">{t('home.lead', { count: total })}</p>
          {t.locale === 'fr' && <FacileLink href="/facile" />}
          <form action={t.path('/recherche')} method="get" className="search-form" role="search">
            <div className="field">
              <label htmlFor="ou">{t('home.where')}</label>
              <input id="ou" name="ou" type="text" autoComplete="address-level2" placeholder={t('home.wherePlaceholder')} required />
            </div>
            <div className="field">
              <label htmlFor="besoin">{t('home.need')}</label>
              <select id="besoin" name="besoin" defaultValue="">
                <option value="">{t('home.anyNeed')}</option>
                {Object.keys(SERVICE_PLAIN).map((key) => (
                  <option key={key} value={key}>
                    {listLabel(t, 'service', key)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--primary">
              {t('search.submit')}
            </button>
          </form>
        </div>
      </section>

      <section className="container" aria-labelledby="annuaire-titre">
        <h2 id="annuaire-titre">{home ? t('home.directoryIn', { name: home.name, code: home.code }) : t('home.directory')}</h2>
        {groups.length === 0 ? <p>{t('home.none')}</p> : <Directory groups={groups} t={t} />}
      </section>

      {departements.length > 0 && (
        <section className="container" aria-labelledby="departements-titre">
          <h2 id="departements-titre">{t('home.departements')}</h2>
          <ul className="departement-list">
            {departements.map(({ code, count }) => {
              const departement = departementByCode(code);
              if (!departement) return null;
              return (
                <li key={code}>
                  <a href={`/departements/${code}`} hrefLang={frenchLink}>{`${departement.name} (${code})`}</a>{' '}
                  <span className="muted">{`— ${t('home.placeCount', { count })}`}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
