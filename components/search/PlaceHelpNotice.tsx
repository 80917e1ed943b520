// What the search understood of the place typed, when it is not simply found: "Vouliez-vous
// dire … ?", a choice among homonyms or the communes of a postcode. Plain links (the other
// filters kept), so that it works without JavaScript.
import { Fragment } from 'react';
import type { PlaceHelp } from '@/lib/geo/help';
import { translator, type Translator } from '@/lib/i18n';
import { placeHelpText } from '@/lib/i18n/explain';

/** `help.message` is said in the language of `t`; the communes' names are names. */
export function PlaceHelpNotice({ help, href, t = translator() }: { help: PlaceHelp; href: (value: string) => string; t?: Translator }) {
  const text = help.message ? placeHelpText(t, help.message) : '';
  const link = (option: PlaceHelp['options'][number]) => (
    <a href={href(option.value)} data-insee={option.code}>
      {option.label}
    </a>
  );
  return (
    <div className="notice place-help" data-kind={help.kind}>
      {help.kind === 'choose' ? (
        <>
          <p>{text}</p>
          <ul className="place-help__choices">
            {help.options.map((option) => (
              <li key={option.code}>{link(option)}</li>
            ))}
          </ul>
          {help.more > 0 && <p>{t('search.helpMore', { count: help.more })}</p>}
        </>
      ) : (
        <p>
          {text && <span>{`${text} `}</span>}
          {help.kind === 'did-you-mean' && `${t('search.didYouMean')} `}
          {help.options.map((option, i) => (
            <Fragment key={option.code}>
              {i > 0 && (i === help.options.length - 1 && help.kind === 'did-you-mean' ? ` ${t('search.or')} ` : t('list.separator'))}
              {link(option)}
            </Fragment>
          ))}
          {help.kind === 'did-you-mean' ? t('search.questionMark') : help.options.length ? '.' : ''}
        </p>
      )}
    </div>
  );
}
