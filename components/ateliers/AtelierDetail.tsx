// /ateliers/[slug]: the atelier, where and how to take part, its coming sessions with the seats
// left and, when it registers on Repères, one small form per session (first name, phone or e-mail).
// In the language of `t`, refusals included (their codes, lib/ateliers/registration.ts); the
// atelier's and the place's own words stay French, marked so.
import { seatsText, sessionWhen, themePlain } from '@/lib/ateliers/format';
import { seatsLeft, type AtelierPageData } from '@/lib/ateliers/page';
import type { RegistrationError, RegistrationErrors } from '@/lib/ateliers/registration';
import { translator, type MessageKey, type Translator } from '@/lib/i18n';
import { listLabel, listText } from '@/lib/i18n/words';
import { safeJson } from '@/lib/places/structured-data';
import { SessionSelectionSlot } from './SessionSelectionSlot';

export type FormEcho = {
  sessionId: string;
  firstName: string;
  email: string;
  phone: string;
  errors: RegistrationErrors;
};

/** A refusal in the visitor's words. */
export function registrationErrorText(t: Translator, error: RegistrationError): string {
  return t(`ateliers.error.${error.code}` as MessageKey, { minutes: error.minutes ?? 1 });
}

function HowToRegister({ atelier, t }: { atelier: AtelierPageData; t: Translator }) {
  const c = atelier.registrationContact;
  if (atelier.registrationMode === 'PHONE')
    return (
      <p>
        {t('ateliers.howPhone')} <a href={`tel:${c}`}>{c}</a>
      </p>
    );
  if (atelier.registrationMode === 'EMAIL')
    return (
      <p>
        {t('ateliers.howEmail')} <a href={`mailto:${c}`}>{c}</a>
      </p>
    );
  if (atelier.registrationMode === 'EXTERNAL')
    return (
      <p>
        {t('ateliers.howExternal')}{' '}
        <a href={c ?? '#'} rel="noopener nofollow">
          {c}
        </a>
      </p>
    );
  if (atelier.registrationMode === 'REPERES') return <p>{t('ateliers.howReperes')}</p>;
  return <p>{t('ateliers.howNone')}</p>;
}

type FormProps = { atelier: AtelierPageData; sessionId: string; left: number; echo: FormEcho | null; t: Translator };

function RegistrationForm({ atelier, sessionId, left, echo, t }: FormProps) {
  const id = (name: string) => `${name}-${sessionId}`;
  const mine = echo?.sessionId === sessionId ? echo : null;
  return (
    <form method="post" action={t.path(`/ateliers/${atelier.slug}#seance-${sessionId}`)} className="report-form">
      <input type="hidden" name="seance" value={sessionId} />
      {mine?.errors.form && (
        <p className="notice notice--error" role="alert">
          {registrationErrorText(t, mine.errors.form)}
        </p>
      )}
      <div className="field">
        <label htmlFor={id('prenom')}>{t('ateliers.firstName')}</label>
        <input
          id={id('prenom')}
          name="prenom"
          autoComplete="given-name"
          required
          maxLength={60}
          defaultValue={mine?.firstName}
          aria-describedby={mine?.errors.firstName ? id('prenom-erreur') : undefined}
        />
        {mine?.errors.firstName && (
          <p className="field-error" id={id('prenom-erreur')}>
            {registrationErrorText(t, mine.errors.firstName)}
          </p>
        )}
      </div>
      <p className="hint" id={id('contact-aide')}>
        {t('ateliers.contactHint')}
      </p>
      {mine?.errors.contact && (
        <p className="field-error" id={id('contact-erreur')}>
          {registrationErrorText(t, mine.errors.contact)}
        </p>
      )}
      <div className="field">
        <label htmlFor={id('telephone')}>{t('ateliers.phone')}</label>
        <input
          id={id('telephone')}
          name="telephone"
          type="tel"
          autoComplete="tel"
          maxLength={30}
          defaultValue={mine?.phone}
          aria-describedby={id('contact-aide')}
        />
      </div>
      <div className="field">
        <label htmlFor={id('courriel')}>{t('ateliers.email')}</label>
        <input
          id={id('courriel')}
          name="courriel"
          type="email"
          autoComplete="email"
          maxLength={254}
          defaultValue={mine?.email}
          aria-describedby={id('contact-aide')}
        />
      </div>
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor={id('site')}>{t('report.honeypot')}</label>
        <input id={id('site')} name="site_web" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="button button--primary">
        {left > 0 ? t('ateliers.register') : t('ateliers.registerWaiting')}
      </button>
    </form>
  );
}

/** For a full session: the next one of the series that still has seats. */
function nextWithSeats(atelier: AtelierPageData, after: Date) {
  return atelier.sessions.find((s) => s.startsAt > after && s.cancelledAt === null && (seatsLeft(atelier, s) ?? 0) > 0);
}

function Sessions({ atelier, echo, t }: { atelier: AtelierPageData; echo: FormEcho | null; t: Translator }) {
  if (atelier.sessions.length === 0) return <p>{t('ateliers.noSession')}</p>;
  return (
    <ol className="plain-list">
      {atelier.sessions.map((s) => {
        const cancelled = s.cancelledAt !== null || atelier.cancelledAt !== null;
        const left = seatsLeft(atelier, s);
        return (
          <li key={s.id} id={`seance-${s.id}`} className="place-section">
            <h3>
              <time dateTime={s.startsAt.toISOString()}>{sessionWhen(s.startsAt, s.endsAt, atelier.timeZone, t)}</time>
            </h3>
            {!cancelled && (
              <SessionSelectionSlot
                session={{
                  id: s.id,
                  slug: atelier.slug,
                  title: atelier.title,
                  place: atelier.place.name,
                  startsAt: s.startsAt,
                  when: sessionWhen(s.startsAt, s.endsAt, atelier.timeZone, t),
                }}
              />
            )}
            {cancelled ? (
              <p className="badge badge--closed">{t('ateliers.sessionCancelled')}</p>
            ) : (
              left !== null && (
                <>
                  <p className={`badge ${left > 0 ? 'badge--open' : 'badge--closed'}`}>{seatsText(left, t)}</p>
                  {left === 0 && <NextWithSeats atelier={atelier} after={s.startsAt} t={t} />}
                  <details open={echo?.sessionId === s.id}>
                    <summary>{t('ateliers.registerSession')}</summary>
                    <RegistrationForm atelier={atelier} sessionId={s.id} left={left} echo={echo} t={t} />
                  </details>
                </>
              )
            )}
          </li>
        );
      })}
    </ol>
  );
}

function NextWithSeats({ atelier, after, t }: { atelier: AtelierPageData; after: Date; t: Translator }) {
  const next = nextWithSeats(atelier, after);
  if (!next) return null;
  return (
    <p>
      {t('ateliers.seatsLeftOn')} <a href={`#seance-${next.id}`}>{sessionWhen(next.startsAt, next.endsAt, atelier.timeZone, t)}</a>.
    </p>
  );
}

function Facts({ atelier, t }: { atelier: AtelierPageData; t: Translator }) {
  const where = atelier.stop ?? atelier.place;
  const fr = t.locale === 'fr' ? undefined : 'fr';
  return (
    <dl className="facts">
      <dt>{t('ateliers.where')}</dt>
      <dd>
        {atelier.online ? (
          t('ateliers.online')
        ) : (
          <span lang={fr}>
            {atelier.stop ? `${atelier.stop.label}, ` : ''}
            {where.street ? `${where.street}, ` : ''}
            {where.postcode ?? ''} {where.commune}
          </span>
        )}
        {' — '}
        <a href={t.path(`/lieux/${atelier.place.slug}`)} lang={fr}>
          {atelier.place.name}
        </a>
      </dd>
      <dt>{t('place.cost')}</dt>
      <dd>{listLabel(t, 'fee', atelier.fee)}</dd>
      <dt>{t('ateliers.themes')}</dt>
      <dd>
        {listText(
          t,
          atelier.themes.map((theme) => themePlain(theme, t)),
        )}
      </dd>
      {atelier.publics.length > 0 && (
        <>
          <dt>{t('ateliers.public')}</dt>
          <dd>
            {listText(
              t,
              atelier.publics.map((p) => listLabel(t, 'public', p)),
            )}
          </dd>
        </>
      )}
      {atelier.level && (
        <>
          <dt>{t('ateliers.level')}</dt>
          <dd>{t(`ateliers.level.${atelier.level}` as MessageKey)}</dd>
        </>
      )}
      {atelier.language !== 'fr' && (
        <>
          <dt>{t('ateliers.language')}</dt>
          <dd>{atelier.language}</dd>
        </>
      )}
      {atelier.accessibilityNotes && (
        <>
          <dt>{t('place.accessibility')}</dt>
          <dd lang={fr}>{atelier.accessibilityNotes}</dd>
        </>
      )}
      <dt>{t('ateliers.registration')}</dt>
      <dd>{t(`ateliers.registration.${atelier.registrationMode}` as MessageKey)}</dd>
    </dl>
  );
}

type DetailProps = { atelier: AtelierPageData; baseUrl: string; jsonLd: unknown; echo?: FormEcho | null; t?: Translator };

export function AtelierDetail({ atelier, baseUrl, jsonLd, echo = null, t = translator() }: DetailProps) {
  const where = atelier.stop ?? atelier.place;
  const fr = t.locale === 'fr' ? undefined : 'fr';
  return (
    <article className="container place-page">
      {!atelier.place.demo && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(jsonLd) }} />}
      <nav aria-label={t('place.breadcrumb')} className="breadcrumb">
        <a href={t.path(`/ateliers?ou=${encodeURIComponent(where.commune)}`)}>{t('ateliers.otherAround', { place: where.commune })}</a>
      </nav>
      <h1>
        {atelier.cancelledAt && `${t('ateliers.cancelledPrefix')} `}
        <span lang={fr}>{atelier.title}</span>
      </h1>
      {atelier.place.demo && <p className="notice">{t('demo.notice')}</p>}
      <p className="prose pre-line" lang={fr}>
        {atelier.summary}
      </p>
      <Facts atelier={atelier} t={t} />
      <HowToRegister atelier={atelier} t={t} />
      <section aria-labelledby="seances">
        <h2 id="seances">{t('ateliers.sessions')}</h2>
        <Sessions atelier={atelier} echo={echo} t={t} />
      </section>
      <p>
        <a href={`/ateliers.ics?lieu=${encodeURIComponent(atelier.place.slug)}`}>{t('ateliers.addPlaceCalendar')}</a> ·{' '}
        <a href={`${baseUrl}${t.path(`/ateliers/${atelier.slug}`)}`}>{t('ateliers.pageLink')}</a>
      </p>
    </article>
  );
}
