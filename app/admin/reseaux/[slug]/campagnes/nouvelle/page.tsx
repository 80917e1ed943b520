import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { CRITERIA, type Criterion } from '@/lib/campaigns';
import { campaignCandidates, managedNetwork } from '@/lib/networks/dashboard';
import { startCampaignAction } from '@/app/admin/reseaux/actions';

export const metadata = { title: 'Nouvelle campagne de mise à jour' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewCampaign({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const user = await requireUser(`/admin/reseaux/${slug}/campagnes/nouvelle`);
  const network = await managedNetwork(user, slug);
  if (!network) notFound();
  const criterion = (typeof query.critere === 'string' && query.critere in CRITERIA ? query.critere : 'annee') as Criterion;
  const error = typeof query.erreur === 'string' ? query.erreur.slice(0, 300) : null;
  const places = await campaignCandidates(network.id, criterion);
  const now = new Date();
  const action = startCampaignAction.bind(null, slug);
  return (
    <>
      <p>
        <Link href={`/admin/reseaux/${slug}`}>← Tableau de bord {network.name}</Link>
      </p>
      <h1>Nouvelle campagne de mise à jour</h1>
      <p className="prose">
        Chaque lieu choisi reçoit, à sa première adresse électronique, un lien personnel : sans compte, la personne confirme que tout est à jour, propose des
        corrections (elles arrivent dans « À valider ») ou signale que le lieu a fermé. Les adresses désinscrites ou signalées comme erronées ne reçoivent rien.
      </p>
      {error && (
        <div className="notice notice--error" role="alert">
          {error}
        </div>
      )}
      <CriterionFilter criterion={criterion} />
      <StartCampaignForm action={action} criterion={criterion} places={places} now={now} />
    </>
  );
}

function CriterionFilter({ criterion }: { criterion: Criterion }) {
  return (
    <form method="get" className="admin-filters">
      <div className="field">
        <label htmlFor="critere">Lieux à solliciter</label>
        <select id="critere" name="critere" defaultValue={criterion}>
          {Object.entries(CRITERIA).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--small">
        Afficher
      </button>
    </form>
  );
}

type StartCampaignProps = {
  action: (form: FormData) => Promise<void>;
  criterion: Criterion;
  places: Awaited<ReturnType<typeof campaignCandidates>>;
  now: Date;
};

function StartCampaignForm({ action, criterion, places, now }: StartCampaignProps) {
  return (
    <form action={action}>
      <input type="hidden" name="critere" value={criterion} />
      <div className="field">
        <label htmlFor="name">Nom de la campagne</label>
        <input
          id="name"
          name="name"
          type="text"
          required
          maxLength={200}
          defaultValue={`Mise à jour ${now.toLocaleDateString('fr-FR', { month: 'long', year: 'numeric' })}`}
        />
      </div>
      <div className="admin-filters">
        <div className="field">
          <label htmlFor="reminderAfterDays">Relance après (jours)</label>
          <input id="reminderAfterDays" name="reminderAfterDays" type="number" min={1} max={90} defaultValue={7} required />
        </div>
        <div className="field">
          <label htmlFor="validDays">Liens valables (jours)</label>
          <input id="validDays" name="validDays" type="number" min={2} max={180} defaultValue={30} required />
        </div>
      </div>
      <fieldset className="filter-group">
        <legend>
          {places.length} lieu{places.length > 1 ? 'x' : ''} — {CRITERIA[criterion].toLowerCase()}
        </legend>
        {places.map((p) => (
          <div className="checkbox" key={p.id}>
            <input type="checkbox" id={`place-${p.id}`} name="placeIds" value={p.id} defaultChecked />
            <label htmlFor={`place-${p.id}`}>
              {p.name} — {p.commune} — confirmé le {p.dateMaj.toLocaleDateString('fr-FR', { timeZone: 'UTC' })} —{' '}
              {p.email ?? <span className="muted">pas de courriel utilisable (à appeler)</span>}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button button--primary" disabled={places.length === 0}>
        Lancer la campagne et envoyer les courriels
      </button>
    </form>
  );
}
