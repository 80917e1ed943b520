export type DirectoryGroup = { label: string; href?: string | null; places: Array<{ slug: string; name: string; street: string }> };

/** Places grouped by commune: the plain directory of the home and territory pages. */
export function Directory({ groups, headingLevel = 3 }: { groups: DirectoryGroup[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="directory">
      {groups.map((group) => (
        <section key={group.label} className="directory__commune" aria-label={group.label}>
          <Heading className="directory__title">{group.href ? <a href={group.href}>{group.label}</a> : group.label}</Heading>
          <ul className="place-list" data-testid="place-list">
            {group.places.map((place) => (
              <li key={place.slug}>
                <a href={`/lieux/${place.slug}`}>{place.name}</a>
                <span className="muted"> — {place.street}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
