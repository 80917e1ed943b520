import { translator, type Translator } from '@/lib/i18n';

export type DirectoryGroup = { label: string; href?: string | null; places: Array<{ slug: string; name: string; street: string }> };

/** Places grouped by commune: the plain directory of the home and territory pages. Names and streets are the places' own French words. */
export function Directory({ groups, headingLevel = 3, t = translator() }: { groups: DirectoryGroup[]; headingLevel?: 2 | 3; t?: Translator }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const fr = t.locale === 'fr' ? undefined : 'fr';
  return (
    <div className="directory">
      {groups.map((group) => (
        <section key={group.label} className="directory__commune" aria-label={group.label}>
          <Heading className="directory__title">{group.href ? <a href={group.href}>{group.label}</a> : group.label}</Heading>
          <ul className="place-list" data-testid="place-list">
            {group.places.map((place) => (
              <li key={place.slug}>
                <a href={t.path(`/lieux/${place.slug}`)} lang={fr}>
                  {place.name}
                </a>
                <span className="muted" lang={fr}>
                  {' '}
                  — {place.street}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
