// Pieces shared by the easy-to-read pages (/facile): the document, a line with its pictogram,
// the big call button, the town form with the needs as big buttons. Plain markup: these pages
// load no script at all.
import type { ReactNode } from 'react';
import { PublicDocument } from '@/components/layout/PublicDocument';
import type { Phone } from '@/lib/facile/present';
import { NEEDS } from '@/lib/facile/words';
import { Pictogram, type PictogramName } from './Pictograms';

/** The page in the site's shell, without any script; `full` is the same page in its complete version. */
export function FacileDocument(props: {
  title: string;
  description: string;
  nonce: string;
  full: string;
  robots?: string;
  canonical?: string;
  children: ReactNode;
}) {
  return (
    <PublicDocument title={props.title} description={props.description} nonce={props.nonce} robots={props.robots} canonical={props.canonical}>
      <div className="container facile">
        <p className="facile-switch">
          <a href={props.full}>Version complète</a>
        </p>
        {props.children}
      </div>
    </PublicDocument>
  );
}

/** A heading of a part of the page, with its pictogram. */
export function PartHeading({ id, picto, children }: { id: string; picto: PictogramName; children: ReactNode }) {
  return (
    <h2 id={id} className="facile-part__title">
      <Pictogram name={picto} />
      <span>{children}</span>
    </h2>
  );
}

/** One idea, its pictogram beside it. */
export function Line({ picto, children, className }: { picto: PictogramName; children: ReactNode; className?: string }) {
  return (
    <div className={`facile-line${className ? ` ${className}` : ''}`}>
      <Pictogram name={picto} />
      <div>{children}</div>
    </div>
  );
}

/** The big "Appeler" button: a tel: link. */
export function CallButton({ phone, name }: { phone: Phone; name?: string }) {
  return (
    <a className="facile-button facile-call" href={phone.href}>
      <Pictogram name="phone" size={32} />
      <span>
        Appeler le <span className="facile-nowrap">{phone.text}</span>
        {name && <span className="visually-hidden"> ({name})</span>}
      </span>
    </a>
  );
}

/**
 * The question "Où habitez-vous ?" and the needs as big buttons. One GET form: the first button
 * ("Chercher", the one Enter presses) searches every need, each need button adds its own.
 */
export function TownForm({ town, question = 'Où habitez-vous ?', need }: { town: string; question?: string; need?: string | null }) {
  const withNeeds = need === undefined;
  return (
    <form action="/facile/recherche" method="get" className="facile-form" role="search" aria-label="Chercher un lieu">
      <label htmlFor="facile-ou" className="facile-question">
        {question}
      </label>
      <p id="facile-ou-aide" className="facile-hint">
        Écrivez le nom de votre ville.
        <br />
        Par exemple : Angers.
      </p>
      <input
        id="facile-ou"
        name="ou"
        type="text"
        required
        autoComplete="address-level2"
        defaultValue={town}
        aria-describedby="facile-ou-aide"
        maxLength={100}
      />
      {need && <input type="hidden" name="besoin" value={need} />}
      <button type="submit" className="facile-button facile-go">
        <Pictogram name="search" size={32} />
        <span>Chercher</span>
      </button>
      {withNeeds && (
        <fieldset className="facile-needs">
          {/* A no-break space keeps the question mark with its word. */}
          <legend className="facile-question">De quoi avez-vous besoin ?</legend>
          <p className="facile-hint">Choisissez une aide.</p>
          <ul className="facile-needs__list">
            {NEEDS.map((need) => (
              <li key={need.key}>
                <button type="submit" name="besoin" value={need.key} className="facile-need">
                  <Pictogram name={need.pictogram} size={48} />
                  <span>{need.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </form>
  );
}
