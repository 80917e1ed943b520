// The page a place's contact reaches from a campaign email: no account, one personal link.
import type { Metadata } from 'next';
import { Fragment } from 'react';
import { CorrectionForm } from '@/components/campaign/CorrectionForm';
import { HoursTable } from '@/components/hours/HoursTable';
import { phoneText } from '@/lib/standard/phone';
import { campaignLinkByToken } from '@/lib/campaigns/pages';
import { closedAction, confirmAction, correctAction, optOutAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Mettre à jour une fiche', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

type Refused = Exclude<Awaited<ReturnType<typeof campaignLinkByToken>>, { status: 'ok' }>;

/** A link that opens nothing: why, in one sentence, and what to do instead. */
function LinkRefused({ link }: { link: Refused }) {
  return (
    <div className="container prose">
      <h1>Mise à jour de votre fiche</h1>
      <div className="notice notice--warning" role="alert">
        {link.status === 'invalid' && (
          <p>
            Ce lien n’est pas valable : il a peut-être été coupé en le copiant. Si vous avez reçu un message de relance, utilisez le lien de ce dernier message
            : il remplace le premier.
          </p>
        )}
        {link.status === 'expired' && <p>Ce lien a expiré : la campagne de mise à jour du réseau {link.help.network} est terminée.</p>}
        {link.status === 'used' && <p>Ce lien a déjà servi : votre réponse a bien été enregistrée. Merci !</p>}
      </div>
      {link.status !== 'invalid' && <WhatToDo help={link.help} />}
    </div>
  );
}

/** The ways left to correct a listing once its link is spent. */
function WhatToDo({ help }: { help: Extract<Refused, { help: unknown }>['help'] }) {
  return (
    <>
      <h2>Une correction à faire ?</h2>
      <ul>
        <li>
          Sur la <a href={`/lieux/${help.placeSlug}#signalement`}>fiche publique de « {help.placeName} »</a>, le formulaire « Signaler une erreur » arrive à la
          coordination du réseau.
        </li>
        {(help.networkEmail || help.networkPhone) && (
          <li>
            Ou contactez la coordination du réseau {help.network}
            {help.networkEmail && (
              <>
                {' '}
                : <a href={`mailto:${help.networkEmail}`}>{help.networkEmail}</a>
              </>
            )}
            {help.networkPhone && <> ({phoneText(help.networkPhone)})</>}.
          </li>
        )}
      </ul>
    </>
  );
}

export default async function UpdatePage({ params }: Props) {
  const { token } = await params;
  const link = await campaignLinkByToken(token);
  if (link.status !== 'ok') return <LinkRefused link={link} />;
  const { place, campaign } = link;
  const confirm = confirmAction.bind(null, token, place.id);
  const closed = closedAction.bind(null, token, place.id);
  const wrong = optOutAction.bind(null, token, place.id, 'wrong_contact');
  const unsubscribe = optOutAction.bind(null, token, place.id, 'unsubscribed');
  const correct = correctAction.bind(null, token, place.id);
  return (
    <div className="container prose">
      <h1>« {place.name} » : votre fiche est-elle à jour ?</h1>
      <p>
        Le réseau {campaign.network} vous demande de vérifier la fiche de votre lieu dans l’annuaire Repères (dernière confirmation le{' '}
        {place.dateMaj.toLocaleDateString('fr-FR', { timeZone: 'UTC' })}). Ce lien personnel sert une fois, jusqu’au{' '}
        {campaign.expiresAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}.
      </p>
      <h2>La fiche aujourd’hui</h2>
      <PlaceListing listing={link.view.listing} address={`${place.street}, ${place.postcode} ${place.commune}`} />
      <p>
        <a href={`/lieux/${place.slug}`} target="_blank" rel="noopener">
          Voir la fiche publique (nouvel onglet)
        </a>
      </p>
      <form action={confirm}>
        <ComingSessions sessions={link.sessions} />
        <button type="submit" className="button button--primary">
          Tout est à jour
        </button>
      </form>
      <h2>Corriger la fiche</h2>
      <p>Vos corrections sont vérifiées par la coordination du réseau avant d’être publiées.</p>
      <CorrectionForm action={correct} current={link.view.form} />
      <h2>Le lieu a fermé</h2>
      <form action={closed}>
        <div className="field">
          <label htmlFor="closed-message">Précisions (facultatif : date de fermeture, lieu qui prend le relais…)</label>
          <textarea id="closed-message" name="message" rows={3} maxLength={2000} />
        </div>
        <button type="submit" className="button button--danger">
          Signaler que le lieu a fermé
        </button>
      </form>
      <h2 id="contact">Ce message ne vous concerne pas ?</h2>
      <NotConcerned wrong={wrong} unsubscribe={unsubscribe} />
    </div>
  );
}

type Listing = Extract<Awaited<ReturnType<typeof campaignLinkByToken>>, { status: 'ok' }>['view']['listing'];

/** The place's record as it is published today, in plain words. */
function PlaceListing({ listing, address }: { listing: Listing; address: string }) {
  return (
    <dl className="update-listing">
      <dt>Adresse</dt>
      <dd>{address}</dd>
      <dt>Téléphone</dt>
      <dd>{listing.phone}</dd>
      <dt>Courriel</dt>
      <dd>{listing.emails}</dd>
      <dt>Site web</dt>
      <dd>
        {listing.websites.length
          ? listing.websites.map((w, i) => (
              <span key={w.href}>
                {i > 0 && ', '}
                {w.text}
              </span>
            ))
          : '—'}
      </dd>
      <dt>Horaires</dt>
      <dd>
        <HoursTable hours={listing.hours} />
      </dd>
      {listing.lists.map((list) => (
        <Fragment key={list.legend}>
          <dt>{list.legend}</dt>
          <dd>{list.words.length ? list.words.join(', ') : '—'}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The place's coming ateliers: those ticked are cancelled when the contact confirms the listing. */
function ComingSessions({ sessions }: { sessions: Array<{ id: string; when: string; title: string }> }) {
  if (!sessions.length) return null;
  return (
    <fieldset className="field">
      <legend>Vos prochains ateliers : cochez ceux qui n’auront pas lieu</legend>
      <p className="hint">Les séances non cochées restent annoncées. Les personnes inscrites à une séance annulée sont prévenues par courriel.</p>
      {sessions.map((s) => (
        <div key={s.id} className="checkbox">
          <input type="checkbox" id={`annuler-${s.id}`} name="annuler" value={s.id} />
          <label htmlFor={`annuler-${s.id}`}>
            « {s.title} », {s.when}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

type FormAction = (form: FormData) => Promise<void>;

/** The two ways out for someone the email should not have reached. */
function NotConcerned({ wrong, unsubscribe }: { wrong: FormAction; unsubscribe: FormAction }) {
  return (
    <div className="admin-actions">
      <form action={wrong}>
        <button type="submit" className="button button--small">
          Je ne suis pas la bonne personne
        </button>
      </form>
      <form action={unsubscribe}>
        <button type="submit" className="button button--small">
          Ne plus recevoir ces courriels
        </button>
      </form>
    </div>
  );
}
