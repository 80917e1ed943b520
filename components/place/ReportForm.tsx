import { translator, type MessageKey, type Translator } from '@/lib/i18n';
import { SUGGESTION_MESSAGE_MAX, SUGGESTION_PARTS, type SuggestionFormState } from '@/lib/places/suggestion-parts';

/**
 * "Signaler une erreur": a plain form posted to the place's own address (app/lieux/[slug]/route.ts),
 * which answers with the page again, the section open on the result and what was typed kept.
 * The server's refusals and field errors (lib/places/suggestions.ts) are French: marked so.
 */
export function ReportForm({ action, state, t = translator() }: { action: string; state: SuggestionFormState; t?: Translator }) {
  const fr = t.locale === 'fr' ? undefined : 'fr';
  if (state.status === 'sent') {
    return (
      <p className="notice notice--success" role="status" tabIndex={-1} id="signalement-envoye">
        {t('report.sent')}
      </p>
    );
  }
  const values = state.values ?? {};
  const error = (field: 'part' | 'message' | 'email') => state.errors?.[field];
  return (
    <details className="report" open={state.status !== 'idle' || undefined}>
      <summary className="button">{t('report.summary')}</summary>
      <form action={action} method="post" className="report-form" noValidate>
        {state.message && (
          <p className={`notice ${state.status === 'refused' ? 'notice--warning' : 'notice--error'}`} role="alert" lang={fr}>
            {state.message}
          </p>
        )}
        <PartChoice chosen={values.part} error={error('part')} t={t} />
        <div className="field">
          <label htmlFor="report-message">{t('report.message')}</label>
          <p className="hint" id="message-hint">
            {t('report.messageHint')}
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
            <p className="field-error" id="message-error" lang={fr}>
              {error('message')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="report-email">
            {t('report.email')} <span className="hint">{t('report.emailHint')}</span>
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
            <p className="field-error" id="email-error" lang={fr}>
              {error('email')}
            </p>
          )}
        </div>
        {/* Hidden from people and assistive technologies; bots fill it in. */}
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor="report-site">{t('report.honeypot')}</label>
          <input id="report-site" name="site_web" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" className="button button--primary">
          {t('report.send')}
        </button>
      </form>
    </details>
  );
}

/** Which part of the listing is wrong: one choice, with its error. */
function PartChoice({ chosen, error, t }: { chosen: string | undefined; error: string | undefined; t: Translator }) {
  const fr = t.locale === 'fr' ? undefined : 'fr';
  return (
    <fieldset className="filter-group">
      <legend>{t('report.what')}</legend>
      {Object.keys(SUGGESTION_PARTS).map((value) => (
        <div className="checkbox" key={value}>
          <input
            type="radio"
            id={`part-${value}`}
            name="part"
            value={value}
            defaultChecked={chosen === value}
            aria-describedby={error ? 'part-error' : undefined}
          />
          <label htmlFor={`part-${value}`}>{t(`report.part.${value}` as MessageKey)}</label>
        </div>
      ))}
      {error && (
        <p className="field-error" id="part-error" lang={fr}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
