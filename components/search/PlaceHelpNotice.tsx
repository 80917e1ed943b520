// What the search understood of the place typed, when it is not simply found: "Vouliez-vous
// dire … ?", a choice among homonyms or the communes of a postcode. Plain links (the other
// filters kept), so that it works without JavaScript.
import { Fragment } from 'react';
import type { PlaceHelp } from '@/lib/geo/help';

export function PlaceHelpNotice({ help, href }: { help: PlaceHelp; href: (value: string) => string }) {
  const link = (option: PlaceHelp['options'][number]) => (
    <a href={href(option.value)} data-insee={option.code}>
      {option.label}
    </a>
  );
  return (
    <div className="notice place-help" data-kind={help.kind}>
      {help.kind === 'choose' ? (
        <>
          <p>{help.text}</p>
          <ul className="place-help__choices">
            {help.options.map((option) => (
              <li key={option.code}>{link(option)}</li>
            ))}
          </ul>
          {help.more > 0 && (
            <p>
              Et {help.more} autre{help.more > 1 ? 's' : ''} : ajoutez le code postal ou le numéro du département.
            </p>
          )}
        </>
      ) : (
        <p>
          {help.text && `${help.text} `}
          {help.kind === 'did-you-mean' && 'Vouliez-vous dire '}
          {help.options.map((option, i) => (
            <Fragment key={option.code}>
              {i > 0 && (i === help.options.length - 1 && help.kind === 'did-you-mean' ? ' ou ' : ', ')}
              {link(option)}
            </Fragment>
          ))}
          {help.kind === 'did-you-mean' ? ' ?' : help.options.length ? '.' : ''}
        </p>
      )}
    </div>
  );
}
