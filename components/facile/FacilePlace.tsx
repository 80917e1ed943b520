// /facile/lieux/<slug>: a place in easy-to-read French — where, when (the week as short lines),
// how to get there, the phone, what they help with, free or not — and the short pages of a place
// closed for good or not found. Views only: app/facile/lieux/[slug]/route.ts answers HTTP.
import type { FacilePlace } from '@/lib/facile/present';
import type { NearbyPlace } from '@/lib/places/page';
import { Pictogram } from './Pictograms';
import { CallButton, FacileDocument, Line, PartHeading } from './parts';

function Where({ place }: { place: FacilePlace }) {
  return (
    <section className="facile-part facile-where" aria-labelledby="ou">
      <PartHeading id="ou" picto="pin">
        Où ?
      </PartHeading>
      <p>
        {place.where.map((line, i) => (
          <span key={i}>
            {i > 0 && <br />}
            {line}
          </span>
        ))}
      </p>
      {place.itinerant && (
        <>
          <p>C’est un bus.</p>
          <p>Il va dans plusieurs villes.</p>
          {place.stops.length > 0 && (
            <ul className="facile-lines">
              {place.stops.map((stop) => (
                <li key={stop}>{stop}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function When({ place }: { place: FacilePlace }) {
  return (
    <section className="facile-part facile-when" aria-labelledby="quand">
      <PartHeading id="quand" picto="clock">
        Quand ?
      </PartHeading>
      {place.closed ? (
        <div className="facile-warning">
          {place.closed.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
      ) : (
        <p className={`facile-now facile-now--${place.when.tone}`}>
          <strong>{place.when.first}</strong>
          {place.when.then && (
            <>
              <br />
              {place.when.then}
            </>
          )}
        </p>
      )}
      {place.week.length > 0 && (
        <>
          <p>Les horaires de la semaine :</p>
          <ul className="facile-lines facile-week">
            {place.week.map((line) => (
              <li key={line.day} className={line.today ? 'facile-today' : undefined}>
                <strong>
                  {line.day}
                  {line.today && ' (aujourd’hui)'} :
                </strong>{' '}
                {line.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {place.closedOnHolidays && <p>Les jours fériés, c’est fermé.</p>}
    </section>
  );
}

function HowToCome({ place }: { place: FacilePlace }) {
  if (!place.directions && place.howToCome.length === 0) return null;
  return (
    <section className="facile-part" aria-labelledby="y-aller">
      <PartHeading id="y-aller" picto="route">
        Comment y aller ?
      </PartHeading>
      {place.howToCome.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      {place.appointmentUrl && (
        <p>
          <a href={place.appointmentUrl} rel="noopener noreferrer">
            Prendre rendez-vous sur internet
          </a>
        </p>
      )}
      {place.directions && (
        <ul className="facile-lines">
          <li>
            <a href={place.directions.map} rel="noopener noreferrer">
              Voir le chemin sur une carte
            </a>
          </li>
          <li>
            <a href={place.directions.phone}>Voir le chemin dans mon téléphone</a>
          </li>
        </ul>
      )}
    </section>
  );
}

function Contact({ place }: { place: FacilePlace }) {
  return (
    <section className="facile-part facile-phone" aria-labelledby="telephone">
      <PartHeading id="telephone" picto="phone">
        Téléphone
      </PartHeading>
      {place.phone ? (
        <>
          <p>Vous pouvez appeler le lieu.</p>
          <CallButton phone={place.phone} />
        </>
      ) : (
        <>
          <p>Ce lieu n’a pas de numéro de téléphone.</p>
          {place.email && (
            <p>
              Vous pouvez écrire un courriel à : <a href={`mailto:${place.email}`}>{place.email}</a>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Help({ place }: { place: FacilePlace }) {
  return (
    <>
      <section className="facile-part" aria-labelledby="aide">
        <PartHeading id="aide" picto="help">
          Ils vous aident pour :
        </PartHeading>
        {place.needs.length ? (
          <ul className="facile-help">
            {place.needs.map((need) => (
              <li key={need.key}>
                <Line picto={need.pictogram}>
                  <p>{need.label}</p>
                  <p className="facile-example">{need.example}</p>
                </Line>
              </li>
            ))}
          </ul>
        ) : (
          <p>Téléphonez pour savoir comment ils aident.</p>
        )}
      </section>
      <section className="facile-part" aria-labelledby="prix">
        <PartHeading id="prix" picto="euro">
          C’est gratuit ?
        </PartHeading>
        {(place.fees ?? ['Nous ne savons pas.', 'Demandez au lieu.']).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </section>
    </>
  );
}

/** The page of a published place. */
export function FacilePlacePage({ place, nonce, canonical }: { place: FacilePlace; nonce: string; canonical: string }) {
  return (
    <FacileDocument
      title={`${place.name} (facile à lire)`}
      description={`${place.name}, ${place.commune} : où, quand, comment y aller. En français facile à lire.`}
      nonce={nonce}
      full={`/lieux/${place.slug}`}
      canonical={canonical}
      robots={place.demo ? 'noindex' : undefined}
    >
      <p>
        <a href={`/facile/recherche?ou=${encodeURIComponent(place.commune)}`}>Voir les autres lieux près de {place.commune}</a>
      </p>
      <h1>{place.name}</h1>
      {place.demo && <p className="facile-warning">Attention : ce lieu n’existe pas. C’est un exemple.</p>}
      <Where place={place} />
      <When place={place} />
      <HowToCome place={place} />
      <Contact place={place} />
      <Help place={place} />
    </FacileDocument>
  );
}

/** Not found, or closed for good (with the places near it when known). */
export function FacileNoPlacePage({ kind, name, nearby, nonce }: { kind: 'not-found' | 'closed'; name: string | null; nearby: NearbyPlace[]; nonce: string }) {
  const title = kind === 'closed' && name ? `${name} est fermé` : 'Nous ne trouvons pas ce lieu';
  return (
    <FacileDocument title={`${title} (facile à lire)`} description={title} nonce={nonce} full="/recherche" robots="noindex">
      <h1>{title}</h1>
      {kind === 'closed' ? <p>Ce lieu est fermé pour toujours.</p> : <p>Ce lieu n’est pas dans notre liste.</p>}
      {nearby.length > 0 && (
        <>
          <p>Ces lieux sont proches :</p>
          <ul className="facile-lines">
            {nearby.map((other) => (
              <li key={other.slug}>
                <a href={`/facile/lieux/${other.slug}`}>{other.name}</a>, à {other.commune}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/facile" className="facile-button">
          <Pictogram name="search" size={32} />
          <span>Chercher un lieu</span>
        </a>
      </p>
    </FacileDocument>
  );
}
