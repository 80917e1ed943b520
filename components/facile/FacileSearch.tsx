// /facile and /facile/recherche: the home page (one question, the needs as big buttons) and the
// results in easy-to-read French — for each place only its name, where, when, how to get there
// and its phone. Views only: app/facile/* reads the data (lib/search/page) and answers HTTP; the
// words come from lib/facile.
import type { FacileCard, FacileSearch } from '@/lib/facile/present';
import { CallButton, FacileDocument, Line, TownForm } from './parts';

const DESCRIPTION = 'Trouver un lieu pour avoir de l’aide avec internet. En français facile à lire.';

/** /facile: one question, the needs as big buttons. */
export function FacileHomePage({ town, nonce }: { town: string; nonce: string }) {
  return (
    <FacileDocument title="Trouver de l’aide pour internet (facile à lire)" description={DESCRIPTION} nonce={nonce} full="/">
      <h1>Trouver de l’aide pour internet</h1>
      <div className="facile-intro">
        <p>Des lieux peuvent vous aider avec internet.</p>
        <p>Par exemple pour faire vos papiers.</p>
        <p>Souvent, c’est gratuit.</p>
      </div>
      <TownForm town={town} />
    </FacileDocument>
  );
}

/** One place of the list: its name, then where, when, how to get there, its phone. */
function Card({ card }: { card: FacileCard }) {
  return (
    <article className="facile-card" aria-labelledby={`lieu-${card.slug}`}>
      <h2 id={`lieu-${card.slug}`} className="facile-card__title">
        <a href={`/facile/lieux/${card.slug}`}>{card.name}</a>
      </h2>
      {card.demo && <p className="facile-warning">Attention : ce lieu n’existe pas. C’est un exemple.</p>}
      <Line picto="pin" className="facile-where">
        <p>
          <strong>Où ?</strong>
        </p>
        <p>
          {card.where.map((line, i) => (
            <span key={i}>
              {i > 0 && <br />}
              {line}
            </span>
          ))}
        </p>
        {card.distance && <p>{card.distance}.</p>}
        {card.directions && (
          <p>
            <a href={card.directions.map} rel="noopener noreferrer">
              Voir le chemin sur une carte<span className="visually-hidden"> : {card.name}</span>
            </a>
          </p>
        )}
      </Line>
      <Line picto="clock" className="facile-when">
        <p>
          <strong>Quand ?</strong>
        </p>
        {card.closed ? (
          card.closed.map((sentence) => <p key={sentence}>{sentence}</p>)
        ) : (
          <p>
            <strong className={`facile-state--${card.when.tone}`}>{card.when.first}</strong>
            {card.when.then && ` ${card.when.then}`}
          </p>
        )}
      </Line>
      <div className="facile-phone">{card.phone ? <CallButton phone={card.phone} name={card.name} /> : <p>Ce lieu n’a pas de numéro de téléphone.</p>}</div>
    </article>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** /facile/recherche: the places near the town, or why there are none and a new try. */
export function FacileSearchPage({
  search,
  nonce,
  full,
  href,
}: {
  search: FacileSearch;
  nonce: string;
  full: string;
  href: (changes: Record<string, string>) => string;
}) {
  const title = search.heading ?? 'Chercher un lieu';
  return (
    <FacileDocument title={`${title} (facile à lire)`} description={DESCRIPTION} nonce={nonce} full={full} robots="noindex, follow">
      <h1>{title}</h1>
      {search.need && (
        <p className="facile-need-chosen">
          Vous cherchez de l’aide pour : <strong>{search.need.label}</strong>.
        </p>
      )}
      {search.heading && (
        <p>
          <a href={`/facile?ou=${encodeURIComponent(search.town ?? '')}`}>Changer de ville ou d’aide</a>
        </p>
      )}
      {!search.heading && <NoTown search={search} href={href} />}
      {search.heading && search.count === 0 && (
        <div className="facile-empty">
          <p>Nous n’avons trouvé aucun lieu près d’ici.</p>
          <p>
            <a href={href({ rayon: '50', page: '1' })}>Chercher plus loin</a>
          </p>
          {search.need && (
            <p>
              <a href={href({ besoin: '', page: '1' })}>Chercher pour toutes les aides</a>
            </p>
          )}
        </div>
      )}
      {search.count > 0 && (
        <>
          <p className="facile-count">
            Nous avons trouvé {plural(search.count, 'lieu', 'lieux')}.
            <br />
            Le lieu le plus proche est en premier.
          </p>
          <ol className="facile-list" aria-label="Les lieux">
            {search.cards.map((card) => (
              <li key={card.slug}>
                <Card card={card} />
              </li>
            ))}
          </ol>
          {search.pageCount > 1 && (
            <nav className="facile-pages" aria-label="Autres lieux">
              {search.page < search.pageCount && <a href={href({ page: String(search.page + 1) })}>Voir d’autres lieux</a>}
              {search.page > 1 && <a href={href({ page: String(search.page - 1) })}>Revenir aux lieux d’avant</a>}
            </nav>
          )}
        </>
      )}
    </FacileDocument>
  );
}

/** The town was not found (or not written): say it simply, offer the towns it may be, try again. */
function NoTown({ search, href }: { search: FacileSearch; href: (changes: Record<string, string>) => string }) {
  return (
    <div className="facile-notown">
      {search.notFound ? (
        <div className="facile-warning" role="alert">
          <p>Nous ne trouvons pas la ville « {search.town} ».</p>
          <p>Regardez si le nom est bien écrit.</p>
        </div>
      ) : (
        <p>Écrivez d’abord le nom de votre ville.</p>
      )}
      {search.suggestions.length > 0 && (
        <>
          <p>Vous pensez peut-être à :</p>
          <ul className="facile-suggestions">
            {search.suggestions.map((option) => (
              <li key={option.value}>
                <a href={href({ ou: option.value, page: '1' })}>{option.label}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <TownForm
        town={search.town ?? ''}
        question={search.notFound ? 'Essayez encore. Où habitez-vous ?' : 'Où habitez-vous ?'}
        need={search.need?.key ?? null}
      />
    </div>
  );
}
