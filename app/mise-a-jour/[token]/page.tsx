// The page a place's contact reaches from a campaign email: no account, one personal link.
import type { Metadata } from 'next';
import { CorrectionForm } from '@/components/campaign/CorrectionForm';
import { campaignLinkByToken } from '@/lib/campaigns/pages';
import { closedAction, confirmAction, correctAction, optOutAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Mettre à jour une fiche', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

const MESSAGES = {
  invalid: 'Ce lien n’est pas (ou plus) valable. Si vous avez reçu un message de relance, utilisez le lien du dernier message.',
  expired: 'Ce lien a expiré : la campagne de mise à jour est terminée. Vous pouvez écrire à la coordination de votre réseau.',
  used: 'Ce lien a déjà servi : votre réponse a bien été enregistrée. Merci !',
} as const;

/** A link that opens nothing: why, in one sentence. */
function LinkRefused({ status }: { status: keyof typeof MESSAGES }) {
  return (
    <div className="container prose">
      <h1>Mise à jour de votre fiche</h1>
      <div className="notice notice--warning" role="alert">
        {MESSAGES[status]}
      </div>
    </div>
  );
}

export default async function UpdatePage({ params }: Props) {
  const { token } = await params;
  const link = await campaignLinkByToken(token);
  if (link.status !== 'ok') return <LinkRefused status={link.status} />;
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
      <PlaceListing place={place} />
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
      <CorrectionForm
        action={correct}
        current={{
          phone: place.phone ?? '',
          emails: place.emails.join('\n'),
          websites: place.websites.join('\n'),
          appointmentUrl: place.appointmentUrl ?? '',
          openingHours: place.openingHours ?? '',
        }}
      />
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

type CampaignPlace = Extract<Awaited<ReturnType<typeof campaignLinkByToken>>, { status: 'ok' }>['place'];

/** The place's record as it is published today. */
function PlaceListing({ place }: { place: CampaignPlace }) {
  return (
    <dl className="update-listing">
      <dt>Adresse</dt>
      <dd>
        {place.street}, {place.postcode} {place.commune}
      </dd>
      <dt>Téléphone</dt>
      <dd>{place.phone ?? '—'}</dd>
      <dt>Courriel</dt>
      <dd>{place.emails.join(', ') || '—'}</dd>
      <dt>Site web</dt>
      <dd>{place.websites.join(', ') || '—'}</dd>
      <dt>Horaires</dt>
      <dd>{place.openingHours ?? '—'}</dd>
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
