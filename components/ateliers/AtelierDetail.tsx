// /ateliers/[slug]: the atelier, where and how to take part, its coming sessions with the seats
// left and, when it registers on Repères, one small form per session (first name, phone or e-mail).
import { LEVEL_LABELS, REGISTRATION_LABELS } from '@/lib/ateliers/labels';
import { seatsText, sessionWhen, themePlain } from '@/lib/ateliers/format';
import { seatsLeft, type AtelierPageData } from '@/lib/ateliers/page';
import { DEMO_PLACE_NOTICE } from '@/lib/places/demo';
import { safeJson } from '@/lib/places/structured-data';
import { FEE_LABELS, PUBLIC_LABELS } from '@/lib/standard/enums';
import { SessionSelectionSlot } from './SessionSelectionSlot';

export type FormEcho = {
  sessionId: string;
  firstName: string;
  email: string;
  phone: string;
  errors: Partial<Record<'firstName' | 'contact' | 'form', string>>;
};

function HowToRegister({ atelier }: { atelier: AtelierPageData }) {
  const c = atelier.registrationContact;
  if (atelier.registrationMode === 'PHONE')
    return (
      <p>
        Inscription par téléphone : <a href={`tel:${c}`}>{c}</a>
      </p>
    );
  if (atelier.registrationMode === 'EMAIL')
    return (
      <p>
        Inscription par courriel : <a href={`mailto:${c}`}>{c}</a>
      </p>
    );
  if (atelier.registrationMode === 'EXTERNAL')
    return (
      <p>
        Inscription sur le site de l’organisateur :{' '}
        <a href={c ?? '#'} rel="noopener nofollow">
          {c}
        </a>
      </p>
    );
  if (atelier.registrationMode === 'REPERES') return <p>Inscription ici même, sans compte : choisissez une séance ci-dessous.</p>;
  return <p>Sans inscription : venez directement.</p>;
}

function RegistrationForm({ atelier, sessionId, left, echo }: { atelier: AtelierPageData; sessionId: string; left: number; echo: FormEcho | null }) {
  const id = (name: string) => `${name}-${sessionId}`;
  const mine = echo?.sessionId === sessionId ? echo : null;
  return (
    <form method="post" action={`/ateliers/${atelier.slug}#seance-${sessionId}`} className="report-form">
      <input type="hidden" name="seance" value={sessionId} />
      {mine?.errors.form && (
        <p className="notice notice--error" role="alert">
          {mine.errors.form}
        </p>
      )}
      <div className="field">
        <label htmlFor={id('prenom')}>Prénom</label>
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
            {mine.errors.firstName}
          </p>
        )}
      </div>
      <p className="hint" id={id('contact-aide')}>
        Un téléphone ou une adresse électronique, pour vous prévenir si la séance change.
      </p>
      {mine?.errors.contact && (
        <p className="field-error" id={id('contact-erreur')}>
          {mine.errors.contact}
        </p>
      )}
      <div className="field">
        <label htmlFor={id('telephone')}>Téléphone</label>
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
        <label htmlFor={id('courriel')}>Adresse électronique</label>
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
        <label htmlFor={id('site')}>Ne pas remplir</label>
        <input id={id('site')} name="site_web" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="button button--primary">
        {left > 0 ? 'M’inscrire' : 'M’inscrire sur la liste d’attente'}
      </button>
    </form>
  );
}

/** For a full session: the next one of the series that still has seats. */
function nextWithSeats(atelier: AtelierPageData, after: Date) {
  return atelier.sessions.find((s) => s.startsAt > after && s.cancelledAt === null && (seatsLeft(atelier, s) ?? 0) > 0);
}

function Sessions({ atelier, echo }: { atelier: AtelierPageData; echo: FormEcho | null }) {
  if (atelier.sessions.length === 0) return <p>Aucune séance à venir.</p>;
  return (
    <ol className="plain-list">
      {atelier.sessions.map((s) => {
        const cancelled = s.cancelledAt !== null || atelier.cancelledAt !== null;
        const left = seatsLeft(atelier, s);
        return (
          <li key={s.id} id={`seance-${s.id}`} className="place-section">
            <h3>
              <time dateTime={s.startsAt.toISOString()}>{sessionWhen(s.startsAt, s.endsAt, atelier.timeZone)}</time>
            </h3>
            {!cancelled && (
              <SessionSelectionSlot
                session={{
                  id: s.id,
                  slug: atelier.slug,
                  title: atelier.title,
                  place: atelier.place.name,
                  startsAt: s.startsAt,
                  when: sessionWhen(s.startsAt, s.endsAt, atelier.timeZone),
                }}
              />
            )}
            {cancelled ? (
              <p className="badge badge--closed">Séance annulée</p>
            ) : (
              left !== null && (
                <>
                  <p className={`badge ${left > 0 ? 'badge--open' : 'badge--closed'}`}>{seatsText(left)}</p>
                  {left === 0 && <NextWithSeats atelier={atelier} after={s.startsAt} />}
                  <details open={echo?.sessionId === s.id}>
                    <summary>S’inscrire à cette séance</summary>
                    <RegistrationForm atelier={atelier} sessionId={s.id} left={left} echo={echo} />
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

function NextWithSeats({ atelier, after }: { atelier: AtelierPageData; after: Date }) {
  const next = nextWithSeats(atelier, after);
  if (!next) return null;
  return (
    <p>
      Des places restent le <a href={`#seance-${next.id}`}>{sessionWhen(next.startsAt, next.endsAt, atelier.timeZone)}</a>.
    </p>
  );
}

export function AtelierDetail({
  atelier,
  baseUrl,
  jsonLd,
  echo = null,
}: {
  atelier: AtelierPageData;
  baseUrl: string;
  jsonLd: unknown;
  echo?: FormEcho | null;
}) {
  const where = atelier.stop ?? atelier.place;
  return (
    <article className="container place-page">
      {!atelier.place.demo && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJson(jsonLd) }} />}
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <a href={`/ateliers?ou=${encodeURIComponent(where.commune)}`}>← Autres ateliers autour de {where.commune}</a>
      </nav>
      <h1>{atelier.cancelledAt ? `Annulé : ${atelier.title}` : atelier.title}</h1>
      {atelier.place.demo && <p className="notice">{DEMO_PLACE_NOTICE}</p>}
      <p className="prose pre-line">{atelier.summary}</p>
      <dl className="facts">
        <dt>Où</dt>
        <dd>
          {atelier.online ? (
            'En ligne'
          ) : (
            <>
              {atelier.stop ? `${atelier.stop.label}, ` : ''}
              {where.street ? `${where.street}, ` : ''}
              {where.postcode ?? ''} {where.commune}
            </>
          )}
          {' — '}
          <a href={`/lieux/${atelier.place.slug}`}>{atelier.place.name}</a>
        </dd>
        <dt>Coût</dt>
        <dd>{FEE_LABELS[atelier.fee]}</dd>
        <dt>Thèmes</dt>
        <dd>{atelier.themes.map(themePlain).join(', ')}</dd>
        {atelier.publics.length > 0 && (
          <>
            <dt>Public</dt>
            <dd>{atelier.publics.map((p) => PUBLIC_LABELS[p]).join(', ')}</dd>
          </>
        )}
        {atelier.level && (
          <>
            <dt>Niveau</dt>
            <dd>{LEVEL_LABELS[atelier.level]}</dd>
          </>
        )}
        {atelier.language !== 'fr' && (
          <>
            <dt>Langue</dt>
            <dd>{atelier.language}</dd>
          </>
        )}
        {atelier.accessibilityNotes && (
          <>
            <dt>Accessibilité</dt>
            <dd>{atelier.accessibilityNotes}</dd>
          </>
        )}
        <dt>Inscription</dt>
        <dd>{REGISTRATION_LABELS[atelier.registrationMode]}</dd>
      </dl>
      <HowToRegister atelier={atelier} />
      <section aria-labelledby="seances">
        <h2 id="seances">Prochaines séances</h2>
        <Sessions atelier={atelier} echo={echo} />
      </section>
      <p>
        <a href={`/ateliers.ics?lieu=${encodeURIComponent(atelier.place.slug)}`}>Ajouter les ateliers de ce lieu à mon agenda (iCalendar)</a> ·{' '}
        <a href={`${baseUrl}/ateliers/${atelier.slug}`}>Lien de cette page</a>
      </p>
    </article>
  );
}
