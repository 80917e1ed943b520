import { SUGGESTION_MESSAGE_MAX, SUGGESTION_PARTS, type SuggestionFormState } from '@/lib/places/suggestion-parts';

/**
 * "Signaler une erreur": a plain form posted to the place's own address (app/lieux/[slug]/route.ts),
 * which answers with the page again, the section open on the result and what was typed kept.
 */
export function ReportForm({ action, state }: { action: string; state: SuggestionFormState }) {
  if (state.status === 'sent') {
    return (
      <p className="notice notice--success" role="status" tabIndex={-1} id="signalement-envoye">
        {state.message ?? 'Merci, votre signalement a bien été transmis.'}
      </p>
    );
  }
  const values = state.values ?? {};
  const error = (field: 'part' | 'message' | 'email') => state.errors?.[field];
  return (
    <details className="report" open={state.status !== 'idle' || undefined}>
      <summary className="button">Signaler une erreur sur cette fiche</summary>
      <form action={action} method="post" className="report-form" noValidate>
        {state.message && (
          <p className={`notice ${state.status === 'refused' ? 'notice--warning' : 'notice--error'}`} role="alert">
            {state.message}
          </p>
        )}
        <PartChoice chosen={values.part} error={error('part')} />
        <div className="field">
          <label htmlFor="report-message">Quelle est la bonne information ?</label>
          <p className="hint" id="message-hint">
            Par exemple : « Fermé le mercredi depuis septembre ». 2 000 caractères au plus.
          </p>
          <textarea
            id="report-message"
            name="message"
            maxLength={SUGGESTION_MESSAGE_MAX}
            required
            defaultValue={values.message}
            aria-invalid={!!error('message')}
            aria-describedby={error('message') ? 'message-hint message-error' : 'message-hint'}
          />
          {error('message') && (
            <p className="field-error" id="message-error">
              {error('message')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="report-email">
            Votre courriel <span className="hint">(facultatif : l’équipe qui tient la fiche pourra vous répondre)</span>
          </label>
          <input
            id="report-email"
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={values.email}
            aria-invalid={!!error('email')}
            aria-describedby={error('email') ? 'email-error' : undefined}
          />
          {error('email') && (
            <p className="field-error" id="email-error">
              {error('email')}
            </p>
          )}
        </div>
        {/* Hidden from people and assistive technologies; bots fill it in. */}
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor="report-site">Ne pas remplir</label>
          <input id="report-site" name="site_web" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" className="button button--primary">
          Envoyer le signalement
        </button>
      </form>
    </details>
  );
}

/** Which part of the listing is wrong: one choice, with its error. */
function PartChoice({ chosen, error }: { chosen: string | undefined; error: string | undefined }) {
  return (
    <fieldset className="filter-group">
      <legend>Qu’est-ce qui est inexact ?</legend>
      {Object.entries(SUGGESTION_PARTS).map(([value, label]) => (
        <div className="checkbox" key={value}>
          <input
            type="radio"
            id={`part-${value}`}
            name="part"
            value={value}
            defaultChecked={chosen === value}
            aria-describedby={error ? 'part-error' : undefined}
          />
          <label htmlFor={`part-${value}`}>{label}</label>
        </div>
      ))}
      {error && (
        <p className="field-error" id="part-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
